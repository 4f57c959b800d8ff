"""Styles whose parts are told apart by their punctuation: ACS's edited books and chapters
("Title; Names, Eds.; Publisher: Place, 2009") and DIN 1505's "Names: Title." heads.  Where the
tagger cuts such a reference anywhere, the punctuation decides, and the spans are relabelled
character by character so the text stays whole.
"""

from __future__ import annotations

import re

from ..normalize.names import GIVEN_INITIALS
from ..normalize.publishers import is_place
from .repair.text import DOTTED_INITIALS, FAMILY_WORDS


def char_labels(spans: list[tuple[str, str]]) -> list[str]:
    """The label of every character of the text the spans make."""
    labels: list[str] = []
    for label, piece in spans:
        labels.extend([label] * len(piece))
    return labels


def _overlay(spans: list[tuple[str, str]], pieces: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The spans with the characters of each (start, end, label) piece relabelled; the rest keep
    their labels, and the text is unchanged.  Pieces are in order and do not overlap."""
    text = "".join(piece for _, piece in spans)
    labels = char_labels(spans)
    for start, end, label in pieces:
        labels[start:end] = [label] * (end - start)
    starts = {start for start, _, _ in pieces}
    out: list[tuple[str, str]] = []
    begin = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or labels[index] != labels[begin] or index in starts:
            out.append((labels[begin], text[begin:index]))
            begin = index
    return out


# ACS's chapter "Title. In Book; Smith, J., Doe, J., Eds.; Publisher: Place, 2009; pp 21–37." and
# book "Title; Smith, J., Ed.; Publisher: Place, 2009": every part has its own punctuation.  Found
# by the role mark and read outwards from it, without a regex over the name list (one would
# backtrack exponentially over IEEE's long lists of initials).
_ACS_ROLE_MARK = re.compile(r",?\s(Eds?\.;\s)")
_ACS_PLACE_YEAR = re.compile(r"([^;:]{2,200}):\s([^;:,]{2,60}(?:,\s[A-Z]{2})?),\s((?:1[5-9]|20)\d\d)")


def acs_chapter_imprint(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The parts of ACS's chapter and edited book after the title, by their punctuation, whatever
    the tagger made of them."""
    text = "".join(piece for _, piece in spans)
    role = _ACS_ROLE_MARK.search(text)
    if not role:
        return spans
    names_start = text.rfind("; ", 0, role.start()) + 2
    if names_start < 2:
        return spans
    if not _name_pairs(text[names_start:role.start()]):
        return spans
    imprint = _ACS_PLACE_YEAR.match(text, role.end())
    if not imprint:
        return spans
    head = text[:names_start - 2]
    book_at = head.rfind(". In ")
    pieces: list[tuple[int, int, str]] = []
    if book_at >= 0 and ";" not in head[book_at:]:
        pieces += [(book_at + 2, book_at + 5, "other"), (book_at + 5, names_start, "container-title")]
    elif ";" in head:
        return spans  # a book head is "Title; Names, Ed.;": more semicolons are something else
    pieces += [(names_start, role.start() + 1, "editor"), (role.start(1), role.end(1), "other"),
               (imprint.start(1), imprint.end(1) + 2, "publisher"), (imprint.start(2), imprint.end(2) + 2, "location"),
               (imprint.start(3), imprint.end(3), "date")]
    return _overlay(spans, pieces)


# ACS's book head ends in its role: "Title; Smith, J., Doe, J., Eds.; " or "Author, A. Title; Names,
# Translator; ".  Its author list ends in initials: "van Gennep, A." or "Smith, J.; Doe, J. Title".
_ACS_ROLE_AT_END = re.compile(r",?\s(?:(?P<editor>Eds?|Editors?)|Translators?|Trans)\.?;\s*$")
_ACS_AUTHORS = re.compile(r"^(?P<names>(?:[^;,]{1,60},\s(?:[A-Z]\.[\s-]?){1,4};\s)*[^;,]{1,60},\s(?:[A-Z]\.[\s-]?){1,4})"
                          r"\s+(?P<title>\S.*)$")


def _name_pairs(text: str) -> bool:
    """ "Family, I. I., Family, I." and nothing else: checked by splitting, not by one regex."""
    parts = text.rstrip(", ").split(", ")
    return not len(parts) % 2 and len(parts) <= 60 and all(
        GIVEN_INITIALS.fullmatch(given.strip()) and 0 < len(family) <= 60 and not re.search(r"[\d;]", family)
        for family, given in zip(parts[::2], parts[1::2]))


def acs_names_before_role(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ACS's book "Title; Smith, J., Doe, J., Eds.; Publisher: Place, 2010." (and "Translator;"):
    the tagger cuts title, names and role anywhere (title and editors as one author list, the role
    as the title).  Whatever it said, the names before the role are the editors (or translators),
    and before them come an author list ending in initials and the title, or the title alone."""
    start = 1 if spans and spans[0][0] == "citation-number" else 0
    end = start
    while end < len(spans) and spans[end][0] in ("author", "editor", "translator", "title", "container-title"):
        end += 1
    if end == start or end == len(spans) or spans[end][0] not in ("publisher", "location", "date"):
        return spans
    head = "".join(text for _, text in spans[start:end])
    role = _ACS_ROLE_AT_END.search(head)
    names_start = head.rfind("; ", 0, role.start()) + 2 if role else 1
    if not role or names_start < 4 or not _name_pairs(head[names_start:role.start()]):
        return spans
    front_text = head[:names_start - 2]
    authors = _ACS_AUTHORS.match(front_text)
    front = [("author", authors.group("names") + " "), ("title", authors.group("title") + "; ")] if authors \
        else [("title", front_text + "; ")]
    label = "editor" if role.group("editor") else "translator"
    return spans[:start] + front + [(label, head[names_start:role.start()]), ("other", head[role.start():])] \
        + spans[end:]


_DIN_LAST_INITIALS = re.compile(r"^(?:[A-Z]\.[\s-]?){1,3}:\s+")


def din_initials_before_colon(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """DIN 1505's "Fink, M. | P.: Animal models" and Springer LNCS's "Schneider, | P.: N-substituted":
    the name's last initials, glued to the colon that ends the names, read as the title's first word.
    With no names found at all, LNCS's "DuVal, P.: Homographies..." read whole as the title starts
    with them."""
    for index in range(1, len(spans)):
        label, text = spans[index]
        initials = _DIN_LAST_INITIALS.match(text) if label == "title" and spans[index - 1][0] == "author" else None
        names = spans[index - 1][1].rstrip()
        if initials and (re.search(r",\s(?:[A-Z]\.[\s-]?)+$", names) or re.search(r"[^\W\d_]{2},$", names)):
            return spans[:index - 1] + [("author", spans[index - 1][1] + text[:initials.end()]),
                                        ("title", text[initials.end():])] + spans[index + 1:]
    if not any(label in ("author", "editor") for label, _ in spans):
        for index, (label, text) in enumerate(spans[:2]):
            head = _NAMES_COLON.match(text) if label == "title" else None
            if head and len(text) > head.end():
                return spans[:index] + [("author", head.group(0)), ("title", text[head.end():])] + spans[index + 1:]
    return spans


# "DuVal, P.: " or "Okafor, A., Lund, B.B.: ": inverted names with initials, closed by a colon
_FAMILY = r"[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?"  # one or two words
_NAMES_COLON = re.compile(rf"(?:{_FAMILY},\s(?:[A-Z]\.[\s-]?){{1,3}},?\s){{0,9}}{_FAMILY},\s(?:[A-Z]\.[\s-]?){{0,2}}[A-Z]\.:\s+")


# GOST R 7.0.5's (and ISO 690's) part-of-a-work form: "Anderson J. Composite Registers // Distributed
# Computing. 1993. Т. 6. № 3. С. 141–154." The double slash opens the work the part is in, which
# ends at its editors ("/ под ред."), its imprint ("Place: Publisher") or the year's own sentence;
# "Т." (tom), "№" or "Вып." and "С." (stranitsy) mark the volume, the issue and the pages.
_DOUBLE_SLASH = re.compile(r"\s//\s")
_CONTAINER_END = re.compile(r"\s/\s|\.\s(?=[^.:/\d]{2,60}:\s|,\s|(?:1[5-9]|20)\d\d(?:[–-]\d{2,4})?[a-z]?\.(?:\s|$))")
_SLASH_YEAR = re.compile(r"(?:\.\s)?((?:1[5-9]|20)\d\d(?:[–-]\d{2,4})?[a-z]?)\.(?:\s|$)")
_ROLE_AFTER_SLASH = re.compile(r"\s/\s(?:под\sред\.|ed\.|eds\.)\s")
_GOST_NUMBERS = re.compile(r"(?:Т\.\s?(?P<volume>[^\s.]{1,12})\.\s*)?(?:(?:№|Вып\.)\s?(?P<issue>[^\s.]{1,12})\.\s*)?"
                           r"(?:(?P<page_mark>С\.\s?)(?P<page>\S{1,24}?)\.?\s*)?")
# The names before the title: "Smith J. A., Doe B." or "Vaswani A. и др." (and others)
_GOST_NAME = rf"{FAMILY_WORDS}\s{DOTTED_INITIALS}"
_GOST_NAMES = re.compile(rf"(?:\d{{1,4}}\.\s)?(?:{_GOST_NAME},\s){{0,19}}{_GOST_NAME}(?:\sи\sдр\.)?\s")


def double_slash_container(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The title before the double slash, the container after it up to its end, the year, and the
    volume, issue and pages after the year, whatever the tagger made of them (it has hardly seen the
    form: it read the slash into the title and the Cyrillic marks as a note)."""
    if not any("//" in piece for _, piece in spans):
        return spans  # (the cheap test first: this runs on every reference)
    text = "".join(piece for _, piece in spans)
    slash = _DOUBLE_SLASH.search(text)
    if slash is None:
        return spans
    labels = char_labels(spans)
    pieces: list[tuple[int, int, str]] = []
    names = _GOST_NAMES.match(text)
    if names is not None and names.end() < slash.start() and (
            labels[slash.start() - 1] in ("author", "citation-number") or "title" not in labels[:slash.start()]
            or labels.index("title") < names.end()):
        title_start = names.end()
        number = re.match(r"\d{1,4}\.\s", text)
        if number:
            pieces.append((0, number.end(), "citation-number"))
        pieces.append((number.end() if number else 0, title_start, "author"))
    elif "title" in labels[:slash.start()]:
        title_start = labels.index("title")
    else:
        return spans
    pieces.append((title_start, slash.start(), "title"))
    pieces.append((slash.start(), slash.end(), "other"))
    rest = container_end = slash.end()
    end = _CONTAINER_END.search(text, rest)
    year = _SLASH_YEAR.match(text, rest)
    if year is None and end is not None:
        container_end = end.start() + 1
        pieces.append((rest, container_end, "container-title"))
        role = _ROLE_AFTER_SLASH.match(text, end.start())
        if role:
            pieces.append((container_end, role.end(), "other"))
        year = _SLASH_YEAR.match(text, end.start()) if text[end.start()] == "." else None
    if year is not None:
        if year.start(1) > container_end:
            pieces.append((container_end, year.start(1), "other"))
        pieces.append((year.start(1), year.end(1), "date"))
        numbers = _GOST_NUMBERS.fullmatch(text, year.end())
        if numbers is not None and numbers.end() > numbers.start():
            pieces += _numbers_and_their_marks(numbers, year.end(1), len(text))
    return _overlay(spans, pieces)


# CSL's Japanese terms for the volume, issue and page (SIST 02 and any style rendered in ja-JP):
# "Nature. 2015, 巻 521, 号 7553, ページ. 436–444."
_JAPANESE_NUMBERS = re.compile(r"(?:(?<=\s)巻\s?(?P<volume>[^\s,.]{1,12}),?\s)?(?:号\s?(?P<issue>[^\s,.]{1,12}),?\s)?"
                               r"(?:(?P<page_mark>ページ\.?\s?)(?P<page>[^\s,]{1,24}?))?\.?\s*$")


def japanese_locator_terms(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The numbers after "巻", "号" and "ページ" at the end of a reference are its volume, issue
    and pages, and the terms themselves belong to no field (the tagger, and the rule for CJK
    sentences, read them into the title and the journal)."""
    text = "".join(piece for _, piece in spans)
    if "巻" not in text and "ページ" not in text:
        return spans
    numbers = _JAPANESE_NUMBERS.search(text)
    if numbers is None or not any(numbers.group(name) for name in ("volume", "issue", "page")):
        return spans
    return _overlay(spans, _numbers_and_their_marks(numbers, numbers.start(), len(text)))


def _numbers_and_their_marks(numbers: re.Match[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """The volume, issue and page of a match with those groups labelled, the words around them
    "other", from ``start`` to ``end``; the page keeps its mark ("С. 110", "ページ. 110"), which tells
    a page from the bare number a journal's volume can be."""
    pieces: list[tuple[int, int, str]] = []
    position = start
    for name in ("volume", "issue", "page"):
        if numbers.group(name):
            begin = numbers.start("page_mark") if name == "page" else numbers.start(name)
            pieces += [(position, begin, "other"), (begin, numbers.end(name), "pages" if name == "page" else name)]
            position = numbers.end(name)
    pieces.append((position, end, "other"))
    return pieces


# Angewandte Chemie's chapter and paper in proceedings: "[22] B. Yorke in Myth, Rulership... (Eds.: J.
# Barrow, A. Wareham), Aldershot, 2008, pp. 15–29." and "[12] M. Tambe in Proceedings of ..., AAAI,
# 1996.": given-first names with initials, then "in" and the book, no title of the part.
_INITIALS_NAME = r"[A-Z]\.(?:\s?-?[A-Z]\.){0,3}\s(?:[a-z]{1,3}\s)?[^\W\d_][\w'’-]{0,40}(?:-[^\W\d_][\w'’-]{0,40})?"
_NAMES_IN = re.compile(rf"(?:\[\d{{1,4}}\]\s)?((?:{_INITIALS_NAME},\s){{0,30}}{_INITIALS_NAME})\sin\s(?=[A-Z\d])")
_EDITORS_MARK = re.compile(r"\s\(Eds?\.:\s")


def names_in_book(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The names before " in ", the book after it up to its editors' "(Eds.:" or the tagger's next
    field that is not a name or a title, when the tagger read the names into the book or the book
    into the names."""
    text = "".join(piece for _, piece in spans)
    head = _NAMES_IN.match(text) if " in " in text else None
    if head is None or any(label == "title" and _has_quote(piece) for label, piece in spans):
        return spans
    labels = char_labels(spans)
    book_start = head.end()
    book_end = book_start
    while book_end < len(text) and labels[book_end] in ("author", "title", "container-title"):
        book_end += 1
    editors = _EDITORS_MARK.search(text, book_start)
    if editors and all(
            label in ("author", "title", "container-title", "editor") for label in labels[book_start:editors.start()]):
        book_end = editors.start()
    if book_end == book_start:
        return spans
    # ("in" stays with the book, as AnyStyle labels it: it tells a chapter from a book)
    pieces = [(head.start(1), head.end(1), "author"), (head.end(1), head.end(1) + 1, "other"),
              (head.end(1) + 1, book_end, "container-title")]
    if head.start(1):
        pieces.insert(0, (0, head.start(1), "citation-number"))
    closing = text.find(")", book_end)
    if editors and book_end == editors.start() and closing > 0:
        pieces += [(editors.start(), editors.end(), "other"), (editors.end(), closing, "editor"), (closing, closing + 1, "other")]
        # the imprint after the editors, read as more editors: "(Eds.: J. Barrow, A. Wareham), Aldershot, 2008"
        imprint_end = closing + 1
        while imprint_end < len(text) and labels[imprint_end] in ("editor", "author", "title", "container-title"):
            imprint_end += 1
        if imprint_end > closing + 1:
            imprint = text[closing + 1:imprint_end].strip(" ,.")
            pieces.append((closing + 1, imprint_end, "location" if is_place(imprint) else "publisher"))
    return _overlay(spans, pieces)


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in "“”\"‘’«»")
