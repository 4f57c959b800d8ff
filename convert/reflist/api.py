"""Public entry points of the reference-list parser: one string, many strings, whole documents."""

from __future__ import annotations

from typing import Any, Iterable

from ..csl import Item, make_ids_unique, read_date
from ..diagnostics import Diagnostics
from ..normalize.keys import unique_keys
from .cs1 import parse_cs1
from .split import split_references

MAX_REFERENCE_LENGTH = 20_000


def parse_reference(text: str) -> Item:
    """One rendered reference (any CS1/CS2 shape) to a CSL item; unplaced text goes to ``note``."""
    item, _ = _parse_one(text)
    return item


def parse_references(texts: Iterable[str]) -> list[Item]:
    """One item per string, in order; ids made unique; short citations linked to their sources."""
    items = [parse_reference(text) for text in texts]
    _finish(items)
    return items


def _parse_one(text: str) -> tuple[Item, list[str]]:
    if len(text) > MAX_REFERENCE_LENGTH:
        return {"type": "document", "note": text}, ["(too long to parse)"]
    item, leftovers = parse_cs1(text)
    if leftovers:
        note = "; ".join(leftovers)
        item["note"] = f"{item['note']}\n{note}" if item.get("note") else note
    return item, leftovers


def parse_document(text: str, report: Diagnostics) -> list[Item]:
    """Find the reference section(s) of a document and parse each reference in them."""
    raws = split_references(text)
    items: list[Item] = []
    for raw in raws:
        item, leftovers = _parse_one(raw.text)
        if leftovers:
            shown = "; ".join(leftovers)
            report.warning(f"could not place {shown[:120]!r}; kept in note", line=raw.line)
        if raw.notes:
            quote = "\n".join(raw.notes)
            item["note"] = f"{item['note']}\n{quote}" if item.get("note") else quote
        items.append(item)
    _finish(items)
    return items


def _finish(items: list[Item]) -> None:
    """Ids (``cook2017nato``), and ``custom.refers-to`` from each short citation to its full source."""
    for item, key in zip(items, unique_keys(items)):
        item.setdefault("id", key)
    make_ids_unique(items)
    # Index full references by (first author, year) once, so linking stays linear in the list length.
    by_name_year: dict[tuple[str, int | None], Item] = {}
    for item in items:
        if item.get("custom", {}).get("short-citation"):
            continue
        people = item.get("author") or item.get("editor") or []
        if people:
            date = read_date(item.get("issued"))
            key = (_first_name_key(people), date.year if date else None)
            by_name_year.setdefault(key, item)
            by_name_year.setdefault((key[0], None), item)
    for item in items:
        if not item.get("custom", {}).get("short-citation") or not item.get("author"):
            continue
        date = read_date(item.get("issued"))
        target = by_name_year.get((_first_name_key(item["author"]), date.year if date else None))
        if target is not None:
            item["custom"]["refers-to"] = target["id"]


def _first_name_key(people: list[dict[str, Any]]) -> str:
    first = people[0]
    return str(first.get("family") or first.get("literal") or "").lower()
