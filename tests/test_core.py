"""CSL vocabulary and validation, source decoding, the registry and the API."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import convert
from convert.csl import date_problem, name_problem, parse_edtf, read_date, validate_item
from convert.diagnostics import FormatDetectionError, InputNotFoundError, UnknownFormatError
from convert.registry import FormatSpec, Registry, reader
from convert.sources import decode_bytes, load_source
from strategies import csl_items


@pytest.mark.parametrize("value,problem", [
    ({"date-parts": [[2020, 5, 17]]}, None),
    ({"date-parts": [["2020", "5"]]}, None),
    ({"date-parts": [[2001], [2003]]}, None),
    ({"literal": "n.d."}, None),
    ({"raw": "Spring 2020"}, None),
    ("2020-05-17/2020-06", None),
    ({"date-parts": [[2020, 13]], "season": 1}, None),
    ({"date-parts": [[2020, 40]]}, "month 40 is out of range"),
    ({"date-parts": [[2020, 5, 32]]}, "day 32 is out of range"),
    ({"date-parts": [[2020, 1, 2, 3]]}, "each date in 'date-parts' must be a list of 1 to 3 numbers"),
    ({"date-parts": [["May"]]}, "date part 'May' is not a number"),
    ({"date-parts": [[1], [2], [3]]}, "'date-parts' must be a list of one or two dates"),
    ({"year": 2020}, "unknown date key 'year'"),
    ({"season": 2}, "a date needs 'date-parts', 'literal', 'raw' or 'edtf'"),
    ("last spring", "a date string must be EDTF (e.g. 2020-05-17), not 'last spring'"),
    (2020, "a date must be an object or an EDTF string, not a number"),
])
def test_date_validation(value, problem) -> None:
    assert date_problem(value) == problem


@pytest.mark.parametrize("name,problem", [
    ({"family": "Doe", "given": "Jane"}, None),
    ({"literal": "NATO"}, None),
    ({"family": "Eyden", "non-dropping-particle": "van der", "comma-suffix": True}, None),
    ({"family": "Doe", "middle": "Q"}, "unknown name part 'middle'"),
    ({"family": 3}, "name part 'family' must be a string, not a number"),
    ("Doe, Jane", "a name must be an object, not a string"),
])
def test_name_validation(name, problem) -> None:
    assert name_problem(name) == problem


@pytest.mark.parametrize("text,start,end,circa,season", [
    ("2020", (2020,), (), False, None),
    ("2020-05-17", (2020, 5, 17), (), False, None),
    ("2001/2003", (2001,), (2003,), False, None),
    ("1900~", (1900,), (), True, None),
    ("2020-22", (2020,), (), False, 2),
    ("2019/..", (2019,), (), False, None),
])
def test_edtf(text, start, end, circa, season) -> None:
    date = parse_edtf(text)
    assert date is not None
    assert (date.start, date.end, date.circa, date.season) == (start, end, circa, season)


def test_read_date_accepts_every_shape() -> None:
    assert read_date({"date-parts": [["1949", "04", "4"]]}).start == (1949, 4, 4)
    assert read_date({"raw": "17 September 1949"}).start == (1949, 9, 17)
    assert read_date({"literal": "n.d."}).literal == "n.d."
    assert read_date({"date-parts": [[2020, 0, 0]]}).start == (2020,)
    assert read_date({"date-parts": [[2019, 23]]}).season == 3


def test_validation_keeps_everything() -> None:
    item, problems = validate_item({"id": 1, "type": "book", "title": 7, "volume": [1], "x-y": "z"})
    assert item == {"id": 1, "type": "book", "title": "7", "custom": {"volume": [1], "x-y": "z"}}
    assert [p.severity for p in problems] == ["warning", "error", "warning"]
    rejected, problems = validate_item([1, 2])
    assert rejected is None and problems[0].message == "an item must be a JSON object, not an array"


def test_decode_utf8_bom_and_legacy_encodings() -> None:
    assert decode_bytes("\ufeffTY  - JOUR".encode("utf-8"), "f") == ("TY  - JOUR", [])
    text, notes = decode_bytes("Müller".encode("cp1252"), "f.bib")
    assert text == "Müller" and "Windows-1252" in notes[0].message
    text, notes = decode_bytes("Zoë".encode("utf-16"), "f")
    assert text == "Zoë" and "UTF-16" in notes[0].message
    text, notes = decode_bytes("Zoë Ωmega".encode("utf-16-le"), "f")
    assert text == "Zoë Ωmega" and "UTF-16-LE" in notes[0].message


def test_load_source_kinds(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b'\xef\xbb\xbf[]\r\n')
    assert load_source(path).text == "[]\n"
    assert load_source(str(path)).path == path
    assert load_source(io.BytesIO(b"abc")).text == "abc"
    assert load_source(io.StringIO("abc")).text == "abc"
    assert load_source("Zenko 2010, pp. 133–134.").path is None
    with pytest.raises(InputNotFoundError):
        load_source(str(tmp_path / "missing.bib"))


def test_api_read_write_convert(tmp_path: Path) -> None:
    result = convert.read('[{"id": "a", "type": "book", "title": "T"}]')
    assert result.ok and result.format == "csljson" and result.items[0]["title"] == "T"
    diagnostics: list = []
    text = convert.write(result.items, "csljson", diagnostics=diagnostics, style="apa")
    assert json.loads(text) == result.items
    assert "option 'style' (--style) has no effect on csljson output" in diagnostics[0].message
    converted = convert.convert(io.StringIO('{"id": "a", "type": "book"}'), "jsonl")
    assert converted.text == '{"id": "a", "type": "book"}\n'
    with pytest.raises(UnknownFormatError):
        convert.write([], "nope")


def test_registry_detection_order(tmp_path: Path) -> None:
    def sniff_ris(text: str) -> bool:
        return text.startswith("TY  - ")

    @reader("fake-ris", extensions=(".txt", ".ris"), sniff=sniff_ris, priority=20)
    def read_fake_ris(text, context):
        return [{"id": "ris", "type": "book"}]

    @reader("fake-text", extensions=(".txt",), sniff=lambda t: True, priority=90)
    def read_fake_text(text, context):
        return [{"id": "text", "type": "book"}]

    registry = Registry(modules=(), use_entry_points=False)
    registry.add(read_fake_ris.reader_spec)
    registry.add(read_fake_text.reader_spec)
    ris_txt = tmp_path / "a.txt"
    ris_txt.write_text("TY  - JOUR\nER  - \n")
    plain_txt = tmp_path / "b.txt"
    plain_txt.write_text("Smith, J. (2000). A title.")
    assert convert.read(ris_txt, registry=registry).format == "fake-ris"          # extension tie -> sniff
    assert convert.read(plain_txt, registry=registry).format == "fake-text"
    assert convert.read(plain_txt, "fake-ris", registry=registry).format == "fake-ris"  # explicit wins
    assert convert.read("TY  - JOUR", registry=registry).format == "fake-ris"      # no extension -> sniff
    empty = Registry(modules=(), use_entry_points=False)
    with pytest.raises(FormatDetectionError):
        convert.read("anything", registry=empty)


def test_entry_point_plugins_load_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = []

    def read_marc(text, context):
        return [{"id": "m", "type": "book", "title": text.strip()}]

    class FakeEntryPoint:
        name = "marc"

        def load(self):
            loaded.append(True)
            return FormatSpec("marc", "reader", read_marc, (".mrc",))

    import convert.registry as registry_module

    monkeypatch.setattr(registry_module.metadata, "entry_points",
                        lambda group: [FakeEntryPoint()] if group == "bibconvert.readers" else [])
    registry = Registry()
    assert "marc" in registry.names("reader") and not loaded
    assert convert.read("Title", "marc", registry=registry).items[0]["title"] == "Title"
    assert loaded == [True]


def test_reader_bug_becomes_a_diagnostic() -> None:
    @reader("crashy", sniff=lambda t: True)
    def read_crashy(text, context):
        raise KeyError("bug")

    registry = Registry(modules=(), use_entry_points=False)
    registry.add(read_crashy.reader_spec)
    result = convert.read("x", registry=registry)
    assert not result.ok and "internal error in the crashy reader" in result.diagnostics[0].message


@settings(max_examples=150, deadline=None)
@given(csl_items())
def test_csljson_round_trip_property(item) -> None:
    """CSL-JSON -> csljson writer -> reader gives back the same item, for any valid item."""
    text = convert.write([item], "csljson")
    result = convert.read(text, "csljson")
    assert result.items == [item]
    assert result.diagnostics == []
    lines = convert.write([item], "jsonl")
    assert convert.read(lines, "csljson").items == [item]


def test_read_many_reports_a_missing_input_and_reads_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text('[{"id": "a", "type": "book"}]', encoding="utf-8")
    result = convert.read_many([tmp_path / "missing.json", good])
    assert [i["id"] for i in result.items] == ["a"]
    assert not result.ok and result.diagnostics[0].message.startswith("no such file")
    with pytest.raises(UnknownFormatError):
        convert.read_many([good], "marc")


def test_styles_folder_ships_with_the_package_and_is_found_at_run_time() -> None:
    """``make test`` installs the wheel (not editable): then ``styles/`` must be found inside the
    installed package through importlib.resources; from a source checkout, beside the package."""
    from importlib import resources
    from pathlib import Path

    from convert.render.styles import project_styles_dir, resolve_style

    found = project_styles_dir()
    assert found is not None and (found / "wikipedia.csl").is_file()
    package = Path(convert.__file__).resolve().parent
    if "site-packages" in package.parts:
        assert found == Path(str(resources.files("convert") / "styles"))
        assert found.parent == package
    else:
        assert found == package.parent / "styles"
    assert resolve_style("wikipedia").path == found / "wikipedia.csl"


def test_an_option_no_writer_takes_is_reported_without_a_flag_that_does_not_exist() -> None:
    report: list = []
    convert.write([{"id": "a", "type": "book", "title": "T"}], "ris", diagnostics=report, frobnicate=True,
                  protect_case=True)
    assert [d.message for d in report] == ["option 'frobnicate' has no effect on ris output",
                                           "option 'protect_case' (--protect-case) has no effect on ris output"]
