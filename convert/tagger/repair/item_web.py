"""Web details read from the whole reference: URLs, access dates with or without their word, and
the connecting words they leave in the note."""

from __future__ import annotations

import re

from ...csl import Item, date_to_csl
from ...normalize.dates import parse_date
from .text import _QUOTED_TITLE, _date_parts, _year_of

_ACCESS_DATE = re.compile(r"(?i)\b(?:retrieved|accessed|viewed|cited|last accessed|consulté le|abgerufen am|consultado el)"
                          r"(?:\s(?:on|from))?:?\s(?P<date>[^\[\]();]{0,30}?\d{4}(?:\s[A-Z][a-z]{2}\.?(?:\s\d{1,2})?)?)"
                          r"(?=[\].),;]|\s|$)")  # "5 Apr. 2021", "April 2, 2023", Vancouver's "2021 Oct 5"
_FULL_DATE = re.compile(r"\b(?:\d{1,2}\s[A-Z][a-z]{2,8}\.?\s\d{4}|[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4}|\d{4}-\d{2}-\d{2})\b")

_VANCOUVER_CITED = re.compile(r"(?P<date>(?:1[5-9]|20)\d\d(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?)\s\[(?:cited|accessed)\b")
_BARE_WWW = re.compile(r"(?<![/\w@.])www\.[\w-]+(?:\.[\w-]+)+(?:/[^\s,;]*)?")


def _web_details(text: str, grouped: dict[str, list[str]], item: Item) -> None:
    """What web references print and the tagger, trained mostly on articles, misses."""
    _access_date_anywhere(text, item)
    _date_before_cited(text, item)
    _vancouver_web_page(text, item)
    if "title" not in item:  # a quoted title the tagger filed under another label
        quoted = _QUOTED_TITLE.search(text)
        if quoted:
            item["title"] = quoted.group("title").strip()
    if "URL" not in item:  # MLA prints the URL without its scheme
        bare = _BARE_WWW.search(text)
        if bare:
            item["URL"] = bare.group(0).rstrip(".")
    _day_inside_a_date_span(grouped, item)
    note = item.get("note")
    if item.get("URL") and isinstance(note, str) and _CONNECTING_LEFTOVER.fullmatch(note.strip(" .,;:")):
        del item["note"]  # Harvard's "Available at:" before the URL, which the tagger left unplaced


# NLM's part of a web site: "[Author.] Site [Internet]. [Place: Publisher; ][date ][cited date]. Part title.
# Available from: URL" -- the site comes first and the page's own title after the access date
_VANCOUVER_WEB = re.compile(r"^(?P<head>[^\[\]]{1,300}?)\s\[Internet\]\.\s(?P<imprint>[^\[\]]{0,200}?)\s?"
                            r"\[(?:cited|updated)\s[^\[\]]{4,30}\]\.\s(?P<rest>.+)$")
# (starting only where a run of white space starts: a long run with no URL after it stays linear)
_AVAILABLE_URL = re.compile(r"(?<!\s)\s*(?:Available (?:from|at):?\s*)?(?:https?://|www\.)\S*\s*$")


def _vancouver_web_page(text: str, item: Item) -> None:
    """Vancouver's "NATO [Internet]. [cited 2024 Mar 5]. Member countries. Available from: ...": the
    tagger, which sees titles first, reads the site as a note or an author and the access year as
    the date.  The sentence after the access date is the page's title, the one before "[Internet]"
    its site (after an author's sentence, if there is one), and a date only before "[cited".  An
    article's "Title. Journal [Internet]. 2018 Jul 9 [cited ...]. Available from:" has nothing after
    the access date but its URL, and is left to the other rules."""
    m = _VANCOUVER_WEB.match(text)
    page_title = _AVAILABLE_URL.sub("", m.group("rest")).strip(" .") if m else ""
    if m is None or not page_title or "[" in page_title:
        return
    author, _, site = m.group("head").rpartition(". ")
    imprint = m.group("imprint").strip(" .")
    publisher, _, date_text = imprint.rpartition("; ") if "; " in imprint else ("", "", imprint)
    date = parse_date(date_text) if date_text else None
    if date_text and date is None:
        return  # something other than a date before "[cited": not this form
    item["title"], item["container-title"] = page_title, site.strip()
    item["_type"] = "webpage"  # a publisher beside the site would otherwise make it a chapter
    if date is None:
        item.pop("issued", None)  # the access year, read as the date
    else:
        item["issued"] = date_to_csl(date)
    if publisher:
        place, _, name = publisher.rpartition(": ")
        item["publisher"] = name.strip()
        if place:
            item["publisher-place"] = place.strip()
    elif item.get("publisher") == item["container-title"]:
        del item["publisher"]
    if author and "author" not in item:
        item["author"] = [{"literal": author.strip()}]  # a site's author is mostly a body ("NATO.")
    for piece in (m.group("head") + " [Internet].", page_title + "."):
        _drop_from_note(item, piece)


# What is left of a note once the date in it was read: words that only introduced it
_CONNECTING_LEFTOVER = re.compile(r"(?i)(?:\[?(?:online|internet)\]?\.?\s*)?(?:available(?: from| at)?:?|from)?")


def _drop_from_note(item: Item, piece: str) -> None:
    """The tagger left ``piece`` unplaced (in ``note``) and a rule has now read it: take it out,
    and the note with it when nothing but connecting words remain."""
    note = item.get("note")
    if not isinstance(note, str) or piece not in note:
        return
    # (the brackets that held the piece go with it; a bracket the rest still opens stays:
    # "[Internet]. 2019 Mar 4 [cited 2024 Jan 2]." leaves "[Internet].")
    rest = re.sub(r"\[\s*\]|\(\s*\)", "", note.replace(piece, "", 1))
    rest = re.sub(r"\s+(?=[.,;:])", "", " ".join(rest.split()))
    rest = re.sub(r"(?<=[.,;:])[.,;:]+", "", rest).strip(" .,;:")
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
    date = parse_date(m.group("date")) if m else None
    if m is None or date is None:
        return
    issued_parts = _date_parts(item, "issued")
    issued_year = issued_parts[0] if issued_parts else None
    # (or the date's own year, read alone from a span that held "[cited ...]" too: "2018 Jul 9 [cited")
    more_precise = issued_year == date.start[0] and len(issued_parts) < len(date.start)
    if issued_year is not None and issued_year != _year_of(item, "accessed") and not more_precise:
        return
    item["issued"] = date_to_csl(date)
    _drop_from_note(item, m.group("date"))


def _day_inside_a_date_span(grouped: dict[str, list[str]], item: Item) -> None:
    """"12 Mar. 2019, www.…" read as one date span gave only the year: the day too."""
    issued = _date_parts(item, "issued")
    if len(issued) != 1:
        return
    for date_text in grouped.get("date", []):
        full = _FULL_DATE.search(date_text)
        date = parse_date(full.group(0)) if full else None
        if date is not None and date.start[:1] == tuple(issued):
            item["issued"] = date_to_csl(date)
            return
