"""Text helpers every tagger repair shares: cleaning a span, reading its names, years and page
ranges, and telling a publisher's name from a title."""

from __future__ import annotations

import re
from typing import Any

from ...csl import Item
from ...normalize.names import PARTICLES, is_organisation, parse_name, split_name_list, vancouver_names
from ...normalize.publishers import is_place
from ..cjk import CJK, CJK_NAME

_EDGE = " \t.,;:([{'\"“”‘’«»"
# "edited by" in the languages citation styles are localised into
_ROLE_PHRASES = (r"edited\sby|ed\.\sby|sous\sla\sdirection\sde|édité\spar|herausgegeben\svon|hrsg\.\sv(?:on|\.)|a\scura\sdi|"
                 r"editado\spor|ed\.\spor|coord\.\spor")
_ROLE = re.compile(rf"\(?\b(?:{_ROLE_PHRASES}|editors?\b|eds?\.?(?!\w)|hrsg\.?(?!\w)|orgs?\.?(?!\w)|coord\.?(?!\w)|directors?\b|dir\.?(?!\w)|comp\.?(?!\w))\)?[.,:]?",
                   re.IGNORECASE)
_IN = re.compile(r"^\s*(?:in|in:|dans|en|presented at:?)\s+", re.IGNORECASE)  # (AMA-like "Presented at: Conference")
# (the abbreviations end there: "Trans" is not the start of "Translated", which reads whole)
_TRANSLATED = re.compile(r"\b(?:translated(?:\sby)?|transl?(?:\.|(?![a-z]))(?:\sby)?|tr\.)\s*", re.IGNORECASE)

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
    stripped = text.strip(_EDGE.replace(")", "").replace("?", "")) if not text.endswith("?") else text.lstrip(_EDGE)
    # 'Comment on: “K-Ar evidence …,”': the quote closing a title quoted inside the title stays
    for opening, closing in ("“”", "«»"):
        if stripped.count(opening) > stripped.count(closing) and text.rstrip(" .,;:").endswith(closing):
            stripped += closing
    return stripped


# "Ford H Jr": Vancouver writes a suffix after the initials; it is set aside while the list is split
_VANCOUVER_SUFFIX = re.compile(r"\b([A-Z][^\s,]*\s[A-Z]{1,3})\s(Jr|Sr|II|III|IV)\b\.?")


def _names(text: str) -> tuple[list[dict[str, Any]], bool]:
    # styles print typographic apostrophes; the records they came from hold "O'Brien"
    text = _IN.sub("", text).replace("\u2019", "'")
    text = re.sub(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.|\d{1,3})\s+", "", text)  # a citation number read as a name
    text = _ROLE.sub(" ", text)
    text = _TRANSLATED.sub(" ", text)
    et_al = bool(re.search(r"\bet\.? al\.?|\band others\b|\bu\.\s?a\.|\bи\sдр\.", text, re.IGNORECASE))
    if et_al:  # every match of the cut below holds a match of the search above (GOST's "и др.": and others)
        text = re.sub(r",?\s*\bet\.? al\.?|,?\s*\band others\b|,?\s*\bu\.\s?a\.|,?\s*\bи\sдр\.", "", text,
                      flags=re.IGNORECASE)
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


# The words that join the last two names of a list ("y" is left out: "Ortega y Gasset" is one name)
_AND_WORD = re.compile(r"\s+(?:and|&|und|et)\s+")


# A person's name written given-first in full: two to four capitalised words, initials allowed
_FULL_NAME = re.compile(r"[A-Z][^\W\d_A-Z][\w'-]*(?:\s[A-Z]\.){0,2}(?:\s[A-Z][^\W\d_A-Z][\w'-]*){1,2}")


# GOST's and ISO 690's "Aizenberg I. A.": a family name (one or two words), then dotted initials, no comma
FAMILY_WORDS = r"[^\W\d_][\w'’-]{0,40}(?:\s[^\W\d_][\w'’-]{1,40})?"
DOTTED_INITIALS = r"(?:[A-ZА-ЯЁ]\.[\s-]?){0,2}[A-ZА-ЯЁ]\."
# (a particle after the initials stays with them: "Goethe J. W. von")
_FAMILY_THEN_INITIALS = re.compile(rf"({FAMILY_WORDS})\s({DOTTED_INITIALS}(?:\s(?:{_PARTICLE_ALTERNATION})){{0,2}})")


def _split_people(text: str) -> list[str]:
    """Name lists in the forms styles use: "Doe, J., Roe, R., & Poe, E.", "Doe J, Roe R",
    "J. Doe and R. Roe", "DOE, John; ROE, Richard"."""
    if ";" in text:
        return [p for p in (s.strip() for s in re.split(r";|\s(?:and|&)\s", text)) if p]
    if CJK.search(text) and all(CJK_NAME.fullmatch(p.strip()) for p in re.split(r"[,，、]", text) if p.strip()):
        return [p.strip() for p in re.split(r"[,，、]", text) if p.strip()]  # "박민수, 이지은": one name a part
    if "," not in text:  # "Smith and Jones", "Lloyd A. Davidson and Kimberly Douglas": no name is inverted
        people = [p.strip() for p in _AND_WORD.split(text) if p.strip()]
        if len(people) > 1:  # (but "Food and Agriculture Organization" is one body)
            return [text] if is_organisation(text) else vancouver_names(people) or people
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
    if len(parts) >= 3 and all(_FULL_NAME.fullmatch(p) for p in parts) and not is_organisation(text):
        return parts  # ACM "Divesh Srivastava, Thomas Kirk, and Alon Y. Levy": full names, one per comma
    if parts and all(_FAMILY_THEN_INITIALS.fullmatch(p) for p in parts):
        return [_FAMILY_THEN_INITIALS.sub(r"\1, \2", p) for p in parts]  # GOST's "Aizenberg I. A., Yuzhakov A. P."
    return vancouver_names(parts) or split_name_list(text)  # Vancouver "Doe JA", "King C-C"


# A thesis's genre as styles print it: "PhD thesis", "(unpublished Master's thesis,", "[Doctoral dissertation]"
_DEGREES = r"PhD|Ph\.\s?D\.|Doctoral|Master'?s|Master’s|MA|MSc|M\.\s?A\.|Diploma|Bachelor'?s|Bachelor’s|Habilitation"
_THESIS_WORDS = re.compile(rf"(?i)\(?\[?(?:unpublished\s)?(?:{_DEGREES})?\s?(?:thesis|dissertation)\]?\)?[.,;]?")


# MHRA's "unpublished" before a thesis's genre is the style's word, not part of the genre
_UNPUBLISHED_THESIS = re.compile(r"(?i)^unpublished\s+(?=[^()\[\]]{0,40}\b(?:thesis|dissertation)\b)")


# "1948: " read as a date before a title: a year that opens the title ("NATO 1948: The Birth...")
# A sentence ends at a period after a lowercase word or an acronym ("NATO."), not after an initial ("J."),
# and at a spaced "?" or "!" (French typography)
_SENTENCE_BREAK = re.compile(r"(?:(?<=[^A-Z\s.][.?!])|(?<=[A-Z]{2}[.?!])|(?<=\s[?!]))\s+(?=\S)")
_YEAR_COLON = re.compile(r"\s*(?:1[5-9]|20)\d\d:\s*")

_NUMBER_LABELS = frozenset({"volume", "issue", "pages"})

_BARE_YEAR = re.compile(r"\s*(?:1[5-9]|20)\d\d[a-z]?[.,]?\s*")
_YEAR_SPAN = re.compile(r"\s*(?:1[5-9]|20)\d\d[a-z]?\)?[.,;]?\s*")  # _BARE_YEAR, or one closing a bracket


def _may_be_a_publisher(sentence: str) -> bool:
    """A short capitalised sentence with no digits, no serial's word ("Journal", "Proceedings") and
    no article's "A"/"An" start; a colon only in an imprint ("New York: Knopf", ACS's "World Health
    Organization: Geneva"), not in a subtitle ("Europe: A Divided Continent")."""
    words = sentence.split()
    return 1 <= len(words) <= 6 and sentence[:1].isupper() and not re.match(r"(?:A|An)\s", sentence) \
        and not _SERIAL_WORDS.search(sentence) and not re.search(r"\d", sentence) \
        and (":" not in sentence or any(is_place(side.strip(" ,;")) for side in sentence.split(":", 1)))


_EDITOR_ROLE_MARK = re.compile(r"\((?:[Ee]ds?|[Ee]ditors?|Hrsg|Hg|[Dd]ir|[Cc]oord)\.?\)|,\s(?:eds?\.|editors?)[.,:]?\s*$")

_REFERENCE_WORK = re.compile(r"(?i)encyclop|enzyklop|dictionar|dictionnaire|diccionario|wörterbuch|lexikon|lexicon|"
                             r"britannica|wikipedia")


def _date_parts(item: Item, variable: str) -> list[int]:
    """The parts ([year, month, day], or fewer) of a CSL date variable's first date; none for a
    missing or literal date."""
    value = item.get(variable)
    parts = value.get("date-parts") if isinstance(value, dict) else None
    return list(parts[0]) if parts and parts[0] else []


def _year_of(item: Item, variable: str) -> int | None:
    """The year of a CSL date variable of the item, if it has one."""
    parts = _date_parts(item, variable)
    return parts[0] if parts else None


# A book's "Place: Publisher" left at the end of its title: "... Privé. New Jersey: Lawbook Exchange Ltd"
_PLACE_WORDS = r"[^\W\d_][\w'’.-]{1,24}(?:[ -][^\W\d_][\w'’.-]{1,24}){0,2}(?:,\s?[A-Z]{2})?"

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


# A title in single quotes (OSCOLA, MHRA): an apostrophe inside it ("World’s") is followed by a letter.
_SINGLE_QUOTED = re.compile(r"(?:^|(?<=[\s,(]))‘(?P<title>[^‘’]{2,400}?(?:’\w[^‘’]{0,400}?)*)’(?=[,.;:]?(?:\s|$))")


def _has_quoted_title(text: str) -> bool:
    """A title in double quotes, or in OSCOLA's and MHRA's single ones: an article's or a paper's."""
    return bool(_QUOTED_TITLE.search(text) or _SINGLE_QUOTED.search(text))


_QUOTED_TITLE = re.compile(r"(?:^|(?<=[\s(]))[“\"](?P<title>[^“”\"]{2,300}?)[,.]?[”\"]")

_SERIAL_WORDS = re.compile(r"(?i)\b(?:journal|review|proceedings|conference|symposium|bulletin|quarterly|transactions|"
                           r"annals|letters|magazine|times|news|post|gazette|herald|tribune)\b")


def expand_page_range(page: str) -> str:
    """"138-66" -> "138-166": the end of an abbreviated range takes the start's leading digits."""
    m = re.fullmatch(r"(\d+)-(\d+)", page)
    if m and len(m.group(2)) < len(m.group(1)):
        start, end = m.groups()
        return f"{start}-{start[:len(start) - len(end)]}{end}"
    return page


# A year anywhere in a text, not inside a longer number
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


def _year(text: str) -> str:
    m = _YEAR_IN_TEXT.search(text)
    return m.group(0) if m else text
