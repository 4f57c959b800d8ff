"""Tagged spans to a CSL item, with the reference-list parser's normalisers (names, dates, pages,
identifiers); the type is inferred from the labels present.  Text no rule can place goes to
``note``, so nothing the reference holds is lost."""

from __future__ import annotations

import re
from typing import Any

from ..csl import Item, date_to_csl
from ..normalize.dates import month_number, parse_date
from ..normalize.journals import JOURNAL_ABBREVIATIONS
from ..normalize.identifiers import find_identifiers, find_urls, isbn_is_valid, normalise_doi, normalise_isbn
from ..normalize.names import PARTICLES, is_organisation, parse_name, split_name_list, vancouver_names
from ..normalize.publishers import KNOWN_PLACES, PUBLISHER_NAME, TOWN_AND_STATE, is_place
from . import tag_reference
from .cjk import CJK, CJK_NAME, GBT_DATES, GBT_MARK, GBT_TYPES, cjk_sentences
from .punctuated import acs_chapter_imprint, acs_names_before_role, din_initials_before_colon

_EDGE = " \t.,;:([{'\"“”‘’«»"
_ROLE = re.compile(r"\(?\b(?:edited by|ed\. by|editors?\b|eds?\.?(?!\w)|hrsg\.?(?!\w)|directors?\b|dir\.?(?!\w)|comp\.?(?!\w))\)?[.,:]?", re.IGNORECASE)
_IN = re.compile(r"^\s*(?:in|in:|dans|en)\s+", re.IGNORECASE)
_TRANSLATED = re.compile(r"\b(?:translated by|trans\.?( by)?|transl\.?( by)?|tr\.)\s*", re.IGNORECASE)
_PAGES = re.compile(r"(?:pp?\.|pages?|S\.)?\s*([A-Za-z]*\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]*\d+[A-Za-z]?)?)")
_NUMBER = re.compile(r"[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?|[IVXLCDM]+\b")
_VANCOUVER = re.compile(r"(?P<year>(?:1[5-9]|20)\d\d)(?:[-–](?:1[5-9]|20)\d\d)?(?:\s(?P<month>[A-Z][a-z]{2})(?:\s(?P<day>\d{1,2}))?)?\s?;\s?(?P<volume>(?=\w{0,5}\d)\w{1,6}|[IVXLC]{1,6}\b)?"
                        r"(?:\s?\((?P<issue>[^)]{1,12})\))?(?:\s?:\s?(?P<page>[A-Za-z]{0,8}\d+[A-Za-z]?(?:[-–]\w+)?))?")
_VOLUME_PAGES = re.compile(r"(\d{1,6})\s?(?:\(([^()]{1,12})\))?(?::|,(?=\s?[A-Za-z]{0,8}\d))\s?([A-Za-z]{0,8}\d+[A-Za-z]?(?:\s?[-–]\s?[A-Za-z]{0,8}\d+)?)\.?$")
_CHICAGO_TAIL = re.compile(r"(?<![\w./-])(?<!no\.\s)(?<!No\.\s)(\d{1,6})(?:,\sno\.\s?(\w{1,8}))?\s"
                           r"\((?:[^()]{0,24}\b\d{4}|[A-Z][a-z]{2,9}\.?(?:[\s/–-][A-Za-z0-9]{1,9}\.?){0,2})\)"
                           r":\s?([A-Za-z]{0,8}\d+[A-Za-z]?(?:\s?[-–]\s?[A-Za-z]{0,8}\d+)?)")
_YEAR_RANGE = re.compile(r"\(?(?:1[5-9]|20)\d\d\s?[-–]\s?(?:1[5-9]|20)\d\d\)?[.,;]?")  # MLA's "vol. 12, 2001–2003, pp."
_ACCESS = re.compile(r"\[?(?:retrieved|accessed|viewed|cited|last accessed|consulté le|abgerufen am|consultado el)\s*(?:on|:)?\s*", re.IGNORECASE)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(_EDGE)


_MEDIUM_MARK = re.compile(r"(?<!\s)\s*\[(?:Internet|Online|Preprint|online|Electronic resource|WWW Document)\]|(?<!\s)\s+URL$",
                          re.IGNORECASE)


def _strip_wrapping(text: str) -> str:
    text = _MEDIUM_MARK.sub("", " ".join(text.split())).strip(" ,;:")
    if text.endswith(".") and text.rstrip(".")[-1:] in ")\"”’»]":
        text = text.rstrip(".")  # "[Master’s thesis]." : the period after the closing bracket first
    while len(text) >= 2 and text[0] in "(\"“‘«[" and text[-1] in ")\"”’»]." and text.count(text[0]) == 1:
        text = text[1:-1].rstrip(".").strip()
    return text.strip(_EDGE.replace(")", "").replace("?", "")) if not text.endswith("?") else text.lstrip(_EDGE)


# "Ford H Jr": Vancouver writes a suffix after the initials; it is set aside while the list is split
_VANCOUVER_SUFFIX = re.compile(r"\b([A-Z][^\s,]*\s[A-Z]{1,3})\s(Jr|Sr|II|III|IV)\b\.?")


def _names(text: str) -> tuple[list[dict[str, Any]], bool]:
    # styles print typographic apostrophes; the records they came from hold "O'Brien"
    text = _IN.sub("", text).replace("\u2019", "'")
    text = re.sub(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.|\d{1,3})\s+", "", text)  # a citation number read as a name
    text = _ROLE.sub(" ", text)
    text = _TRANSLATED.sub(" ", text)
    et_al = bool(re.search(r"\bet\.? al\.?|\band others\b|\bu\.\s?a\.", text, re.IGNORECASE))
    text = re.sub(r",?\s*\bet\.? al\.?|,?\s*\band others\b|,?\s*\bu\.\s?a\.", "", text, flags=re.IGNORECASE)
    text = " ".join(text.split()).strip(" ,;:")
    if text.count(")") > text.count("("):  # Nature's "(ed. Barrow, J.)" after its "(ed." was removed
        text = text.replace(")", "").strip(" ,;:")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]  # a closing period, not the one of a final initial ("Cook, L.")
    if not text:
        return [], et_al
    people: list[dict[str, Any]] = []
    suffixes = {m.group(1).rsplit(" ", 1)[0]: m.group(2) for m in _VANCOUVER_SUFFIX.finditer(text)}  # by family
    text = _VANCOUVER_SUFFIX.sub(r"\1", text)
    for part in _split_people(text):
        if re.fullmatch(r"(?:Jr|Sr|Jnr|Snr|II|III|IV)\.?", part.strip()) and people:
            people[-1]["suffix"] = part.strip()  # "Ford, H., Jr." : the suffix of the name before
            continue
        people.append(parse_name(part))
        if people[-1].get("family") in suffixes:
            people[-1]["suffix"] = suffixes[people[-1]["family"]]
    return [p for p in people if p and p != {"literal": ""}], et_al


# The name particles of normalize.names as one alternation, longest first ("della" before "de")
_PARTICLE_ALTERNATION = "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True))
# The given names of an inverted first name, a particle kept after them: "Maat, M. P. de"
_INVERTED_GIVEN = re.compile(rf"[A-Z][\w.-]*(?:\s[A-Z][\w.]*)*(?:\s(?:{_PARTICLE_ALTERNATION})){{0,3}}")
# An inverted first family name that starts with a particle: "van Hessem" (one name, though it has a space)
_PARTICLE_LED = re.compile(rf"(?:(?:{_PARTICLE_ALTERNATION})\s){{1,3}}[^\s,]+")


def _split_people(text: str) -> list[str]:
    """Name lists in the forms styles use: "Doe, J., Roe, R., & Poe, E.", "Doe J, Roe R",
    "J. Doe and R. Roe", "DOE, John; ROE, Richard"."""
    if ";" in text:
        return [p for p in (s.strip() for s in re.split(r";|\s(?:and|&)\s", text)) if p]
    if CJK.search(text) and all(CJK_NAME.fullmatch(p.strip()) for p in re.split(r"[,，、]", text) if p.strip()):
        return [p.strip() for p in re.split(r"[,，、]", text) if p.strip()]  # "박민수, 이지은": one name a part
    text = re.sub(r",?\s+(?:and|&|und|et|y)\s+", ", ", text)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    # APA/Harvard: "Doe, J. J., & van Roe, A. J.": family names and initials in turn
    if len(parts) >= 2 and all(re.fullmatch(r"(?:[A-Z]\.\s?-?)+|[A-Z]{1,3}", p.replace(" ", "")) for p in parts[1::2]):
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts) - 1, 2)] + ([parts[-1]] if len(parts) % 2 else [])
    if len(parts) >= 3 and (" " not in parts[0] or _PARTICLE_LED.fullmatch(parts[0])) and _INVERTED_GIVEN.fullmatch(parts[1]) \
            and all(" " in p for p in parts[2:]) and not re.fullmatch(r"(?:[A-Z]\.\s?)+", parts[2]):
        # MLA/Chicago: "Cover, Thomas, and Peter Hart": the first name inverted, the others not
        return [f"{parts[0]}, {parts[1]}"] + parts[2:]
    if parts and all(re.fullmatch(r"(?:[A-Z][a-z]?\.\s?-?)+\s?[^\s,.]\S*(?:\s\S+){0,2}", p) for p in parts):
        return parts  # IEEE "Y. LeCun, Y. Bengio, G. Hinton": given-first names, one per comma
    return vancouver_names(parts) or split_name_list(text)  # Vancouver "Doe JA", "King C-C"


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
_IN_NAMES_THEN_BOOK = re.compile(r"^(?P<names>\s*[Ii]n:\s[^.]{2,300}?,\s(?:editors?|eds?)\.)\s+(?P<book>\S.*)$")
_AFTER_INITIALS = re.compile(r"^(?P<names>.*[;,]\s?[A-Z]\.(?:[\s-]?[A-Z]\.){0,3})\s+"
                             r"(?P<spill>[A-Z][^\s;]*(?:\s[^\s;]+){0,2}\s*)$")



# "1948: " read as a date before a title: a year that opens the title ("NATO 1948: The Birth...")
_YEAR_COLON = re.compile(r"\s*(?:1[5-9]|20)\d\d:\s*")
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
        if book and (spans[position + 1][0] in ("title", "container-title")
                     or not any(other == "container-title" for other, _ in spans)):
            # "In: Smith J, editor. U.S. | discrete military operations." or "..., eds. Texturen von
            # Freiheit. | Innsbruck University Press": the book after the role, whole or its first words
            joined = spans[position + 1][0] in ("title", "container-title")
            place = None if joined else _PLACE_BEFORE_COLON.match(book.group("book"))  # "Freiheit. Innsbruck: "
            pieces = [("container-title", place.group("title") + ". "), ("location", place.group("place") + ": ")] \
                if place else [("container-title", book.group("book") + (spans[position + 1][1] if joined else ""))]
            return spans[:position] + [(label, book.group("names") + " ")] + pieces + spans[position + 1 + joined:]
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
        if acs and not quoted_title and not re.match(r"(?:Jr|Sr|II|III|IV|et al)\b", acs.group("spill")) \
                and not re.search(r"\b[A-Z]\.|\bet al\b", acs.group("spill")):
            title = ("title", acs.group("spill") + spans[position + 1][1])
            return spans[:position] + [(label, acs.group("names") + " "), title] + spans[position + 2:]
        spill = _VANCOUVER_AUTHORS.match(text)
        if spill and not re.search(r"\s[A-Z]{1,3}[.,]?\s*$", spill.group(2)) and len(spill.group(2).split()) <= 3 \
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
        names = m.group(1) + " "
        if position > 0 and spans[position - 1][0] == "author":
            merged = ("author", spans[position - 1][1] + names)
            return spans[:position - 1] + [merged, ("title", m.group(2))] + spans[position + 1:]
        if position == 0 or spans[position - 1][0] == "citation-number":
            return spans[:position] + [("author", names), ("title", m.group(2))] + spans[position + 1:]
        return spans
    return spans


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
            if word.isalpha() and len(word) > 1 and word.capitalize() not in JOURNAL_ABBREVIATIONS:
                return (spans[:position] + [("title", text + container[:m.end()]),
                                            ("container-title", container[m.end():])] + spans[position + 2:])
    return spans


# A sentence ends at a period after a lowercase word or an acronym ("NATO."), not after an initial ("J.")
_SENTENCE_BREAK = re.compile(r"(?:(?<=[^A-Z\s.][.?!])|(?<=[A-Z]{2}[.?!]))\s+(?=\S)")
_DANGLING = re.compile(r"\b(?:and|or|of|the|a|an|in|on|for|to|with|from|by|at|between|against|und|et|y|de|des|der|die|das)\s*$",
                       re.IGNORECASE)


_DANGLING_ARTICLE = re.compile(r"\b(?:a|an|the|and|or|of)\s*$", re.IGNORECASE)
_CONTINUING = re.compile(r"(?:in|of|and|for|on|with|to|from)\s")  # lower case: not Nature's "Title. in Book"
_SENTENCE_END = re.compile(r"[.?!\"”’]\s*$")
_NUMBER_LABELS = frozenset({"volume", "issue", "pages"})
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


# An institution's name as printed in an author position: capitalised words joined by function
# words, an acronym in brackets allowed ("World Health Organization (WHO)"), no digits
_INSTITUTION_NAME = re.compile(r"(?:The\s)?[A-Z][\w'’&.-]*(?:,?\s(?:(?:of|for|and|on|the|in|de|des|du|la|le|et|für|und|&)\s){0,2}"
                               r"[A-Z][\w'’&.-]*){0,11}(?:\s\([A-Z][A-Za-z&.]{1,11}\))?")


def _access_date_with_no_access_word(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Office for National Statistics. 2021. | Census 2021. | London: ONS.": with no title found, an
    "access date" no word marks as one (Retrieved, Accessed, cited...) is the title."""
    if any(label == "title" for label, _ in spans):
        return spans
    for index, (label, text) in enumerate(spans):
        if label == "accessed" and not _ACCESS.search(text) and not re.match(r"\s*[\[(]", text):
            return spans[:index] + [("title", text)] + spans[index + 1:]
    return spans


def _institution_read_as_container(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"North Atlantic Treaty Organization | (2023) | Annual report...": an institution opening an
    authorless reference, right before its date, is its author, though the tagger read the name as a
    journal or a publisher.  Not when no title follows (an entry titled with the institution's name:
    "North Atlantic Treaty Organization, 2024. Encyclopædia Britannica."), nor for a commercial
    publisher (APA puts "Oxford University Press. (2023)." first for an authorless dictionary entry)."""
    start = 1 if spans and spans[0][0] == "citation-number" else 0
    if len(spans) < start + 2 or spans[start][0] not in ("container-title", "publisher") \
            or spans[start + 1][0] != "date" or any(label in ("author", "editor") for label, _ in spans):
        return spans
    label, text = spans[start]
    head, dot, rest = text.partition(". ")
    name = head.strip().rstrip(".,:")
    if " " not in name or not _INSTITUTION_NAME.fullmatch(name) or not is_organisation(name) \
            or (label == "publisher" and _COMMERCIAL_PUBLISHER.search(name)):
        return spans
    if not rest.strip():
        if not any(later == "title" and not _REFERENCE_WORK.search(words) for later, words in spans[start + 2:]):
            return spans
        return spans[:start] + [("author", text)] + spans[start + 1:]
    if _REFERENCE_WORK.search(rest):
        return spans  # "North Atlantic Treaty Organization. Encyclopædia Britannica; 2024.": an entry's title
    # "North Atlantic Treaty Organization. Annual Report | 2022.": the name's sentence, then the title's
    return spans[:start] + [("author", head + dot), ("title", rest)] + spans[start + 1:]


_COMMERCIAL_PUBLISHER = re.compile(r"\b(?:Press|Verlag|Publish\w*|Books|Inc|Ltd|LLC|GmbH|Sons)\b")


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
        if m and second_book and not any(other in _NUMBER_LABELS for other, _ in spans[position:]):
            return (spans[:position] + [(label, m.group(1) + " "), ("publisher", m.group(2) + following)]
                    + spans[position + 2:])
        if m and not second_book:
            return (spans[:position] + [(label, m.group(1) + " "), (following_label, m.group(2) + following)]
                    + spans[position + 2:])
        # ... and the other way: "Translated by Monika B. | Vizedom, University of Chicago Press"
        surname = re.match(r"([A-Z][\w'’-]+,\s)(?=\S)", following)
        if surname and re.search(r"\s[A-Z]\.\s*$", text) and PUBLISHER_NAME.search(following[surname.end():]):
            return (spans[:position] + [(label, text + surname.group(1)), (following_label, following[surname.end():])]
                    + spans[position + 2:])
    return spans


def _unclosed_bracket(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Small states in NATO [Master’s | thesis].": a bracket a span opens and the next closes is one
    descriptor, kept with the span that closes it (APA's "[Master's thesis]", "[Data set]")."""
    out = list(spans)
    for position in range(len(out) - 1):
        label, text = out[position]
        opener, closer = "[", "]"
        if out[position + 1][0] in ("genre", "note", "edition", "medium") and text.rfind("(") > text.rfind("["):
            opener, closer = "(", ")"  # "Small states in NATO (Master’s | thesis)."
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
        start = position
        while start > 0 and spans[start - 1][0] in ("title", "container-title"):
            start -= 1
        if position - start < 2 or not any(spans[i][0] == "container-title" for i in range(start, position)):
            return spans
        joined = "".join(t for _, t in spans[start:position])
        cut = [m.end() for m in _SENTENCE_BREAK.finditer(joined.rstrip())]
        if not cut:
            return spans
        return spans[:start] + [("title", joined[:cut[-1]]), ("container-title", joined[cut[-1]:])] + spans[position:]
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


_WORDS_BEFORE_COLON = re.compile(r"([A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2})(?=:\s\S)")


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


_YEAR_SPAN = re.compile(r"\s*(?:1[5-9]|20)\d\d[a-z]?\)?[.,]?\s*")  # _BARE_YEAR, or one closing a bracket
_ASIDE_LABELS = frozenset({"location", "volume", "issue", "pages", "container-title", "collection-title", "note"})


def _original_date_before_translation(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """MLA's "Les Rites de Passage. 1909. Translated by Monika B. Vizedom, University of Chicago
    Press, 1960.": a year between the title and a translation or edition, with the reference's own
    date later, is the original's date."""
    labels = [label for label, _ in spans]
    for index in range(1, len(spans) - 1):
        if labels[index] != "date" or labels[index - 1] != "title" or not _BARE_YEAR.fullmatch(spans[index][1]) \
                or "date" not in labels[index + 1:]:
            continue
        following_label, following = spans[index + 1]
        if following_label in ("translator", "edition") or _TRANSLATED.match(following.lstrip()) \
                or re.match(r"\s*(?:\d{1,2}(?:st|nd|rd|th)\s)?(?:ed\.|edition|Reprint)", following, re.IGNORECASE):
            return spans[:index] + [("original-date", spans[index][1])] + spans[index + 1:]
        return spans
    return spans


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


_GIVEN_FIRST_NAME = re.compile(r"(?:and\s)?(?:[A-Z]\.[\s-]?){1,4}\s?[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?")
_ROLE_ALONE = re.compile(r"\s*\(?(?:eds?|editors?)\.?\)?[.,]?\s*", re.IGNORECASE)


def _book_before_given_first_names(text: str) -> str | None:
    """The book's title when ``text`` is "Book Title, J. Smith and K. Lund" (given-first names after a
    comma that ends the title), with that comma; None when no such names end it."""
    pieces = re.split(r"(,\s(?:and\s)?|\sand\s)", text.rstrip().rstrip(","))  # names, separators, names...
    cut = len(pieces)
    while cut > 2 and _GIVEN_FIRST_NAME.fullmatch(pieces[cut - 1].strip()):
        cut -= 2
    if cut == len(pieces) or not pieces[cut].startswith(","):
        return None
    return "".join(pieces[:cut + 1])


# IEEE's chapter "in Book Title, J. Smith and K. Lund, Eds.," read whole as the editors
_IN_BOOK_THEN_EDITORS = re.compile(r"(?P<in>\s*in\s)(?P<rest>[^\s,].{0,400}?)(?P<role>,\s(?:Eds?|eds?)\.,?\s*)")


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
                return spans[:index] + [("container-title", ieee.group("in") + head),
                                        ("editor", ieee.group("rest")[len(head):] + ieee.group("role"))] \
                    + spans[index + 1:]
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
    if labels.count("date") < 2:
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
    if dated_before == ("date" in labels[end + 1:]):
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
    tagger found the publisher but left its place, colon and all, at the end of the title."""
    for index in range(len(spans) - 2):
        label, text = spans[index]
        if label != "title" or spans[index + 1][0] not in ("publisher", "container-title") \
                or spans[index + 2][0] != "date" or not _BARE_YEAR.fullmatch(spans[index + 2][1]):
            continue
        m = _PLACE_BEFORE_COLON.match(text)
        if not m or not _splits_as_imprint(m.group("title"), m.group("place"), spans[index + 1][1].strip()):
            return spans
        return spans[:index] + [("title", m.group("title") + ". "), ("location", m.group("place") + ": "),
                                ("publisher", spans[index + 1][1])] + spans[index + 2:]
    return spans


_THESIS_WORDS = re.compile(r"(?i)\(?\[?(?:PhD|Ph\.\s?D\.|Doctoral|Master'?s|Master’s|MA|MSc|M\.\s?A\.|Diploma|"
                           r"Bachelor'?s|Bachelor’s|Habilitation)?\s?(?:thesis|dissertation)\]?\)?[.,;]?")


_THESIS_IN_TITLE = re.compile(r"(?<=[.?!])\s+(" + _THESIS_WORDS.pattern.removeprefix("(?i)") + r")(?:\s+(.+))?$",
                              re.IGNORECASE)


_LOWER_CASE_WORD = re.compile(r"\s*[^\W\d_A-Z][^\W\d_]*[.,]?\s*")
_GENRE_THEN_PUBLISHER = re.compile(r"[\[(][^\[\]()]{2,40}[\])][.,]?\s+([A-Z][^\[\]()]{1,80})")
_INSTITUTION_THEN_THESIS = re.compile(r"([A-Z][^,;:]{2,80}),\s*(" + _THESIS_WORDS.pattern.removeprefix("(?i)") + ")",
                                      re.IGNORECASE)


_IN_CONTAINER = re.compile(r"[Ii]n:?\s[A-Z][^;:()\[\]]{2,200}?,?")


_BARE_YEAR = re.compile(r"\s*(?:1[5-9]|20)\d\d[a-z]?[.,]?\s*")


def _may_be_a_publisher(sentence: str) -> bool:
    """A short capitalised sentence with no digits, no serial's word ("Journal", "Proceedings") and
    no article's "A"/"An" start; a colon only in an imprint ("New York: Knopf", ACS's "World Health
    Organization: Geneva"), not in a subtitle ("Europe: A Divided Continent")."""
    words = sentence.split()
    return 1 <= len(words) <= 6 and sentence[:1].isupper() and not re.match(r"(?:A|An)\s", sentence) \
        and not _SERIAL_WORDS.search(sentence) and not re.search(r"\d", sentence) \
        and (":" not in sentence or any(is_place(side.strip(" ,;")) for side in sentence.split(":", 1)))


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
        if label == "note" and not has_title and out and out[-1][0] == "author" and imprint_follows:
            label = "title"  # ACS's "Haykin. | Communication Systems, 3rd ed.; | Wiley": the title's place
        if bracketed_genre and _may_be_a_publisher(bracketed_genre.group(1).rstrip(".")):
            # APA's "[Tech Report]. CMU CS." read as one genre: the genre, then the publisher
            cut = len(text) - len(text.lstrip()) + bracketed_genre.start(1)
            out.append(("genre", text[:cut]))
            out.append(("publisher", text[cut:]))
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


_EDITOR_ROLE_MARK = re.compile(r"\((?:[Ee]ds?|[Ee]ditors?|Hrsg|Hg|[Dd]ir|[Cc]oord)\.?\)|,\s(?:eds?\.|editors?)[.,:]?\s*$")


def spans_to_item(spans: list[tuple[str, str]], repair: bool = True) -> Item:
    """A CSL item from labelled spans.  ``repair`` first re-cuts spans where taggers go wrong (names
    spilling into a title, a journal glued to a title...); spans a person labelled need none."""
    item: Item = {}
    leftovers: list[str] = []
    grouped: dict[str, list[str]] = {}
    if repair:
        spans = din_initials_before_colon(acs_chapter_imprint(acs_names_before_role(cjk_sentences(spans))))
        spans = _form_of_address_read_as_author(_institution_read_as_container(_access_date_with_no_access_word(spans)))
        spans = _title_words_in_container(_journal_words_in_title(_vancouver_journal(_text_after_quoted_title(_names_before_quoted_title(spans)))))
        spans = _title_cut_after_a_function_word(_unclosed_bracket(_names_spilling_into_imprint(_film_credits(
            _vancouver_author_in_title(spans)))))
        spans = _mla_publisher_before_year(_relabel(_book_between_in_editors_and_imprint(_title_read_as_container(_split_vancouver_authors(spans)))))
        spans = _publisher_closing_author_date_book(_place_left_in_title(_year_inside_title(spans)))
        spans = _year_inside_container(_book_read_into_place(_original_date_before_translation(spans)))
        spans = _issue_without_volume(_number_closing_an_edited_book(spans))
        spans = _software_version_read_as_volume(_publisher_cut_before_its_place(spans))
        spans = _editors_closing_the_book(_iso690_repeated_year(spans))
    for label, text in spans:
        if text.strip():
            grouped.setdefault(label, []).append(text)
    for index, text in enumerate(grouped.get("editor", [])):
        tail = re.search(r"\bet al\.,\s+(.+)$", text)  # MLA's "edited by E. R. Schiff et al., Lippincott-Raven Publishers,"
        if tail and PUBLISHER_NAME.search(tail.group(1)) and "publisher" not in grouped:
            grouped["editor"][index] = text[:tail.start(1)]
            grouped["publisher"] = [tail.group(1)]
    for label in ("author", "editor", "translator", "director"):
        if label in grouped:
            people, et_al = _names(" ".join(grouped[label]))
            if people and label == "author" and "editor" not in grouped \
                    and _EDITOR_ROLE_MARK.search(" ".join(grouped[label])):
                item["editor"] = people  # APA's "Smith, J. (Ed.).", DIN's "Mitchell, C. (Hrsg.):": an edited book
            elif people:
                item[label] = people
            if et_al and label == "author":
                item.setdefault("custom", {})["et-al"] = True
    dates = grouped.get("date", [])
    if len(dates) > 1:  # "NATO 1948: The Birth..." : a year before a colon is part of a title, not the date
        dates = [d for d in dates if not _YEAR_COLON.fullmatch(d)] or dates
    for date_text in dates:
        gbt = GBT_DATES.search(date_text)  # GB/T 7714's online "(2021-02-28)[2021-03-01]": issued, then cited
        if gbt and "accessed" not in grouped:
            cited = parse_date(gbt.group(2))
            if cited is not None:
                item["accessed"] = date_to_csl(cited)
                date_text = date_text[:gbt.start(2) - 1] + date_text[gbt.end(2) + 1:]
        cleaned = re.sub(r"(?<=\d{4})[a-z]\b", "", _clean(date_text).rstrip(")]."))  # "(1948a).": a year suffix
        apa = re.fullmatch(r"(\d{4}),\s*(\w+\.?(?:\s\d{1,2})?)", cleaned)  # APA's "2017, May 25"
        date = (parse_date(f"{apa.group(2)} {apa.group(1)}") if apa else None) or parse_date(cleaned) \
            or parse_date(_year(date_text))
        year_only = item.get("issued", {}).get("date-parts", [[]])[0]
        completed = parse_date(f"{cleaned} {year_only[0]}") if date is None and len(year_only) == 1 \
            and re.fullmatch(r"[^\W\d_]+\.?\s\d{1,2}|\d{1,2}\s[^\W\d_]+\.?|[^\W\d_]+\.?", cleaned) else None
        if date is not None and "issued" not in item:
            item["issued"] = date_to_csl(date)
        elif completed is not None:  # Harvard's "2014. ... The Post, 6 Sept.": the day and month of the year
            item["issued"] = date_to_csl(completed)
        elif date is None:
            leftovers.append(date_text.strip())
    for version_text in grouped.get("version", []):  # from the software repair: "Version 3.1,"
        number = re.search(r"\d[\w.-]*", version_text)
        if number:
            item.setdefault("version", number.group(0).rstrip(".-"))
        else:
            leftovers.append(version_text.strip())
    for original in grouped.get("original-date", []):
        date = parse_date(_year(original))
        if date is not None:
            item["original-date"] = date_to_csl(date)
        else:
            leftovers.append(original.strip())
    for accessed in grouped.get("accessed", []):
        date = parse_date(_clean(_ACCESS.sub("", accessed)).rstrip("]).,"))
        if date is not None:
            item["accessed"] = date_to_csl(date)
    _publisher_before_semicolon(grouped)
    for label, variable in (("title", "title"), ("container-title", "container-title"),
                            ("collection-title", "collection-title"), ("publisher", "publisher"),
                            ("location", "publisher-place"), ("genre", "genre"), ("edition", "edition")):
        if label in grouped:
            value = _strip_wrapping(" ".join(grouped[label]))
            if label in ("container-title", "collection-title"):  # IEEE's "vol. 220. in Graduate Texts"
                value = _strip_wrapping(_IN.sub("", value))
            if label == "edition":
                m = re.search(r"(\d+)(?:st|nd|rd|th)?", value)
                value = m.group(1) if m else value
            if value:
                item[variable] = value
    _title_descriptors(item)
    _publisher_and_place(item)
    _parenthesised_imprint(" ".join(" ".join(t for _, t in spans).split()), item)
    if "location" in grouped and "publisher" not in grouped and ":" in item.get("publisher-place", ""):
        item["publisher"] = item.pop("publisher-place")  # "Addison-Wesley: Reading, MA" labelled a place
        _publisher_and_place(item)
    volume_text = " ".join(grouped.get("volume", []))
    years = _YEAR_RANGE.search(volume_text)
    if years and "issued" not in item and re.search(r"\d", volume_text[years.end():]):
        span = parse_date(years.group(0).strip("().,;"))  # ACS's "Zeitschrift 2001–2003, 12, 1–20": years, then volume
        if span is not None:
            item["issued"] = date_to_csl(span)
            grouped["volume"] = [volume_text[:years.start()] + volume_text[years.end():]]
    for label, variable in (("volume", "volume"), ("issue", "issue")):
        if label in grouped:
            joined_number = " ".join(grouped[label])
            both = re.search(r"(\w{1,6})\s?\((\w{1,8}(?:[-–]\w{1,8})?)\)", joined_number)  # "13(1)"
            numbered = re.search(r"\b(?:no|nr|issue|n°|n(?=\.)|núm|num|heft)\.?\s?(\w{1,8})", joined_number, re.IGNORECASE)
            colon = _VOLUME_PAGES.match(" ".join(joined_number.split())) if label == "volume" else None
            if colon and "volume" not in item:  # Springer's "Review 3:7" labelled volume as a whole
                item["volume"] = colon.group(1)
                if colon.group(2):
                    item.setdefault("issue", colon.group(2))
                item.setdefault("page", expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", colon.group(3))))
                continue
            if both and "volume" not in item:
                item["volume"] = both.group(1)
                item.setdefault("issue", both.group(2))
                continue
            if label == "volume" and numbered:
                item.setdefault("issue", numbered.group(1))
                joined_number = joined_number[:numbered.start()]
            identifier = re.search(r"(?i)\bdoi\b|://", joined_number)
            if identifier:  # an identifier the tagger glued on ("(2). doi:10..."); found below from the whole text
                joined_number = joined_number[:identifier.start()]
            m = _NUMBER.search(re.sub(r"(?i)\bvol(?:ume)?\.?", "", joined_number))
            if m and variable not in item:
                item[variable] = m.group(0)
    if "issue" not in item:  # "no. 4, Oct. 1948" read as one date span: the number is the issue
        # ABNT's "v. 331, n. 6023" and other languages' "núm.", "Heft"
        numbered = re.search(r"\b(?:no|nr|issue|n(?=\.)|núm|num|heft)\.?\s?(\d{1,6})\b", " ".join(
            t for label, t in spans if label in ("date", "volume", "issue", "pages")), re.IGNORECASE)
        if numbered:
            item["issue"] = numbered.group(1)
    citation = _VANCOUVER.search(" ".join(" ".join(t for label, t in spans if label in ("date", "volume", "issue", "pages")).split()))
    if citation is not None and not any(citation.group(g) for g in ("volume", "issue", "page")):
        citation = None  # a year and a semicolon ("2010; pp 133–134"), nothing glued to it
    if citation is None or citation.group("page") is None:
        # the glued "1998 Jan;20(12):1424" cut by the tagger into date and note: read it from the whole text
        whole = _VANCOUVER.search(" ".join(" ".join(t for _, t in spans).split()))
        if whole is not None and whole.group("page") is not None:
            citation = whole
            if "note" in grouped:
                grouped["note"] = [t for t in grouped["note"] if t.strip(" .,;") not in whole.group(0)]
    if citation:  # "1953;171(4356):737-8": year; volume(issue): pages, glued
        year = parse_date(" ".join(filter(None, (citation.group("day"), citation.group("month"), citation.group("year")))))
        year = year or parse_date(citation.group("year"))
        if year is not None and ("issued" not in item or len(item["issued"].get("date-parts", [[]])[0]) < len(year.start)):
            item["issued"] = date_to_csl(year)
        after = citation.string[citation.end("volume"):] if citation.group("volume") else ""
        dashed = re.match(r"\s?[-–]\s?([A-Za-z]{0,8}\d+)", after) if not citation.group("page") else None
        if dashed:  # BMJ's "1989;3–18": no volume, the pages right after the year
            item["page"] = expand_page_range(f"{citation.group('volume')}-{dashed.group(1)}")
        elif citation.group("volume"):
            item["volume"] = citation.group("volume")
        if citation.group("issue"):
            item["issue"] = citation.group("issue")
        if citation.group("page"):
            item["page"] = expand_page_range(citation.group("page").replace("\u2013", "-"))
    else:
        # AMA's "Morgan Kaufmann; 1987:24-30" and "Published online 2015:60005": year, colon, pages
        year_pages = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d):\s?([A-Za-z]{0,8}\d+[A-Za-z]?(?:\s?[-–]\s?\w+)?)",
                               " ".join(t for label, t in spans if label in ("date", "pages", "volume")))
        if year_pages:
            item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", year_pages.group(2)))
            if "issued" not in item:
                item["issued"] = date_to_csl(parse_date(year_pages.group(1)))  # type: ignore[arg-type]
        elif "pages" in grouped:
            # Chicago's "Journal 27 (3): 379–423" with the volume read as part of the pages
            volume_pages = _VOLUME_PAGES.match(" ".join(" ".join(grouped["pages"]).split()))
            if volume_pages and "volume" not in item:
                item["volume"] = volume_pages.group(1)
                if volume_pages.group(2):
                    item.setdefault("issue", volume_pages.group(2))
                item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", volume_pages.group(3)))
            else:
                pages = [t for t in grouped["pages"] if not _YEAR_RANGE.fullmatch(t.strip())] or grouped["pages"]
                text = " ".join(pages)
                years = _YEAR_RANGE.search(" ".join(grouped["pages"]))
                if years and "issued" not in item and (len(pages) < len(grouped["pages"]) or re.search(r"\bpp?\.", text)):
                    year_range = parse_date(years.group(0).strip("()[].,; "))
                    if year_range is not None:
                        item["issued"] = date_to_csl(year_range)  # MLA's "vol. 12, 2001–2003, pp. 1–20"
                marked = re.search(r"\bpp?\.\s?(?=[A-Za-z]{0,8}\d)", text)  # "2001–2003, pp. 1–20": after "pp."
                m = _PAGES.search(text, marked.start() if marked else 0)
                if m:
                    item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", m.group(1)))
    joined = " ".join(t for _, t in spans)
    chicago = _CHICAGO_TAIL.search(" ".join(joined.split()))
    if chicago:  # "Blood 85 (1995): 268–74", "13, no. 2 (2000): 295–331" however the tagger cut it
        if "volume" not in item or item.get("page") == chicago.group(1):
            item["volume"] = chicago.group(1)
        if chicago.group(2):
            item.setdefault("issue", chicago.group(2))
        item["page"] = expand_page_range(re.sub(r"(?<!\s)\s*[-–—]\s*", "-", chicago.group(3)))
    doi = re.search(r"(?:doi\.org/|\bdoi:\s?)(10\.\d{4,9}/[^\s\"<>]+)", joined, re.IGNORECASE)
    if doi:
        item["DOI"] = normalise_doi(doi.group(1).rstrip(".,;"))
    if "URL" not in item:
        url = re.search(r"https?://[^\s\"<>]+", joined)
        if url and "doi.org/" not in url.group(0):
            item["URL"] = url.group(0).rstrip(".,;")
    invalid_isbn = None
    for found in find_identifiers(joined):
        if found.valid and found.variable in ("DOI", "ISBN", "ISSN", "PMID", "PMCID") and found.variable not in item:
            item[found.variable] = found.value
        elif found.variable == "ISBN" and not found.valid:
            invalid_isbn = invalid_isbn or found.value
    for label in ("doi",):
        for text in grouped.get(label, []):
            m = re.search(r"10\.\d{4,9}/\S+", text)
            if m and "DOI" not in item:
                item["DOI"] = normalise_doi(m.group(0).rstrip(".,;"))
    for text in grouped.get("isbn", []):
        digits = re.sub(r"[^\dXx]", "", text)
        if isbn_is_valid(digits) and "ISBN" not in item:
            item["ISBN"] = normalise_isbn(digits)
        elif digits:
            invalid_isbn = invalid_isbn or digits
    if invalid_isbn and "ISBN" not in item:  # a misprinted ISBN is kept where the CS1 grammar keeps one
        item.setdefault("custom", {}).setdefault("invalid-isbn", invalid_isbn)
    for text in grouped.get("url", []):
        doi = re.search(r"doi\.org/(10\.\d{4,9}/\S+)", text)
        if doi and "DOI" not in item:
            item["DOI"] = normalise_doi(doi.group(1).rstrip(".,;"))
        urls = find_urls(text)
        if urls and "URL" not in item:
            item["URL"] = urls[0].value
        elif "URL" not in item and text.strip():
            item["URL"] = text.strip().rstrip(".,;")
    notes = []
    for text in grouped.get("note", []):
        edition = re.fullmatch(r"\s*(\d{1,2})(?:st|nd|rd|th)\.? ed(?:ition|n|\.)?[.,;]?\s*", text, re.IGNORECASE)
        if edition and "edition" not in item:
            item["edition"] = edition.group(1)  # "2nd ed." the tagger left unlabelled
        elif text.strip():
            notes.append(text.strip())
    notes += leftovers
    if notes:
        item["note"] = " ".join(notes)
    if repair:
        _repair_fields(grouped, item)
        reference_text = " ".join(" ".join(t for label, t in spans if label != "citation-number").split())
        _single_quoted_title(reference_text, item)
        _oscola_book(reference_text, item)
        _web_details(reference_text, grouped, item)
        _patent_number(reference_text, item)
        _unpublished_manuscript(item)
    _container_that_is_a_publisher(item)
    forced_type = item.pop("_type", None)
    item["type"] = forced_type or infer_type(item, grouped)
    if item["type"] == "thesis" and item.get("container-title"):  # a thesis has no container
        if "publisher" not in item:
            item["publisher"] = item.pop("container-title")  # "University of Oslo, Master's thesis"
        elif item.get("title"):
            item["title"] = f"{item['title']} {item.pop('container-title')}"  # "Small States in | NATO"
    return item


_IN_EDITORS = re.compile(r"^(?P<editors>[^.;:]{2,300}?(?:\s[A-Z]{1,3}|\.)),?\s\(?(?:eds?|editors?|Hrsg)\.?\)?[.,]?\s+(?P<book>\S.*)$")


def _repair_fields(grouped: dict[str, list[str]], item: Item) -> None:
    """Fields a tagger put in the wrong variable, read from the shape of the whole item."""
    if item.get("director") and item.get("container-title") and "publisher" not in item \
            and not any(item.get(v) for v in ("volume", "issue", "page")):
        item["publisher"] = item.pop("container-title")  # a film's studio, not a work it sits in
    publisher = item.get("publisher")
    if "title" not in item and isinstance(publisher, str) and ". " in publisher:
        head, _, tail = publisher.rpartition(". ")  # "Dr. Strangelove. Columbia Pictures": a title and a studio
        if len(tail.split()) >= 2 and not re.search(r"\b(?:Univ|Co|Inc|Ltd|Pub|Publ|Dept|Assoc|Natl|Intl|St)$", head):
            item["title"], item["publisher"] = head, tail
    _date_inside_title(item)
    _volume_opened_in_title(item)
    if not _has_quoted_title(" ".join(grouped.get("title", []))):  # a quoted title ends at its quote
        _title_sentence_in_journal(item)
    _imprint_inside_title(item)
    _publisher_comma_place(item)
    _publisher_as_last_sentence(item)
    year = _year_of(item, "issued")
    if year is not None and item.get("volume") == str(year) and (item.get("editor") or item.get("publisher")):
        del item["volume"]  # AMA's chapter "2008:15-28": the year and the pages, no volume
    if year is None and re.fullmatch(r"(?:1[5-9]|20)\d\d", str(item.get("volume", ""))) and item.get("page") \
            and (item.get("container-title") or item.get("publisher")):
        item["issued"] = {"date-parts": [[int(item.pop("volume"))]]}  # AMA's "In: Proceedings. 1993:63-70."
    _role_and_edition_in_title(item)
    _din_imprint_and_volume_word(item)
    _title_glued_to_container(item)
    _container_tail(item)
    _proceedings_publisher(item)
    _organisation_before_title(item)
    _springer_volume_without_pages(grouped, item)
    if "title" not in item and item.get("container-title") \
            and (item.get("publisher") or item.get("edition") or item.get("publisher-place")) \
            and not any(item.get(v) for v in ("volume", "issue", "page")) \
            and not (item.get("editor") and _IN.match(grouped.get("container-title", [""])[0])):
        # "(2004) The Oxford Companion..., 3rd edn. Oxford UP" and "Mitchell, C., ed. Clinical Gynecologic
        # Endocrinology. Williams and Wilkins, 1994.": a book (edited), not a chapter ("In" would open its book)
        item["title"] = item.pop("container-title")
    _editors_inside_container(grouped, item)
    container = item.get("container-title")
    online = re.search(r"\.\s(?:Online|\[online\])$", container) if isinstance(container, str) else None
    if online and isinstance(container, str):  # ISO 690's "Journal. Online. 2008. Vol. 20": the journal's medium
        item["container-title"] = container[:online.start()]
        item.setdefault("medium", "online")
    _book_series_read_as_container(grouped, item)
    publisher = item.get("publisher")
    if isinstance(publisher, str) and "; " in publisher and item.get("title") and not item.get("container-title"):
        work, _, name = publisher.partition("; ")  # ACS's "Alliance. Oxford English Dictionary; OUP, 2023."
        if len(work.split()) >= 2 and PUBLISHER_NAME.search(name) and not PUBLISHER_NAME.search(work):
            item["container-title"], item["publisher"] = work, name
    _entry_title_before_in(grouped, item)
    place = item.get("publisher-place")
    if "publisher" not in item and isinstance(place, str) and ":" not in place and PUBLISHER_NAME.search(place) \
            and not is_place(place):
        item["publisher"] = item.pop("publisher-place")  # AMA's "8th ed. Lippincott-Raven Publishers; 1999"
    if "container-title" not in item and item.get("collection-title") and (item.get("volume") or item.get("page")) \
            and not item.get("publisher") and not item.get("ISBN"):
        item["container-title"] = item.pop("collection-title")  # "Oxford Economic Papers, New Series. 2010;62:740"


_REFERENCE_WORK = re.compile(r"(?i)encyclop|enzyklop|dictionar|dictionnaire|diccionario|wörterbuch|lexikon|lexicon|"
                             r"britannica|wikipedia")


def _entry_title_before_in(grouped: dict[str, list[str]], item: Item) -> None:
    """An unsigned encyclopedia entry: APA's "North Atlantic Treaty Organization. (2024). In
    Encyclopædia Britannica." (the entry's title stands where a group author would) and AMA's
    "North Atlantic Treaty Organization. In: Encyclopædia Britannica. 2024." (read as one
    container): a reference with no title whose work is introduced by "In" has the entry's title
    before it."""
    if item.get("editor"):
        return
    opened = " ".join(grouped.get("container-title", [])).lstrip()  # the container as printed, "In" and all
    title = item.get("title")
    if isinstance(title, str) and not item.get("container-title") and _IN.match(title) \
            and _REFERENCE_WORK.search(title):
        item["container-title"] = _IN.sub("", title)  # "(2021). In Encyclopaedia of ..." read as the title
        del item["title"]
        opened = title
    if item.get("title"):
        return
    container = item.get("container-title")
    if isinstance(container, str):
        head, found, rest = container.partition(". In: ")
        if not found:
            head, found, rest = container.partition(". In ")
        if found and head and rest:
            item["title"], item["container-title"] = head, rest
            return
    authors = item.get("author") or []
    if container and _IN.match(opened) and len(authors) == 1 and "literal" in authors[0]:
        item["title"] = authors[0]["literal"]
        del item["author"]


_SERIES_WORDS = re.compile(r"(?i)\b(?:series|monographs?|texts\sin|lecture\snotes|studies\sin|library\sof|"
                           r"handbooks?\sof|collection|reihe|taschenbuch|sammlung)\b")


def _book_series_read_as_container(grouped: dict[str, list[str]], item: Item) -> None:
    """Chicago's "Title. Vol. 143. Mathematical Surveys and Monographs. AMS." and IEEE's "vol. 220.
    in Graduate Texts in Mathematics": a book's series read as the work it sits in.  A book (a
    publisher, no page range, no issue, no editors of a container) whose "container" is named like
    a series has a collection-title, and so has a "publisher" whose first sentence is one.  "In"
    before it names the book (the corpora's records say so), except after IEEE's "vol. 220."."""
    publisher = item.get("publisher")
    if isinstance(publisher, str) and ". " in publisher and not item.get("collection-title"):
        series, _, name = publisher.rpartition(". ")  # "Harbour Surveys and Monographs. Harbour Press"
        if _SERIES_WORDS.search(series) and not _SERIES_WORDS.search(name) and 1 <= len(name.split()) <= 6:
            item["collection-title"], item["publisher"] = series, name
    title = item.get("title")
    if isinstance(title, str) and item.get("publisher") and not item.get("container-title") \
            and not item.get("collection-title"):
        head, comma, series = title.rpartition(", ")  # Elsevier's "Title, Mathematical Surveys and Monographs."
        if comma and len(head.split()) >= 2 and series[:1].isupper() and _SERIES_WORDS.search(series) \
                and len(series.split()) <= 8:
            item["title"], item["collection-title"] = head, series
    container = item.get("container-title")
    opened = " ".join(grouped.get("container-title", [])).lstrip()
    if _IN.match(opened) and not re.search(r"\bvol\.\s?\w+\.\s+in\s", " ".join(grouped.get("volume", []) + [opened])):
        return  # "In: CBMS Regional Conference Series." names the book; IEEE's "vol. 220. in Series" its series
    if not isinstance(container, str) or not item.get("publisher") or item.get("issue") or item.get("editor") \
            or item.get("collection-title") or re.search(r"\d\s?[-–]\s?\d", str(item.get("page", ""))) \
            or not _SERIES_WORDS.search(container) or _SERIAL_WORDS.search(container):
        return
    item["collection-title"] = item.pop("container-title")


def _year_of(item: Item, variable: str) -> int | None:
    """The year of a CSL date variable of the item, if it has one."""
    parts = (item.get(variable) or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts[0] else None


_LEADING_YEAR = re.compile(r"^((?:1[5-9]|20)\d\d(?:[–-](?:1[5-9]|20)?\d\d)?[a-z]?)[.,]\s+(?=\S)")
# "n.d.", and in brackets Harvard's "(no date)", German "o. J.", Romance "s.d." / "s.f.": no date
# ("A book with no date" keeps its words)
_NO_DATE_TAIL = re.compile(r"[,.]?\s*(?:\(?n\.\s?d\.?\)?|[(\[](?:no date|o\.\s?J\.|s\.\s?[df]\.)[)\]])\.?$")


# Chicago's "May 25" and Harvard's "25 May" after the work (the year is in the head)
_CONTAINER_TAIL = re.compile(r",\s(?:(?P<status>[Ii]n press|[Ff]orthcoming|[Aa]ccepted)|(?P<month>[^\W\d_]{3,10}\.?)(?:\s(?P<day>\d{1,2}))?"
                             r"|(?P<day2>\d{1,2})\s(?P<month2>[^\W\d_]{3,10}\.?))\.?$")


def _container_tail(item: Item) -> None:
    """Chicago's "Military Times, May 25." (the year is in the head) and "Journal of Things, In
    press." read into the container: a month and day complete the date, the rest is a status."""
    container = item.get("container-title")
    note = item.get("note")
    if isinstance(container, str) and container.endswith(", In") and isinstance(note, str) and \
            note.lower().startswith("press"):  # "Journal of Things, In | press."
        container = f"{container} {note.rstrip('.')}"
        del item["note"]
    if not isinstance(container, str):
        return
    tail = _CONTAINER_TAIL.search(container)
    if tail is None:
        return
    if tail.group("status"):
        item.setdefault("status", tail.group("status"))
    else:  # (in any language the dates module knows: ABNT's "The Atlantic, abr.")
        year = _year_of(item, "issued")
        month, day = tail.group("month") or tail.group("month2"), tail.group("day") or tail.group("day2")
        if month_number(month) is None or year is None:
            return
        if day is None and len(item["issued"].get("date-parts", [[]])[0]) > 1:
            return  # the date has its month already
        date = parse_date(f"{month} {day} {year}" if day else f"{month} {year}")
        if date is None:
            return
        item["issued"] = date_to_csl(date)
    item["container-title"] = container[:tail.start()]


# "Proceedings of the National Conference on Artificial Intelligence. AAAI": a meeting's volume, then
# the society that published it, as an acronym
# (an acronym in closed brackets is the meeting's own: "Symposium on Principles of Database Systems (PODS)";
# Nature's "(AAAI, 1996)" leaves the bracket open in the container)
_PROCEEDINGS_PUBLISHER = re.compile(r"(?:[.,;]\s?|\s\()(?P<publisher>[A-Z][A-Z&]{1,7}(?:\s(?:Press|Publications))?)$")
_MEETING = re.compile(r"\b(?:Proceedings|Proc\.|Conference|Conf\.|Workshop|Symposium|Congress|Meeting)\b")


def _proceedings_publisher(item: Item) -> None:
    """The tagger keeps "AAAI" with the proceedings it follows; with no other publisher found, it is one."""
    container = item.get("container-title")
    if not isinstance(container, str) or item.get("volume") or item.get("issue"):
        return
    tail = _PROCEEDINGS_PUBLISHER.search(container)
    # (Nature's "(AAAI, 1996)" already gave the publisher, but left it in the container too)
    if tail is not None and _MEETING.search(container[:tail.start()]) \
            and item.get("publisher", tail.group("publisher")) == tail.group("publisher"):
        item["container-title"] = container[:tail.start()].rstrip(" ,;(")
        item["publisher"] = tail.group("publisher")


_NAMELESS_BODY = re.compile(r"Universit(?:y|ät|é|à|ad|eit)|Institut[e]?|Academy|Akademie")  # not a whole name
_LAST_PLACE = re.compile(r"(.+?),\s([A-Z][\w'.-]+(?:\s[A-Z][\w'.-]+)?)")


# A book's "Place: Publisher" left at the end of its title: "... Privé. New Jersey: Lawbook Exchange Ltd"
_PLACE_WORDS = r"[^\W\d_][\w'’.-]{1,24}(?:[ -][^\W\d_][\w'’.-]{1,24}){0,2}(?:,\s?[A-Z]{2})?"
_IMPRINT_TAIL = re.compile(rf"^(?P<title>.{{8,}}?[^\s.]{{2}})\.\s(?P<place>{_PLACE_WORDS}):\s(?P<publisher>[^:;]{{2,120}}?)[,.]?$")
# ACS's "Title; Publisher: Place"
_IMPRINT_TAIL_ACS = re.compile(rf"^(?P<title>.{{8,}}?[^\s;]{{2}});\s(?P<publisher>[^:;]{{2,120}}?):\s(?P<place>{_PLACE_WORDS})[,.]?$")


_PLACE_BEFORE_COLON = re.compile(rf"^(?P<title>.{{8,}}?[^\s.]{{2}})\.\s(?P<place>{_PLACE_WORDS}):\s*$")
_PART_WORD = re.compile(r"(?i:vol(?:ume)?\.?|part|book|chapter|section|band|tome|appendix|series)|[IVXLC]+\.?")


def _splits_as_imprint(title: str, place: str, publisher: str) -> bool:
    """Whether "Title. Place: Publisher" cut there is a title and its imprint: a title of two words
    or more, a place of capitalised words, a capitalised publisher.  "Strategy. Volume II: The
    Cold War" and "Europe: A Divided Continent" are titles."""
    words = re.split(r"[ -]", place.split(",")[0])
    return len(title.split()) >= 2 and bool(publisher) and publisher[:1].isupper() \
        and not re.match(r"(?:A|An)\s", publisher) and not _PART_WORD.fullmatch(publisher.split()[0]) \
        and all(word[:1].isupper() and not _PART_WORD.fullmatch(word) for word in words)


_VOLUME_OPENED = re.compile(r"\s\([Vv]ols?\.?$")


def _volume_opened_in_title(item: Item) -> None:
    """APA's "Title (Vol. 220)." cut by the tagger after "(Vol.": the volume was read, the title
    keeps the bracket's first half."""
    title = item.get("title")
    if isinstance(title, str) and item.get("volume"):
        opened = _VOLUME_OPENED.search(title)
        if opened:
            item["title"] = title[:opened.start()]


def _title_sentence_in_journal(item: Item) -> None:
    """APA's "High fructose corn syrup. New sweetener for the baker. Bakers Dig, 52" with the
    title's second sentence read into the journal: APA writes titles in sentence case and journals
    in title case, so a sentence-case head before a title-case last sentence goes back to the title."""
    container, title = item.get("container-title"), item.get("title")
    if not (isinstance(container, str) and isinstance(title, str)) or ". " not in container or item.get("editor") \
            or not (item.get("volume") or item.get("issue") or item.get("page")):
        return  # a chapter's container is a book: "In: Eds, editors. Book. Place: ..."
    head, _, tail = container.rpartition(". ")
    head_words, tail_words = head.split(), tail.split()
    if len(head_words) < 3 or not tail_words or _SERIAL_WORDS.search(head) or any(w.endswith(".") for w in head_words):
        return  # "Jahrbuch f. Psychopath. u. Psychother" and "Journal of ... . Series B" stay whole
    lower = sum(1 for w in head_words[1:] if w[:1].islower())
    if lower / (len(head_words) - 1) < 0.5 or not all(w[:1].isupper() for w in tail_words if len(w) > 3):
        return
    item["title"], item["container-title"] = f"{title.rstrip('. ')}. {head}", tail


def _imprint_inside_title(item: Item) -> None:
    """BMJ's and the Lancet's "Title. Place: Publisher, 2009." and ACS's "Title; Publisher: Place,
    2009." with a publisher the tagger does not know ("Lawbook Exchange Ltd", "Ministério da
    Educação, Secretaria de ...") read as the book's title: a place of one to three capitalised
    words and a colon split it off."""
    if item.get("publisher") or item.get("publisher-place") or item.get("volume") or item.get("issue"):
        return
    variable = "container-title" if item.get("container-title") and item.get("editor") else "title"
    value = item.get(variable)
    m = (_IMPRINT_TAIL.match(value) or _IMPRINT_TAIL_ACS.match(value)) if isinstance(value, str) else None
    if not m or not _splits_as_imprint(m.group("title"), m.group("place"), m.group("publisher")):
        return
    item[variable], item["publisher-place"], item["publisher"] = m.group("title"), m.group("place"), m.group("publisher")


def _publisher_comma_place(item: Item) -> None:
    """Elsevier's Harvard ends a book with "Publisher, Place.": "Springer Nature, Cham" read as one
    publisher, or "Universität | Wien, Wien" cut one word too early."""
    publisher, place = item.get("publisher"), item.get("publisher-place")
    if not isinstance(publisher, str):
        return
    if place is None:
        m = _LAST_PLACE.fullmatch(publisher)
        if m and PUBLISHER_NAME.search(m.group(1)) and not PUBLISHER_NAME.search(m.group(2)):
            item["publisher"], item["publisher-place"] = m.group(1), m.group(2)
    elif isinstance(place, str) and _NAMELESS_BODY.fullmatch(publisher.strip(" ,")):
        m = _LAST_PLACE.fullmatch(place)
        if m and " " not in m.group(1) and not re.fullmatch(r"[A-Z]{2}|D\.\s?C\.", m.group(2)):
            item["publisher"], item["publisher-place"] = f"{publisher.strip()} {m.group(1)}", m.group(2)


# A title in single quotes (OSCOLA, MHRA): an apostrophe inside it ("World’s") is followed by a letter.
_SINGLE_QUOTED = re.compile(r"(?:^|(?<=[\s,(]))‘(?P<title>[^‘’]{2,400}?(?:’\w[^‘’]{0,400}?)*)’(?=[,.;:]?(?:\s|$))")
# OSCOLA's "(1967) 13 IEEE Transactions on Information Theory 21" and "[1989] The National Interest 3"
_OSCOLA_JOURNAL = re.compile(r"^\s(?:\([^()]{0,40}?(?:1[5-9]|20)\d\d(?:[–-]\d{2,4})?\)\s(?P<volume>\d{1,5})|\[(?:1[5-9]|20)\d\d\])\s"
                             r"(?P<journal>[^\d\s<(\[][^<()\[\]]{0,150}?)(?:\s(?P<page>[A-Za-z]{0,6}\d{1,7}(?:[–-]\d{1,7})?))?"
                             r"(?:\s<[^<>]*>.*)?\.?$")
# MHRA's ", Nature, 521.7553 (2015), pp. 436–44"
# (the author-date variant has no date there: ", Distributed Computing, 6.3, pp. 141–54")
_MHRA_JOURNAL = re.compile(r"^,\s(?P<journal>[^,()]{2,150}),\s(?P<volume>\d{1,5})(?:\.(?P<issue>\w{1,8}))?"
                           r"(?:\s\([^()]{0,40}?(?:1[5-9]|20)\d\d[^()]{0,10}\))?"
                           r"(?:,\s(?:pp?\.\s)?(?P<page>[A-Za-z]{0,6}\d[\w–-]*))?(?=,|\.?$)")


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


def _oscola_book(text: str, item: Item) -> None:
    """OSCOLA writes a book as names with bare initials, a comma, the title and "(Publisher Year)":
    a shape the tagger saw little of, read whole here when nothing is quoted."""
    m = _OSCOLA_BOOK.match(text)
    if not m or item.get("container-title") and item.get("volume") and item.get("page"):
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


_ACCESS_DATE = re.compile(r"(?i)\b(?:retrieved|accessed|viewed|cited|last accessed|consulté le|abgerufen am|consultado el)"
                          r"(?:\s(?:on|from))?:?\s(?P<date>[^\[\]();]{0,30}?\d{4}(?:\s[A-Z][a-z]{2}\.?(?:\s\d{1,2})?)?)"
                          r"(?=[\].),;]|\s|$)")  # "5 Apr. 2021", "April 2, 2023", Vancouver's "2021 Oct 5"
_FULL_DATE = re.compile(r"\b(?:\d{1,2}\s[A-Z][a-z]{2,8}\.?\s\d{4}|[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4}|\d{4}-\d{2}-\d{2})\b")
def _has_quoted_title(text: str) -> bool:
    """A title in double quotes, or in OSCOLA's and MHRA's single ones: an article's or a paper's."""
    return bool(_QUOTED_TITLE.search(text) or _SINGLE_QUOTED.search(text))


_QUOTED_TITLE = re.compile(r"(?:^|(?<=[\s(]))[“\"](?P<title>[^“”\"]{2,300}?)[,.]?[”\"]")
_VANCOUVER_CITED = re.compile(r"(?P<date>(?:1[5-9]|20)\d\d(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?)\s\[(?:cited|accessed)\b")
_BARE_WWW = re.compile(r"(?<![/\w@.])www\.[\w-]+(?:\.[\w-]+)+(?:/[^\s,;]*)?")


def _web_details(text: str, grouped: dict[str, list[str]], item: Item) -> None:
    """What web references print and the tagger, trained mostly on articles, misses."""
    _access_date_anywhere(text, item)
    _date_before_cited(text, item)
    if "title" not in item:  # a quoted title the tagger filed under another label
        quoted = _QUOTED_TITLE.search(text)
        if quoted:
            item["title"] = quoted.group("title").strip()
    if "URL" not in item:  # MLA prints the URL without its scheme
        bare = _BARE_WWW.search(text)
        if bare:
            item["URL"] = bare.group(0).rstrip(".")
    _day_inside_a_date_span(grouped, item)


# What is left of a note once the date in it was read: words that only introduced it
_CONNECTING_LEFTOVER = re.compile(r"(?i)(?:\[?(?:online|internet)\]?\.?\s*)?(?:available(?: from| at)?:?|from)?")


def _drop_from_note(item: Item, piece: str) -> None:
    """The tagger left ``piece`` unplaced (in ``note``) and a rule has now read it: take it out,
    and the note with it when nothing but connecting words remain."""
    note = item.get("note")
    if not isinstance(note, str) or piece not in note:
        return
    rest = note.replace(piece, "", 1).strip(" []().,;:")
    if _CONNECTING_LEFTOVER.fullmatch(rest):
        del item["note"]
    else:
        item["note"] = rest


def _access_date_anywhere(text: str, item: Item) -> None:
    """"Accessed 5 Apr. 2021", "[Accessed: Jan. 10, 2023]", "Retrieved April 2, 2023, from"."""
    m = _ACCESS_DATE.search(text) if "accessed" not in item else None
    date = parse_date(m.group("date").strip()) if m else None
    if m and date is not None:
        item["accessed"] = date_to_csl(date)
        _drop_from_note(item, m.group(0))


def _date_before_cited(text: str, item: Item) -> None:
    """Vancouver's "1949 [cited 2021 Oct 5]": the date before "[cited" is the issue date, where the
    tagger took the access year for it."""
    m = _VANCOUVER_CITED.search(text)
    issued_year = _year_of(item, "issued")
    if not m or (issued_year is not None and issued_year != _year_of(item, "accessed")):
        return
    date = parse_date(m.group("date"))
    if date is not None:
        item["issued"] = date_to_csl(date)
        _drop_from_note(item, m.group("date"))


def _day_inside_a_date_span(grouped: dict[str, list[str]], item: Item) -> None:
    """"12 Mar. 2019, www.…" read as one date span gave only the year: the day too."""
    issued = item.get("issued")
    if not isinstance(issued, dict) or len((issued.get("date-parts") or [[0]])[0]) != 1:
        return
    for date_text in grouped.get("date", []):
        full = _FULL_DATE.search(date_text)
        date = parse_date(full.group(0)) if full else None
        if date is not None and date_to_csl(date)["date-parts"][0][0] == issued["date-parts"][0][0]:
            item["issued"] = date_to_csl(date)
            return


_LAST_SENTENCE = re.compile(r"^(?P<title>.+?(?:[.?!]|\]\.?|\)\.?))\s(?P<publisher>(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*|of|for|and|the|de|St)"
                            r"(?:\s(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*|of|for|and|the|de|St)){0,6})$")


def _publisher_as_last_sentence(item: Item) -> None:
    """APA's "Annual report 2022. NATO Public Diplomacy Division." and "Dr. Strangelove [Video
    recording]. Columbia Pictures.": a book's or report's publisher read into its title.  Only after
    a sentence-case title (a title-case one may have a title-case second sentence)."""
    title = item.get("title")
    if not isinstance(title, str) or any(item.get(v) for v in ("publisher", "container-title", "volume", "issue")):
        return
    m = _LAST_SENTENCE.match(title)
    if not m:
        return
    head = m.group("title")
    words = re.findall(r"[^\W\d_][\w'’-]*", head)
    sentence_case = len(words) >= 2 and any(w[:1].islower() and w.lower() not in _LOWERCASE_WORDS for w in words[1:])
    if sentence_case or PUBLISHER_NAME.search(m.group("publisher")):
        item["title"] = head.rstrip(".")
        item["publisher"] = m.group("publisher")
        _title_descriptors(item)  # "[Video recording]" now ends the title


_LOWERCASE_WORDS = frozenset("a an the and or of for in on at to by with from de la le et und der die das von".split())


_MLA_EDITORS = re.compile(r"^(?:editors?|eds?)\.\s+(?=\S)", re.IGNORECASE)
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_EDITION_TAIL = re.compile(r"[,.]\s(?:(\d{1,2}(?:st|nd|rd|th)|(?i:" + "|".join(_ORDINAL_WORDS) + r"))\s(?i:edn|ed|edition)"
                           r"|(\d{1,2})\.\s(?:Aufl|Auflage|Ausg|éd|édition))\.?$")  # DIN's "3. Aufl."


def _edition_number(text: str) -> str:
    """"2nd" -> "2", "Third" -> "3"."""
    digits = re.match(r"\d+", text)
    return digits.group(0) if digits else str(_ORDINAL_WORDS.index(text.lower()) + 1)


def _role_and_edition_in_title(item: Item) -> None:
    """MLA's "Smith, Jane, and John Doe, editors. Collected Essays" (the names are editors) and the
    Lancet's or Harvard's "Title, 2nd edn." (an edition) read into the title, or into an edited
    book's title ("A Manual of Acarology, Third Edition")."""
    title = item.get("title")
    if not isinstance(title, str):
        return
    role = _MLA_EDITORS.match(title)
    if role and item.get("author") and "editor" not in item:
        item["editor"] = item.pop("author")
        title = title[role.end():]
    edition = _EDITION_TAIL.search(title)
    if edition and "edition" not in item:
        item["edition"] = _edition_number(edition.group(1) or edition.group(2))
        title = title[:edition.start()]
    item["title"] = title
    container = item.get("container-title")  # Chicago's "In A Manual of Acarology, Third Edition, edited by"
    edition = _EDITION_TAIL.search(container) if isinstance(container, str) and item.get("editor") else None
    if edition and "edition" not in item and isinstance(container, str):
        item["edition"] = _edition_number(edition.group(1) or edition.group(2))
        item["container-title"] = container[:edition.start()]


def _title_glued_to_container(item: Item) -> None:
    """"Aquaporins. J Physiol Biochem 54": a one-word title the tagger ran into the journal.  The
    head must not look like a journal abbreviation ("J. Phys. Chem.") or a serial's own name."""
    container = item.get("container-title")
    if "title" in item or not isinstance(container, str) or ". " not in container \
            or not any(item.get(v) for v in ("volume", "issue", "page")):  # without them, a book's title
        return
    head, _, rest = container.partition(". ")
    last_word = head.rsplit(None, 1)[-1]
    if len(head) >= 8 and len(last_word) >= 5 and rest[:1].isupper() and not _SERIAL_WORDS.search(head):
        item["title"], item["container-title"] = head, rest


def _date_inside_title(item: Item) -> None:
    """"2001–2003. | Range of years..." or "Member countries, n.d." read into the title: the year
    (or range) is the date, and "n.d." (no date) is dropped from the title."""
    title = item.get("title")
    if not isinstance(title, str):
        return
    leading = _LEADING_YEAR.match(title)
    if leading and "issued" not in item:
        date = parse_date(leading.group(1))
        if date is not None:
            item["issued"] = date_to_csl(date)
            title = title[leading.end():]
    item["title"] = _NO_DATE_TAIL.sub("", title) or title


def _organisation_before_title(item: Item) -> None:
    """"World Health Organization. World Report on Disability." read as one title with no author:
    a first sentence that names an institution is the author."""
    title = item.get("title")
    if item.get("author") or item.get("editor") or not isinstance(title, str) or ". " not in title:
        return
    head, _, rest = title.partition(". ")
    if len(head.split()) >= 2 and rest and is_organisation(head):
        item["author"] = [{"literal": head}]
        item["title"] = rest


def _springer_volume_without_pages(grouped: dict[str, list[str]], item: Item) -> None:
    """A journal's number with no pages after it is its volume: Springer's "Journal 340:",
    Chicago's "J Biol Chem 268 (1993).", Wikipedia's "N Engl J. 340." -- whether the tagger called
    it pages or left it in the journal's name.  Not for books ("Systems 7. MIT Press")."""
    if "volume" in item or not item.get("container-title") or any(item.get(v) for v in ("publisher", "editor")):
        return
    pages = " ".join(grouped.get("pages", [])).strip()
    bare = re.fullmatch(r"(\d{1,5})[:.,;]?", pages)
    if bare and item.get("page") == bare.group(1):
        item["volume"] = item.pop("page")
        return
    glued = re.fullmatch(r"(.{2,}?)\s(\d{1,5})", str(item.get("container-title", "")))
    if glued and "page" not in item and not re.fullmatch(r"(?:1[5-9]|20)\d\d", glued.group(2)):
        item["container-title"], item["volume"] = glued.group(1), glued.group(2)


def _editors_inside_container(grouped: dict[str, list[str]], item: Item) -> None:
    """Vancouver's "In: Tesauro G, Touretzky DS, eds. Advances in ..." read as one container span:
    the names before "eds." are the book's editors."""
    if "editor" in item or "container-title" not in grouped:
        return
    raw = _IN.sub("", " ".join(" ".join(grouped["container-title"]).split()))
    if raw == " ".join(" ".join(grouped["container-title"]).split()):
        return  # no "In:" before it
    m = _IN_EDITORS.match(raw)
    if not m:
        return
    people, _ = _names(m.group("editors"))
    if people:
        item["editor"] = people
        item["container-title"] = _strip_wrapping(m.group("book"))


# What APA and others print after a title: "[Master's thesis]", "(Version 4.1)", "(2nd ed.)",
# "(M. B. Vizedom, Trans.)", "(Patent No. 5512907)", and a locator's "(pp." cut off by the tagger
_DESCRIPTOR = re.compile(r"(?<!\s)\s*(?:\[(?P<bracket>[^\[\]]{3,60})\]|\((?P<paren>[^()]{2,80})\)|\((?:pp?\.?|S\.)|,\s?(?:pp?\.?))\s*$")
_BRACKET_TYPES = (("thesis|dissertation", "thesis"), ("software", "software"), ("data ?set", "dataset"),
                  ("video|film|motion picture", "motion_picture"), ("audio|podcast", "song"), ("map", "map"))


def _title_descriptors(item: Item) -> None:
    """Move the descriptors styles print after a title into their own variables."""
    title = item.get("title")
    mark = GBT_MARK.search(title) if isinstance(title, str) else None
    if mark and isinstance(title, str) and mark.group("code") in GBT_TYPES and mark.start() > 0:
        item.setdefault("_type", GBT_TYPES[mark.group("code")])
        item["title"] = title[:mark.start()].rstrip(" .")
    for variable in ("title", "container-title"):
        text = item.get(variable)
        while text:
            m = _DESCRIPTOR.search(text)
            if not m or m.start() == 0:
                break
            bracket, paren = m.group("bracket"), m.group("paren")
            if bracket:
                for pattern, csl_type in _BRACKET_TYPES:
                    if re.search(pattern, bracket, re.IGNORECASE):
                        item.setdefault("_type", csl_type)
                        if csl_type == "thesis":
                            item.setdefault("genre", bracket)
                        break
                else:
                    item.setdefault("medium", bracket)
            elif paren:
                if not _paren_descriptor(item, paren):
                    break
            text = text[:m.start()].rstrip(" .,:")
        if text:
            item[variable] = text


def _paren_descriptor(item: Item, paren: str) -> bool:
    version = re.fullmatch(r"(?:Version|Vers\.|v\.)\s?(\S+)", paren, re.IGNORECASE)
    edition = re.fullmatch(r"(\d+)(?:st|nd|rd|th)\.? ed(?:ition|\.)?", paren, re.IGNORECASE)
    patent = re.fullmatch(r"(?:U\.S\. )?Patent (?:No\.\s?)?(\S+)", paren, re.IGNORECASE)
    people = re.fullmatch(r"(.+?),\s(Trans|Eds?|Ed|Trans\. & Eds?)\.", paren)
    if version:
        item.setdefault("version", version.group(1))
    elif edition:
        item.setdefault("edition", edition.group(1))
    elif patent:
        item.setdefault("number", patent.group(1))
        item.setdefault("_type", "patent")
    elif people:
        role = "translator" if people.group(2).startswith("Trans") else "editor"
        names, _ = _names(people.group(1))
        if names and role not in item:
            item[role] = names
    else:
        return False
    return True


# Words in the names of publishers and issuing bodies (also used by the reference-list parser).

def _container_that_is_a_publisher(item: Item) -> None:
    """"Title. Oxford University Press, 2010." read as a journal with no volume or pages: the
    "journal" is the book's publisher ("Geneva: World Health Organization" a place and a publisher).
    With no title at all, "Faust. Insel" is the title and the publisher."""
    container = item.get("container-title")
    if not container or any(item.get(v) for v in ("volume", "issue", "page", "DOI", "editor", "URL")):
        return
    one_span = "title" not in item and ". " in container
    if one_span:
        item["title"], _, container = container.partition(". ")
        item["container-title"] = container
    if "publisher" in item or _SERIAL_WORDS.search(container):
        return
    placed = re.fullmatch(r"([A-Z][\w .,'-]{1,40}?):\s(.+)", container)
    # journals have no editions, and "Rowman & Littlefield", "Farrar, Straus & Giroux" are firms; a
    # short name the tagger read with the title as one "journal" ("Faust. Insel.") is the imprint
    short_imprint = one_span and len(container.split(",")[0].split()) <= 2 and container[:1].isupper() \
        and not _REFERENCE_WORK.search(container)
    if placed or PUBLISHER_NAME.search(container) or item.get("edition") or _FIRM.fullmatch(container.strip(" .,")) \
            or short_imprint:
        del item["container-title"]
        if placed:
            item.setdefault("publisher-place", placed.group(1))
            container = placed.group(2)
        elif short_imprint and "publisher-place" not in item:
            with_place = _NAME_COMMA_PLACE.fullmatch(container.rstrip(". "))  # "Insel, Frankfurt am Main"
            if with_place:
                container, item["publisher-place"] = with_place.group(1), with_place.group(2)
        item["publisher"] = container


_NAME_COMMA_PLACE = re.compile(r"([^,]{2,60}),\s([A-Z][^\W\d_]+(?:\s[^\W\d_]+){0,3})")
_FIRM = re.compile(r"[A-Z][\w'-]{1,20}(?:,\s[A-Z][\w'-]{1,20}){0,3}\s&\s[A-Z][\w'-]{1,20}")
_SERIAL_WORDS = re.compile(r"(?i)\b(?:journal|review|proceedings|conference|symposium|bulletin|quarterly|transactions|"
                           r"annals|letters|magazine|times|news|post|gazette|herald|tribune)\b")


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
    else:
        publisher, _, place = inner.partition(",")
    if publisher.strip():
        item["publisher"] = publisher.strip()
        if place.strip():
            item["publisher-place"] = place.strip(" ,")
        elif item.get("publisher-place") and item["publisher-place"] in publisher:
            del item["publisher-place"]




def _publisher_and_place(item: Item) -> None:
    """"Springer Nature: Cham" (ACS writes the publisher first) or "Oxford: Clarendon Press" read as
    one publisher: the side that looks like a publisher's name is the publisher."""
    publisher = item.get("publisher", "")
    if ":" not in publisher:
        return
    left, _, right = (part.strip(" ,;") for part in publisher.partition(":"))
    if not left or not right:
        return
    right_is_place = is_place(right) and not is_place(left)
    if right_is_place or (PUBLISHER_NAME.search(left) or _FIRM.fullmatch(left)) and not PUBLISHER_NAME.search(right):
        item["publisher"] = left
        place = right
    else:
        item["publisher"] = right
        place = left
    existing = item.get("publisher-place")
    item["publisher-place"] = f"{place}, {existing}" if existing and existing not in place else place


def _publisher_before_semicolon(grouped: dict[str, list[str]]) -> None:
    """Vancouver and AMA print a book's "Title. Publisher; 1934." and a chapter's "In: Book.
    Publisher; 1987": a title span that ends with ";" holds the publisher after its last period."""
    if "publisher" in grouped:
        return
    for label in ("container-title", "title"):
        texts = grouped.get(label)
        if not texts or not texts[-1].rstrip().endswith(";"):
            continue
        head, dot, tail = texts[-1].rstrip().rstrip(";").rpartition(". ")
        if dot and head and len(tail) > 1 and not re.fullmatch(r"(?:[A-Z]\.?\s?)+", tail):
            if ":" in tail:  # "New York: Wiley"
                place, _, tail = tail.partition(":")
                grouped.setdefault("location", [place])
            grouped[label][-1] = head + "."
            grouped["publisher"] = [tail.strip()]
            return


def expand_page_range(page: str) -> str:
    """"138-66" -> "138-166": the end of an abbreviated range takes the start's leading digits."""
    m = re.fullmatch(r"(\d+)-(\d+)", page)
    if m and len(m.group(2)) < len(m.group(1)):
        start, end = m.groups()
        return f"{start}-{start[:len(start) - len(end)]}{end}"
    return page


def _year(text: str) -> str:
    m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text)
    return m.group(1) if m else text


_SCHOLARLY_SERIAL = re.compile(r"(?i)\b(?:journal|review|proceedings|proc|conf|conference|symposium|workshop|transactions|"
                               r"annals|letters|bulletin|acta|zeitschrift|quarterly|studies|research|science|j\.)|\d")


def infer_type(item: Item, grouped: dict[str, list[str]]) -> str:
    if item.get("director") and not item.get("container-title"):
        return "motion_picture"
    genre = " ".join(grouped.get("genre", [])).lower()
    if re.search(r"thesis|dissertation|doctoral|ph\.?d", genre):
        return "thesis"
    if re.search(r"report|working paper|technical", genre):
        return "report"
    container = item.get("container-title", "")
    if item.get("version") and not container and not item.get("ISBN"):
        return "software"  # "Pandoc. Version 3.1, 2023": a versioned work in no container
    if item.get("editor") and container:
        return "chapter"
    if container and re.search(r"(?i)proceedings|conference|symposium|workshop|congress", container):
        return "paper-conference"
    if container and not (item.get("volume") or item.get("issue")) and _REFERENCE_WORK.search(container):
        dictionary = re.search(r"(?i)dictionar|wörterbuch|dictionnaire|diccionario|lexicon\b", container)
        return "entry-dictionary" if dictionary else "entry-encyclopedia"
    if container and item.get("publisher") and not (item.get("volume") or item.get("issue")):
        return "chapter"  # "In Book; Publisher: Place, 2010; pp 133–134"
    dated = item.get("issued", {}).get("date-parts", [[]])[0] if isinstance(item.get("issued"), dict) else []
    if container and not (item.get("volume") or item.get("issue") or item.get("URL")) and len(dated) >= 2 \
            and not _SCHOLARLY_SERIAL.search(container):
        # "The New York Times, 6 Sept., p. A1": a periodical dated to the day (or month) with no volume
        return "article-newspaper" if len(dated) == 3 else "article-magazine"
    if container and (item.get("volume") or item.get("issue") or item.get("page")):
        return "article-journal"
    if container:
        return "webpage" if item.get("URL") and not item.get("publisher") else "article-journal"
    if item.get("publisher") or item.get("ISBN") or item.get("publisher-place"):
        return "book"
    if item.get("URL"):
        return "webpage"
    return "document"


def parse_with_tagger(text: str) -> tuple[Item, list[str]]:
    """A reference in any style to a CSL item (and the text it could not place)."""
    spans = tag_reference(text)
    item = spans_to_item(spans)
    leftovers = [t.strip() for label, t in spans if label == "other" and len(t.strip(" .,;:()[]")) > 3]
    return item, leftovers
