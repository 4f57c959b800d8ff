"""RIS reader.

Real RIS files are looser than the specification: a BOM before the first ``TY``, CRLF or LF,
one space or none around the dash, wrapped continuation lines, blank lines inside records, a
missing final ``ER``, repeated tags (two ``DO`` lines), and encodings other than UTF-8.  Each of
those is read, and each irregularity that could mean lost data is a diagnostic with its line.

Tag meanings depend on the record type (T2 is the journal of a JOUR and the series of a BOOK);
they come from :func:`convert.mappings.ris.tag_meaning`, so the reader holds no mapping of its own.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any

from ..csl import ITEM_TYPES, DateValue, Item, date_to_csl, make_ids_unique, parse_edtf, variable_kind
from ..diagnostics import Diagnostics
from ..gcpause import collection_paused
from ..mappings.ris import (JOINED_TAGS, LANGUAGE_CODES, NAME_TAG_SET, PAGE_COUNT_TYPES, RIS_TO_TYPE, SN_IS_NUMBER, TYPE_STATUS,
                            tag_meaning, tag_meanings)
from ..normalize.dates import parse_date
from ..normalize.identifiers import isbn_is_valid, issn_is_valid, normalise_doi
from ..normalize.keys import base_key, unique_from_bases
from ..normalize.names import parse_name, split_particle
from ..parallel import SHARED, chunk_runner, text_spans, worker_count
from ..registry import ReadContext, reader

# "TY  - JOUR", and the variants real files have: one space or none around the dash, a missing
# value ("ER  -"), lowercase tags from some exporters.
_TAG_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9])[ \t]{0,3}-(?:[ \t]|$)(.*)$")
_SNIFF = re.compile(r"^\ufeff?[ \t]*TY[ \t]{0,3}-", re.MULTILINE)
_N1_VARIABLE = re.compile(r"^([a-z][a-z-]*[a-z]|DOI|ISBN|ISSN|PMID|PMCID|URL):[ \t](.+)$", re.DOTALL)
_DOI_VALUE = re.compile(r"(?i)^(?:doi:\s*)?10\.\d{4,9}/\S+$")
_SN_SPLIT = re.compile(r"(?<!\s)\s*[;,]\s*|(?<!\s)\s+(?=\d)")
_SN_NOTE = re.compile(r"(?<!\s)\s*\((?:print|electronic|online|e-?issn|issn|isbn|pbk|hbk|ebook)\)\s*$", re.IGNORECASE)
_NOT_SN_DIGIT = re.compile(r"[^0-9Xx]")
_KEYWORD_SPLIT = re.compile(r"[;\n]")
_CUSTOM_LINE = re.compile(r"^custom\.([^:\s]{1,60}):[ \t](.+)$", re.DOTALL)


def looks_like_ris(text: str) -> bool:
    return _SNIFF.search(text[:4096]) is not None


@dataclass
class RawRecord:
    """One record's tags in file order, with the line of each."""

    line: int
    fields: list[tuple[str, str, int]] = field(default_factory=list)


_TAG_LINE = re.compile(r"([A-Za-z][A-Za-z0-9])[ \t]{0,3}-(?:[ \t]+|$)(.*)", re.DOTALL)


_OUTSIDE_RECORD = "(no TY before it); ignored"


def split_records(text: str, report: Diagnostics, line_offset: int = 0, at_end: bool = True) -> list[RawRecord]:
    """Records from ``TY`` to ``ER``; a missing ``ER`` (before the next ``TY`` or at the end) is
    reported and the record kept; text outside records is reported once.  ``line_offset`` is the
    line at which ``text`` starts in the file (for a chunk of a large file).  The usual
    ``XX  - value`` line is recognised by slicing; only other shapes go through the regex."""
    records: list[RawRecord] = []
    current: RawRecord | None = None
    outside_reported = False
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    for number, raw in enumerate(text.split("\n"), start=1 + line_offset):
        if not raw or raw.isspace():
            continue
        if raw[2:6] == "  - " and raw[:2].isascii() and raw[0].isalpha() and raw[1].isalnum():
            tag: str | None = raw[:2]
            value = raw[6:]
        else:
            m = _TAG_LINE.match(raw)
            tag, value = (m.group(1), m.group(2)) if m else (None, raw)
        if tag is not None:
            if not tag.isupper():
                tag = tag.upper()
            value = value.strip()
            if tag == "TY":
                if current is not None:
                    report.warning("record has no ER line; it ends where the next TY starts", line=current.line)
                    records.append(current)
                current = RawRecord(number, [("TY", value, number)])
            elif current is None:
                if not outside_reported:
                    report.warning(f"'{tag}' line outside a record {_OUTSIDE_RECORD}", line=number)
                    outside_reported = True
            elif tag == "ER":
                records.append(current)
                current = None
            else:
                current.fields.append((tag, value, number))
        elif current is not None and current.fields:
            last_tag, last_value, first = current.fields[-1]
            joiner = "\n" if JOINED_TAGS.get(last_tag) == "\n" else " "
            line = value.strip()
            current.fields[-1] = (last_tag, f"{last_value}{joiner}{line}" if last_value else line, first)
        elif not outside_reported:
            report.warning(f"text outside a record {_OUTSIDE_RECORD}", line=number)
            outside_reported = True
    if current is not None:
        if at_end:
            report.warning("last record has no ER line; read to the end of the file", line=current.line)
        else:  # a piece of a larger file: the next piece starts with a TY line
            report.warning("record has no ER line; it ends where the next TY starts", line=current.line)
        records.append(current)
    return records


# How the converter treats a tag: names, dates and pages are gathered; "other" tags need their own
# reading (identifiers, keywords, notes, titles); every tag not listed holds one variable.
_SPECIAL_TAGS: dict[str, str] = {
    **{tag: "name" for tag in NAME_TAG_SET},
    **{tag: "date" for tag in ("PY", "Y1", "DA", "Y2")},
    "SP": "page", "EP": "page",
    **{tag: "other" for tag in ("ID", "TI", "T1", "CT", "BT", "SN", "DO", "UR", "KW", "N1", "M3", "LA")},
}
_DATE_VARIABLES = frozenset(("issued", "accessed"))


class RecordConverter:
    """One RIS record to one CSL item."""

    def __init__(self, report: Diagnostics) -> None:
        self.report = report

    def convert(self, record: RawRecord) -> Item:
        ris_type = record.fields[0][1].upper() or "GEN"
        item: Item = {"id": ""}
        csl_type = RIS_TO_TYPE.get(ris_type)
        if csl_type is None:
            self.report.warning(f"unknown RIS type '{ris_type}'; read as a generic document", line=record.line)
            csl_type = "document"
            self._custom(item, "TY", ris_type)
        item["type"] = csl_type
        if ris_type in TYPE_STATUS:
            item["status"] = TYPE_STATUS[ris_type]
        meanings = tag_meanings(ris_type)
        pages: dict[str, str] = {}
        dates: dict[str, tuple[str, int]] = {}
        for tag, value, line in record.fields[1:]:
            if not value:
                continue
            special = _SPECIAL_TAGS.get(tag)
            if special is None:  # most tags: a plain variable, set once
                variable = meanings.get(tag)
                if variable is None:
                    self._custom(item, tag, value)
                elif variable not in item and variable not in _DATE_VARIABLES:
                    item[variable] = value
                else:
                    self._text(item, variable, value, tag)
            elif special == "name":
                role = meanings.get(tag)
                if role is None:
                    self._custom(item, tag, value)
                else:
                    names = item.get(role)
                    if names is None:
                        item[role] = names = []
                    names.append(_ris_name(value))
            elif special == "date":
                if tag not in dates:
                    dates[tag] = (value, line)
            elif special == "page":
                if tag not in pages:
                    pages[tag] = value
            else:
                self._special(item, ris_type, tag, value, line)
        self._pages(item, ris_type, pages)
        self._dates(item, dates)
        _database_identifiers(item)
        return item

    def _special(self, item: Item, ris_type: str, tag: str, value: str, line: int) -> None:
        """The tags whose reading is more than "this tag holds that variable"."""
        if tag == "ID":
            item["id"] = value
        elif tag in ("TI", "T1", "CT"):
            self._text(item, "title", value, tag)
        elif tag == "BT":
            self._text(item, "title" if ris_type in ("BOOK", "UNPB") and "title" not in item else "container-title",
                       value, tag)
        elif tag == "SN":
            self._serial(item, ris_type, value)
        elif tag == "DO":
            doi = normalise_doi(value)
            if "DOI" in item and item["DOI"] != doi:
                self.report.warning(f"second DOI '{doi}' kept in custom.DO", line=line, entry=item.get("id") or None)
                self._custom(item, "DO", doi)
            else:
                item["DOI"] = doi
        elif tag == "UR":
            for url in value.split():
                if "URL" not in item:
                    item["URL"] = url
                elif url != item["URL"]:
                    self._custom(item, "UR", url)
        elif tag == "KW":
            keywords = [k.strip() for k in _KEYWORD_SPLIT.split(value) if k.strip()] if (";" in value or "\n" in value) \
                else [value]
            existing = item.get("keyword")
            item["keyword"] = ", ".join(([existing] if existing else []) + keywords)
        elif tag == "N1":
            self._note(item, value)
        elif tag == "M3" and _DOI_VALUE.match(value):  # EndNote puts the DOI in M3
            doi = normalise_doi(re.sub(r"(?i)^doi:\s*", "", value))
            if "DOI" not in item:
                item["DOI"] = doi
            elif item["DOI"] != doi:
                self._custom(item, "M3", value)
        elif tag == "LA":
            item.setdefault("language", LANGUAGE_CODES.get(value.lower(), value))
        else:
            variable = tag_meaning(ris_type, tag)
            if variable is None:
                self._custom(item, tag, value)
            else:
                self._text(item, variable, value, tag)

    def _text(self, item: Item, variable: str, value: str, tag: str) -> None:
        if variable in ("issued", "accessed"):
            date = _parse_ris_date(value)
            if date is not None and variable not in item:
                item[variable] = date_to_csl(date)
                return
        elif variable not in item:
            item[variable] = value
            return
        elif variable in ("abstract", "note"):
            item[variable] = f"{item[variable]}\n{value}"
            return
        elif item[variable] == value:
            return
        self._custom(item, tag, value)  # a second, different value: kept, not lost

    def _custom(self, item: Item, tag: str, value: Any) -> None:
        custom = item.setdefault("custom", {})
        if tag not in custom:
            custom[tag] = value
        elif isinstance(custom[tag], list):
            custom[tag].append(value)
        else:
            custom[tag] = [custom[tag], value]

    def _note(self, item: Item, value: str) -> None:
        """N1 lines that our writer (and citeproc-js's convention) use for variables RIS has no tag
        for, ``variable: value``, are put back into their variables; any other note stays a note."""
        m = _N1_VARIABLE.match(value)
        if m and m.group(1) == "type" and m.group(2).strip() in ITEM_TYPES:
            item["type"] = m.group(2).strip()  # a CSL type RIS has no type for (our writer's note)
            return
        if m and variable_kind(m.group(1)) is not None and m.group(1) not in ("note", "id", "type"):
            name, raw = m.group(1), m.group(2)
            kind = variable_kind(name)
            if kind in ("name", "date"):
                try:
                    item.setdefault(name, json.loads(raw))
                    return
                except ValueError:
                    pass
            elif name not in item:
                item[name] = raw
                return
        m = _CUSTOM_LINE.match(value)
        if m:
            try:
                parsed: Any = json.loads(m.group(2))
            except ValueError:
                parsed = m.group(2)
            item.setdefault("custom", {})[m.group(1)] = parsed
            return
        self._text(item, "note", value, "N1")

    def _serial(self, item: Item, ris_type: str, value: str) -> None:
        """SN holds an ISBN or ISSN (often several, separated by spaces or semicolons), or for reports
        and patents their number; checksums decide, the type breaks ties."""
        if ris_type in SN_IS_NUMBER:
            self._text(item, "number", value, "SN")
            return
        for part in _SN_SPLIT.split(value):
            part = _SN_NOTE.sub("", part)
            digits = _NOT_SN_DIGIT.sub("", part)
            if len(digits) == 8 and issn_is_valid(part):
                variable = "ISSN"
            elif len(digits) in (10, 13) and isbn_is_valid(part):
                variable = "ISBN"
            elif not part:
                continue
            else:
                variable = "ISSN" if ris_type in ("JOUR", "EJOUR", "MGZN", "NEWS", "JFULL", "SER") else "ISBN"
            if variable in item:
                if part not in str(item[variable]).split(" "):
                    item[variable] = f"{item[variable]} {part}"
            else:
                item[variable] = part

    def _pages(self, item: Item, ris_type: str, pages: dict[str, str]) -> None:
        start, end = pages.get("SP"), pages.get("EP")
        if start and not end and ris_type in PAGE_COUNT_TYPES and re.fullmatch(r"\d+\s*(?:pp?\.?|pages)?", start):
            item["number-of-pages"] = re.sub(r"\D", "", start)
            return
        if start and end and end != start:
            item["page"] = f"{start}-{end}"
        elif start or end:
            item["page"] = start or end  # type: ignore[assignment]

    def _dates(self, item: Item, dates: dict[str, tuple[str, int]]) -> None:
        """DA is the full date; PY/Y1 often only the year.  The more precise one wins (DA on a
        tie); dates whose years disagree are reported."""
        if not dates:
            return
        best: DateValue | dict[str, str] | None = None
        best_tag, best_precision = "", -1
        years: set[str] = set()
        for tag in ("DA", "PY", "Y1"):
            entry = dates.get(tag)
            if entry is None:
                continue
            value, line = entry
            parsed = _parse_ris_date(value)
            if parsed is None and tag == "DA":  # Web of Science: "DA  - JAN" beside "PY  - 1967"
                year = next((dates[t][0][:4] for t in ("PY", "Y1") if t in dates and dates[t][0][:4].isdigit()), None)
                if year:
                    parsed = parse_date(f"{value} {year}")
            if parsed is None:
                self.report.warning(f"{tag} '{value}' is not a date; kept as written", line=line)
                candidate: DateValue | dict[str, str] = {"literal": value}
                precision = 0
            else:
                candidate, precision = parsed, len(parsed.start)
                if parsed.start:
                    years.add(str(parsed.start[0]))
            if precision > best_precision:
                best, best_tag, best_precision = candidate, tag, precision
        if best is not None and "issued" not in item:
            item["issued"] = date_to_csl(best) if isinstance(best, DateValue) else best
            _keep_date_other(item, dates[best_tag][0])
            if len(years) > 1:
                self.report.warning(f"the record's dates disagree ({', '.join(sorted(years))}); "
                                    f"{best_tag} kept", line=dates[best_tag][1])
        if "Y2" in dates and "accessed" not in item:
            parsed = _parse_ris_date(dates["Y2"][0])
            item["accessed"] = date_to_csl(parsed) if parsed else {"literal": dates["Y2"][0]}


def _keep_date_other(item: Item, value: str) -> None:
    """The "other" part of ``2001/03/05/Conference`` kept in custom, unless it made the date
    ("2020///Spring" is spring 2020)."""
    m = _RIS_DATE.fullmatch(value.strip())
    other = (m.group(4) or "").strip() if m else ""
    if not other or (m and not m.group(2) and parse_date(f"{other} {m.group(1)}") is not None):
        return
    item.setdefault("custom", {})["date-other"] = other


def _ris_name(value: str) -> dict[str, Any]:
    return dict(_cached_name(value))


@lru_cache(maxsize=32768)
def _cached_name(value: str) -> tuple[tuple[str, Any], ...]:
    return tuple(_parse_ris_name(value).items())


def _parse_ris_name(value: str) -> dict[str, Any]:
    """``Family, Given[, Suffix]``; ``Family,`` is a family name alone; without a comma a name is
    corporate when it looks like one ("World Health Organization"), else ``Given Family``."""
    value = value.strip()
    if value.endswith(",") and value.count(",") == 1:
        particle, family = split_particle(value[:-1].strip())
        return {"family": family, **({"non-dropping-particle": particle} if particle else {})}
    initials = _FAMILY_INITIALS.match(value)
    if initials:  # Scopus's "Smith J.", MEDLINE's "Smith JA": the family name comes first
        particle, family = split_particle(initials.group("family"))
        return {"family": family, "given": initials.group("given"),
                **({"non-dropping-particle": particle} if particle else {})}
    return parse_name(value, allow_organisation="," not in value)


_FAMILY_INITIALS = re.compile(r"^(?P<family>[^\s,.][^,.]{0,60}?[^\W\d_])\s(?P<given>(?:[A-Z]\.(?:\s?-?[A-Z]\.)*)|[A-Z]{1,2})$")


def _database_identifiers(item: Item) -> None:
    """PubMed's accession number is its PMID; PMC ids travel in user fields (U1/U2, C2...)."""
    if str(item.get("archive", "")).lower() in ("pubmed", "medline") and str(item.get("archive_location", "")).isdigit():
        item.setdefault("PMID", item["archive_location"])
    custom = item.get("custom") or {}
    for tag, value in list(custom.items()):
        if isinstance(value, str) and re.fullmatch(r"PMC\d+", value.strip()) and "PMCID" not in item:
            item["PMCID"] = value.strip()
            del custom[tag]
    link = custom.get("L2")
    if "URL" not in item and isinstance(link, str) and link.startswith(("http://", "https://")):
        item["URL"] = link.split("\n")[0].strip()  # EndNote's and Mendeley's "link to full text", kept under L2 too
    if "custom" in item and not item["custom"]:
        del item["custom"]


_RIS_DATE = re.compile(r"(\d{4})(?:/(\d{0,2})(?:/(\d{0,2})(?:/(.*))?)?)?/?")


@lru_cache(maxsize=8192)
def _parse_ris_date(value: str):  # type: ignore[no-untyped-def]
    """``YYYY/MM/DD/other``, ``YYYY///``, ``YYYY-MM-DD``, or free text ("Spring 2020")."""
    value = value.strip()
    if len(value) == 4 and value.isdigit():  # the usual PY: a year alone
        return DateValue((int(value),))
    m = _RIS_DATE.fullmatch(value)
    if m:
        year, month, day, other = m.groups()
        parts = [int(year)]
        if month and 1 <= int(month) <= 12:
            parts.append(int(month))
            if day and 1 <= int(day) <= 31:
                parts.append(int(day))
        if other and other.strip() and len(parts) == 1:
            combined = parse_date(f"{other.strip()} {year}")
            if combined is not None:
                return combined
        return DateValue(tuple(parts))
    return parse_edtf(value) or parse_date(value)


# Inputs at least this large are read on several cores (see convert.parallel).
PARALLEL_MIN_CHARS = 2_000_000
_NEXT_RECORD = re.compile(r"\n(?=TY[ \t]{0,3}-)")


def _read_chunk(job: tuple[int, int, int]) -> tuple[list[Item], list[Any]]:
    """Items and diagnostics of one piece of the text in :data:`SHARED` (diagnostics as tuples:
    plain data travels back from a worker fastest)."""
    start, end, line_offset = job
    text, name = SHARED["text"][start:end], SHARED["name"]
    at_end = end == len(SHARED["text"])
    report = Diagnostics(name)
    converter = RecordConverter(report)
    items = [converter.convert(record) for record in split_records(text, report, line_offset, at_end)]
    for item in items:
        if not item["id"]:
            item["id"] = _BASE_KEY_MARK + base_key(item)  # made unique over the whole file later
    return items, report.as_tuples()


_BASE_KEY_MARK = "\x00"


class RisReader:
    def __init__(self, context: ReadContext) -> None:
        self.context = context

    def read(self, text: str) -> list[Item]:
        report = self.context.diagnostics
        items: list[Item] = []
        with collection_paused(), chunk_runner(len(text), PARALLEL_MIN_CHARS) as runner:
            parts = worker_count() * 4 if runner.parallel else 1
            outside_reported = False
            for chunk_items, diagnostics in runner.map(_read_chunk, text_spans(text, parts, _NEXT_RECORD),
                                                       text=text, name=report.file):
                items.extend(chunk_items)
                for row in diagnostics:
                    if row[1].endswith(_OUTSIDE_RECORD):  # once per file, as on one core
                        if outside_reported:
                            continue
                        outside_reported = True
                    report.extend_from_tuples([row])
                if self.context.progress:
                    self.context.progress(len(chunk_items))
        missing = [i for i in items if str(i["id"]).startswith(_BASE_KEY_MARK)]
        for item, key in zip(missing, unique_from_bases([str(i["id"])[1:] for i in missing])):
            item["id"] = key
        make_ids_unique(items)
        if not items and text.strip():
            report.warning("no RIS records found (a record starts with a 'TY  - ' line)")
        return items


@reader("ris", extensions=(".ris",), sniff=looks_like_ris, priority=20,
        description="RIS (Zotero, EndNote, Mendeley, PubMed, Web of Science exports)")
def read_ris(text: str, context: ReadContext) -> list[Item]:
    return RisReader(context).read(text)
