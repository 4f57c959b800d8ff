"""The CSL type of a tagged reference, inferred from the variables its spans gave."""

from __future__ import annotations

import re

from ...csl import Item
from .text import _REFERENCE_WORK, _date_parts

_SCHOLARLY_SERIAL = re.compile(r"(?i)\b(?:journal|review|proceedings|proc|conf|conference|symposium|workshop|transactions|"
                               r"annals|letters|bulletin|acta|zeitschrift|quarterly|studies|research|science|j\.)|\d")


def infer_type(item: Item, grouped: dict[str, list[str]]) -> str:
    if item.get("director") and not item.get("container-title"):
        return "motion_picture"
    genre = " ".join(grouped.get("genre", [])).lower()
    if re.search(r"thesis|dissertation|doctoral|ph\.?d", genre):
        return "thesis"
    if re.search(r"report|working paper|technical", genre):
        return "report"
    container = item.get("container-title", "")
    if item.get("version") and not container and not item.get("ISBN"):
        return "software"  # "Pandoc. Version 3.1, 2023": a versioned work in no container
    if item.get("editor") and container:
        return "chapter"
    if container and re.search(r"(?i)proceedings|conference|symposium|workshop|congress", container):
        return "paper-conference"
    if container and not (item.get("volume") or item.get("issue")) and _REFERENCE_WORK.search(container):
        dictionary = re.search(r"(?i)dictionar|wörterbuch|dictionnaire|diccionario|lexicon\b", container)
        return "entry-dictionary" if dictionary else "entry-encyclopedia"
    if container and item.get("publisher") and not (item.get("volume") or item.get("issue")):
        return "chapter"  # "In Book; Publisher: Place, 2010; pp 133–134"
    dated = _date_parts(item, "issued")
    if container and not (item.get("volume") or item.get("issue") or item.get("URL")) and len(dated) >= 2 \
            and not _SCHOLARLY_SERIAL.search(container):
        # "The New York Times, 6 Sept., p. A1": a periodical dated to the day (or month) with no volume
        return "article-newspaper" if len(dated) == 3 else "article-magazine"
    if container and (item.get("volume") or item.get("issue") or item.get("page")):
        return "article-journal"
    if container:
        return "webpage" if item.get("URL") and not item.get("publisher") else "article-journal"
    if item.get("publisher") or item.get("ISBN") or item.get("publisher-place"):
        return "book"
    if item.get("URL"):
        return "webpage"
    return "document"
