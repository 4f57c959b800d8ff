"""Golden files: every input under fixtures/reader/<format>/ read as <format> must give exactly the
items in ``<case>.csl.json`` and (when present) the diagnostics in ``<case>.diagnostics.txt``
(``LINE: severity: [ENTRY] message``, file name left out).  ``--update-golden`` rewrites them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import convert
from conftest import FIXTURES

EXPECTED_SUFFIXES = (".csl.json", ".diagnostics.txt")


def _cases() -> list[tuple[str, Path]]:
    cases = []
    for directory in sorted((FIXTURES / "reader").iterdir()):
        for path in sorted(directory.iterdir()):
            if not path.name.endswith(EXPECTED_SUFFIXES):
                cases.append((directory.name, path))
    return cases


def _stem(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)])


def _diagnostic_lines(result: convert.ReadResult) -> str:
    lines = []
    for d in result.diagnostics:
        where = f"{d.line}: " if d.line is not None else ""
        entry = f"[{d.entry}] " if d.entry else ""
        lines.append(f"{where}{d.severity}: {entry}{d.message}")
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("fmt,path", _cases(), ids=lambda v: v if isinstance(v, str) else v.name)
def test_reader_golden(fmt: str, path: Path, update_golden: bool) -> None:
    result = convert.read(path, format=fmt)
    stem = _stem(path)
    expected_items = Path(f"{stem}.csl.json")
    expected_diagnostics = Path(f"{stem}.diagnostics.txt")
    if update_golden:
        expected_items.write_text(convert.write(result.items, "csljson"), encoding="utf-8")
        if result.diagnostics:
            expected_diagnostics.write_text(_diagnostic_lines(result), encoding="utf-8")
        elif expected_diagnostics.exists():
            expected_diagnostics.unlink()
        return
    assert expected_items.exists(), f"no golden file for {path.name}"
    assert result.items == json.loads(expected_items.read_text(encoding="utf-8"))
    expected = expected_diagnostics.read_text(encoding="utf-8") if expected_diagnostics.exists() else ""
    assert _diagnostic_lines(result) == expected
