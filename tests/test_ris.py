"""The RIS reader and writer: traps from real files, round trips, and rispy reading our output."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import csl_items

import convert
from conftest import FIXTURES
from convert.mappings.ris import RIS_TO_TYPE, TYPE_TO_RIS
from convert.writers.ris import tags_for

RIS_FIXTURES = sorted((FIXTURES / "reader" / "ris").glob("*.ris"))


def test_bom_before_first_record_is_not_a_lost_record() -> None:
    items = convert.read("\ufeffTY  - JOUR\r\nTI  - First\r\nER  - \r\n", format="ris").items
    assert [i["title"] for i in items] == ["First"]


def test_two_doi_lines_keep_both() -> None:
    result = convert.read("TY  - JOUR\nDO  - 10.1/a\nDO  - https://doi.org/10.1/b\nER  - \n", format="ris")
    item = result.items[0]
    assert item["DOI"] == "10.1/a" and item["custom"]["DO"] == "10.1/b"
    assert any("second DOI" in d.message and d.line == 3 for d in result.diagnostics)


def test_missing_final_er_keeps_the_record() -> None:
    result = convert.read("TY  - JOUR\nTI  - A\nER  - \n\nTY  - BOOK\nTI  - B\n", format="ris", name="x.ris")
    assert [i["title"] for i in result.items] == ["A", "B"]
    assert result.diagnostics[0].line == 5 and result.diagnostics[0].file == "x.ris"


@pytest.mark.parametrize("written,name", [
    ("Smith J.", {"family": "Smith", "given": "J."}),  # Scopus
    ("García-López M.A.", {"family": "García-López", "given": "M.A."}),
    ("Smith JA", {"family": "Smith", "given": "JA"}),  # MEDLINE-style
    ("van der Berg J.", {"family": "Berg", "given": "J.", "non-dropping-particle": "van der"}),
    ("John Smith", {"family": "Smith", "given": "John"}),
    ("Smith, John", {"family": "Smith", "given": "John"}),
    ("World Health Organization", {"literal": "World Health Organization"}),
])
def test_author_forms_of_real_exports(written: str, name: dict) -> None:
    item = convert.read(f"TY  - JOUR\nAU  - {written}\nER  - \n", format="ris").items[0]
    assert item["author"] == [name]


def test_full_text_link_is_the_url_when_there_is_no_ur() -> None:
    alone = convert.read("TY  - JOUR\nTI  - D\nL2  - https://x.org/full\nER  - \n", format="ris").items[0]
    assert alone["URL"] == "https://x.org/full" and alone["custom"] == {"L2": "https://x.org/full"}
    both = convert.read("TY  - JOUR\nUR  - https://a.org\nL2  - https://x.org\nER  - \n", format="ris").items[0]
    assert both["URL"] == "https://a.org"


def test_loose_separators_and_continuation_lines() -> None:
    text = "TY - JOUR\nTI -  Spaced\nAB  - first line\n  second line\nAU- Doe, Jane\nER -\n"
    item = convert.read(text, format="ris").items[0]
    assert item["title"] == "Spaced" and item["abstract"] == "first line\nsecond line"
    assert item["author"] == [{"family": "Doe", "given": "Jane"}]


@pytest.mark.parametrize("tag_lines,expected", [
    ("TY  - JOUR\nT2  - Nature", {"container-title": "Nature"}),
    ("TY  - BOOK\nT2  - Lecture Notes", {"collection-title": "Lecture Notes"}),
    ("TY  - CHAP\nT2  - The Book\nT3  - The Series", {"container-title": "The Book", "collection-title": "The Series"}),
    ("TY  - BOOK\nA3  - Doe, J.", {"editor": [{"family": "Doe", "given": "J."}]}),
    ("TY  - CHAP\nA2  - Doe, J.", {"editor": [{"family": "Doe", "given": "J."}]}),
    ("TY  - MPCT\nAU  - Kubrick, Stanley", {"director": [{"family": "Kubrick", "given": "Stanley"}]}),
    ("TY  - THES\nM3  - PhD thesis\nSP  - 287", {"genre": "PhD thesis", "number-of-pages": "287"}),
    ("TY  - RPRT\nSN  - R46066", {"number": "R46066"}),
    ("TY  - JOUR\nSN  - 0140-2390", {"ISSN": "0140-2390"}),
    ("TY  - BOOK\nSN  - 978-0-7425-3917-4", {"ISBN": "978-0-7425-3917-4"}),
    ("TY  - JOUR\nSP  - 379-423", {"page": "379-423"}),
    ("TY  - JOUR\nPY  - 2020\nDA  - 2020/03/05/", {"issued": {"date-parts": [[2020, 3, 5]]}}),
    ("TY  - JOUR\nPY  - 2020///Spring", {"issued": {"date-parts": [[2020]], "season": 1}}),
    ("TY  - ELEC\nY2  - 2021/10/05/", {"accessed": {"date-parts": [[2021, 10, 5]]}}),
    ("TY  - JOUR\nM3  - doi:10.1002/x.1", {"DOI": "10.1002/x.1"}),
    ("TY  - JOUR\nLA  - eng", {"language": "en"}),
    ("TY  - JOUR\nZZ  - unknown tag", {"custom": {"ZZ": "unknown tag"}}),
    ("TY  - INPR\nTI  - Accepted", {"title": "Accepted", "status": "in press"}),
])
def test_tag_meanings_follow_the_record_type(tag_lines: str, expected: dict) -> None:
    item = convert.read(tag_lines + "\nER  - \n", format="ris").items[0]
    for key, value in expected.items():
        assert item[key] == value, key


def test_every_2011_type_is_mapped() -> None:
    for ris_type in ("ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "BLOG", "BOOK", "CASE", "CHAP", "CHART", "CLSWK",
                     "COMP", "CONF", "CPAPER", "CTLG", "DATA", "DBASE", "DICT", "EBOOK", "ECHAP", "EDBOOK", "EJOUR",
                     "ELEC", "ENCYC", "EQUA", "FIGURE", "GEN", "GOVDOC", "GRANT", "HEAR", "ICOMM", "INPR", "JFULL",
                     "JOUR", "LEGAL", "MANSCPT", "MAP", "MGZN", "MPCT", "MULTI", "MUSIC", "NEWS", "PAMP", "PAT", "PCOMM",
                     "RPRT", "SER", "SLIDE", "SOUND", "STAND", "STAT", "THES", "UNBILL", "UNPB", "VIDEO"):
        assert ris_type in RIS_TO_TYPE


@pytest.mark.parametrize("path", RIS_FIXTURES, ids=lambda p: p.name)
def test_fixture_round_trip(path) -> None:
    first = convert.read(path, format="ris").items
    again = convert.read(convert.write(first, "ris"), format="ris").items
    assert again == first


@pytest.mark.parametrize("path", RIS_FIXTURES, ids=lambda p: p.name)
def test_rispy_reads_what_we_write(path) -> None:
    import rispy

    items = convert.read(path, format="ris").items
    written = convert.write(items, "ris")
    entries = rispy.loads(written)
    assert len(entries) == len(items)
    for entry, item in zip(entries, items):
        if "title" in item:
            assert entry.get("title") == item["title"] or entry.get("primary_title") == item["title"]
        if "DOI" in item:
            assert entry["doi"] == item["DOI"]
        if "author" in item and tags_for(TYPE_TO_RIS[item["type"]]).get("author") == "AU":
            assert len(entry.get("authors", []) + entry.get("first_authors", [])) == len(item["author"])


# Types whose RIS type reads back as the same CSL type.
ROUND_TRIP_TYPES = tuple(sorted(t for t, ris in TYPE_TO_RIS.items() if RIS_TO_TYPE.get(ris) == t))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(csl_items(types=ROUND_TRIP_TYPES, rich=False,
                          text_variables=("title", "container-title", "publisher", "publisher-place", "note",
                                          "abstract", "collection-title", "genre", "medium", "language"),
                          name_variables=("author", "editor", "translator", "container-author"),
                          number_variables=("volume", "issue", "edition", "number-of-pages")),
                min_size=1, max_size=3, unique_by=lambda i: i["id"]))
def test_round_trip_from_generated_items(items: list) -> None:
    # A "raw" date is input still to be parsed, and a literal that reads as a date ("0", "2001") is a
    # date once it is in a PY line: neither is expected back unchanged.
    assume(not any("raw" in (i.get(v) or {}) or re.fullmatch(r"[\d\s/~?%.-]+", str((i.get(v) or {}).get("literal", "x")))
                   for i in items for v in ("issued", "accessed")))
    back = convert.read(convert.write(items, "ris"), format="ris")
    assert back.ok
    assert [_comparable(i) for i in back.items] == [_comparable(i) for i in items]


def _comparable(item: dict) -> dict:
    item = json.loads(json.dumps(item))
    item.pop("custom", None)
    for key in ("volume", "issue", "edition", "number-of-pages"):
        if key in item:
            item[key] = str(item[key])
    if "page" in item:
        item["page"] = re.sub(r"\s?[\u2013\u2014-]\s?", "-", str(item["page"]))
    return item


@pytest.mark.parametrize("da, issued, other", [
    ("2001/03/05/Conference", [[2001, 3, 5]], "Conference"),
    ("2019/03/05/Spring", [[2019, 3, 5]], "Spring"),
    ("2020///Spring", [[2020]], None),  # the other part made the date: spring 2020
    ("2019/03/05/", [[2019, 3, 5]], None),
])
def test_a_dates_other_part_is_kept_and_written_back(da: str, issued: list, other: str | None) -> None:
    item = convert.read(f"TY  - JOUR\nTI  - T\nDA  - {da}\nER  - \n", format="ris").items[0]
    assert item["issued"]["date-parts"] == issued
    assert (item.get("custom") or {}).get("date-other") == other
    written = convert.write([item], "ris")
    if other:
        assert f"DA  - {da}" in written
    assert "custom.date-other" not in written
    assert convert.read(written, format="ris").items[0].get("custom", {}).get("date-other") == other


def test_a_date_other_that_is_not_text_is_kept_in_a_note() -> None:
    """Only a text value rides in DA; anything else still reaches N1 rather than being dropped."""
    item = {"id": "a", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2001, 3, 5]]},
            "custom": {"date-other": 5}}
    written = convert.write([item], "ris")
    assert "DA  - 2001/03/05/\r\n" in written or "DA  - 2001/03/05/\n" in written
    assert "N1  - custom.date-other: 5" in written
