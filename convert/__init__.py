"""bibconvert: read reference lists, BibTeX/BibLaTeX, RIS and CSL-JSON; write them all, plus
CSL-styled HTML and text.  Every format goes through one internal record, a CSL-JSON item.

    >>> import convert
    >>> result = convert.read("refs.bib")            # doctest: +SKIP
    >>> convert.write(result.items, "ris")           # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api import ConvertResult, ReadResult, convert, read, read_many, write
from .csl import Item
from .diagnostics import (
    BibconvertError,
    Diagnostic,
    FormatDetectionError,
    InputNotFoundError,
    UnknownFormatError,
    UsageError,
)
from .registry import Registry, default_registry, reader, writer

__version__ = "0.1.0"

__all__ = [
    "BibconvertError", "ConvertResult", "Diagnostic", "FormatDetectionError", "InputNotFoundError", "Item",
    "ReadResult", "Registry", "UnknownFormatError", "UsageError", "convert", "default_registry",
    "parse_reference", "parse_references", "read", "read_many", "reader", "tag_reference", "write", "writer",
    "__version__",
]

if TYPE_CHECKING:  # pragma: no cover
    from .reflist.api import parse_reference, parse_references
    from .tagger import tag_reference


def __getattr__(name: str) -> Any:
    # The reference-list parser pulls in its grammar and tagger model; load it only when asked for.
    if name in ("parse_reference", "parse_references"):
        from .reflist import api

        return getattr(api, name)
    if name == "tag_reference":
        from .tagger import tag_reference

        return tag_reference
    raise AttributeError(f"module 'convert' has no attribute {name!r}")
