"""RIS output, shaped like Zotero's own RIS export so that Zotero, EndNote and Mendeley import it.

Tags are chosen per record type by inverting the reading tables of :mod:`convert.mappings.ris`
(a book's series goes to T2, a chapter's to T3), so our reader reads back exactly what we wrote.
A value with line breaks continues on indented lines, so no line of a value can ever look like a
tag (``ER  -`` inside a note would end the record).  What RIS has no tag for is written to ``N1``
as ``variable: value`` (the convention citeproc-js also reads), with a warning, so nothing is lost.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from ..csl import DateValue, Item, display_name, names, read_date, text, variable_kind
from ..mappings.ris import (NAME_TAG_SET, PAGE_COUNT_TYPES, RIS_TO_TYPE, SN_IS_NUMBER, TYPE_TO_RIS, WRITE_TAG_ORDER,
                            tag_meaning)
from ..diagnostics import Diagnostics
from ..gcpause import collection_paused
from ..parallel import SHARED, chunk_runner
from ..registry import WriteContext, writer

_RIS_TAG = re.compile(r"^[A-Z][A-Z0-9]$")
_KEYWORD_SEPARATOR = re.compile(r"(?<!\s)\s*[,;]\s*")
_SKIP_CUSTOM = frozenset({"archived"})
_NAME_TAG_ORDER = ("AU", "A2", "A3", "A4")
_SPECIAL = frozenset({"id", "type", "custom", "title", "issued", "accessed", "page", "number-of-pages", "ISBN",
                      "ISSN", "DOI", "URL", "keyword", "note", "abstract", "language"})


@lru_cache(maxsize=None)
def tags_for(ris_type: str) -> dict[str, str]:
    """CSL variable -> the tag that holds it in a record of ``ris_type`` (first in Zotero's order)."""
    mapping: dict[str, str] = {}
    for tag in _NAME_TAG_ORDER + WRITE_TAG_ORDER:
        variable = tag_meaning(ris_type, tag)
        if variable is not None and variable not in mapping:
            mapping[variable] = tag
    return mapping


def ris_name(person: dict[str, Any]) -> str:
    """``Family, Given`` as Zotero writes it; a family name alone keeps its comma ("Doe,") so that it
    is not taken for a corporate name, which is written without one."""
    written = display_name(person)
    if "literal" not in person and not person.get("given") and not person.get("suffix") and person.get("family"):
        written += ","
    return written


def _lines(tag: str, value: str) -> list[str]:
    """One tag line; further lines of a multi-line value are indented continuation lines."""
    parts = [p.strip() for p in str(value).replace("\r", "\n").split("\n")]
    parts = [p for p in parts if p]
    if not parts:
        return []
    return [f"{tag}  - {parts[0]}"] + [f"  {p}" for p in parts[1:]]


def _ris_date(date: DateValue) -> str:
    parts = [f"{date.start[0]:04d}"] + [f"{p:02d}" for p in date.start[1:]]
    while len(parts) < 3:
        parts.append("")
    return "/".join(parts) + "/"


def _is_simple(date: DateValue) -> bool:
    return bool(date.start) and not date.end and not date.circa and date.season is None and not date.literal


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def record_lines(item: Item, report: Any, label: str) -> list[str]:
    ris_type = TYPE_TO_RIS.get(item.get("type", "document"), "GEN")
    mapping = tags_for(ris_type)
    lines = [f"TY  - {ris_type}"]
    notes: list[tuple[str, str]] = []  # (variable, value) written to N1
    late_notes: list[tuple[str, str]] = []  # other dates and unknown variables, after the note
    used: set[str] = set()

    def put(tag: str, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            value = str(value)
        if "\n" in value or "\r" in value:
            lines.extend(_lines(tag, value))
            return
        value = value.strip()
        if value:
            lines.append(f"{tag}  - {value}")

    put("ID", str(item["id"]) if item.get("id") not in (None, "") else None)
    put("TI", text(item, "title"))
    plain: list[tuple[str, Any]] = []
    for variable, value in item.items():  # one pass sorts the variables into what goes where
        kind = variable_kind(variable)
        if kind == "name":
            if not isinstance(value, list):
                continue
            tag = mapping.get(variable)
            if tag in NAME_TAG_SET:
                for person in names(item, variable):
                    put(tag, ris_name(person))
            else:
                notes.append((variable, _as_text(value)))
        elif variable in _SPECIAL:
            continue
        elif kind in ("date", None):  # issued and accessed are special: other dates and unknown keys
            late_notes.append((variable, _as_text(value)))
        else:
            plain.append((variable, value))
    for variable, value in plain:
        tag = mapping.get(variable)
        if tag is None or tag in NAME_TAG_SET or tag in used:
            notes.append((variable, _as_text(value)))
            continue
        used.add(tag)
        put(tag, text(item, variable))

    put("AB", text(item, "abstract"))
    put("LA", text(item, "language"))
    in_da = _dates(item, put, notes)
    _pages(item, ris_type, put, notes)
    _serials(item, ris_type, put, notes, used)
    put("DO", text(item, "DOI"))
    put("UR", text(item, "URL"))
    keywords = text(item, "keyword")
    if keywords:
        for keyword in _KEYWORD_SEPARATOR.split(keywords):
            put("KW", keyword)
    put("N1", text(item, "note"))
    notes.extend(late_notes)
    for variable, value in notes:
        put("N1", f"{variable}: {value}")
    if RIS_TO_TYPE.get(ris_type) != item.get("type", "document"):
        put("N1", f"type: {item.get('type', 'document')}")  # RIS has no type for it; our reader restores it
    custom = item.get("custom")
    if custom:
        for key, value in custom.items():
            if key in _SKIP_CUSTOM or key in in_da:
                continue
            if _RIS_TAG.match(key) and key not in ("TY", "ER"):
                for one in value if isinstance(value, list) else [value]:
                    put(key, _as_text(one))  # a tag read from RIS goes back to that tag
            else:
                put("N1", f"custom.{key}: {_as_text(value)}")
    if notes:
        reported = sorted({v for v, _ in notes if v not in ("issued", "accessed")})
        if reported:
            report.warning(f"RIS has no tag for {', '.join(reported)} in a {ris_type} record; written to N1",
                           entry=label)
    lines.append("ER  - ")
    return lines


def _dates(item: Item, put: Any, notes: list[tuple[str, str]]) -> frozenset[str]:
    """PY, DA and Y2; returns the custom keys DA carried, so they are not written again in N1."""
    issued = read_date(item.get("issued"))
    in_da: frozenset[str] = frozenset()
    if issued is not None and issued.start:
        put("PY", f"{issued.start[0]:04d}")
        other = (item.get("custom") or {}).get("date-other")  # "2001/03/05/Conference", as read
        if isinstance(other, str):
            in_da = frozenset({"date-other"})
        put("DA", _ris_date(issued) + (other if isinstance(other, str) else ""))
    elif issued is not None and issued.literal:
        put("PY", issued.literal)
    if issued is not None and not _is_simple(issued) and not (issued.literal and not issued.start):
        notes.append(("issued", _as_text(item["issued"])))  # ranges, seasons, circa: exact copy for us
    accessed = read_date(item.get("accessed"))
    if accessed is not None and accessed.start:
        put("Y2", _ris_date(accessed))
    if accessed is not None and not _is_simple(accessed):
        notes.append(("accessed", _as_text(item["accessed"])))
    return in_da


def _pages(item: Item, ris_type: str, put: Any, notes: list[tuple[str, str]]) -> None:
    page = text(item, "page")
    count = text(item, "number-of-pages")
    if page:
        parts = re.split(r"\s?[\u2013\u2014-]\s?", page, maxsplit=1)
        if ris_type in PAGE_COUNT_TYPES and len(parts) == 1:
            notes.append(("page", page))  # a lone SP means a page count in these types
        else:
            put("SP", parts[0])
            put("EP", parts[1] if len(parts) > 1 else None)
    if count:
        if page or ris_type not in PAGE_COUNT_TYPES:
            notes.append(("number-of-pages", count))
        else:
            put("SP", count)


def _serials(item: Item, ris_type: str, put: Any, notes: list[tuple[str, str]], used: set[str]) -> None:
    number = text(item, "number")
    for variable in ("ISBN", "ISSN"):
        value = text(item, variable)
        if value is None:
            continue
        if ris_type in SN_IS_NUMBER:
            notes.append((variable, value))
        else:
            put("SN", value)
    if ris_type in SN_IS_NUMBER and number is not None and "M1" not in used and tags_for(ris_type).get("number") != "M1":
        put("SN", number)


@writer("ris", extensions=(".ris",), description="RIS (as Zotero exports it; CRLF line ends)")
def write_ris(items: list[Item], context: WriteContext) -> str:
    with collection_paused(), chunk_runner(len(items), PARALLEL_MIN_ITEMS) as runner:
        results = runner.map_ranges(_format_slice, len(items), items=items)
    chunks = []
    for records, diagnostics in results:
        chunks.extend(records)
        context.diagnostics.extend_from_tuples(diagnostics)
        if context.progress:
            context.progress(len(records))
    return "".join(chunks)


# Outputs at least this long are written on several cores (see convert.parallel).
PARALLEL_MIN_ITEMS = 5000


def _format_slice(bounds: tuple[int, int]) -> tuple[list[str], list[Any]]:
    """Records bounds[0]..bounds[1] as text, with the warnings they raised."""
    items = SHARED["items"]
    report = Diagnostics(None)
    records = []
    for index in range(*bounds):
        item = items[index]
        label = str(item.get("id", f"#{index + 1}"))
        records.append("\r\n".join(record_lines(item, report, label)) + "\r\n\r\n")
    return records, report.as_tuples()
