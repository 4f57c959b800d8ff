"""CSL <-> RIS mapping tables (data, not code), after the 2011 RIS specification and the tags
Zotero's RIS translator writes and reads."""

from __future__ import annotations

# CSL type -> RIS type (the writer's choice; the reader accepts many more RIS types).
TYPE_TO_RIS: dict[str, str] = {
    "article": "JOUR", "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "bill": "BILL", "book": "BOOK", "broadcast": "MPCT", "chapter": "CHAP", "classic": "BOOK",
    "collection": "EDBOOK", "dataset": "DATA", "document": "GEN", "entry": "GEN", "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC", "event": "GEN", "figure": "FIGURE", "graphic": "ART", "hearing": "HEAR",
    "interview": "PCOMM", "legal_case": "CASE", "legislation": "STAT", "manuscript": "MANSCPT", "map": "MAP",
    "motion_picture": "MPCT", "musical_score": "MUSIC", "pamphlet": "PAMP", "paper-conference": "CPAPER",
    "patent": "PAT", "performance": "GEN", "periodical": "JFULL", "personal_communication": "PCOMM",
    "post": "ELEC", "post-weblog": "BLOG", "regulation": "STAT", "report": "RPRT", "review": "JOUR",
    "review-book": "JOUR", "software": "COMP", "song": "SOUND", "speech": "GEN", "standard": "STAND",
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
