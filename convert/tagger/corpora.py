"""Training data for the tagger: AnyStyle's core.xml and GROBID's citation corpus, read into
(reference text, [(label, span text)]) pairs with their labels mapped to ours.

Both are read with lxml (no network, no entity resolution).  GROBID text outside any element
(punctuation, "In", "et") gets the label ``other``.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Iterator

Labelled = tuple[str, list[tuple[str, str]]]

LABELS = ("author", "editor", "translator", "date", "title", "container-title", "collection-title", "publisher",
          "location", "volume", "issue", "pages", "edition", "genre", "doi", "url", "isbn", "issn", "note",
          "citation-number", "accessed", "other")

ANYSTYLE_LABELS = {
    "author": "author", "editor": "editor", "translator": "translator", "date": "date", "title": "title",
    "journal": "container-title", "container-title": "container-title", "collection-title": "collection-title",
    "publisher": "publisher", "location": "location", "volume": "volume", "pages": "pages", "edition": "edition",
    "genre": "genre", "doi": "doi", "url": "url", "isbn": "isbn", "note": "note", "citation-number": "citation-number",
    "source": "note", "director": "author", "producer": "editor", "medium": "genre", "dataset": "genre",
}


def _safe_parser():  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


def read_anystyle(path: Path) -> list[Labelled]:
    from lxml import etree

    tree = etree.parse(str(path), _safe_parser())
    out: list[Labelled] = []
    for sequence in tree.getroot().iter("sequence"):
        spans = []
        for element in sequence:
            label = ANYSTYLE_LABELS.get(element.tag, "note")
            text = " ".join((element.text or "").split())
            if text:
                spans.extend(_split_volume(text) if label == "volume" else [(label, text)])
        if spans:
            out.append((" ".join(t for _, t in spans), spans))
    return out


def _grobid_label(element) -> str | None:  # type: ignore[no-untyped-def]
    tag = element.tag.split("}")[-1]
    kind = (element.get("type") or element.get("unit") or element.get("level") or "").lower()
    if tag == "author" or (tag == "orgName" and kind == "collaboration"):
        return "author"
    if tag == "orgName":  # the university or institute of a thesis or report: AnyStyle's publisher
        return "publisher"
    if tag == "editor":
        return "editor"
    if tag == "date":
        return "date"
    if tag == "title":
        return {"a": "title", "j": "container-title", "m": "title-m", "s": "collection-title"}.get(kind, "title")
    if tag == "biblScope":
        return {"vol": "volume", "volume": "volume", "issue": "issue", "pp": "pages", "page": "pages"}.get(kind, "note")
    if tag in ("publisher",):
        return "publisher"
    if tag.lower() == "pubplace":
        return "location"
    if tag == "idno":  # a report number is part of AnyStyle's genre ("Technical Report CMU-CS-94-123")
        return {"doi": "doi", "isbn": "isbn", "issn": "issn", "report": "genre"}.get(kind, "note")
    if tag == "ptr":
        return "url"
    if tag == "note":
        return "genre" if kind == "report" else "note"
    return None


def read_grobid(directory: Path) -> list[Labelled]:
    from lxml import etree

    out: list[Labelled] = []
    for path in sorted(directory.iterdir()):
        try:
            tree = etree.parse(str(path), _safe_parser())
        except etree.XMLSyntaxError:
            continue
        for bibl in tree.getroot().iter("{*}bibl", "bibl"):
            pieces: list[tuple[str, str]] = []  # (label, raw text) exactly as in the file
            if bibl.text:
                pieces.append(("other", bibl.text))
            for child in bibl:
                label = _grobid_label(child) or "other"
                pieces.append((label, "".join(child.itertext())))
                if child.tail:
                    pieces.append(("other", child.tail))
            has_article_title = any(label == "title" for label, _ in pieces)
            pieces = [(_monograph_label(text, has_article_title) if label == "title-m" else label, text)
                      for label, text in pieces]
            spans = _spans_from_pieces(pieces)
            if spans:
                out.append((" ".join(t for _, t in spans), spans))
    return out


_PROCEEDINGS = re.compile(r"^\s*(?:in:?\s+)?(?:proc\b|proceedings\b)|\b(?:conference|workshop|symposium|congress)\b",
                          re.IGNORECASE)


def _monograph_label(text: str, has_article_title: bool) -> str:
    """A book-level title is the container of an article title beside it; without one it is the
    reference's own title, unless it names proceedings (physics references often cite a paper by
    its proceedings alone: "Proc. 30th ICRC"), which AnyStyle and CSL call the container."""
    if has_article_title or _PROCEEDINGS.search(text):
        return "container-title"
    return "title"


_ISSUE_AFTER_VOLUME = re.compile(r"^(.*?\d[\w.-]*?,?)\s*((?:\(|(?:no|nr|n°|num|issue|iss|heft|h)\b\.?\s*\d).*)$",
                                 re.IGNORECASE)


def _split_volume(text: str) -> list[tuple[str, str]]:
    """AnyStyle's volume spans hold the issue too ("12(3)", "vol. 5, no. 3"); our labels keep the
    issue apart, as GROBID's corpus does."""
    match = _ISSUE_AFTER_VOLUME.match(text)
    if not match or not match.group(1).strip():
        return [("volume", text)]
    return [("volume", match.group(1).strip()), ("issue", match.group(2).strip())]


def _spans_from_pieces(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Whole tokens with one label each: a token split between a field and its punctuation
    ("COLLMAN" + ".") takes the field's label, so tokens are what a real reference shows.

    The tokens are the tagger's, not whitespace runs: GROBID marks "31(1):114-127" as a volume, an
    issue and pages with no space between them, and a whitespace run labelled as a whole taught the
    model that a volume glued to its pages is pages.  The cut falls between tagger tokens, so the
    space the spans are later joined with changes no token."""
    from .features import tokens_with_spans

    text = ""
    char_labels: list[str] = []
    for label, raw in pieces:
        raw = " ".join(raw.split(" ")).replace("\n", " ").replace("\t", " ")
        text += raw
        char_labels.extend([label] * len(raw))
    spans: list[tuple[str, str]] = []
    for m in re.finditer(r"\S+", text):
        groups: list[list[str]] = []  # [label, text] per run of same-label tokens inside the word
        for token, start, end in tokens_with_spans(m.group(0)):
            labels = [char_labels[i] for i in range(m.start() + start, m.start() + end) if char_labels[i] != "other"]
            label = max(labels, key=labels.count) if labels else "other"
            if groups and (groups[-1][0] == label or label == "other"):
                groups[-1][1] += token  # punctuation alone goes with the field before it
            elif groups and groups[-1][0] == "other":
                groups[-1] = [label, groups[-1][1] + token]  # ... or after it, at the word's start
            else:
                groups.append([label, token])
        for index, (label, word) in enumerate(groups):
            if index == 0 and spans and spans[-1][0] == label:
                spans[-1] = (label, spans[-1][1] + " " + word)
            else:
                spans.append((label, word))
    return spans


def tokens_and_labels(spans: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The tagger's tokens of the reference the spans make, each with the label most of its
    characters carry (so training sees exactly the tokens the tagger will see)."""
    from .features import tokens_with_spans

    text = ""
    char_labels: list[str] = []
    for label, piece in spans:
        if text:
            text += " "
            char_labels.append("other")
        text += piece
        char_labels.extend([label] * len(piece))
    words: list[str] = []
    labels: list[str] = []
    for word, start, end in tokens_with_spans(text):
        inside = [char_labels[i] for i in range(start, end) if char_labels[i] != "other"]
        words.append(word)
        labels.append(max(inside, key=inside.count) if inside else "other")
    return words, harmonise(words, labels)


# Words that introduce the field after them ("In", "pp.", "vol.", "Retrieved", "Available from").
_LEADING_WORDS = frozenset("""in in: dans en pp pp. p p. pages page s. vol vol. vols. volume no no. nr nr. n° issue
iss. retrieved from accessed available at online cited [cited doi doi: url url: isbn isbn: issn issn: edited
translated trans. transl. tr. by hrsg. hg. ch. chap. chapter art. article available: published last modified
updated viewed consulté abgerufen am le [online] [online]. [internet] [internet]. presented paper""".split())
_OTHER_CONNECTORS = frozenset("""and und et al. the of version document thesis report unpublished website web
edition ed. address date title series""".split())


def connecting_word(word: str) -> bool:
    """A word styles print between fields rather than a value of one ("In", "pp.", "Retrieved")."""
    lowered = word.lower().rstrip(",;")
    return any(w in _LEADING_WORDS or w in _ROLE_WORDS or w in _OTHER_CONNECTORS
               for w in (lowered, lowered.rstrip(".,:"), lowered.strip("()[].,:")))
_ROLE_WORDS = frozenset("ed ed. eds eds. editor editors editor, editors, (ed.) (eds.) (ed) (eds) (hrsg.) (ed.), (eds.),".split())


def harmonise(words: list[str], labels: list[str]) -> list[str]:
    """One labelling convention for every source: a word no field claims joins a neighbouring field.

    AnyStyle labels "In", "pp." and "(Eds.)" as part of the field they introduce or close; GROBID and
    our value-matched synthetic references leave them outside every field.  A model trained on both
    conventions learns neither, so an unclaimed run of words goes to the field before it, except from
    its first introducing word on ("In", "pp.", "Retrieved"), which goes to the field after it.  Role
    words ("eds.") join whichever neighbour holds names."""
    out = list(labels)
    index = 0
    while index < len(out):
        if out[index] != "other":
            index += 1
            continue
        end = index
        while end < len(out) and out[end] == "other":
            end += 1
        before = out[index - 1] if index > 0 else None
        after = out[end] if end < len(out) else None
        for position in range(index, end):
            word = words[position].lower().rstrip(",;")
            if word in _ROLE_WORDS or word.rstrip(".,:") in _ROLE_WORDS:
                named = before if before in ("editor", "translator", "author") else after
                out[position] = named or before or after or "other"
            elif word in _LEADING_WORDS or word.rstrip(".,:") in _LEADING_WORDS:
                out[position:end] = [after or before or "other"] * (end - position)
                break
            else:
                out[position] = before or after or "other"
        index = end
    return out


def split_held_out(data: list[Labelled], fraction: float = 0.1, seed: int = 20261125) -> tuple[list[Labelled], list[Labelled]]:
    """A fixed random ``fraction`` kept out of training (same split every run)."""
    indices = list(range(len(data)))
    random.Random(seed).shuffle(indices)
    cut = max(1, int(len(data) * fraction))
    held = set(indices[:cut])
    return [d for i, d in enumerate(data) if i not in held], [d for i, d in enumerate(data) if i in held]


def iter_training(anystyle: Path | None, grobid: Path | None) -> Iterator[tuple[str, list[Labelled], list[Labelled]]]:
    """(corpus name, training part, held-out part) for each corpus given."""
    if anystyle is not None:
        train, held = split_held_out(read_anystyle(anystyle))
        yield "anystyle", train, held
    if grobid is not None:
        train, held = split_held_out(read_grobid(grobid))
        yield "grobid", train, held


def clean_label(label: str) -> str:
    return re.sub(r"[^a-z-]", "", label)
