"""The grammar of Wikipedia's rendered citations (CS1 and CS2) to CSL items.

A CS1 reference renders in a fixed order:

    Authors (Date). "Title". Work. Location: Publisher. Volume (Issue): Pages. Identifiers.
    "Title". Work. Publisher. Date. Archived from the original on D. Retrieved D.
    Authors (Date). Book Title. Publisher. ISBN ...

After :mod:`artefacts` has cut out archive notes, access dates, identifiers and URLs, this module
splits the rest into the author/date head, the quoted title and the dot-separated segments that
follow (CS2 separates them by commas), and classifies each segment by its shape.  Segments whose
place cannot be decided are returned to the caller, which files them under ``note``: nothing is
dropped and nothing is invented.
"""

from __future__ import annotations

import re
from typing import Any

from ..csl import date_to_csl
from ..normalize.dates import parse_date
from ..normalize.journals import JOURNAL_ABBREVIATIONS
from ..normalize.names import is_organisation, parse_name, split_name_list, vancouver_names
from ..normalize.publishers import KNOWN_PLACES, PUBLISHER_NAME, TOWN_AND_STATE, is_place
from .artefacts import extract_artefacts

Item = dict[str, Any]

_OPEN_QUOTES = "“\"„«"
_CLOSE_FOR = {"“": "”\"″", "\"": "\"”″", "„": "“”\"", "«": "»"}
_ABBREVIATIONS = frozenset(
    """inc ltd co corp st jr sr dr mr mrs ms prof vol vols no nos pp p ed eds trans l.p u.s u.k e.g i.e etc vs
    ca c rev dept univ assn natl intl govt mt ft gen col lt sgt capt adm gov sen rep pres nr bd hrsg ders
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Abbreviations that end a segment with their own period ("Bloomberg L.P.", "Acme Inc."): the period stays.
_PERIOD_WORDS = frozenset("u.s u.k l.p inc ltd co corp jr sr st p pp no vol ed eds n.d".split())
_SHORT = re.compile(
    r"^(?P<names>[^\d()“”\"]{1,120}?)\s(?P<year>\d{4}[a-z]?|n\.d\.)"
    r"(?:,\s(?P<loc>(?:pp?\.|§|chap\.|ch\.)\s?[^\s].{0,60}?|[\divxlc]{1,12}(?:[–-][\divxlc]{1,12})?))?\.?$"
)
_HEAD = re.compile(r"^(?P<names>.{1,600}?)\s?\((?P<date>[^()]{1,60})\)[.,]?$")
_HEAD_REST = re.compile(r"^(?P<names>[^()“”\"]{1,600}?(?:\s\([a-z]{4,12}\))?)\s\((?P<date>[^()]{1,60})\)[.,]\s(?P<rest>.+)$")
_EDITOR = re.compile(r"(?:,\s|(?<=\.)\s|\s\()(?:eds?\.?|editors?|Hrsg\.?|dir\.?)\)?$", re.IGNORECASE)
_EDITOR_HEAD = re.compile(r"^(?P<names>[^()\"“”]{3,300}?)\s\((?:eds?\.|editors?|Hrsg\.)\)\.\s(?P<rest>.+)$")
_PAGES = re.compile(r"^(?:pp?\.|pages?|S\.)\s?(?P<page>[^\s].{0,80})$")
_VOLUME_ISSUE = re.compile(  # the IUCN Red List's "2020: e.T15953A163856367" too
    r"^(?:[Vv]ol(?:ume)?\.?\s)?(?P<volume>(?:[A-Z](?=\d))?[\dIVXLC]{1,8}[A-Za-z]?(?:[–-][\dIVXLC]{1,8})?)\s?"
    r"(?:\((?P<issue>[^()]{1,30})\)|,?\s(?:[Nn]o\.|[Ii]ssue)\s(?P<issue2>\S{1,12}))?"
    r"(?::\s?(?P<page>(?:[A-Za-z]{0,8}\d|[a-z]\.[A-Z]\d|[a-z]{2,8}\.[a-z]{1,8}\d|[ivxlc]{1,8}\b)\S{0,30}"
    r"(?:[,–-]\s?\S{1,20}){0,4}))?$"  # "pdb.emo102301": Cold Spring Harbor Protocols' e-locator
)
# "(16): 3–18": a journal numbered by issue only
_NUMBER_ONLY = re.compile(r"^(?:[Nn]o\.|[Ii]ssue)\s?(?P<issue>\d[\w/–-]{0,11})$")
_ISSUE_ONLY = re.compile(r"^\((?P<issue>[^()]{1,30})\)(?::\s?(?P<page>[A-Za-z]{0,8}\d\S{0,20}(?:[,–-]\s?\S{1,20}){0,4}))?$")
# "Vol. I: L'Appel": a volume with its own title
_VOLUME_TITLE = re.compile(r"^[Vv]ol(?:ume)?\.?\s(?P<volume>[\dIVXLC]{1,8}[A-Za-z]?):\s(?P<title>[^\d\s].{1,200})$")
# "Vol. 1–3 (3rd ed.)": an edition glued to the segment before it
_TRAILING_EDITION = re.compile(r"^(?P<rest>.{1,200}?\S)\s\((?P<edition>[^()]{1,30}?\sed(?:\.|ition))\)$")
_WORK_PAGE = re.compile(r"^(?P<work>.{2,200}?):\s(?P<page>[A-Z]?\d{1,5}[A-Z]?(?:[–-][A-Z]?\d{1,5})?)$")
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[A-Z][^\d:;]{1,60}?):\s(?P<publisher>[^\d].{1,200})$")
_GENRE = re.compile(r"^\((?P<genre>[^()]{2,60})\)$")
_EDITION = re.compile(r"^\(?(?P<edition>(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+|[Rr]evised|[Rr]ev\.)(?:\s\w+\.?)?)\sed(?:\.|ition)\)?$")
# {{cite episode}}: "Episode 3", "Season 2"
_EPISODE = re.compile(r"^(?:Episode|Season|Series|Series \d{1,3}, Episode)\s\d{1,4}$")
_TRANSLATED = re.compile(r"^(?:[Tt]ranslated by|[Tt]rans\. by|[Tt]r\.)\s(?P<names>.+)$")
_EDITED = re.compile(r"^(?:[Ee]dited by|[Ee]d\. by|[Ii]n\s)(?P<names>.+?)(?:\s\((?:eds?\.)\))?$")
_VIA = re.compile(r"^(?:[Vv]ia|Source:)\s(?P<source>.+)$")
_DOMAIN = re.compile(r"^[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}$")

TYPE_GENRES = {
    "report": ("report", None), "technical report": ("report", None), "thesis": ("thesis", None),
    "phd thesis": ("thesis", "PhD thesis"), "doctoral thesis": ("thesis", "Doctoral thesis"),
    "master's thesis": ("thesis", "Master's thesis"), "ma thesis": ("thesis", "MA thesis"),
    "dissertation": ("thesis", "Dissertation"), "press release": ("document", "Press release"),
    "map": ("map", None), "speech": ("speech", None), "video": ("motion_picture", None),
    "motion picture": ("motion_picture", None), "television production": ("broadcast", None),
    "podcast": ("broadcast", "Podcast"), "tweet": ("post", "Tweet"), "blog": ("post-weblog", None),
    "letter": ("personal_communication", "Letter"), "interview": ("interview", None),
    "audio": ("song", None), "working paper": ("report", "Working paper"), "preprint": ("article", "Preprint"),
    "song": ("song", None), "liner notes": ("song", "Liner notes"), "album": ("song", "Album"),
    "media notes": ("song", "Liner notes"),
    # {{cite AV media}}'s |medium=: the carrier of a film
    "dvd": ("motion_picture", "DVD"), "blu-ray": ("motion_picture", "Blu-ray"), "vhs": ("motion_picture", "VHS"),
    "film": ("motion_picture", None), "documentary": ("motion_picture", "Documentary"),
}
_NEWS = re.compile(
    r"\b(?:Times|Post|News|Herald|Tribune|Guardian|Telegraph|Independent|Observer|Gazette|Daily|Chronicle|"
    r"Star|Express|Mirror|Standard|Reuters|Associated Press|AFP|BBC|CNN|NBC|CBS|ABC|Al Jazeera|Deutsche Welle|"
    r"Politico|Axios|Bloomberg|Pravda|Insight|Monde|Figaro|País|Zeitung|Allgemeine|Repubblica|Corriere|"
    r"Izvestia|Kommersant|Haaretz|Hindu|Dawn|Xinhua|TASS|Interfax|Euronews|France 24|Radio Free Europe|"
    r"Radio Liberty|VOA|Wall Street Journal|Journal-Constitution|Courier|Inquirer|Sentinel|Record|"
    r"Examiner|Dispatch|Globe|Le Soir|Der Standard|Kurier|NRC|Volkskrant|Aftonbladet|Yomiuri|Asahi|Mainichi|"
    r"Kyodo|Yonhap|Press Trust|ANSA|EFE|dpa|Ukrinform|Interfax|RIA Novosti|Sputnik|RT)\b"
)
# Second-level labels of news sites that are cited by their domain name.
_NEWS_DOMAINS = frozenset("""cnn aljazeera bbc reuters nytimes washingtonpost theguardian guardian apnews dw france24
rferl euronews bloomberg politico npr cbsnews nbcnews abcnews foxnews usatoday wsj ft latimes telegraph independent
thetimes timesofindia hindustantimes thehindu dawn haaretz jpost scmp straitstimes smh abc news rt tass interfax
lemonde lefigaro elpais repubblica corriere faz sueddeutsche zeit welt nzz derstandard""".split())
_MAGAZINE_NAMES = {
    " ".join(n.split()) for n in (
        "Time", "Newsweek", "The Economist", "Economist", "The Atlantic", "Foreign Affairs", "Foreign Policy",
        "The New Yorker", "Wired", "Forbes", "Fortune", "National Geographic", "Scientific American",
        "Der Spiegel", "Spiegel", "Rolling Stone", "Vanity Fair", "The Nation", "New Statesman",
        "The Spectator", "Maclean's", "L'Express", "Le Point", "Stern", "Focus", "The New Republic",
        "Harper's Magazine", "Mother Jones", "Jane's Defence Weekly", "Jane's Intelligence Review",
        "Der Spiegel Online", "Spiegel Online", "The Week", "Slate", "Salon", "Vox",
        "The New York Review of Books", "The London Review of Books", "London Review of Books", "Nature News",
        "New Scientist", "Smithsonian", "Smithsonian Magazine", "The Times Literary Supplement",
        "Variety", "Sports Illustrated", "Popular Science", "Popular Mechanics", "Der Stern", "L'Obs", "Paris Match",
        "NME", "Mojo", "Entertainment Weekly", "The Hollywood Reporter", "Sight and Sound", "Sight & Sound",
        "Uncut",
    )
}
_PROCEEDINGS = re.compile(r"\b(?:Proc\.|Proceedings|Conference|Conf\.|Symposium|Symp\.|Workshop)(?!\w)")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)\b")
_FUNCTION_WORD = re.compile(r"(?:of|on|and|in|for|the|de|der|des|du|für|di)\s")


def split_segments(text: str, separator: str = ".") -> list[str]:
    """Split on ``. `` (or ``, `` in CS2) except after initials and known abbreviations."""
    if separator == ",":
        return _join_editor_lists([s.strip() for s in re.split(r",\s", text) if s.strip(" .,")])
    segments: list[str] = []
    start = 0
    for m in re.finditer(r"\.\s+|\.$", text):
        before = text[start:m.start()]
        word = re.split(r"[\s(]", before)[-1] if before else ""
        bare = word.lower().rstrip(".")
        following = text[m.end():m.end() + 1]
        if len(word) == 1 and word.isupper():
            if following.isdigit() and m.end() < len(text):
                segments.append(text[start:m.start() + 1].strip())  # a journal's "J. 72": the volume follows
                start = m.end()
            continue  # an initial: "Christian F. Anrig"
        if bare.capitalize() in JOURNAL_ABBREVIATIONS and word[:1].isupper() and (
                (following.isupper() and not text[m.end() + 1:m.end() + 2].isdigit())  # not "Phys. Rev. B40: 4621"
                or _ORDINAL.match(text, m.end())  # "Proc. 6th Int'l Conf."
                or _FUNCTION_WORD.match(text, m.end())):  # "Conf. on Architectural Support", "Proc. of the IEEE"
            continue  # inside an abbreviated journal name: "Phys. Rev. Lett."
        if bare in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.){1,4}[A-Za-z]", word):
            if m.end() < len(text) and text[m.end():m.end() + 1].islower():
                continue
            if bare in _PERIOD_WORDS and not (bare in ("ed", "eds") and m.end() < len(text)) \
                    and not (bare in ("inc", "ltd", "co", "corp") and _YEAR_NEXT.match(text, m.end())):
                continue  # "Encyclopædia Britannica, Inc. 2010.": a firm's period, then the year
        segments.append(text[start:m.start() + 1].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        segments.append(tail)
    cleaned = []
    for segment in segments:
        segment = segment.strip(" ,;")
        if segment.endswith(".") and not _keeps_period(segment):
            segment = segment[:-1].rstrip()
        if segment:
            cleaned.append(segment)
    return cleaned


_EDITOR_MARK_END = re.compile(r"\((?:eds?\.|editors?|Hrsg\.)\)$")


def _join_editor_lists(parts: list[str]) -> list[str]:
    """CS2 separates segments with commas, and so are "in Park, S.; Lee, K. (eds.)" cut: the
    pieces from "in" to the "(ed.)" mark are one segment."""
    out: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if re.match(r"[Ii]n\s", part) and not _EDITOR_MARK_END.search(part):
            end = next((j for j in range(index + 1, min(index + 12, len(parts))) if _EDITOR_MARK_END.search(parts[j])), None)
            if end is not None:
                out.append(", ".join(parts[index:end + 1]))
                index = end + 1
                continue
        out.append(part)
        index += 1
    return out


_YEAR_NEXT = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?(?:[.,]|$)")
_ALSO_WORDS = frozenset(("cell", "arch", "bull", "can", "ann"))


def _keeps_period(segment: str) -> bool:
    word = segment.split()[-1] if segment.split() else ""
    bare = word.lower().rstrip(".")
    if word[:1].isupper() and bare.capitalize() in JOURNAL_ABBREVIATIONS and " " in segment:
        # "Phys. Rev. Lett." keeps its last period; "Molecular Cell." does not: "Cell", "Bull", "Arch"
        # are abbreviations and words, and only another abbreviated word says which
        return bare not in _ALSO_WORDS or any(w.endswith(".") for w in segment.split()[:-1])
    return bare in _PERIOD_WORDS - {"st", "p", "pp", "no", "vol"} or bool(
        re.fullmatch(r"(?:[A-Za-z]\.){2,4}", word)) or (len(word) == 2 and word[0].isupper())


def find_quoted_title(text: str) -> tuple[int, int] | None:
    """(open, close) offsets of the title's quotes: the first double quote whose nesting closes
    right before the title's end punctuation (``". ``, ``",``, ``" (``, end)."""
    for open_index, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            break
    else:
        return None
    closers = _CLOSE_FOR[ch]
    depth = 0
    length = len(text)
    for index in range(open_index + 1, length):
        current = text[index]
        if current in closers and not (current == ch and depth == 0 and ch != "\""):
            if current == "\"" and ch == "\"" and index + 1 < length and text[index + 1].isalnum():
                depth += 1  # a straight quote opening a nested quotation
                continue
            if depth > 0:
                depth -= 1
                continue
            following = text[index + 1:index + 3]
            if not following or following[0] in ".,;:?!)" or following.startswith(" (") or following[0] == " ":
                return open_index, index
        elif current in "“„«":
            depth += 1
    return None


def parse_cs1(text: str) -> tuple[Item, list[str]]:
    """Parse one rendered reference; returns the CSL item and the segments left unplaced."""
    item: Item = {}
    core = extract_artefacts(" ".join(text.split()), item)
    core = " ".join(core.split()).strip(" ,;").replace("...", _ELLIPSIS)  # a title's "today..." is no separator
    core = re.sub(r"(?<!\s)\s+([.,;:])", r"\1", core)
    core = re.sub(r"([.,])(?:\s?[.,])+", r"\1", core).replace(_ELLIPSIS, "...")  # ". ." left by cut artefacts
    original = _ORIGINAL_DATE.match(core)
    # "[1859]", or {{cite book}}'s |orig-date= as "[First published 1950]"
    orig = re.sub(r"(?i)^(?:first|originally|orig\.)\s(?:published|pub\.)\s(?:in\s)?", "",
                  original.group("orig")) if original else ""
    first_published = parse_date(orig) if original else None
    if original and first_published is not None:  # "(2010) [1989]": a reprint's first date
        item["original-date"] = date_to_csl(first_published)
        core = original.group("head") + core[original.end():]
    short = _SHORT.match(core)
    if short and not any(c in core for c in _OPEN_QUOTES) and _names_look_short(short.group("names")):
        return _short_citation(short, item), []

    leftovers: list[str] = []
    quoted = find_quoted_title(core)
    if quoted is not None:
        open_index, close_index = quoted
        head = core[:open_index].strip()
        item["title"] = core[open_index + 1:close_index].strip()
        after = core[close_index + 1:].lstrip()
        translated = re.match(r"\[([^\[\]]{1,300})\]\.?", after)
        if translated:  # trans-title: "南海珊瑚礁" [Coral reefs of ...]; kept as an unquoted title keeps it
            item["title"] += f" [{translated.group(1)}]"
            after = after[translated.end():].lstrip()
        _parse_head(head, item)
        separator = "," if after.startswith(",") and ". " not in after[:3] else "."
        after = after.lstrip(".,; ")
        segments = split_segments(after, separator)
        has_quoted_title = True
    else:
        head_match = _HEAD_REST.match(core)
        head_date = head_match.group("date").strip() if head_match else ""
        editor_head = _EDITOR_HEAD.match(core)
        cs2 = False
        if head_match and (head_date in ("n.d.", "nd") or parse_date(head_date) is not None):
            _parse_head(f"{head_match.group('names')} ({head_date})", item)
            rest = head_match.group("rest")
            cs2 = core[head_match.end("date") + 1] == ","  # "Spitz, Bob (2005), Title, ...": CS2's commas
        elif editor_head:  # "Hughes, Christopher P. (ed.). Title. Publisher. 2019."
            _parse_head(f"{editor_head.group('names')} (ed.)", item)
            rest = editor_head.group("rest")
        else:
            rest = core
        separator = "," if cs2 or (". " not in rest and ", " in rest) else "."
        segments = split_segments(rest, separator)
        if separator == ",":
            segments = _rejoin_cs2_book(segments)
        if segments:
            item["title"] = segments.pop(0)
            shown = _title_mark(item)
            if shown:
                item["type"] = shown
        has_quoted_title = False
    texts, shown_type = _classify_segments(segments, item, leftovers)
    _assign_texts(texts, item, leftovers, has_quoted_title, shown_type)
    item["type"] = shown_type or item.get("type") or infer_type(item, has_quoted_title)
    return item, leftovers


_ELLIPSIS = "\ue000"  # a private-use character holds an ellipsis while separators are tidied
_ORIGINAL_DATE = re.compile(r"^(?P<head>[^\"“”\[\]]{1,600}?\([^()]{1,60}\))\s\[(?P<orig>[^\[\]]{1,40})\](?=[.,]\s)")
_BARE_VOLUME = re.compile(r"^(?:\d{1,4}[A-Za-z]?|[IVXLC]{1,7})$")  # "3", "XII"
_BARE_PAGES = re.compile(r"^[A-Za-z]?\d{1,6}\s?[–-]\s?[A-Za-z]?\d{1,6}$")  # "37–41" after the journal
_TITLE_MARK = re.compile(r"^(?P<title>.+?)\s\((?P<mark>[^()]{2,40})\)$")


def _rejoin_cs2_book(segments: list[str]) -> list[str]:
    """CS2 separates a book's fields with commas, and its title and publisher may hold commas too
    ("Can't Buy Me Love: The Beatles, Britain, and America, New York: Harmony Books", "Boston:
    Little, Brown, p. 843"): the pieces before the "Place: Publisher" segment are the title, and a
    short capitalised piece right after it ends the publisher's name."""
    imprint = next((i for i, segment in enumerate(segments[1:], 1)
                    if (m := _PLACE_PUBLISHER.match(segment)) and is_place(m.group("place"))), None)
    if imprint is None:
        return segments
    tail = imprint + 1
    while tail < len(segments) and _ENDS_PUBLISHER_NAME.fullmatch(segments[tail]) and not _EDITION.match(segments[tail]):
        tail += 1
    return [", ".join(segments[:imprint]), ", ".join(segments[imprint:tail])] + segments[tail:]


_ENDS_PUBLISHER_NAME = re.compile(r"[A-Z][a-z]+(?:\s(?:&\s)?[A-Z][a-z]+){0,2}")  # "Brown", "Giroux", "Co"


def _title_mark(item: Item) -> str | None:
    """CS1 prints the edition and a genre in parentheses after an italic title: "Title (2nd ed.)",
    "Title (PhD thesis)", "Title (Report)".  Moved into their variables; returns the type a genre
    implies."""
    m = _TITLE_MARK.match(str(item.get("title", "")))
    if not m:
        return None
    mark = m.group("mark")
    edition = _EDITION.match(mark)
    if edition:
        item["title"] = m.group("title")
        item["edition"] = _edition_value(edition.group("edition"))
        return None
    kind = re.search(r"(?i)\b(thesis|dissertation|report|press release)\b", mark)
    if mark.lower() in TYPE_GENRES or kind:
        item["title"] = m.group("title")
        implied = _apply_genre(mark, item)
        if implied is None and kind:
            word = kind.group(1).lower()
            implied = "thesis" if word in ("thesis", "dissertation") else "report" if word == "report" else None
        return implied
    return None


def _edition_value(text: str) -> str:
    """"2nd" -> "2" (CSL's edition is the number when it is one); words are kept."""
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", text.strip())
    return m.group(1) if m else text


def _names_look_short(names: str) -> bool:
    words = names.replace("&", " ").replace(" and ", " ").split()
    return 0 < len(words) <= 8 and all(w[:1].isupper() or w in ("van", "der", "de", "von", "al.", "et", "la", "du", "den")
                                       for w in words) and "." not in names.replace("et al.", "")


def _short_citation(m: re.Match[str], item: Item) -> Item:
    names = m.group("names").strip()
    et_al = names.endswith("et al.")
    if et_al:
        names = names[: -len("et al.")].strip()
    item["author"] = [_short_name(p) for p in split_name_list(names.replace(",", ";"))]
    if et_al:
        item.setdefault("custom", {})["et-al"] = True
    year = m.group("year")
    if year != "n.d.":
        item["issued"] = {"date-parts": [[int(year[:4])]]}
        if len(year) > 4:
            item["year-suffix"] = year[4:]
    if m.group("loc"):
        location = m.group("loc")
        page = _PAGES.match(location)
        item["page"] = page.group("page") if page else location
    item.setdefault("custom", {})["short-citation"] = True
    item["type"] = "book"
    return item


def _short_name(text: str) -> dict[str, Any]:
    text = text.strip()
    if is_organisation(text):
        return {"literal": text}
    words = text.split()
    index = 0
    while index < len(words) - 1 and words[index][:1].islower():
        index += 1
    name: dict[str, Any] = {"family": " ".join(words[index:])}
    if index:
        name["non-dropping-particle"] = " ".join(words[:index])
    return name


# Roles CS1 prints in parentheses after a name ({{cite AV media}}, {{cite episode}}, {{cite interview}}).
_ROLES = {"presenter": "host", "host": "host", "director": "director", "producer": "producer",
          "narrator": "narrator", "writer": "script-writer", "composer": "composer", "performer": "performer",
          "illustrator": "illustrator", "interviewer": "interviewer", "speaker": "author", "interviewee": "author"}
_ROLE_MARK = re.compile(r"\s\((" + "|".join(_ROLES) + r")s?\)(?=\s\(|[.,]?$)", re.IGNORECASE)


_HANDLE = re.compile(r"\s\[(@\w{1,50})\]$")


def _parse_head(head: str, item: Item) -> None:
    """The part before the title: ``Authors (Date).``, ``Authors.``, or nothing."""
    head = _strip_end(head)
    if not head:
        return
    role_mark = _ROLE_MARK.search(head)
    if role_mark:  # "Attenborough, David (presenter) (2016)": the names hold that role
        head = head[:role_mark.start()] + head[role_mark.end():]
    match = _HEAD.match(head)
    names_text = head
    if match:
        date_text = match.group("date").strip()
        date = parse_date(date_text)
        if date is not None:
            item["issued"] = date_to_csl(date)
            names_text = _strip_end(match.group("names"))
        elif date_text.lower() in ("n.d.", "nd", "undated"):
            names_text = _strip_end(match.group("names"))
        # otherwise the parentheses are part of the names ("Smith, John (ed.)")
    if not names_text:
        return
    handle = _HANDLE.search(names_text)
    if handle:  # {{cite tweet}}'s "NASA [@NASA] (July 20, 2019).": the account's name, then its handle
        item.setdefault("custom", {})["author-handle"] = handle.group(1)
        names_text = names_text[:handle.start()].strip()
    role = _ROLES[role_mark.group(1).lower()] if role_mark else "author"
    editor = _EDITOR.search(names_text)
    if editor:
        role = "editor"
        names_text = names_text[:editor.start()].strip()
    et_al = bool(re.search(r"[;,]?\s?et al\.?$", names_text))
    if et_al:
        names_text = re.sub(r"[;,]?\s?et al\.?$", "", names_text).strip()
        item.setdefault("custom", {})["et-al"] = True
    # |vauthors= prints "Smith JA, Doe B": family names and bare initials
    vancouver = None if is_organisation(names_text) else vancouver_names(names_text.split(", "))
    people = vancouver or split_name_list(names_text)
    item[role] = [parse_name(p) for p in people]


def _strip_end(text: str) -> str:
    """Trailing separators off, but not the period of a final initial ("Anrig, Christian F.")."""
    text = text.strip().rstrip(",; ")
    if text.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$|\bet al\.$|\b(?:Jr|Sr|Inc|Ltd)\.$", text):
        text = text[:-1].rstrip(",; ")
    return text


def _classify_segments(segments: list[str], item: Item, leftovers: list[str]) -> tuple[list[str], str | None]:
    """Take the segments whose shape says what they are; return the plain text ones in order and the
    type a genre mark such as "(Report)" shows, if any."""
    texts: list[str] = []
    shown_type: str | None = None
    for segment in segments:
        segment = segment.strip(" ,;")
        if not segment or segment == ".":
            continue
        lowered = segment.lower()
        if lowered in ("n.d", "n.d.", "nd", "undated"):
            continue
        glued = _TRAILING_EDITION.match(segment)
        glued_edition = _EDITION.match(glued.group("edition")) if glued else None
        if glued and glued_edition and "edition" not in item:
            item["edition"] = _edition_value(glued_edition.group("edition"))
            segment = glued.group("rest")
            lowered = segment.lower()
        m = _VOLUME_TITLE.match(segment)
        if m and "volume" not in item:
            item["volume"] = m.group("volume")
            item["volume-title"] = m.group("title")
            continue
        date = parse_date(segment)
        if date is not None and "issued" not in item:
            item["issued"] = date_to_csl(date)
            continue
        m = _PAGES.match(segment)
        if m and "page" not in item:
            item["page"] = m.group("page").strip()
            continue
        m = _VOLUME_ISSUE.match(segment)
        if m and "volume" not in item and (m.group("issue") or m.group("issue2") or m.group("page")
                                           or segment.lower().startswith("vol")):
            item["volume"] = m.group("volume")
            if m.group("issue") or m.group("issue2"):
                item["issue"] = (m.group("issue") or m.group("issue2")).strip()
            if m.group("page"):
                item["page"] = m.group("page").strip()
            continue
        m = _ISSUE_ONLY.match(segment)
        if m and texts and "issue" not in item and "volume" not in item and \
                re.fullmatch(r"[\d/–-]{1,12}|[Nn]o\.\s?\d{1,6}", m.group("issue")):
            item["issue"] = m.group("issue")
            if m.group("page"):
                item["page"] = m.group("page")
            continue
        m = _NUMBER_ONLY.match(segment)
        if m and texts and "issue" not in item and "number" not in item:  # {{cite magazine}}'s "No. 2208."
            item["number" if shown_type == "report" else "issue"] = m.group("issue")
            continue
        m = _GENRE.match(segment)
        if m:
            shown_type = _apply_genre(m.group("genre"), item) or shown_type
            continue
        if _EPISODE.match(segment) and texts and "number" not in item:
            item["number"] = segment
            shown_type = shown_type or "broadcast"
            continue
        m = _EDITION.match(segment)
        if m:
            item["edition"] = _edition_value(m.group("edition"))
            continue
        m = _TRANSLATED.match(segment)
        if m:
            names = m.group("names")
            glued = re.match(r"(.+?\b[A-Z]\.)\s([A-Z][^.:]{1,60}:\s.+)$", names)
            if glued:  # "Woods, John E. New York: Knopf": the initial's period hid the segment break
                names = glued.group(1)
                more, _ = _classify_segments([glued.group(2)], item, leftovers)
                texts.extend(more)
            # "Translated by Woods, John E." is one inverted name, not two
            people = [names] if names.count(",") == 1 and ";" not in names and " and " not in names \
                else split_name_list(names)
            item["translator"] = [parse_name(p) for p in people]
            continue
        m = _EDITED.match(segment)
        if m and not texts and (segment[:1] in "Ee" or re.search(r"\((?:eds?\.)\)$", segment)):
            item["editor"] = [parse_name(p) for p in split_name_list(m.group("names"))]
            continue
        m = _VIA.match(segment)
        if m:
            item["source"] = m.group("source")
            continue
        m = _WORK_PAGE.match(segment)
        # "Work: 12–34", or after the volume "Publisher: 203–227" ({{cite journal}} with a publisher)
        if m and "page" not in item and (not texts or "volume" in item):
            texts.append(m.group("work"))
            item["page"] = m.group("page")
            continue
        if re.fullmatch(r"\((?:[^()]{1,40})\)", segment):
            leftovers.append(segment)
            continue
        texts.append(segment)
    return texts, shown_type


def _apply_genre(genre: str, item: Item) -> str | None:
    """Record a genre mark; return the CSL type it implies ("(Thesis)" -> thesis), if it implies one."""
    known = TYPE_GENRES.get(genre.lower())
    if known is None:
        item["genre"] = genre
        return None
    csl_type, csl_genre = known
    if csl_genre:
        item["genre"] = csl_genre
    return csl_type


def _names_a_publisher(segment: str) -> bool:
    """"Oxford University Press", "London: Routledge": a segment that is an imprint."""
    placed = _PLACE_PUBLISHER.match(segment)
    return bool(PUBLISHER_NAME.search(segment) or (placed and is_place(placed.group("place"))))


_ENDS_IN_VOLUME_PAGES = re.compile(r"\s\d{1,5}[,:]\s?[A-Za-z]?\d+[–-]?\d*$")
_ENDS_IN_PAGES = re.compile(r"[,)]\s(?:pp?\.|pages?)\s?\d{1,6}(?:[–-]\d{1,6})?$")  # Cell's "(Publisher), pp. 21–37"


def _assign_texts(texts: list[str], item: Item, leftovers: list[str], has_quoted_title: bool,
                  shown_type: str | None = None) -> None:
    """Plain segments in CS1 order: (title,) work, then publisher / location / agency."""
    if not texts:
        return
    first = _PLACE_PUBLISHER.match(texts[0])
    # A report, thesis or press release is not inside a work: "Title" (Report). Place: Publisher.
    standalone = shown_type in ("report", "thesis") or item.get("genre") == "Press release" or (
        first is not None and is_place(first.group("place")) and "volume" not in item and "issue" not in item)
    if shown_type == "speech" and is_place(texts[0]):
        item["event-place"] = texts.pop(0)  # {{cite speech}}'s |location=: where it was given
        if not texts:
            return
    if item.get("genre") == "Liner notes" and len(texts) > 1 and not item.get("author") \
            and not is_place(texts[0]) and not PUBLISHER_NAME.search(texts[0]):
        item["performer"] = [{"literal": texts.pop(0)}]  # {{cite AV media notes}}' |others=: the artist
    if has_quoted_title and not standalone:
        item["container-title"] = texts.pop(0)
        if texts and "volume" not in item and _BARE_VOLUME.match(texts[0]):
            item["volume"] = texts.pop(0)  # {{cite journal}} prints the volume alone: "Memoirs. 3."
        elif texts and "page" not in item and _BARE_PAGES.match(texts[0]):
            item["page"] = texts.pop(0)  # "Proc. IEEE/IRPS. 37–41.": pages without a volume
    if (not has_quoted_title or "container-title" in item) and len(texts) > 1 and _names_a_publisher(texts[1]) \
            and not is_place(texts[0]) and not PUBLISHER_NAME.search(texts[0]) and "collection-title" not in item:
        # "Title. Series. Publisher." and a chapter's "In Eds (eds.). Book. Series (4th ed.). Publisher.":
        # the segment before the imprint
        item["collection-title"] = texts.pop(0)
    for segment in texts:
        place_publisher = _PLACE_PUBLISHER.match(segment)
        if len(segment) < 3 and segment.islower():
            leftovers.append(segment)  # stray fragments ("se") are not a publisher
        elif (segment in KNOWN_PLACES or TOWN_AND_STATE.fullmatch(segment)) and "publisher-place" not in item \
                and not PUBLISHER_NAME.search(segment):
            item["publisher-place"] = segment  # {{cite conference}}'s "Proceedings of X. Orlando, FL."
        elif place_publisher and "publisher" not in item and (is_place(place_publisher.group("place"))
                                                              or len(place_publisher.group("place").split()) <= 3):
            item["publisher-place"] = place_publisher.group("place")
            item["publisher"] = place_publisher.group("publisher")
        elif "publisher" not in item and not _ENDS_IN_VOLUME_PAGES.search(segment) \
                and not _ENDS_IN_PAGES.search(segment):
            item["publisher"] = segment
        else:
            leftovers.append(segment)  # APA's "Phys. Rev. Lett 114, 072302" is no CS1 imprint


def infer_type(item: Item, has_quoted_title: bool) -> str:
    """The CSL type the rendered reference shows (work names, ISBN, volume/issue)."""
    container = item.get("container-title", "")
    medium = str(item.get("medium", "")).lower()
    if medium in ("podcast", "audio"):
        return "broadcast" if medium == "podcast" else "song"  # {{cite podcast}}, {{cite AV media}} (Audio)
    if medium == "video":
        return "motion_picture"
    if re.search(r"(?i)encyclop|britannica|\bdictionary\b|lexikon", container):
        return "entry-dictionary" if re.search(r"(?i)dictionary|wörterbuch", container) else "entry-encyclopedia"
    if (item.get("volume") or item.get("issue")) and not container and not has_quoted_title \
            and (item.get("publisher") or item.get("publisher-place")):
        return "book"  # "Title. Vol. 1. London: Publisher."
    if has_quoted_title and container and item.get("editor"):
        return "chapter"  # "Title". In Editor (ed.). Book. Vol. 3.
    if item.get("volume") or item.get("issue"):
        if container.strip() in _MAGAZINE_NAMES:
            return "article-magazine"
        if has_quoted_title and container and not item.get("issue") and (
                item.get("ISBN") or (item.get("publisher") and item.get("publisher-place"))):
            return "chapter"  # "Chapter 3". History of Wales. Vol. 2. Cardiff: Publisher. -- a book's volume
        return "article-journal"
    if has_quoted_title and _PROCEEDINGS.search(container):
        return "paper-conference"  # "Title". Proceedings of the 5th Conference. Springer. pp. 1–5.
    if item.get("DOI") and container:
        return "article-journal"
    if has_quoted_title and container and item.get("publisher") and item.get("publisher-place") \
            and not _NEWS.search(container):
        return "chapter"  # "Chapter". Book. London: Murray. -- web pages and news have no imprint
    if item.get("ISBN"):
        return "chapter" if has_quoted_title and container else "book"
    if (item.get("custom") or {}).get("arxiv") and not container and not item.get("publisher"):
        return "article"  # {{cite arXiv}}: a preprint
    if not has_quoted_title:
        if item.get("publisher") or item.get("publisher-place"):
            return "book"
        return "document"
    if container:
        if container.strip() in _MAGAZINE_NAMES:
            return "article-magazine"
        if item.get("page") and not _DOMAIN.match(container) and not _NEWS.search(container):
            return "article-journal"  # "Title". Proc. IEEE/IRPS. 37–41.: web pages have no pages
        if _DOMAIN.match(container):
            labels = set(container.lower().split("."))
            if labels & _NEWS_DOMAINS or _NEWS.search(str(item.get("publisher", ""))):
                return "article-newspaper"  # "Cnn.com", "English.aljazeera.net"
            return "webpage"
        if _NEWS.search(container) and "Newsroom" not in container:
            return "article-newspaper"
        return "webpage"
    return "webpage" if item.get("URL") or item.get("accessed") or item.get("medium") else "document"
