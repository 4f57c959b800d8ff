"""Field-level accuracy of the reference-list parser against hand-labelled gold CSL-JSON.

usage: python bench/reflist_accuracy.py GOLD.csl.json DOCUMENT.txt [--parser cs1]

Gold and parsed items are aligned in document order.  For each field: a true positive when both
hold the same normalised value, a false positive when the parser filled it differently or when gold
has nothing, a false negative when gold has a value the parser did not give.  Prints per-field and
micro precision/recall/F1, type accuracy and the reference count (found vs gold).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import convert  # noqa: E402

FIELDS = ("author", "editor", "issued", "title", "container-title", "publisher", "publisher-place", "page",
          "volume", "issue", "DOI", "ISBN", "accessed", "language")


def normalise(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in ("author", "editor"):
        return tuple((n.get("literal") or "", n.get("family") or "", n.get("given") or "",
                      n.get("non-dropping-particle") or "") for n in value)
    if field in ("issued", "accessed"):
        parts = value.get("date-parts") if isinstance(value, dict) else None
        return json.dumps([[int(p) for p in d] for d in parts]) if parts else json.dumps(value, sort_keys=True)
    text = unicodedata.normalize("NFC", " ".join(str(value).split()))
    if field == "DOI":
        text = text.lower()
    return text


def score(gold: list[dict], parsed: list[dict]) -> dict[str, Any]:
    counts = {f: [0, 0, 0] for f in FIELDS}
    type_right = 0
    for g, p in zip(gold, parsed):
        type_right += g.get("type") == p.get("type")
        for field in FIELDS:
            gv, pv = normalise(field, g.get(field)), normalise(field, p.get(field))
            if gv is not None and pv is not None and gv == pv:
                counts[field][0] += 1
            else:
                if pv is not None:
                    counts[field][1] += 1
                if gv is not None:
                    counts[field][2] += 1
    for g in gold[len(parsed):]:
        for field in FIELDS:
            counts[field][2] += g.get(field) is not None
    for p in parsed[len(gold):]:
        for field in FIELDS:
            counts[field][1] += p.get(field) is not None
    return {"counts": counts, "type_right": type_right}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold")
    parser.add_argument("document")
    parser.add_argument("--show-errors", action="store_true", help="print every mismatching field")
    args = parser.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    result = convert.read(args.document, "text")
    parsed = result.items
    scores = score(gold, parsed)
    print(f"references: found {len(parsed)}, gold {len(gold)}")
    print(f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    total = [0, 0, 0]
    for field, (tp, fp, fn) in scores["counts"].items():
        if tp + fp + fn == 0:
            continue
        p, r, f = prf(tp, fp, fn)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        print(f"{field:<18}{p:7.3f}{r:7.3f}{f:7.3f}{tp + fn:7d}")
    p, r, f = prf(*total)
    print(f"{'micro':<18}{p:7.3f}{r:7.3f}{f:7.3f}{total[0] + total[2]:7d}")
    print(f"type accuracy: {scores['type_right'] / len(gold):.3f} ({scores['type_right']}/{len(gold)})")
    if args.show_errors:
        for g, q in zip(gold, parsed):
            for field in FIELDS:
                if normalise(field, g.get(field)) != normalise(field, q.get(field)):
                    print(f"  {g['id']}: {field}: gold={g.get(field)!r} parsed={q.get(field)!r}")
            if g.get("type") != q.get("type"):
                print(f"  {g['id']}: type: gold={g.get('type')} parsed={q.get('type')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
