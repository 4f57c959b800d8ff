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


PANEL_ITEMS = FIXTURES / "panel" / "items.json"


@pytest.mark.parametrize("fmt,extension", [("bibtex", "bib"), ("biblatex", "bib"), ("ris", "ris"), ("csljson", "json")])
@pytest.mark.parametrize("source", [SAMPLE, PANEL_ITEMS], ids=["sample", "panel-items"])
def test_data_writer_golden(source: Path, fmt: str, extension: str, update_golden: bool) -> None:
    """Input items -> the exact BibTeX, BibLaTeX, RIS and CSL-JSON we write (44 varied panel items:
    journal, book, chapter, thesis, report, web page, news, dataset, software, patent, film...)."""
    items = convert.read(source).items
    output = convert.write(items, fmt)
    golden = FIXTURES / "writer" / fmt / f"{source.stem}.{extension}"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(output.encode("utf-8"))
        return
    assert golden.exists(), f"no golden file {golden.name}"
    assert output == golden.read_bytes().decode("utf-8")
