"""CSL-JSON output: pretty and stable, so that diffs of converted files show only real changes.

``id`` and ``type`` lead each item (what a human looks for first); every other key, at every
level, is sorted.  Text stays UTF-8 rather than ``\\u`` escapes.
"""

from __future__ import annotations

import json
from typing import Any

from ..csl import Item
from ..registry import WriteContext, writer

_LEADING = ("id", "type")


def stable_item(item: Item) -> dict[str, Any]:
    """The item with ``id``, ``type`` first and all other keys sorted (recursively)."""
    ordered: dict[str, Any] = {key: item[key] for key in _LEADING if key in item}
    for key in sorted(k for k in item if k not in _LEADING):
        ordered[key] = _sorted(item[key])
    return ordered


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


@writer("csljson", extensions=(".json", ".csljson"), aliases=("csl-json", "json", "csl"),
        description="CSL-JSON array (pretty, keys sorted)")
def write_csljson(items: list[Item], context: WriteContext) -> str:
    return _pretty([stable_item(item) for item in items], "") + "\n"


def _pretty(value: Any, indent: str) -> str:
    """JSON with two-space indents, but short arrays of scalars (``date-parts``) kept on one line."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        body = ",\n".join(f"{inner}{json.dumps(k, ensure_ascii=False)}: {_pretty(v, inner)}" for k, v in value.items())
        return "{\n" + body + "\n" + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(_is_flat(v) for v in value):
            return json.dumps(value, ensure_ascii=False)
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + _pretty(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def _is_flat(value: Any) -> bool:
    if isinstance(value, list):
        return all(not isinstance(v, (list, dict)) for v in value)
    return not isinstance(value, dict)


@writer("csljson-lines", extensions=(".jsonl", ".ndjson"), aliases=("jsonl", "ndjson"),
        description="CSL-JSON Lines: one item a line")
def write_csljson_lines(items: list[Item], context: WriteContext) -> str:
    return "".join(json.dumps(stable_item(item), ensure_ascii=False) + "\n" for item in items)
