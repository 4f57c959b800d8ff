"""BibTeX/BibLaTeX and RIS writers, checked by independent parsers (pybtex, rispy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rispy
from hypothesis import given, settings
from pybtex.database import parse_string

import convert
from convert.writers.latex import rich_to_latex
from strategies import csl_items

SAMPLES = Path(__file__).parent.parent / "samples"


def _sample_items() -> list[dict]:
    return json.loads((SAMPLES / "sample.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("rich,latex", [
    ("<i>Homo sapiens</i> in 50% of R&D_x", r"\emph{Homo sapiens} in 50\% of R\&D\_x"),
    ('The <span class="nocase">iPhone</span> era', "The {iPhone} era"),
    ("x<sup>2</sup> and H<sub>2</sub>O", r"x\textsuperscript{2} and H\textsubscript{2}O"),
    ("unclosed <b>bold", r"unclosed \textbf{bold}"),
    ("stray </i> close and { brace", r"stray  close and \textbraceleft{} brace"),
    ("~^\\", r"\textasciitilde{}\textasciicircum{}\textbackslash{}"),
])
def test_rich_text_to_latex(rich: str, latex: str) -> None:
    assert rich_to_latex(rich) == latex


def test_ascii_option_escapes_accents() -> None:
    text = convert.write([{"id": "m", "type": "book", "title": "Über Café", "author": [{"family": "Münch"}]}],
                         "bibtex", ascii=True)
    assert text.isascii()
    fields = parse_string(text, "bibtex").entries["m"]
    assert str(fields.persons["author"][0]) == 'M{\\"u}nch'
    assert fields.fields["title"] == "{\\\"U}ber Caf{\\\'e}"


def test_bibtex_sample_parsed_by_pybtex_with_same_fields() -> None:
    items = _sample_items()
    text = convert.write(items, "bibtex")
    database = parse_string(text, "bibtex")
    assert list(database.entries) == [i["id"] for i in items]
    munch = database.entries["munch2021"]
    assert munch.type == "article"
    assert munch.fields["journal"] == "Journal of Transatlantic Studies"
    assert munch.fields["pages"] == "138--166"
    assert munch.fields["year"] == "2021"
    assert str(munch.persons["author"][0]) == "Münch, Philipp"
    eyden = database.entries["vandereyden2003"].persons["author"][0]
    assert eyden.prelast_names == ["van", "der"] and eyden.last_names == ["Eyden"]
    biblatex = parse_string(convert.write(items, "biblatex"), "bibtex")
    assert biblatex.entries["cook2017"].fields["date"] == "2017-05-25"
    assert biblatex.entries["cook2017"].fields["entrysubtype"] == "newspaper"


def test_corporate_names_stay_whole() -> None:
    text = convert.write([{"id": "w", "type": "report", "author": [{"literal": "World Health Organization"},
                                                                   {"literal": "Smith and Sons"}]}], "bibtex")
    persons = parse_string(text, "bibtex").entries["w"].persons["author"]
    assert len(persons) == 2 and str(persons[1]) == "{Smith and Sons}"


def test_unplaceable_variables_reported() -> None:
    diagnostics: list = []
    convert.write([{"id": "x", "type": "book", "reviewed-title": "R", "archive": "A"}], "bibtex",
                  diagnostics=diagnostics)
    assert "BibTeX has no field for archive, reviewed-title" in diagnostics[0].message


@settings(max_examples=120, deadline=None)
@given(csl_items())
def test_any_item_gives_bibtex_pybtex_parses(item) -> None:
    for dialect in ("bibtex", "biblatex"):
        text = convert.write([item], dialect)
        database = parse_string(text, "bibtex")  # raises on unbalanced braces or bad syntax
        assert len(database.entries) == 1
        assert text.count("{") == text.count("}")


def test_ris_sample_read_by_rispy_with_same_fields() -> None:
    items = _sample_items()
    text = convert.write(items, "ris")
    assert "\r\n" in text and text.endswith("ER  - \r\n\r\n")
    records = rispy.loads(text.replace("\r\n", "\n"))
    assert len(records) == len(items)
    journal = records[1]
    assert journal["type_of_reference"] == "JOUR"
    assert journal["title"] == "Creating common sense: Getting NATO to Afghanistan"
    assert journal["secondary_title"] == "Journal of Transatlantic Studies"
    assert (journal["volume"], journal["number"], journal["year"]) == ("19", "2", "2021")
    assert journal["authors"] == ["Münch, Philipp"]
    assert journal["start_page"] == "138" and journal["end_page"] == "166"
    assert journal["doi"] == "10.1057/s42738-021-00067-0"
    assert records[0]["type_of_reference"] == "NEWS"
    assert records[2]["issn"] == "9783030666415"  # rispy names SN 'issn' whatever it holds


@settings(max_examples=120, deadline=None)
@given(csl_items())
def test_any_item_gives_one_unbroken_ris_record(item) -> None:
    text = convert.write([item], "ris")
    lines = text.split("\r\n")
    assert lines[0].startswith("TY  - ")
    assert sum(1 for line in lines if line.startswith("ER  -")) == 1
    assert all(line == "" or line[2:6] == "  - " for line in lines)
    records = rispy.loads(text.replace("\r\n", "\n"))
    assert len(records) == 1
    if item.get("title") and item["title"].strip():
        assert records[0].get("title") == " ".join(item["title"].split())


def test_ris_keeps_values_whose_tag_is_taken() -> None:
    """genre and medium share M3, number-of-pages and page share SP: the second goes to N1, not away."""
    diagnostics: list = []
    text = convert.write([{"id": "b", "type": "book", "genre": "Atlas", "medium": "Print", "page": "1-20",
                           "number-of-pages": "300"}], "ris", diagnostics=diagnostics)
    record = rispy.loads(text.replace("\r\n", "\n"))[0]
    assert (record["start_page"], record["end_page"]) == ("1", "20")
    assert "medium: Print" in record["notes"] and "number-of-pages: 300" in record["notes"]
    assert "RIS has no tag for medium, number-of-pages" in diagnostics[0].message
