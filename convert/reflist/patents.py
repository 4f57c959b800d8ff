"""Patents as Wikipedia's {{cite patent}} prints them: "US patent 3,547,016, Smith, John, “Lunar
module landing gear”, issued 15 December 1970", "US application 2005/0123456, Doe, Jane & Roe,
Richard, "Widget", published 2005-06-09, assigned to Acme Corp.".

The template is not one of the CS1 family and its output has none of their separators: the
country and number lead, inventors and title follow after commas, and the dates and assignee come
as "published ...", "issued ...", "assigned to ...".  The grammar read the number as an author.
"""

from __future__ import annotations

import re
from typing import Any

from ..csl import date_to_csl
from ..normalize.dates import parse_date
from ..normalize.names import parse_name

_PATENT = re.compile(
    r"^(?P<country>[A-Z]{2,3})\s(?:(?P<status>patent|application)\s)?(?P<number>[A-Z]{0,2}\s?\d[\d,./ -]{0,20}?[\dA-Z])"
    r",\s(?:(?P<inventors>[^“”\"]{2,300}?),\s)?[“\"](?P<title>[^“”\"]{2,400})[”\"](?P<tail>(?:,\s[^,]{2,120})*)\.?$")
_COUNTRY_FIRST = re.compile(r"\s*[A-Z]{2,3}\s")
_TAIL = re.compile(r"^(?P<what>published|issued|filed|assigned to)\s(?P<value>.+)$")


def parse_patent_citation(text: str) -> dict[str, Any] | None:
    """The CSL item of a {{cite patent}} reference, or None when the text is not one."""
    if not _COUNTRY_FIRST.match(text):  # the cheap test first: this runs on every reference
        return None
    m = _PATENT.match(" ".join(text.split()).rstrip(". "))
    if not m:
        return None
    parts = [p.strip() for p in m.group("tail").split(", ") if p.strip()]
    tails = [t for t in map(_TAIL.match, parts) if t is not None]
    if len(tails) < len(parts) or not (m.group("status") or tails):
        return None  # "US 5, ..." with no patent word and no "issued"/"published" is no patent
    item: dict[str, Any] = {"type": "patent", "title": m.group("title").strip(" ,"), "number": m.group("number"),
                            "jurisdiction": m.group("country")}
    if m.group("inventors"):
        people = re.split(r"\s&\s|;\s", m.group("inventors"))
        item["author"] = [parse_name(person) for person in people if person.strip()]
    dates = {}
    for tail in tails:
        what, value = tail.group("what"), tail.group("value").strip()
        date = parse_date(value) if what != "assigned to" else None
        if date is None:
            item.setdefault("custom", {})["assignee" if what == "assigned to" else what] = value
        else:
            dates[what] = (value, date)
    if "issued" in dates:  # the grant; an application's publication beside it is kept as written
        item["issued"] = date_to_csl(dates["issued"][1])
        if "published" in dates:
            item.setdefault("custom", {})["published"] = dates["published"][0]
    elif "published" in dates:
        item["issued"] = date_to_csl(dates["published"][1])
    if "filed" in dates:
        item["submitted"] = date_to_csl(dates["filed"][1])
    if m.group("status") == "application":
        item["genre"] = "Patent application"
    return item
