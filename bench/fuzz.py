"""Fuzz every registered reader for a time budget: random bytes, truncations, insertions,
duplications and hostile shapes built from each reader's own fixtures.  Prints how many inputs were
tried per reader and every input that raised or reported an internal error (there should be none).

Usage: python bench/fuzz.py [--seconds 120] [--seed 1] [--max-seconds-per-input 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout, not an installed copy

import convert  # noqa: E402
from convert.registry import default_registry  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reader"
HOSTILE = ["{" * 5000, "@article{" * 2000, "TY  - JOUR\n" * 5000, "\x00" * 1000, "\ufeff" * 10, '"' * 10000,
           "a" * 1_000_000, ",".join(["x"] * 10000), "[" * 10000 + "]" * 10000, "\\" * 10000]


def seeds(fmt: str) -> list[str]:
    directory = FIXTURES / fmt
    if not directory.is_dir():
        return [""]
    found = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(directory.iterdir())
             if not p.name.endswith((".csl.json", ".diagnostics.txt"))]
    return found or [""]


def mutate(rng: random.Random, text: str) -> str | bytes:
    choice = rng.random()
    if choice < 0.1:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 2000)))
    if choice < 0.15:
        return rng.choice(HOSTILE)
    for _ in range(rng.randint(1, 6)):
        if not text:
            break
        position = rng.randrange(len(text))
        operation = rng.random()
        if operation < 0.25:
            text = text[:position]
        elif operation < 0.5:
            text = text[:position] + "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 8))) + text[position:]
        elif operation < 0.75:
            text = text[:position] + text[position + rng.randint(1, 40):]
        else:
            text = text[:position] + text[position:position + 300] * rng.randint(2, 20) + text[position:]
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-seconds-per-input", type=float, default=5.0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    readers = [spec.name for spec in default_registry().all("reader")]
    budget = args.seconds / len(readers)
    failures = 0
    for fmt in readers:
        pool = seeds(fmt)
        tried = slow = 0
        deadline = time.monotonic() + budget
        while time.monotonic() < deadline:
            data = mutate(rng, rng.choice(pool))
            started = time.perf_counter()
            try:
                result = convert.read(data, fmt)
                convert.write(result.items, "csljson")
                internal = [d for d in result.diagnostics if "internal error" in d.message]
            except convert.BibconvertError:
                internal = []
            except Exception as exc:  # noqa: BLE001 - this is what the fuzzer looks for
                internal = [exc]
            elapsed = time.perf_counter() - started
            tried += 1
            if elapsed > args.max_seconds_per_input:
                slow += 1
                print(f"  SLOW {fmt}: {elapsed:.1f}s on {repr(data)[:120]}")
            if internal:
                failures += 1
                print(f"  FAIL {fmt}: {internal[0]} on {repr(data)[:200]}")
        print(f"{fmt:10s} {tried:7,d} inputs tried, {slow} over {args.max_seconds_per_input:.0f}s")
    print(f"failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
