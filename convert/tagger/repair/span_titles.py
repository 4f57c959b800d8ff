"""Span repairs around titles: a journal glued to a title, a title cut after a function word, a
year or a place left in a title, a book read as a second title."""

from __future__ import annotations

import re

from ...normalize.journals import JOURNAL_ABBREVIATIONS
from ...normalize.publishers import is_place
from .text import (
    _SENTENCE_BREAK,
    _BARE_YEAR,
    _IN,
    _NUMBER_LABELS,
    _PLACE_BEFORE_COLON,
    _SERIAL_WORDS,
    _YEAR_COLON,
    _YEAR_IN_TEXT,
    _YEAR_SPAN,
    _has_quoted_title,
    _may_be_a_publisher,
    _splits_as_imprint,
)


def _closes_an_abbreviation(word: str) -> bool:
    """True when the word before a period is an initial or a known journal abbreviation ("J.",
    "Phys."), so the period ends no sentence."""
    return len(word) == 1 or word in JOURNAL_ABBREVIATIONS


def _title_and_journal_run(spans: list[tuple[str, str]], position: int) -> tuple[int, str]:
    """Where the run of title and container spans right before ``position`` starts, and its text:
    the rules that re-cut a title from its journal read them as one."""
    start = position
    while start > 0 and spans[start - 1][0] in ("title", "container-title"):
        start -= 1
    return start, "".join(text for _, text in spans[start:position])


def _text_after_quoted_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"“Autoimmune Hepatitis.” Schiff's Diseases of the Liver, | edited by...": in styles that quote
    titles, the words after the closing quote in a title span start the container."""
    for position, (label, text) in enumerate(spans):
        if label != "title":
            continue
        m = re.match(r"^(\s*[“\"][^“”\"]{2,}[”\"][.,]?\s+)(?:[Ii]n:?\s+)?([A-Z\u00C0-\u024F].*)$", text, re.DOTALL)
        if not m:
            return spans
        rest: list[tuple[str, str]] = [("container-title", m.group(2))]
        if position + 1 < len(spans) and spans[position + 1][0] == "container-title":
            rest = [("container-title", m.group(2) + spans[position + 1][1])]
            return spans[:position] + [("title", m.group(1))] + rest + spans[position + 2:]
        if any(lab == "container-title" for lab, _ in spans):
            return spans
        return spans[:position] + [("title", m.group(1))] + rest + spans[position + 1:]
    return spans


_TITLE_CASE_TAIL = re.compile(r"(?<=[^A-Z\s.][.?!])\s+((?:[A-Z][\w'’&-]*|of|and|the|for|in|on|&)(?:\s+(?:[A-Z][\w'’&-]*|of|and|the|for|in|on|&)){0,5})\s*$")


def _journal_words_in_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"A mathematical theory of communication. Bell System | Technical Journal 27": capitalised
    words after the title's last sentence, right before the journal, are the journal's first words."""
    for position in range(len(spans) - 1):
        label, text = spans[position]
        if label != "title" or spans[position + 1][0] != "container-title":
            continue
        m = _TITLE_CASE_TAIL.search(text.rstrip())
        if m and m.start(1) > 0:
            cut = m.start(1)
            return (spans[:position] + [("title", text[:cut]), ("container-title", text[cut:] + spans[position + 1][1])]
                    + spans[position + 2:])
    return spans


def _title_words_in_container(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ACS prints titles in title case: "A Putative Modular Domain Present in Diverse | Signaling
    Proteins. Cell 1993": when the title stops short of a sentence end and the journal holds one,
    the words before it are the title's last words ("Eng. Struct" is an abbreviation, no end)."""
    for position in range(len(spans) - 1):
        label, text = spans[position]
        container = spans[position + 1][1]
        if label != "title" or spans[position + 1][0] != "container-title" or not text.rstrip()[-1:].isalnum() \
                or _IN.match(container):
            continue
        for m in re.finditer(r"(\S+)\.\s+(?=[A-Z])", container):
            word = m.group(1)
            if word.isalpha() and not _closes_an_abbreviation(word.capitalize()):
                return (spans[:position] + [("title", text + container[:m.end()]),
                                            ("container-title", container[m.end():])] + spans[position + 2:])
    return spans


_FUNCTION_WORDS = r"(?:and|or|of|the|a|an|in|on|for|to|with|from|by|at|between|against|und|et|y|de|des|der|die|das|du)"
_DANGLING = re.compile(rf"\b{_FUNCTION_WORDS}\s*$", re.IGNORECASE)


_DANGLING_ARTICLE = re.compile(r"\b(?:a|an|the|and|or|of)\s*$", re.IGNORECASE)
_CONTINUING = re.compile(r"(?:in|of|and|for|on|with|to|from)\s")  # lower case: not Nature's "Title. in Book"
_SENTENCE_END = re.compile(r"[.?!\"”’]\s*$")

_TITLE_CASE_IN = re.compile(r"In\s(?!:)")  # "Setting The Standard | In Second Generation...": no punctuation before


def _title_cut_after_a_function_word(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Strategic culture and | NATO. Security Studies.": a title cannot end on "and"; the container
    span's first sentence finishes it (or a "publisher" after an article: "Schools: A | National
    Profile; Boston")."""
    for position in range(len(spans) - 1):
        label, text = spans[position]
        following_label, following = spans[position + 1]
        if label != "title" or following_label not in ("container-title", "publisher") or not (
                _DANGLING.search(text) or (_CONTINUING.match(following) and not _SENTENCE_END.search(text))
                or (_TITLE_CASE_IN.match(following) and text.rstrip()[-1:].isalnum())):
            continue  # ("Structures | in Proteins. Proteins 1995": a lower-case word carries the title on)
        if following_label == "publisher" and (not _DANGLING_ARTICLE.search(text) or _has_quoted_title(text)):
            continue  # ACS's "Schools: A | National Profile; Boston": only an article or "and" surely dangles
            # (after a quoted title the article is the publisher's: '"New Worlds",The | National Academies Press')
        breaks = list(_SENTENCE_BREAK.finditer(following.rstrip()))
        if breaks:
            cut = breaks[0].end()
            rest_label = following_label
            if _TITLE_CASE_IN.match(following) and _may_be_a_publisher(following[cut:].strip().rstrip(".")) \
                    and not any(other in _NUMBER_LABELS for other, _ in spans):
                rest_label = "publisher"  # the "In" was the title's: no book is left, and a report's body follows
            return (spans[:position] + [("title", text + following[:cut]), (rest_label, following[cut:])]
                    + spans[position + 2:])
        if len(following.split()) <= 3:  # "Small states in | NATO. 2019.": the "journal" was the title's end
            return spans[:position] + [("title", text + following)] + spans[position + 2:]
    return spans


# Lower case only: a capital "A" or "The" can open a publisher's name ("Essays on | The Press Gang")
_DANGLING_LOWER_CASE = re.compile(rf"\s{_FUNCTION_WORDS}\s*$")


def _book_cut_after_a_function_word(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Essays in Honour of | Nicholas Brooks. Aldershot;": a book's title cannot end on "of" either;
    the first sentence of the imprint after it is the title's end (the dedicatee's name)."""
    for position in range(len(spans) - 1):
        label, text = spans[position]
        following_label, following = spans[position + 1]
        if label != "container-title" or following_label not in ("publisher", "location") \
                or not _DANGLING_LOWER_CASE.search(text):
            continue
        first_break = _SENTENCE_BREAK.search(following.rstrip())
        if first_break:
            cut = first_break.end()
            return (spans[:position] + [(label, text + following[:cut]), (following_label, following[cut:])]
                    + spans[position + 2:])
    return spans


_LONE_YEAR = re.compile(r"\s*((?:1[5-9]|20)\d\d)[.,]?\s*")
# What IEEE Xplore (and Google Scholar from it) puts after a conference's name and year: its acronym
# with the year ("DASC’09.", "CVPR 2009.", "ICC '08."), "Proceedings of the 40th IEEE Conference on"
_XPLORE_TAIL = re.compile(r"\s*(?:[A-Z][A-Za-z]*[A-Z]\s?['’]\s?\d{2}\b\.?|[A-Z]{2}[A-Za-z]*\s(?:19|20)\d\d\.|Proceedings\.?\s)")
_XPLORE_TAIL_STOP = re.compile(r",\s(?:19|20)\d\d\b|\s\(")  # the year or the bracketed imprint after it


def _conference_name_year_acronym(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """IEEE Xplore's proceedings title "Digital Avionics Systems Conference, | 2009. | DASC’09.
    IEEE/AIAA 28th": the name, its year and the acronym after it are one container, when the
    reference prints its year again elsewhere (so the date is not lost)."""
    for position in range(len(spans) - 2):
        (label, text), (date_label, year_text), (tail_label, tail) = spans[position:position + 3]
        year = _LONE_YEAR.fullmatch(year_text) if date_label == "date" else None
        if label != "container-title" or year is None or not text.rstrip().endswith(",") \
                or not _XPLORE_TAIL.match(tail) or tail_label in _NUMBER_LABELS:
            continue
        if not any(other == "date" and year.group(1) in other_text
                   for index, (other, other_text) in enumerate(spans) if index != position + 1):
            return spans
        stop = _XPLORE_TAIL_STOP.search(tail)
        end = stop.start() if stop else len(tail.rstrip().rstrip(",."))
        end += len(tail[end:]) - len(tail[end:].lstrip(" ,."))  # the punctuation closing the name stays with it
        rest = [("note", tail[end:])] if tail[end:].strip() else []
        return spans[:position] + [(label, text + year_text + tail[:end])] + rest + spans[position + 3:]
    return spans


def _unclosed_bracket(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Small states in NATO [Master’s | thesis].": a bracket a span opens and the next closes is one
    descriptor, kept with the span that closes it (APA's "[Master's thesis]", "[Data set]")."""
    out = list(spans)
    for position in range(len(out) - 1):
        label, text = out[position]
        opener, closer = "[", "]"
        if out[position + 1][0] in ("genre", "note", "edition", "medium", "collection-title") \
                and text.rfind("(") > text.rfind("["):
            opener, closer = "(", ")"  # "Small states in NATO (Master’s | thesis).", "Springer (Graduate | Texts in Mathematics)."
        start = text.rfind(opener)
        if start < 0 or closer in text[start:] or closer not in out[position + 1][1]:
            continue
        following_label, following = out[position + 1]
        out[position] = (label, text[:start])
        out[position + 1] = (following_label, text[start:] + following)
    return [(label, text) for label, text in out if text]


def _vancouver_journal(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Vancouver, AMA and BMJ: "Title. Journal Abbrev. 1907;26:9" -- NLM journal abbreviations
    have no periods, so the journal is the last sentence before the "year;" citation, however the
    tagger cut title and journal."""
    for position, (label, text) in enumerate(spans):
        if label not in ("date", "pages", "volume") or not re.match(r"\s*(?:1[5-9]|20)\d\d(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;", text):
            continue
        start, joined = _title_and_journal_run(spans, position)
        if position - start < 2 or not any(spans[i][0] == "container-title" for i in range(start, position)):
            return spans
        cut = [m.end() for m in _SENTENCE_BREAK.finditer(joined.rstrip())]
        if not cut:
            return spans
        # AHA and others keep the abbreviations' periods ("Phys. Rev. Lett."): a journal span whose
        # inner periods all close known abbreviations, after a sentence end, was cut right
        first = next(i for i in range(start, position) if spans[i][0] == "container-title")
        boundary = sum(len(t) for _, t in spans[start:first])
        journal = joined[boundary:].rstrip()
        if boundary in cut and re.search(r"\.\s", journal) and all(
                _closes_an_abbreviation(word) for word in re.findall(r"([A-Z][a-z]*)\.\s", journal)):
            cut = [boundary]
        return spans[:start] + [("title", joined[:cut[-1]]), ("container-title", joined[cut[-1]:])] + spans[position:]
    return spans


_INTERNET_MARKED = re.compile(r"\s\[Internet\]\.?\s*$")


def _journal_marked_online_in_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Vancouver's online article "Title. Foreign Policy [Internet]. 2018 Jul 9." read as one title:
    the sentence the "[Internet]" mark closes (inside the title or just after it), after the title's
    own, is the periodical."""
    if any(label == "container-title" for label, _ in spans):
        return spans
    for position, (label, text) in enumerate(spans):
        mark_follows = position + 1 < len(spans) and spans[position + 1][1].lstrip().startswith("[Internet]")
        if label != "title" or not (_INTERNET_MARKED.search(text) or mark_follows):
            continue
        cut = [m.end() for m in _SENTENCE_BREAK.finditer(text.rstrip())]
        if not cut:
            return spans
        return spans[:position] + [("title", text[:cut[-1]]), ("container-title", text[cut[-1]:])] + spans[position + 1:]
    return spans


def _title_read_as_container(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"NATO 1948: The Birth of the Transatlantic Alliance" cut into container, date and title:
    a container never comes before the title it belongs to, so the pieces are one title."""
    labels = [label for label, _ in spans]
    if labels.count("title") != 1:
        return spans
    before = [index for index, label in enumerate(labels[:labels.index("title")]) if label == "container-title"]
    if len(before) != 1:  # (a "container" after the title, a publisher the tagger did not know, is no matter)
        return spans
    at = before[0]
    middle = 1 if at + 2 < len(spans) and spans[at + 1][0] == "date" and _YEAR_COLON.fullmatch(spans[at + 1][1]) else 0
    if at + 1 + middle < len(spans) and spans[at + 1 + middle][0] == "title" and not _IN.match(spans[at][1]) \
            and spans[at + 1 + middle][1].lstrip()[:1] not in "“\"‘«":  # a quoted title shows where it starts
        merged = "".join(text for _, text in spans[at:at + 2 + middle])
        return spans[:at] + [("title", merged)] + spans[at + 2 + middle:]
    return spans


_ASIDE_LABELS = frozenset({"location", "volume", "issue", "pages", "container-title", "collection-title", "note"})


def _year_inside_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Ergebnis der Stichprobe 1993. | Wirtschaft und Statistik. 1997;6", "Theory (vol 9, pg 249,
    2003). | Chem. Vapor Depos. 2004", "... der DDR, Leipzig 1988. | Jahrbuch ... 1988;8": a year the
    tagger cut out of the end of a title, when the reference's own date comes later.  The year, with
    a place before it or the bracket it closes, goes back into the title; a "title" the cut left
    between it and the journal is the journal's first part.  A year between two "journals" stays:
    there it is usually the journal's own ("Decision and Control, 2001. Proceedings of the ...").
    A year that runs on from the title's last word ("Annual report 2022. Brussels: ...") is the
    title's before any field; one after a period ("Title. 1909. Translated by") is a date."""
    labels = [label for label, _ in spans]
    if "date" not in labels:
        return spans
    if "title" in labels:
        start = labels.index("title")
    else:  # no title: the first "journal", before any date, is the title if a year runs on from it
        start = next((i for i, label in enumerate(labels) if label in ("container-title", "date")), len(labels))
        if start == len(labels) or labels[start] != "container-title":
            return spans
    end = next((i for i in range(start + 1, min(len(spans), start + 7)) if labels[i] == "date"), None)
    if end is None or end + 1 >= len(spans) or not _YEAR_SPAN.fullmatch(spans[end][1]):
        return spans
    dated_before = "date" in labels[:start]  # author-date: "Guttmann, E. (1997). Title ... 1993. Journal, 6"
    dated_after = "date" in labels[end + 1:] or any(
        label == "note" and _YEAR_IN_TEXT.search(text) for label, text in spans[end + 1:])  # ("Division, 2023 ")
    if dated_before == dated_after:
        return spans  # the reference's own date must be before the title or after the year, not both or neither
    # "Annual report 2022. | Brussels: NATO; 2023.": a year that goes on the title's own sentence
    # (no period between) is the title's whatever follows
    runs_on = end == start + 1 and not re.search(r"[.?!:;,]\W*$", spans[start][1].rstrip()) \
        and not spans[end][1].lstrip().startswith(("(", "["))
    if labels[end + 1] not in ("title", "container-title") and (not runs_on or dated_before):
        return spans
    aside = spans[start + 1:end]
    if any(label not in _ASIDE_LABELS for label, _ in aside):
        return spans
    joined_aside = "".join(text for _, text in aside)
    bracketed = joined_aside.lstrip().startswith("(") and spans[end][1].rstrip(" .,").endswith(")")
    if not bracketed and (any(label != "location" for label, _ in aside) or spans[end][1].rstrip(" .,").endswith(")")):
        return spans  # unbracketed, only "Place Year." or a bare "Year." ("Control, 2001. | Proceedings" is a journal's)
    if dated_before and not bracketed and not re.search(r"[^\W\d_]\s*$", "".join(t for _, t in spans[start:end])):
        return spans  # after the head's date, only a year that goes on the title's last word ("Title. 1999." is no title's)
    title = ("title", "".join(text for _, text in spans[start:end + 1]))
    rest = spans[end + 1:]
    if rest[0][0] == "title" and len(rest) > 1 and rest[1][0] == "container-title":
        rest = [("container-title", rest[0][1] + rest[1][1])] + rest[2:]
    return spans[:start] + [title] + rest


def _place_left_in_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """BMJ's book "Title. New Jersey: | Lawbook Exchange Ltd | 2009.", no comma before the year: the
    tagger found the publisher but left its place, colon and all, at the end of the title (or, in
    Harvard's chapter "(eds.) Book. Innsbruck: | Innsbruck University Press", of the book)."""
    has_place = any(label == "location" for label, _ in spans)
    for index in range(len(spans) - 1):
        label, text = spans[index]
        following = spans[index + 1]
        book_before_publisher = label == "container-title" and following[0] == "publisher" and not has_place
        title_before_imprint = label == "title" and following[0] in ("publisher", "container-title") \
            and index + 2 < len(spans) and spans[index + 2][0] == "date" and bool(_BARE_YEAR.fullmatch(spans[index + 2][1]))
        if not (book_before_publisher or title_before_imprint):
            continue
        m = _PLACE_BEFORE_COLON.match(text)
        if not m or not _splits_as_imprint(m.group("title"), m.group("place"), following[1].strip()):
            if title_before_imprint:
                return spans
            continue
        cut = [(label, m.group("title") + ". "), ("location", m.group("place") + ": ")]
        if book_before_publisher:
            return spans[:index] + cut + spans[index + 1:]
        return spans[:index] + cut + [("publisher", following[1])] + spans[index + 2:]
    return spans


def _book_after_in_read_as_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """APS's and RSC's chapter "A. Y. Ng and M. I. Jordan, in Advances in Neural Information
    Processing Systems 14, MIT Press, ...": these styles print no chapter title, so the words after
    the names, opened by a lower-case "in", are the book; a "container" the tagger cut off after them
    is the book's last part ("... Information | Processing Systems")."""
    labels = [label for label, _ in spans]
    if labels.count("title") != 1:
        return spans
    at = labels.index("title")
    if not at or labels[at - 1] != "author" or not re.match(r"in\s[A-Z\d“\"‘]", spans[at][1]):
        return spans
    book, end = spans[at][1], at + 1
    if end < len(spans) and labels[end] == "container-title":
        book, end = book + spans[end][1], end + 1
    if "container-title" in labels[end:]:
        return spans
    return spans[:at] + [("container-title", book)] + spans[end:]


def _book_between_in_editors_and_imprint(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Springer's "Title. In: Munanga K (ed) Superando o Racismo. | Ministério da Educação, Brasília,
    pp 21-37" read as a second title and a container: after "In: editors" the title is the book and
    the one "container" after it, with no digit or serial's word, its publisher (or its place)."""
    labels = [label for label, _ in spans]
    if labels.count("container-title") != 1 or "volume" in labels or "issue" in labels:
        return spans
    for position in range(1, len(spans) - 2):
        label, text = spans[position]
        if label != "editor" or not _IN.match(text) or spans[position + 1][0] != "title" \
                or "title" not in labels[:position]:
            continue
        later = labels.index("container-title", position + 2) if "container-title" in labels[position + 2:] else None
        body = spans[later][1] if later is not None else ""
        if later is None or re.search(r"\d", body) or _SERIAL_WORDS.search(body):
            return spans
        out = list(spans)
        out[position + 1] = ("container-title", spans[position + 1][1])
        out[later] = ("location" if is_place(body.strip(" ,.;:")) else "publisher", body)  # "Aldershot, pp"
        return out
    return spans


# APS's "J. Anderson, Composite Registers, Distributed Computing 6, 141 (1993).": title, comma, journal
_TITLE_COMMA_JOURNAL = re.compile(r"(?P<title>[^\W\d_].{0,400}?,\s)(?P<journal>(?!and\b)[A-Z][^,]{0,150})")
# APS's and AIP's book "C. Calvo, Dictionnaire Manuel (Lawbook Exchange Ltd, New Jersey, 2009).": the
# title before the bracketed imprint read as the publisher's first words
_TITLE_BEFORE_IMPRINT = re.compile(r"(?P<title>[^\W\d_][^()]{2,400}?)\s(?P<publisher>\([^()]{2,200})")


def _title_inside_comma_separated_work(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """In styles that separate every part with commas, names ending with a comma and no title found:
    a journal span followed by numbers holds the title before its last comma, and a publisher span
    opening a bracketed imprint holds the book's title before the bracket."""
    if any(label == "title" for label, _ in spans):
        return spans
    for index in range(1, len(spans)):
        label, text = spans[index]
        if spans[index - 1][0] != "author" or not spans[index - 1][1].rstrip().endswith(","):
            continue
        numbers = any(other in _NUMBER_LABELS for other, _ in spans[index + 1:])
        # (a period inside would be where Science's and PNAS's title ends, not a comma)
        journal = _TITLE_COMMA_JOURNAL.fullmatch(text) \
            if label == "container-title" and numbers and not re.search(r"[.?!]\s", text) else None
        book = _TITLE_BEFORE_IMPRINT.fullmatch(text) if label == "publisher" else None
        if journal:
            return spans[:index] + [("title", journal.group("title")), (label, journal.group("journal"))] \
                + spans[index + 1:]
        if book:
            return spans[:index] + [("title", book.group("title") + " "), (label, book.group("publisher"))] \
                + spans[index + 1:]
        return spans
    return spans


# APS's and AIP's chapter "B. Yorke, Anglo-Saxon Origin Legends, in Myth, Rulership..., edited by": the
# book after ", in" read into the paper's title
_COMMA_IN_BOOK = re.compile(r"(?P<title>[^\W\d_].{2,400}?),\s(?P<book>in\s[A-Z\u00C0-\u024F\d].*)", re.DOTALL)


def _book_after_comma_in_inside_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words from ", in Capital..." in a title span that goes on past its comma or colon start its
    book: the container (joined with the container span right after it, when the tagger cut the book
    in two)."""
    for index, (label, text) in enumerate(spans):
        book = _COMMA_IN_BOOK.fullmatch(text) if label == "title" else None
        imprint_follows = index + 1 < len(spans) and spans[index + 1][0] in ("editor", "publisher", "location")
        if not book or _has_quoted_title(text) or text.rstrip()[-1:] not in (",", ":") and not imprint_follows:
            continue  # (ACS's "..., the Ob Gene Product, in Hamsters. | J Clin Invest": the title's own end)
        joined = index + 1 < len(spans) and spans[index + 1][0] == "container-title"
        if not joined and any(other == "container-title" for other, _ in spans):
            return spans
        container = book.group("book") + (spans[index + 1][1] if joined else "")
        return spans[:index] + [("title", book.group("title") + ", "), ("container-title", container)] \
            + spans[index + 1 + joined:]
    return spans


def _journal_closing_the_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Copernicus's "Anderson, J.: Composite Registers, Distributed Computing, 6, 141–154, 1993.": with
    no journal found, a title span that ends with a comma right before the volume holds the journal
    after its last comma."""
    if any(label in ("container-title", "publisher") for label, _ in spans):
        return spans  # (a book's "Title, Subtitle, Vols. , Clarendon Press")
    for index in range(len(spans) - 1):
        label, text = spans[index]
        if label != "title" or spans[index + 1][0] != "volume" or not text.rstrip().endswith(",") \
                or not re.search(r"\d", spans[index + 1][1]):
            continue
        parts = _TITLE_COMMA_JOURNAL.fullmatch(text.rstrip()[:-1])
        if parts and not re.search(r"[.?!]\s", parts.group("journal")):
            return spans[:index] + [("title", parts.group("title")), ("container-title", parts.group("journal") + ", ")] \
                + spans[index + 1:]
        return spans
    return spans


def _journal_after_the_titles_last_colon(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """AAPG's and GSA's "Absolon, K., 1907, Zwei neue Collembolen-Gattungen: Wiener Entomologische
    Zeitung, v. 26, p. 9.": before a volume marked "v.", the journal follows the title's last colon,
    however the tagger cut the two."""
    for position, (label, text) in enumerate(spans):
        if label != "volume" or not re.match(r"\s*v\.\s?\w", text):
            continue
        start, joined = _title_and_journal_run(spans, position)
        colon = joined.rfind(": ")
        journal = joined[colon + 2:]
        if start == position or colon < 2 or not journal[:1].isupper():
            return spans
        words = journal.split()[:-1]  # each followed by white space
        if any(len(word) > 1 and word[-1] in ".?!" and not _closes_an_abbreviation(word[:-1]) for word in words):
            return spans  # ABNT's "Title: Subtitle. Journal, v. 19": the colon is the title's own
        return spans[:start] + [("title", joined[:colon + 2]), ("container-title", joined[colon + 2:])] + spans[position:]
    return spans


# SPIE's "[Advanced Field Theory: Micro, Macro and Thermal Physics], AIP, New York (1993).": a book's
# bracketed title, then its publisher read into the title
_BRACKETED_BOOK_THEN_PUBLISHER = re.compile(r"(?P<title>\s*\[[^\[\]]{2,400}\],\s)(?P<publisher>[^\W\d_][^\[\],]{0,150},?\s*)")


def _publisher_after_bracketed_book_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """With no publisher found, the words after a bracketed title's closing bracket and comma,
    before the place or the year, are the publisher."""
    if any(label == "publisher" for label, _ in spans):
        return spans
    for index in range(len(spans) - 1):
        label, text = spans[index]
        book = _BRACKETED_BOOK_THEN_PUBLISHER.fullmatch(text) if label == "title" else None
        if book and spans[index + 1][0] in ("location", "date"):
            return spans[:index] + [("title", book.group("title")), ("publisher", book.group("publisher"))] \
                + spans[index + 1:]
    return spans


def _title_before_the_journals_comma(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Journal of Finance's "Anderson, J., 1993, Composite Registers, Distributed Computing 6,
    141–154.": with no title found, the container right after the year and before the volume holds
    the title up to its last comma (a journal's name seldom has one; a title may)."""
    if any(label == "title" for label, _ in spans):
        return spans
    for index in range(1, len(spans) - 1):
        label, text = spans[index]
        if label != "container-title" or spans[index - 1][0] != "date" or spans[index + 1][0] not in ("volume", "pages"):
            continue
        comma = text.rstrip(" ,").rfind(", ")  # (BSSA's "Title, Journal, 6, no. 3, 141–154": the comma after it)
        journal = text[comma + 2:]
        imprint = re.search(r":\s([^,:]{2,40}),", text)
        if comma < 3 or not journal[:1].isupper() or _IN.match(text) or re.search(r"[^\W\d]{2}[.?!]\s+[A-Z]", text) \
                or (imprint and (is_place(imprint.group(1)) or is_place(imprint.group(1).split()[0]))):
            # (a sentence end inside is where the title ends, found by the repairs for it; AAPG's book
            # "Faust: Frankfurt am Main, Insel, Insel-Taschenbuch 50." has its imprint there, and a series)
            return spans
        return spans[:index] + [("title", text[:comma + 2]), ("container-title", journal)] + spans[index + 1:]
    return spans


def _journal_as_the_titles_last_sentence(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """SIST 02's "Title. Journal. 2014, 巻 12, ページ. 141–154." read as one title before the year:
    with no journal or publisher found and a volume and pages after the year, the title's last
    sentence is the journal."""
    labels = [label for label, _ in spans]
    if "container-title" in labels or "publisher" in labels or "volume" not in labels or "pages" not in labels:
        return spans
    for index in range(len(spans) - 1):
        label, text = spans[index]
        if label != "title" or spans[index + 1][0] != "date":
            continue
        body = text.rstrip()
        for stop in reversed([m.start() for m in re.finditer(r"[.?!]\s", body)]):
            word = body[:stop].rsplit(" ", 1)[-1]
            if len(word) >= 3 and word.isalpha() and not _closes_an_abbreviation(word):
                journal = body[stop + 2:]
                if journal[:1].isupper() and not re.search(r"[.?!]\s", journal.rstrip(".")):
                    return spans[:index] + [("title", text[:stop + 2]), ("container-title", text[stop + 2:])] \
                        + spans[index + 1:]
                break
        return spans
    return spans
