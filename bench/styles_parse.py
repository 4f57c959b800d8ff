"""How well references rendered in common citation styles are read back (parser choice per style).

Usage: python bench/styles_parse.py [--items tests/fixtures/panel/items.json] [--parser auto|cs1|tagger]

Renders the panel items in each style with our CSL stack (text), parses every entry back and scores
the fields against the items they came from: author (family names), issued (year), title,
container-title, volume, issue, page, publisher, DOI.  A field counts as right when the normalised
values are equal (case, punctuation and dashes ignored).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

STYLES = ("apa", "chicago-author-date", "modern-language-association", "harvard-cite-them-right", "ieee",
          "vancouver-nlm", "nature", "american-medical-association", "wikipedia")
FIELDS = ("author", "issued", "title", "container-title", "volume", "issue", "page", "publisher", "DOI")


def norm(field: str, value) -> str:  # type: ignore[no-untyped-def]
    if value is None:
        return ""
    if field == "author":
        return "|".join(sorted(str(p.get("family") or p.get("literal") or "").lower() for p in value))
    if field == "issued":
        parts = value.get("date-parts") if isinstance(value, dict) else None
        return str(parts[0][0]) if parts else ""
    text = str(value).lower().replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"[^\w-]+", " ", text).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", default="tests/fixtures/panel/items.json")
    parser.add_argument("--parser", default="auto", choices=("auto", "cs1", "tagger"))
    args = parser.parse_args(argv)
    from convert.reflist.api import parse_reference
    from convert.render.engine import render

    items = json.loads(Path(args.items).read_text(encoding="utf-8"))
    by_id = {i["id"]: i for i in items}
    total_right = total = 0
    for style in STYLES:
        rendered = render(items, style, output="text")
        right = count = 0
        for item_id, entry in zip(rendered.item_ids, rendered.entries):
            entry = re.sub(r"^\[?\d+\]?\.?\s+", "", entry) if style in ("ieee", "vancouver-nlm", "nature",
                                                                         "american-medical-association") else entry
            parsed = parse_reference(entry, parser=args.parser)
            original = by_id[item_id]
            for field in FIELDS:
                if field in original:
                    count += 1
                    right += norm(field, parsed.get(field)) == norm(field, original.get(field))
        total_right += right
        total += count
        print(f"{style:32s} {right:4d}/{count} fields ({right / max(1, count):.1%})")
    print(f"overall ({args.parser}): {total_right}/{total} = {total_right / max(1, total):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
