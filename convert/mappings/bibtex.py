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

# Where container-title goes, by BibTeX entry type (BibTeX dialect, BibLaTeX dialect).  A web
# page's site name: BibTeX's .bst styles print ``howpublished`` for @misc; BibLaTeX's @online prints
# neither field, and ``booktitle`` is where citation.js writes it and what Zotero's BibTeX import
# reads as the website title (it sends ``howpublished`` to Extra).
CONTAINER_FIELD: dict[str, tuple[str, str]] = {
    "article": ("journal", "journaltitle"),
    "incollection": ("booktitle", "booktitle"),
    "inproceedings": ("booktitle", "booktitle"),
    "inreference": ("booktitle", "booktitle"),
    "misc": ("howpublished", "howpublished"),
    "online": ("howpublished", "booktitle"),
    "periodical": ("journal", "journaltitle"),
}

# (CSL variable, BibTeX field, BibLaTeX field) for text and number variables.  Classic BibTeX also
# gets the BibLaTeX fields that .bst styles ignore without a warning but that reference managers
# read (Zotero's BibTeX import takes translator, eventtitle, pagetotal and version; JabRef shows
# them): leaving them out would lose them for no gain.
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
    ("number-of-pages", "pagetotal", "pagetotal"),
    ("edition", "edition", "edition"),
    ("chapter-number", "chapter", "chapter"),
    ("part-number", None, "part"),
    ("publisher", "publisher", "publisher"),
    ("publisher-place", "address", "location"),
    ("jurisdiction", None, None),
    ("event-title", "eventtitle", "eventtitle"),
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
    ("version", "version", "version"),
    ("status", None, "pubstate"),
    ("volume-title", None, "maintitle"),
)

# A BibLaTeX @patent's location is the patent's country (CSL jurisdiction), not a place of publication.
FIELD_BY_ENTRY: dict[tuple[str, str], str | None] = {("patent", "jurisdiction"): "location",
                                                       ("patent", "publisher-place"): None}

# Publisher goes elsewhere for some entry types.
PUBLISHER_FIELD: dict[str, str] = {"techreport": "institution", "report": "institution", "phdthesis": "school",
                                   "mastersthesis": "school", "thesis": "institution", "manual": "organization"}

NAME_FIELDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("author", "author", "author"),
    ("editor", "editor", "editor"),
    ("translator", "translator", "translator"),
    ("container-author", None, "bookauthor"),
    ("director", None, "director"),
    ("collection-editor", None, "editora"),
    ("compiler", None, "editorb"),
    ("recipient", None, None),
    ("interviewer", None, None),
)

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


# ---------------------------------------------------------------------------------------------
# Reading: BibTeX / BibLaTeX -> CSL.  Entry types follow BibLaTeX's manual (§2.1) and the
# choices of pandoc's citeproc where the manual leaves room; aliases (conference, electronic,
# www, mastersthesis...) are BibLaTeX's own.

ENTRY_TO_TYPE: dict[str, str] = {
    "article": "article-journal", "book": "book", "mvbook": "book", "bookinbook": "book", "inbook": "chapter",
    "suppbook": "chapter", "booklet": "pamphlet", "collection": "book", "mvcollection": "book",
    "incollection": "chapter", "suppcollection": "chapter", "manual": "book", "misc": "document",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "patent": "patent", "periodical": "periodical",
    "suppperiodical": "article-journal", "proceedings": "book", "mvproceedings": "book",
    "inproceedings": "paper-conference", "conference": "paper-conference", "reference": "book",
    "mvreference": "book", "inreference": "entry-encyclopedia", "report": "report", "techreport": "report",
    "thesis": "thesis", "mastersthesis": "thesis", "phdthesis": "thesis", "unpublished": "manuscript",
    "software": "software", "dataset": "dataset", "data": "dataset", "movie": "motion_picture",
    "video": "motion_picture", "audio": "song", "music": "song", "artwork": "graphic", "image": "graphic",
    "letter": "personal_communication", "legislation": "legislation", "legal": "legislation",
    "jurisdiction": "legal_case", "standard": "standard", "performance": "performance", "review": "review",
    "commentary": "article", "unpublished-manuscript": "manuscript", "set": "document", "xdata": "document",
    "customa": "document", "customb": "document", "customc": "document", "customd": "document",
    "custome": "document", "customf": "document",
}
# Entry types whose own name says what ``type``/``genre`` would otherwise have to.
# (@techreport is only BibTeX's name for a report, so it adds no genre.)
ENTRY_GENRE: dict[str, str] = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
ENTRYSUBTYPE_TO_TYPE: dict[str, str] = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
# BibLaTeX localisation keys that may stand in the ``type`` field.
TYPE_KEYS: dict[str, str] = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "mastersthesis": "Master's thesis",
    "candthesis": "Candidate thesis", "techreport": "technical report", "resreport": "research report",
    "software": "computer software", "datacd": "data CD", "audiocd": "audio CD", "patent": "patent",
    "patentde": "German patent", "patenteu": "European patent", "patentfr": "French patent",
    "patentuk": "British patent", "patentus": "U.S. patent", "patreq": "patent request",
    "patreqde": "German patent request", "patreqeu": "European patent request",
    "patreqfr": "French patent request", "patrequk": "British patent request", "patrequs": "U.S. patent request",
}
# Entry types that sit inside a book-like container (booktitle is their container-title).
IN_BOOK_TYPES = frozenset({"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings",
                           "conference", "inreference"})

# Field -> CSL variable for the fields that map one to one.  Titles, names, dates, ``number``,
# ``type``, languages, eprints and publisher-like fields have their own rules in the reader.
FIELD_TO_VARIABLE: dict[str, str] = {
    "shorttitle": "title-short", "volumes": "number-of-volumes", "pages": "page",
    "pagetotal": "number-of-pages", "edition": "edition", "chapter": "chapter-number", "publisher": "publisher",
    "venue": "event-place",
    "eventtitle": "event-title", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "url": "URL", "pmid": "PMID",
    "pmcid": "PMCID", "abstract": "abstract", "keywords": "keyword", "annotation": "annote", "annote": "annote",
    "version": "version", "origtitle": "original-title",
    "origpublisher": "original-publisher", "origlocation": "original-publisher-place",
    "note": "note", "archive": "archive", "shortjournal": "container-title-short",
    "journalabbr": "container-title-short", "shortseries": "collection-title-short",
}
# Fields whose values are titles: top-level braces protect case and become nocase spans.
TITLE_FIELDS = frozenset({"title", "subtitle", "titleaddon", "shorttitle", "booktitle", "booksubtitle",
                          "booktitleaddon", "maintitle", "mainsubtitle", "maintitleaddon", "journaltitle",
                          "journal", "journalsubtitle", "issuetitle", "issuesubtitle", "eventtitle", "series",
                          "origtitle", "shortjournal", "reprinttitle"})
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc", "urlraw"})
NAME_FIELD_TO_ROLE: dict[str, str] = {
    "author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author",
    "director": "director", "origauthor": "original-author", "recipient": "recipient", "interviewer": "interviewer",
}
# Roles CSL has no variable for (holder, commentator, annotator, introduction, foreword, afterword)
# stay in ``custom`` as written, so a round trip gives them back.
# editora/b/c take their role from editoratype/b/c; BibLaTeX's keys mapped to CSL roles.
EDITOR_TYPE_TO_ROLE: dict[str, str] = {
    "compiler": "compiler",
    "director": "director", "translator": "translator", "producer": "producer", "writer": "script-writer",
    "conductor": "conductor", "performer": "performer", "chair": "chair", "curator": "curator",
}
# BibLaTeX "literal lists": "and"-separated, joined with "; " as pandoc and citeproc-js read them.
LIST_FIELDS = frozenset({"location", "publisher", "institution", "organization", "origlocation", "origpublisher"})
# Localisation keys (\bibstring{...}, or a whole series field) that mean words.
BIBSTRINGS: dict[str, str] = {"newseries": "new series", "oldseries": "old series", "jourser": "series",
                              "inpress": "in press", "forthcoming": "forthcoming", "submitted": "submitted",
                              "inpreparation": "in preparation", "prepublished": "pre-published"}
# Patent ``location`` holds country keys.
COUNTRY_KEYS: dict[str, str] = {"countryde": "Germany", "countryeu": "European Union", "countryep": "European Union",
                                "countryfr": "France", "countryuk": "United Kingdom", "countryus": "United States",
                                "countryjp": "Japan", "countrywo": "World Intellectual Property Organization"}
EPRINT_URLS: dict[str, str] = {"arxiv": "https://arxiv.org/abs/{}", "googlebooks": "https://books.google.com?id={}",
                               "jstor": "https://www.jstor.org/stable/{}", "hdl": "https://hdl.handle.net/{}"}
DATE_FIELDS: dict[str, str] = {"urldate": "accessed", "origdate": "original-date", "eventdate": "event-date"}
MONTH_NAMES: dict[str, int] = {m: i + 1 for i, m in enumerate(MONTH_MACROS)}

# babel / polyglossia language names (langid, hyphenation, language) -> BCP 47.
LANGUAGE_TAGS: dict[str, str] = {
    "american": "en-US", "english": "en-US", "usenglish": "en-US", "british": "en-GB", "ukenglish": "en-GB",
    "canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ", "german": "de-DE", "ngerman": "de-DE",
    "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH", "nswissgerman": "de-CH",
    "french": "fr-FR", "francais": "fr-FR", "acadian": "fr-CA", "canadien": "fr-CA", "spanish": "es-ES",
    "mexican": "es-MX", "italian": "it-IT", "dutch": "nl-NL", "portuguese": "pt-PT", "portuges": "pt-PT",
    "brazil": "pt-BR", "brazilian": "pt-BR", "russian": "ru-RU", "ukrainian": "uk-UA", "polish": "pl-PL",
    "czech": "cs-CZ", "slovak": "sk-SK", "slovene": "sl-SI", "slovenian": "sl-SI", "croatian": "hr-HR",
    "serbian": "sr-RS", "bulgarian": "bg-BG", "romanian": "ro-RO", "hungarian": "hu-HU", "magyar": "hu-HU",
    "greek": "el-GR", "turkish": "tr-TR", "danish": "da-DK", "swedish": "sv-SE", "norwegian": "nb-NO",
    "norsk": "nb-NO", "nynorsk": "nn-NO", "finnish": "fi-FI", "icelandic": "is-IS", "estonian": "et-EE",
    "latvian": "lv-LV", "lithuanian": "lt-LT", "catalan": "ca-AD", "basque": "eu", "galician": "gl-ES",
    "latin": "la", "hebrew": "he-IL", "arabic": "ar", "persian": "fa-IR", "farsi": "fa-IR", "japanese": "ja-JP",
    "chinese": "zh-CN", "korean": "ko-KR", "vietnamese": "vi-VN", "thai": "th-TH", "hindi": "hi-IN",
    "indonesian": "id-ID", "malay": "ms-MY", "afrikaans": "af-ZA", "welsh": "cy-GB", "irish": "ga-IE",
    "scottish": "gd-GB", "breton": "br-FR", "albanian": "sq-AL", "armenian": "hy-AM", "georgian": "ka-GE",
    "mongolian": "mn-MN", "esperanto": "eo", "interlingua": "ia", "sanskrit": "sa", "ancientgreek": "grc",
}
# Fields consumed by the rules in the reader (never copied to ``custom``).
RULE_FIELDS = frozenset({
    "title", "subtitle", "titleaddon", "booktitle", "booksubtitle", "booktitleaddon", "maintitle", "mainsubtitle",
    "maintitleaddon", "journaltitle", "journal", "journalsubtitle", "issuetitle", "issuesubtitle", "date", "year",
    "month", "day", "number", "volume", "type", "langid", "hyphenation", "language", "eprint", "eprinttype",
    "archiveprefix", "primaryclass", "eprintclass", "institution", "school", "organization", "howpublished",
    "addendum", "crossref", "xdata", "entrysubtype", "part", "editora", "editorb", "editorc", "editoratype",
    "editorbtype", "editorctype", "ids", "origyear", "origmonth", "location", "address", "pubstate", "series", "issue",
    "urldate", "origdate", "eventdate",
})

# BibLaTeX crossref inheritance (manual, appendix B): fields never inherited, and the renames
# applied from a parent type to a child type.  Everything else is inherited under its own name
# when the child lacks it.
NEVER_INHERITED = frozenset({"ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options",
                             "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
                             "shorthandintro", "sortkey", "xdata"})
_MAIN = {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon", "shorttitle": None,
         "sorttitle": None, "indextitle": None, "indexsorttitle": None}
_BOOK = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon", "shorttitle": None,
         "sorttitle": None, "indextitle": None, "indexsorttitle": None}
_JOURNAL = {"title": "journaltitle", "subtitle": "journalsubtitle", "shorttitle": None, "sorttitle": None,
            "indextitle": None, "indexsorttitle": None}
INHERITANCE: tuple[tuple[frozenset[str], frozenset[str], dict[str, str | None]], ...] = (
    (frozenset({"mvbook"}), frozenset({"book"}), {**_MAIN, "author": "bookauthor"}),
    (frozenset({"mvbook"}), frozenset({"inbook", "bookinbook", "suppbook"}), {**_MAIN, "author": "bookauthor"}),
    (frozenset({"book"}), frozenset({"inbook", "bookinbook", "suppbook"}), {**_BOOK, "author": "bookauthor"}),
    (frozenset({"mvcollection", "mvreference"}),
     frozenset({"collection", "reference", "incollection", "inreference", "suppcollection"}), _MAIN),
    (frozenset({"collection", "reference"}), frozenset({"incollection", "inreference", "suppcollection"}), _BOOK),
    (frozenset({"mvproceedings"}), frozenset({"proceedings", "inproceedings"}), _MAIN),
    (frozenset({"proceedings"}), frozenset({"inproceedings", "conference"}), _BOOK),
    (frozenset({"periodical"}), frozenset({"article", "suppperiodical"}), _JOURNAL),
)
