"""Train the reference tagger: ``python -m convert.train --anystyle core.xml --grobid corpus/
--synthetic items.json ...``.

Reads both corpora, keeps a fixed random 10% of each out of training (the split
``bench/tagger_accuracy.py`` evaluates on), trains a linear-chain CRF with python-crfsuite
(L-BFGS with L1 and L2 regularisation; L1 prunes features so the model stays small), and writes the
model that ships inside the package.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .corpora import iter_training, tokens_and_labels
from .features import sequence_features

MODEL_PATH = Path(__file__).with_name("model.crfsuite")


def _items_from(path: Path) -> list[dict]:
    """CSL items from a CSL-JSON file, or from a JSON Lines corpus whose lines hold items under
    "input" (the CSL test suite) or "expected" (pandoc's cases)."""
    import json

    text = path.read_text(encoding="utf-8")
    if not path.suffix == ".jsonl":
        return list(json.loads(text))
    items: list[dict] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        for key in ("expected", "input"):
            value = record.get(key)
            if isinstance(value, list) and all(isinstance(v, dict) and "type" in v for v in value):
                items.extend(dict(v, id=f"{len(items)}") for v in value)
                break
    return [i for i in items if i.get("title")]


def train(anystyle: Path | None, grobid: Path | None, output: Path, iterations: int = 150,
          c1: float = 0.1, c2: float = 0.01, synthetic: list[Path] | None = None) -> dict[str, int]:

    import pycrfsuite

    from .synthetic import synthetic_references

    trainer = pycrfsuite.Trainer(verbose=False)
    counts: dict[str, int] = {}
    for name, training, _ in iter_training(anystyle, grobid):
        counts[name] = len(training)
        for _, spans in training:
            words, labels = tokens_and_labels(spans)
            if words:
                trainer.append(sequence_features(words), labels)
    if synthetic:
        items = [item for path in synthetic for item in _items_from(path)]
        made = synthetic_references(items)
        counts["synthetic"] = len(made)
        for _, spans in made:
            words, labels = tokens_and_labels(spans)
            if words:
                trainer.append(sequence_features(words), labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--anystyle", type=Path, help="AnyStyle's res/parser/core.xml")
    parser.add_argument("--grobid", type=Path, help="GROBID's dataset/citation/corpus folder")
    parser.add_argument("--synthetic", type=Path, nargs="*", default=[],
                        help="CSL-JSON files (or JSON Lines corpora with items under 'input'/'expected') whose "
                             "items are rendered in 29 styles and labelled (GIANT approach)")
    parser.add_argument("-o", "--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.1, help="L1 weight (prunes features: a smaller model)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    args = parser.parse_args(argv)
    if not args.anystyle and not args.grobid:
        parser.error("give --anystyle and/or --grobid")
    started = time.perf_counter()
    counts = train(args.anystyle, args.grobid, args.output, args.iterations, args.c1, args.c2, synthetic=args.synthetic)
    size = args.output.stat().st_size
    print(f"trained on {', '.join(f'{n}: {c:,}' for n, c in counts.items())} references in "
          f"{time.perf_counter() - started:.0f} s; model {size / 1e6:.1f} MB -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
