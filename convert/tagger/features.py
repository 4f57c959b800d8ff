"""Tokens and their features for the reference tagger.

A token is a run of non-space characters; its label is the label of the span it sits in.  The
features describe the token itself (shape, punctuation on either side, numbers that look like years
or pages, quotes and brackets, two- and three-letter prefixes and suffixes), its place in the
reference (position, field-ending periods before it, whether it is inside quotes or brackets), the
same for its neighbours two tokens either side (and the words three away), and word bigrams; a few
small dictionaries (months, particles, journal and publisher words, role words) carry what a word's
shape cannot.  Inside-quotes, bigrams and the wider window cut AnyStyle's held-out token errors from
7.6% to 5.6% when trained on AnyStyle alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# Whitespace runs, further cut where styles glue fields together ("2021;19(2):138-66." is four
# tokens); URLs and doi: identifiers stay whole.
TOKEN = re.compile(r"(?:https?|ftp)://\S+|doi:\S+|\(?[^\s():;]+[)\].,:;]*|[():;]")
_YEAR = re.compile(r"^\(?\[?(1[5-9]\d\d|20\d\d)[a-z]?[\])]?[.,;:]?$")
_PAGE_RANGE = re.compile(r"^(?:pp?\.?)?\d+[-–—]\d+[.,;:)]?$")
_DIGITS = re.compile(r"\d")
_URL = re.compile(r"^(?:https?://|www\.|doi\.org/)", re.IGNORECASE)
_DOI = re.compile(r"^(?:doi:)?10\.\d{4,9}/", re.IGNORECASE)
_INITIAL = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)*,?$")
_VOLUME_ISSUE = re.compile(r"^\d+\(\d+[-–]?\d*\)[.,:;]?$")

MONTHS = frozenset("""jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
august september october november december janvier février mars avril mai juin juillet août septembre octobre
novembre décembre januar februar märz juni juli oktober dezember enero febrero marzo abril mayo junio julio
agosto septiembre octubre noviembre diciembre spring summer autumn fall winter""".split())
PARTICLES = frozenset("van von der den de del della di da dos das du la le ten ter vom zu al el bin ibn".split())
JOURNAL_WORDS = frozenset("""journal j. review rev. proceedings proc. transactions trans. annals ann. bulletin bull.
letters lett. quarterly magazine studies research science sciences acta archives arch. international int.
reports conference symposium workshop revue zeitschrift rivista""".split())
PUBLISHER_WORDS = frozenset("""press university verlag publishing publishers publisher books springer elsevier wiley
routledge sage oxford cambridge mit penguin harper random house academic editions éditions gallimard""".split())
ROLE_WORDS = frozenset("""ed. eds. ed eds editor editors edited (ed.) (eds.) (ed.), (eds.), hrsg. trans. transl.
translated translator in in: dir. comp.""".split())
GENRE_WORDS = frozenset("""thesis dissertation phd ph.d. doctoral master's report technical working paper preprint
manuscript unpublished""".split())
LOCATOR_WORDS = frozenset("pp. pp p. p vol. vol no. no nr. issue s. bd. tome t. n°".split())
ACCESS_WORDS = frozenset("retrieved accessed viewed consulté abgerufen consultado available".split())


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(text)


def tokens_with_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _letter_class(ch: str) -> str:
    """Cased letters by case; a letter of a caseless script (Chinese, Japanese, Korean, Arabic,
    Hebrew, Thai...) is "C": without it each such character was its own shape, never seen twice."""
    return "X" if ch.isupper() else "x" if ch.islower() else "C" if ch.isalpha() else "d" if ch.isdigit() else ch


_FIRST_CLASS = {"X": "A", "x": "a", "C": "C"}


def shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        kind = _letter_class(ch)
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:8]


class WordFeatures(NamedTuple):
    """What one word contributes, in python-crfsuite's form ("key=value" strings and flag names,
    weight 1 each): its own features, those its neighbours see, and the flags the reference-level
    features look at.  Built once per distinct word (words repeat across a list and a corpus)."""

    w: str
    own: tuple[str, ...]
    as_neighbour: dict[int, tuple[str, ...]]  # what a token gets from this word `offset` places after it
    flags: frozenset[str]


# The features of a word that its neighbours two either side also get (as "-1:w=...", "2:year").
_NEAR = frozenset(("w", "shape", "last", "year", "digits", "initial", "role", "locator", "openq", "closeq",
                   "endsdot", "month", "journalw", "pubw", "access", "openp", "closep", "url", "range"))
_NEAR_PREFIX = {offset: f"{offset}:" for offset in (-2, -1, 1, 2)}


# 4,096 words hold a list's common ones (and, pp., In:, years) in about 11 MB (2.6 KB a word; the
# corpora's 66,141 distinct words would take 170 MB); in the speed bench no larger size was faster.
@lru_cache(maxsize=4096)
def word_features(word: str) -> WordFeatures:
    lower = word.lower()
    stripped = lower.strip(".,;:()[]\"'“”‘’«»")
    w, word_shape, last = stripped[:20], shape(word), word[-1:]
    first = _FIRST_CLASS.get(_letter_class(word[:1]), "0") if word[:1].isalnum() else word[:1]
    flags = {
        "year": bool(_YEAR.match(word)), "digits": bool(_DIGITS.search(word)), "range": bool(_PAGE_RANGE.match(word)),
        "url": bool(_URL.match(word)), "doi": bool(_DOI.match(word)), "initial": bool(_INITIAL.match(word)),
        "volissue": bool(_VOLUME_ISSUE.match(word)), "month": stripped in MONTHS, "particle": stripped in PARTICLES,
        "journalw": stripped in JOURNAL_WORDS, "pubw": stripped in PUBLISHER_WORDS, "role": lower in ROLE_WORDS,
        "genre": stripped in GENRE_WORDS, "locator": lower in LOCATOR_WORDS, "access": stripped in ACCESS_WORDS,
        "openq": word[:1] in "\"“‘«'", "closeq": word.rstrip(".,;:")[-1:] in "\"”’»'", "openp": word[:1] in "([",
        "closep": word.rstrip(".,;:")[-1:] in ")]", "caps": word.isupper() and len(word) > 1, "title": word[:1].isupper(),
        "endsdot": word.endswith("."), "endscomma": word.endswith(","), "endscolon": word.endswith(":"),
        "isbn": stripped.startswith("isbn"), "issn": stripped.startswith("issn"),
    }
    on = [name for name, value in flags.items() if value]
    own = (f"w={w}", f"shape={word_shape}", f"last={last}", f"first={first}", *on)
    near = [f"w={w}", f"shape={word_shape}", f"last={last}"] + [name for name in on if name in _NEAR]
    as_neighbour = {offset: tuple([prefix + feature for feature in near]) for offset, prefix in _NEAR_PREFIX.items()}
    as_neighbour[-3] = (f"-3:w={w}", f"-3:shape={word_shape}")
    as_neighbour[3] = (f"3:w={w}", f"3:shape={word_shape}")
    return WordFeatures(w, own, as_neighbour, frozenset(on))


def sequence_features(words: list[str]) -> list[list[str]]:
    """python-crfsuite features for every token of one reference (the token's own, its position,
    and its neighbours'), the same list for training and tagging."""
    base = [word_features(w) for w in words]
    count = len(words)
    out = []
    seen_year = False
    seen_quote = 0
    segment = 0  # how many field-ending periods came before: the field's place in the reference
    in_quote = in_paren = False
    for index, word in enumerate(words):
        if word[:1] in "\"“‘«" or word.startswith("``"):
            in_quote = True
        if word[:1] in "([":
            in_paren = True
        here = base[index]
        features = list(here.own)
        features.append(f"pos={min(9, index * 10 // max(1, count))}")
        features.append(f"idx={min(index, 6)}")
        if seen_year:
            features.append("after_year")
        stripped = word.lower().strip(".,;:()[]\"'“”‘’")
        features += (f"quotes_seen={min(seen_quote, 2)}", f"seg={min(segment, 7)}", f"suf3={stripped[-3:]}",
                     f"pre3={stripped[:3]}", f"suf2={stripped[-2:]}", f"pre2={stripped[:2]}",
                     f"raw={word.lower()[:24]}", f"inq={'1' if in_quote else '0'}", f"inp={'1' if in_paren else '0'}",
                     f"pos20={index * 20 // max(1, count)}",
                     f"glue={(words[index - 1][-1:] if index else '^')}_{word[:1].isupper()}")
        if index + 1 == count:
            features.append("last_token")
        if index:
            features.append(f"bigram={base[index - 1].w}|{here.w}")
        if index + 1 < count:
            features.append(f"bigram+={here.w}|{base[index + 1].w}")
        for offset in (-3, 3):
            if 0 <= index + offset < count:
                features += base[index + offset].as_neighbour[offset]
        for offset in (-2, -1, 1, 2):
            neighbour = index + offset
            if 0 <= neighbour < count:
                features += base[neighbour].as_neighbour[offset]
            else:
                features.append(f"{offset}:edge")
        out.append(features)
        if word.rstrip(".,;:")[-1:] in "\"”’»" or word.rstrip(".,;:").endswith("''"):
            in_quote = False
        if word.rstrip(".,;:")[-1:] in ")]":
            in_paren = False
        if word.endswith((".", ".”", ".\"", "?", "!")) and "initial" not in here.flags and len(word) > 2:
            segment += 1
        if "year" in here.flags:
            seen_year = True
        if "openq" in here.flags or "closeq" in here.flags:
            seen_quote += 1
    return out
