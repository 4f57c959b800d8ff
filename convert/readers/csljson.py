"""CSL-JSON input: an array of items, a single item, or JSON Lines (one item a line).

Every item is validated against the CSL vocabulary; problems are reported with the item's index,
id and the line it starts on.  We find those lines by decoding the top-level array element by
element with ``raw_decode`` (still the C decoder, so large files stay fast).
"""

from __future__ import annotations

import json
from typing import Any

from ..csl import Item, item_label, make_ids_unique, validate_item
from ..registry import ReadContext, reader

_decoder = json.JSONDecoder()


def looks_like_csljson(text: str) -> bool:
    stripped = text.lstrip("\ufeff \t\n")
    if stripped.startswith("{"):
        return True
    if stripped.startswith("["):
        rest = stripped[1:].lstrip()
        return rest.startswith("{") or rest.startswith("]")
    return False


@reader("csljson", extensions=(".json", ".jsonl", ".csljson", ".ndjson"), aliases=("csl-json", "json", "csl", "jsonl"),
        description="CSL-JSON: array, single item or JSON Lines", sniff=looks_like_csljson, priority=10)
def read_csljson(text: str, context: ReadContext) -> list[Item]:
    report = context.diagnostics
    positioned = _decode_positioned(text, context)
    if positioned is None:
        return []
    items: list[Item] = []
    item_lines: dict[int, int] = {}
    for index, (line, raw) in enumerate(positioned):
        label = item_label(raw, index) if isinstance(raw, dict) else f"#{index + 1}"
        item, problems = validate_item(raw)
        for problem in problems:
            message = f"item {index + 1}: {problem.message}"
            if problem.severity == "error":
                report.error(message, line=line, entry=label)
            else:
                report.warning(message, line=line, entry=label)
        if item is not None:
            item_lines[id(item)] = line
            items.append(item)
        if context.progress:
            context.progress(1)
    for item, old in make_ids_unique(items):
        report.warning(f"duplicate id '{old}' renamed to '{item['id']}'", line=item_lines.get(id(item)),
                       entry=str(item["id"]))
    return items


def _decode_positioned(text: str, context: ReadContext) -> list[tuple[int, Any]] | None:
    """Decode into (start line, value) pairs, reporting the first syntax error with line and column."""
    report = context.diagnostics
    stripped_start = len(text) - len(text.lstrip("\ufeff \t\n\r"))
    if stripped_start == len(text):
        report.warning("input is empty: no items")
        return []
    first = text[stripped_start]
    try:
        if first == "[":
            return _decode_array(text, stripped_start)
        if first == "{":
            value, end = _decoder.raw_decode(text, stripped_start)
            rest = text[end:].strip()
            if not rest:
                return [(_line_of(text, stripped_start), value)]
            return _decode_lines(text)
        report.error(f"not CSL-JSON: expected '[' or '{{' but found {first!r}", line=_line_of(text, stripped_start))
        return None
    except json.JSONDecodeError as exc:
        report.error(f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        return None
    except RecursionError:
        report.error("invalid JSON: nested too deeply to read")
        return None


def _decode_array(text: str, start: int) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    position = _skip_ws(text, start + 1)
    if position < len(text) and text[position] == "]":
        _expect_end(text, position + 1)
        return out
    line = _line_of(text, start)
    last = start
    while True:
        line += text.count("\n", last, position)
        last = position
        value, position = _decoder.raw_decode(text, position)
        out.append((line, value))
        position = _skip_ws(text, position)
        if position >= len(text):
            raise json.JSONDecodeError("unterminated array: expected ',' or ']'", text, position)
        if text[position] == ",":
            position = _skip_ws(text, position + 1)
            continue
        if text[position] == "]":
            _expect_end(text, position + 1)
            return out
        raise json.JSONDecodeError("expected ',' or ']' after an item", text, position)


def _decode_lines(text: str) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                out.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise json.JSONDecodeError(exc.msg, text, _offset_of_line(text, number) + exc.pos) from None
    return out


def _expect_end(text: str, position: int) -> None:
    position = _skip_ws(text, position)
    if position < len(text):
        raise json.JSONDecodeError("extra data after the end of the array", text, position)


def _skip_ws(text: str, position: int) -> int:
    length = len(text)
    while position < length and text[position] in " \t\n\r":
        position += 1
    return position


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
