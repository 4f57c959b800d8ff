"""Span repairs around numbers and dates: an issue with no volume, a book's number, a software
version read as a volume, repeated years and original dates."""

from __future__ import annotations

import re

from ..features import MONTHS
from .text import _ACCESS, _BARE_YEAR, _TRANSLATED, _year


def _access_date_with_no_access_word(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Office for National Statistics. 2021. | Census 2021. | London: ONS.": with no title found, an
    "access date" no word marks as one (Retrieved, Accessed, cited...) is the title."""
    if any(label == "title" for label, _ in spans):
        return spans
    for index, (label, text) in enumerate(spans):
        if label == "accessed" and not _ACCESS.search(text) and not re.match(r"\s*[\[(]", text):
            return spans[:index] + [("title", text)] + spans[index + 1:]
    return spans


# Lethaia's web page: "Site. Downloaded from https://... on 5 October 2021."
_DOWNLOADED_FROM = re.compile(r"(?i)(?<!\S)downloaded\s(?:from|at)\s*$")
_ON_DATE = re.compile(r"(\s*on\s+)(\d{1,2}\s[A-Z][a-z]+\.?\s\d{4}\.?\s*)")


def _downloaded_from_url_on_date(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Downloaded from URL on 5 October 2021": the words before the link are no part of the site's
    name, and the date after it is the access date, not the work's."""
    for index in range(len(spans) - 1):
        label, text = spans[index]
        words = _DOWNLOADED_FROM.search(text) if spans[index + 1][0] == "url" else None
        if not words:
            continue
        head = [(label, text[:words.start()])] if text[:words.start()].strip() else []
        tail = spans[index + 2:]
        on_date = _ON_DATE.fullmatch(tail[0][1]) if tail else None
        if on_date:
            tail = [("other", on_date.group(1)), ("accessed", on_date.group(2))] + tail[1:]
        return spans[:index] + head + [("other", text[words.start():]), spans[index + 1]] + tail
    return spans


# "Vol. 1. Reading, MA:", "Bd. 2. Berlin:": a book's volume the tagger read into the place after it
_VOLUME_BEFORE_PLACE = re.compile(r"(\s*(?:Vols?|Bd|Tome|Tomo|Pt|Part)\.?\s?(?:\d{1,4}|[IVXLC]{1,6})[.,]\s+)(?=[A-Z])")


def _volume_read_into_place(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Vancouver's and Turabian's book "3rd ed. | Vol. 1. Reading, MA: | Addison-Wesley": the volume
    leaves the place (when no other volume was found)."""
    if any(label == "volume" for label, _ in spans):
        return spans
    for index, (label, text) in enumerate(spans):
        m = _VOLUME_BEFORE_PLACE.match(text) if label == "location" else None
        if m and len(text) > m.end():
            return spans[:index] + [("volume", m.group(1)), ("location", text[m.end():])] + spans[index + 1:]
    return spans


def _number_closing_an_edited_book(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"In G. Tesauro (Eds.), Advances in Neural Information Processing Systems | 7. | MIT Press.": in
    an edited book, a bare number right after the book's title, before its publisher, is the end of
    the title (the styles that print a book's volume there mark it: "Vol. 7", "(Vol. 7)")."""
    labels = [label for label, _ in spans]
    if "editor" not in labels or "container-title" not in labels:
        return spans
    at = labels.index("container-title")
    if at + 2 < len(spans) and labels[at + 1] in ("volume", "issue") and _BARE_BOOK_NUMBER.fullmatch(spans[at + 1][1]) \
            and labels[at + 2] in ("publisher", "location") and labels.count("volume") + labels.count("issue") == 1:
        return spans[:at] + [("container-title", spans[at][1] + spans[at + 1][1])] + spans[at + 2:]
    return spans


_BARE_BOOK_NUMBER = re.compile(r"\d{1,3}[.,]?\s*")


def _issue_without_volume(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A magazine's issue with no volume, read as the volume: APA 6's "The National Interest, (16),
    3–18" (the parentheses are the issue's) and ABNT's "The National Interest, n. 16" (with the
    "n." left in the journal's name)."""
    labels = [label for label, _ in spans]
    if labels.count("volume") != 1 or "issue" in labels:
        return spans
    at = labels.index("volume")
    if _BRACKETED_NUMBER.fullmatch(spans[at][1]):
        return spans[:at] + [("issue", spans[at][1])] + spans[at + 1:]
    marker = _ISSUE_MARKER_END.search(spans[at - 1][1]) if at and labels[at - 1] == "container-title" else None
    if marker and re.match(r"\s*\d", spans[at][1]):
        container = spans[at - 1][1][:marker.start()]
        return spans[:at - 1] + [("container-title", container + " "), ("issue", marker.group(0).lstrip(" ,") + spans[at][1])] \
            + spans[at + 1:]
    return spans


_BRACKETED_NUMBER = re.compile(r"\s*\(\d{1,5}\)[,:.]?\s*")
_ISSUE_MARKER_END = re.compile(r",?\s(?:n|no|nr|núm|num|Heft)\.\s*$", re.IGNORECASE)


# a journal's "23(6)" or "23 (6)" closing the reference, with nothing after the issue
_VOLUME_ISSUE_END = re.compile(r"(?P<volume>\d{1,4})(?P<issue>\s?\(\d{1,4}\)[.,]?\s*)")
_COMMA_THEN_VOLUME_ISSUE = re.compile(r",?\s\d{1,4}\s?\(\d{1,4}\)[.,]?\s*$")


def _volume_and_issue_read_as_pages_or_note(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An APA article with no pages, "J Clin Endocrinol, 98(98)." or "Cybernetics: Special Issue on
    Scheduling, Planning, and Control, 23(6).": the tagger, used to pages closing a journal reference,
    read the numbers as the pages or left the journal's subtitle and the numbers as a note.  A number
    with a bracketed number after it is a volume and its issue, never a page range; a note between a
    journal ending in a colon and those numbers is the rest of the journal's name."""
    labels = [label for label, _ in spans]
    if "volume" in labels or "issue" in labels:
        return spans
    for at, (label, text) in enumerate(spans):
        if label == "pages" and (numbers := _VOLUME_ISSUE_END.fullmatch(text)):
            return spans[:at] + [("volume", numbers["volume"]), ("issue", numbers["issue"])] + spans[at + 1:]
        if label == "note" and at and labels[at - 1] == "container-title" and at == len(spans) - 1 \
                and spans[at - 1][1].rstrip().endswith(":") and (tail := _COMMA_THEN_VOLUME_ISSUE.search(text)):
            numbers = _VOLUME_ISSUE_END.search(text, tail.start())
            if numbers:
                return spans[:at - 1] + [("container-title", spans[at - 1][1] + text[:numbers.start()]),
                                         ("volume", numbers["volume"]), ("issue", numbers["issue"])]
    return spans


def _software_version_read_as_volume(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """MLA's and Chicago's software "Pandoc. Version | 3.1," read as a journal and its volume: with
    no title found, the name is the title and the number its version."""
    labels = [label for label, _ in spans]
    if "title" in labels or labels.count("container-title") != 1:
        return spans
    at = labels.index("container-title")
    marked = _VERSION_WORD_END.search(spans[at][1])
    if marked is None or at + 1 >= len(spans) or labels[at + 1] != "volume" or not marked.start():
        return spans
    return spans[:at] + [("title", spans[at][1][:marked.start()] + " "),
                         ("version", marked.group(0).lstrip() + spans[at + 1][1])] + spans[at + 2:]


_VERSION_WORD_END = re.compile(r"[.,]?\s(?:Version|Vers\.|V\.|v\.)\s*$")


def _original_date_before_translation(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """MLA's "Les Rites de Passage. 1909. Translated by Monika B. Vizedom, University of Chicago
    Press, 1960.": a year between the title and a translation or edition, with the reference's own
    date later, is the original's date; so is Chicago's year and semicolon after the translator."""
    labels = [label for label, _ in spans]
    for index in range(1, len(spans) - 1):
        if labels[index] == "date" and labels[index - 1] == "translator" and "date" in labels[index + 1:] \
                and re.fullmatch(r"\s*(?:1[5-9]|20)\d\d;\s*", spans[index][1]):
            # Chicago's "Translated by Monika B. Vizedom. 1909; University of Chicago Press, 1960."
            return spans[:index] + [("original-date", spans[index][1])] + spans[index + 1:]
        if labels[index] != "date" or labels[index - 1] != "title" or not _BARE_YEAR.fullmatch(spans[index][1]) \
                or "date" not in labels[index + 1:]:
            continue
        following_label, following = spans[index + 1]
        if following_label in ("translator", "edition") or _TRANSLATED.match(following.lstrip()) \
                or re.match(r"\s*(?:\d{1,2}(?:st|nd|rd|th)\s)?(?:ed\.|edition|Reprint)", following, re.IGNORECASE):
            return spans[:index] + [("original-date", spans[index][1])] + spans[index + 1:]
        return spans
    return spans


def _year_inside_container(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """IEEE Xplore's proceedings names, "Decision and Control, 2001. Proceedings of the 40th IEEE
    Conference on": the tagger cuts the year out and the name in two.  A year between two parts of
    a journal or proceedings name is the name's, when the reference's own date is elsewhere."""
    labels = [label for label, _ in spans]
    for index in range(1, len(spans) - 1):
        if labels[index] == "date" and labels[index - 1] == labels[index + 1] == "container-title" \
                and _BARE_YEAR.fullmatch(spans[index][1]) and labels.count("date") >= 2:
            merged = ("container-title", "".join(text for _, text in spans[index - 1:index + 2]))
            return spans[:index - 1] + [merged] + spans[index + 2:]
    return spans


def _iso690_repeated_year(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ISO 690's article "AUTHOR, 1993. Title. Journal. 1993. Vol. 6, no. 3, p. 141–154.": the year
    printed again before the volume follows the journal, which the tagger ran into the title (or
    the year into the journal)."""
    labels = [label for label, _ in spans]
    if "date" not in labels:
        return spans
    first = labels.index("date")
    year = re.search(r"(?:1[5-9]|20)\d\d", spans[first][1])
    if not year:
        return spans
    for index in range(first + 1, len(spans) - 1):
        label, text = spans[index]
        if labels[index + 1] not in ("volume", "issue", "pages"):
            continue
        if label == "container-title":
            m = re.match(rf"^(?P<journal>.+?\.\s)(?P<year>{year.group(0)}\.\s*)$", text)
            if m:
                return spans[:index] + [("container-title", m.group("journal")), ("date", m.group("year"))] \
                    + spans[index + 1:]
        elif label == "date" and _BARE_YEAR.fullmatch(text) and year.group(0) in text \
                and labels[index - 1] == "title":
            head, dot, journal = spans[index - 1][1].rstrip().rstrip(".").rpartition(". ")
            if dot and head and journal[:1].isupper():
                return spans[:index - 1] + [("title", head + ". "), ("container-title", journal + ". ")] + spans[index:]
        return spans
    return spans


# ACM's "Journal of the ACM 31, 1 (1984), 114–127.": volume, issue, the date in brackets, then pages
_VOLUME_COMMA_ISSUE = re.compile(r"(\s*\w{1,8},\s)(\w{1,8}\s*)")
_BRACKETED_DATE = re.compile(r"\s*\([^()]{0,20}\b(?:1[5-9]|20)\d\d\)")
_PAGES_AFTER_DATE = re.compile(r",\s([A-Za-z]{0,4}\d+(?:\s?[-–]\s?[A-Za-z]{0,4}\d+)?\.?\s*)")


def _acm_issue_before_bracketed_date(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ACM's "Vol, Issue (Date), Pages": the issue read into the volume ("31, 1") or as pages before
    the bracketed date, or the pages read into the date ("(2000), 199–228.").  Only when pages follow
    the date or the year was printed after the names too: Science's "289, 1724 (2000)." has its
    pages before its only date."""
    for index in range(1, len(spans)):
        label, text = spans[index]
        if label != "date" or not (date := _BRACKETED_DATE.match(text)):
            continue
        before_label, before = spans[index - 1]
        tail = text[date.end():]
        pages_inside = _PAGES_AFTER_DATE.fullmatch(tail)
        pages_follow = index + 1 < len(spans) and spans[index + 1][0] == "pages" and tail.strip() == ","
        # (with no pages, ACM's year printed twice, after the names too, tells it from Science's pages)
        dated_twice = any(other == "date" and _year(other_text) == _year(text[:date.end()])
                          for other, other_text in spans[:index - 1]) and tail.strip() in ("", ".")
        if not (pages_follow or pages_inside or dated_twice):
            continue
        fixed = spans[:index - 1]
        if before_label == "volume" and (parts := _VOLUME_COMMA_ISSUE.fullmatch(before)):
            fixed += [("volume", parts.group(1)), ("issue", parts.group(2))]
        elif before_label == "pages" and index >= 2 and spans[index - 2][0] == "volume" \
                and spans[index - 2][1].rstrip().endswith(",") and re.fullmatch(r"\s*\w{1,8}\s*", before):
            fixed += [("issue", before)]
        else:
            fixed += [spans[index - 1]]
        if pages_inside:
            fixed += [("date", text[:date.end()] + ", "), ("pages", pages_inside.group(1))]
        else:
            fixed += [spans[index]]
        if fixed != spans[:index + 1]:
            return fixed + spans[index + 1:]
    return spans


# Copernicus's "Zeitung, 26, 9, 1907.": the year after the pages read into them
_PAGES_THEN_YEAR = re.compile(r"(?P<pages>.*\d[A-Za-z]?,\s)(?P<year>(?:1[5-9]|20)\d\d[a-z]?\.?\s*)")


def _year_read_into_pages(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The reference's only year, last and after a comma, read as the end of its pages."""
    if any(label == "date" for label, _ in spans):
        return spans
    for index, (label, text) in enumerate(spans):
        parts = _PAGES_THEN_YEAR.fullmatch(text) if label == "pages" else None
        if parts:
            return spans[:index] + [(label, parts.group("pages")), ("date", parts.group("year"))] + spans[index + 1:]
    return spans


# "2000. Published " labelled date before a title that goes on in lower case ("studies of...")
_DATE_THEN_WORD = re.compile(r"(?P<date>[^\n]{0,40}?(?:1[5-9]|20)\d\d[a-z]?\)?[.,:]?\s+)(?P<word>[A-Z][a-z]{1,20}\s+)")


def _title_word_read_into_date(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The American Naturalist's "2000. Published studies of inter-rater reliability...": the
    tagger took the title's first word for the date's ("published 2000"), since the title after it
    goes on in lower case; a month or season stays with the date."""
    for index in range(len(spans) - 1):
        label, text = spans[index]
        following = spans[index + 1]
        if label != "date" or following[0] != "title" or not following[1][:1].islower():
            continue
        m = _DATE_THEN_WORD.fullmatch(text)
        if m and m.group("word").strip().lower() not in MONTHS:
            return spans[:index] + [("date", m.group("date")), ("title", m.group("word") + following[1])] + spans[index + 2:]
    return spans
