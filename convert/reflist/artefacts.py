"""Page artefacts in rendered references, removed from the text but kept as data.

Wikipedia's rendering adds text no citation manager should import verbatim ("Archived from the
original on ...", "Retrieved ...", "(PDF)", "(in French)") and identifiers with their labels
("ISBN 978...", "doi:10..."). Each is cut out and turned into the CSL variable it stands for, so
what is left for the grammar is the bibliographic core.
"""

from __future__ import annotations

import re
from typing import Any

from ..csl import date_to_csl, date_to_edtf
from ..normalize.dates import parse_date
from ..normalize.identifiers import find_identifiers, find_urls

_DATE = r"((?:[^\W\d_]{3,12}\.?\s)?\d{1,4}(?:\s[^\W\d_]{3,12}\.?)?(?:,?\s\d{4})?(?:-\d{2}-\d{2})?)"
_ARCHIVED = re.compile(
    r"\b[Aa]rchived(?:\s\((?P<m1>PDF|DOC|DOCX|PPT|XLS)\))?\sfrom\sthe\soriginal(?:\s\((?P<m2>PDF|DOC|DOCX|PPT|XLS)\))?"
    rf"(?:\son\s{_DATE})?\s?[.,]?"
)
_WAYBACK = re.compile(rf"\bArchived\s{_DATE}\sat\s(?:the\s)?(?P<archive>Wayback Machine|archive\.today|WebCite|Archive-It)\s?[.,]?")
_RETRIEVED = re.compile(rf"\b(?:Retrieved|retrieved|Accessed|accessed|Abgerufen am|Consulté le|Consultado el)(?:\son)?\s{_DATE}\s?[.,]?(?:\sfrom\b)?")  # APA 6: ", from URL"
_MEDIUM = re.compile(r"\s?\((PDF|DOC|DOCX|PPT|PPTX|XLS|XLSX|video|audio|podcast|Podcast|Video|Audio)\)")
_LANGUAGE = re.compile(r"\s?\(in\s([A-Z][a-z]+(?:(?:,\s|\sand\s)[A-Z][a-z]+){0,4})\)")
# Wikipedia's maintenance and error messages printed after a citation ("{{cite book}}: CS1 maint:
# multiple names: authors list (link)", "Cite journal requires |journal= (help)"): page chrome.
CS1_MESSAGE = re.compile(r"(?:\{\{\s?[Cc]ite[\w ]{0,30}\}\}:?\s?)?(?:CS1 maint:|CS1 errors?:|Cite \w{1,20} requires|"
                          r"Missing or empty|Check date values in|Empty citation|Invalid \|?[\w-]{1,30}=|"
                          r"\|[\w-]{1,30}= (?:has|missing|ignored))"
                          r"(?:[^()\n]|\((?!link\)|help\))[^()\n]{0,40}\)){0,200}\((?:link|help)\)")
# "5 March 2019 – via ProQuest": the service the page was read through (CSL source)
_VIA = re.compile(r"\s[–—-]\s?via\s(?P<source>[^;\"“”]{1,100}?)(?=\.\s|\.$|;|$)")  # "via RogerEbert.com"
_SUBSCRIPTION = re.compile(r"\s?\((?:subscription|registration) required\)|\s?\(paywalled\)", re.IGNORECASE)

LANGUAGE_CODES = {
    "English": "en", "French": "fr", "German": "de", "Spanish": "es", "Italian": "it", "Portuguese": "pt",
    "Dutch": "nl", "Russian": "ru", "Ukrainian": "uk", "Polish": "pl", "Czech": "cs", "Slovak": "sk",
    "Hungarian": "hu", "Romanian": "ro", "Bulgarian": "bg", "Serbian": "sr", "Croatian": "hr",
    "Slovenian": "sl", "Greek": "el", "Turkish": "tr", "Arabic": "ar", "Hebrew": "he", "Persian": "fa",
    "Chinese": "zh", "Japanese": "ja", "Korean": "ko", "Hindi": "hi", "Swedish": "sv", "Norwegian": "no",
    "Danish": "da", "Finnish": "fi", "Estonian": "et", "Latvian": "lv", "Lithuanian": "lt",
    "Icelandic": "is", "Catalan": "ca", "Basque": "eu", "Galician": "gl", "Indonesian": "id",
    "Malay": "ms", "Vietnamese": "vi", "Thai": "th", "Latin": "la", "Albanian": "sq", "Macedonian": "mk",
    "Georgian": "ka", "Armenian": "hy", "Azerbaijani": "az", "Kazakh": "kk", "Urdu": "ur", "Bengali": "bn",
    "Tamil": "ta", "Afrikaans": "af", "Welsh": "cy", "Irish": "ga", "Belarusian": "be", "Bosnian": "bs",
}


def extract_artefacts(text: str, item: dict[str, Any]) -> str:
    """Cut artefacts out of ``text`` into ``item``; return what is left (bibliographic core)."""
    custom: dict[str, Any] = item.setdefault("custom", {})

    def archived(m: re.Match[str]) -> str:
        medium = m.group("m1") or m.group("m2")
        if medium:
            item.setdefault("medium", medium)
        raw = _date_group(m)
        date = parse_date(raw) if raw else None
        if date is not None:
            custom["archive-date"] = date_to_edtf(date)
        custom.setdefault("archived", True)
        return " "

    def wayback(m: re.Match[str]) -> str:
        date = parse_date(m.group(1))
        if date is not None:
            custom["archive-date"] = date_to_edtf(date)
        custom["archive"] = m.group("archive")
        item.setdefault("archive", m.group("archive"))
        return " "

    def retrieved(m: re.Match[str]) -> str:
        date = parse_date(m.group(1))
        if date is None:
            return m.group(0)
        item["accessed"] = date_to_csl(date)
        return " "

    def medium(m: re.Match[str]) -> str:
        item.setdefault("medium", m.group(1))
        return ""

    def language(m: re.Match[str]) -> str:
        names = re.split(r",\s|\sand\s", m.group(1))
        codes = [LANGUAGE_CODES.get(n, n) for n in names]
        item.setdefault("language", ", ".join(codes))
        return ""

    def via(m: re.Match[str]) -> str:
        item.setdefault("source", m.group("source").strip())
        return ""

    text = CS1_MESSAGE.sub(" ", text)
    text = _VIA.sub(via, text)
    text = _WAYBACK.sub(wayback, text)
    text = _ARCHIVED.sub(archived, text)
    text = _RETRIEVED.sub(retrieved, text)
    text = _MEDIUM.sub(medium, text)
    text = _LANGUAGE.sub(language, text)
    text = _SUBSCRIPTION.sub("", text)
    text = _take_identifiers(text, item)
    if not item.get("custom"):
        item.pop("custom", None)
    return text


def _date_group(m: re.Match[str]) -> str | None:
    groups = [g for g in m.groups() if g]
    for group in reversed(groups):
        if any(ch.isdigit() for ch in group):
            return group
    return None


def _take_identifiers(text: str, item: dict[str, Any]) -> str:
    found = find_identifiers(text) + find_urls(text)
    if not found:
        return text
    found.sort(key=lambda f: f.start)
    pieces: list[str] = []
    last = 0
    custom = item.setdefault("custom", {})
    for f in found:
        if f.start < last:
            continue
        if f.variable in ("DOI", "ISBN", "ISSN", "PMID", "PMCID", "URL"):
            if f.variable == "ISBN" and not f.valid:
                custom.setdefault("invalid-isbn", f.value)
            elif f.variable in item and f.variable in ("ISBN", "ISSN") and item[f.variable] != f.value:
                item[f.variable] = f"{item[f.variable]} {f.value}"
            else:
                item.setdefault(f.variable, f.value)
        else:
            custom.setdefault(f.variable, f.value)
        pieces.append(text[last:f.start])
        pieces.append(" ")
        last = f.end
    pieces.append(text[last:])
    return "".join(pieces)
