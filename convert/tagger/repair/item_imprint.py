"""Item repairs for the imprint: a publisher and its place in one field, a publisher left in a
title or a container, a proceedings' publisher."""

from __future__ import annotations

import re

from ...csl import Item
from ...normalize.names import is_organisation
from ...normalize.publishers import KNOWN_PLACES, PUBLISHER_NAME, REGIONS, TOWN, is_place
from .item_titles import _title_descriptors
from .text import _PLACE_WORDS, _REFERENCE_WORK, _SERIAL_WORDS, _splits_as_imprint

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

_IMPRINT_TAIL = re.compile(rf"^(?P<title>.{{8,}}?[^\s.]{{2}})\.\s(?P<place>{_PLACE_WORDS}):\s(?P<publisher>[^:;]{{2,120}}?)[,.]?$")
# ACS's "Title; Publisher: Place"
_IMPRINT_TAIL_ACS = re.compile(rf"^(?P<title>.{{8,}}?[^\s;]{{2}});\s(?P<publisher>[^:;]{{2,120}}?):\s(?P<place>{_PLACE_WORDS})[,.]?$")


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


# Water Science and Technology's "Title, Providence, RI, American Mathematical Soc.": the state
# code (or nation) after the town, read as the publisher's first word, or the town with it
_REGION_CODE = r"[A-Z]{2}|U\.S\.A?\.|USA|UK|U\.K\."
_REGION_BEFORE_PUBLISHER = re.compile(rf"({_REGION_CODE})\s?,\s(\S.*)")
_TOWN_REGION_PUBLISHER = re.compile(rf"({TOWN},\s(?:{_REGION_CODE})),\s(\S.*)")
_TOWN_ENDING_TITLE = re.compile(rf",\s({TOWN}),?\s*$")
# "AT&T Bell Laboratories, Statistics Department, Murray Hill, NJ": the publisher, then the town and its state
_PUBLISHER_TOWN_REGION = re.compile(rf"(.+?),\s({TOWN},\s(?:{_REGION_CODE}))")


def _publisher_comma_place(item: Item) -> None:
    """Elsevier's Harvard ends a book with "Publisher, Place.": "Springer Nature, Cham" read as one
    publisher, or "Universität | Wien, Wien" cut one word too early."""
    publisher, place = item.get("publisher"), item.get("publisher-place")
    if publisher is None and isinstance(place, str):
        _place_comma_publisher(item, place)
        return
    if not isinstance(publisher, str):
        return
    region = _REGION_BEFORE_PUBLISHER.match(publisher)
    title = item.get("title")
    if region and isinstance(place, str) and ", " not in place:  # "Providence, | RI, American Mathematical Soc."
        item["publisher-place"], item["publisher"] = f"{place.strip(' ,')}, {region.group(1)}", region.group(2)
    elif region and place is None and isinstance(title, str) and (town := _TOWN_ENDING_TITLE.search(title)):
        item["title"] = title[:town.start()]  # "Local Regression, Murray Hill, | NJ, AT&T Bell Laboratories"
        item["publisher-place"], item["publisher"] = f"{town.group(1)}, {region.group(1)}", region.group(2)
    elif place is None and (town_first := _TOWN_REGION_PUBLISHER.fullmatch(publisher)):
        item["publisher-place"], item["publisher"] = town_first.group(1), town_first.group(2)  # "Murray Hill, NJ, AT&T"
    elif place is None and (town_last := _PUBLISHER_TOWN_REGION.fullmatch(publisher.strip(" ,."))):
        item["publisher"], item["publisher-place"] = town_last.group(1), town_last.group(2)
    elif place is None:
        m = _LAST_PLACE.fullmatch(publisher)
        first, _, rest = publisher.partition(", ")
        if m and PUBLISHER_NAME.search(m.group(1)) and not PUBLISHER_NAME.search(m.group(2)):
            item["publisher"], item["publisher-place"] = m.group(1), m.group(2)
        elif is_place(first) and PUBLISHER_NAME.search(rest) and not PUBLISHER_NAME.search(first):
            item["publisher"], item["publisher-place"] = rest.strip(" ,"), first  # DIN's "Wien, Universität Wien"
    elif isinstance(place, str) and _NAMELESS_BODY.fullmatch(publisher.strip(" ,")):
        m = _LAST_PLACE.fullmatch(place)
        if m and " " not in m.group(1) and not re.fullmatch(r"[A-Z]{2}|D\.\s?C\.", m.group(2)):
            item["publisher"], item["publisher-place"] = f"{publisher.strip()} {m.group(1)}", m.group(2)


def _place_comma_publisher(item: Item, place: str) -> None:
    """Harvard (Durham, Deakin) and AAPG end a book with "Place, Publisher.": "Paris, Inserm" read as
    one place, when the town is a known one and the word after it is no state, province or country
    ("Boulder, Colorado" and "Cambridge, Mass." stay places)."""
    town, _, rest = place.partition(", ")
    rest = rest.strip()
    region = rest.rstrip(".").removeprefix("The ")  # ("Amsterdam, The Netherlands")
    if town in KNOWN_PLACES and rest[:1].isupper() and region not in REGIONS and region not in KNOWN_PLACES \
            and not re.match(r"[A-Z]{2}\b|[A-Z]\.\s?[A-Z]\.", rest) and not re.search(r"[,.:]\s", rest) \
            and len(rest.split()) <= 6:  # (not "Boston, MA. Available at")
        item["publisher"], item["publisher-place"] = rest, town


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


# A period that ends a sentence, not a form of address's ("Dr. Strangelove. Columbia Pictures")
_SENTENCE_PERIOD = re.compile(r"(?<!\b(?:Dr|Mr|Ms|St))(?<!\bMrs)(?<!\bProf)\.\s")


def _container_that_is_a_publisher(item: Item) -> None:
    """"Title. Oxford University Press, 2010." read as a journal with no volume or pages: the
    "journal" is the book's publisher ("Geneva: World Health Organization" a place and a publisher).
    With no title at all, "Faust. Insel" is the title and the publisher."""
    container = item.get("container-title")
    # (a web page's container is its site, unless a place follows it as an imprint's does: IEEE's
    # online report "“Annual report 2022,” NATO Public Diplomacy Division, Brussels, Mar. 2023.")
    if not container or any(item.get(v) for v in ("volume", "issue", "page", "DOI", "editor")) \
            or (item.get("URL") and "publisher-place" not in item):
        return
    first_period = _SENTENCE_PERIOD.search(container) if "title" not in item else None
    one_span = first_period is not None
    if first_period is not None:
        item["title"], container = container[:first_period.start()], container[first_period.end():]
        item["container-title"] = container
    if "publisher" in item or _SERIAL_WORDS.search(container):
        return
    placed = re.fullmatch(r"([A-Z][\w .,'-]{1,40}?):\s(.+)", container)
    # journals have no editions, and "Rowman & Littlefield", "Farrar, Straus & Giroux" are firms; a
    # short name the tagger read with the title as one "journal" ("Faust. Insel.") is the imprint
    short_imprint = one_span and len(container.split(",")[0].split()) <= 2 and container[:1].isupper() \
        and not _REFERENCE_WORK.search(container)
    # (a body's name with its place after it is an imprint too: "Congressional Research Service, Washington, DC")
    body_with_place = "publisher-place" in item and is_organisation(container.strip(" .,")) \
        and not _MEETING.search(container)  # (not a meeting's: "..., 2nd Annual Meeting, Morgantown, WV")
    if placed or PUBLISHER_NAME.search(container) or item.get("edition") or _FIRM.fullmatch(container.strip(" .,")) \
            or short_imprint or body_with_place:
        del item["container-title"]
        if placed:
            item.setdefault("publisher-place", placed.group(1))
            container = placed.group(2)
        elif short_imprint and "publisher-place" not in item:
            with_place = _NAME_COMMA_PLACE.fullmatch(container.rstrip(". "))  # "Insel, Frankfurt am Main"
            if with_place:
                container, item["publisher-place"] = with_place.group(1), with_place.group(2)
        head, comma, town = container.rstrip(". ").rpartition(", ")
        if comma and "publisher-place" not in item and town in KNOWN_PLACES and not is_place(head):
            container, item["publisher-place"] = head, town  # "“Title,” World Health Organization, Geneva (2011)."
        item["publisher"] = container


_NAME_COMMA_PLACE = re.compile(r"([^,]{2,60}),\s([A-Z][^\W\d_]+(?:\s[^\W\d_]+){0,3})")
_FIRM = re.compile(r"[A-Z][\w'-]{1,20}(?:,\s[A-Z][\w'-]{1,20}){0,3}\s&\s[A-Z][\w'-]{1,20}")


def _publisher_before_colon(left: str, right: str) -> bool:
    """Whether "left: right" is ACS's "Publisher: Place" rather than the usual "Place: Publisher":
    the right side is a known town and the left is not, or only the left looks like a publisher."""
    return is_place(right) and not is_place(left) \
        or bool(PUBLISHER_NAME.search(left) or _FIRM.fullmatch(left)) and not PUBLISHER_NAME.search(right)


def _publisher_and_place(item: Item) -> None:
    """"Springer Nature: Cham" (ACS writes the publisher first) or "Oxford: Clarendon Press" read as
    one publisher: the side that looks like a publisher's name is the publisher."""
    publisher = item.get("publisher", "")
    if ":" not in publisher:
        return
    left, _, right = (part.strip(" ,;") for part in publisher.partition(":"))
    if not left or not right:
        return
    if _publisher_before_colon(left, right):
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
