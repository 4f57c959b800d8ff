"""Identifiers: find them in free text, validate checksums, write them in one canonical form.

An ISBN with a wrong check digit is usually an OCR or typing error; we keep it (nothing lost) but
do not promote it to ``ISBN`` silently: callers get ``valid=False`` and decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import mul

_ISBN_CHARS = re.compile(r"[^0-9Xx]")


# Checksum weights; the sums run in C (map over two sequences), which matters when a RIS or
# BibTeX file has an ISSN or ISBN in every one of its 20,000 records.
_ISBN10_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)
_ISBN13_WEIGHTS = (1, 3) * 6 + (1,)
_ISSN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)


def isbn_is_valid(isbn: str) -> bool:
    digits = _ISBN_CHARS.sub("", isbn).upper()
    if len(digits) == 10:
        if not digits[:9].isdigit() or not (digits[9].isdigit() or digits[9] == "X"):
            return False
        total = sum(map(mul, _ISBN10_WEIGHTS, map(int, digits[:9])))
        total += 10 if digits[9] == "X" else int(digits[9])
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum(map(mul, _ISBN13_WEIGHTS, map(int, digits))) % 10 == 0
    return False


def normalise_isbn(isbn: str) -> str:
    """Digits (and a final X) without hyphens or spaces: the form Zotero and citeproc expect."""
    return _ISBN_CHARS.sub("", isbn).upper()


def issn_is_valid(issn: str) -> bool:
    digits = _ISBN_CHARS.sub("", issn).upper()
    if len(digits) != 8 or not digits[:7].isdigit():
        return False
    total = sum(map(mul, _ISSN_WEIGHTS, map(int, digits[:7])))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def normalise_issn(issn: str) -> str:
    digits = re.sub(r"[^0-9Xx]", "", issn).upper()
    return f"{digits[:4]}-{digits[4:]}" if len(digits) == 8 else issn.strip()


_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalise_doi(doi: str) -> str:
    """``10.x/y`` without resolver prefix or trailing punctuation."""
    doi = _DOI_PREFIX.sub("", doi.strip())
    return doi.rstrip(".,;")


@dataclass(frozen=True)
class Found:
    """An identifier found in text: CSL variable (or custom key), value, and the span it covered."""

    variable: str
    value: str
    start: int
    end: int
    valid: bool = True


# Each pattern: (variable, regex). Values are bounded in length so nothing can backtrack widely.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("DOI", re.compile(r"\b(?:doi|DOI)\s*:\s*(10\.\d{4,9}/[^\s\"“”<>]{1,200})")),
    ("ISBN", re.compile(r"\bISBN(?:-1[03])?:?\s*((?:97[89][\s\u2010-]?)?(?:\d[\s\u2010-]?){9}[\dXx])\b")),
    ("ISSN", re.compile(r"\b[eE]?ISSN:?\s*(\d{4}[\s\u2010-]?\d{3}[\dXx])\b")),
    ("PMID", re.compile(r"\bPMID:?\s*(\d{1,9})\b")),
    ("PMCID", re.compile(r"\bPMC:?\s*(?:PMC)?(\d{1,9})\b")),
    # with the subject class Wikipedia prints after a new-style id: "arXiv:1706.03762 [cs.CL]"
    ("arxiv", re.compile(r"\barXiv:\s*([a-z\-]{0,20}(?:\.[A-Z]{2})?/?\d{4}\.?\d{3,5}(?:v\d{1,3})?)"
                         r"(?:(\s\[)([a-z-]{2,12}(?:\.[A-Za-z-]{2,6})?)\])?", re.IGNORECASE)),
    ("hdl", re.compile(r"\bhdl:\s*(\d[\w.]{0,30}/[^\s\"“”<>]{1,200}?)(?=[.,;]?(?:\s|$))")),
    ("ssrn", re.compile(r"\bSSRN\s?(\d{4,9})\b")),
    ("mr", re.compile(r"\bMR\s?(\d{5,8})\b")),
    ("zbl", re.compile(r"\bZbl\s?(\d{4}\.\d{5}|\d{7,8})\b")),
    ("ol", re.compile(r"\bOL\s?(\d{1,10}[AMW])\b")),
    ("citeseerx", re.compile(r"\bCiteSeerX\s?(10\.1\.1\.\d{1,9}\.\d{1,9})\b")),
    ("biorxiv", re.compile(r"\bbioRxiv\s?(10\.1101/[\w.]{1,60}?)(?=[.,;]?(?:\s|$))")),
    ("oclc", re.compile(r"\bOCLC:?\s*(\d{1,12})\b")),
    ("osti", re.compile(r"\bOSTI:?\s*(\d{1,12})\b")),
    ("jstor", re.compile(r"\bJSTOR:?\s*(\d{1,12})\b")),
    # a bibcode is 19 characters (year, journal, volume, page, initial); a period after it ends the sentence
    ("bibcode", re.compile(r"\bBibcode:?\s*(\d{4}[A-Za-z&.][0-9A-Za-z.&]{13}[A-Za-z.])")),
    ("lccn", re.compile(r"\bLCCN:?\s*([a-z]{0,3}\d{2,10})\b")),
    ("S2CID", re.compile(r"\bS2CID:?\s*(\d{1,12})\b")),
]
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"“”]{1,2000}")


# The word each pattern starts with: a pattern whose word is not in the text cannot match, and
# most references hold one identifier or none, so most of the patterns are never run.  DOI and
# arXiv are matched in any case, so their words are looked for in the lower-cased text.
_LEADS = {"DOI": "doi", "ISBN": "ISBN", "ISSN": "ISSN", "PMID": "PMID", "PMCID": "PMC", "arxiv": "arxiv",
          "hdl": "hdl:", "ssrn": "SSRN", "mr": "MR", "zbl": "Zbl", "ol": "OL", "citeseerx": "CiteSeerX",
          "biorxiv": "bioRxiv", "oclc": "OCLC", "osti": "OSTI", "jstor": "JSTOR", "bibcode": "Bibcode",
          "lccn": "LCCN", "S2CID": "S2CID"}
_LOWER_CASED_LEADS = frozenset(("DOI", "arxiv"))


def find_identifiers(text: str) -> list[Found]:
    """Every identifier written in ``text`` with its label (``ISBN 978...``, ``doi:10...``)."""
    found: list[Found] = []
    lowered = text.lower()
    for variable, pattern in _PATTERNS:
        if _LEADS[variable] not in (lowered if variable in _LOWER_CASED_LEADS else text):
            continue
        for m in pattern.finditer(text):
            raw = m.group(1)
            if variable == "ISBN":
                found.append(Found("ISBN", normalise_isbn(raw), m.start(), m.end(), isbn_is_valid(raw)))
            elif variable == "ISSN":
                found.append(Found("ISSN", normalise_issn(raw), m.start(), m.end(), issn_is_valid(raw)))
            elif variable == "DOI":
                value = normalise_doi(raw)
                found.append(Found("DOI", value, m.start(), m.start(1) + len(value)))
            elif variable == "PMCID":
                found.append(Found("PMCID", f"PMC{raw}", m.start(), m.end()))
            elif variable == "arxiv" and m.group(3):
                found.append(Found("arxiv", raw, m.start(), m.end(1)))
                found.append(Found("arxiv-class", m.group(3), m.start(2), m.end()))
            else:
                found.append(Found(variable, raw, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def find_urls(text: str) -> list[Found]:
    out = []
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;)")
        out.append(Found("URL", url, m.start(), m.start() + len(url)))
    return out
