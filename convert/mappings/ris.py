"""CSL <-> RIS mapping tables (data, not code), after the 2011 RIS specification and the tags
Zotero's RIS translator writes and reads.

The reading tables were derived from the 2011 specification's per-type field labels (for each of
its 56 types, what each tag means: "T2" is the *Journal* of JOUR, the *Series Title* of BOOK, the
*Conference Name* of CPAPER): each label was mapped to a CSL variable by hand, the most common
meaning of a tag became its default, and the rest are per-type overrides.  Where Zotero, the main
client, reads a tag differently from the specification (T2 of ELEC is the website), Zotero wins,
and the entry says so.  ``None`` means CSL has no variable for that meaning: the value is kept in
``custom`` under the tag, and written back to the same tag.  The writer inverts the same tables,
so what it writes is read back as it was.
"""

from __future__ import annotations

from functools import lru_cache

# CSL type -> RIS type (the writer's choice; the reader accepts many more RIS types).
TYPE_TO_RIS: dict[str, str] = {
    "article": "JOUR", "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "bill": "BILL", "book": "BOOK", "broadcast": "MPCT", "chapter": "CHAP", "classic": "CLSWK",
    "collection": "EDBOOK", "dataset": "DATA", "document": "GEN", "entry": "GEN", "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC", "event": "GEN", "figure": "FIGURE", "graphic": "ART", "hearing": "HEAR",
    "interview": "PCOMM", "legal_case": "CASE", "legislation": "STAT", "manuscript": "MANSCPT", "map": "MAP",
    "motion_picture": "MPCT", "musical_score": "MUSIC", "pamphlet": "PAMP", "paper-conference": "CPAPER",
    "patent": "PAT", "performance": "GEN", "periodical": "JFULL", "personal_communication": "PCOMM",
    "post": "ELEC", "post-weblog": "BLOG", "regulation": "LEGAL", "report": "RPRT", "review": "JOUR",
    "review-book": "JOUR", "software": "COMP", "song": "SOUND", "speech": "SLIDE", "standard": "STAND",
    "thesis": "THES", "treaty": "GEN", "webpage": "ELEC",
}

# Text variables in the order Zotero writes them: (CSL variable, RIS tag).
TEXT_TAGS: tuple[tuple[str, str], ...] = (
    ("title", "TI"),
    ("container-title", "T2"),
    ("collection-title", "T3"),
    ("abstract", "AB"),
    ("publisher-place", "CY"),
    ("DOI", "DO"),
    ("edition", "ET"),
    ("issue", "IS"),
    ("language", "LA"),
    ("genre", "M3"),
    ("number", "M1"),
    ("publisher", "PB"),
    ("container-title-short", "J2"),
    ("title-short", "ST"),
    ("URL", "UR"),
    ("volume", "VL"),
    ("number-of-volumes", "NV"),
    ("call-number", "CN"),
    ("archive", "DP"),
    ("archive_location", "AN"),
    ("medium", "M3"),
    ("original-title", "OP"),
    ("event-place", "C1"),
    ("number-of-pages", "SP"),
    ("section", "SE"),
    ("source", "DB"),
)

NAME_TAGS: tuple[tuple[str, str], ...] = (
    ("author", "AU"),
    ("editor", "A2"),
    ("collection-editor", "A3"),
    ("translator", "A4"),
    ("container-author", "A2"),
    ("director", "A3"),
    ("recipient", "A2"),
    ("interviewer", "A2"),
)

ISBN_TYPES = frozenset({"BOOK", "CHAP", "EDBOOK", "ENCYC", "DICT", "MAP", "MUSIC", "PAMP", "CPAPER", "RPRT", "THES"})


# ---------------------------------------------------------------------------------------------
# Reading.  RIS type -> CSL type: the 2011 types, legacy ones, and aliases seen in real exports.
RIS_TO_TYPE: dict[str, str] = {
    "ABST": "article-journal", "ADVS": "motion_picture", "AGGR": "dataset", "ANCIENT": "classic", "ART": "graphic",
    "BILL": "bill", "BLOG": "post-weblog", "BOOK": "book", "CASE": "legal_case", "CHAP": "chapter", "CHART": "figure",
    "CLSWK": "classic", "COMP": "software", "CONF": "paper-conference", "CPAPER": "paper-conference",
    "CTLG": "document", "DATA": "dataset", "DBASE": "dataset", "DICT": "entry-dictionary", "EBOOK": "book",
    "ECHAP": "chapter", "EDBOOK": "collection", "EJOUR": "article-journal", "ELEC": "webpage",
    "ENCYC": "entry-encyclopedia", "EQUA": "figure", "FIGURE": "figure", "GEN": "document", "GOVDOC": "report",
    "GRANT": "document", "GRNT": "document", "HEAR": "hearing", "ICOMM": "personal_communication",
    "INPR": "article-journal", "JFULL": "periodical", "JOUR": "article-journal", "LEGAL": "regulation",
    "MANSCPT": "manuscript", "MAP": "map", "MGZN": "article-magazine", "MPCT": "motion_picture",
    "MULTI": "motion_picture", "MUSIC": "musical_score", "NEWS": "article-newspaper", "PAMP": "pamphlet",
    "PAT": "patent", "PCOMM": "personal_communication", "RPRT": "report", "SER": "periodical", "SLIDE": "speech",
    "SOUND": "song", "STAND": "standard", "STAT": "legislation", "THES": "thesis", "UNBILL": "bill",
    "UNPB": "manuscript", "UNPD": "manuscript", "VIDEO": "motion_picture", "WEB": "webpage", "DATASET": "dataset",
}
# ISO 639-2 codes (PubMed, Web of Science) -> the BCP 47 tags CSL uses.
LANGUAGE_CODES: dict[str, str] = {
    "eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "spa": "es", "ita": "it", "por": "pt",
    "rus": "ru", "jpn": "ja", "chi": "zh", "zho": "zh", "dut": "nl", "nld": "nl", "pol": "pl", "swe": "sv",
    "dan": "da", "nor": "no", "fin": "fi", "cze": "cs", "ces": "cs", "hun": "hu", "tur": "tr", "kor": "ko",
    "ara": "ar", "heb": "he", "gre": "el", "ell": "el", "lat": "la", "ukr": "uk", "rum": "ro", "ron": "ro",
}
# Statuses implied by a type.
TYPE_STATUS: dict[str, str] = {"INPR": "in press"}

# Tag -> CSL variable for every type unless TAG_OVERRIDES says otherwise.  Names are in NAME_ROLES.
TAG_DEFAULTS: dict[str, str | None] = {
    "A2": "editor", "A3": "collection-editor", "A4": "translator", "AU": "author", "A1": "author", "ED": "editor",
    "C1": None, "C2": None, "C3": None, "C4": None, "C5": None, "C6": None, "C7": "number", "C8": None,
    "CY": "publisher-place", "ET": "edition", "IS": "issue", "CP": "issue", "J2": "container-title-short",
    "JA": "container-title-short", "J1": "container-title-short", "JF": "container-title", "JO": "container-title",
    "M1": "number", "M2": None, "M3": "genre", "NV": None, "OP": "original-title", "PB": "publisher",
    "RI": "reviewed-title", "RP": None, "SE": "section", "ST": "title-short", "SV": "collection-number",
    "T2": "container-title", "T3": "collection-title", "VL": "volume", "AB": "abstract", "N2": "abstract",
    "CN": "call-number", "AN": "archive_location", "DB": "archive", "DP": "source", "LB": "citation-label",
    "LA": "language", "TT": None, "TA": None, "AD": None, "CA": None, "RN": None, "L1": None, "L2": None,
    "L4": None, "AV": None, "U1": None, "U2": None, "U3": None, "U4": None, "U5": None, "CR": None,
}
TAG_OVERRIDES: dict[str, dict[str, str | None]] = {
    "ABST": {"C2": "PMCID", "ET": None},
    "ADVS": {"A2": "performer", "C3": "dimensions", "C5": "medium", "OP": None},
    "AGGR": {"ET": None, "SE": None},
    "ANCIENT": {"NV": "number-of-volumes", "T3": "volume-title"},
    "ART": {"C3": "dimensions", "M1": "dimensions"},
    "BILL": {"A2": None, "ET": None, "OP": None, "T3": None, "VL": None},
    "BLOG": {"A3": "illustrator", "M3": "medium", "OP": None, "SE": None, "T3": None, "VL": None},
    "BOOK": {"A2": "collection-editor", "A3": "editor", "M1": "collection-number", "NV": "number-of-volumes",
             "SE": None, "T2": "collection-title"},
    "CASE": {"A2": None, "A3": None, "A4": None, "ET": None, "M3": None, "OP": None, "SE": None, "T3": None, "VL": None},
    "CHAP": {"C1": "section", "IS": "number-of-volumes", "SE": "chapter-number"},
    "CHART": {"A2": None, "ET": "version", "T2": None, "VL": "dimensions"},
    "CLSWK": {"A2": "collection-editor", "M1": "collection-number", "NV": "number-of-volumes", "T2": "collection-title"},
    "COMP": {"A2": "collection-editor", "ET": "version", "M1": None, "OP": None, "T2": "collection-title",
             "VL": "edition"},
    "CONF": {"A4": None, "C1": "publisher-place", "C3": "container-title", "CY": "event-place", "M1": "issue",
             "NV": "number-of-volumes"},
    "CPAPER": {"C1": "publisher-place", "CY": "event-place"},
    "CTLG": {"A2": None, "M1": "collection-number", "SE": "number-of-pages", "T2": "collection-title"},
    "DATA": {"A2": "producer", "A4": None, "ET": "version", "OP": None, "RI": None, "SE": None},
    "DBASE": {"ET": None},
    "DICT": {"NV": "number-of-volumes", "SE": None},
    "EBOOK": {"C7": "PMCID", "M3": "medium", "NV": None},
    "ECHAP": {"C1": "section", "C7": "PMCID", "M1": "chapter-number", "NV": "number-of-volumes"},
    "EDBOOK": {"A2": "collection-editor", "AU": "editor", "M1": "collection-number", "NV": "number-of-volumes"},
    "EJOUR": {"C3": "PMCID", "M1": "issue", "NV": "number", "SE": None, "T3": "container-title"},
    # ELEC's T2 is "Series Title" in the specification; Zotero and every web-page exporter put the
    # website there, so it is the container.  M1 ("Access Date" as free text) stays in custom.
    "ELEC": {"A2": "collection-editor", "M1": None, "M3": "medium", "OP": None, "VL": None},
    "ENCYC": {"NV": "number-of-volumes"},
    "EQUA": {"A2": None, "ET": "version", "T2": None, "VL": "dimensions"},
    "FIGURE": {"A2": None, "ET": "version", "T2": None, "VL": "dimensions"},
    "GEN": {"NV": "number-of-volumes"},
    "GOVDOC": {"A2": None, "M1": "issue"},
    "GRANT": {"CY": "event-place", "ET": None, "M1": None, "M3": None, "OP": None, "SE": None, "VL": None},
    "HEAR": {"ET": None, "NV": "number-of-volumes", "OP": None, "T2": None, "T3": None},
    "ICOMM": {"A2": "recipient", "ET": None, "M1": None},
    "INPR": {"C2": "PMCID", "ET": None},
    "JFULL": {"C2": "PMCID", "ET": None},
    "JOUR": {"C2": "PMCID", "ET": None},
    "LEGAL": {"A2": None, "M1": None, "OP": None, "T2": None, "T3": None, "VL": None},
    "MANSCPT": {"ET": None, "M1": None, "SE": None, "T2": "collection-title", "VL": None},
    "MAP": {"A2": "collection-editor", "C1": "scale", "C3": "dimensions", "T2": "collection-title"},
    "MGZN": {"M1": "issue", "SE": None},
    "MPCT": {"A2": None, "A3": "producer", "A4": "performer", "AU": "director", "C4": "genre", "C5": "medium",
             "M3": "medium", "T2": "collection-title"},
    "MULTI": {"A2": "collection-editor", "M1": None, "T2": "collection-title"},
    "MUSIC": {"A4": "producer", "AU": "composer", "C1": "medium", "M3": "medium", "NV": "number-of-volumes"},
    "NEWS": {"C2": "issue", "M1": None},
    "PAMP": {"A2": None, "M1": "collection-number", "M2": "number-of-pages", "VL": "number"},
    "PAT": {"A2": None, "A3": None, "ET": None, "OP": None, "SE": None, "T3": None, "VL": None},
    "PCOMM": {"A2": "recipient", "ET": None, "M1": None},
    "RPRT": {"A2": "collection-editor", "A3": None, "A4": None, "C6": "issue", "NV": "collection-number", "OP": None,
             "T2": "collection-title"},
    "SER": {"A4": "editor", "C1": "section", "C2": "number", "M1": "collection-number", "NV": "number-of-volumes",
            "SE": "chapter-number"},
    "SLIDE": {"A2": "performer", "C3": "dimensions", "C5": "medium", "OP": None},
    "SOUND": {"A2": "performer", "C3": "dimensions", "C5": "medium", "OP": None},
    "STAND": {"M1": None, "T2": None, "T3": None, "VL": None},
    "STAT": {"C5": "publisher", "C6": "volume", "ET": None, "OP": None, "PB": None, "RI": "number", "T3": None,
             "VL": None},
    "THES": {"A3": None, "T2": None, "VL": None},
    "UNBILL": {"A2": None, "ET": None, "OP": None, "T3": None, "VL": None},
    "UNPB": {"A2": "collection-editor", "T2": "collection-title", "T3": None},
    "VIDEO": {"A2": "performer", "C3": "dimensions", "C5": "medium", "OP": None},
}
NAME_TAG_SET = frozenset({"AU", "A1", "A2", "A3", "A4", "ED"})
# Types whose SP alone is a page count, not a page (the specification's "Number of Pages").
PAGE_COUNT_TYPES = frozenset({"BOOK", "EBOOK", "EDBOOK", "THES", "CLSWK", "MAP"})
# Types whose SN is a number (report, patent, standard number) rather than an ISBN/ISSN.
SN_IS_NUMBER = frozenset({"RPRT", "PAT", "STAND", "GOVDOC"})
# Tags whose repeated values are joined (rather than the later ones kept in custom).
JOINED_TAGS: dict[str, str] = {"N1": "\n", "AB": "\n", "N2": "\n", "KW": ", "}
# Preferred tag when the writer has a choice (Zotero's order), e.g. container-title is T2 not JF.
WRITE_TAG_ORDER: tuple[str, ...] = (
    "TI", "T2", "T3", "ST", "J2", "AB", "CY", "ET", "IS", "LA", "M1", "M3", "PB", "VL", "NV", "CN", "DB", "DP",
    "AN", "SE", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "OP", "RI", "SV", "LB", "M2", "JF",
)


def tag_meaning(ris_type: str, tag: str) -> str | None:
    """The CSL variable a tag holds in records of ``ris_type`` (``None``: custom)."""
    return tag_meanings(ris_type).get(tag)


@lru_cache(maxsize=None)
def tag_meanings(ris_type: str) -> dict[str, str | None]:
    """Every tag's meaning in records of ``ris_type``, merged once per type: the reader looks up
    about fifteen tags a record, and one dict lookup is what that should cost."""
    return {**TAG_DEFAULTS, **TAG_OVERRIDES.get(ris_type, {})}
