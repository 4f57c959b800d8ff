"""Item repairs for titles and containers: descriptors, editions and roles left in a title, a
book series read as a container, a container's tail of dates and statuses."""

from __future__ import annotations

import re

from ...csl import Item, date_to_csl
from ...normalize.dates import month_number, parse_date
from ...normalize.names import is_organisation
from ..cjk import GBT_MARK, GBT_TYPES
from .text import _IN, _REFERENCE_WORK, _SERIAL_WORDS, _date_parts, _names, _strip_wrapping, _year_of

_IN_EDITORS = re.compile(r"^(?P<editors>[^.;:]{2,300}?(?:\s[A-Z]{1,3}|\.)),?\s\(?(?:eds?|editors?|Hrsg)\.?\)?[.,]?\s+(?P<book>\S.*)$")


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


_LEADING_YEAR = re.compile(r"^((?:1[5-9]|20)\d\d(?:[–-](?:1[5-9]|20)?\d\d)?[a-z]?)[.,]\s+(?=\S)")
# "n.d.", and in brackets Harvard's "(no date)", German "o. J.", Romance "s.d." / "s.f.": no date
# ("A book with no date" keeps its words)
_NO_DATE_TAIL = re.compile(r"[,.]?\s*(?:\(?n\.\s?d\.?\)?|[(\[](?:no date|o\.\s?J\.|s\.\s?[df]\.)[)\]])\.?$")


# Chicago's "May 25" and Harvard's "25 May" after the work (the year is in the head)
_CONTAINER_TAIL = re.compile(r",\s(?:(?P<status>[Ii]n press|[Ff]orthcoming|[Aa]ccepted)|(?P<month>[^\W\d_]{3,10}\.?)(?:\s(?P<day>\d{1,2}))?"
                             r"|(?P<day2>\d{1,2})\s(?P<month2>[^\W\d_]{3,10}\.?))\.?$")


# MDPI prints "In Proceedings of the" before every conference's name, also one that has the word itself
_STYLES_PROCEEDINGS_PREFIX = re.compile(r"Proceedings of the\s(?=[^,;]{0,200}\bProceedings\b)")


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
    doubled = _STYLES_PROCEEDINGS_PREFIX.match(container)
    if doubled:  # MDPI's "In Proceedings of the | MRS Proceedings": the style's words before the name
        container = item["container-title"] = container[doubled.end():]
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
        if day is None and len(_date_parts(item, "issued")) > 1:
            return  # the date has its month already
        date = parse_date(f"{month} {day} {year}" if day else f"{month} {year}")
        if date is None:
            return
        item["issued"] = date_to_csl(date)
    item["container-title"] = container[:tail.start()]


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


# The words that make a name before a title's colon a body's ("World Health Organization: World
# report"), not a subject's ("NATO: The First Fifty Years", "The Alliance: A History")
_BODY_WORDS = re.compile(r"\b(?:Organi[sz]ation|Association|Institute|Commission|Council|Agency|Department|Ministry|"
                         r"Office|Society|Bank|Fund|Federation|Foundation|Bureau|Committee|Centre|Center|Service)\b")
_NAME_OF_A_BODY = re.compile(r"(?:[A-Z][\w'’&.-]*|of|for|and|on|the|de|&)(?:\s(?:[A-Z][\w'’&.-]*|of|for|and|on|the|de|&)){1,9}")


def _organisation_before_title(item: Item) -> None:
    """"World Health Organization. World Report on Disability." read as one title with no author:
    a first sentence that names an institution is the author.  DIN writes a colon after its author
    ("World Health Organization: World report on disability."): there the name must be a body's by
    its words, or be the publisher's, since a title's own colon often follows a name."""
    title = item.get("title")
    if item.get("author") or item.get("editor") or not isinstance(title, str):
        return
    head, _, rest = title.partition(". ")
    if rest and len(head.split()) >= 2 and is_organisation(head):
        item["author"] = [{"literal": head}]
        item["title"] = rest
        return
    head, _, rest = title.partition(": ")
    if rest[:1].isupper() and _NAME_OF_A_BODY.fullmatch(head) \
            and (_BODY_WORDS.search(head) or head == item.get("publisher")):
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
