"""Span repairs where names and the words around them were cut wrong: a title's first words read
as names, editors' names read into a book or an imprint, forms of address and film credits."""

from __future__ import annotations

import re

from ...normalize.names import PARTICLES
from ...normalize.publishers import PUBLISHER_NAME, is_place
from .text import (
    _DEGREES,
    _EDITOR_ROLE_MARK,
    _IN,
    _NUMBER_LABELS,
    _PARTICLE_ALTERNATION,
    _ROLE,
    _ROLE_PHRASES,
    _SENTENCE_BREAK,
    _TRANSLATED,
    _YEAR_COLON,
    _clean,
    _may_be_a_publisher,
)

# A Vancouver/AMA author list ("Doe JA, Roe R.") followed by more text the tagger took for names
_VANCOUVER_AUTHORS = re.compile(r"^((?:[^\s,.]+(?:\s[^\s,.]+){0,3}\s[A-Z]{1,3}(?:-[A-Z]{1,2})?,\s){0,40}[^\s,.]+"
                                r"(?:\s[^\s,.]+){0,3}\s[A-Z]{1,3}(?:-[A-Z]{1,2})?(?:,\set\sal)?)\.\s+(\S.*)$")


# "Echevarria, M. & Ilundain, A. A. Aquaporins.": a list ending in initials, then one more sentence
_INITIALS_AUTHORS = re.compile(r"^(.{1,2000}?,\s(?:[A-Z]\.[\s-]?){1,4})\s*([^\W\d_][^\s.,]*(?:\s[^\s.,]+){0,6}[.?!]?\s*)$")
_PARTICLE_WORD = re.compile(rf"(?:{_PARTICLE_ALTERNATION})\.?\s*$")
# Nature's chapters: "Title. in Book Title (eds ...)" read as one title
_NATURE_IN = re.compile(r"^(.{3,}?[.?!])\s+[Ii]n:?\s+([A-Z].+)$")


# ACS's "Shin, H.; King, C.-C.; Hu, C. Thin | Oxide...": words after a list's last initials
_ROLE_THEN_WORDS = re.compile(r"^(?P<names>.*,\s(?:editors?|eds?\.?|translators?|trans\.))\.?\s+(?P<spill>[A-Z][^.]*)$")
# Vancouver's and AMA's "In: Smith J, Lund K, eds. The Book." read whole as the editors: no period inside the names
# (also PeerJ's "In: Barrow J, Wareham A eds." with no comma, and the Evolution journal's "in J. Barrow and
# A. Wareham, eds.": names whose initials come first, so the role closes them and does not open them as in
# "in Texturen von Freiheit, ed. by Peskoller")
_INITIALS_THEN_FAMILY = r"(?:[A-Z]\.\s?){1,3}[^\W\d_][\w'’-]*"
_IN_NAMES_THEN_BOOK = re.compile(r"^(?P<names>\s*(?:[Ii]n:\s[^.]{2,300}?,?|in\s" + _INITIALS_THEN_FAMILY
                                 + r"(?:(?:,?\s(?:and|&)|,)\s" + _INITIALS_THEN_FAMILY + r"){0,6},)"
                                 + r"\s(?:editors?|eds?)\.)\s+(?P<book>\S.*)$")
_AFTER_INITIALS = re.compile(r"^(?P<names>.*[;,]\s?[A-Z]\.(?:[\s-]?[A-Z]\.){0,3})\s+"
                             r"(?P<spill>[A-Z][^\s;]*(?:\s[^\s;]+){0,2}\s*)$")
# Science's and PNAS's "J. Xiong, W. M. Fischer, C. E. Bauer,": names whose initials come first, so a
# word after the last initials is that person's family name, not the title's first word
_GIVEN_FIRST_LIST = re.compile(r"\s*(?:[A-Z]\.[\s-]?){1,4}\s?(?:[^\W\d_][\w'’-]*\s){0,2}[^\W\d_][\w'’-]*,\s")

# Names that end at their last period or comma, then up to four capitalised words
_NAMES_THEN_WORDS = re.compile(r"(?P<names>.+[.,])\s(?P<spill>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}\s)")


def _title_words_read_as_names(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Shin H, King C-C, Hu C. Thin | Oxide Damage...": the first words of the title after a
    Vancouver author list's closing period, read as a name, go back to the title (and after
    ACS's "Hu, C." initials)."""
    for position in range(len(spans) - 1):
        label, text = spans[position]
        if label not in ("author", "editor"):
            continue
        year_colon = position + 2 < len(spans) and spans[position + 1][0] == "date" and \
            _YEAR_COLON.fullmatch(spans[position + 1][1]) and spans[position + 2][0] == "title"
        # (after a full given name the names end at their last period, when the reference has its own
        # date elsewhere: "Kaplan, Lawrence S. NATO | 1948: | The Birth...")
        own_date = any(other == "date" for other, _ in spans[:position] + spans[position + 2:])
        spilled = (_AFTER_INITIALS.match(text) or (_NAMES_THEN_WORDS.fullmatch(text) if own_date else None)) \
            if year_colon else None
        if spilled and not re.search(r"\b[A-Z]\.", spilled.group("spill")):
            # "Kaplan, L. S. NATO | 1948: | The Birth...": a title that starts with a name and a year
            title = ("title", spilled.group("spill") + spans[position + 1][1] + spans[position + 2][1])
            return spans[:position] + [(label, spilled.group("names") + " "), title] + spans[position + 3:]
        book = _IN_NAMES_THEN_BOOK.match(text) if label == "editor" else None
        joined = spans[position + 1][0] in ("title", "container-title")
        if book and spans[position + 1][0] == "note" and not re.search(r"[.?!]\s*$", book.group("book")):
            # "…, eds. Myth, Rulership, Church | and Charters: Essays…Brooks. Aldershot, 15–29." labelled
            # note: the book goes on to the note's first sentence (or takes all of a note that has none)
            note = spans[position + 1][1]
            first_break = _SENTENCE_BREAK.search(note)
            end = first_break.end() if first_break else len(note)
            container = ("container-title", book.group("book") + note[:end])
            rest = note[end:]
            return (spans[:position] + [(label, book.group("names") + " "), container]
                    + ([("note", rest)] if rest else []) + spans[position + 2:])
        if book and (joined or not any(other == "container-title" for other, _ in spans)):
            # "In: Smith J, editor. U.S. | discrete military operations." or "..., eds. Texturen von
            # Freiheit. | Innsbruck University Press": the book after the role, whole or its first words
            # (a "Place:" left at its end is cut off later, as at any book's end)
            container = ("container-title", book.group("book") + (spans[position + 1][1] if joined else ""))
            return spans[:position] + [(label, book.group("names") + " "), container] + spans[position + 1 + joined:]
        role = _ROLE_THEN_WORDS.match(text)
        if role and label == "editor" and spans[position + 1][0] == "container-title":
            # Vancouver's "In: Barrow AW, ed. Myth, Rulership, | Church and Charters": the book's first words
            container = ("container-title", role.group("spill") + spans[position + 1][1])
            return spans[:position] + [(label, role.group("names") + " "), container] + spans[position + 2:]
        if spans[position + 1][0] != "title":
            continue
        if role:  # MLA's "Mitchell, C., editor. Clinical | Gynecologic ...": the words after the role
            title = ("title", role.group("spill") + spans[position + 1][1])
            return spans[:position] + [(label, role.group("names") + " "), title] + spans[position + 2:]
        acs = _AFTER_INITIALS.match(text)
        quoted_title = spans[position + 1][1].lstrip()[:1] in "“\"‘«"  # Chicago's "A. Wegrzyn, et al. “Title.”"
        if acs and not quoted_title and not _GIVEN_FIRST_LIST.match(text) and not re.match(r"(?:Jr|Sr|II|III|IV|et al)\b", acs.group("spill")) \
                and not re.search(r"\b[A-Z]\.|\bet al\b", acs.group("spill")):
            title = ("title", acs.group("spill") + spans[position + 1][1])
            return spans[:position] + [(label, acs.group("names") + " "), title] + spans[position + 2:]
        spill = _VANCOUVER_AUTHORS.match(text)
        # ("David Mosberger and Larry L. Peterson.": a given-first pair, not a Vancouver name "... Larry L")
        if spill and not re.search(r"\s[A-Z]{1,3}[.,]?\s*$", spill.group(2)) and len(spill.group(2).split()) <= 3 \
                and not re.search(r"\s(?:and|&)\s[^,]*$", spill.group(1)) \
                and not _EDITOR_ROLE_MARK.search(spill.group(2).rstrip()):  # Harvard's "in J. Smith (ed.)"
            title = ("title", spill.group(2) + spans[position + 1][1])
            return spans[:position] + [(label, spill.group(1) + ". "), title] + spans[position + 2:]
    return spans


def _split_vancouver_authors(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Echevarria M, Ilundain AA. Aquaporins." (or "Echevarria, M. & Ilundain, A. A. Aquaporins.")
    labelled author: the text after the list's last initials is the title when the tagger found none;
    and Nature's "Title. in Book" labelled title is a title and a container."""
    out: list[tuple[str, str]] = []
    for _ in range(3):  # each call repairs one place: the author's spill, then an editor's
        repaired = _title_words_read_as_names(spans)
        if repaired == spans:
            break
        spans = repaired
    has_title = any(label == "title" for label, _ in spans)
    has_container = any(label == "container-title" for label, _ in spans)
    for position, (label, text) in enumerate(spans):
        vancouver = _VANCOUVER_AUTHORS.match(text) if label == "author" and not has_title else None
        initials = _INITIALS_AUTHORS.match(text) if label == "author" and not has_title and not vancouver else None
        # (with a container, only the one right after, its book's subtitle: "Title. in Reasoning about
        # Actions: | Proceedings of the 1986 Workshop")
        book_follows = position + 1 < len(spans) and spans[position + 1][0] == "container-title" \
            and not _IN.match(spans[position + 1][1])
        nature = _NATURE_IN.match(text) if label == "title" and (not has_container or book_follows) else None
        if vancouver and not re.search(r"\s[A-Z]{1,3}[.,]?\s*$", vancouver.group(2)):
            out.extend([(label, vancouver.group(1) + ". "), ("title", vancouver.group(2))])
        elif initials and not re.fullmatch(r"(?:Jr|Sr|II|III|IV|et al|[A-Z])\.?\s*", initials.group(2)) \
                and not _PARTICLE_WORD.fullmatch(initials.group(2)):
            out.extend([(label, initials.group(1) + " "), ("title", initials.group(2))])
        elif nature:
            out.extend([(label, nature.group(1) + " "), ("container-title", nature.group(2))])
        else:
            out.append((label, text))
    return out


# Nature's chapter: "in Book Title (ed. Smith, J.) 133–134 (Publisher, 2010)." -- the editors in brackets after the book
_BOOK_THEN_BRACKETED_EDITORS = re.compile(r"^(?P<book>\s*(?:in\s)?[^()]{3,300}?)\s(?P<editors>\((?:eds?|Eds?)\.\s[^()]{2,300}\)\s*)$")


def _editors_bracketed_after_the_book(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Nature's "in U.S. discrete military operations (ed. | Smith, J.) 133–134": the book and its
    bracketed editors, however the tagger cut them between container and editor, are the book up to
    the bracket and the editors inside it."""
    for start, (label, _) in enumerate(spans):
        if label not in ("container-title", "editor"):
            continue
        end = start
        while end < len(spans) and spans[end][0] in ("container-title", "editor"):
            end += 1
        joined = _BOOK_THEN_BRACKETED_EDITORS.match("".join(text for _, text in spans[start:end]))
        if joined is None or not (joined.group("book").lstrip().startswith("in ")
                                  or any(spans[i][0] == "container-title" for i in range(start, end))):
            return spans
        return (spans[:start] + [("container-title", joined.group("book") + " "), ("editor", joined.group("editors"))]
                + spans[end:])
    return spans


# RSC's and APS's thesis, printed with no title: "M. Junge, Dissertation, Universität Kassel, 2007."
_THESIS_AFTER_NAMES = re.compile(rf"(?P<names>.{{2,2000}}?,\s)(?P<genre>(?:(?:{_DEGREES})\s)?(?:[Tt]hesis|[Dd]issertation)"
                                 r"|Habilitation(?:sschrift)?|Diplomarbeit),\s(?P<university>[^\d,]{2,120}(?:,\s[^\d,]{2,60})?,\s)")


def _thesis_read_into_the_names(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"M. Junge, Dissertation, Universität Kassel, | 2007." read whole as the author: a thesis's
    names, its kind and its university (the publisher), when no title was found."""
    if any(label == "title" for label, _ in spans):
        return spans
    for position, (label, text) in enumerate(spans):
        thesis = _THESIS_AFTER_NAMES.fullmatch(text) if label == "author" else None
        if thesis:
            return spans[:position] + [("author", thesis.group("names")), ("genre", thesis.group("genre") + ", "),
                                       ("publisher", thesis.group("university"))] + spans[position + 1:]
    return spans


_NAMES_THEN_IN_BOOK = re.compile(r"(?P<names>.{2,2000}?,\s)(?P<book>in\s[A-Z].*)")


def _book_read_into_the_names(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """RSC's untitled chapter "B. Yorke, in Myth, Rulership, | Church and Charters, eds ...": the
    "in" and the book after given-first names, read as more names, are the container (with the
    title span the tagger found after them)."""
    for position, (label, text) in enumerate(spans):
        chapter = _NAMES_THEN_IN_BOOK.fullmatch(text) if label == "author" else None
        if chapter is None or not _given_first_names(chapter.group("names")):
            continue
        joined = position + 1 < len(spans) and spans[position + 1][0] in ("title", "container-title")
        book = chapter.group("book") + (spans[position + 1][1] if joined else "")
        return spans[:position] + [("author", chapter.group("names")), ("container-title", book)] \
            + spans[position + 1 + joined:]
    return spans


_ROLE_NAMES_THEN_IMPRINT = re.compile(r"(?P<role>\s*(?:eds?\.?|ed\.|edited\sby)\s)(?P<names>.{2,600}?,\s)"
                                      r"(?P<first>[^,\d]{2,60}?)(?:,\s(?P<second>[^,\d]{2,60}?))?,\s*")


def _imprint_read_into_the_editors(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """RSC's "eds J. Barrow and A. Wareham, Aldershot, 2008": the known place (or a publisher's
    name) after the given-first names of the editors is the imprint, not one more editor."""
    for position, (label, text) in enumerate(spans):
        editors = _ROLE_NAMES_THEN_IMPRINT.fullmatch(text) if label == "editor" else None
        if editors is None or not _given_first_names(editors.group("names")):
            continue
        first, second = editors.group("first"), editors.group("second")
        if second is None:
            kind = "location" if is_place(first) else "publisher" if PUBLISHER_NAME.search(first) else None
            if kind is None:
                return spans
            imprint = [(kind, text[editors.start("first"):])]
        elif is_place(second) and not is_place(first):
            imprint = [("publisher", text[editors.start("first"):editors.start("second")]),
                       ("location", text[editors.start("second"):])]
        else:
            return spans
        return spans[:position] + [(label, text[:editors.start("first")])] + imprint + spans[position + 1:]
    return spans


def _title_head_before_quote(words: str) -> bool:
    """"Comment on: “K-Ar evidence …”": a head ending in a colon and holding a lower-case word
    that is no particle and no "and" opens the title (a reply, a review, a comment on another
    work); names never hold such a word, so it is not the author list's end."""
    if not words.rstrip().endswith(":"):
        return False
    return any(word[:1].islower() and word.lower() not in PARTICLES and word not in ("and", "et", "al.", "al")
               for word in re.findall(r"[^\s,;:]+", words))


def _names_before_quoted_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"LeCun, Yann, | Yoshua Bengio, and Geoffrey Hinton. “Deep Learning.”" with the end of the
    author list read as title: in styles that quote titles, what precedes the opening quote in the
    title span belongs to the names before it (or is the author, when there is none)."""
    for position, (label, text) in enumerate(spans):
        if label != "title":
            continue
        m = re.match(r"^([^“”\"]{2,}?)\s*([“\"][^“”\"]{2,}[”\"][.,]?\s*)$", text)
        if not m:
            return spans
        if _title_head_before_quote(m.group(1)):
            return spans
        names = m.group(1) + " "
        if position > 0 and spans[position - 1][0] == "author":
            merged = ("author", spans[position - 1][1] + names)
            return spans[:position - 1] + [merged, ("title", m.group(2))] + spans[position + 1:]
        if position == 0 or spans[position - 1][0] == "citation-number":
            return spans[:position] + [("author", names), ("title", m.group(2))] + spans[position + 1:]
        return spans
    return spans


# A person named with a form of address: no citation style writes its authors so, titles do
_HONORIFIC_HEAD = re.compile(r"(?:Dr|Mr|Mrs|Ms|Mme|Prof|Sgt|Capt)(?:\.?\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?[.,;]?\s*|\.\s*)")


def _form_of_address_read_as_author(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Mr. Smith | Goes to Washington", "Dr. Strangelove. | Columbia Pictures; 1964.": a title
    that starts with a form of address, read as an author.  It is a title when the name is cut
    mid-sentence, when nothing else is a title, or when the "title" after it (after its date, in
    "Dr. Strangelove (1964). Columbia Pictures.") is a short imprint-like sentence standing where
    the publisher is missing.  (A pen name such as "Dr. Seuss. Green Eggs and Ham. Random House"
    keeps its author: there the publisher is found.)"""
    start = 1 if spans and spans[0][0] == "citation-number" else 0
    name = _HONORIFIC_HEAD.match(spans[start][1]) if len(spans) >= start + 2 and spans[start][0] == "author" else None
    if name is None or sum(label == "author" for label, _ in spans) > 1:
        return spans
    head, rest = spans[start][1][:name.end()], spans[start][1][name.end():]
    titles = [index for index, (label, _) in enumerate(spans) if label == "title"]
    if rest:  # "Dr. Strangelove. Columbia Pictures, | 1964.": the title, then its imprint, as one name
        if titles or head.rstrip()[-1:] not in ".;" or any(label == "publisher" for label, _ in spans) \
                or not _may_be_a_publisher(_clean(rest)) or re.search(r"(?i)\b(?:by|dir|eds?)\b", rest):
            # (MLA's "Dr. Strangelove. Directed by Stanley Kubrick," is the film's credits: see _film_credits)
            return spans
        return spans[:start] + [("title", head), ("publisher", rest)] + spans[start + 1:]
    if not titles:
        return spans[:start] + [("title", head)] + spans[start + 1:]
    bare = not re.search(r"\s\S", head.strip())  # "Mr. | Okafor Goes to Leeds": the form of address alone
    if titles[0] == start + 1 and (bare or not head.rstrip().endswith(".")):
        return spans[:start] + [("title", head + spans[start + 1][1])] + spans[start + 2:]
    if len(titles) > 1 or any(label in ("container-title", "publisher") for label, _ in spans):
        return spans
    at = titles[0]
    imprint = _clean(spans[at][1])
    right_after = start + 2 if spans[start + 1][0] == "date" else start + 1  # the name's date may come between
    if at != right_after or ". " in imprint or not _may_be_a_publisher(imprint):
        return spans
    return spans[:start] + [("title", head)] + spans[start + 1:at] + [("publisher", spans[at][1])] + spans[at + 1:]


# A Vancouver author at the start of a title span: "Goethe JW von. Faust." (not "Star Wars IV. A New Hope")
_VANCOUVER_HEAD = re.compile(r"^(?P<names>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}\s(?![IVX]+\b)[A-Z]{1,3}"
                             r"(?:\s(?:von|van|de|da|der|den|di|du|la|le))?)\.\s+(?P<title>\S.*)$")


def _vancouver_author_in_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """BMJ's "Goethe JW von. Faust." read as one title when no span is an author."""
    if any(label in ("author", "editor") for label, _ in spans):
        return spans
    for position, (label, text) in enumerate(spans):
        if label == "citation-number":
            continue
        m = _VANCOUVER_HEAD.match(text) if label == "title" else None
        if m:
            return spans[:position] + [("author", m.group("names") + ". "), ("title", m.group("title"))] + \
                spans[position + 1:]
        return spans
    return spans


_DIRECTED_BY = re.compile(r"^(?P<title>.+?[.?!])\s+Directed by\s+(?P<names>.+)$")
_DIRECTOR_MARK = re.compile(r",?\s(?:dir\.|director)\s*$", re.IGNORECASE)


def _film_credits(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Films: MLA's "Dr. Strangelove. Directed by Stanley Kubrick," and Chicago's "Kubrick, Stanley,
    dir." read as author names: the title and the director."""
    out: list[tuple[str, str]] = []
    for label, text in spans:
        directed = _DIRECTED_BY.match(text) if label == "author" else None
        if directed:
            out.extend([("title", directed.group("title") + " "), ("director", directed.group("names"))])
        elif label == "author" and _DIRECTOR_MARK.search(text):
            out.append(("director", _DIRECTOR_MARK.sub("", text) + " "))
        else:
            out.append((label, text))
    return out


def _names_spilling_into_imprint(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"edited by Jane Smith. Stanford | University Press": words after the sentence that ends the
    editors' names start the publisher (or place) that follows.  After the book ("In Book, edited by
    J. Smith. Ministry of Education, | Department of Schools.") a second "book" is that publisher."""
    for position in range(len(spans) - 1):
        label, text = spans[position]
        following_label, following = spans[position + 1]
        second_book = following_label == "container-title" and any(
            earlier == "container-title" for earlier, _ in spans[:position])
        if label not in ("editor", "translator") or following_label not in ("publisher", "location") and not second_book:
            continue
        m = re.match(r"^(.*[a-z]{2}\.)\s+([A-Z][^\s.,;:]*(?:\s[^\s.,;:]+){0,2},?\s*)$", text)
        if m and not (second_book and any(other in _NUMBER_LABELS for other, _ in spans[position:])):
            spilled_into = "publisher" if second_book else following_label
            return (spans[:position] + [(label, m.group(1) + " "), (spilled_into, m.group(2) + following)]
                    + spans[position + 2:])
        # ... and the other way: "Translated by Monika B. | Vizedom, University of Chicago Press"
        surname = re.match(r"([A-Z][\w'’-]+,\s)(?=\S)", following)
        if surname and re.search(r"\s[A-Z]\.\s*$", text) and PUBLISHER_NAME.search(following[surname.end():]):
            return (spans[:position] + [(label, text + surname.group(1)), (following_label, following[surname.end():])]
                    + spans[position + 2:])
    return spans


# "Translated by Monika | B. Vizedom.": a role's names cut before the middle initial
_ROLE_VERB = r"(?i:translated|edited|directed)"
_ROLE_CUT_BEFORE_INITIAL = re.compile(rf"{_ROLE_VERB}\sby\s(?:[A-Z][\w'’-]+\s){{1,2}}")
_INITIAL_AND_FAMILY = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\.\s*")
# "Translated | by Ada K. Mensah.": the role's words alone, its names read as a second author
_ROLE_ALONE_WORDS = re.compile(rf"\s*{_ROLE_VERB}(?:\sby)?\s*")
_BY_NAMES = re.compile(r"(?:by\s)?[A-Z][\w'’-]+(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}[.,]\s*")


def _role_names_read_as_authors(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Chicago's "Translated by Monika B. Vizedom." cut before "B." (or after "Translated"), the rest
    then read as an author: those names finish the translator's (editor's, director's)."""
    for position in range(len(spans) - 1):
        label, text = spans[position]
        following_label, following = spans[position + 1]
        if following_label != "author":
            continue
        named_before = any(earlier == "author" for earlier, _ in spans[:position])
        role_closing_the_book = _ROLE_CLOSING_THE_BOOK.search(text) if label in ("title", "container-title") else None
        if role_closing_the_book and named_before and _given_first_names(following):  # RSC's "in Book 7, eds | G. Tesauro, ..."
            return spans[:position] + [(label, text[:role_closing_the_book.start() + 1] + " "),
                                       ("editor", role_closing_the_book.group(1) + following)] + spans[position + 2:]
        # RSC's "in Book, eds | G. Tesauro, D. S. Touretzky and J. Alspector, MIT Press" (the "eds" read
        # as an editor, or as pages after a volume)
        if _ROLE_ALONE.fullmatch(text) and label != "author" and named_before and _given_first_names(following):
            return spans[:position] + [("editor", text + following)] + spans[position + 2:]
        # "edited by K. Smith and | D. E. Walter, Third Edition": the editors' list cut at its "and"
        if label == "editor" and (text.endswith(" and ") or following.startswith("and ")) and named_before \
                and _given_first_names(following):
            return spans[:position] + [("editor", text + following)] + spans[position + 2:]
        if label not in ("translator", "editor", "director"):
            continue
        cut_name = _ROLE_CUT_BEFORE_INITIAL.fullmatch(text) and _INITIAL_AND_FAMILY.fullmatch(following)
        names_after_role = _ROLE_ALONE_WORDS.fullmatch(text) and _BY_NAMES.fullmatch(following) and named_before
        if cut_name or names_after_role:
            return spans[:position] + [(label, text + following)] + spans[position + 2:]
    return spans


_GIVEN_FIRST_NAME = re.compile(r"(?:and\s)?(?:[A-Z]\.[\s-]?){1,4}\s?[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?")
_ROLE_ALONE = re.compile(r"\s*\(?(?:eds?|editors?)\.?\)?[.,]?\s*", re.IGNORECASE)
_ROLE_CLOSING_THE_BOOK = re.compile(r",\s((?:eds?\.?|edited\sby)\s*)$")


def _given_first_names(text: str) -> bool:
    """Whether ``text`` is only a list of given-first names with initials ("G. Tesauro, D. S.
    Touretzky and J. Alspector,")."""
    return all(_GIVEN_FIRST_NAME.fullmatch(name) for name in _list_pieces(text)[::2])


def _list_pieces(text: str) -> list[str]:
    """A name list cut at its commas and "and"s, the separators kept between: names, separators,
    names... (a closing comma dropped)."""
    return re.split(r"(,\s(?:and\s)?|\sand\s)", text.rstrip().rstrip(","))


def _book_before_given_first_names(text: str) -> str | None:
    """The book's title when ``text`` is "Book Title, J. Smith and K. Lund" (given-first names after a
    comma that ends the title), with that comma; None when no such names end it."""
    pieces = _list_pieces(text)
    cut = len(pieces)
    while cut > 2 and _GIVEN_FIRST_NAME.fullmatch(pieces[cut - 1].strip()):
        cut -= 2
    if cut == len(pieces) or not pieces[cut].startswith(","):
        return None
    return "".join(pieces[:cut + 1])


# IEEE's chapter "in Book Title, J. Smith and K. Lund, Eds.," read whole as the editors
# (Science's "in Book, K. Munanga, Ed. (Publisher, Place," also reads the bracketed imprint into them)
_IN_BOOK_THEN_EDITORS = re.compile(r"(?P<in>\s*in\s)(?P<rest>[^\s,].{0,400}?)(?P<role>,\s(?:Eds?|eds?)\.,?\s*)"
                                   r"(?P<imprint>\([^()]{2,300})?")


def _editors_closing_the_book(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Cell's chapter "In Book Title, J. Smith and K. Lund, eds. (Press)": the tagger reads the
    editors' names into the book and only "eds." as the editors (or, IEEE's "in Book Title, J. Smith,
    Ed.,", the book into the editors).  The given-first names at the end of the book, just before
    the role, are the editors."""
    has_container = any(label == "container-title" for label, _ in spans)
    for index in range(1, len(spans)):
        ieee = _IN_BOOK_THEN_EDITORS.fullmatch(spans[index][1]) if spans[index][0] == "editor" else None
        if ieee and not has_container:
            head = _book_before_given_first_names(ieee.group("rest"))
            if head is not None:
                imprint = [("publisher", ieee.group("imprint"))] if ieee.group("imprint") else []
                return spans[:index] + [("container-title", ieee.group("in") + head),
                                        ("editor", ieee.group("rest")[len(head):] + ieee.group("role"))] \
                    + imprint + spans[index + 1:]
        if spans[index][0] != "editor" or spans[index - 1][0] != "container-title" \
                or not _ROLE_ALONE.fullmatch(spans[index][1]):
            continue
        book = spans[index - 1][1]
        head = _book_before_given_first_names(book)
        if head is None:
            return spans  # no names at the end, or none after a comma that ends the book's title
        return spans[:index - 1] + [("container-title", head), ("editor", book[len(head):] + spans[index][1])] \
            + spans[index + 1:]
    return spans


_COLLABORATION_WORD = re.compile(r"\b(?:Collaboration|Consortium|Group|Team)\b")
_COLLABORATION = re.compile(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3}\s(?:Collaboration|Consortium)")


def _work_read_into_given_first_names(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """RSC's "S. Ohta and P. J. Simmons, Blood, 1994, 84, 4164–4173.": a style that prints no
    article title puts the journal straight after given-first names, and the tagger reads it as one
    more name.  The words after the last name are the journal (the title when no numbers follow, or
    when a journal was found: APS's "M. Echevarria and A. A. Ilundain, Aquaporins, | J Physiol Biochem").
    With a title right after the names, the words are that title's first ones (Science's "P. DuVal,
    Homographies, | Quaternions and Rotations (Clarendon Press, 1964)")."""
    has_title = any(label == "title" for label, _ in spans)
    has_container = any(label == "container-title" for label, _ in spans)
    for position, (label, text) in enumerate(spans):
        if label != "author":
            continue
        if has_title and (position + 1 == len(spans) or spans[position + 1][0] != "title"
                          or not text.rstrip().endswith(",")):
            return spans
        pieces = _list_pieces(text)
        names, work = pieces[:-2], pieces[-1].strip()
        # (or one collaboration's name: RSC's "ATLAS Collaboration, JINST, 2008, 3, S08003.")
        collaboration = len(names) == 1 and not has_container and _COLLABORATION.fullmatch(names[0].strip())
        if not names or not (collaboration or all(_GIVEN_FIRST_NAME.fullmatch(name.strip()) for name in names[::2])) \
                or _GIVEN_FIRST_NAME.fullmatch(work) or not re.match(r"[^\W\d_]", work) \
                or re.search(r"\bet al\b|\b[A-Z]\.\s|^(?:Jr|Sr|II|III|IV|[Ee]ds?|[Ee]ditors?)\b", work) \
                or len(work.split()) > 8:
            return spans
        if has_container and (not text.rstrip().endswith(",") or "," in work
                              or _COLLABORATION_WORD.search(work)):
            return spans  # "J. Gasser, Lect. | Notes Phys.": the journal's first word; "R. Diener, LCTPC Collaboration"
        cut = text.rindex(work)
        if has_title:
            if _COLLABORATION_WORD.search(work) or re.search(r"\b[A-Z]\.[A-Z]", work) \
                    or spans[position + 1][1].lstrip()[:1] in "“\"‘«":
                return spans  # (a quoted title starts where its quote does; "M.Gasperini" is a name)
            return spans[:position] + [(label, text[:cut]), ("title", text[cut:] + spans[position + 1][1])] \
                + spans[position + 2:]
        numbers = any(other in _NUMBER_LABELS for other, _ in spans[position + 1:])
        work_label = "container-title" if numbers and not has_container else "title"
        return spans[:position] + [(label, text[:cut]), (work_label, text[cut:])] \
            + spans[position + 1:]
    return spans


# Copernicus's "Echevarria, M. and Ilundain, A. A.: Aquaporins,": the names end at the colon
_NAMES_COLON_TITLE = re.compile(r"(?P<names>.{2,2000}?[A-Z]\.:\s)(?P<title>[^\W\d_][^:]{0,400})")


def _title_after_the_names_colon(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Words after the colon that closes the authors' initials, read into the names, are the title
    (when no title was found)."""
    if any(label == "title" for label, _ in spans):
        return spans
    for index, (label, text) in enumerate(spans):
        parts = _NAMES_COLON_TITLE.fullmatch(text) if label == "author" else None
        if parts and not re.search(r"\b[A-Z]\.", parts.group("title")):
            return spans[:index] + [(label, parts.group("names")), ("title", parts.group("title"))] + spans[index + 1:]
    return spans


def _unmarked_editors_heading_the_reference(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Harvard's "Hughes, GE & Cresswell, JM 1968, Title": names that open the reference with no
    role word beside them are its authors, though the tagger labelled them editors."""
    if any(label == "author" for label, _ in spans):
        return spans
    first = 1 if spans and spans[0][0] == "citation-number" else 0
    if first < len(spans) and spans[first][0] == "editor":
        following = spans[first + 1][1] if first + 1 < len(spans) else ""
        after = following.lstrip(" [")
        if not (_ROLE.search(spans[first][1]) or _TRANSLATED.search(spans[first][1]) or _ROLE.match(after)
                or _TRANSLATED.match(after)):
            return spans[:first] + [("author", spans[first][1])] + spans[first + 1:]
    return spans


# Harvard's "Fisher, I 1934," and "Takeda, S 1991,": initials with no periods before the year
_BARE_INITIALS_BEFORE_YEAR = re.compile(r"(?P<initials>[A-Z]{1,3}(?:-[A-Z])?\s)(?=\(?(?:1[5-9]|20)\d\d)")


def _bare_initials_after_the_last_family(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The last author's initials, printed without periods between "Family," and the year, read as
    the start of the date or the title: they finish the names."""
    for index in range(1, len(spans)):
        label, text = spans[index]
        names = spans[index - 1][1]
        initials = _BARE_INITIALS_BEFORE_YEAR.match(text) if label in ("date", "title") else None
        if initials and spans[index - 1][0] in ("author", "editor") and re.search(r"[^\W\d_]{2},\s*$", names):
            return spans[:index - 1] + [(spans[index - 1][0], names + initials.group(0)),
                                        (label, text[initials.end():])] + spans[index + 1:]
    return spans


# A localised "edited by" closing a container span
_ROLE_PHRASE_END = re.compile(rf"(?i)(?<=[.,\s])(?:{_ROLE_PHRASES})\s*$")


def _role_phrase_closing_the_book(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Chicago's French "Dans Book Title. Sous la direction de | G. Tesauro": the role phrase read
    into the book before the editors' names goes with the names."""
    for index in range(len(spans) - 1):
        label, text = spans[index]
        role = _ROLE_PHRASE_END.search(text) if label == "container-title" and spans[index + 1][0] == "editor" else None
        if role and role.start() > 0:
            return spans[:index] + [(label, text[:role.start()]), ("editor", text[role.start():] + spans[index + 1][1])] \
                + spans[index + 2:]
    return spans
