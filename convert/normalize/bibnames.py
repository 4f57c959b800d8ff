r"""BibTeX's name-list grammar: ``and``-separated names in ``First von Last``, ``von Last, First`` or
``von Last, Jr, First`` form, plus BibLaTeX's extended ``family=..., given=...`` form.

The rules are BibTeX's own (as in ``bibtex.web`` and the "Tame the BeaST" notes): words are split
at brace depth 0; the *von* part is the run of words starting with a lowercase letter; a word
starting with a brace group that is not a special character (``{\"u}``) counts as uppercase; a name
that is one brace group is a corporate name and stays whole.  Splitting happens on the raw LaTeX and
each part is decoded afterwards, so braces and accents never confuse the split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

_EXTENDED = re.compile(r"^\s*(?:family|given|prefix|suffix|useprefix|giveni|familyi)\s*=", re.IGNORECASE)


@dataclass
class SplitName:
    """One parsed name; ``others`` marks BibTeX's ``and others`` (et al.)."""

    first: str = ""
    von: str = ""
    last: str = ""
    jr: str = ""
    literal: str | None = None
    useprefix: bool | None = None
    others: bool = False


def split_top_level(value: str, separator: re.Pattern[str]) -> list[str]:
    """Split ``value`` where ``separator`` matches at brace depth 0.  Jumps from one brace or
    separator to the next with one regex, so long author lists cost a few calls, not a loop per
    character."""
    if "{" not in value and "\\" not in value:
        return separator.split(value)  # nothing can hide a separator: the common case
    scanner = _scanner(separator)
    parts: list[str] = []
    depth = 0
    start = 0
    position = 0
    while True:
        m = scanner.search(value, position)
        if m is None:
            break
        token = m.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif token.startswith("\\"):
            pass  # an escaped character (\{ or \,) never opens, closes or separates
        elif depth == 0 and m.end() > m.start():
            parts.append(value[start:m.start()])
            start = m.end()
        position = max(m.end(), position + 1)
    parts.append(value[start:])
    return parts


_SCANNERS: dict[str, re.Pattern[str]] = {}


def _scanner(separator: re.Pattern[str]) -> re.Pattern[str]:
    scanner = _SCANNERS.get(separator.pattern)
    if scanner is None:
        scanner = re.compile(r"\\.|[{}]|" + separator.pattern, separator.flags | re.DOTALL)
        _SCANNERS[separator.pattern] = scanner
    return scanner


_AND = re.compile(r"(?<!\s)\s+and\s+", re.IGNORECASE)
# A brace group that holds white space, another group or an escaped brace: only then can "and"
# be hidden from the split, and split_top_level must track depth.
_NESTED_OR_AND_IN_GROUP = re.compile(r"\{[^{}]*(?:\s|\{)|\\[{}]")
_COMMA = re.compile(r",")
_WORD_BREAK = re.compile(r"[\s~]+")


def split_names(value: str) -> list[str]:
    """``A and B and {C and D}`` -> ``['A', 'B', '{C and D}']``."""
    padded = f" {value.strip()} "
    if _AND.search(padded) is None:  # one name: no need to track braces
        return [padded.strip()] if padded.strip() else []
    if not _NESTED_OR_AND_IN_GROUP.search(padded):  # braces only around accents: no "and" they could hide
        return [p.strip() for p in _AND.split(padded) if p.strip()]
    return [p.strip() for p in split_top_level(padded, _AND) if p.strip()]


def _words(part: str) -> list[str]:
    return [w for w in split_top_level(part.strip(), _WORD_BREAK) if w]


def _is_lower(word: str) -> bool:
    """BibTeX's case test: the first letter at depth 0, or inside a leading special character."""
    depth = 0
    position = 0
    while position < len(word):
        ch = word[position]
        if ch == "{":
            if depth == 0 and word.startswith("{\\", position):
                # Special character such as {\"u} or {\relax Ch}: its first letter decides.
                m = re.match(r"\{\\([a-zA-Z]+|.)\s*\{?\s*([A-Za-z]?)", word[position:])
                if m:
                    command, letter = m.group(1), m.group(2)
                    if command.isalpha() and len(command) > 2 and command not in ("relax",):
                        return command[0].islower() and not letter  # {\ss}-like symbol: its own case
                    return letter.islower() if letter else command.islower()
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and ch.isalpha():
            return ch.islower()
        position += 1
    return False


def parse_bibtex_name(raw: str) -> SplitName:
    """One name (raw LaTeX) into its four BibTeX parts."""
    raw = raw.strip()
    if raw.lower() == "others":
        return SplitName(others=True)
    if _is_one_group(raw):
        return SplitName(literal=raw[1:-1].strip())
    if _EXTENDED.match(raw):
        return _parse_extended(raw)
    parts = [p.strip() for p in split_top_level(raw, _COMMA)]
    if len(parts) == 1:
        words = _words(parts[0])
        if not words:
            return SplitName()
        if len(words) == 1:
            return SplitName(last=words[0])
        body = words[:-1]
        lower = [i for i, w in enumerate(body) if _is_lower(w)]
        if not lower:
            return SplitName(first=" ".join(words[:-1]), last=words[-1])
        von_start, von_end = lower[0], lower[-1] + 1
        return SplitName(first=" ".join(words[:von_start]), von=" ".join(words[von_start:von_end]),
                         last=" ".join(words[von_end:]))
    von, last = _split_von_last(_words(parts[0]))
    if len(parts) == 2:
        return SplitName(first=parts[1], von=von, last=last)
    return SplitName(first=", ".join(parts[2:]), von=von, last=last, jr=parts[1])


def _split_von_last(words: list[str]) -> tuple[str, str]:
    """In ``von Last`` the von part is every leading word up to the last lowercase one; the last
    word is always Last."""
    if not words:
        return "", ""
    von_end = 0
    for index, word in enumerate(words[:-1]):
        if _is_lower(word):
            von_end = index + 1
    return " ".join(words[:von_end]), " ".join(words[von_end:])


def _is_one_group(raw: str) -> bool:
    if not (raw.startswith("{") and raw.endswith("}")):
        return False
    depth = 0
    for index, ch in enumerate(raw):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and index != len(raw) - 1:
                return False
    return depth == 0 and not raw.startswith("{\\")


def _parse_extended(raw: str) -> SplitName:
    name = SplitName()
    for part in split_top_level(raw, _COMMA):
        key, _, value = part.partition("=")
        key = key.strip().lower()
        value = value.strip()
        if value.startswith("{") and value.endswith("}"):
            value = value[1:-1]
        if key == "family":
            name.last = value
        elif key == "given":
            name.first = value
        elif key == "prefix":
            name.von = value
        elif key == "suffix":
            name.jr = value
        elif key == "useprefix":
            name.useprefix = value.lower() in ("true", "")
    return name


def to_csl_name(name: SplitName, decode: Callable[[str], str], useprefix: bool) -> dict[str, Any]:
    """A split name as a CSL name object.  The von part becomes ``non-dropping-particle`` when it
    is printed and sorted with the family name (BibTeX, or BibLaTeX with ``useprefix``), else
    ``dropping-particle`` (BibLaTeX's default)."""
    if name.literal is not None:
        return {"literal": decode(name.literal)}
    result: dict[str, Any] = {}
    family = decode(name.last)
    if family:
        result["family"] = family
    given = decode(name.first)
    if given:
        result["given"] = given
    if name.von:
        keep = name.useprefix if name.useprefix is not None else useprefix
        result["non-dropping-particle" if keep else "dropping-particle"] = decode(name.von)
    if name.jr:
        result["suffix"] = decode(name.jr)
    if "family" not in result and "given" in result:
        result = {"family": result.pop("given"), **result}
    return result
