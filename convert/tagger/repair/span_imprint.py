"""Span repairs around the imprint: a publisher cut from its place, an institution read as a
container, the publisher that closes a book, and the relabelling of spans by their neighbours."""

from __future__ import annotations

import re

from ...normalize.names import is_organisation
from ...normalize.publishers import KNOWN_PLACES, PUBLISHER_NAME, is_place
from ..punctuated import _overlay, char_labels
from .text import (
    _BARE_YEAR,
    _DEGREES,
    _IN,
    _REFERENCE_WORK,
    _SERIAL_WORDS,
    _THESIS_WORDS,
    _has_quoted_title,
    _may_be_a_publisher,
)

# An institution's name as printed in an author position: capitalised words joined by function
# words, an acronym in brackets allowed ("World Health Organization (WHO)"), no digits
_INSTITUTION_NAME = re.compile(r"(?:The\s)?[A-Z][\w'’&.-]*(?:,?\s(?:(?:of|for|and|on|the|in|de|des|du|la|le|et|für|und|&)\s){0,2}"
                               r"[A-Z][\w'’&.-]*){0,11}(?:\s\([A-Z][A-Za-z&.]{1,11}\))?")


def _institution_read_as_container(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"North Atlantic Treaty Organization | (2023) | Annual report...": an institution opening an
    authorless reference, right before its date (or IEEE's quoted title), is its author, though the tagger read the name as a
    journal or a publisher.  Not when no title follows (an entry titled with the institution's name:
    "North Atlantic Treaty Organization, 2024. Encyclopædia Britannica."), nor for a commercial
    publisher (APA puts "Oxford University Press. (2023)." first for an authorless dictionary entry)."""
    start = 1 if spans and spans[0][0] == "citation-number" else 0
    # IEEE's "Organization, “Annual report,”" (after a period, Chicago's site standing for a missing
    # author: "Harbour Board. “Lock Hours.”")
    quoted_title_follows = len(spans) > start + 1 and spans[start + 1][0] == "title" \
        and spans[start + 1][1].lstrip()[:1] in "“\"" and spans[start][1].rstrip().endswith(",")
    if len(spans) < start + 2 or spans[start][0] not in ("container-title", "publisher") \
            or not (spans[start + 1][0] == "date" or quoted_title_follows) \
            or any(label in ("author", "editor") for label, _ in spans):
        return spans
    label, text = spans[start]
    head, dot, rest = text.partition(". ")
    name = head.strip().rstrip(".,:")
    if " " not in name or not _INSTITUTION_NAME.fullmatch(name) or not is_organisation(name) \
            or (label == "publisher" and _COMMERCIAL_PUBLISHER.search(name)):
        return spans
    if not rest.strip():
        if not any(later == "title" and not _REFERENCE_WORK.search(words) for later, words in spans[start + 1:]):
            return spans
        return spans[:start] + [("author", text)] + spans[start + 1:]
    if _REFERENCE_WORK.search(rest):
        return spans  # "North Atlantic Treaty Organization. Encyclopædia Britannica; 2024.": an entry's title
    # "North Atlantic Treaty Organization. Annual Report | 2022.": the name's sentence, then the title's
    return spans[:start] + [("author", head + dot), ("title", rest)] + spans[start + 1:]


_COMMERCIAL_PUBLISHER = re.compile(r"\b(?:Press|Verlag|Publish\w*|Books|Inc|Ltd|LLC|GmbH|Sons)\b")


def _publisher_cut_before_its_place(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ACS's "Morgan | Kaufmann: Irvine, CA": the publisher's last words read into the place that
    follows it (ACS writes "Publisher: Place"); the words before the colon finish the publisher."""
    for index in range(len(spans) - 1):
        if spans[index][0] != "publisher" or spans[index + 1][0] != "location":
            continue
        words = _WORDS_BEFORE_COLON.match(spans[index + 1][1])
        if words:
            return spans[:index] + [("publisher", spans[index][1] + words.group(1)),
                                    ("location", spans[index + 1][1][words.end(1):])] + spans[index + 2:]
    return spans


def _body_closing_the_title_before_publisher(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Telnet Encryption Option. Internet Engineering Task Force, | Telnet Working Group.": a body
    and its unit, the comma between them, read as the title's last sentence and the publisher.  A
    sentence that is an institution's name and ends in the comma before the publisher is its first
    part (a subtitle ends in a period, and names no body)."""
    for index in range(len(spans) - 1):
        if spans[index][0] != "title" or spans[index + 1][0] != "publisher" or not spans[index + 1][1][:1].isupper():
            continue
        head, dot, body = spans[index][1].rpartition(". ")
        name = body.rstrip()
        if head and name.endswith(",") and " " in name and _INSTITUTION_NAME.fullmatch(name[:-1]) \
                and is_organisation(name[:-1]):
            return spans[:index] + [("title", head + dot), ("publisher", body + spans[index + 1][1])] + spans[index + 2:]
    return spans


# The Lancet's "Brussels: NATO Public Diplomacy | Division, 2023": the publisher's last words and the
# year left unlabelled after it
_WORDS_THEN_YEAR = re.compile(r"(\s*[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2},\s)((?:1[5-9]|20)\d\d[.;]?\s*)")


def _only_a_place(text: str) -> bool:
    """A known town, or a town with its state's code or a known country ("Cambridge, MA", "Lund,
    Sweden"): not a publisher printed beside its town ("Inserm, Paris", "Paris, Inserm")."""
    town, _, region = text.rpartition(", ")
    return text in KNOWN_PLACES or bool(town) and (re.fullmatch(r"[A-Z]{2}|[A-Z]\.\s?[A-Z]\.", region) is not None
                                                   or town in KNOWN_PLACES and region in KNOWN_PLACES)


def _title_read_into_the_publisher(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """RSC's book "C. Calvo, Dictionnaire Manuel de Diplomatie..., Lawbook Exchange Ltd, | New Jersey,
    2009." with the title read as the publisher's first part: in a reference with no title, the words
    before the publisher's last comma, when only that last part names a firm, are the title."""
    if any(label in ("title", "container-title", "volume", "issue", "pages") for label, _ in spans):
        return spans
    for index, (label, text) in enumerate(spans):
        if label != "publisher" or index == 0 or spans[index - 1][0] != "author":
            continue
        head, comma, last = text.rstrip().rstrip(",").rpartition(", ")
        if comma and len(head.split()) >= 3 and PUBLISHER_NAME.search(last) and not PUBLISHER_NAME.search(head) \
                and not is_place(head):
            return spans[:index] + [("title", head + ", "), ("publisher", text[len(head) + 2:])] + spans[index + 1:]
        return spans
    return spans


def _publisher_closing_the_title_before_place(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """RSC's and APS's book "Title, Publisher, Place, Year." (or "Title. Publisher, Place (Year)")
    with a publisher the tagger did not know ("Insel", "Brotherhood of St Laurence") read as the
    title's last part: before a known place, in a reference with no publisher, that short capitalised
    part after the title's last comma or full stop is the publisher."""
    labels = [label for label, _ in spans]
    if "publisher" in labels:
        return spans
    for index in range(len(spans) - 1):
        if labels[index] != "title" or labels[index + 1] != "location" \
                or any(label in ("volume", "issue", "pages") for label in labels[:index]):
            continue
        text = spans[index][1].rstrip()
        if not text.endswith(",") or not _only_a_place(spans[index + 1][1].strip(" ,.:;()")):
            continue
        body = text[:-1]
        cut = max(body.rfind(", "), body.rfind(". "))
        last = body[cut + 2:]
        if cut < 1 or not _may_be_a_publisher(last) or is_place(last) or re.search(r"[“”\"‘’()]", last):
            continue
        return spans[:index] + [("title", body[:cut + 1] + " "), ("publisher", last + ", ")] + spans[index + 1:]
    return spans


def _publisher_spilling_into_a_year(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Capitalised words and a year left as a note after the publisher, in a reference with no
    date yet, finish the publisher and give the date."""
    if any(label == "date" for label, _ in spans):
        return spans
    for index in range(len(spans) - 1):
        if spans[index][0] == "publisher" and spans[index + 1][0] in ("note", "other"):
            m = _WORDS_THEN_YEAR.fullmatch(spans[index + 1][1])
            if m:
                return spans[:index] + [("publisher", spans[index][1] + m.group(1)), ("date", m.group(2))] \
                    + spans[index + 2:]
    return spans


# Vancouver's place supplied in brackets: "[PhD thesis]. [Wien]: Universität Wien, 2015."
# (not ABNT's "[S.l.]:", no place at all)
_BRACKETED_PLACE = re.compile(r"(?<=\.\s)\[(?![Ss]\.\s?[ln]\.)([A-Z][^\[\]\d]{1,40})\]:\s([A-Z][^\[\];:]{1,120}?)[;,]\s(?:1[5-9]|20)\d\d")


def _bracketed_place_before_publisher(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Vancouver prints a place the work does not name in brackets, "[Wien]: Universität Wien,
    2015.": the place and the publisher, however the tagger cut them (it rarely saw one)."""
    text = "".join(piece for _, piece in spans)
    m = _BRACKETED_PLACE.search(text) if "]: " in text else None
    if not m:
        return spans
    return _overlay(spans, [(m.start(), m.start(2), "location"), (m.start(2), m.end(2) + 2, "publisher")])


# Journal of Finance's and Econometrica's book: "Calvo, Carlos, 2009, Dictionnaire Manuel (Lawbook
# Exchange Ltd, New Jersey)." The reference closes with "(Publisher, Place)"
_CLOSING_IMPRINT = re.compile(r"\s\((?P<publisher>[^()\[\]:;,]{2,80}(?:,\s[^()\[\]:;,\d]{2,60}){0,2}?),\s"
                              r"(?P<place>[^()\[\]:;,\d]{2,40}(?:,\s[A-Z]{2})?)\)\.?\s*$")


def _closing_parenthesised_imprint(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The publisher and the known place in the closing brackets, and before them, where the tagger
    read the book's title (or its subtitle) as the publisher, the place or a container, the title
    (a chapter's book, after its editors); not in a journal's reference (a volume or pages before)."""
    text = "".join(piece for _, piece in spans)
    m = _CLOSING_IMPRINT.search(text) if text.rstrip(". ").endswith(")") else None
    if m is None or not is_place(m.group("place")) or is_place(m.group("publisher")):
        return spans  # (a conference's "(Paris, France)" is no imprint)
    labels = char_labels(spans)
    if any(label in ("volume", "issue", "pages") for label in labels[:m.start()]):
        return spans
    pieces = [(m.start(), m.start("publisher"), "other"), (m.start("publisher"), m.end("publisher"), "publisher"),
              (m.end("publisher"), m.start("place"), "other"), (m.start("place"), m.end("place"), "location"),
              (m.end("place"), len(text), "other")]
    start = m.start()
    while start > 0 and labels[start - 1] in ("publisher", "location", "container-title", "title"):
        start -= 1
    if _SERIAL_WORDS.search(text[start:m.start()]):
        start = m.start()  # a journal's or proceedings' name stays what it is
    region = text[start:m.start()]
    if re.search(r"(?:^|[.,]\s)[Ii]n:?\s", region):
        return spans  # a chapter, "Title, in Names ed.: Book (Publisher, Place)": left to the chapter repairs
    if start < m.start() and region.strip(" .,"):
        # (after a chapter's editors, the book: "in J. Principe ed.: WSOM 2009. LNCS (Springer, Heidelberg)")
        pieces.insert(0, (start, m.start(), "container-title" if "editor" in labels[:start] else "title"))
    return _overlay(spans, pieces)


_WORDS_BEFORE_COLON = re.compile(r"([A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2})(?=:\s\S)")


def _book_read_into_place(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Harvard's "in K. Lund (ed.) | Inland waterways. Leeds: | Harbour Press": after the editors,
    a "place" holding a sentence before the town is the book's title and the town."""
    for index in range(1, len(spans)):
        label, text = spans[index]
        if label != "location" or spans[index - 1][0] != "editor" \
                or any(lab == "container-title" for lab, _ in spans):
            continue
        book, dot, place = text.rstrip().rpartition(". ")
        if dot and len(book.split()) >= 2 and re.fullmatch(r"(?:[A-Z][\w'’.-]*[\s,]*){1,3}:?", place):
            return spans[:index] + [("container-title", book + ". "), ("location", text[len(book) + 2:])] \
                + spans[index + 1:]
        return spans
    return spans


_THESIS_IN_TITLE = re.compile(r"(?<=[.?!])\s+(" + _THESIS_WORDS.pattern.removeprefix("(?i)") + r")(?:\s+(.+))?$",
                              re.IGNORECASE)


# DIN's "Small states in NATO, University of Oslo, Master’s | thesis, 2019": the tagger ends the title at
# "thesis"; the university and the degree before it are the publisher and the genre
_TITLE_BODY_DEGREE = re.compile(rf"(?P<title>.+?),\s(?:(?P<body>[A-Z][^,;:]{{2,80}}),\s)?(?P<degree>(?:{_DEGREES})\s)$")
_BARE_THESIS = re.compile(r"(?i)\s*(?:thesis|dissertation)[.,;]?\s*")
_UNIVERSITY = re.compile(r"Universit|College|Institut|School|Hochschule|Academy|Akademie|Polytechnic|[EÉ]cole|Escola|Faculty")


_LOWER_CASE_WORD = re.compile(r"\s*[^\W\d_A-Z][^\W\d_]*[.,]?\s*")
_GENRE_THEN_PUBLISHER = re.compile(r"[\[(][^\[\]()]{2,40}[\])][.,]?\s+([A-Z][^\[\]()]{1,80})")
_INSTITUTION_THEN_THESIS = re.compile(r"([A-Z][^,;:]{2,80}),\s*(" + _THESIS_WORDS.pattern.removeprefix("(?i)") + ")",
                                      re.IGNORECASE)


_IN_CONTAINER = re.compile(r"[Ii]n:?\s[A-Z][^;:()\[\]]{2,200}?,?")


def _publisher_closing_author_date_book(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Chicago's and APA's book with no place: "Author. 2010. Title. Subtitle. EPEL." and "(2005).
    Refugees and Regional Settlement. Brotherhood of St Laurence. http://...": after a date that
    opens the reference's title, its last short capitalised sentence, before any link, is the
    publisher the tagger did not know, when nothing else (journal numbers, an editor, a place)
    says otherwise."""
    labels = [label for label, _ in spans]
    if "date" not in labels or any(label in ("publisher", "volume", "issue", "pages", "editor", "location", "genre",
                                             "edition", "collection-title") for label in labels):
        return spans
    at = labels.index("date")
    end = at + 1
    while end < len(spans) and labels[end] in ("title", "container-title"):
        end += 1
    if end == at + 1 or any(label not in ("url", "doi", "accessed", "isbn") for label in labels[end:]):
        return spans
    body = "".join(text for _, text in spans[at + 1:end])
    if _has_quoted_title(body) or re.match(r"\s*In:?\s", body):
        return spans
    if labels[end - 1] == "container-title" and _IN.match(spans[end - 1][1]):
        # a chapter: "Title, in: Proceedings of the Conference on Reasoning. AAAI.": the book's last
        # short sentence is its publisher
        book, dot, last = spans[end - 1][1].rstrip().rstrip(".").rpartition(". ")
        if not dot or len(_IN.sub("", book).split()) < 2 or not _may_be_a_publisher(last):
            return spans
        return spans[:end - 1] + [("container-title", book + ". "), ("publisher", spans[end - 1][1][len(book) + 2:])] \
            + spans[end:]
    if any(label == "container-title" and _IN.match(text) for label, text in spans[at + 1:end]):
        return spans
    head, dot, last = body.rstrip().rstrip(".").rpartition(". ")
    if not dot or len(head.split()) < 2 or not _may_be_a_publisher(last):
        return spans
    if spans[end - 1][0] == "container-title" and spans[end - 1][1].strip().rstrip(".") == last:
        return spans  # the tagger read that sentence alone as a journal or conference ("COLING.")
    _, _, later = head.partition(". ")
    if _SERIAL_WORDS.search(later) or re.search(r"(?:^|\.\s)In:?\s", head) \
            or any(is_place(re.sub(r"\s*,\s*", ", ", side.rsplit(". ", 1)[-1].strip())) for side in head.split(": ")[:-1]):
        return spans  # "Title. Proceedings of ... AAAI." and ISO 690's "Title. Providence, RI: AMS. Series."
    return spans[:at + 1] + [("title", head + ". "), ("publisher", last + body[len(head) + 2 + len(last):])] + spans[end:]


def _mla_publisher_before_year(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """MLA's book "Title. Subtitle. Publisher, 2010." with a publisher the tagger does not know
    ("EPEL", "AIP", "Brotherhood of St Laurence") read as the title's last sentence or as a
    container: the short capitalised sentence before ", Year" is the publisher, and what is left of
    a "container" is the title's second sentence (a book has none)."""
    labels = [label for label, _ in spans]
    if any(label in ("publisher", "volume", "issue", "pages") for label in labels) or "date" not in labels:
        return spans
    index = labels.index("date")
    if index == 0 or not _BARE_YEAR.fullmatch(spans[index][1]) or labels[index - 1] not in ("title", "container-title"):
        return spans
    label, text = spans[index - 1]
    if text.rstrip()[-1:] not in ",;" or _has_quoted_title("".join(t for _, t in spans[:index])):
        return spans  # a quoted title is an article's or a paper's: "“Title,” COLING, 2020."
    # (AMA's "Title. AIP; 1993." ends the publisher with a semicolon)
    body = text.rstrip()[:-1]
    head, dot, last = body.rpartition(". ")
    has_title = "title" in labels[:index - 1]
    if not dot and not (label == "container-title" and has_title):
        return spans
    lead = re.match(r"In:?\s", last)  # ABNT's "In: American Mathematical Society, 1993."
    lead_text, last = (lead.group(0), last[lead.end():]) if lead else ("", last)
    if not _may_be_a_publisher(last):
        return spans
    # a title's own sentence, or a "container" that is one; a chapter's book stays one ("In: Proceedings. AAAI,")
    kept = "container-title" if label == "container-title" and _IN.match(head) else "title"
    rest = [(kept, head + ". ")] if dot else []
    lead_span = [("other", lead_text)] if lead_text else []
    return spans[:index - 1] + rest + lead_span + [("publisher", last + ", ")] + spans[index:]


def _relabel(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Master's thesis" is a genre whatever the tagger called it; a second run of names after the
    title ("2015. Universität Wien, PhD thesis.") is the institution that published it; unplaced
    text right after the names, with no title anywhere and an imprint after it, stands where the
    title does."""
    out: list[tuple[str, str]] = []
    seen_title = False
    editors_since_title = False
    has_container = any(label == "container-title" for label, _ in spans)
    has_title = any(label == "title" for label, _ in spans)
    for position, (label, text) in enumerate(spans):
        bracketed_genre = _GENRE_THEN_PUBLISHER.fullmatch(text.strip()) if label == "genre" else None
        imprint_follows = position + 1 < len(spans) and spans[position + 1][0] in ("publisher", "location", "edition")
        if label == "author" and not has_title and _LOWER_CASE_WORD.fullmatch(text):
            label = "title"  # "alliance. 2023. Oxford English Dictionary.": a headword, no name starts so
        if label == "note" and not has_title and out and out[-1][0] == "author" and imprint_follows \
                and all(earlier != "container-title" for earlier, _ in out):  # (no title after the book)
            label = "title"  # ACS's "Haykin. | Communication Systems, 3rd ed.; | Wiley": the title's place
        if bracketed_genre and _may_be_a_publisher(bracketed_genre.group(1).rstrip(".")):
            # APA's "[Tech Report]. CMU CS." read as one genre: the genre, then the publisher
            cut = len(text) - len(text.lstrip()) + bracketed_genre.start(1)
            out.append(("genre", text[:cut]))
            out.append(("publisher", text[cut:]))
            continue
        degree = _TITLE_BODY_DEGREE.fullmatch(out[-1][1]) if label == "genre" and out and out[-1][0] == "title" \
            and _BARE_THESIS.fullmatch(text) else None
        if degree:
            title_text = out.pop()[1]
            body = degree.group("body") if degree.group("body") and _UNIVERSITY.search(degree.group("body")) else None
            title_end = degree.end("title") if body else degree.start("degree") - 2  # a body that is no
            out.append(("title", title_text[:title_end + 1] + " "))  # university stays in the title
            if body:
                out.append(("publisher", title_text[degree.start("body"):degree.start("degree")]))
            out.append(("genre", degree.group("degree") + text))
            continue
        institution_genre = _INSTITUTION_THEN_THESIS.fullmatch(text.strip()) if label in ("note", "other") else None
        if label != "genre" and _THESIS_WORDS.fullmatch(text.strip()):
            label = "genre"
        elif institution_genre:  # MLA's "2007. Universität Kassel, Dissertation.": where and what, in one span
            cut = len(text) - len(text.lstrip()) + institution_genre.start(2)
            out.append(("publisher", text[:cut]))
            out.append(("genre", text[cut:]))
            continue
        elif label == "author" and seen_title and any(lab == "author" for lab, _ in out):
            label = "publisher"
        elif label == "title" and seen_title and editors_since_title and not has_container:
            label = "container-title"  # Springer's "Title. In: Hall P (eds) Book": the second title is the book
        elif label == "collection-title" and not has_container and _IN.match(text) and seen_title \
                and not re.match(r"\s*[Ii]n\s[Pp]ress\b", text) and not (out and out[-1][0] == "volume"):
            label = "container-title"  # Springer's "In: CBMS Regional Conference Series. AMS": "In" opens the
            # book (after IEEE's "vol. 220." it opens the series)
            has_container = True
        elif label == "note" and out and out[-1][0] == "title" and not has_container \
                and _IN_CONTAINER.fullmatch(text.strip()):
            label = "container-title"  # IEEE's "“Title,” in MRS Proceedings, 1995."
        if label == "title":
            thesis = _THESIS_IN_TITLE.search(text.rstrip())
            if thesis and thesis.start() > 0:  # "Small states in NATO. Master's thesis, University of Oslo"
                out.append(("title", text[:thesis.start()] + " "))
                out.append(("genre", thesis.group(1)))
                if thesis.group(2):
                    out.append(("publisher", thesis.group(2)))
                seen_title = True
                continue
        seen_title = seen_title or label == "title"
        editors_since_title = False if label == "title" else editors_since_title or label == "editor"
        out.append((label, text))
    return out
