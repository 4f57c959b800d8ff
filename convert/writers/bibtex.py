"""BibTeX and BibLaTeX output.

One writer, two dialects chosen by the mapping tables in :mod:`convert.mappings.bibtex`.  Values
are always brace-delimited and escaped, so any input (a ``%`` in a title, a lone ``}``) yields a
file every BibTeX toolchain parses.  What a dialect has no field for is reported, never dropped
silently; ``custom`` fields that came from BibTeX are written back under their own names.
"""

from __future__ import annotations

import re
from typing import Any

from ..csl import ITEM_TYPES, Item, date_to_edtf, names, read_date, text
from ..mappings.bibtex import (CONTAINER_FIELD, ENTRY_TO_TYPE, ENTRYSUBTYPE, FIELD_BY_ENTRY, FIELDS, MONTH_MACROS,
                               NAME_FIELDS, PUBLISHER_FIELD, TYPE_TO_ENTRY)
from ..normalize.keys import VALID_KEY, unique_keys
from ..diagnostics import Diagnostics
from ..gcpause import collection_paused
from ..parallel import SHARED, chunk_runner
from ..registry import WriteContext, writer
from .latex import escape_text, rich_to_latex

_RICH_FIELDS = frozenset({"title", "booktitle", "journal", "journaltitle", "series", "shorttitle", "maintitle",
                          "origtitle", "eventtitle"})
# Titles that .bst styles may sentence-case; journal names are never recased.
_CASE_FIELDS = frozenset({"title", "booktitle", "series", "shorttitle", "maintitle", "origtitle", "eventtitle"})
_VERBATIM_FIELDS = frozenset({"url", "doi"})
_BIBTEX_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")
_SKIP_CUSTOM = frozenset({"archived", "short-citation", "refers-to", "et-al"})
# Item keys this writer handles itself (mapped or reported per dialect); any other key is reported.
_WRITTEN = frozenset({"id", "type", "custom", "categories", "container-title", "issued", "accessed",
                      "original-date", "event-date"} | {v for v, _, _ in FIELDS} | {v for v, _, _ in NAME_FIELDS})


_FIELD_RANK = {variable: index for index, (variable, _, _) in enumerate(FIELDS)}


def format_name(name: dict[str, Any], ascii_only: bool, extended: bool = False, biblatex: bool = False) -> str:
    """``von Last, Jr, First`` (BibTeX's full form), literals braced so they are never split.
    ``extended`` writes BibLaTeX's ``family=..., prefix=..., useprefix=true`` form, the only way to
    mark one name's particle as non-dropping when others in the entry drop theirs.  ``biblatex``
    chooses how a name with no given part is written (see the end)."""

    def esc(value: str) -> str:
        return escape_text(value, ascii_only)

    if "literal" in name:
        return "{" + esc(str(name["literal"])) + "}"
    if extended:
        parts = [("family", name.get("family")), ("given", name.get("given")),
                 ("prefix", name.get("non-dropping-particle")), ("suffix", name.get("suffix"))]
        return ", ".join(f"{k}={{{esc(str(v))}}}" for k, v in parts if v) + ", useprefix=true"
    family = str(name.get("family", ""))
    if " and " in family or "," in family or _reads_as_particles(family):
        family = "{" + esc(family) + "}"
    else:
        family = esc(family)
    particle = name.get("non-dropping-particle") or ""
    dropping = name.get("dropping-particle") or ""
    von = " ".join(p for p in (dropping, particle) if p)
    last = f"{esc(von)} {family}".strip() if von else family
    if von and not von[:1].islower():
        last = "{" + last + "}"  # capitalised particles ("Van Gogh") would otherwise be read as first names
    given = esc(str(name.get("given", "")))
    suffix = esc(str(name.get("suffix", "")))
    if suffix:
        return f"{last}, {suffix}, {given}"
    if given:
        return f"{last}, {given}"
    # No given name.  "García Márquez" alone would be read as given + family, and "Family," with a
    # bare trailing comma is an error in BibTeX and a warning in biber.  Biber reads "Family, {}" as
    # a family name and no given name, and Zotero's import as a person with an empty first name
    # (a bare "Zenko" becomes a one-field name there).  BibTeX's .bst styles would print that "{}"
    # ("{}~Zenko" in plain, ". Zenko" in abbrv and ieeetr), so classic BibTeX keeps a one-word name
    # bare and braces a longer one whole, which every style prints as written.
    if biblatex:
        return f"{last}, {{}}"
    return "{" + last + "}" if " " in last else last


def _reads_as_particles(family: str) -> bool:
    """Whether BibTeX would cut a lowercase word off the family name as its "von" part: a family
    name "van der Berg" (written without particles, as ``{van der Berg}`` in the source) must be
    braced to come back as one family name and not as the particle "van der" and "Berg"."""
    words = family.split()
    return len(words) > 1 and any(word[:1].islower() for word in words[:-1])


def _field_value(field: str, value: str, ascii_only: bool, protect_case: bool = False) -> str:
    if field in _VERBATIM_FIELDS:
        return value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")
    if field in _RICH_FIELDS:
        return rich_to_latex(value, ascii_only, protect_case and field in _CASE_FIELDS)
    if field == "pages":  # ranges as BibTeX writes them, "--"; the rest escaped as text
        return "--".join(escape_text(part, ascii_only) for part in re.split(r"\s?[\u2013\u2014-]+\s?", value))
    return escape_text(value, ascii_only)


def entry_fields(item: Item, biblatex: bool, report: Any, label: str, ascii_only: bool,
                 protect_case: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and ordered (field, LaTeX value) pairs for one item."""
    dialect = 1 if biblatex else 0
    csl_type = item.get("type", "document")
    entry_type = TYPE_TO_ENTRY.get(csl_type, ("misc", "misc"))[dialect]
    genre = (text(item, "genre") or "").lower()
    if csl_type == "thesis" and not biblatex and ("master" in genre or genre.startswith("ma ") or "msc" in genre):
        entry_type = "mastersthesis"
    if csl_type == "article" and not item.get("container-title"):
        entry_type = "misc"  # a preprint: @article would want a journal (plain.bst: "empty journal")
    out: list[tuple[str, str]] = []
    used: set[str] = set()
    unplaced: list[str] = []

    def put(field: str, value: str | None) -> None:
        if value is None or field in used:
            return
        used.add(field)
        out.append((field, value))

    particles = _particle_kinds(item)
    mixed = biblatex and particles == {"dropping-particle", "non-dropping-particle"}
    if biblatex and particles == {"non-dropping-particle"}:
        options = (item.get("custom") or {}).get("options")
        put("options", ",".join(o for o in (str(options) if options else None, "useprefix=true") if o))
    for variable, bibtex_field, biblatex_field in NAME_FIELDS:
        if variable not in item:
            continue
        people = names(item, variable)
        if not people:
            continue
        field = (bibtex_field, biblatex_field)[dialect]
        if field is None:
            unplaced.append(variable)
            continue
        rendered = " and ".join(format_name(n, ascii_only, mixed and "non-dropping-particle" in n, biblatex)
                              for n in people)
        if item.get("custom", {}).get("et-al") and variable == "author":
            rendered += " and others"
        put(field, rendered)

    container = text(item, "container-title")
    if container:
        fields = CONTAINER_FIELD.get(entry_type)
        if fields is None:  # a book, report or thesis has no container field in either dialect
            unplaced.append("container-title")
        else:
            put(fields[dialect], _field_value(fields[dialect], container, ascii_only, protect_case))
    if csl_type in ENTRYSUBTYPE:
        put("entrysubtype", ENTRYSUBTYPE[csl_type])
    elif ENTRY_TO_TYPE.get(entry_type) != csl_type and csl_type in ITEM_TYPES:
        # The entry type alone would read back as another CSL type (a film is a @misc): the CSL type
        # rides in entrysubtype, which BibLaTeX defines for this and BibTeX styles ignore.
        put("entrysubtype", csl_type)

    present = sorted((_FIELD_RANK[v], v) for v in item if v in _FIELD_RANK)  # FIELDS order, only what is there
    for _, variable in present:
        _, bibtex_field, biblatex_field = FIELDS[_FIELD_RANK[variable]]
        value = text(item, variable)
        if value is None:
            continue
        field = (bibtex_field, biblatex_field)[dialect]
        if variable == "publisher" and entry_type in PUBLISHER_FIELD:
            field = PUBLISHER_FIELD[entry_type]
        if (entry_type, variable) in FIELD_BY_ENTRY:
            field = FIELD_BY_ENTRY[(entry_type, variable)]
        if field is None or field in used:
            unplaced.append(variable)
            continue
        put(field, _field_value(field, value, ascii_only, protect_case))

    _put_dates(item, biblatex, put, unplaced)

    if not biblatex and "author" not in used and "editor" not in used and "key" not in used:
        # BibTeX styles sort an entry without author or editor by its "key" ("to sort, need author
        # or key"); the title's first words (or the work's) serve, as a person would choose them.
        basis = text(item, "title") or text(item, "container-title")
        if basis:
            put("key", escape_text(" ".join(re.sub(r"<[^>]{1,80}>", "", basis).split()[:4]), ascii_only))
    consumed = _put_eprint(item.get("custom") or {}, biblatex, put)
    for key, value in sorted((item.get("custom") or {}).items()):
        if key in _SKIP_CUSTOM or key in consumed or not _BIBTEX_FIELD_NAME.match(key) or key in used:
            continue
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            put(key, escape_text(str(value), ascii_only))
    unplaced.extend(key for key in item if key not in _WRITTEN)
    if unplaced:
        dialect_name = "BibLaTeX" if biblatex else "BibTeX"
        report.warning(f"{dialect_name} has no field for {', '.join(sorted(set(unplaced)))}; not written", entry=label)
    return entry_type, out


# Identifiers the reference-list parser keeps in ``custom`` (as Wikipedia labels them) that BibTeX
# has one home for: ``eprint`` with its type (BibLaTeX) or archive prefix (arXiv's own BibTeX).
_EPRINT_TYPES = (("arxiv", "arxiv", "arXiv"), ("jstor", "jstor", "JSTOR"), ("hdl", "hdl", "hdl"))


def _put_eprint(custom: dict[str, Any], biblatex: bool, put: Any) -> set[str]:
    """The first of arXiv, JSTOR and hdl as ``eprint``, unless the item has one already (read from
    BibTeX); the others stay under their own names.  Returns the custom keys written."""
    if "eprint" in custom:
        return set()
    for key, eprinttype, prefix in _EPRINT_TYPES:
        value = custom.get(key)
        if isinstance(value, str) and value:
            put("eprint", escape_text(value, False))
            put("eprinttype" if biblatex else "archiveprefix", eprinttype if biblatex else prefix)
            if key == "arxiv" and isinstance(custom.get("arxiv-class"), str):
                put("eprintclass" if biblatex else "primaryclass", escape_text(custom["arxiv-class"], False))
                return {key, "arxiv-class"}
            return {key}
    return set()


def _particle_kinds(item: Item) -> set[str]:
    kinds: set[str] = set()
    for variable, _, _ in NAME_FIELDS:
        for person in names(item, variable):
            kinds.update(k for k in ("dropping-particle", "non-dropping-particle") if person.get(k))
    return kinds


def _put_dates(item: Item, biblatex: bool, put: Any, unplaced: list[str]) -> None:
    issued = read_date(item.get("issued"))
    if issued is not None:
        if biblatex:
            edtf = date_to_edtf(issued)
            put("date", edtf if edtf else escape_text(issued.literal or ""))
        elif issued.start:
            year = str(issued.start[0])
            if issued.end and issued.end[0] != issued.start[0]:
                year += f"--{issued.end[0]}"
            put("year", year)
            if len(issued.start) >= 2:
                put("month", MONTH_MACROS[issued.start[1] - 1])
            if len(issued.start) == 3:
                put("day", str(issued.start[2]))
            edtf = date_to_edtf(issued)
            if edtf and (len(issued.start) == 3 or (issued.end and len(issued.end) >= 2)):
                # BibTeX styles ignore it; Zotero's and pandoc's importers read the full date from it
                # (Zotero has no day field: without this the day is lost), and it comes after
                # year/month because Zotero lets the last of them win.
                put("date", edtf)
        elif issued.literal:
            put("year", escape_text(issued.literal))
    for variable, field in (("accessed", "urldate"), ("original-date", "origdate"), ("event-date", "eventdate")):
        date = read_date(item.get(variable))
        if date is None:
            continue
        if not biblatex and variable != "accessed":
            unplaced.append(variable)
            continue
        edtf = date_to_edtf(date)
        if edtf or date.literal:
            put(field, edtf or escape_text(date.literal or ""))


def write_entries(items: list[Item], context: WriteContext, biblatex: bool) -> str:
    ascii_only = bool(context.options.get("ascii"))
    protect_case = bool(context.options.get("protect_case"))
    keys = _keys(items)
    chunks = [f"@preamble{{{preamble}}}" for preamble in context.extras.get("bibtex-preamble", ())
              if _balanced(preamble)]
    with collection_paused(), chunk_runner(len(items), PARALLEL_MIN_ITEMS) as runner:
        results = runner.map_ranges(_format_slice, len(items), items=items, keys=keys, biblatex=biblatex,
                                    ascii=ascii_only, protect_case=protect_case)
    for entries, diagnostics in results:
        chunks.extend(entries)
        context.diagnostics.extend_from_tuples(diagnostics)
        if context.progress:
            context.progress(len(entries))
    return "\n\n".join(chunks) + ("\n" if chunks else "")


# Outputs at least this long are formatted on several cores (see convert.parallel).
PARALLEL_MIN_ITEMS = 5000


def _format_slice(bounds: tuple[int, int]) -> tuple[list[str], list[Any]]:
    """Entries bounds[0]..bounds[1] as text, with the warnings they raised (keys are already unique)."""
    items, keys, biblatex, ascii_only = SHARED["items"], SHARED["keys"], SHARED["biblatex"], SHARED["ascii"]
    protect_case = bool(SHARED["protect_case"])
    report = Diagnostics(None)
    out = []
    for index in range(*bounds):
        item, key = items[index], keys[index]
        entry_type, fields = entry_fields(item, bool(biblatex), report, key, bool(ascii_only), protect_case)
        lines = [f"@{entry_type}{{{key},"]
        for field, value in fields:
            if field == "month" and value in MONTH_MACROS:
                lines.append(f"  {field} = {value},")
            else:
                lines.append(f"  {field} = {{{value}}},")
        lines.append("}")
        out.append("\n".join(lines))
    return out, report.as_tuples()


def _balanced(value: str) -> bool:
    depth = 0
    for ch in value:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0


def _keys(items: list[Item]) -> list[str]:
    """The item's id where it is a valid key not used before; else a generated key (computed only
    when some item needs one: for 20,000 items it costs a tenth of the writing time)."""
    candidates = [str(item.get("id", "")) for item in items]
    seen: set[str] = set()
    valid = []
    for candidate in candidates:
        valid.append(bool(VALID_KEY.match(candidate)) and candidate not in seen)
        seen.add(candidate)
    if all(valid):
        return candidates
    generated = unique_keys(items)
    used: set[str] = set()
    keys = []
    for candidate, is_valid, fallback in zip(candidates, valid, generated):
        key = candidate if is_valid and candidate not in used else fallback
        while key in used:
            key += "x"
        used.add(key)
        keys.append(key)
    return keys


@writer("bibtex", extensions=(".bib", ".bibtex"), aliases=("bib",), description="BibTeX (classic fields)",
        options=("ascii", "protect_case"))
def write_bibtex(items: list[Item], context: WriteContext) -> str:
    return write_entries(items, context, biblatex=False)


@writer("biblatex", extensions=(".biblatex.bib",), description="BibLaTeX (date, journaltitle, location...)",
        options=("ascii", "protect_case"))
def write_biblatex(items: list[Item], context: WriteContext) -> str:
    return write_entries(items, context, biblatex=True)
