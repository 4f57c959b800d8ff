"""Citation keys (``cook2017nato``): ASCII, stable, unique; used for ids of parsed references and
for BibTeX keys, where only ASCII letters, digits and ``-_:.`` are safe in every toolchain."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable

from ..csl import names, read_date

_STOPWORDS = frozenset("a an the of on in and for to at by with from der die das le la les el los un une de".split())
_WORDS = re.compile(r"[^\W_]+")
_TAGS = re.compile(r"<[^>]{0,100}>")
_NOT_KEY = re.compile(r"[^A-Za-z0-9]")
VALID_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.\-+/]{0,99}$")


def ascii_fold(text: str) -> str:
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
                                   .replace("ł", "l").replace("Ł", "L").replace("æ", "ae").replace("œ", "oe"))
    return "".join(c for c in folded if ord(c) < 128)


def base_key(item: dict[str, Any]) -> str:
    """``familyYEARfirstword`` from the first author (or editor), the year and the title."""
    people = names(item, "author") or names(item, "editor")
    who = ""
    if people:
        first = people[0]
        who = first.get("family") or first.get("literal") or ""
    year = _year(item.get("issued"))
    title = str(item.get("title", ""))[:300]  # the first words are all a key needs
    title_words = _WORDS.finditer(ascii_fold(_TAGS.sub("", title) if "<" in title else title))
    word = next((w.group(0) for w in title_words if w.group(0).lower() not in _STOPWORDS), "")
    who_key = _NOT_KEY.sub("", ascii_fold(who.split()[-1] if who.split() else ""))
    key = f"{who_key.lower()}{year}{word.lower()}"
    return key or "ref"


def _year(issued: Any) -> str:
    """The year of ``issued``; the common ``{"date-parts": [[2020, ...]]}`` without a full date parse
    (keys are made for every item of a large file)."""
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            first = parts[0][0]
            if isinstance(first, int) and first > 0:
                return str(first)
    date = read_date(issued)
    return str(date.year) if date and date.year else ""


def unique_keys(items: Iterable[dict[str, Any]]) -> list[str]:
    """One key per item, with a/b/c... suffixes where the base keys collide."""
    return unique_from_bases([base_key(item) for item in items])


def unique_from_bases(bases: list[str]) -> list[str]:
    """Keys from base keys computed elsewhere (in worker processes): a/b/c... where they collide."""
    counts: dict[str, int] = {}
    for base in bases:
        counts[base] = counts.get(base, 0) + 1
    used: set[str] = set()
    next_suffix: dict[str, int] = {}
    keys = []
    for base in bases:
        if counts[base] == 1 and base not in used:
            key = base
        else:
            index = next_suffix.get(base, 0)
            while True:
                key = base + _suffix(index)
                index += 1
                if key not in used:
                    break
            next_suffix[base] = index
        used.add(key)
        keys.append(key)
    return keys


def _suffix(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(97 + rest) + letters
    return letters
