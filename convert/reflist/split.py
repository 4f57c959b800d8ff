"""From a document to a list of reference strings.

Two jobs, both line-based so their cost is linear in the input:

* find the reference section(s) by their heading in many languages (text before the first such
  heading is article prose and is never parsed); with no heading the whole input is the list;
* split a section into references by the markers real pages use (``^``, ``- ^``, ``↑``, ``[1]``,
  ``1.``, ``1)``, bullets), by blank lines, or one per line; re-split references that a copy glued
  onto one line (``... authentic. - ^ NATO. ...``); and keep unmarked lines that follow a finished
  reference (quotations Wikipedia shows under a citation) as that reference's note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING_WORDS = {
    " ".join(h.split()) for h in (
        "references", "notes", "citations", "sources", "bibliography", "works cited", "literature",
        "further reading", "footnotes", "notes and references", "references and notes", "cited works",
        "reference list", "bibliografie", "einzelnachweise", "literatur", "quellen", "anmerkungen",
        "fußnoten", "références", "notes et références", "bibliographie", "sources et références",
        "referencias", "bibliografía", "notas", "referencias y notas", "note", "riferimenti",
        "bibliografia", "fonti", "note e riferimenti", "bronnen", "noten", "literatuur", "referenties",
        "przypisy", "źródła", "referências", "notas e referências", "fontes", "källor", "referenser",
        "noter", "litteratur", "lähteet", "viitteet", "general references", "specific references",
        "primary sources", "secondary sources", "external references", "works consulted",
    )
}
_STOP_HEADINGS = {
    "external links", "see also", "weblinks", "liens externes", "voir aussi", "enlaces externos",
    "véase también", "collegamenti esterni", "voci correlate", "siehe auch", "externe links", "zie ook",
    "linki zewnętrzne", "zobacz też", "navigation menu", "categories", "ligações externas", "ver também",
}
_HEADING_DECORATION = re.compile(r"^[#=\s*]{0,12}|[#=:\s*]{0,12}$")

# Markers that open a reference, with the text that follows.
_MARKER = re.compile(
    r"^\s{0,8}(?:"
    r"-\s\^|\^|↑|"                    # Wikipedia backlinks, as copied ("- ^", "^", "↑")
    r"\[\d{1,4}\]|\(\d{1,3}\)(?=\s)|"     # [1]  (1)  (ACS; not "(2019)")
    r"(?!(?:1[5-9]|20)\d\d\.)\d{1,4}[.)](?=\s)|"  # 1.  1)  (not a year a wrapped line starts with)
    r"[-*•·‣◦–]\s"                    # bullets
    r")\s*"
)
_GLUED = re.compile(r"(?<=[.\]”\"])\s{0,3}-\s\^\s")
_BACKLINKS = re.compile(r"^(?:Jump up to:\s?(?:[a-z]{1,2}\s){0,60}[a-z]{1,2}\s|Jump up\s|(?:[a-z]\s){1,60}(?=\S))")


@dataclass
class RawReference:
    """One reference string, the line it starts on, and quotation lines shown under it."""

    text: str
    line: int
    notes: list[str] = field(default_factory=list)


def heading_kind(line: str) -> str | None:
    """``reference`` or ``stop`` when ``line`` is such a heading, else ``None``."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    words = " ".join(_HEADING_DECORATION.sub("", stripped).split()).lower()
    words = re.sub(r"\[\s*edit\s*\]$", "", words).strip()
    if words in _HEADING_WORDS:
        return "reference"
    if words in _STOP_HEADINGS:
        return "stop"
    return None


def find_sections(lines: list[str]) -> list[tuple[int, int]]:
    """Line ranges ``[start, end)`` of the reference sections; the whole input if none is headed."""
    sections: list[tuple[int, int]] = []
    start: int | None = None
    for number, line in enumerate(lines):
        kind = heading_kind(line)
        if kind == "reference":
            if start is not None:
                sections.append((start, number))
            start = number + 1
        elif kind == "stop" and start is not None:
            sections.append((start, number))
            start = None
    if start is not None:
        sections.append((start, len(lines)))
    if not sections:
        return [(0, len(lines))]
    return [(a, b) for a, b in sections if b > a]


def split_references(text: str) -> list[RawReference]:
    """Every reference string of a document, in order (see the module docstring)."""
    lines = text.split("\n")
    references: list[RawReference] = []
    for start, end in find_sections(lines):
        references.extend(_split_section(lines, start, end))
    return references


def _split_section(lines: list[str], start: int, end: int) -> list[RawReference]:
    body = [(n, lines[n]) for n in range(start, end)]
    marked = sum(1 for _, line in body if line.strip() and _MARKER.match(line))
    nonblank = sum(1 for _, line in body if line.strip())
    uses_markers = nonblank and marked >= max(1, nonblank // 3)
    blank_separated = not uses_markers and _blank_line_separated(body)
    wrapped = not blank_separated and _hard_wrapped(body)
    references: list[RawReference] = []
    current: RawReference | None = None
    for number, line in body:
        if not line.strip():
            if blank_separated:
                current = None
            continue
        for piece_index, piece in enumerate(_GLUED.split(line)):
            lineno = number + 1
            marker = _MARKER.match(piece) if piece_index == 0 else None
            # a reference this long takes no more lines (see _LONGEST_REFERENCE): they start a new one
            full = current is not None and len(current.text) > _LONGEST_REFERENCE
            opens = piece_index > 0 or full or (marker is not None if uses_markers else True)
            if full:
                current = None
            if uses_markers and piece_index == 0 and marker is None and current is not None:
                # An unmarked line inside a marked list: a wrapped continuation when the reference
                # is unfinished or the whole list is a hard-wrapped copy, otherwise a quotation
                # shown under it.
                content = piece.strip()
                if (_is_finished(current.text[-80:]) or current.notes) and not wrapped:
                    _attach_note(current, content)
                else:
                    current.text += " " + content
                continue
            if blank_separated and current is not None and piece_index == 0 and (line[:1].isspace() or not marker):
                current.text += " " + piece.strip()
                continue
            if line[:1] in (" ", "\t") and current is not None and not marker and not uses_markers:
                current.text += " " + piece.strip()  # hanging indent
                continue
            if not uses_markers and not blank_separated and current is not None and piece_index == 0 \
                    and _continues(current.text, piece.strip(), wrapped):
                # a list copied from a PDF: lines broken inside references, no indent left
                joiner = "" if re.search(r"[^\W\d_]-$", current.text[-2:]) and piece.strip()[:1].islower() else " "
                current.text += joiner + piece.strip()
                continue
            content = piece[marker.end():] if marker else piece
            content = _BACKLINKS.sub("", content.strip(), count=1).strip()
            if not opens or not content:
                continue
            current = RawReference(content, lineno)
            references.append(current)
    return [r for r in references if r.text.strip(" .")]


def _blank_line_separated(body: list[tuple[int, str]]) -> bool:
    """True when references are paragraphs: several blocks between blank lines, at least half of
    them wrapped over more than one line (otherwise each line is its own reference)."""
    blocks: list[int] = []
    run = 0
    for _, line in body:
        if line.strip():
            run += 1
        elif run:
            blocks.append(run)
            run = 0
    if run:
        blocks.append(run)
    return len(blocks) >= 2 and sum(1 for b in blocks if b > 1) * 2 >= len(blocks)


def _is_finished(text: str) -> bool:
    stripped = text.rstrip()
    return stripped.endswith((".", "”", '"', ")")) or bool(re.search(r"\d{4}$|(?:https?://|doi:|www\.)\S+$", stripped))


# How a reference begins in the styles papers use: "Smith, J." / "Smith, John" (APA, Chicago, MLA,
# Harvard), "Smith JA," (Vancouver), "J. Smith" (IEEE), "Organisation. (2020)", "Organisation
# (2020)" or "Organisation. 2020.", MLA's and Chicago's "———." for the same authors.  (Not a quoted
# title: Chicago breaks lines right before one.)
_REFERENCE_START = re.compile(
    r"[A-ZÀ-ÖØ-Þ][^\s,\d]{0,40}(?:\s[^\s,\d]{1,40}){0,3},\s(?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)"
    r"|(?:(?:van|von|de|da|di|du|del|della|der|den|le|la|ten|ter)\s){1,3}[A-ZÀ-ÖØ-Þ]"  # "van der Eyden T"
    r"|[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s[\w'’-]+){0,2}\s[A-Z]{1,3}[,.]\s"
    r"|[A-Z]\.(?:[\s-]?[A-Z]\.)*\s[A-ZÀ-ÖØ-Þ]"
    r"|[A-ZÀ-ÖØ-Þ][\w&'’. -]{1,80}?\.?\s\((?:\d{4}|n\.d\.)"
    r"|[A-ZÀ-ÖØ-Þ][\w&'’. -]{1,80}?\.\s(?:\d{4}[a-z]?|n\.d\.)\.\s"  # Chicago's "NATO. 1949. "
    r"|—|-{2,3}|_{3,}"
    r"|\d{1,3}\s{1,2}[A-ZÀ-ÖØ-Þ]"  # BMJ's and the Lancet's bare list numbers ("12 Kaplan LS.")
    r"|[A-ZÀ-ÖØ-Þ][\w&'’ -]{1,60}\.\s“"  # MLA's "NATO. “The North Atlantic Treaty.”"
)


# Names, then the year in parentheses: how author-date references begin (APA, Harvard, Springer, Cell)
_NAMES_THEN_YEAR = re.compile(r"[A-ZÀ-ÖØ-Þ][^()\n\d“”\"]{0,120}?\s\((?:1[5-9]|20)\d\d[a-z]?\)")
# A line that stops here is cut mid-sentence: the next line goes on, whatever it looks like.
_MID_SENTENCE = re.compile(r"(?:[,;:&]|[^\W\d_]-|\b(?:and|of|the|in|for|on|to|with|by|et|und|a|an))\s*$")


# Longer than any reference: a line is not joined onto one this long (it starts a new one), which
# also keeps joining linear on a crafted input of endless continuation lines.
_LONGEST_REFERENCE = 4000


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    """Whether ``line`` goes on with the reference before it in a list of one reference per line.
    Always when the line before stops mid-sentence ("... Yang, J., &") or this one starts in
    lowercase after an unfinished line; in a hard-wrapped copy also whenever it does not start the
    way references start or the line before did not end the way references end."""
    previous = previous[-80:]  # only how it ends matters
    if _MID_SENTENCE.search(previous):
        return True
    starts = _REFERENCE_START.match(line) is not None
    if line[:1].islower() and not starts and not _is_finished(previous):
        return True
    if _NAMES_THEN_YEAR.match(line):
        return False  # "Arute F, Arya K (2019) ...": Springer's references end with no period at all
    # a copied page's references end with a period, a year, a URL or (ACS) their pages
    return wrapped and not (starts and (_is_finished(previous) or previous.rstrip()[-1:].isdigit()))


def _hard_wrapped(body: list[tuple[int, str]]) -> bool:
    """True when a one-per-line list is really a copy from a PDF, lines broken inside references:
    at least a fifth of the lines stop before a reference could end (no closing period, quote,
    bracket, year or URL).  A Wikipedia copy ends every line with one, so it never qualifies."""
    lines = [line.rstrip() for _, line in body if line.strip()]
    if len(lines) < 3:
        return False
    unfinished = sum(1 for line in lines[:-1] if not _is_finished(line))
    # and the lines have a page's width: the longest at most ~130 characters, half of them near it
    # (a one-per-line list has references of every length, many far longer)
    width = max(len(line) for line in lines)
    near_width = sum(1 for line in lines if len(line) >= 0.75 * width)
    return unfinished * 5 >= len(lines) - 1 and width <= 130 and near_width * 2 >= len(lines)


def _attach_note(reference: RawReference, content: str) -> None:
    content = content.strip()
    if content.startswith(".") and reference.notes:
        reference.notes[-1] += "."
        content = content[1:].strip()
    if content:
        reference.notes.append(content)
