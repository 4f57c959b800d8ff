"""Whole-reference forms the tagger's spans do not show: patents, unpublished manuscripts,
reports' numbers, single-quoted titles, OSCOLA books, DIN imprints and parenthesised imprints."""

from __future__ import annotations

import re

from ...csl import Item
from ...normalize.publishers import KNOWN_PLACES, PUBLISHER_NAME, TOWN_AND_STATE, is_place
from .item_imprint import _publisher_and_place, _publisher_before_colon
from .text import _SINGLE_QUOTED, _THESIS_WORDS, _UNPUBLISHED_THESIS, _names, expand_page_range

_PATENT_MARK = re.compile(r"\(?(?<![\w-])(?:U\.\s?S\.\s|US\s)?[Pp]atent\s(?:[Nn]o\.\s?|[Nn]umber\s)?"
                          r"(?P<number>[A-Z]{0,2}\s?\d[\d,]{2,11}\d(?:\s?[A-Z]\d?)?)(?!\w)\)?")
_MANUSCRIPT_MARK = re.compile(r"(?i)\[?unpublished\s(?:manuscript|work|paper|typescript)\]?\.?")


def _patent_number(text: str, item: Item) -> None:
    """APA's "(Patent No. 5512907)" and Chicago's "Patent 5512907, issued April 30, 1996." however
    the tagger cut them: the word and the number make a patent, and the number is no volume or
    issue (nor is the word a journal's name, or the end of the title)."""
    m = _PATENT_MARK.search(text)
    if m is None:
        return
    number = m.group("number")
    item.setdefault("number", number)
    item["_type"] = "patent"
    for variable in ("volume", "issue", "page"):
        if item.get(variable) and str(item[variable]).replace(",", "") in number.replace(",", ""):
            del item[variable]
    if re.fullmatch(r"(?:U\.\s?S\.\s|US\s)?[Pp]atent(?:\s[Nn]o\.)?", str(item.get("container-title", ""))):
        del item["container-title"]
    title = item.get("title")
    if isinstance(title, str):
        item["title"] = re.sub(r"\s*\((?:U\.\s?S\.\s|US\s)?[Pp]atent(?:\s[Nn]o\.?)?$", "", title) or title
    if _PATENT_MARK.fullmatch(str(item.get("genre", "")).strip(" .")):
        del item["genre"]  # the descriptor "(U.S. Patent No. 5,512,907)" read as a genre: the number says it


def _unpublished_manuscript(item: Item) -> None:
    """"[Unpublished manuscript]" (APA) and "Unpublished manuscript." (Chicago) left as a note: the
    words are how those styles print the manuscript type, not a note of the record's."""
    note = item.get("note")
    if isinstance(note, str) and _MANUSCRIPT_MARK.fullmatch(note.strip()) and "container-title" not in item:
        del item["note"]
        item["_type"] = "manuscript"


# OSCOLA's "(1967) 13 IEEE Transactions on Information Theory 21" and "[1989] The National Interest 3"
_OSCOLA_JOURNAL = re.compile(r"^\s(?:\([^()]{0,40}?(?:1[5-9]|20)\d\d(?:[–-]\d{2,4})?\)\s(?P<volume>\d{1,5})|\[(?:1[5-9]|20)\d\d\])\s"
                             r"(?P<journal>[^\d\s<(\[][^<()\[\]]{0,150}?)(?:\s(?P<page>[A-Za-z]{0,6}\d{1,7}(?:[–-]\d{1,7})?))?"
                             r"(?:\s<[^<>]*>.*)?\.?$")
# MHRA's ", Nature, 521.7553 (2015), pp. 436–44"
# (the author-date variant has no date there: ", Distributed Computing, 6.3, pp. 141–54"; Cultural
# Geographies' has it between commas: ", Nature, 229, 1971, 464–467")
_MHRA_JOURNAL = re.compile(r"^,\s(?P<journal>[^,()]{2,150}),\s(?P<volume>\d{1,5})(?:\.(?P<issue>\w{1,8}))?"
                           r"(?:\s\([^()]{0,40}?(?:1[5-9]|20)\d\d[^()]{0,10}\)"
                           r"|,\s(?:1[5-9]|20)\d\d(?=,\s(?:pp?\.\s)?[A-Za-z]{0,6}\d))?"
                           r"(?:,\s(?:pp?\.\s)?(?P<page>[A-Za-z]{0,6}\d[\w–-]*))?(?=,|\.?$)")


# "CRS Report R46066", "Technical Report no. 11, Carnegie Mellon University": the kind, its number, its body
_REPORT_GENRE = re.compile(r"(?P<genre>[^,;]{0,60}?\b(?:[Rr]eport|[Ww]orking [Pp]aper|[Mm]emorandum))"
                           r"(?:\s(?:[Nn]o\.|[Nn]umber|[Nn]r\.))?\s(?P<number>[A-Z]{0,5}-?\d[\w./-]{0,20})"
                           r"(?:,\s(?P<body>[^,;]{3,120}))?[.,]?")


def _report_details(item: Item) -> None:
    """IEEE's "Congressional Research Service, Washington, DC, CRS Report R46066," and MLA's "CRS
    Report no. R46066, Congressional Research Service,": the report's number is no part of its
    genre, and the body glued to the genre is the publisher (one read as a container, with its
    place after it, is left to the container-that-is-a-publisher rule)."""
    genre = item.get("genre")
    m = _REPORT_GENRE.fullmatch(genre.strip()) if isinstance(genre, str) else None
    if m is None:
        return
    item["genre"] = m.group("genre").strip()
    item.setdefault("number", m.group("number"))
    body = m.group("body")
    if body and "publisher" not in item:
        item["publisher"] = body.strip()


def _single_quoted_title(text: str, item: Item) -> None:
    """OSCOLA and MHRA quote titles with single quotes, which the tagger rarely saw: the quoted
    words are the title, the names before them the authors, and the journal, volume and pages
    follow in each style's order."""
    m = _SINGLE_QUOTED.search(text)
    if not m:
        return
    title = m.group("title").strip()
    if item.get("title") != title:
        item["title"] = title
        head = text[:m.start()].strip(" ,.")
        if head and not re.search(r"\d|\(|[“”\"]", head) and len(head) < 400:
            people, et_al = _names(head)
            if people:
                item["author"] = people
                if et_al:
                    item.setdefault("custom", {})["et-al"] = True
    rest = text[m.end():]
    journal = _OSCOLA_JOURNAL.match(rest) or _MHRA_JOURNAL.match(rest)
    if journal:
        item["container-title"] = journal.group("journal").strip(" ,.")
        if journal.group("volume"):
            item["volume"] = journal.group("volume")
        elif item.get("volume") in (journal.group("page"), None):  # "[1989] The National Interest 3": no volume
            item.pop("volume", None)
        if journal.group("page"):
            item["page"] = expand_page_range(re.sub(r"\s*[-–—]\s*", "-", journal.group("page")))
        if journal.groupdict().get("issue"):
            item["issue"] = journal.group("issue")
        if item.get("note") and item["note"] in rest:
            del item["note"]  # the tagger's leftovers were the journal and pages


# OSCOLA's book: "DuVal P, Homographies, Quaternions and Rotations (Clarendon Press 1964)", "Haykin,
# Communication Systems (3rd edn, Wiley & Sons 1994)": names with bare initials, the title, and
# "(edition, Publisher Year)" last.
_OSCOLA_NAME = r"[^\W\d_][^\s,()]*(?:\s[^\s,()]+){0,3}?\s[A-Z]{1,4}"
_OSCOLA_BOOK = re.compile(rf"^(?P<names>{_OSCOLA_NAME}(?:(?:,\s|\sand\s){_OSCOLA_NAME}){{0,12}}(?:\sand\sothers)?),\s"
                          r"(?P<title>[^()‘’“”\"]{2,400}?)(?:,\svol\s(?P<volume>\w{1,8}))?\s"
                          r"\((?:(?P<edition>\d{1,2})(?:st|nd|rd|th)\sedn,?\s)?(?P<publisher>[^()]{0,200}?)\s?"
                          r"(?P<year>(?:1[5-9]|20)\d\d)\)\.?$")
# Vancouver's "Cleveland WS, Loader C. Title, Publisher, (1994).": the "title" the pattern found opens
# with the list's last name and its initials, closed by a period -- no OSCOLA title does
_VANCOUVER_LAST_NAME = re.compile(rf"{_OSCOLA_NAME}\.\s")


def _oscola_book(text: str, item: Item) -> None:
    """OSCOLA writes a book as names with bare initials, a comma, the title and "(Publisher Year)":
    a shape the tagger saw little of, read whole here when nothing is quoted."""
    m = _OSCOLA_BOOK.match(text)
    if not m or item.get("container-title") and item.get("volume") and item.get("page") \
            or _VANCOUVER_LAST_NAME.match(m.group("title")):
        return
    people, et_al = _names(m.group("names"))
    if not people or any("literal" in person for person in people):
        return
    item["author"] = people
    if et_al:
        item.setdefault("custom", {})["et-al"] = True
    item["title"] = m.group("title").strip()
    for variable in ("volume", "edition"):
        if m.group(variable):
            item[variable] = m.group(variable)
    if m.group("publisher").strip(" ,"):
        item["publisher"] = m.group("publisher").strip(" ,")
    elif item.get("publisher") and item["publisher"] in m.group("title"):
        del item["publisher"]
    item["issued"] = {"date-parts": [[int(m.group("year"))]]}
    for variable in ("container-title", "note", "collection-title"):
        item.pop(variable, None)  # the pattern read the whole reference: these were pieces of it
    item["_type"] = "book"


# Frontiers' chapter: '“Title,” in Book, eds. P. Hall and A. Lee (Oxford: Oxford University Press),
# 45–67.': the quoted title, "in", the book up to its editors' role word, the editors given first, the
# imprint in brackets, then the pages.  Each part stops at a mark it may not hold: linear.
_CHAPTER_WITH_EDITORS_THEN_IMPRINT = re.compile(
    r"“(?P<title>[^“”]{2,500}?)[,.]?”\s[Ii]n\s(?P<book>[^“”()]{2,400}?),\s(?:eds?\.|Eds?\.)\s"
    r"(?P<editors>[^()]{2,400}?)\s\((?P<imprint>[^()]{2,200})\)"
    r"(?:,\s(?:pp?\.\s)?(?P<pages>[A-Za-z]{0,3}\d+[A-Za-z]?(?:\s?[-–]\s?[A-Za-z]{0,3}\d+[A-Za-z]?)?))?(?=[.,]?(?:\s|$))")


def _chapter_with_editors_then_imprint(text: str, item: Item) -> None:
    """Frontiers prints a chapter as '“Title,” in Book, eds. Names (Place: Publisher), pages.': the
    tagger, trained on styles that put the editors before the book, reads the book's words as
    editors and the editors as the book; the shape is read whole here."""
    m = _CHAPTER_WITH_EDITORS_THEN_IMPRINT.search(text)
    if m is None:
        return
    editors, _ = _names(m.group("editors"))
    if not editors or any("literal" in person for person in editors):
        return
    item["title"], item["container-title"], item["editor"] = m.group("title").strip(), m.group("book").strip(), editors
    item.pop("publisher", None)
    item.pop("publisher-place", None)
    imprint = m.group("imprint").strip()
    if ":" in imprint:
        item["publisher"] = imprint
        _publisher_and_place(item)  # "Place: Publisher", or ACS's order, told apart as everywhere
    else:
        item["publisher-place" if is_place(imprint) else "publisher"] = imprint  # "(Aldershot)", "(MIT Press)"
    if m.group("pages"):
        item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", m.group("pages")))
    if item.get("volume") and item["container-title"].endswith(f" {item['volume']}"):
        del item["volume"]  # "Advances in Neural Information Processing Systems 7": the book's own number
    if item.get("note") and item["note"] in text[m.start():m.end()]:
        del item["note"]  # a piece of the chapter the tagger could not place
    item["_type"] = "chapter"


_SPACED_COLON_IMPRINT = re.compile(r"^(?P<title>.+?[.?!])\s(?P<place>[A-Z][\w .'-]{1,40}?)\s:\s(?P<publisher>[^:]{2,100})$")
_VOLUME_WORD_TAIL = re.compile(r"\s(?:Bd|Band|Jg|Jahrg|Vol|vol|Tome|tome|T|t)\.?$")


def _din_imprint_and_volume_word(item: Item) -> None:
    """DIN 1505 and ISO 690 print "Title. Baltimore : Williams and Wilkins, 1994" (spaces around the
    colon) and "In: Ital Heart J Bd. 2 (2001)" (Band: the volume's label after the journal)."""
    title = item.get("title")
    if isinstance(title, str) and "publisher" not in item and not item.get("container-title"):
        m = _SPACED_COLON_IMPRINT.match(title)
        if m:
            item["title"], item["publisher-place"] = m.group("title").rstrip("."), m.group("place")
            item["publisher"] = m.group("publisher").strip(" ,.")
    container = item.get("container-title")
    if isinstance(container, str) and _VOLUME_WORD_TAIL.search(container) and item.get("volume"):
        item["container-title"] = _VOLUME_WORD_TAIL.sub("", container)


_IMPRINT = re.compile(r"\(([^()]{2,120}),\s((?:1[5-9]|20)\d\d)[a-z]?\)\.?$")


def _parenthesised_imprint(text: str, item: Item) -> None:
    """Nature's "(Rowman & Littlefield, Lanham, MD, 2007)." and Chicago notes' "(Lanham, MD: Rowman
    & Littlefield, 2007)" end a book or chapter: publisher, place and year, whatever the tagger made
    of them."""
    if any(item.get(v) for v in ("volume", "issue", "URL")):
        return
    m = _IMPRINT.search(text)
    if not m:
        bare = re.search(r"\(([^()\d]{2,80})\)\.?$", text)  # Cell's "Faust (Insel)."
        if (bare and "publisher" not in item and bare.group(1)[:1].isupper()
                and not re.search(r"(?i)\b(?:ed|eds|edn|edition|trans|translated|director|vol|volume|part|revised|"
                                  r"reprint|abridged|online|internet|pdf|in press)\b", bare.group(1))):
            publisher = bare.group(1).strip()
            item["publisher"] = publisher
            for variable in ("title", "container-title"):
                if item.get(variable, "").endswith(f"({publisher})"):
                    item[variable] = item[variable][: -len(publisher) - 2].rstrip(" .,")
                elif item.get(variable, "").endswith(publisher):
                    item[variable] = item[variable][: -len(publisher)].rstrip(" .,(")
        return
    inner = m.group(1).strip()
    if re.search(r"\d|(?i:accessed|retrieved|viewed|edn|ed\.)", inner):
        return
    if (inner in KNOWN_PLACES or TOWN_AND_STATE.fullmatch(inner)) and not PUBLISHER_NAME.search(inner):
        item["publisher-place"] = inner  # "(Paris, 2006)", "(Orlando, FL, 1988)": a place alone
        if item.get("publisher") in (inner, inner.split(",")[0].strip()):
            del item["publisher"]
        return
    if ":" in inner:
        place, _, publisher = inner.partition(":")
        if _publisher_before_colon(place.strip(), publisher.strip()):
            place, publisher = publisher, place  # Cultural Geographies' "(Clarendon Press: Oxford, 1964)"
    else:
        publisher, _, place = inner.partition(",")
        if _THESIS_WORDS.fullmatch(publisher.strip()) and place.strip():
            # MHRA's "(unpublished PhD thesis, Universität Wien, 2015)": the genre, then the university
            item.setdefault("genre", _UNPUBLISHED_THESIS.sub("", publisher.strip()))
            publisher, _, place = place.partition(",")
    if publisher.strip():
        item["publisher"] = publisher.strip()
        if place.strip():
            item["publisher-place"] = place.strip(" ,")
        elif item.get("publisher-place") and item["publisher-place"] in publisher:
            del item["publisher-place"]
