"""Court cases cited the way Wikipedia's law articles and American papers cite them (the Bluebook):
"Roe v. Wade, 410 U.S. 113 (1973)", "Marbury v. Madison, 5 U.S. (1 Cranch) 137, 177 (1803)",
"United States v. Jones, 132 F.3d 232 (2d Cir. 1998)".

Neither the CS1 grammar nor the tagger knows this shape: the case name, the reporter's volume,
name and first page, and the court and year in parentheses become a CSL ``legal_case`` with
``title``, ``volume``, ``container-title`` (the reporter), ``page``, ``authority`` and ``issued``.
"""

from __future__ import annotations

import re
from typing import Any

_CASE = re.compile(
    r"^(?P<title>[A-Z][^,()]{0,150}?\sv\.?\s[^,()]{1,150}?),\s(?P<volume>\d{1,4})\s"
    r"(?P<reporter>[A-Z][A-Za-z0-9.'\s]{0,24}?)\s(?:\([^()]{1,30}\)\s)?(?P<page>\d{1,5})(?:,\s\d{1,5}(?:[–-]\d{1,5})?)?"
    r"\s\((?:(?P<court>[^()]{1,40}?)\s)?(?P<year>1[6-9]\d\d|20\d\d)\)\.?$")


def parse_case_citation(text: str) -> dict[str, Any] | None:
    """The CSL item of a case citation, or None when the text is not one."""
    m = _CASE.match(" ".join(text.split()))
    if not m:
        return None
    item: dict[str, Any] = {"type": "legal_case", "title": m.group("title").strip(), "volume": m.group("volume"),
                            "container-title": m.group("reporter").strip(), "page": m.group("page"),
                            "issued": {"date-parts": [[int(m.group("year"))]]}}
    if m.group("court"):
        item["authority"] = m.group("court").strip()
    return item
