"""CSL-styled output: agreement with citeproc-js, each fix of the fix layer, the HTML and text
writers, style and locale lookup, and the wikipedia style read back by the reference-list parser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree, html

import convert
from conftest import FIXTURES
from convert.render import fixes
from convert.render.engine import render
from convert.render.styles import UnknownStyleError, resolve_locale, resolve_style, search_styles

PANEL_ITEMS = json.loads((FIXTURES / "panel" / "items.json").read_text(encoding="utf-8"))
CITEPROC_JS = FIXTURES / "panel" / "citeproc-js"
# Entries where citeproc-js itself is at fault and we do not copy it ("2001–(2003)").
KNOWN_DIFFERENCES = {"nature": 1}


@pytest.mark.parametrize("style", sorted(p.stem for p in CITEPROC_JS.glob("*.txt")))
def test_same_text_as_citeproc_js(style: str) -> None:
    """The reference processor's output for the panel items (saved by bench/style_panel.py)."""
    expected = CITEPROC_JS.joinpath(f"{style}.txt").read_text(encoding="utf-8").splitlines()
    ours = [" ".join(e.split()) for e in render(PANEL_ITEMS, style, output="text").entries]
    assert len(ours) == len(expected)
    different = [(a, b) for a, b in zip(ours, expected) if a != b]
    assert len(different) <= KNOWN_DIFFERENCES.get(style, 0), different


def _text(items: list[dict], style: str, monkeypatch: pytest.MonkeyPatch, disabled: str | None = None) -> str:
    if disabled:
        monkeypatch.setenv("BIBCONVERT_CITEPROC_FIXES", f"-{disabled}")
    else:
        monkeypatch.delenv("BIBCONVERT_CITEPROC_FIXES", raising=False)
    return "\n".join(render(items, style, output="text").entries)


BOOK = {"id": "b", "type": "book", "title": "Collected essays", "author": [{"family": "Cook", "given": "Lorne"}],
        "publisher": "Oxford University Press", "issued": {"date-parts": [[2010]]}}
NEWS = {"id": "n", "type": "article-newspaper", "title": "NATO, explained", "author": [{"family": "Cook", "given": "Lorne"}],
        "container-title": "Military Times", "issued": {"date-parts": [[2017, 5, 25]]}}
EDITED = {"id": "e", "type": "book", "title": "Essays", "editor": [{"family": "Smith", "given": "Jane"}],
          "publisher": "OUP", "issued": {"date-parts": [[2010]]}}


@pytest.mark.parametrize("fix,style,items,with_fix,without_fix", [
    ("second-field-align", "ieee", [BOOK], "[1] L. Cook", "[1]L. Cook"),
    ("initialize-false", "modern-language-association", [BOOK], "Cook, Lorne.", "Cook, L."),
    ("punctuation-in-quote", "chicago-author-date", [NEWS], "Explained.”", "Explained”."),
    ("label-needs-variable", "chicago-author-date", [NEWS], "May 25.", "Edition."),
    ("text-case-language", "apa", [EDITED], "(Ed.)", "(ed.)"),
    ("year-suffix", "apa", [BOOK, dict(BOOK, id="b2", title="Second essays")], "(2010a)", "(2010)."),
    ("subsequent-author-substitute", "chicago-author-date-17th-edition",
     [BOOK, dict(BOOK, id="b2", title="Second essays")], "———. 2010b", "Cook, Lorne. 2010b"),
    ("localized-date-delimiter", "vancouver-nlm", [NEWS], "2017 May 25", "2017May25"),
    ("title-case", "modern-language-association", [dict(BOOK, title="Politics after the multi-beam era")],
     "Politics after the Multi-Beam Era", "Politics After the"),
    ("substitution", "modern-language-association", [dict(EDITED)], "Smith, Jane, editor. Essays. OUP", "Edited by"),
    ("page-range", "modern-language-association", [dict(NEWS, type="article-journal", page="3-18")], "pp. 3–18", "pp. 3–8"),
    ("date-range-context", "apa", [dict(NEWS, issued={"date-parts": [[1997, 1, 15], [1997, 1, 17]]})],
     "(1997, January 15–17)", "( 15– 17January)"),
])
def test_each_fix_changes_what_it_says(fix: str, style: str, items: list, with_fix: str, without_fix: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert fix in fixes.FIXES
    fixed = _text(items, style, monkeypatch)
    # title-case also applies CSL's "no language means English" rule, so it goes off with its sibling
    plain = _text(items, style, monkeypatch, disabled=fix + (",title-case" if fix == "text-case-language" else ""))
    assert with_fix in fixed, fixed
    assert without_fix in plain, plain


# Date ranges: the expected lines are what citeproc-js (npm citeproc) prints for the same items and
# styles (checked with bench/style_panel.py --items).
RANGES = [dict(NEWS, id="d1", issued={"date-parts": [[1997, 1, 15], [1997, 1, 17]]}),
          dict(NEWS, id="d2", author=[{"family": "Doe", "given": "Jane"}], issued={"date-parts": [[1997, 1], [1997, 3]]}),
          dict(NEWS, id="d3", author=[{"family": "Roe", "given": "Rick"}], issued={"date-parts": [[2001, 5, 30], [2001, 6, 2]]}),
          dict(NEWS, id="d4", author=[{"family": "Poe", "given": "Paul"}], issued={"date-parts": [[1997], [1999]]})]


@pytest.mark.parametrize("style,expected", [
    ("apa", ["Cook, L. (1997, January 15–17). NATO, explained. Military Times.",
             "Doe, J. (1997, January–March). NATO, explained. Military Times.",
             "Poe, P. (1997–1999). NATO, explained. Military Times.",
             "Roe, R. (2001, May 30–June 2). NATO, explained. Military Times."]),
    ("chicago-author-date", ["Cook, Lorne. 1997. “NATO, Explained.” Military Times, January 15–17.",
                             "Doe, Jane. 1997. “NATO, Explained.” Military Times, January–March.",
                             "Poe, Paul. 1997–1999. “NATO, Explained.” Military Times.",
                             "Roe, Rick. 2001. “NATO, Explained.” Military Times, May 30–June 2."]),
    ("harvard-cite-them-right", ["Cook, L. (1997) “NATO, explained,” Military Times, 15–17 January.",
                                 "Doe, J. (1997) “NATO, explained,” Military Times, January–March.",
                                 "Poe, P. (1997–1999) “NATO, explained,” Military Times.",
                                 "Roe, R. (2001) “NATO, explained,” Military Times, 30 May–2 June."]),
])
def test_date_ranges_print_shared_parts_once(style: str, expected: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert _text(RANGES, style, monkeypatch).splitlines() == expected


SEASONS = [dict(NEWS, id="s1", type="article-magazine", issued={"date-parts": [[2008]], "season": 2}),
           dict(NEWS, id="s2", type="article-magazine", title="Second", issued={"date-parts": [[2008]], "season": 1})]


def test_seasons_sort_and_print_as_citeproc_js_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # expected lines: citeproc-js's output for the same items (bench/style_panel.py --items)
    assert _text(SEASONS, "apa", monkeypatch).splitlines() == [
        "Cook, L. (2008a, Summer). NATO, explained. Military Times.",
        "Cook, L. (2008b, Spring). Second. Military Times."]
    assert "Military Times, Summer 2008." in _text(SEASONS, "ieee", monkeypatch)
    with pytest.raises(AssertionError):  # what citeproc-py does alone: the whole bibliography fails
        _text(SEASONS, "apa", monkeypatch, disabled="season-numeric")


@pytest.mark.parametrize("style", ["materials-express", "public-health-research"])
def test_text_case_on_plain_strings_does_not_fail_the_bibliography(style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = {item["id"]: item for item in json.loads((FIXTURES / "panel" / "items.json").read_text(encoding="utf-8"))}
    items = [panel["b1"], panel["t1"]]  # a book with an edition term, a thesis with a genre term
    assert len(_text(items, style, monkeypatch).splitlines()) == 2
    with pytest.raises(AttributeError):
        _text(items, style, monkeypatch, disabled="mixed-string")


def test_an_organisation_in_a_style_that_capitalises_given_names(monkeypatch: pytest.MonkeyPatch) -> None:
    who = dict(BOOK, author=[{"literal": "World Health Organization"}])
    for style, error in (("french4", IndexError),
                         ("bibliotheca-hertziana-max-planck-institute-for-art-history", AttributeError)):
        assert "World Health Organization" in _text([who], style, monkeypatch)
        with pytest.raises(error):
            _text([who], style, monkeypatch, disabled="empty-text-case")


def test_a_style_without_bibliography_is_a_clear_error() -> None:
    from convert.render.styles import StyleWithoutBibliographyError

    with pytest.raises(StyleWithoutBibliographyError, match="australian-gst-journal.*citations only"):
        render([BOOK], "australian-gst-journal", output="text")


def test_every_fix_is_tested() -> None:
    tested = {"second-field-align", "initialize-false", "punctuation-in-quote", "label-needs-variable",
              "text-case-language", "year-suffix", "subsequent-author-substitute", "localized-date-delimiter",
              "title-case", "substitution", "page-range", "date-range-context", "season-numeric", "mixed-string",
              "empty-text-case"}
    # The remaining fixes are measured by the CSL test suite (bench/csl_conformance.py) and the
    # checks below: rich text, quotes, sort collation, display, speed-only ones.
    others = {"display", "doubled-punctuation", "apostrophe", "character-references", "rich-text", "flip-flop-quotes",
              "sort-collation", "after-inverted-name", "group-suppression", "parallel-sort"}
    assert set(fixes.FIXES) == tested | others


def test_rich_text_is_markup_in_html_and_plain_in_text() -> None:
    item = dict(BOOK, title='The <i>Titanic</i> & <span class="nocase">NATO</span> <script>alert(1)</script>')
    page = convert.write([item], "html", style="apa")
    assert "<i>Titanic</i>" in page and "<script>" not in page and "&lt;script&gt;" in page or "&#60;script" in page
    assert "&#38;" in page
    text = convert.write([item], "text", style="apa")
    assert "The Titanic & NATO <script>" in text and "<i>" not in text  # text keeps the words, drops markup
    fragment = html.fragment_fromstring(page)
    assert fragment.get("class") == "csl-bib-body" and fragment[0].get("class") == "csl-entry"


def test_html_links_urls_and_dois() -> None:
    item = dict(NEWS, type="article-journal", DOI="10.1000/x&y", URL="https://example.org/a?b=1&c=2")
    page = convert.write([item], "html", style="apa")
    hrefs = html.fragment_fromstring(page).xpath("//a/@href")
    assert "https://doi.org/10.1000/x&y" in hrefs


def test_standalone_html_is_a_valid_page() -> None:
    page = convert.write([BOOK, NEWS], "html", style="ieee", standalone=True)
    assert page.startswith("<!DOCTYPE html>")
    tree = html.document_fromstring(page)
    assert tree.get("lang") == "en-US"
    assert tree.find(".//meta").get("charset") == "utf-8"
    assert len(tree.xpath('//div[@class="csl-entry"]')) == 2
    assert tree.xpath('//div[@class="csl-left-margin"]')[0].text == "[1]"
    etree.fromstring(etree.tostring(tree))  # serialises to well-formed markup


def test_text_is_one_entry_per_line_without_markup() -> None:
    text = convert.write(PANEL_ITEMS, "text", style="chicago-author-date")
    lines = text.splitlines()
    assert len(lines) == len(render(PANEL_ITEMS, "chicago-author-date", output="text").entries) > 40
    assert not any(re.search(r"</?[a-z]+[ >]", line) for line in lines)
    assert not any(c in text for c in "\ue000\ue001\ue002\ue003\ue010\ue01c")


def test_styles_and_locales_resolve() -> None:
    dependent = resolve_style("nature-digest")
    assert dependent.path.name == "nature.csl" and dependent.dependent_of == "nature"
    assert resolve_style("wikipedia").path.parent.name == "styles"
    assert resolve_locale("de") == "de-DE" and resolve_locale("en-gb") == "en-GB"
    with pytest.raises(UnknownStyleError, match="did you mean: apa"):
        resolve_style("apa7")
    assert search_styles("wikipedia")[0][0] == "wikipedia"


def test_style_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.csl"
    path.write_text(resolve_style("apa").path.read_text(encoding="utf-8"), encoding="utf-8")
    assert convert.write([BOOK], "text", style=str(path)) == convert.write([BOOK], "text", style="apa")


def test_wikipedia_style_is_read_back_by_the_reference_list_parser() -> None:
    """The wikipedia style writes CS1; the reference-list parser must read the same items back."""
    compared = ("title", "container-title", "publisher", "publisher-place", "volume", "issue", "page", "DOI",
                "issued", "accessed", "author", "editor", "edition", "genre")
    rendered = render(PANEL_ITEMS, "wikipedia", output="text")
    parsed = convert.parse_references(rendered.entries)
    by_id = {i["id"]: i for i in PANEL_ITEMS}
    same = total = 0
    for item_id, back in zip(rendered.item_ids, parsed):
        original = by_id[item_id]
        for variable in compared:
            if variable in original:
                total += 1
                want, got = original[variable], back.get(variable)
                if variable == "page":
                    want = str(want).replace("-", "\u2013")
                same += _normal(want) == _normal(got)
    assert total > 200
    assert same / total >= 0.97, f"{same}/{total}"


def _normal(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False).replace("\u2019", "'")


def test_cli_styles_command_and_unknown_style_exit_code(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from convert.cli import app

    runner = CliRunner()
    listed = runner.invoke(app, ["styles", "chicago", "author", "date", "--limit", "3"])
    assert listed.exit_code == 0 and "chicago-author-date" in listed.output
    sample = tmp_path / "x.json"
    sample.write_text(json.dumps([BOOK]), encoding="utf-8")
    failed = runner.invoke(app, ["convert", str(sample), "--to", "text", "--style", "apa7"])
    assert failed.exit_code == 2 and "did you mean" in failed.output
