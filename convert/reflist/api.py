"""Public entry points of the reference-list parser: one string, many strings, whole documents."""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..csl import Item, make_ids_unique, read_date
from ..diagnostics import Diagnostics
from ..normalize.keys import unique_keys
from ..normalize.publishers import PUBLISHER_NAME
from .artefacts import CS1_MESSAGE
from .cases import parse_case_citation
from .cs1 import parse_cs1
from .patents import parse_patent_citation
from .split import split_references

MAX_REFERENCE_LENGTH = 20_000


PARSERS = ("auto", "cs1", "tagger")
# Frontiers' "Yorke, B. (2008). “Title,” in Book": CS1's head, then a title in curly quotes holding the
# comma or period that follows it; CS1 puts its title's punctuation outside the quotes
_AFTER_CURLY_QUOTE_A_TITLE_HOLDING_ITS_COMMA = r"[^“”]{1,500}[,.]”(?:\s|$)"
_CURLY_TITLE_HOLDING_ITS_COMMA = re.compile("“" + _AFTER_CURLY_QUOTE_A_TITLE_HOLDING_ITS_COMMA)


# What Wikipedia's CS1/CS2 templates print and other styles do not: a title in straight double
# quotes (a copied page has them; styles typeset “curly” ones), a quoted title right after the
# "(date)." head, "Retrieved"/"Archived", "ISBN 978...", a short citation ("doi:10." is also AMA's and Vancouver's).
# A straight-quoted title with its punctuation outside the quotes ("Title". Work.): MLA, Chicago and
# IEEE put it inside ("Title." Work, "Title," Journal), so those quotes are no sign of Wikipedia.
_CS1_MARKS = re.compile(r"\"[^\"]{2,}(?:[^\".,?!]\"|[?!]\"[.,])|\)(?:\s\[\d{3,4}\])?\.\s(?:\"|“(?!"
                        + _AFTER_CURLY_QUOTE_A_TITLE_HOLDING_ITS_COMMA + r"))|"
                        r"\bRetrieved\s(?!from\b)(?![^.;]{0,40}\bfrom\s)|\b[Aa]rchived\s(?:from|\d)|(?<!—\s)\bISBN\s[\dX]|"
                        r"^(?![^\"“(]{0,80}?[a-z]{2}(?<!\bal)\.\s[A-Z])[^\"“(]{2,80}\s(?:1[5-9]|20)\d\d[a-z]?,\s(?:pp?\.|S\.|ch\.|chap\.|§)\s|\(PDF\)|\(in [A-Z][a-z]+\)|"
                        # the type {{cite episode}} prints after a title ("(PhD thesis)", "(Report)" are
                        # Elsevier's and Harvard's too, so they are no sign)
                        r"\((?:Television production|Motion picture|DVD|Blu-ray|VHS|Media notes)\)|"
                        # and their type right after a quoted title: APA brackets it ("[Press release]"),
                        # Chicago and MLA print it bare
                        r"[”\"]\s\((?:Press release|Tweet|Podcast|Documentary|Speech|Interview|Video|Audio|Map)\)[.,\s]|"
                        # |orig-date= after the date: "(2009) [1859].", "(2010) [First published 1950]."
                        r"\)\s\[(?:\d{3,4}|(?:First|Originally) published (?:in )?\d{3,4})\]\.\s")


def _shows_cs1(text: str) -> bool:
    """A mark only Wikipedia's templates print, or one of their maintenance messages a copy kept.
    (ISO 690 and ABNT also print "ISBN 978...", but after a family name in capitals, which CS1
    never writes; DIN 1505 puts a dash before it.)"""
    mark = _CS1_MARKS.search(text)
    if mark is not None and mark.group(0).startswith("ISBN") and _CAPITALISED_FAMILY.match(text):
        mark = _CS1_MARKS.search(text[:mark.start()]) or _CS1_MARKS.search(text, mark.end())
    return mark is not None or CS1_MESSAGE.search(text) is not None


_CAPITALISED_FAMILY = re.compile(r"[A-Z]{2,}(?:[-' ][A-Z]+)*,\s")  # words joined by one mark each: linear


# "Johnston, C. C., Jr (1994).": a generational suffix after initials is Cell's and Harvard's, not a
# full given name before CS1's "(date)."
_NOT_A_SUFFIX_AFTER_INITIALS = r"(?<![A-Z]\.,\sJr)(?<![A-Z]\.,\sSr)(?<![A-Z]\.\sJr)(?<![A-Z]\.\sSr)"
# CS1's head: names with full given names or an organisation, then "(date)." with no period
# before the parenthesis (APA and Harvard write "Cook, L. (2017)."; Chicago and MLA no parentheses).
_CS1_HEAD = re.compile(r"^[^()\"“]{2,150}?[^.\s]" + _NOT_A_SUFFIX_AFTER_INITIALS + r"(?:\s\([a-z]{4,12}\))?\s\((?:\d{1,2}\s)?(?:[A-Z][a-z]+\s)?\d{4}[a-z]?\)\.\s\S|"
                       r"^[^()\"“]{2,150}?[^.\s]\s\((?:eds?\.|ed\.)\)\.\s\S|"
                       # "Knuth, Donald E. (1997)." : a full given name (APA and Harvard abbreviate it); given
                       # names hold no digit, so "Goethe, J. W. von. 1986. Faust (Series 50)." is no such head
                       r"^[^()\"“,]{2,60},\s[A-Z][a-z]+(?:[\s.][^()\"“\d]{0,60})?\s\([^()]{4,30}\)\.\s\S")


def choose_parser(text: str) -> str:
    """``cs1`` when the reference shows what only Wikipedia's templates print, else ``tagger``
    (APA, Chicago, MLA, IEEE, Vancouver... have no grammar here; the learned tagger reads them)."""
    if not _tagger_available() or _shows_cs1(text):
        return "cs1"
    head = _CS1_HEAD.search(text[:200])
    if head and not _CURLY_TITLE_HOLDING_ITS_COMMA.match(text, head.end() - 1):
        return "cs1"
    return "tagger"


def _tagger_available() -> bool:
    from ..tagger import model_available

    return model_available()


def parse_reference(text: str, parser: str = "auto") -> Item:
    """One rendered reference to a CSL item; unplaced text goes to ``note``.  ``parser`` is ``cs1``
    (Wikipedia's CS1/CS2 grammar), ``tagger`` (the learned tagger, any style) or ``auto``."""
    item, _ = _parse_one(text, parser)
    return item


_BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s+(?=\S)")


def strip_list_numbers(texts: list[str]) -> list[str]:
    """BMJ, the Lancet and ACS number a list without punctuation ("169  Anderson J. ..."); a single
    reference could start with a number of its own ("12 Angry Men"), so the numbers are taken off
    only when most references of the list start with one and they go up one after the other."""
    matches = [_BARE_NUMBER.match(text) for text in texts]
    numbers = [int(m.group(1)) for m in matches if m]
    if len(texts) < 2 or len(numbers) < 0.8 * len(texts) or numbers[0] > 1000 or \
            any(b <= a or b - a > 5 for a, b in zip(numbers, numbers[1:])):
        return texts
    return [text[m.end():] if m else text for text, m in zip(texts, matches)]


def parse_references(texts: Iterable[str], parser: str = "auto") -> list[Item]:
    """One item per string, in order; ids made unique; short citations linked to their sources."""
    items = [parse_reference(text, parser) for text in strip_list_numbers(list(texts))]
    _finish(items)
    return items


_CITATION_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,3}\)|\d{1,3}\.)\s+(?=\S)")
# "———. Title..." : the style's subsequent-author-substitute (MLA, Chicago): same names as the reference before
_SAME_AUTHORS = re.compile(r"^\s*(?:[—–]{2,3}|—|-{2,3}|_{3,})(?:\s*[.,])?\s+(?=\S)")  # no \s*...\s+ overlap: linear


def _parse_one(text: str, parser: str = "auto") -> tuple[Item, list[str]]:
    """One reference; a bug in a rule must cost that reference its fields, not the whole list.
    (An unknown parser name is the caller's mistake and is raised before anything is guarded: a
    ValueError from a rule is a bug like any other.)"""
    if parser not in PARSERS:
        raise ValueError(f"unknown parser {parser!r}; use one of {', '.join(PARSERS)}")
    try:
        return _parse_one_unguarded(text, parser)
    except Exception as exc:  # noqa: BLE001 -- kept whole in note, flagged like unplaced text
        return {"type": "document", "note": text}, [f"{text} (internal error: {type(exc).__name__})"]


def _parse_one_unguarded(text: str, parser: str = "auto") -> tuple[Item, list[str]]:
    if len(text) > MAX_REFERENCE_LENGTH:
        return {"type": "document", "note": text}, ["(too long to parse)"]
    number = _CITATION_NUMBER.match(text)
    if number and len(text) > number.end() + 10:
        text = text[number.end():]  # "16. World Health Organization (2011)...": the list's number, not data
    same = _SAME_AUTHORS.match(text)
    if same:
        item, leftovers = _parse_one(text[same.end():], parser)
        item.pop("author", None)
        item.setdefault("custom", {})["same-authors-as-previous"] = True
        return item, leftovers
    case = parse_case_citation(text) or parse_patent_citation(text)
    if case is not None:
        return case, []
    chosen = choose_parser(text) if parser == "auto" else parser
    if chosen == "tagger":
        from ..tagger.spans import parse_with_tagger

        item, leftovers = parse_with_tagger(text)
    else:
        item, leftovers = parse_cs1(text)
        _publisher_after_title(item)
        if parser == "auto":
            leftovers = _journal_cut_at_abbreviations(text, item, leftovers)
        if parser == "auto" and not _shows_cs1(text) and _tagger_available() \
                and (leftovers or _JOURNAL_AS_PUBLISHER.search(item.get("publisher", ""))):
            # Only the head looked like CS1 ("ATLAS Collaboration (2015). Title. Phys. Rev. Lett 114,
            # 072302." is Cell's style too) and the grammar could not place everything, or read a
            # journal and its volume as a book's publisher (Cell's "东北史地 4."): the tagger's
            # reading wins when it leaves no more text unplaced.
            from ..tagger.spans import parse_with_tagger

            tagged, tagged_leftovers = parse_with_tagger(text)
            if sum(map(len, tagged_leftovers)) < sum(map(len, leftovers)) \
                    or (not leftovers and not tagged_leftovers):
                item, leftovers = tagged, tagged_leftovers
    if leftovers:
        note = "; ".join(leftovers)
        item["note"] = f"{item['note']}\n{note}" if item.get("note") else note
    return item, leftovers


# A CS1 book's publisher never ends in a bare number; a journal with its volume does.
_JOURNAL_AS_PUBLISHER = re.compile(r"\s\d{1,4}$")


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def _journal_cut_at_abbreviations(text: str, item: Item, leftovers: list[str]) -> list[str]:
    """CS1 prints a journal as its editors typed it, often abbreviated: "Jahrbuch f. Psychopath. u.
    Psychother. 8: 155" or "Rev. Mod. Phys. 8 (2)".  The grammar splits such a name at each period
    no table of abbreviations knows, and reads the pieces as the journal, a publisher and unplaced
    text.  When it did (a publisher with no place, or text left over), the tagger, which learned
    abbreviated journals from the corpora, reads the reference; its journal is taken when it holds
    the grammar's journal and the text the grammar gave to the publisher, and it found no
    publisher of its own (a journal's real publisher, "Journal. Elsevier. 8: 155", stays).
    Returns the leftovers that remain."""
    container = item.get("container-title")
    publisher = item.get("publisher") if not item.get("publisher-place") else None
    if not isinstance(container, str) or not item.get("title") or not (publisher or leftovers) \
            or not _CS1_JOURNAL_NUMBERS.search(text) or not _tagger_available():
        return leftovers
    from ..tagger.spans import parse_with_tagger

    tagged, _ = parse_with_tagger(text)
    longer = tagged.get("container-title")
    if not isinstance(longer, str) or tagged.get("publisher") or not tagged.get("volume") \
            or not (tagged.get("page") or tagged.get("issue")) or _CS1_WORDS.search(longer) \
            or not _comparable(longer).startswith(_comparable(container) + " "):
        return leftovers  # only a journal with its numbers: a site's or a paper's "Work. Publisher." is CS1's own
    inside = _comparable(longer)
    pieces = ([publisher] if isinstance(publisher, str) and not PUBLISHER_NAME.search(publisher) else []) + leftovers
    # a piece may carry the journal's numbers on ("Geogr. Ges. Wien 8 (2): 155–170"): the tagger read those too
    absorbed = [piece for piece in pieces if (core := _comparable(piece.rstrip(_NUMBERS_AT_END))) and core in inside]
    if not absorbed:
        return leftovers
    item["container-title"] = longer
    if isinstance(publisher, str) and publisher in absorbed:
        del item["publisher"]
    for variable in ("volume", "issue", "page"):
        if variable not in item and tagged.get(variable):
            item[variable] = tagged[variable]
    if tagged.get("type") == "article-journal":
        item["type"] = "article-journal"
    return [piece for piece in leftovers if piece not in absorbed]


_NUMBERS_AT_END = "0123456789 ():;,.–-"
# CS1's journal numbers: "8 (2): 155", "10: 124" (the tagger is asked only when they are there)
_CS1_JOURNAL_NUMBERS = re.compile(r"\s\d{1,5}(?:\s?\([^()]{1,12}\))?:\s?[A-Za-z]{0,3}\d")
_CS1_WORDS = re.compile(r"\b(?:Archived|Retrieved)\s|^In:?\s")


def _publisher_after_title(item: Item) -> None:
    """Cell's "World report on disability (World Health Organization)." read by the CS1 grammar:
    a parenthesis that names a publisher closes the title of a book with no publisher."""
    title = item.get("title", "")
    m = re.search(r"\s\(([^()\d]{3,80})\)$", title)
    if m and "publisher" not in item and not item.get("container-title") and PUBLISHER_NAME.search(m.group(1)):
        item["title"] = title[:m.start()].rstrip()
        item["publisher"] = m.group(1).strip()
        if item.get("type") == "document":
            item["type"] = "book"
    genre = item.get("genre")
    if isinstance(genre, str) and "publisher" not in item and not item.get("container-title") \
            and PUBLISHER_NAME.search(genre) and not re.search(r"(?i)report|thesis|paper|release", genre):
        item["publisher"] = item.pop("genre")  # "Title 3rd ed. (Wiley & Sons).": no type CS1 prints
        if item.get("type") == "document":
            item["type"] = "book"


def parse_document(text: str, report: Diagnostics, parser: str = "auto") -> list[Item]:
    """Find the reference section(s) of a document and parse each reference in them."""
    raws = split_references(text)
    items: list[Item] = []
    for raw, reference in zip(raws, strip_list_numbers([raw.text for raw in raws])):
        item, leftovers = _parse_one(reference, parser)
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
    """Names behind a "———" substitute, ids (``cook2017nato``), and ``custom.refers-to`` from each
    short citation to its full source."""
    previous: Item | None = None
    for item in items:
        custom = item.get("custom", {})
        if custom.pop("same-authors-as-previous", False) and previous is not None and previous.get("author"):
            item["author"] = [dict(person) for person in previous["author"]]
        if not custom and "custom" in item:
            del item["custom"]
        previous = item
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
            name_year = (_first_name_key(people), date.year if date else None)
            by_name_year.setdefault(name_year, item)
            by_name_year.setdefault((name_year[0], None), item)
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
