"""Free-text dates to CSL dates.

Shared by every reader that meets dates written for humans: the reference-list parser
("17 September 1949", "March–April 2020", "c. 1900"), RIS (``PY``/``DA`` free-text parts) and
BibTeX (``month = {Sept.}``).  Month names of the languages Wikipedia references are most often
written in are recognised, so a German or French reference list keeps its dates.

Every pattern is anchored and uses bounded repetition only, so no input makes them backtrack
explosively.
"""

from __future__ import annotations

import re
import unicodedata

from ..csl import DateValue

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari",
        "janeiro", "styczeń", "stycznia"),
    2: ("february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio",
        "februari", "fevereiro", "fev", "luty", "lutego"),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo", "maart", "março", "marco", "marzec", "marca", "mrt"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia"),
    5: ("may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maj", "maja"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpień", "sierpnia"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
        "wrzesień", "września"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
         "październik", "października"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
         "dezembro", "grudzień", "grudnia"),
}
MONTHS: dict[str, int] = {name: number for number, names in _MONTH_NAMES.items() for name in names}

_SEASON_NAMES: dict[str, int] = {
    "spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4,
    "frühling": 1, "frühjahr": 1, "sommer": 2, "herbst": 3, "printemps": 1, "été": 2, "automne": 3,
    "hiver": 4, "primavera": 1, "verano": 2, "otoño": 3, "invierno": 4, "estate": 2, "autunno": 3,
    "inverno": 4,
}

_DASH = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_RE = re.compile(f"\\s*[{_DASH}-]\\s*")
_MONTH = r"([^\W\d_]{3,12})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(\d{3,4})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")),
    ("ym", re.compile(r"^(\d{4})[-/](\d{1,2})$")),
    ("dmy_numeric", re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")),
    ("d_month_y", re.compile(rf"^{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}$")),
    ("month_d_y", re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$")),
    ("y_month_d", re.compile(rf"^{_YEAR},?\s+{_MONTH}\s+{_DAY}$")),
    ("month_y", re.compile(rf"^{_MONTH},?\s+(?:de\s+)?{_YEAR}$")),
    ("y_month", re.compile(rf"^{_YEAR},?\s+{_MONTH}$")),
    ("y", re.compile(r"^(\d{3,4})([a-z])?$")),
]

_CIRCA = re.compile(r"^(?:c\.|ca\.|circa|c|ca|um|vers|hacia|ok\.)\s*", re.IGNORECASE)
_UNCERTAIN = re.compile(r"(?<!\s)\s*[?~]$|^\[|\]$")


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in one of the supported languages."""
    return MONTHS.get(word.lower().rstrip(".")) or MONTHS.get(_strip_accents(word.lower().rstrip(".")))


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def parse_date(text: str) -> DateValue | None:
    """Parse a human-written date or date range; ``None`` when the text is not one.

    >>> parse_date("17 September 1949").start
    (1949, 9, 17)
    >>> parse_date("March–April 2020").end
    (2020, 4)
    """
    text = " ".join(text.split()).strip(" ,;")
    if not text or len(text) > 60:
        return None
    circa = False
    m = _CIRCA.match(text)
    if m and m.end() < len(text):
        circa = True
        text = text[m.end():]
    if _UNCERTAIN.search(text):
        circa = True
        text = _UNCERTAIN.sub("", text).strip()
    mdy = _parse_us_day_range(text)
    if mdy is not None:
        return _with_circa(mdy, circa)
    single = _parse_single(text)
    if single is not None:
        return _with_circa(single, circa)
    ranged = _parse_range(text)
    if ranged is not None:
        return _with_circa(ranged, circa)
    return None


def _with_circa(value: DateValue, circa: bool) -> DateValue:
    if not circa:
        return value
    return DateValue(value.start, value.end, value.season, True, value.literal, value.open_end)


def _parse_single(text: str) -> DateValue | None:
    season = _parse_season(text)
    if season is not None:
        return season
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        parts = _parts(kind, m.groups())
        if parts is not None:
            return DateValue(parts)
    return None


def _parts(kind: str, groups: tuple[str | None, ...]) -> tuple[int, ...] | None:
    g = groups
    if kind == "ymd":
        return _valid(int(g[0] or 0), int(g[1] or 0), int(g[2] or 0))
    if kind == "ym":
        return _valid(int(g[0] or 0), int(g[1] or 0))
    if kind == "dmy_numeric":
        return _valid(int(g[2] or 0), int(g[1] or 0), int(g[0] or 0))
    if kind == "y":
        return (int(g[0] or 0),)
    month = month_number(_named(kind, g))
    if month is None:
        return None
    if kind == "d_month_y":
        return _valid(int(g[2] or 0), month, int(g[0] or 0))
    if kind == "month_d_y":
        return _valid(int(g[2] or 0), month, int(g[1] or 0))
    if kind == "y_month_d":
        return _valid(int(g[0] or 0), month, int(g[2] or 0))
    if kind == "month_y":
        return _valid(int(g[1] or 0), month)
    if kind == "y_month":
        return _valid(int(g[0] or 0), month)
    return None


def _named(kind: str, groups: tuple[str | None, ...]) -> str:
    index = {"d_month_y": 1, "month_d_y": 0, "y_month_d": 1, "month_y": 0, "y_month": 1}[kind]
    return groups[index] or ""


def _valid(year: int, month: int | None = None, day: int | None = None) -> tuple[int, ...] | None:
    if month is None:
        return (year,)
    if not 1 <= month <= 12:
        return None
    if day is None:
        return (year, month)
    if not 1 <= day <= 31:
        return None
    return (year, month, day)


_SEASON_RE = re.compile(r"^([^\W\d_]{4,10})\s+(\d{4})(?:\s*[/\u2013-]\s*(\d{2,4}))?$")


def _parse_season(text: str) -> DateValue | None:
    m = _SEASON_RE.match(text)
    if not m:
        return None
    season = _SEASON_NAMES.get(m.group(1).lower())
    if season is None:
        return None
    return DateValue((int(m.group(2)),), season=season)


def _parse_range(text: str) -> DateValue | None:
    """Ranges: ``2001–2003``, ``March–April 2020``, ``12–14 March 2020``, ``March 12–14, 2020``,
    ``December 2019 – January 2020``, ``1949–present`` (open)."""
    pieces = _DASH_RE.split(text)
    if len(pieces) != 2:
        pieces = re.split(r"(?<!\s)\s+(?:to|until|bis|au|al)\s+|/", text)
        if len(pieces) != 2:
            return None
    left, right = (p.strip(" ,") for p in pieces)
    if not left or not right:
        return None
    if right.lower() in ("present", "heute", "aujourd'hui", "presente", "now", ".."):
        start = _parse_single(left)
        if start is None or not start.start:
            return None
        return DateValue(start.start, (), open_end=True)
    end = _parse_single(right)
    if end is None or not end.start:
        return None
    start = _parse_single(left)
    if start is not None and start.start:
        if len(right) == 2 and right.isdigit() and len(start.start) == 1:
            century = start.start[0] // 100 * 100
            end = DateValue((century + int(right),))
        if end.start[0] < start.start[0]:
            return None
        return DateValue(start.start, end.start)
    # The left half lacks the year (and maybe the month): borrow them from the right half.
    year = end.start[0]
    words = left.split()
    if len(words) == 1:
        if left.isdigit() and len(end.start) == 3:  # "12–14 March 2020"
            day = int(left)
            return DateValue(_valid(year, end.start[1], day) or (year,), end.start)
        month = month_number(left)
        if month is not None and len(end.start) >= 2:  # "March–April 2020"
            return DateValue((year, month), end.start)
        return None
    return None


_MDY_RANGE = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})\s*[{_DASH}-]\s*(\d{{1,2}}),?\s+{_YEAR}$")


def _parse_us_day_range(text: str) -> DateValue | None:
    """``March 12–14, 2020``: the dash splits it into halves that are not dates on their own."""
    m = _MDY_RANGE.match(text)
    if not m:
        return None
    month = month_number(m.group(1))
    if not month:
        return None
    year = int(m.group(4))
    start = _valid(year, month, int(m.group(2)))
    end = _valid(year, month, int(m.group(3)))
    return DateValue(start, end) if start and end else None
