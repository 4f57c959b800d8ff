"""The BibTeX/BibLaTeX reader: table-driven normalisers, malformed input, round trips, pybtex."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import bibtex_names, csl_items

import convert
from convert.csl import ITEM_TYPES
from convert.mappings.bibtex import CONTAINER_FIELD, TYPE_TO_ENTRY
from convert.normalize.bibnames import parse_bibtex_name, split_names, to_csl_name
from convert.normalize.latex import latex_to_unicode


@pytest.mark.parametrize("latex,rich,plain", [
    (r"The {NATO} Caf\'e", 'The <span class="nocase">NATO</span> Café', "The NATO Café"),
    (r"{\"O}sterreich {\ss} \c{c} \v{s} \'{\i}", "Österreich ß ç š í", "Österreich ß ç š í"),
    (r"Skald~-- and---Music", "Skald – and—Music", "Skald – and—Music"),
    (r"$\alpha$-decay", "α-decay", "α-decay"),
    (r"\emph{Italic} {\bf Bold} \textsc{Sc}", '<i>Italic</i> <b>Bold</b> <span style="font-variant:small-caps;">Sc</span>',
     "Italic Bold Sc"),
    (r"H\textsubscript{2}O", "H<sub>2</sub>O", "H2O"),
    (r"{\relax Ch}ristensen", "Christensen", "Christensen"),
    (r"``Quoted'' and \enquote*{single}", "“Quoted” and ‘single’", "“Quoted” and ‘single’"),
    (r"\unknownmacro{arg} stays", r"\unknownmacro{arg} stays", r"\unknownmacro{arg} stays"),
    (r"Unbalanced } brace", "Unbalanced } brace", "Unbalanced } brace"),
    ("plain  text\n here", "plain text here", "plain text here"),
    (r"50\% of \$5 \& R\_D", "50% of $5 & R_D", "50% of $5 & R_D"),
    # math scripts: rich text gets <sub>/<sup>, plain text the Unicode characters when they all exist
    (r"CO$_2$ and $^{13}$C", "CO<sub>2</sub> and <sup>13</sup>C", "CO₂ and ¹³C"),
    (r"$a_{ij}$", "a<sub>ij</sub>", "a_ij"),
    # a citation command has no text of its own: kept as written (pylatexenc's table says "<cit.>")
    (r"See \cite{knuth84}.", r"See \cite{knuth84}.", r"See \cite{knuth84}."),
])
def test_latex_to_unicode(latex: str, rich: str, plain: str) -> None:
    assert latex_to_unicode(latex, rich=True) == rich
    assert latex_to_unicode(latex) == plain


@pytest.mark.parametrize("raw,expected", [
    ("Donald E. Knuth", {"family": "Knuth", "given": "Donald E."}),
    ("Knuth, Donald E.", {"family": "Knuth", "given": "Donald E."}),
    ("van Gennep, Arnold", {"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"}),
    ("Ludwig van Beethoven", {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}),
    ("de la Vall{\\'e}e Poussin, Charles", {"family": "Vallée Poussin", "given": "Charles",
                                            "non-dropping-particle": "de la"}),
    ("Ford, Jr., Henry", {"family": "Ford", "given": "Henry", "suffix": "Jr."}),
    ("{World Health Organization}", {"literal": "World Health Organization"}),
    ("{\\'E}mile Zola", {"family": "Zola", "given": "Émile"}),
    ("{\\relax Ch}ristopher Smith", {"family": "Smith", "given": "Christopher"}),
    ("Plato", {"family": "Plato"}),
    ("family=Goethe, given=Johann Wolfgang, prefix=von, useprefix=false",
     {"family": "Goethe", "given": "Johann Wolfgang", "dropping-particle": "von"}),
])
def test_bibtex_names(raw: str, expected: dict) -> None:
    assert to_csl_name(parse_bibtex_name(raw), latex_to_unicode, useprefix=True) == expected


def test_name_list_splits_only_top_level_and() -> None:
    assert split_names("A and B AND {C and D} and others") == ["A", "B", "{C and D}", "others"]


def test_biblatex_particles_drop_unless_useprefix() -> None:
    bib = "@book{a, author={van Gennep, Arnold}}\n@book{b, author={van Gennep, Arnold}, options={useprefix=true}}"
    first, second = convert.read(bib, format="biblatex").items
    assert first["author"] == [{"family": "Gennep", "given": "Arnold", "dropping-particle": "van"}]
    assert second["author"] == [{"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"}]


def test_macros_months_and_concatenation() -> None:
    bib = '@string{jgr = "J. Geophys. Res."}\n@article{a, journal = jgr # " Letters", year = 1984, month = may}'
    item = convert.read(bib, format="bibtex").items[0]
    assert item["container-title"] == "J. Geophys. Res. Letters"
    assert item["issued"] == {"date-parts": [[1984, 5]]}


def test_crossref_follows_biblatex_inheritance() -> None:
    bib = """@inproceedings{paper, crossref = {proc}, title = {A Paper}, pages = {1--2}}
@proceedings{proc, title = {Proceedings of {IEEE}}, year = 2001, editor = {Doe, J.}, publisher = {IEEE}}
@inbook{chap, crossref = {vol}, title = {Chapter}}
@book{vol, crossref = {mv}, title = {Volume Three}, author = {Shakespeare, William}}
@mvbook{mv, title = {Collected Works}, location = {London}}"""
    items = {i["id"]: i for i in convert.read(bib, format="biblatex").items}
    assert items["paper"]["container-title"] == 'Proceedings of <span class="nocase">IEEE</span>'
    assert items["paper"]["title"] == "A Paper"
    assert items["paper"]["editor"] == [{"family": "Doe", "given": "J."}]
    assert items["paper"]["issued"] == {"date-parts": [[2001]]}
    assert items["chap"]["container-title"] == "Collected Works"
    assert items["chap"]["volume-title"] == "Volume Three"
    assert items["chap"]["container-author"] == [{"family": "Shakespeare", "given": "William"}]
    assert items["chap"]["publisher-place"] == "London"


def test_xdata_fields_are_merged_and_xdata_entries_are_not_items() -> None:
    bib = "@xdata{pub, publisher = {Elsevier}, location = {Amsterdam}}\n@book{b, title = {T}, xdata = {pub}}"
    items = convert.read(bib, format="biblatex").items
    assert [i["id"] for i in items] == ["b"]
    assert items[0]["publisher"] == "Elsevier" and items[0]["publisher-place"] == "Amsterdam"


def test_edtf_dates() -> None:
    bib = """@book{a, date = {2001-03/2001-04}}
@book{b, date = {1723~}}
@book{c, date = {1999/}}
@book{d, urldate = {2020-02-03}, origdate = {1850}}"""
    items = {i["id"]: i for i in convert.read(bib, format="biblatex").items}
    assert items["a"]["issued"] == {"date-parts": [[2001, 3], [2001, 4]]}
    assert items["b"]["issued"] == {"date-parts": [[1723]], "circa": True}
    assert items["c"]["issued"]["date-parts"][0] == [1999]
    assert items["d"]["accessed"] == {"date-parts": [[2020, 2, 3]]}
    assert items["d"]["original-date"] == {"date-parts": [[1850]]}


def test_unknown_fields_and_types_are_kept() -> None:
    item = convert.read("@foo{k, title={T}, timestamp={2020-01-01}, owner={me}}", format="bibtex")
    assert item.items[0]["type"] == "document"
    assert item.items[0]["custom"] == {"entrytype": "foo", "timestamp": "2020-01-01", "owner": "me"}
    assert "unknown entry type @foo" in item.diagnostics[0].message


def test_web_site_name_goes_where_readers_look_for_it() -> None:
    """@online's site name: BibLaTeX writes it as ``booktitle`` (citation.js's choice, and the field
    Zotero's BibTeX import makes the website title; ``howpublished`` lands in Zotero's Extra); BibTeX's
    @misc keeps ``howpublished``, which .bst styles print.  Both read back as container-title."""
    item = {"id": "w", "type": "webpage", "title": "What is NATO?", "container-title": "NATO Homepage",
            "medium": "PDF", "URL": "https://www.nato.int/x"}
    biblatex = convert.write([item], "biblatex")
    assert "booktitle = {NATO Homepage}" in biblatex and "howpublished = {PDF}" in biblatex
    assert "howpublished = {NATO Homepage}" in convert.write([item], "bibtex")
    back = convert.read(biblatex, format="biblatex").items[0]
    assert (back["container-title"], back["medium"]) == ("NATO Homepage", "PDF")
    diagnostics: list = []
    classic = convert.read(convert.write([item], "bibtex", diagnostics=diagnostics), format="bibtex").items[0]
    assert classic["container-title"] == "NATO Homepage"
    assert [d.message for d in diagnostics] == ["BibTeX has no field for medium; not written"]
    cited = convert.read("@online{c, title={T}, booktitle={Site}, url={https://e.org}}", format="biblatex")
    assert cited.items[0]["container-title"] == "Site"


def test_classic_bibtex_keeps_fields_bst_styles_ignore_but_managers_read() -> None:
    from pybtex.database import parse_string

    item = {"id": "p", "type": "paper-conference", "title": "T", "container-title": "Proc.",
            "event-title": "NIPS 2017", "number-of-pages": "12", "version": "2",
            "translator": [{"family": "Vizedom", "given": "Monika B."}], "issued": {"date-parts": [[2017]]}}
    text = convert.write([item], "bibtex")
    entry = parse_string(text, "bibtex").entries["p"]
    assert entry.fields["eventtitle"] == "NIPS 2017" and entry.fields["pagetotal"] == "12"
    assert entry.fields["version"] == "2" and entry.fields["translator"] == "Vizedom, Monika B."
    back = convert.read(text, format="bibtex").items[0]
    assert {k: back[k] for k in item if k != "id"} == {k: v for k, v in item.items() if k != "id"}


def test_a_family_name_with_lowercase_words_is_braced_so_no_reader_splits_off_a_particle() -> None:
    """``{van der Berg}, Anna`` in a source is one family name; written back unbraced, BibTeX,
    biber and pybtex would read "van der" as its particle."""
    from pybtex.database import parse_string

    item = {"id": "b", "type": "book", "title": "T",
            "author": [{"family": "van der Berg", "given": "Anna"}, {"family": "Berg", "given": "Jan",
                                                                   "non-dropping-particle": "van der"}]}
    for dialect in ("bibtex", "biblatex"):
        text = convert.write([item], dialect)
        whole, split = parse_string(text, "bibtex").entries["b"].persons["author"]
        assert (whole.prelast_names, whole.last_names) == ([], ["{van der Berg}"])
        assert (split.prelast_names, split.last_names) == (["van", "der"], ["Berg"])
        assert convert.read(text, format=dialect).items[0]["author"] == item["author"]


def test_wikipedia_identifiers_become_eprint_fields() -> None:
    """The reference-list parser keeps arXiv, JSTOR and hdl ids under their Wikipedia labels; the
    writers give the first as ``eprint`` (BibLaTeX's eprinttype/eprintclass, arXiv's own
    archiveprefix/primaryclass for BibTeX), a preprint is a @misc, and reading it back gives a
    preprint with its arXiv address."""
    from pybtex.database import parse_string

    item = convert.parse_reference('Vaswani, Ashish (2017). "Attention Is All You Need". arXiv:1706.03762 [cs.CL].')
    assert item["type"] == "article" and item["custom"] == {"arxiv": "1706.03762", "arxiv-class": "cs.CL"}
    item["id"] = "vaswani2017"
    expected = {"biblatex": {"eprint": "1706.03762", "eprinttype": "arxiv", "eprintclass": "cs.CL"},
                "bibtex": {"eprint": "1706.03762", "archiveprefix": "arXiv", "primaryclass": "cs.CL"}}
    for dialect, fields in expected.items():
        text = convert.write([item], dialect)
        entry = parse_string(text, "bibtex").entries[item["id"]]
        assert entry.type == "misc" and {k: entry.fields[k] for k in fields} == fields
        assert "arxiv" not in {k.lower() for k in entry.fields}
        back = convert.read(text, format=dialect).items[0]
        assert back["type"] == "article" and back["URL"] == "https://arxiv.org/abs/1706.03762"
    jstor = convert.write([{"id": "j", "type": "article-journal", "title": "T", "container-title": "J",
                            "custom": {"jstor": "1343892", "hdl": "11573/870895"}}], "biblatex")
    assert "eprint = {1343892}" in jstor and "eprinttype = {jstor}" in jstor and "hdl = {11573/870895}" in jstor


@pytest.mark.parametrize("note,accessed", [
    ("[Online; accessed 22-July-2004]", [2004, 7, 22]),  # Wikipedia's "Cite this page" BibTeX
    ("Accessed: 2021-05-01", [2021, 5, 1]),
    ("Last visited on May 1, 2021.", [2021, 5, 1]),
    ("Accessed by many readers", None),
])
def test_a_note_that_only_gives_the_access_date_becomes_accessed(note: str, accessed: list | None) -> None:
    item = convert.read(f"@misc{{a, title={{T}}, note={{{note}}}}}", format="bibtex").items[0]
    if accessed is None:
        assert item["note"] == note and "accessed" not in item
    else:
        assert item["accessed"] == {"date-parts": [accessed]} and "note" not in item
    kept = convert.read(f"@misc{{a, note={{{note}}}, urldate={{2020-01-01}}}}", format="biblatex").items[0]
    assert kept["note"] == note  # an access date already there: the note stays as written


def test_bibdesk_links_are_the_url() -> None:
    item = convert.read("@article{b, title={T}, Bdsk-Url-1={https://x.org/a}}", format="bibtex").items[0]
    assert item["URL"] == "https://x.org/a"


@pytest.mark.parametrize("broken,message", [
    ("@book{bad\n  title = {missing comma after key}}", "Expected comma"),
    ("@book{bad, title = {x} author = {y}}", "is a comma missing"),
    ("@book{bad, note = {unbalanced {brace}\n", "skipped"),
    ("@book{bad, note = undefinedmacro}", "undefined macro"),
    ("@book{bad, title = {a}, title = {b}}", "more than once"),
])
def test_one_broken_entry_among_good_ones(broken: str, message: str) -> None:
    bib = "@book{first, title = {First}}\n\n" + broken + "\n\n@book{last, title = {Last}}\n"
    result = convert.read(bib, format="bibtex", name="refs.bib")
    ids = [i["id"] for i in result.items]
    assert ids[0] == "first" and ids[-1] == "last"
    problem = next(d for d in result.diagnostics if message in d.message)
    assert problem.line == 3 and problem.file == "refs.bib"


def test_duplicate_keys_reported_and_both_kept() -> None:
    result = convert.read("@book{k, title={A}}\n@book{k, title={B}}", format="bibtex")
    assert len({i["id"] for i in result.items}) == 2
    assert any("already used" in d.message and d.line == 2 for d in result.diagnostics)


def test_commented_out_lines_are_ignored() -> None:
    bib = "%@book{gone, title={Gone}}\n@book{kept,\n  title = {Kept},\n%  note = {gone},\n  year = 2000}"
    items = convert.read(bib, format="bibtex").items
    assert [i["id"] for i in items] == ["kept"] and "note" not in items[0]


def test_preamble_is_written_back() -> None:
    result = convert.convert('@preamble{"\\newcommand{\\noop}[1]{}"}\n@book{a, title={T}}', "bibtex",
                             from_format="bibtex")
    assert result.text.startswith('@preamble{"\\newcommand{\\noop}[1]{}"}')


# --- round trips ------------------------------------------------------------------------------

# Every CSL type survives both dialects: where the entry type cannot say it (a film is a @misc), the
# CSL type rides in entrysubtype.
BIBLATEX_TYPES = BIBTEX_TYPES = tuple(sorted(ITEM_TYPES))
TEXT = ("title", "container-title", "publisher", "publisher-place", "note", "abstract", "collection-title")


def _comparable(item: dict, dialect: str) -> dict:
    item = json.loads(json.dumps(item))
    item.pop("custom", None)
    entry_type = TYPE_TO_ENTRY.get(item["type"], ("misc", "misc"))[dialect == "biblatex"]
    if entry_type not in CONTAINER_FIELD:  # books, reports, theses: no container field (reported)
        item.pop("container-title", None)
    for key in ("volume", "issue", "edition"):
        if key in item:
            item[key] = str(item[key])
    if dialect == "biblatex" and item["type"] == "patent":  # @patent's location is its country (reported)
        item.pop("publisher-place", None)
    if dialect == "bibtex" and item["type"] == "thesis":  # @phdthesis is BibTeX's default thesis
        item.setdefault("genre", "PhD thesis")
    if dialect == "bibtex":  # classic BibTeX has one kind of particle
        for role in ("author", "editor", "translator"):
            for index, person in enumerate(item.get(role, [])):
                if "dropping-particle" in person:
                    person["non-dropping-particle"] = person.pop("dropping-particle")
                if set(person) == {"family"} and " " in person["family"]:  # braced whole: a literal
                    item[role][index] = {"literal": person["family"]}
    return item


@pytest.mark.parametrize("dialect,types,names,dates", [
    ("biblatex", BIBLATEX_TYPES, ("author", "editor", "translator"), ("issued", "accessed")),
    ("bibtex", BIBTEX_TYPES, ("author", "editor"), ()),
])
def test_round_trip_through_each_dialect(dialect: str, types: tuple, names: tuple, dates: tuple) -> None:
    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(csl_items(types=types, text_variables=TEXT, name_variables=names, date_variables=dates,
                              number_variables=("volume", "edition"), rich=False, name_lists=bibtex_names),
                    min_size=1, max_size=3,
                    unique_by=lambda i: i["id"]))
    def check(items: list) -> None:
        # A literal date that reads as a date ("0", "2001-02") is a date once it is in a .bib file,
        # and a "raw" date is input still to be parsed: neither is expected back unchanged.
        assume(not any(re.fullmatch(r"[\d\s/~?%.-]+", str(i.get(v, {}).get("literal", "x"))) or "raw" in i.get(v, {})
                       for i in items for v in ("issued", "accessed")))
        written = convert.write(items, dialect)
        back = convert.read(written, format=dialect)
        assert back.ok, [d.format() for d in back.diagnostics]
        assert [_comparable(i, dialect) for i in back.items] == [_comparable(i, dialect) for i in items]

    check()


def test_bib_fixture_round_trips_and_pybtex_reads_our_output() -> None:
    from pybtex.database import parse_string

    from conftest import FIXTURES

    for path in sorted((FIXTURES / "reader" / "bibtex").glob("*.bib")):
        first = convert.read(path, format="bibtex").items
        for dialect in ("bibtex", "biblatex"):
            written = convert.write(first, dialect)
            again = convert.read(written, format="bibtex").items
            assert [_comparable(i, "bibtex") for i in again] == [_comparable(i, "bibtex") for i in first], path.name
        bibtex = convert.write(first, "bibtex")
        parsed = parse_string(bibtex, "bibtex")
        assert len(parsed.entries) == len(first)


@pytest.mark.parametrize("value, expected", [
    ("Doe, Jane and {Smith and Sons}", ["Doe, Jane", "{Smith and Sons}"]),
    ('M{\\"u}ller, Hans and {\\"O}stergaard, S', ['M{\\"u}ller, Hans', '{\\"O}stergaard, S']),
    ('{M{\\"u}ller and Co} and Doe, J', ['{M{\\"u}ller and Co}', "Doe, J"]),
    ("A and {B {and} C}", ["A", "{B {and} C}"]),
    ("Alexander Anderson", ["Alexander Anderson"]),
    ("  ", []),
])
def test_split_names_fast_paths_agree_with_the_brace_aware_split(value: str, expected: list[str]) -> None:
    """One name, accents in braces, and groups that hide "and": the shortcuts split as the
    brace-tracking scanner does."""
    from convert.normalize.bibnames import _AND, split_names, split_top_level

    assert split_names(value) == expected
    assert [p.strip() for p in split_top_level(f" {value.strip()} ", _AND) if p.strip()] == expected


def test_flat_brace_groups_decode_as_the_scanner_does() -> None:
    """Titles whose only LaTeX is flat brace groups ("The {NATO} {Summit}") skip the scanner; on
    20,000 random strings over braces, letters, accents, commands, math and ligature characters,
    the shortcut and the scanner give the same text in every mode."""
    import random

    from convert.normalize.latex import _SPACES, _Scanner, latex_to_unicode

    rng = random.Random(7)
    alphabet = ["{", "}", "a", "B", " ", "1", "é", "\\", "$", "-", "'", "~", "`", "\n"]
    values = ["The {NATO} alliance", "{A} {b} c", "{ }", "{1999}", "x {y", "x} y", "{{a}}", "a  {B}  c"]
    values += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    flat_seen = 0
    for value in values:
        for rich, protect in ((True, None), (False, None), (True, False), (False, True)):
            expected = _SPACES.sub(" ", _Scanner(value, rich, rich if protect is None else protect).run()).strip()
            assert latex_to_unicode(value, rich, protect) == expected, (value, rich, protect)
        flat_seen += "{" in value and "\\" not in value and "$" not in value
    assert flat_seen > 1000  # the shortcut was exercised, not only the scanner
    assert latex_to_unicode("The {NATO} alliance", True) == 'The <span class="nocase">NATO</span> alliance'


def test_a_name_without_a_given_part_is_written_so_each_reader_keeps_it_a_family_name() -> None:
    """BibLaTeX writes "Family, {}", which biber reads as a family name alone and Zotero as a
    person with an empty first name.  Classic BibTeX cannot: .bst styles print the "{}" ("{}~Zenko",
    abbrv's ". Zenko"), so a one-word name stays bare and a longer one is braced whole."""
    from pybtex.database import parse_string

    people = [{"family": "García Márquez"}, {"family": "Zenko"}, {"family": "Doe", "given": "Jane"}]
    item = {"id": "k", "type": "book", "title": "T", "author": people}
    biblatex = convert.write([item], "biblatex")
    assert "author = {García Márquez, {} and Zenko, {} and Doe, Jane}" in biblatex
    assert convert.read(biblatex, format="biblatex").items[0]["author"] == people
    bibtex = convert.write([item], "bibtex")
    assert "author = {{García Márquez} and Zenko and Doe, Jane}" in bibtex
    assert convert.read(bibtex, format="bibtex").items[0]["author"] == [{"literal": "García Márquez"}] + people[1:]
    for text in (biblatex, bibtex):
        persons = parse_string(text, "bibtex").entries["k"].persons["author"]
        assert [" ".join(p.last_names).strip("{}") for p in persons] == ["García Márquez", "Zenko", "Doe"]
        assert [" ".join(p.first_names).strip("{}") for p in persons] == ["", "", "Jane"]


@pytest.mark.parametrize("title, expected", [
    ("A Short History of NATO", "A {Short} {History} of {NATO}"),
    ("Allied air power over Libya: A preliminary assessment", "Allied air power over {Libya}: A preliminary assessment"),
    ("iPhone sales in <i>Europe</i> and Asia", "{iPhone} sales in \\emph{Europe} and {Asia}"),
    ("The rise of <span class=\"nocase\">McGraw</span> Hill", "The rise of {McGraw} {Hill}"),
    ("“Darkness Visible”", "{“Darkness} {Visible”}"),
    ("plain lower case: no change", "plain lower case: no change"),
])
def test_protect_case_braces_the_words_a_style_would_lowercase(title: str, expected: str) -> None:
    from convert.writers.latex import rich_to_latex

    assert rich_to_latex(title, protect_case=True) == expected


def test_protect_case_is_off_by_default() -> None:
    from convert.writers.latex import rich_to_latex

    assert rich_to_latex("A Short History of NATO") == "A Short History of NATO"
    item = {"id": "k", "type": "book", "title": "A Short History of NATO"}
    for dialect in ("bibtex", "biblatex"):
        assert "  title = {A Short History of NATO},\n" in convert.write([item], dialect)
        assert "  title = {A {Short} {History} of {NATO}},\n" in convert.write([item], dialect, protect_case=True)


def test_protected_titles_survive_bibtex_sentence_casing_as_written() -> None:
    """pybtex's change.case$ (what plain, abbrv and ieeetr apply to titles) leaves every written
    title as stored once braces are stripped; unprotected, it lowercases the proper nouns."""
    from pybtex.bibtex.utils import change_case
    from pybtex.database import parse_string

    titles = ["A Short History of NATO", "Where are NATO troops stationed across Europe?",
              "NATO strikes Tripoli, Gaddafi army close on Misrata", "État de l’OTAN: Une Étude",
              "In Ukraine conflict, Putin relies on a promise", "The {x} of McGraw-Hill & Sons, 1950–1960"]
    items = [{"id": f"t{i}", "type": "article-journal", "title": t, "container-title": "J"}
             for i, t in enumerate(titles)]
    for dialect in ("bibtex", "biblatex"):
        for ascii_only in (False, True):
            written = convert.write(items, dialect, protect_case=True, ascii=ascii_only)
            plain = convert.write(items, dialect, ascii=ascii_only)
            entries, unprotected = parse_string(written, "bibtex").entries, parse_string(plain, "bibtex").entries
            for item in items:
                cased = change_case(entries[item["id"]].fields["title"], "t")
                back = convert.read(f"@misc{{k, title = {{{cased}}}}}", format="bibtex").items[0]["title"]
                assert re.sub(r"</?span[^>]*>", "", back) == item["title"]
            assert change_case(unprotected["t0"].fields["title"], "t") == "A short history of nato"
            assert convert.read(written, format=dialect).items[0]["title"] == (
                'A <span class="nocase">Short</span> <span class="nocase">History</span> of '
                '<span class="nocase">NATO</span>')


def test_an_acm_entry_keeps_its_address_and_its_venue() -> None:
    """ACM's exports give both: ``address`` is the publisher's town, ``location`` the conference's.
    The address used to be dropped without a word when a location was there."""
    text = """@inproceedings{k, title = {T}, booktitle = {Proc. FAccT}, publisher = {ACM},
      address = {New York, NY, USA}, location = {Virtual Event, Canada}, year = {2021}}"""
    item = convert.read(text, format="bibtex").items[0]
    assert item["publisher-place"] == "New York, NY, USA" and item["event-place"] == "Virtual Event, Canada"
    same = convert.read(text.replace("Virtual Event, Canada", "New York, NY, USA"), format="bibtex").items[0]
    assert same["publisher-place"] == "New York, NY, USA" and "event-place" not in same
    with_venue = convert.read(text.replace("year", "venue = {Online}, year"), format="biblatex").items[0]
    assert with_venue["event-place"] == "Online" and with_venue["custom"]["location"] == "Virtual Event, Canada"


@pytest.mark.parametrize("raw, url", [
    ("http://example.com/a{\\_}b", "http://example.com/a_b"),  # Mendeley
    ("http://example.com/50\\%25/x\\#top", "http://example.com/50%25/x#top"),  # JabRef
    ("http://example.com/~user/a_b", "http://example.com/~user/a_b"),
])
def test_latex_escapes_in_a_url_are_undone(raw: str, url: str) -> None:
    item = convert.read(f"@misc{{k, title = {{T}}, url = {{{raw}}}}}", format="bibtex").items[0]
    assert item["URL"] == url


def test_protect_case_stays_linear_on_a_crafted_title() -> None:
    import time

    from convert.writers.latex import rich_to_latex

    started = time.perf_counter()
    written = rich_to_latex("Word NATO of " * 50_000, protect_case=True)
    assert time.perf_counter() - started < 5  # 0.2 s here; a quadratic version took minutes
    assert written.count("{NATO}") == 50_000
