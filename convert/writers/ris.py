"""RIS output, shaped like Zotero's own RIS export so that Zotero, EndNote and Mendeley import it.

Values never contain line breaks (a line starting ``ER  -`` inside a note would end the record),
and every variable RIS has no tag for is written to ``N1`` as ``variable: value`` with a warning,
so nothing the item holds is lost on the way.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..csl import DateValue, Item, display_name, names, read_date, text
from ..mappings.ris import NAME_TAGS, TEXT_TAGS, TYPE_TO_RIS
from ..registry import WriteContext, writer

_HANDLED = ({v for v, _ in TEXT_TAGS} | {v for v, _ in NAME_TAGS}
            | {"id", "type", "issued", "accessed", "page", "ISBN", "ISSN", "keyword", "note", "custom"})
_SKIP_CUSTOM = frozenset({"archived"})


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _ris_date(date: DateValue) -> str:
    parts = [f"{date.start[0]:04d}"] + [f"{p:02d}" for p in date.start[1:]]
    while len(parts) < 3:
        parts.append("")
    return "/".join(parts) + "/"


def record_lines(item: Item, report: Any, label: str) -> list[str]:
    ris_type = TYPE_TO_RIS.get(item.get("type", "document"), "GEN")
    lines = [f"TY  - {ris_type}"]

    def put(tag: str, value: Any) -> None:
        if value is None:
            return
        value = _one_line(str(value))
        if value:
            lines.append(f"{tag}  - {value}")

    put("TI", text(item, "title"))
    for variable, tag in NAME_TAGS:
        for person in names(item, variable):
            put(tag, display_name(person))
    used_tags = {"TI", "SP"} if text(item, "page") else {"TI"}
    shared_tag: list[tuple[str, str]] = []
    for variable, tag in TEXT_TAGS[1:]:
        value = text(item, variable)
        if value is None:
            continue
        if tag in used_tags:
            shared_tag.append((variable, value))  # written to N1 below rather than lost
            continue
        used_tags.add(tag)
        put(tag, value)
    issued = read_date(item.get("issued"))
    if issued is not None and issued.start:
        put("PY", f"{issued.start[0]:04d}")
        put("DA", _ris_date(issued))
    elif issued is not None and issued.literal:
        put("PY", issued.literal)
    page = text(item, "page")
    if page:
        parts = re.split(r"\s?[\u2013\u2014-]\s?", page, maxsplit=1)
        put("SP", parts[0])
        put("EP", parts[1] if len(parts) > 1 else None)
    for variable in ("ISBN", "ISSN"):
        put("SN", text(item, variable))
    accessed = read_date(item.get("accessed"))
    if accessed is not None and accessed.start:
        put("Y2", _ris_date(accessed))
    keywords = text(item, "keyword")
    if keywords:
        for keyword in re.split(r"\s*[,;]\s*", keywords):
            put("KW", keyword)
    put("N1", text(item, "note"))
    unplaced = [variable for variable, _ in shared_tag]
    for variable, value in shared_tag:
        put("N1", f"{variable}: {value}")
    for key, value in item.items():
        if key in _HANDLED:
            continue
        unplaced.append(key)
        put("N1", f"{key}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}")
    for key, value in (item.get("custom") or {}).items():
        if key in _SKIP_CUSTOM:
            continue
        put("N1", f"{key}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}")
    if unplaced:
        report.warning(f"RIS has no tag for {', '.join(sorted(unplaced))}; written to N1", entry=label)
    lines.append("ER  - ")
    return lines


@writer("ris", extensions=(".ris",), description="RIS (as Zotero exports it; CRLF line ends)")
def write_ris(items: list[Item], context: WriteContext) -> str:
    chunks = []
    for index, item in enumerate(items):
        label = str(item.get("id", f"#{index + 1}"))
        chunks.append("\r\n".join(record_lines(item, context.diagnostics, label)) + "\r\n\r\n")
        if context.progress:
            context.progress(1)
    return "".join(chunks)
