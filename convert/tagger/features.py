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
from itertools import groupby
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
# ASCII words (most of them) are classed by one str.translate; other words character by character.
_ASCII_CLASSES = str.maketrans({**dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "X"),
                                **dict.fromkeys("abcdefghijklmnopqrstuvwxyz", "x"), **dict.fromkeys("0123456789", "d")})


def shape(word: str) -> str:
    """The word's character classes with runs collapsed ("Smith," -> "Xx,"), at most 8 long."""
    classes = word.translate(_ASCII_CLASSES) if word.isascii() else "".join([_letter_class(ch) for ch in word])
    return "".join([kind for kind, _ in groupby(classes)])[:8]


class WordFeatures(NamedTuple):
    """What one word contributes, in python-crfsuite's form ("key=value" strings and flag names,
    weight 1 each), built once per distinct word (words repeat across a list and a corpus): its own
    features, those its neighbours see, the flags the reference-level features look at, and the
    facts about its edges that move the reference-level state (quotes, brackets, field ends)."""

    w: str
    own: tuple[str, ...]
    affixes: tuple[str, ...]  # suffixes, prefixes and the raw word, listed after the position features
    around: tuple[tuple[str, ...], ...]  # what a token gets from this word `offset` places after it, at offset + 3
    flags: frozenset[str]
    upper_first: str  # "True" or "False", for the glue feature of the token itself
    opens_quote: bool
    opens_paren: bool
    closes_quote: bool
    closes_paren: bool
    ends_field: bool  # a field-ending period (or ? or !) that is not an initial's


# The features of a word that its neighbours two either side also get (as "-1:w=...", "2:year").
_NEAR = frozenset(("w", "shape", "last", "year", "digits", "initial", "role", "locator", "openq", "closeq",
                   "endsdot", "month", "journalw", "pubw", "access", "openp", "closep", "url", "range"))
_NEAR_PREFIX = ((-2, "-2:"), (-1, "-1:"), (1, "1:"), (2, "2:"))


# (flag, dictionary, looked up stripped of punctuation or only lower-cased), in flag order
_DICTIONARIES = (("month", MONTHS, True), ("particle", PARTICLES, True), ("journalw", JOURNAL_WORDS, True),
                 ("pubw", PUBLISHER_WORDS, True), ("role", ROLE_WORDS, False), ("genre", GENRE_WORDS, True),
                 ("locator", LOCATOR_WORDS, False), ("access", ACCESS_WORDS, True))


def _flags(word: str, lower: str, stripped: str) -> list[str]:
    """The names of the word's true flags, in a fixed order (the model knows them by name, and the
    order is kept so the feature lists stay those it was trained with).  The regular expressions
    run only where the word can match them: a year, page range or DOI needs a digit."""
    on: list[str] = []
    digits = _DIGITS.search(word) is not None
    if digits and _YEAR.match(word):
        on.append("year")
    if digits:
        on.append("digits")
        if _PAGE_RANGE.match(word):
            on.append("range")
    if word[:1] in "hHwWdD" and _URL.match(word):
        on.append("url")
    if digits and _DOI.match(word):
        on.append("doi")
    if word[1:2] == "." and _INITIAL.match(word):
        on.append("initial")
    if digits and _VOLUME_ISSUE.match(word):
        on.append("volissue")
    for name, words, looked_up_stripped in _DICTIONARIES:
        if (stripped if looked_up_stripped else lower) in words:
            on.append(name)
    bare_end = word.rstrip(".,;:")[-1:]
    first = word[:1]
    if first in "\"“‘«'":
        on.append("openq")
    if bare_end in "\"”’»'":
        on.append("closeq")
    if first in "([":
        on.append("openp")
    if bare_end in ")]":
        on.append("closep")
    if len(word) > 1 and word.isupper():
        on.append("caps")
    if first.isupper():
        on.append("title")
    last = word[-1:]
    if last == ".":
        on.append("endsdot")
    elif last == ",":
        on.append("endscomma")
    elif last == ":":
        on.append("endscolon")
    if stripped.startswith("is"):
        if stripped.startswith("isbn"):
            on.append("isbn")
        elif stripped.startswith("issn"):
            on.append("issn")
    return on


# 4,096 words hold a list's common ones (and, pp., In:, years) in about 11 MB (2.6 KB a word; the
# corpora's 66,141 distinct words would take 170 MB); in the speed bench no larger size was faster.
@lru_cache(maxsize=4096)
def word_features(word: str) -> WordFeatures:
    lower = word.lower()
    stripped = lower.strip(".,;:()[]\"'“”‘’«»")
    w, word_shape, last = stripped[:20], shape(word), word[-1:]
    first = _FIRST_CLASS.get(_letter_class(word[:1]), "0") if word[:1].isalnum() else word[:1]
    on = _flags(word, lower, stripped)
    own = (f"w={w}", f"shape={word_shape}", f"last={last}", f"first={first}", *on)
    near = [f"w={w}", f"shape={word_shape}", f"last={last}", *[name for name in on if name in _NEAR]]
    around: list[tuple[str, ...]] = [()] * 7
    for offset, prefix in _NEAR_PREFIX:
        around[offset + 3] = tuple([prefix + feature for feature in near])
    around[0] = (f"-3:w={w}", f"-3:shape={word_shape}")
    around[6] = (f"3:w={w}", f"3:shape={word_shape}")
    # The reference-level features strip fewer characters than the word's own (no guillemets).
    bare = lower.strip(".,;:()[]\"'“”‘’")
    affixes = (f"suf3={bare[-3:]}", f"pre3={bare[:3]}", f"suf2={bare[-2:]}", f"pre2={bare[:2]}", f"raw={lower[:24]}")
    unpunctuated = word.rstrip(".,;:")
    return WordFeatures(
        w, own, affixes, tuple(around), frozenset(on), str(word[:1].isupper()),
        opens_quote=word[:1] in "\"“‘«" or word.startswith("``"), opens_paren=word[:1] in "([",
        closes_quote=unpunctuated[-1:] in "\"”’»" or unpunctuated.endswith("''"),
        closes_paren=unpunctuated[-1:] in ")]",
        ends_field=word.endswith((".", ".”", ".\"", "?", "!")) and "initial" not in on and len(word) > 2)


# Position features, spelled once: "pos=3", "idx=6", "seg=2"...
_POS = tuple(f"pos={n}" for n in range(10))
_POS20 = tuple(f"pos20={n}" for n in range(20))
_IDX = tuple(f"idx={n}" for n in range(7))
_SEG = tuple(f"seg={n}" for n in range(8))
_QUOTES_SEEN = tuple(f"quotes_seen={n}" for n in range(3))
_EDGE = {offset: f"{offset}:edge" for offset in (-2, -1, 1, 2)}


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
    previous_end = "^"
    for index, here in enumerate(base):
        if here.opens_quote:
            in_quote = True
        if here.opens_paren:
            in_paren = True
        features = [*here.own, _POS[min(9, index * 10 // count)], _IDX[min(index, 6)]]
        if seen_year:
            features.append("after_year")
        features += (_QUOTES_SEEN[min(seen_quote, 2)], _SEG[min(segment, 7)], *here.affixes,
                     "inq=1" if in_quote else "inq=0", "inp=1" if in_paren else "inp=0", _POS20[index * 20 // count],
                     f"glue={previous_end}_{here.upper_first}")
        if index + 1 == count:
            features.append("last_token")
        if index:
            features.append(f"bigram={base[index - 1].w}|{here.w}")
        if index + 1 < count:
            features.append(f"bigram+={here.w}|{base[index + 1].w}")
        if index >= 3:
            features += base[index - 3].around[0]
        if index + 3 < count:
            features += base[index + 3].around[6]
        for offset in (-2, -1, 1, 2):
            neighbour = index + offset
            if 0 <= neighbour < count:
                features += base[neighbour].around[offset + 3]
            else:
                features.append(_EDGE[offset])
        out.append(features)
        if here.closes_quote:
            in_quote = False
        if here.closes_paren:
            in_paren = False
        if here.ends_field:
            segment += 1
        if "year" in here.flags:
            seen_year = True
        if "openq" in here.flags or "closeq" in here.flags:
            seen_quote += 1
        previous_end = words[index][-1:]
    return out
