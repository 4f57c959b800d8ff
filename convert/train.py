"""``python -m convert.train``: rebuild the reference tagger's model (see convert/tagger/train.py)."""

import sys

from .tagger.train import main

if __name__ == "__main__":
    sys.exit(main())
