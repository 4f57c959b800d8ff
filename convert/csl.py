"""The CSL 1.0.2 vocabulary and the validation of CSL-JSON items.

The internal record of bibconvert *is* a CSL-JSON item: a plain ``dict`` with CSL variable names.
This module is the single place that knows which variables exist and what shape each has
(text, number, date, name), in the spirit of jgm/citeproc's one ``variableType`` table.  Every
reader validates what it produces here and every writer asks here how to read a variable.

Validation never throws information away: a value of the wrong shape that cannot be repaired is
moved into the item's ``custom`` object (CSL-JSON 1.0.2's place for data no variable holds) and
reported as an error, so the user sees the problem and still has the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Literal

Item = dict[str, Any]
VariableKind = Literal["text", "number", "date", "name", "special"]

ITEM_TYPES: frozenset[str] = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter classic
    collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing
    interview legal_case legislation manuscript map motion_picture musical_score pamphlet
    paper-conference patent performance periodical personal_communication post post-weblog regulation
    report review review-book software song speech standard thesis treaty webpage""".split()
)

NAME_VARIABLES: frozenset[str] = frozenset(
    """author chair collection-editor compiler composer container-author contributor curator director
    editor editorial-director editor-translator executive-producer guest host illustrator interviewer
    narrator organizer original-author performer producer recipient reviewed-author script-writer
    series-creator translator""".split()
)

DATE_VARIABLES: frozenset[str] = frozenset(
    "accessed available-date event-date issued original-date submitted container".split()
)

# Variables whose value may be a number or a string ("numeric" in CSL terms).
NUMBER_VARIABLES: frozenset[str] = frozenset(
    """chapter-number citation-number collection-number edition first-reference-note-number issue
    locator number number-of-pages number-of-volumes page page-first part part-number printing
    printing-number section supplement supplement-number version volume""".split()
)

TEXT_VARIABLES: frozenset[str] = frozenset(
    """abstract annote archive archive_collection archive_location archive-place authority call-number
    citation-key citation-label collection-title container-title container-title-short dimensions
    division DOI event event-title event-place genre ISAN ISBN ISCI ISMN ISRC ISSN ISWC jurisdiction
    keyword language license medium note original-publisher original-publisher-place original-title
    part-title PMCID PMID publisher publisher-place references reviewed-genre reviewed-title scale
    source status title title-short translated-title translated-title-short URL volume-title
    volume-title-short year-suffix journalAbbreviation shortTitle""".split()
)

# Item keys that are not variables in the CSL sense but belong to the CSL-JSON item model.
SPECIAL_KEYS: frozenset[str] = frozenset({"id", "type", "categories", "custom"})

NAME_PARTS: frozenset[str] = frozenset(
    """family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering literal
    parse-names""".split()
)
DATE_KEYS: frozenset[str] = frozenset({"date-parts", "season", "circa", "literal", "raw", "edtf"})

_KIND: dict[str, VariableKind] = {
    **{v: "text" for v in TEXT_VARIABLES},
    **{v: "number" for v in NUMBER_VARIABLES},
    **{v: "date" for v in DATE_VARIABLES},
    **{v: "name" for v in NAME_VARIABLES},
    **{k: "special" for k in SPECIAL_KEYS},
}

SEASONS = {1: "spring", 2: "summer", 3: "autumn", 4: "winter"}


def variable_kind(name: str) -> VariableKind | None:
    """The shape a CSL variable takes, or ``None`` when CSL has no such variable."""
    return _KIND.get(name)


def is_variable(name: str) -> bool:
    return name in _KIND


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an item; ``severity`` error means data had to be moved to ``custom``."""

    severity: Literal["warning", "error"]
    message: str


def validate_item(item: Any) -> tuple[Item | None, list[Problem]]:
    """Check one CSL-JSON item and return a repaired copy plus the problems found.

    Returns ``(None, problems)`` only when the value is not an object at all.  Everything else is
    kept: unknown variables and values of the wrong shape are moved into ``custom`` (never
    dropped), repairable shapes are repaired (a lone name object wrapped in a list, a string where
    a name list belongs turned into a literal name).
    """
    problems: list[Problem] = []
    if not isinstance(item, dict):
        return None, [Problem("error", f"an item must be a JSON object, not {_json_type(item)}")]
    out: Item = {}
    custom: dict[str, Any] = {}
    if isinstance(item.get("custom"), dict):
        custom.update(item["custom"])
    elif "custom" in item:
        problems.append(Problem("error", f"'custom' must be an object, not {_json_type(item['custom'])}; "
                                         "its value is kept as custom.custom"))
        custom["custom"] = item["custom"]

    for key, value in item.items():
        if key == "custom":
            continue
        kind = _KIND.get(key)
        if kind is None:
            problems.append(Problem("warning", f"'{key}' is not a CSL variable; kept in custom"))
            custom[key] = value
            continue
        fixed, message, severity = _check_value(key, kind, value)
        if message:
            problems.append(Problem(severity, message))
        if fixed is _INVALID:
            custom[key] = value
        else:
            out[key] = fixed

    if "type" not in out:
        if "type" not in item:
            problems.append(Problem("warning", "item has no 'type'; using 'document'"))
        out["type"] = "document"
    if custom:
        out["custom"] = custom
    return out, problems


class _Invalid:
    pass


_INVALID: Any = _Invalid()


def _check_value(key: str, kind: VariableKind, value: Any) -> tuple[Any, str | None, Literal["warning", "error"]]:
    if kind == "special":
        return _check_special(key, value)
    if kind == "text":
        if isinstance(value, str):
            return value, None, "warning"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value), f"'{key}' should be a string; {value!r} converted", "warning"
        return _INVALID, f"'{key}' must be a string, not {_json_type(value)}; kept in custom", "error"
    if kind == "number":
        if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            return value, None, "warning"
        return _INVALID, f"'{key}' must be a string or number, not {_json_type(value)}; kept in custom", "error"
    if kind == "date":
        legacy = _legacy_date(value)
        if legacy is not None:
            return legacy, f"'{key}' uses the old [{{year, month, day}}] shape; converted to date-parts", "warning"
        message = date_problem(value)
        if message:
            return _INVALID, f"'{key}': {message}; kept in custom", "error"
        return value, None, "warning"
    # names
    if isinstance(value, dict):
        value = [value]
        repaired = f"'{key}' must be a list of names; a single name was wrapped in a list"
    elif isinstance(value, str):
        return [{"literal": value}], f"'{key}' must be a list of names; the string was kept as a literal name", "warning"
    else:
        repaired = None
    if not isinstance(value, list):
        return _INVALID, f"'{key}' must be a list of names, not {_json_type(value)}; kept in custom", "error"
    for index, name in enumerate(value):
        message = name_problem(name)
        if message:
            return _INVALID, f"'{key}' name {index + 1}: {message}; kept in custom", "error"
    return value, repaired, "warning"


def _legacy_date(value: Any) -> dict[str, Any] | None:
    """Old citeproc-js/Mendeley dates, ``[{"year": "2016", "month": "3"}]`` (one or two objects)."""
    if not (isinstance(value, list) and 1 <= len(value) <= 2 and all(isinstance(v, dict) for v in value)):
        return None
    parts = []
    for point in value:
        part = []
        for name in ("year", "month", "day"):
            raw = point.get(name)
            if raw is None:
                break
            try:
                part.append(int(str(raw).strip()))
            except ValueError:
                return None
        if not part:
            return None
        parts.append(part)
    return {"date-parts": parts}


def _check_special(key: str, value: Any) -> tuple[Any, str | None, Literal["warning", "error"]]:
    if key == "id":
        if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            return value, None, "warning"
        return _INVALID, f"'id' must be a string or number, not {_json_type(value)}; kept in custom", "error"
    if key == "type":
        if isinstance(value, str) and value in ITEM_TYPES:
            return value, None, "warning"
        return _INVALID, f"unknown item type {value!r}; kept in custom.type, item typed 'document'", "error"
    if key == "categories":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value, None, "warning"
        return _INVALID, "'categories' must be a list of strings; kept in custom", "error"
    return value, None, "warning"


def name_problem(name: Any) -> str | None:
    """Why ``name`` is not a valid CSL name object, or ``None`` when it is."""
    if not isinstance(name, dict):
        return f"a name must be an object, not {_json_type(name)}"
    for part, value in name.items():
        if part not in NAME_PARTS:
            return f"unknown name part '{part}'"
        if part in ("comma-suffix", "static-ordering", "parse-names"):
            if not isinstance(value, (str, int, float, bool)):
                return f"'{part}' must be a string, number or boolean"
        elif not isinstance(value, str):
            return f"name part '{part}' must be a string, not {_json_type(value)}"
    return None


_EDTF = re.compile(r"^[0-9X?~%./\-+ ]+$|^\.\.$")


def date_problem(value: Any) -> str | None:
    """Why ``value`` is not a valid CSL date, or ``None`` when it is."""
    if isinstance(value, str):
        if _EDTF.match(value) and any(ch.isdigit() for ch in value):
            return None
        return f"a date string must be EDTF (e.g. 2020-05-17), not {value!r}"
    if not isinstance(value, dict):
        return f"a date must be an object or an EDTF string, not {_json_type(value)}"
    for key in value:
        if key not in DATE_KEYS:
            return f"unknown date key '{key}'"
    parts = value.get("date-parts")
    if parts is not None:
        if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
            return "'date-parts' must be a list of one or two dates"
        for part in parts:
            if not isinstance(part, list) or not 1 <= len(part) <= 3:
                return "each date in 'date-parts' must be a list of 1 to 3 numbers"
            for number in part:
                if isinstance(number, bool) or not isinstance(number, (int, float, str)):
                    return f"date part {number!r} is not a number"
                if isinstance(number, str) and not re.fullmatch(r"-?\d+", number.strip()):
                    return f"date part {number!r} is not a number"
            ints = [int(n) for n in part]
            if len(ints) >= 2 and not 1 <= ints[1] <= 12 and not 13 <= ints[1] <= 24 and ints[1] != 0:
                return f"month {ints[1]} is out of range"
            if len(ints) == 3 and not 0 <= ints[2] <= 31:
                return f"day {ints[2]} is out of range"
    for key in ("literal", "raw"):
        if key in value and not isinstance(value[key], str):
            return f"'{key}' must be a string"
    if "season" in value and not isinstance(value["season"], (str, int)):
        return "'season' must be a string or number"
    if not any(k in value for k in ("date-parts", "literal", "raw", "edtf")):
        return "a date needs 'date-parts', 'literal', 'raw' or 'edtf'"
    return None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# ---------------------------------------------------------------------------------------------
# Reading values the way writers need them, whatever valid shape the item used
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateValue:
    """A CSL date read into one shape: up to two (year, month, day) tuples plus qualifiers.

    Writers use this instead of poking at ``date-parts``, because a valid item may hold the same
    date as ``date-parts`` with strings, as an EDTF string, or only as ``raw``/``literal`` text.
    """

    start: tuple[int, ...] = ()
    end: tuple[int, ...] = ()
    season: str | int | None = None
    circa: bool = False
    literal: str | None = None
    open_end: bool = False

    @property
    def year(self) -> int | None:
        return self.start[0] if self.start else None


def read_date(value: Any) -> DateValue | None:
    """Interpret any valid CSL date shape; ``None`` when nothing usable is there."""
    if isinstance(value, str):
        return parse_edtf(value)
    if not isinstance(value, dict):
        return None
    circa = bool(value.get("circa")) and value.get("circa") not in ("0", "false")
    season = value.get("season")
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts:
        try:
            dates = [tuple(int(str(n).strip()) for n in p if str(n).strip() != "") for p in parts]
        except (TypeError, ValueError):
            dates = []
        dates = [_trim_zeros(d) for d in dates]
        if dates and dates[0]:
            start = dates[0]
            end = dates[1] if len(dates) > 1 else ()
            if len(start) >= 2 and start[1] > 12:
                # Old CSL wrote seasons as months 13-16, EDTF as 21-24.
                season = season if season is not None else (start[1] - 20 if start[1] > 20 else start[1] - 12)
                start = start[:1]
            return DateValue(start, end, season, circa, value.get("literal"))
    if isinstance(value.get("edtf"), str):
        parsed = parse_edtf(value["edtf"])
        if parsed:
            return parsed
    if isinstance(value.get("raw"), str):
        from .normalize.dates import parse_date

        parsed = parse_date(value["raw"])
        if parsed is not None:
            return parsed
        return DateValue(literal=value["raw"], season=season, circa=circa)
    if isinstance(value.get("literal"), str):
        return DateValue(literal=value["literal"], season=season, circa=circa)
    return None


def _trim_zeros(date: tuple[int, ...]) -> tuple[int, ...]:
    # CSL processors write unknown month/day as 0; treat them as absent.
    while len(date) > 1 and date[-1] == 0:
        date = date[:-1]
    return date


_EDTF_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%]{0,2})$")


def parse_edtf(text: str) -> DateValue | None:
    """Parse the EDTF subset CSL uses: ``YYYY[-MM[-DD]]``, ranges with ``/``, ``..`` open ends,
    ``~``/``%`` qualifiers (approximate: ``circa``; a lone ``?`` is accepted and not circa) and season months 21-24."""
    text = text.strip()
    if not text:
        return None
    halves = text.split("/")
    if len(halves) > 2:
        return None
    parsed: list[tuple[int, ...]] = []
    circa = False
    season: int | None = None
    open_end = False
    for half in halves:
        half = half.strip()
        if half in ("..", ""):
            open_end = True
            parsed.append(())
            continue
        m = _EDTF_DATE.match(half)
        if not m:
            return None
        year, month, day, qualifier = m.groups()
        parts: tuple[int, ...] = (int(year),)
        if month:
            month_number = int(month)
            if 21 <= month_number <= 24:
                season = month_number - 20
            elif 1 <= month_number <= 12:
                parts += (month_number,)
                if day:
                    parts += (int(day),)
            else:
                return None
        # "~" approximate and "%" (approximate and uncertain) are CSL's circa; "?" alone is only
        # uncertainty, which CSL cannot say, so it is not turned into "circa".
        circa = circa or "~" in qualifier or "%" in qualifier
        parsed.append(parts)
    start = parsed[0]
    end = parsed[1] if len(parsed) > 1 else ()
    if not start and not end:
        return None
    return DateValue(start, end, season, circa, None, open_end and bool(start) and not end)


def date_to_csl(date: DateValue) -> dict[str, Any]:
    """The canonical CSL-JSON object for a parsed date (``date-parts`` plus qualifiers)."""
    out: dict[str, Any] = {}
    if date.start:
        parts = [list(date.start)]
        if date.end:
            parts.append(list(date.end))
        out["date-parts"] = parts
    elif date.literal:
        out["literal"] = date.literal
    if date.season is not None:
        out["season"] = date.season
    if date.circa:
        out["circa"] = True
    if date.start and date.literal:
        out["literal"] = date.literal
    return out


def date_to_edtf(date: DateValue) -> str | None:
    """EDTF / ISO 8601 form (``2020-05-17``, ``2001/2003``, ``1900~``) used by BibLaTeX and RIS."""

    def one(parts: tuple[int, ...]) -> str:
        if not parts:
            return ".."
        text = f"{parts[0]:04d}" if parts[0] >= 0 else f"-{abs(parts[0]):04d}"
        for p in parts[1:]:
            text += f"-{p:02d}"
        return text

    if not date.start:
        return None
    text = one(date.start)
    if date.season is not None and len(date.start) == 1 and isinstance(date.season, int) and 1 <= date.season <= 4:
        text += f"-{20 + date.season}"
    if date.circa:
        text += "~"
    if date.end:
        text += "/" + one(date.end)
    elif date.open_end:
        text += "/.."
    return text


def names(item: Item, variable: str) -> list[dict[str, Any]]:
    """The names of a name variable, always as a list of name objects (empty when absent)."""
    value = item.get(variable)
    if isinstance(value, list):
        return [n for n in value if isinstance(n, dict)]
    return []


def text(item: Item, variable: str) -> str | None:
    """A text or number variable as a string (``None`` when absent or empty)."""
    value = item.get(variable)
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    value = str(value)
    return value if value.strip() else None


def display_name(name: dict[str, Any]) -> str:
    """``Family, Given`` form of a name object (for messages, keys and RIS)."""
    if "literal" in name:
        return str(name["literal"])
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    text_ = ", ".join(p for p in (family, given) if p)
    if name.get("suffix"):
        text_ += f", {name['suffix']}"
    return text_


def item_label(item: Item, index: int | None = None) -> str:
    """A short, human label for an item in messages: its id, else its position."""
    if isinstance(item, dict) and item.get("id") not in (None, ""):
        return str(item["id"])
    return f"#{index + 1}" if index is not None else "?"


def make_ids_unique(items: Iterable[Item]) -> list[tuple[Item, str]]:
    """Give every item a distinct ``id``; returns the (item, old id) pairs that were renamed.

    CSL processors and reference managers key items by id, so two items with one id silently merge
    downstream.  The first item keeps its id; later ones get ``-2``, ``-3``...
    """
    seen: set[str] = set()
    renamed: list[tuple[Item, str]] = []
    pending: list[Item] = []
    for item in items:
        raw = item.get("id")
        if raw in (None, ""):
            pending.append(item)
            continue
        key = str(raw)
        if key in seen:
            n = 2
            while f"{key}-{n}" in seen:
                n += 1
            item["id"] = f"{key}-{n}"
            renamed.append((item, key))
            key = item["id"]
        seen.add(key)
    counter = 1
    for item in pending:
        while f"item-{counter}" in seen:
            counter += 1
        item["id"] = f"item-{counter}"
        seen.add(item["id"])
    return renamed
