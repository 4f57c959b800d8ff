"""Labelled training references made by rendering CSL items in many styles (the GIANT approach).

Each item is rendered as plain text by our CSL stack; the spans are labelled by finding each
variable's rendered value in the entry (names by family name, dates by year, numbers, titles...).
A style that prints a value in a changed form (title case, abbreviations) leaves those tokens
unlabelled ("other"), which the CRF learns as punctuation and connectives.  This brings the web,
news, software and report references the published corpora lack, in the shapes of common styles.
"""

from __future__ import annotations

import re
from typing import Any

from ..csl import Item, read_date

STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
          "harvard-cite-them-right", "ieee", "vancouver-nlm", "nature", "american-medical-association",
          "american-chemical-society", "elsevier-harvard", "springer-basic-author-date", "cell",
          "american-sociological-association", "wikipedia", "acm-sig-proceedings", "american-physics-society",
          "american-political-science-association", "apa-6th-edition", "bmj", "cambridge-university-press-author-date",
          "din-1505-2", "iso690-author-date-en", "plos", "royal-society-of-chemistry", "science",
          "springer-lecture-notes-in-computer-science", "the-lancet")

_VARIABLE_LABELS = (("title", "title"), ("container-title", "container-title"), ("collection-title", "collection-title"),
                    ("publisher", "publisher"), ("publisher-place", "location"), ("volume", "volume"),
                    ("issue", "issue"), ("page", "pages"), ("edition", "edition"), ("genre", "genre"),
                    ("DOI", "doi"), ("URL", "url"), ("ISBN", "isbn"), ("ISSN", "issn"), ("note", "note"))


_PLAIN_QUOTES = str.maketrans("’‘“”", "''\"\"")


def _find(entry: str, value: str, taken: list[str], label: str, lowered: str) -> None:
    """Label the first occurrence of ``value`` that no earlier field claimed."""
    value = value.strip().translate(_PLAIN_QUOTES)
    if not value:
        return
    needle = value.lower()
    start = _find_word(lowered, needle, 0) if label in ("author", "editor", "translator") else lowered.find(needle)
    while start >= 0 and any(t != "other" for t in taken[start:start + len(needle)]):
        start = (_find_word(lowered, needle, start + 1) if label in ("author", "editor", "translator")
                 else lowered.find(needle, start + 1))
    if start < 0 and label == "pages":
        first = re.split(r"[-–]", value)[0]
        m = re.search(r"(?<!\d)" + re.escape(first) + r"(?:[-–]\w+)?", entry) if first else None
        if m:
            start, needle = m.start(), m.group(0)
    if start < 0:
        return
    for index in range(start, min(len(entry), start + len(needle))):
        taken[index] = label


def _find_word(haystack: str, needle: str, start: int) -> int:
    """``needle`` as a whole word (a name's "C." must not match the end of "Acid.")."""
    m = re.compile(r"(?<!\w)" + re.escape(needle) + (r"(?!\w)" if needle[-1:].isalnum() else "")).search(haystack, start)
    return m.start() if m else -1


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"


def _find_date(entry: str, year: int, taken: list[str], label: str) -> None:
    """The whole rendered date around its year ("(2017, May 25)", "25 May 2017", "2021 Jun")."""
    pattern = (rf"\(?(?:(?<!\d)\d{{1,2}}\s)?(?:{_MONTH}\s)?(?:(?<!\d)\d{{1,2}},\s)?(?<!\d){year}[a-z]?"
               rf"(?:,?\s{_MONTH}(?:\s\d{{1,2}})?)?\)?")
    for m in re.finditer(pattern, entry):
        if all(t == "other" for t in taken[m.start():m.end()]):
            for index in range(m.start(), m.end()):
                taken[index] = label
            return


_NAME_GLUE = re.compile(r"^(?:[A-Z]{1,3}|(?:[A-Z]\.-?\s?)+|[A-Z][a-z]?\.|and|&|et|al\.?|Jr\.?|Sr\.?|[A-Z][a-z]+)[.,;]?$")


def _extend_names(entry: str, taken: list[str]) -> None:
    """Initials ("JD", "J. D."), given names and connectors ("and", "&", "et al.") next to a
    labelled name belong to it: the item holds "John D." where the style printed "JD"."""
    tokens = list(re.finditer(r"\S+", entry))
    changed = True
    while changed:
        changed = False
        for position, m in enumerate(tokens):
            if any(t != "other" for t in taken[m.start():m.end()]) or not _NAME_GLUE.match(m.group(0)):
                continue
            neighbours = [tokens[i] for i in (position - 1, position + 1) if 0 <= i < len(tokens)]
            labels = {taken[n.start()] for n in neighbours} & {"author", "editor", "translator"}
            if labels and not (m.group(0)[0].islower() and m.group(0) not in ("and", "et", "al.", "al")):
                label = sorted(labels)[0]
                for index in range(m.start(), m.end()):
                    taken[index] = label
                changed = True


def label_entry(entry: str, item: Item) -> list[tuple[str, str]]:
    """(label, text) spans of one rendered entry, from the item it was rendered from."""
    taken = ["other"] * len(entry)
    lowered = entry.lower().translate(_PLAIN_QUOTES)  # styles curl quotes; the item has straight ones
    for role, label in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        for person in item.get(role) or []:
            for part in (person.get("family"), person.get("literal"), person.get("given")):
                if part:
                    for piece in str(part).split():
                        # an initial ("R.") would match any other person's; _extend_names labels
                        # the initials that stand next to this person's family name instead
                        if len(piece.strip(".-")) > 1:
                            _find(entry, piece, taken, label, lowered)
    for variable, label in (("issued", "date"), ("accessed", "accessed")):
        date = read_date(item.get(variable))
        if date is not None and date.year:
            _find_date(entry, date.year, taken, label)
    for variable, label in _VARIABLE_LABELS:
        value = item.get(variable)
        if isinstance(value, (str, int)) and str(value).strip():
            _find(entry, str(value), taken, label, lowered)
    _extend_names(entry, taken)
    for pattern, label in ((r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.|\d{1,3})(?=\s)", "citation-number"), (r"\(?\bn\.\s?d\.\)?", "date")):
        m = re.search(pattern, entry)
        if m and all(t == "other" for t in taken[m.start():m.end()]):
            for index in range(m.start(), m.end()):
                taken[index] = label
    # fill the gaps inside a field (spaces, internal punctuation) so spans are whole
    for index in range(1, len(entry) - 1):
        if taken[index] == "other" and taken[index - 1] == taken[index + 1] != "other" and not entry[index].isalnum():
            taken[index] = taken[index - 1]
    spans: list[tuple[str, str]] = []
    for m in re.finditer(r"\S+", entry):
        labels = [taken[i] for i in range(m.start(), m.end()) if taken[i] != "other"]
        label = max(labels, key=labels.count) if labels else "other"
        if spans and spans[-1][0] == label:
            spans[-1] = (label, spans[-1][1] + " " + m.group(0))
        else:
            spans.append((label, m.group(0)))
    return spans


def synthetic_references(items: list[Item], styles: tuple[str, ...] = STYLES) -> list[tuple[str, list[tuple[str, str]]]]:
    from ..render.engine import render
    from ..render.styles import UnknownStyleError

    out: list[tuple[str, list[tuple[str, str]]]] = []
    by_id = {str(i.get("id")): i for i in items}
    for style in styles:
        try:
            rendered = render(items, style, output="text")
        except UnknownStyleError:  # a style this machine's catalogue lacks: skip it
            continue
        for item_id, entry in zip(rendered.item_ids, rendered.entries):
            entry = " ".join(entry.split())
            item: Any = by_id.get(item_id)
            if item is None or not entry:
                continue
            spans = label_entry(entry, item)
            if any(label != "other" for label, _ in spans) and not _unmatched_words(spans):
                out.append((entry, spans))
    return out


def _unmatched_words(spans: list[tuple[str, str]]) -> list[str]:
    """Words no variable claimed that are not the connecting words styles add ("Retrieved", "In",
    "edited by"): a value the style printed in a changed form.  Such an entry would teach the tagger
    a wrong label, so it is left out of training."""
    from .corpora import connecting_word

    return [word for label, text in spans if label == "other" for word in text.split()
            if sum(ch.isalnum() for ch in word) >= 4 and not connecting_word(word)]


def corpus_items(labelled: list[tuple[str, list[tuple[str, str]]]], count: int, seed: int = 5) -> list[Item]:
    """Real records for rendering: ``count`` labelled training references (never held-out ones)
    turned into CSL items by the tagger's own span normalisers.  Their names, titles, journals and
    publishers are real, so the references rendered from them look like the ones users paste."""
    import random

    from .spans import spans_to_item

    rng = random.Random(seed)
    chosen = rng.sample(labelled, min(count, len(labelled)))
    items: list[Item] = []
    for index, (_, spans) in enumerate(chosen):
        # the corpora's labels are a person's: no tagger repairs, so the yardstick does not move with them
        item = spans_to_item([(label, text) for label, text in spans if label != "other"], repair=False)
        item.pop("note", None)  # unplaced text: not something a style would print as a note
        if item.get("title") and (item.get("author") or item.get("editor")) and item.get("issued"):
            item["id"] = f"c{index}"
            items.append(item)
    return items
