"""Large inputs are split over several cores; the results must be exactly the sequential ones."""

from __future__ import annotations

import json

import pytest

import convert
from conftest import FIXTURES
from convert.render.engine import PARALLEL_MIN_ITEMS, render


def _big_bib() -> str:
    seed = (FIXTURES / "reader" / "bibtex" / "zotero better bibtex export.bib").read_text(encoding="utf-8")
    blocks = seed.split("\n@")
    out = []
    for index in range(700):
        for block in blocks:
            block = block if block.startswith("@") else "@" + block
            out.append(block.replace("{", f"{{k{index}x", 1))
    return "\n\n".join(out)


def _read_on_one_and_two_cores(monkeypatch: pytest.MonkeyPatch, text: str, format: str) -> convert.ReadResult:
    """Reads ``text`` on one core and on two; asserts the same items and diagnostics; returns the latter."""
    monkeypatch.setenv("BIBCONVERT_WORKERS", "1")
    one = convert.read(text, format=format)
    monkeypatch.setenv("BIBCONVERT_WORKERS", "2")
    several = convert.read(text, format=format)
    assert one.items == several.items
    assert [d.format() for d in one.diagnostics] == [d.format() for d in several.diagnostics]
    return several


def test_bibtex_reader_same_on_one_and_several_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _big_bib()
    assert len(text) > 1_000_000  # above the reader's threshold for worker processes
    assert _read_on_one_and_two_cores(monkeypatch, text, "bibtex").items


def test_bibtex_reader_one_pass_keeps_macros_duplicates_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-pass parallel path (no crossref in the file): a macro defined at the top and used in
    the last piece, a duplicate key, a broken entry; the same items and diagnostics as on one core."""
    body = "\n\n".join(f"@article{{a{i}, title = {{T{i}}}, journal = jrn, year = 2000}}" for i in range(30000))
    text = ("@string{jrn = {Journal of Tests}}\n\n@STRING(pub = {Paren Press})\n\n" + body +
            "\n\n@article{a5, title = {Again}}\n\n"
            "@article{broken, title = {No end}\n\n@article{last, title = {Last}, journal = jrn, publisher = pub}\n")
    assert len(text) > 1_000_000
    several = _read_on_one_and_two_cores(monkeypatch, text, "bibtex")
    assert several.items[-1]["container-title"] == "Journal of Tests"
    assert several.items[-1]["publisher"] == "Paren Press"
    assert any("already used" in d.message for d in several.diagnostics)


def test_renderer_same_on_one_and_several_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    panel = json.loads((FIXTURES / "panel" / "items.json").read_text(encoding="utf-8"))
    items = [dict(panel[i % len(panel)], id=f"i{i}") for i in range(PARALLEL_MIN_ITEMS + 50)]
    monkeypatch.setenv("BIBCONVERT_WORKERS", "1")
    one = render(items, "apa", output="html")
    monkeypatch.setenv("BIBCONVERT_WORKERS", "2")
    several = render(items, "apa", output="html")
    assert one.entries == several.entries and one.item_ids == several.item_ids


def test_bibtex_reader_crossrefs_same_on_one_and_several_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Crossref and xdata parents far from their children (each worker resolves its own piece with
    the parents read up front): a grandparent chain, a parent defined twice (the last one counts),
    a missing parent, a cycle, and an xdata list; the same items and diagnostics as on one core."""
    parents = ("@proceedings{conf, title = {Proceedings of Tests}, publisher = {Test Press}, year = 1999,"
               " crossref = {series}}\n\n"
               "@mvproceedings{series, maintitle = {Test Series}, location = {Oslo}}\n\n"
               "@xdata{press, publisher = {Xdata Press}}\n\n@xdata{place, location = {Bergen}}\n\n"
               "@book{loopa, title = {A}, crossref = {loopb}}\n\n@book{loopb, title = {B}, crossref = {loopa}}\n\n")
    body = "\n\n".join(f"@inproceedings{{p{i}, author = {{Doe, Jane}}, title = {{Paper {i}}}, crossref = {{conf}}}}"
                       if i % 3 else f"@book{{b{i}, title = {{Book {i}}}, xdata = {{press, place}}}}"
                       for i in range(16000))
    text = (parents + body + "\n\n@inproceedings{orphan, title = {Orphan}, crossref = {nowhere}}\n\n"
            "@proceedings{conf, title = {Proceedings of Tests, second definition}, year = 2001}\n")
    assert len(text) > 1_000_000
    several = _read_on_one_and_two_cores(monkeypatch, text, "biblatex")
    by_id = {item["id"]: item for item in several.items}
    assert by_id["p1"]["container-title"] == "Proceedings of Tests, second definition"
    assert by_id["b0"]["publisher"] == "Xdata Press" and by_id["b0"]["publisher-place"] == "Bergen"
    messages = [d.message for d in several.diagnostics]
    assert any("crossref entry 'nowhere' not found" in m for m in messages)
    assert any("cycle" in m for m in messages)


def _big_ris() -> str:
    seed = (FIXTURES / "reader" / "ris" / "zotero export.ris").read_text(encoding="utf-8")
    records = [r for r in seed.replace("\r\n", "\n").split("ER  - ") if "TY  - " in r]
    out = []
    for index in range(9000):
        record = records[index % len(records)].strip("\n")
        if index in (1000, 8000):  # a stray line between records, in two pieces: reported once per file
            record = f"ID  - stray{index}\n" + record
        out.append(record.replace("\n", f"\nID  - r{index}\n", 1) if index % 2 else record)
    # A continuation line, a record without ER in the middle and a second DOI: the irregular
    # shapes each worker must report with the file's own line numbers.
    out.insert(4000, "TY  - JOUR\nTI  - Wrapped\n  title\nDO  - 10.1/a\nDO  - 10.1/b")
    return "\nER  - \n\n".join(out) + "\nER  - \n"


def test_ris_reader_and_writer_same_on_one_and_several_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from convert.readers.ris import PARALLEL_MIN_CHARS
    from convert.writers.ris import PARALLEL_MIN_ITEMS as RIS_MIN_ITEMS

    text = _big_ris()
    assert len(text) > PARALLEL_MIN_CHARS
    several = _read_on_one_and_two_cores(monkeypatch, text, "ris")
    assert len(several.items) > RIS_MIN_ITEMS
    assert any("second DOI" in d.message for d in several.diagnostics)
    assert sum("outside a record" in d.message for d in several.diagnostics) == 1
    written_several = convert.write(several.items, "ris")  # still two cores
    monkeypatch.setenv("BIBCONVERT_WORKERS", "1")
    written_one = convert.write(several.items, "ris")
    assert written_one == written_several


def test_collection_paused_restores_the_collector() -> None:
    import gc

    from convert.gcpause import collection_paused

    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a caller that switched it off keeps it off
    finally:
        gc.enable()
