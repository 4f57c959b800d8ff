"""How well references rendered in common citation styles are read back (parser choice per style).

Usage: python bench/styles_parse.py [--items tests/fixtures/panel/items.json] [--parser auto|cs1|tagger]
       python bench/styles_parse.py --anystyle CORE.xml --grobid CORPUS_DIR [--records 300]
       add --styles oscola,mhra-notes,... to score other styles of the catalogue

Renders the panel items in each style with our CSL stack (text), parses each style's list back and scores
the fields against the items they came from: author (family names), issued (year), title,
container-title, volume, issue, page, publisher, DOI.  A field counts as right when the normalised
values are equal (case, punctuation and dashes ignored).  Scored twice: over all the item's fields,
and over the fields the style printed (a page range printed abbreviated, "138–66", counts as not
printed, like an issue that Nature leaves out).  Field precision, recall and F1 over every field are
printed last (a field we gave that the item lacks, or gave wrong, counts against precision).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout, not an installed copy

# the 9 panel styles, then more of the most used ones (author-date, numeric and note styles)
STYLES = ("apa", "chicago-author-date", "modern-language-association", "harvard-cite-them-right", "ieee",
          "vancouver-nlm", "nature", "american-medical-association", "wikipedia", "chicago-notes-bibliography",
          "american-chemical-society", "the-lancet", "bmj", "cell", "elsevier-harvard", "springer-basic-author-date",
          "american-sociological-association")
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


def printed(field: str, value, entry: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the style printed the field at all (Nature omits issues, MLA shortens author lists to
    "et al."): a field that is not in the text cannot be read back, so it is also scored apart."""
    text = " " + norm("title", entry) + " "
    if field == "author":
        return all(f" {norm('title', p.get('family') or p.get('literal'))} " in text for p in value)
    wanted = norm(field, value)
    return bool(wanted) and f" {norm('title', wanted)} " in text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", default="tests/fixtures/panel/items.json")
    parser.add_argument("--parser", default="auto", choices=("auto", "cs1", "tagger"))
    parser.add_argument("--anystyle", type=Path, help="with --grobid: score real records instead of the panel items, "
                        "made from the held-out 10%% of these corpora (never seen in training)")
    parser.add_argument("--grobid", type=Path)
    parser.add_argument("--records", type=int, default=300, help="how many held-out records (default 300)")
    parser.add_argument("--wrap", type=int, help="instead: print each style's list hard-wrapped at this width, "
                        "as copied from a PDF (no indents), and count the references the splitter finds")
    parser.add_argument("--styles", help="comma-separated CSL style ids instead of the 17 (e.g. styles no rule "
                        "was written for: oscola,mhra-notes,din-1505-2)")
    args = parser.parse_args(argv)
    from convert.reflist.api import parse_references
    from convert.render.engine import render

    if args.anystyle or args.grobid:
        from convert.tagger.corpora import iter_training
        from convert.tagger.synthetic import corpus_items

        held_out = [ref for _, _, held in iter_training(args.anystyle, args.grobid) for ref in held]
        items = corpus_items(held_out, args.records)
        print(f"{len(items)} real records from the corpora's held-out references")
    else:
        items = json.loads(Path(args.items).read_text(encoding="utf-8"))
    by_id = {i["id"]: i for i in items}
    if args.wrap:
        return _count_wrapped(items, args.styles.split(",") if args.styles else list(STYLES), args.wrap)
    total_right = total = shown_right = shown_total = 0
    spurious = 0  # fields we gave that the item lacks or has otherwise (precision's misses)
    for style in args.styles.split(",") if args.styles else STYLES:
        rendered = render(items, style, output="text")
        right = count = shown = right_of_shown = 0
        entries = list(rendered.entries)  # as a user copies them, citation numbers ("[1]", "1.") included
        # the whole list at once, as a user pastes it ("———." repeats the names before it)
        for item_id, entry, parsed in zip(rendered.item_ids, entries, parse_references(entries, parser=args.parser)):
            original = by_id[item_id]
            for field in FIELDS:
                if norm(field, parsed.get(field)) and norm(field, parsed.get(field)) != norm(field, original.get(field)):
                    spurious += 1
                if field in original:
                    count += 1
                    ok = norm(field, parsed.get(field)) == norm(field, original.get(field))
                    right += ok
                    if printed(field, original.get(field), entry):
                        shown += 1
                        right_of_shown += ok
        total_right += right
        total += count
        shown_right += right_of_shown
        shown_total += shown
        print(f"{style:32s} {right:4d}/{count} fields ({right / max(1, count):.1%}); "
              f"of the fields the style prints {right_of_shown}/{shown} ({right_of_shown / max(1, shown):.1%})")
    print(f"overall ({args.parser}): {total_right}/{total} = {total_right / max(1, total):.1%}; "
          f"of the printed fields {shown_right}/{shown_total} = {shown_right / max(1, shown_total):.1%}")
    precision, recall = total_right / max(1, total_right + spurious), total_right / max(1, total)
    print(f"field precision {precision:.3f}, recall {recall:.3f}, F1 "
          f"{2 * precision * recall / max(1e-9, precision + recall):.3f} (every field of the items, printed or not)")
    return 0


def _count_wrapped(items: list[dict], styles: list[str], width: int) -> int:
    """References found in hard-wrapped lists: the splitter must join lines and find each start."""
    import textwrap

    from convert.reflist.split import split_references
    from convert.render.engine import render

    exact = found_total = rendered_total = 0
    for style in styles:
        entries = [" ".join(e.split()) for e in render(items, style, output="text").entries]
        text = "\n".join(line for entry in entries for line in textwrap.wrap(entry, width))
        found = split_references(text)
        texts = {re.sub(r"^(?:\[\d+\]|\(\d+\)|\d+\.?)\s+", "", " ".join(r.text.split())) for r in found}
        right = sum(1 for entry in entries if re.sub(r"^(?:\[\d+\]|\(\d+\)|\d+\.?)\s+", "", entry) in texts)
        exact += right
        found_total += len(found)
        rendered_total += len(entries)
        print(f"{style:32s} {len(found):4d} found for {len(entries)} rendered; {right} exactly as rendered")
    print(f"overall (wrapped at {width}): {found_total} found for {rendered_total}; "
          f"{exact} exactly as rendered ({exact / max(1, rendered_total):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
