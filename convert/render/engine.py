"""Rendering CSL items into a bibliography with citeproc-py.

The style and locale are parsed once per (style, locale) and reused: parsing APA takes longer than
rendering a hundred entries.  Items are cleaned before citeproc-py sees them (it raises on
shapes CSL-JSON allows, e.g. numbers where it expects strings, or a missing type), and each entry
is rendered with markers for CSL's ``display`` attribute and ``second-field-align``, which
citeproc-py ignores; :mod:`convert.render.fixes` turns the markers into the markup citeproc-js
produces and corrects citeproc-py's other faults, one fix per CSL feature.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..csl import ITEM_TYPES, Item, variable_kind
from . import fixes
from .styles import StyleRef, StyleWithoutBibliographyError, resolve_locale, resolve_style


@dataclass
class Bibliography:
    """Rendered entries in the style's order, with what the layout needs to show them."""

    entries: list[str]
    item_ids: list[str]
    second_field_align: str | None = None
    hanging_indent: bool = False
    line_spacing: int = 1
    entry_spacing: int = 1
    problems: list[tuple[str, str]] = field(default_factory=list)  # (item id, message)


@lru_cache(maxsize=16)
def load_style(path: str, locale: str | None) -> Any:
    """citeproc-py's parsed style (with our fixes applied), cached per file and locale."""
    from citeproc import CitationStylesStyle

    fixes.apply()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with open(path, "rb") as handle:
            data = handle.read()
        style = CitationStylesStyle(io.BytesIO(data), locale=locale, validate=False)
    fixes.pin_style(style)
    return style


def load_style_text(xml: str, locale: str | None = None) -> Any:
    """A style given as XML text (the CSL test suite embeds its styles)."""
    from citeproc import CitationStylesStyle

    fixes.apply()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(io.BytesIO(xml.encode("utf-8")), locale=locale, validate=False)


def clean_item(item: Item, key: str) -> dict[str, Any]:
    """What citeproc-py can take: known variables only, numbers as text, a valid type, no custom."""
    cleaned: dict[str, Any] = {"id": key, "type": item.get("type") if item.get("type") in ITEM_TYPES else "document"}
    for variable, value in item.items():
        if variable in ("id", "type", "custom") or value in (None, "", []):
            continue
        kind = variable_kind(variable)
        if kind is None:
            continue
        if kind in ("name", "date") and variable.replace("-", "_") not in _citeproc_structured(kind):
            continue  # a variable citeproc-py cannot render as a name/date would crash it
        if kind == "name":
            if isinstance(value, list):
                people = [{k: str(v) for k, v in person.items() if isinstance(v, (str, int, float))}
                          for person in value if isinstance(person, dict)]
                cleaned[variable] = [p for p in people if p]
        elif kind == "date":
            if isinstance(value, dict) and ("date-parts" in value or "literal" in value or "raw" in value):
                cleaned[variable] = _clean_date(value)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            cleaned[variable] = str(value)
    return cleaned


@lru_cache(maxsize=2)
def _citeproc_structured(kind: str) -> frozenset[str]:
    import citeproc

    return frozenset(citeproc.NAMES if kind == "name" else citeproc.DATES)


def _clean_date(value: dict[str, Any]) -> dict[str, Any]:
    if "date-parts" in value:
        parts = [[int(p) for p in part if str(p).lstrip("-").isdigit()] for part in value["date-parts"] if part]
        parts = [p for p in parts if p]
        if parts:
            out: dict[str, Any] = {"date-parts": parts}
            if value.get("circa"):
                out["circa"] = True
            if value.get("season") is not None:
                out["season"] = value["season"]
            return out
    literal = value.get("literal") or value.get("raw")
    if literal:
        from ..normalize.dates import parse_date
        from ..csl import date_to_csl

        parsed = parse_date(str(literal)) if "raw" in value else None
        return date_to_csl(parsed) if parsed is not None else {"literal": str(literal)}
    return {"literal": ""}


def render(items: list[Item], style: str | StyleRef | None = None, locale: str | None = None,
           output: str = "html", citation_order: list[str] | None = None, style_xml: str | None = None) -> Bibliography:
    """The bibliography of ``items`` in ``style``, as HTML fragments or plain text entries.

    ``citation_order`` (item ids) is the order in which the items were cited; numeric styles number
    by it.  By default the items' own order is used.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc import formatter as citeproc_formatter
    from citeproc.source.json import CiteProcJSON

    if style_xml is not None:
        parsed = load_style_text(style_xml, resolve_locale(locale))
    else:
        ref = style if isinstance(style, StyleRef) else resolve_style(style)
        parsed = load_style(str(ref.path), resolve_locale(locale or ref.default_locale))
    if parsed.root.bibliography is None:
        name = "the given style" if style_xml is not None else f"style '{style.name if isinstance(style, StyleRef) else style}'"
        raise StyleWithoutBibliographyError(
            f"{name} formats citations only (it has no <bibliography>); choose a style with a bibliography, "
            "such as 'chicago-notes-bibliography'")
    keys = [f"item{index}" for index in range(len(items))]
    original_ids = {key: str(item.get("id", key)) for key, item in zip(keys, items)}
    by_original: dict[str, str] = {}
    for key, item in zip(keys, items):
        by_original.setdefault(str(item.get("id", key)), key)
    cleaned = [clean_item(item, key) for key, item in zip(keys, items)]
    fixes.prepare_items(cleaned, parsed, output)
    problems: list[tuple[str, str]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON(cleaned)
        formatter = citeproc_formatter.html if output == "html" else citeproc_formatter.plain
        bibliography = CitationStylesBibliography(parsed, source, formatter)
        order = [by_original[i] for i in (citation_order or []) if i in by_original]
        order += [k for k in keys if k not in order]
        for key in order:
            bibliography.register(Citation([CitationItem(key)]))
        fixes.before_sort(bibliography, parsed)
        bibliography.sort()
        fixes.after_sort(bibliography, parsed)
        rendered_keys = [str(k) for k in bibliography.keys]
        entries: list[str] = []
        with fixes.rendering(parsed, output):
            raw_entries = _render_entries(bibliography, parsed)
        kept_keys = []
        for key, entry in zip(rendered_keys, raw_entries):
            if entry is None:
                continue  # the style prints nothing for this item (APA: personal communications)
            entries.append(str(entry))
            kept_keys.append(key)
        rendered_keys = kept_keys
    node = parsed.root.bibliography
    layout = _layout_options(node)
    entries = fixes.after_render(entries, parsed, output, layout)
    return Bibliography(entries, [original_ids.get(k, k) for k in rendered_keys], layout.get("second-field-align"),
                        layout.get("hanging-indent") == "true", int(layout.get("line-spacing") or 1),
                        int(layout.get("entry-spacing") or 1), problems)


# Bibliographies at least this long are rendered on several cores (see convert.parallel).
PARALLEL_MIN_ITEMS = 800


def _render_entries(bibliography: Any, style: Any) -> list[Any]:
    """All entries, in order.  Sorting, numbering and year suffixes are already decided for the
    whole list, so the entries can be rendered in slices on several cores; each slice starts one
    entry early so that subsequent-author-substitute sees the entry before it."""
    from ..parallel import chunk_runner

    count = len(bibliography.items)
    with chunk_runner(count, PARALLEL_MIN_ITEMS) as runner:
        if not runner.parallel:
            return list(bibliography.bibliography())
        chunks = runner.map_ranges(_render_slice, count, bibliography=bibliography, style=style)
    return [entry for chunk in chunks for entry in chunk]


def _render_slice(bounds: tuple[int, int]) -> list[Any]:
    from ..parallel import SHARED

    bibliography, style = SHARED["bibliography"], SHARED["style"]
    start, end = bounds
    first = max(0, start - 1)
    rendered = style.root.bibliography.layout.render_bibliography(bibliography.items[first:end])
    return [None if entry is None else str(entry) for entry in rendered[start - first:]]


def _layout_options(node: Any) -> dict[str, str]:
    if node is None:
        return {}
    return {k: v for k, v in node.attrib.items()}
