"""BibTeX and BibLaTeX reader.

bibtexparser 2 splits the file into blocks (entries, ``@string``, ``@preamble``, comments and
failed blocks, each with its line) and nothing more: its middlewares are skipped because each
would walk every field again, and the file-level steps we need (macro expansion with ``#``,
crossref/xdata inheritance, LaTeX decoding only where a value holds LaTeX) are cheaper done once
here.  The mapping to CSL is data in :mod:`convert.mappings.bibtex`; this module applies it.

Two registered readers share the code and differ in one BibLaTeX rule: a name's *von* part is a
``non-dropping-particle`` in BibTeX (its styles always print it) and a ``dropping-particle`` in
BibLaTeX unless ``useprefix`` is set (BibLaTeX's default drops it in citations).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..csl import ITEM_TYPES, DateValue, Item, date_to_csl, make_ids_unique, parse_edtf
from ..diagnostics import Diagnostic, Diagnostics
from ..mappings.bibtex import (BIBSTRINGS, COUNTRY_KEYS, DATE_FIELDS, EDITOR_TYPE_TO_ROLE, ENTRY_GENRE, EPRINT_URLS,
                               LIST_FIELDS, ENTRY_TO_TYPE,
                               ENTRYSUBTYPE_TO_TYPE, FIELD_TO_VARIABLE, IN_BOOK_TYPES, INHERITANCE, LANGUAGE_TAGS,
                               MONTH_NAMES, NAME_FIELD_TO_ROLE, NEVER_INHERITED, RULE_FIELDS, TITLE_FIELDS,
                               TYPE_KEYS, VERBATIM_FIELDS)
from ..normalize.bibnames import parse_bibtex_name, split_names, to_csl_name
from ..normalize.dates import month_number, parse_date
from ..normalize.latex import latex_to_unicode
from ..gcpause import collection_paused
from ..parallel import SHARED, chunk_runner, split_evenly, text_spans, worker_count
from ..registry import ReadContext, reader

_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_BRACE = re.compile(r"[{}]")
_LINE_COMMENT = re.compile(r"^[ \t]*%[^\n]*", re.MULTILINE)
_SPACES = re.compile(r"\s+")
_WEB_TYPES = frozenset({"online", "electronic", "www"})
_EDTF_TIME = re.compile(r"(?<=\d)T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?", re.IGNORECASE)
_EDTF_OPEN = re.compile(r"/(?:open|unknown)$", re.IGNORECASE)


def looks_like_bibtex(text: str) -> bool:
    """An ``@type{`` at the start of a line within the first few KB."""
    return _ENTRY_START.search(text[:8192]) is not None


@dataclass
class RawEntry:
    """An entry after splitting: raw (still LaTeX, macros unexpanded) field values."""

    entry_type: str
    key: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)


class _LogCapture(logging.Handler):
    """bibtexparser explains a failed block only through a log warning; we turn it into a diagnostic."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def split_blocks(text: str, report: Diagnostics,
                 line_offset: int = 0) -> tuple[list[RawEntry], dict[str, str], list[str], list[str]]:
    """Entries, ``@string`` macros (raw), preambles and explicit comments, with problems reported.
    ``line_offset`` is the line at which ``text`` starts in the file (for a chunk of a large file)."""
    import bibtexparser
    from bibtexparser import model

    # A line starting with "%" is a comment everywhere, as biber and pandoc read it: people comment
    # out whole entries and fields that way.  (A "%" after text is kept: "5% growth" in a title
    # is common in real files and eating the rest of the line would break the entry.)  The line
    # itself stays, empty, so line numbers do not move.
    if "%" in text:
        text = _LINE_COMMENT.sub("", text)
    logger = logging.getLogger("bibtexparser")
    capture = _LogCapture()
    logger.addHandler(capture)
    previous_propagate = logger.propagate
    logger.propagate = False
    try:
        library = bibtexparser.parse_string(text, parse_stack=[])
    finally:
        logger.removeHandler(capture)
        logger.propagate = previous_propagate
    failure_notes = _failure_notes(capture.messages, line_offset)
    entries: list[RawEntry] = []
    strings: dict[str, str] = {}
    preambles: list[str] = []
    comments: list[str] = []
    block: Any
    for block in library.blocks:
        line = (getattr(block, "start_line", 0) or 0) + 1 + line_offset
        if isinstance(block, model.DuplicateBlockKeyBlock):
            block = block.ignore_error_block  # reported below, with the line of the first use
        if isinstance(block, model.DuplicateFieldKeyBlock):
            inner: Any = block.ignore_error_block
            names = sorted({f.key.lower() for f in inner.fields if sum(g.key.lower() == f.key.lower() for g in inner.fields) > 1})
            report.warning(f"field {', '.join(names)} given more than once; the first value is kept",
                           line=line, entry=inner.key)
            block = inner
        if isinstance(block, model.Entry):
            entry = RawEntry(block.entry_type.lower(), block.key, line)
            for f in block.fields:
                name = f.key.lower()
                if name not in entry.fields:
                    entry.fields[name] = f.value
            entries.append(entry)
        elif isinstance(block, model.String):
            strings[block.key.lower()] = block.value
        elif isinstance(block, model.Preamble):
            preambles.append(block.value)
        elif isinstance(block, model.ExplicitComment):
            comments.append(block.comment)
        elif isinstance(block, model.ParsingFailedBlock):
            raw = block.raw or ""
            head = re.match(r"\s*@\s*(\w+)\s*[{(]\s*([^,\s]*)", raw)
            key = head.group(2) if head and head.group(2) else None
            note = failure_notes.get(line - 1) or "the entry could not be parsed"
            report.error(f"{note}; entry skipped, the rest of the file is still read", line=line, entry=key)
    return entries, strings, preambles, comments


def report_duplicate_keys(keys_and_lines: Iterable[tuple[str, int]], report: Diagnostics) -> None:
    """A key used twice is reported with both lines; both entries are kept (ids made unique later)."""
    seen: dict[str, int] = {}
    for key, line in keys_and_lines:
        if key in seen:
            report.warning(f"key '{key}' already used by the entry on line {seen[key]}; "
                           "this entry is kept under a new id", line=line, entry=key)
        else:
            seen[key] = line


def _failure_notes(messages: list[str], line_offset: int) -> dict[int, str]:
    """Map the start line (0-based, in the file) of each failed block to bibtexparser's explanation."""
    notes: dict[int, str] = {}
    for message in messages:
        m = re.search(r"\(line (\d+)\) aborted on line (\d+) due to syntactical error in bibtex:\s*(.*)", message, re.S)
        if m:
            reason = " ".join(m.group(3).split())
            notes[int(m.group(1)) + line_offset] = f"syntax error near line {int(m.group(2)) + 1 + line_offset}: {reason}"
    return notes


_USEPREFIX_ALONE = re.compile(r"(^|,)\s*useprefix\s*(,|$)")


class MacroExpander:
    """Expands a raw field value: ``{...}`` and ``"..."`` parts, numbers and ``@string`` names,
    joined by ``#``.  Month names are predefined, as in BibTeX."""

    def __init__(self, raw_strings: dict[str, str], report: Diagnostics) -> None:
        self.report = report
        self.values: dict[str, str] = {m: m for m in MONTH_NAMES}
        self._raw = raw_strings
        self._expanding: set[str] = set()

    def macro(self, name: str, line: int, entry: str | None) -> str | None:
        key = name.lower()
        if key in self.values and key not in self._raw:
            return self.values[key]
        if key in self._raw:
            if key in self._expanding:
                self.report.error(f"@string '{name}' refers to itself", line=line, entry=entry)
                return ""
            self._expanding.add(key)
            try:
                value = self.expand(self._raw.pop(key), line, entry)
            finally:
                self._expanding.discard(key)
            self.values[key] = value
            return value
        return None

    def expand(self, raw: str, line: int, entry: str | None, field_name: str = "") -> str:
        raw = raw.strip()
        first = raw[:1]
        if first == "{":
            if raw[-1] == "}" and (raw.count("{") == 1 or _closes_at_end(raw)):
                return raw[1:-1]
        elif raw.isdigit():
            return raw
        elif "#" not in raw and first != '"' and raw.isidentifier():  # a macro alone: "jan", "jstrat"
            value = self.macro(raw, line, entry)
            if value is not None:
                return value
        parts: list[str] = []
        for piece in _concatenated_parts(raw):
            if piece.startswith("{"):
                end = _group_end(piece)
                if end != len(piece) - 1:
                    self.report.error(f"field '{field_name}': unexpected text after the value "
                                      f"({piece[end + 1:end + 30].strip()!r}); is a comma missing? "
                                      "Only the first value is kept", line=line, entry=entry)
                    parts.append(piece[1:end] if end > 0 else piece[1:])
                    break
                parts.append(piece[1:-1])
            elif piece.startswith('"') and piece.endswith('"') and len(piece) >= 2:
                parts.append(piece[1:-1])
            elif piece.isdigit():
                parts.append(piece)
            elif piece:
                value = self.macro(piece, line, entry)
                if value is None:
                    self.report.warning(f"undefined macro '{piece}'; its name is kept as the value",
                                        line=line, entry=entry)
                    value = piece
                parts.append(value)
        return "".join(parts)


def _closes_at_end(braced: str) -> bool:
    """True when the group opened by the first character closes at the last one (``{a {b} c}``, not
    ``{a} # {b}``).  Only the braces are looked at, as a list of characters: cheaper than
    :func:`_group_end`, which needs positions."""
    depth = 0
    for brace in _BRACE.findall(braced, 0, len(braced) - 1):
        depth += 1 if brace == "{" else -1
        if depth == 0:
            return False
    return depth == 1


def _group_end(text: str) -> int:
    """Index of the brace closing the group that starts at 0, or -1 if it never closes."""
    depth = 0
    for m in _BRACE.finditer(text):
        depth += 1 if m.group(0) == "{" else -1
        if depth == 0:
            return m.start()
    return -1


def _concatenated_parts(raw: str) -> Iterator[str]:
    """Split ``a # {b} # "c"`` at ``#`` outside braces and quotes."""
    depth = 0
    quoted = False
    start = 0
    for index, ch in enumerate(raw):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            yield raw[start:index].strip()
            start = index + 1
    yield raw[start:].strip()


def resolve_inheritance(entries: list[RawEntry], report: Diagnostics,
                        resolved: dict[str, RawEntry] | None = None) -> set[str]:
    """Apply ``xdata`` then ``crossref`` inheritance in place (BibLaTeX's rules; a missing parent or
    a cycle is reported and the child is kept as it is).  ``resolved`` holds parents already
    resolved elsewhere (a worker reading one piece of a file gets the file's parents this way);
    when it is given, parents are looked up only there.  Returns the parent keys not found."""
    by_key = {e.key.lower(): e for e in entries} if resolved is None else resolved
    done: set[int] = set() if resolved is None else {id(entry) for entry in resolved.values()}  # entries, not
    missing: set[str] = set()  # keys: each of two entries with one key is resolved

    def resolve(entry: RawEntry, chain: tuple[str, ...]) -> None:
        key = entry.key.lower()
        if id(entry) in done:
            return
        if key in chain:
            report.error(f"crossref/xdata cycle: {' -> '.join(chain + (key,))}", line=entry.line, entry=entry.key)
            return
        for xdata_key in _key_list(entry.fields.get("xdata", "")):
            parent = by_key.get(xdata_key.lower())
            if parent is None:
                report.warning(f"xdata entry '{xdata_key}' not found", line=entry.line, entry=entry.key)
                missing.add(xdata_key.lower())
                continue
            resolve(parent, chain + (key,))
            for name, value in parent.fields.items():
                if name not in NEVER_INHERITED:
                    entry.fields.setdefault(name, value)
        crossref = _key_list(entry.fields.get("crossref", ""))
        if crossref:
            parent = by_key.get(crossref[0].lower())
            if parent is None:
                report.warning(f"crossref entry '{crossref[0]}' not found", line=entry.line, entry=entry.key)
                missing.add(crossref[0].lower())
            else:
                resolve(parent, chain + (key,))
                _inherit(parent, entry)
        done.add(id(entry))

    for entry in entries:
        resolve(entry, ())
    return missing


def _key_list(raw: str) -> list[str]:
    value = raw.strip().strip("{}\"")
    return [k.strip() for k in value.split(",") if k.strip()]


def _inherit(parent: RawEntry, child: RawEntry) -> None:
    renames: dict[str, str | None] = {}
    for sources, targets, table in INHERITANCE:
        if parent.entry_type in sources and child.entry_type in targets:
            renames = table
            break
    for name, value in parent.fields.items():
        if name in NEVER_INHERITED:
            continue
        target = renames.get(name, name) if name in renames else name
        if target is None:
            continue
        child.fields.setdefault(target, value)
        if target == "bookauthor":  # BibLaTeX inherits author as both author and bookauthor
            child.fields.setdefault("author", value)


_URL_ESCAPE = re.compile(r"\{\\([_%&#$])\}|\\([_%&#$])")


class EntryConverter:
    """Turns one expanded entry into a CSL item.  One instance per file: it holds the dialect,
    the macro expander and the report."""

    def __init__(self, expander: MacroExpander, report: Diagnostics, biblatex: bool) -> None:
        self.expander = expander
        self.report = report
        self.biblatex = biblatex

    def convert(self, raw: RawEntry) -> Item:
        entry = raw.entry_type
        line, key = raw.line, raw.key
        expand = self.expander.expand
        values: dict[str, str] = {}
        for name, value in raw.fields.items():  # "{text}", the usual value, without a call
            if value[:1] == "{" and value[-1:] == "}" and (value.count("{") == 1 or _closes_at_end(value)):
                values[name] = value[1:-1]
            else:
                values[name] = expand(value, line, key, name)
        item: Item = {"id": key}
        csl_type = ENTRY_TO_TYPE.get(entry)
        if csl_type is None:
            self.report.warning(f"unknown entry type @{entry}; read as a generic document", line=line, entry=key)
            csl_type = "document"
            item.setdefault("custom", {})["entrytype"] = entry
        subtype = values.get("entrysubtype", "").strip().lower()
        if entry == "article" and subtype in ENTRYSUBTYPE_TO_TYPE:
            csl_type = ENTRYSUBTYPE_TO_TYPE[subtype]
        elif subtype in ITEM_TYPES:
            csl_type = subtype  # the CSL type our writers carry where the entry type cannot ("@misc" film)
        elif subtype:
            item.setdefault("custom", {})["entrysubtype"] = values["entrysubtype"]
        if entry == "misc" and "journal" not in values and "journaltitle" not in values and \
                (values.get("eprinttype") or values.get("archiveprefix") or "").strip().lower() == "arxiv":
            csl_type = "article"  # an arXiv preprint (arXiv's own BibTeX export writes @misc)
        item["type"] = csl_type
        self._names(values, item, line, key)
        self._titles(entry, values, item)
        self._numbers(entry, csl_type, values, item)
        self._publisher(entry, values, item)
        self._dates(values, item, line, key)
        self._language(values, item)
        self._eprint(values, item)
        self._places_and_series(entry, values, item)
        genre = values.get("type")
        if genre:
            item["genre"] = TYPE_KEYS.get(genre.strip().lower(), None) or self.decode("type", genre)
        elif entry in ENTRY_GENRE:
            item["genre"] = ENTRY_GENRE[entry]
        for name, value in values.items():
            variable = FIELD_TO_VARIABLE.get(name)
            if variable is not None:
                if variable not in item:
                    decoded = self.decode(name, value)
                    if decoded:
                        item[variable] = decoded
                continue
            if name in RULE_FIELDS or name in NAME_FIELD_TO_ROLE:
                continue
            item.setdefault("custom", {})[name] = self.decode(name, value) if name not in VERBATIM_FIELDS else value
        _access_note(item)
        custom = item.get("custom") or {}
        if "URL" not in item and isinstance(custom.get("bdsk-url-1"), str):
            item["URL"] = custom["bdsk-url-1"]  # BibDesk keeps an entry's links there, not in url
        addendum = values.get("addendum")
        if addendum:
            note = item.get("note")
            item["note"] = f"{note}. {self.decode('addendum', addendum)}" if note else self.decode("addendum", addendum)
        if "page" in item:
            item["page"] = item["page"].replace("\u2013", "-") if isinstance(item["page"], str) else item["page"]
        return item

    def decode(self, name: str, value: str) -> str:
        if name in VERBATIM_FIELDS:
            if "\\" in value and name in ("url", "doi"):
                # Mendeley and JabRef escape a URL's specials ("a{\_}b", "50\%"); no URL holds "\_"
                value = _URL_ESCAPE.sub(lambda m: m.group(1) or m.group(2), value)
            return _SPACES.sub(" ", value).strip()
        return latex_to_unicode(value, name in TITLE_FIELDS)  # positional: a cheaper cache key

    def _names(self, values: dict[str, str], item: Item, line: int, key: str) -> None:
        options = values.get("options")
        useprefix = not self.biblatex or options is not None and (
            "useprefix=true" in options.replace(" ", "").lower() or _USEPREFIX_ALONE.search(options) is not None)
        roles: list[tuple[str, str]] = [(f, r) for f, r in NAME_FIELD_TO_ROLE.items() if f in values]
        for editor_field in ("editora", "editorb", "editorc"):
            if editor_field in values:
                role_key = values.get(editor_field + "type", "").strip().lower()
                if role_key in EDITOR_TYPE_TO_ROLE:
                    roles.append((editor_field, EDITOR_TYPE_TO_ROLE[role_key]))
                else:  # no CSL role says what they did: keep them as written
                    custom = item.setdefault("custom", {})
                    custom[editor_field] = _decode_name_part(values[editor_field])
                    if role_key:
                        custom[editor_field + "type"] = role_key
        for field_name, role in roles:
            people: list[dict[str, Any]] = []
            for raw_name in split_names(values[field_name]):
                person = _csl_name(raw_name, useprefix)
                if person is None:  # "and others"
                    item.setdefault("custom", {})["et-al" if field_name == "author" else f"{field_name}-et-al"] = True
                elif person:
                    people.append(dict(person))
            if people:
                if role in item:  # two fields mapped to one role (e.g. holder and author): keep both lists
                    item[role] = list(item[role]) + people
                else:
                    item[role] = people

    def _titles(self, entry: str, values: dict[str, str], item: Item) -> None:
        def joined(prefix: str) -> str | None:
            main = values.get(prefix + "title")
            if main is None:
                return None
            text = self.decode("title", main)
            sub = values.get(prefix + "subtitle")
            if sub:
                text = f"{text}: {self.decode('title', sub)}"
            addon = values.get(prefix + "titleaddon")
            if addon:
                text = f"{text}. {self.decode('title', addon)}"
            return text

        title = joined("")
        main = joined("main")
        book = joined("book")
        journal = values.get("journaltitle", values.get("journal"))
        if journal is not None:
            container = self.decode("journaltitle", journal)
            sub = values.get("journalsubtitle")
            if sub:
                container = f"{container}: {self.decode('title', sub)}"
            item["container-title"] = container
        if entry in IN_BOOK_TYPES:
            if main and book:
                item["container-title"] = main
                item["volume-title"] = book
            elif main or book:
                item["container-title"] = main or book  # type: ignore[assignment]
            if title:
                item["title"] = title
        elif main and title:
            item["title"] = main
            item["volume-title"] = title
        elif title or main:
            item["title"] = title or main  # type: ignore[assignment]
        if book and entry in _WEB_TYPES and "container-title" not in item:
            item["container-title"] = book  # a web page's site name, as citation.js and we write it
        # A booktitle on a book-like entry is there for crossref children (BibTeX style); it is
        # not this entry's container, so it stays in custom.
        elif book and entry not in IN_BOOK_TYPES and "booktitle" in values:
            item.setdefault("custom", {})["booktitle"] = self.decode("booktitle", values["booktitle"])
        if main and title and entry not in IN_BOOK_TYPES and "shorttitle" in values:
            # The short title abbreviates the volume's title, which is now volume-title: keep it aside.
            item.setdefault("custom", {})["shorttitle"] = self.decode("shorttitle", values.pop("shorttitle"))
        if values.get("subtitle") and "shorttitle" not in values and values.get("title") and "volume-title" not in item:
            # The main title alone is the short form of "title: subtitle" (CSL's title-short).
            item["title-short"] = self.decode("title", values["title"]).split(": ")[0]
        issue_title = values.get("issuetitle")
        if issue_title:
            text = self.decode("title", issue_title)
            if values.get("issuesubtitle"):
                text = f"{text}: {self.decode('title', values['issuesubtitle'])}"
            if entry == "periodical" and "title" in item:
                # A special issue: the periodical is the container, the issue's title is the title.
                item["container-title"] = item["title"]
                item["title"] = text
                item["type"] = "article-journal"
            else:
                custom = item.setdefault("custom", {})
                custom["issuetitle"] = self.decode("issuetitle", issue_title)
                if values.get("issuesubtitle"):
                    custom["issuesubtitle"] = self.decode("issuesubtitle", values["issuesubtitle"])

    def _numbers(self, entry: str, csl_type: str, values: dict[str, str], item: Item) -> None:
        number = values.get("number")
        part = values.get("part")
        volume = values.get("volume")
        if volume is not None and part:
            item["volume"] = f"{self.decode('volume', volume)}.{self.decode('part', part)}"
        elif volume is not None:
            item["volume"] = self.decode("volume", volume)
        elif part:
            item["part-number"] = self.decode("part", part)
        if number is None:
            if values.get("issue"):
                item["issue"] = self.decode("issue", values["issue"])
            return
        decoded = self.decode("number", number)
        if csl_type.startswith("article") or entry in ("article", "periodical", "suppperiodical"):
            issue = values.get("issue")
            # BibLaTeX prints "number, issue" when both are given (issue is e.g. "Spring").
            item["issue"] = f"{decoded}, {self.decode('issue', issue)}" if issue else decoded
        elif "series" in values and csl_type not in ("report", "patent", "standard", "legislation"):
            item["collection-number"] = decoded
        else:
            item["number"] = decoded

    def decode_list(self, name: str, value: str) -> str:
        """BibLaTeX literal lists ("Durham and London") joined with "; ".  Classic BibTeX has no
        such lists: "Taylor and Francis" is one publisher there."""
        if self.biblatex and name in LIST_FIELDS and " and " in value:
            return "; ".join(self.decode(name, part) for part in split_names(value))
        return self.decode(name, value)

    def _places_and_series(self, entry: str, values: dict[str, str], item: Item) -> None:
        place = values.get("location", values.get("address"))
        address = values.get("address")
        if place and entry != "patent" and address and address.strip() != place.strip():
            # both given (ACM's exports): the address is the publisher's town, the location the venue
            item["publisher-place"] = self.decode_list("address", address)
            if "venue" in values:
                item.setdefault("custom", {})["location"] = self.decode_list("location", place)
            else:
                item["event-place"] = self.decode_list("location", place)
        elif place:
            if entry == "patent":
                item["jurisdiction"] = "; ".join(COUNTRY_KEYS.get(p.strip().lower(), self.decode("location", p))
                                                 for p in split_names(place))
            else:
                item["publisher-place"] = self.decode_list("location", place)
        series = values.get("series")
        if series:
            key = series.strip().lower()
            if key in BIBSTRINGS:
                item["collection-title"] = BIBSTRINGS[key]
            elif key.isdigit() and entry in ("article", "periodical"):
                item["collection-title"] = f"{_ordinal(int(key))} series"
            else:
                item["collection-title"] = self.decode("series", series)
        status = values.get("pubstate")
        if status:
            item["status"] = BIBSTRINGS.get(status.strip().lower()) or self.decode("pubstate", status)

    def _publisher(self, entry: str, values: dict[str, str], item: Item) -> None:
        for name in ("publisher", "institution", "school", "organization"):
            if name in values:
                if "publisher" not in item:
                    item["publisher"] = self.decode_list(name, values[name])
                elif name != "publisher":
                    item.setdefault("custom", {})[name] = self.decode(name, values[name])
        howpublished = values.get("howpublished")
        if howpublished:
            url = re.fullmatch(r"\s*\\url\{([^{}]*)\}\s*", howpublished)
            if url and "url" not in values:
                item["URL"] = url.group(1).strip()
            elif (entry == "misc" or entry in _WEB_TYPES) and "container-title" not in item:
                item["container-title"] = self.decode("howpublished", howpublished)
            else:
                item["medium"] = self.decode("howpublished", howpublished)

    def _dates(self, values: dict[str, str], item: Item, line: int, key: str) -> None:
        issued = _entry_date(values)
        if issued is not None:
            date, problem = issued
            if date is not None:
                item["issued"] = date_to_csl(date)
            if problem:
                self.report.warning(problem, line=line, entry=key)
        original = _entry_date({"year": values["origyear"], "month": values.get("origmonth", "")}) \
            if "origyear" in values else None
        if original is not None and original[0] is not None and "origdate" not in values:
            item["original-date"] = date_to_csl(original[0])
        for name, variable in DATE_FIELDS.items():
            if name in values:
                date, problem = _date_value(values[name])
                if date is not None:
                    item[variable] = date_to_csl(date)
                if problem:
                    self.report.warning(f"{name}: {problem}", line=line, entry=key)

    def _language(self, values: dict[str, str], item: Item) -> None:
        for name in ("langid", "hyphenation", "language"):
            raw = values.get(name)
            if not raw:
                continue
            first = re.split(r"(?<!\s)\s+and\s+|,", latex_to_unicode(raw), maxsplit=1)[0].strip()
            lowered = first.lower()
            lowered = lowered[4:] if lowered.startswith("lang") and lowered[4:] in LANGUAGE_TAGS else lowered
            item["language"] = LANGUAGE_TAGS.get(lowered, first)
            for other in ("langid", "hyphenation", "language"):
                if other != name and other in values:
                    item.setdefault("custom", {})[other] = latex_to_unicode(values[other])
            return

    def _eprint(self, values: dict[str, str], item: Item) -> None:
        eprint = values.get("eprint")
        kind = (values.get("eprinttype") or values.get("archiveprefix") or "").strip().lower()
        for name in ("eprint", "eprinttype", "archiveprefix", "primaryclass", "eprintclass"):
            if name in values:
                item.setdefault("custom", {})[name] = _SPACES.sub(" ", values[name]).strip()
        if not eprint:
            return
        eprint = eprint.strip()
        if kind in EPRINT_URLS and "URL" not in item and "url" not in values:
            item["URL"] = EPRINT_URLS[kind].format(eprint)
        elif kind in ("pubmed", "pmid") and "PMID" not in item:
            item["PMID"] = eprint
        elif kind == "doi" and "DOI" not in item:
            item["DOI"] = eprint
        elif kind == "pmcid" and "PMCID" not in item:
            item["PMCID"] = eprint


# A note that only says when the page was seen: "Accessed: 2021-05-01", Wikipedia's "Cite this
# page" export "[Online; accessed 22-July-2004]", "Last visited on May 1, 2021".
_ACCESS_NOTE = re.compile(r"\[?(?:online[;,.]\s?)?(?:last\s)?(?:accessed|retrieved|visited|viewed|abgerufen am|"
                          r"consulté le)(?:\son)?:?\s(?P<date>[\w ,./-]{4,40}?)\]?\.?", re.IGNORECASE)


def _access_note(item: Item) -> None:
    """Such a note becomes ``accessed`` (when the item has none), so styles print it as an access date."""
    note = item.get("note")
    if not isinstance(note, str) or "accessed" in item:
        return
    match = _ACCESS_NOTE.fullmatch(note.strip())
    if match is None:
        return
    text = match.group("date").strip()
    date = parse_date(re.sub(r"(?<=\d)-(?=[^\W\d_])|(?<=[^\W\d_])-(?=\d)", " ", text))
    if date is not None:
        item["accessed"] = date_to_csl(date)
        del item["note"]


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@lru_cache(maxsize=32768)
def _csl_name(raw_name: str, useprefix: bool) -> tuple[tuple[str, str], ...] | None:
    """One raw name as CSL name items (cached: authors recur across a bibliography); ``None`` for
    ``others``.  Returned as a tuple so the cached value cannot be changed by a caller."""
    parsed = parse_bibtex_name(raw_name)
    if parsed.others:
        return None
    return tuple(to_csl_name(parsed, _decode_name_part, useprefix).items())


def _decode_name_part(value: str) -> str:
    return latex_to_unicode(value).replace("\u00a0", " ")


def _entry_date(values: dict[str, str]) -> tuple[DateValue | None, str | None] | None:
    """``date`` (EDTF) wins over ``year``/``month``/``day``, as in BibLaTeX."""
    if values.get("date", "").strip():
        return _date_value(values["date"])
    year = values.get("year", "").strip()
    if not year:
        return None
    year_text = latex_to_unicode(year)
    month = values.get("month", "").strip()
    day = values.get("day", "").strip()
    if year_text.isdigit() and len(year_text) <= 4 or _SIGNED_YEAR.fullmatch(year_text):
        parts: list[int] = [int(year_text)]
        month_value = _month(month) if month else None
        if month and month_value is None:
            combined = parse_date(f"{latex_to_unicode(month)} {year_text}")
            if combined is not None:
                return combined, None
            return DateValue(start=(parts[0],)), f"month '{month}' not understood; kept the year only"
        if month_value:
            parts.append(month_value)
            if day.isdigit() and 1 <= int(day) <= 31:
                parts.append(int(day))
        return DateValue(start=tuple(parts)), None
    return _date_value(year_text if not month else f"{latex_to_unicode(month)} {year_text}")


_SIGNED_YEAR = re.compile(r"-?\d{1,4}")


def _month(raw: str) -> int | None:
    text = latex_to_unicode(raw).strip().rstrip(".")
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return month_number(text)


def _date_value(raw: str) -> tuple[DateValue | None, str | None]:
    # Not LaTeX-decoded: "~" is EDTF's "approximate" here, not a tie.
    text = raw.replace("{", "").replace("}", "").strip()
    if not text:
        return None, None
    edtf = _EDTF_TIME.sub("", text.replace("--", "/").replace("–", "/"))
    edtf = _EDTF_OPEN.sub("/..", edtf)
    date = parse_edtf(edtf)
    if date is None:
        date = parse_date(latex_to_unicode(raw))
    if date is None:
        return DateValue(literal=latex_to_unicode(raw)), None
    return date, None


# Inputs at least this large are split and converted on several cores (see convert.parallel).
PARALLEL_MIN_CHARS = 1_000_000
_NEXT_ENTRY = re.compile(r"\n(?=[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(])")


def _text_chunks(text: str, parts: int) -> list[tuple[str, int]]:
    """Pieces cut at lines that start an entry, with each piece's first line number.  bibtexparser
    itself starts a new block at such a line, so the cut changes nothing."""
    return [(text[start:end], line) for start, end, line in text_spans(text, parts, _NEXT_ENTRY)]


def _split_chunk(job: tuple[str, int, str | None]) -> tuple[list[RawEntry], dict[str, str], list[str], list[str], list[Any]]:
    text, line_offset, name = job
    report = Diagnostics(name)
    entries, strings, preambles, comments = split_blocks(text, report, line_offset)
    return entries, strings, preambles, comments, report.as_tuples()


def _read_chunk(job: tuple[int, int, int]) -> tuple[Any, ...]:
    """Split, inherit and convert one piece in one go, so raw entries never travel between
    processes: only the items come back.  ``parents`` are the file's crossref/xdata parents,
    already resolved (see :func:`_inheritance_parents`); an entry that is one of them is read
    in its resolved form."""
    start, end, line_offset = job
    text = SHARED["text"][start:end]
    name, strings, biblatex, parents = SHARED["name"], SHARED["strings"], SHARED["biblatex"], SHARED["parents"]
    report = Diagnostics(name)
    entries, local_strings, preambles, comments = split_blocks(text, report, line_offset)
    split_diagnostics = report.as_tuples()
    inheritance = Diagnostics(name)
    missing: list[str] = []
    if parents or any("crossref" in e.fields or "xdata" in e.fields for e in entries):
        for index, entry in enumerate(entries):
            parent = parents.get(entry.key.lower())
            if parent is not None and parent.line == entry.line:
                entries[index] = parent
        missing = sorted(resolve_inheritance(entries, inheritance, parents))
    items, convert_diagnostics = _convert_chunk((entries, {**local_strings, **strings}, biblatex, name))
    keys = [(entry.key, entry.line) for entry in entries]
    return items, keys, preambles, comments, split_diagnostics, inheritance.as_tuples(), convert_diagnostics, missing


# An entry head after a newline (a leading "\n" makes the regex search for a literal, 4x faster than
# "^" in multiline mode), and a crossref/xdata value in the lower-cased text (keys compare lower-cased).
_ENTRY_HEAD = re.compile(r"\n[ \t]*@[ \t]*([A-Za-z]\w*)[ \t]*[{(][ \t]*([^,\s{}()]*)")
_INHERITANCE_FIELDS = tuple(re.compile(name + r"\s*=\s*(?:\{([^{}]*)\}|\"([^\"]*)\"|([^\s,{}\"]+))")
                            for name in ("crossref", "xdata"))  # two literal-led regexes: 4x faster than one
_NOT_ENTRIES = frozenset(("string", "comment", "preamble"))


def _inheritance_parents(text: str, lowered: str, report: Diagnostics) -> dict[str, RawEntry]:
    """Every entry some entry of the file inherits from (by crossref or xdata), read and resolved
    here once, so that each worker can resolve its own piece.  The parents are found without
    splitting the whole file: a regex finds every ``crossref``/``xdata`` value (a superset is
    harmless) and every entry head; only the parents' own text is split.  Problems of a parent's
    own inheritance (a cycle, a missing grandparent) are reported into ``report``."""
    wanted = {key for pattern in _INHERITANCE_FIELDS for m in pattern.finditer(lowered)
              for key in _key_list(m.group(1) or m.group(2) or m.group(3) or "")}
    if not wanted:
        return {}
    # In "\n" + text, a match starts at the newline before a head: at the head itself in ``text``.
    heads = [(m.start(), m.group(1).lower(), m.group(2).lower()) for m in _ENTRY_HEAD.finditer("\n" + text)]
    spans: dict[str, tuple[int, int]] = {}  # the last definition of a key wins, as in resolve_inheritance
    for index, (start, kind, key) in enumerate(heads):
        if key in wanted and kind not in _NOT_ENTRIES:
            spans[key] = (start, heads[index + 1][0] if index + 1 < len(heads) else len(text))
    # The parents' texts are split in one call; each entry's line is then moved from the joined
    # text back to the file (a block starts at joined line joined_starts[k], file line file_starts[k]).
    blocks: list[str] = []
    joined_starts: list[int] = []
    file_starts: list[int] = []
    joined_line, file_line, position = 0, 0, 0
    for start, end in sorted(spans.values()):
        file_line += text.count("\n", position, start)
        position = start
        block = text[start:end]
        if not block.endswith("\n"):
            block += "\n"
        blocks.append(block)
        joined_starts.append(joined_line)
        file_starts.append(file_line)
        joined_line += block.count("\n")
    found, _, _, _ = split_blocks("".join(blocks), Diagnostics(None))
    parents: list[RawEntry] = []
    for entry in found:
        if entry.key.lower() in spans:
            index = bisect_right(joined_starts, entry.line - 1) - 1
            entry.line = entry.line - joined_starts[index] + file_starts[index]
            parents.append(entry)
    resolve_inheritance(parents, report)
    return {entry.key.lower(): entry for entry in parents}


_STRING_START = re.compile(r"(?im)^[ \t]*@[ \t]*string[ \t]*(?=[{(])")
_STRING_START_LOWERED = re.compile(r"\n[ \t]*@[ \t]*string[ \t]*(?=[{(])")


def _all_strings(text: str, lowered: str) -> dict[str, str]:
    """Every ``@string`` of the file, found before the pieces are read in parallel: a macro may be
    used in a piece other than the one that defines it.  Problems in them are reported by the piece
    that holds them, with the right line, so this pass reports nothing.  The heads are searched in
    the lower-cased text when lower-casing kept every position (a literal-led regex, 4x faster)."""
    if len(lowered) == len(text):
        spans = [(m.start(), m.end() - 1) for m in _STRING_START_LOWERED.finditer("\n" + lowered)]
    else:
        spans = [(m.start(), m.end()) for m in _STRING_START.finditer(text)]
    blocks = []
    for start, head_end in spans:
        opener = text[head_end]
        end = _group_end(text[head_end:]) if opener == "{" else text.find(")", head_end) - head_end
        if end > 0:
            blocks.append(text[start:head_end + end + 1])
    if not blocks:
        return {}
    _, strings, _, _ = split_blocks("\n".join(blocks), Diagnostics(None))
    return strings


def _convert_chunk(job: tuple[list[RawEntry], dict[str, str], bool, str | None]) -> tuple[list[Item], list[Any]]:
    entries, strings, biblatex, name = job
    report = Diagnostics(name)
    converter = EntryConverter(MacroExpander(dict(strings), report), report, biblatex)
    items: list[Item] = []
    for entry in entries:
        if entry.entry_type == "xdata":
            continue  # data containers, not references (BibLaTeX never prints them)
        try:
            items.append(converter.convert(entry))
        except RecursionError:
            report.error("entry is nested too deeply to read; skipped", line=entry.line, entry=entry.key)
    return items, report.as_tuples()


class BibtexReader:
    """The whole-file pipeline: split, expand, inherit, convert; one broken entry never stops the
    rest.  Large files are split and converted on several cores; the result is the same."""

    def __init__(self, context: ReadContext, biblatex: bool) -> None:
        self.context = context
        self.biblatex = biblatex

    def read(self, text: str) -> list[Item]:
        report = self.context.diagnostics
        name = report.file
        with collection_paused(), chunk_runner(len(text), PARALLEL_MIN_CHARS) as runner:
            lowered = text.lower()  # plain substring tests: a case-insensitive regex over MBs takes 0.2 s
            if runner.parallel:
                inherits = "crossref" in lowered or "xdata" in lowered
                read = self._read_in_one_pass(text, lowered, runner, "@string" in lowered or "@ string" in lowered,
                                              inherits)
                if read is not None:
                    return read
            del lowered  # as large as the file: not kept while the entries are built
            parts = worker_count() * 2 if runner.parallel else 1
            entries: list[RawEntry] = []
            strings: dict[str, str] = {}
            preambles: list[str] = []
            comments: list[str] = []
            for chunk in runner.map(_split_chunk, [(t, line, name) for t, line in _text_chunks(text, parts)]):
                entries.extend(chunk[0])
                for key, value in chunk[1].items():
                    strings.setdefault(key, value)
                preambles.extend(chunk[2])
                comments.extend(chunk[3])
                report.extend_from_tuples(chunk[4])
            report_duplicate_keys(((entry.key, entry.line) for entry in entries), report)
            inheritance = Diagnostics(name)
            resolve_inheritance(entries, inheritance)
            report.extend(_by_line(inheritance))
            jobs = [(list(part), strings, self.biblatex, name) for part in split_evenly(entries, parts * 2)]
            items: list[Item] = []
            for chunk_items, diagnostics in runner.map(_convert_chunk, jobs):
                items.extend(chunk_items)
                report.extend_from_tuples(diagnostics)
                if self.context.progress:
                    self.context.progress(len(chunk_items))
        return self._finish(text, items, bool(entries), preambles, comments)

    def _read_in_one_pass(self, text: str, lowered: str, runner: Any, has_strings: bool,
                          inherits: bool) -> list[Item] | None:
        """The parallel path: each worker splits, inherits and converts its piece; the same items
        and diagnostics as the sequential path, with little data between processes.  None when a
        parent the workers could not find is in the file after all (a head the pre-pass regex
        read differently from bibtexparser): the caller then takes the two-pass path."""
        report = self.context.diagnostics
        strings = _all_strings(text, lowered) if has_strings else {}
        parent_report = Diagnostics(report.file)
        parents = _inheritance_parents(text, lowered, parent_report) if inherits else {}
        parts = worker_count() * 4
        jobs = text_spans(text, parts, _NEXT_ENTRY)
        items: list[Item] = []
        keys: list[tuple[str, int]] = []
        preambles: list[str] = []
        comments: list[str] = []
        split_diagnostics = Diagnostics(report.file)
        inheritance = Diagnostics(report.file)
        inheritance.extend(parent_report)
        conversion = Diagnostics(report.file)
        missing: set[str] = set()
        for (chunk_items, chunk_keys, chunk_preambles, chunk_comments, chunk_split, chunk_inheritance, chunk_conversion,
             chunk_missing) in runner.map(_read_chunk, jobs, text=text, name=report.file, strings=strings,
                                          biblatex=self.biblatex, parents=parents):
            items.extend(chunk_items)
            keys.extend(chunk_keys)
            preambles.extend(chunk_preambles)
            comments.extend(chunk_comments)
            split_diagnostics.extend_from_tuples(chunk_split)
            inheritance.extend_from_tuples(chunk_inheritance)
            conversion.extend_from_tuples(chunk_conversion)
            missing.update(chunk_missing)
            if self.context.progress:
                self.context.progress(len(chunk_items))
        if missing and missing & {key.lower() for key, _ in keys}:
            return None
        # In the sequential path's order: split, keys, inheritance, conversion.
        report.extend(split_diagnostics)
        report_duplicate_keys(keys, report)
        report.extend(_by_line(inheritance))
        report.extend(conversion)
        return self._finish(text, items, bool(keys), preambles, comments)

    def _finish(self, text: str, items: list[Item], any_entries: bool, preambles: list[str],
                comments: list[str]) -> list[Item]:
        report = self.context.diagnostics
        if preambles:
            self.context.extras["bibtex-preamble"] = preambles
        if comments:
            self.context.extras["bibtex-comments"] = comments
        if not items and not any_entries and text.strip() and not report.has_errors:
            report.warning("no BibTeX entries found")
        make_ids_unique(items)  # duplicate keys were reported with their lines above
        return items


def _by_line(diagnostics: Diagnostics) -> list[Diagnostic]:
    """Inheritance problems in file order: the parallel path finds them piece by piece."""
    return sorted(diagnostics, key=lambda d: d.line or 0)


@reader("bibtex", extensions=(".bib", ".bibtex"), aliases=("bib",), sniff=looks_like_bibtex, priority=30,
        description="BibTeX (.bib); von-particles kept with the family name")
def read_bibtex(text: str, context: ReadContext) -> list[Item]:
    return BibtexReader(context, biblatex=False).read(text)


@reader("biblatex", description="BibLaTeX (.bib); useprefix rules for particles")
def read_biblatex(text: str, context: ReadContext) -> list[Item]:
    return BibtexReader(context, biblatex=True).read(text)
