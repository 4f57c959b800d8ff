"""CSL <-> BibTeX / BibLaTeX mapping tables (data, not code).

Entry types are chosen per dialect; fields are listed as (CSL variable, BibTeX field, BibLaTeX field).
A ``None`` field means the dialect has no home for the variable; the writer then reports it.
"""

from __future__ import annotations

# CSL type -> (BibTeX entry type, BibLaTeX entry type)
TYPE_TO_ENTRY: dict[str, tuple[str, str]] = {
    "article": ("article", "article"),
    "article-journal": ("article", "article"),
    "article-magazine": ("article", "article"),
    "article-newspaper": ("article", "article"),
    "book": ("book", "book"),
    "chapter": ("incollection", "incollection"),
    "classic": ("book", "book"),
    "collection": ("book", "collection"),
    "dataset": ("misc", "dataset"),
    "document": ("misc", "misc"),
    "entry": ("misc", "inreference"),
    "entry-dictionary": ("incollection", "inreference"),
    "entry-encyclopedia": ("incollection", "inreference"),
    "manuscript": ("unpublished", "unpublished"),
    "pamphlet": ("booklet", "booklet"),
    "paper-conference": ("inproceedings", "inproceedings"),
    "patent": ("misc", "patent"),
    "periodical": ("misc", "periodical"),
    "post": ("misc", "online"),
    "post-weblog": ("misc", "online"),
    "report": ("techreport", "report"),
    "software": ("misc", "software"),
    "standard": ("techreport", "standard"),
    "thesis": ("phdthesis", "thesis"),
    "webpage": ("misc", "online"),
}

# BibLaTeX's entrysubtype tells a newspaper or magazine article from a journal article.
ENTRYSUBTYPE: dict[str, str] = {"article-magazine": "magazine", "article-newspaper": "newspaper"}

# Where container-title goes, by BibTeX entry type (BibTeX dialect, BibLaTeX dialect).
CONTAINER_FIELD: dict[str, tuple[str, str]] = {
    "article": ("journal", "journaltitle"),
    "incollection": ("booktitle", "booktitle"),
    "inproceedings": ("booktitle", "booktitle"),
    "inreference": ("booktitle", "booktitle"),
    "misc": ("howpublished", "organization"),
    "online": ("howpublished", "organization"),
    "periodical": ("journal", "journaltitle"),
}

# (CSL variable, BibTeX field, BibLaTeX field) for text and number variables.
FIELDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("title", "title", "title"),
    ("title-short", "shorttitle", "shorttitle"),
    ("collection-title", "series", "series"),
    ("volume", "volume", "volume"),
    ("number-of-volumes", None, "volumes"),
    ("issue", "number", "number"),
    ("number", "number", "number"),
    ("collection-number", "number", "number"),
    ("page", "pages", "pages"),
    ("number-of-pages", None, "pagetotal"),
    ("edition", "edition", "edition"),
    ("chapter-number", "chapter", "chapter"),
    ("part-number", None, "part"),
    ("publisher", "publisher", "publisher"),
    ("publisher-place", "address", "location"),
    ("event-title", None, "eventtitle"),
    ("event-place", None, "venue"),
    ("genre", "type", "type"),
    ("medium", "howpublished", "howpublished"),
    ("DOI", "doi", "doi"),
    ("ISBN", "isbn", "isbn"),
    ("ISSN", "issn", "issn"),
    ("URL", "url", "url"),
    ("PMID", "pmid", "pmid"),
    ("note", "note", "note"),
    ("abstract", "abstract", "abstract"),
    ("keyword", "keywords", "keywords"),
    ("language", "language", "langid"),
    ("annote", "annote", "annotation"),
    ("archive", None, None),
    ("source", None, None),
    ("original-title", None, "origtitle"),
    ("version", None, "version"),
    ("status", None, "pubstate"),
    ("volume-title", None, "maintitle"),
)

# Publisher goes elsewhere for some entry types.
PUBLISHER_FIELD: dict[str, str] = {"techreport": "institution", "report": "institution", "phdthesis": "school",
                                   "mastersthesis": "school", "thesis": "institution", "manual": "organization"}

NAME_FIELDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("author", "author", "author"),
    ("editor", "editor", "editor"),
    ("translator", None, "translator"),
    ("container-author", None, "bookauthor"),
    ("director", None, "director"),
    ("collection-editor", None, "editora"),
    ("compiler", None, "editorb"),
    ("recipient", None, None),
    ("interviewer", None, None),
)

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
