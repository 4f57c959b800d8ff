"""Golden files for the styled writers: every panel style, HTML and text, on the bundled sample
items (``samples/sample.json``).  ``pytest --update-golden`` rewrites them; review the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

import convert
from conftest import FIXTURES

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "sample.json"
PANEL = ("apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
         "harvard-cite-them-right", "ieee", "vancouver-nlm", "nature", "american-medical-association", "wikipedia")


@pytest.mark.parametrize("fmt,extension", [("html", "html"), ("text", "txt")])
@pytest.mark.parametrize("style", PANEL)
def test_styled_writer_golden(style: str, fmt: str, extension: str, update_golden: bool) -> None:
    items = convert.read(SAMPLE).items
    output = convert.write(items, fmt, style=style)
    golden = FIXTURES / "writer" / fmt / f"{style}.{extension}"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file {golden.name}"
    assert output == golden.read_text(encoding="utf-8")
