"""Reference-list parser speed: the sample's references repeated to N, references per second.

usage: python bench/reflist_speed.py DOCUMENT.txt [--total 100000]

Also times a tenth of the input, so that non-linear growth shows as a falling rate.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import convert  # noqa: E402
from convert.reflist.split import split_references  # noqa: E402


def run(lines: list[str], count: int) -> float:
    document = "References\n" + "\n".join(f"- ^ {lines[i % len(lines)]}" for i in range(count)) + "\n"
    started = time.perf_counter()
    result = convert.read(document, "text")
    elapsed = time.perf_counter() - started
    assert len(result.items) == count, (len(result.items), count)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("document")
    parser.add_argument("--total", type=int, default=100_000)
    args = parser.parse_args()
    references = [r.text for r in split_references(Path(args.document).read_text(encoding="utf-8"))]
    small = args.total // 10
    t_small = run(references, small)
    t_full = run(references, args.total)
    print(f"{small:>7} references: {t_small:6.2f} s  {small / t_small:8.0f} refs/s")
    print(f"{args.total:>7} references: {t_full:6.2f} s  {args.total / t_full:8.0f} refs/s")
    print(f"growth: {t_full / t_small:.1f}x time for 10x input (10.0 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
