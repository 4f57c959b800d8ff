"""Plain-text reference lists: a pasted or saved page (Wikipedia "References", an APA list...)."""

from __future__ import annotations

from ..csl import Item
from ..registry import ReadContext, reader
from ..reflist.api import PARSERS, parse_document


def looks_like_text(text: str) -> bool:
    """Any mostly printable text can be a reference list; binary data cannot."""
    sample = text[:4096]
    if not sample.strip():
        return False
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t")
    return printable / len(sample) > 0.95


@reader("text", extensions=(".txt", ".md", ".text"), aliases=("txt", "reflist", "references", "markdown"),
        description="Reference list as plain text (Wikipedia, APA, Chicago, ...)", sniff=looks_like_text,
        options=("parser",), priority=90)
def read_text(text: str, context: ReadContext) -> list[Item]:
    if "\x00" in text:
        context.diagnostics.warning("input contains NUL bytes; they were removed")
        text = text.replace("\x00", "")
    parser = context.options.get("parser") or "auto"
    if parser not in PARSERS:
        context.diagnostics.warning(f"unknown parser {parser!r} (use {', '.join(PARSERS)}); used auto")
        parser = "auto"
    items = parse_document(text, context.diagnostics, parser)
    if not items:
        context.diagnostics.error("no references found")
    return items
