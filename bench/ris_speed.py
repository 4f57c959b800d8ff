"""RIS speed: RIS -> CSL-JSON and CSL-JSON -> RIS on 20,000 generated records, beside the peers.

Usage: python bench/ris_speed.py [--records 20000] [--peers-dir DIR] [--no-peers]

Records are generated with a fixed seed in the shapes exporters write (journal articles with
abstracts and keywords, books, chapters, web pages, theses; accented names; CRLF).  In the same run
it times rispy (``rispy.loads``) and citation.js (``@citation-js/plugin-ris``, installed with npm
into --peers-dir if missing) on the same text, and prints records per second and our ratio to each.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import convert

sys.path.insert(0, str(Path(__file__).resolve().parent))
from node_peer import run_node_peer  # noqa: E402

FAMILIES = ["Müller", "García Márquez", "van der Berg", "Smith", "O'Brien", "Østergaard", "Dvořák", "Nguyen",
            "Zhang", "Kowalski", "Johnson", "Brown", "Taylor", "Wilson", "Martin", "Lee", "Walker", "Hall"]
GIVENS = ["Jane", "J. R.", "Zoë", "Jean-Paul", "Anna", "Wei", "Piotr", "M.", "John", "Mary", "Peter", "Sarah"]
WORDS = ["analysis", "of", "the", "alliance", "in", "Europe", "quantum", "systems", "networks", "learning",
         "deep", "theory", "models", "for", "and", "policy", "stability", "inference", "data", "study"]


def generate(count: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    out = []
    for index in range(count):
        kind = rng.random()
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize()
        lines = []
        if kind < 0.5:
            lines.append("TY  - JOUR")
        elif kind < 0.65:
            lines.append("TY  - BOOK")
        elif kind < 0.8:
            lines.append("TY  - CHAP")
        elif kind < 0.9:
            lines.append("TY  - ELEC")
        else:
            lines.append("TY  - THES")
        lines.append(f"TI  - {title}")
        for _ in range(rng.randint(1, 5)):
            lines.append(f"AU  - {rng.choice(FAMILIES)}, {rng.choice(GIVENS)}")
        year = rng.randint(1950, 2024)
        lines += [f"PY  - {year}", f"DA  - {year}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/"]
        if kind < 0.5:
            lines += [f"T2  - Journal of {rng.choice(WORDS).capitalize()}", f"VL  - {rng.randint(1, 99)}",
                      f"IS  - {rng.randint(1, 12)}", f"SP  - {rng.randint(1, 400)}", f"EP  - {rng.randint(401, 900)}",
                      "SN  - 0140-2390", f"DO  - 10.{rng.randint(1000, 9999)}/x{index}"]
            if rng.random() < 0.5:
                lines.append("AB  - " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 150))))
            lines += [f"KW  - {rng.choice(WORDS)}" for _ in range(rng.randint(0, 5))]
        elif kind < 0.8:
            lines += ["PB  - Oxford University Press", "CY  - Oxford", "SN  - 978-0-7425-3917-4"]
            if kind >= 0.65:
                lines += [f"T2  - {title} handbook", f"A2  - {rng.choice(FAMILIES)}, {rng.choice(GIVENS)}",
                          f"SP  - {rng.randint(1, 50)}", f"EP  - {rng.randint(51, 99)}"]
        elif kind < 0.9:
            lines += [f"UR  - https://example.org/{index}", "Y2  - 2024/03/05/", "T2  - Example site"]
        else:
            lines += ["PB  - Universität Wien", "M3  - PhD thesis"]
        lines.append("ER  - ")
        out.append("\r\n".join(lines) + "\r\n\r\n")
    return "".join(out)


def best_of(runs: int, function) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


CITATION_JS = """
const {Cite, plugins} = require('@citation-js/core'); require('@citation-js/plugin-ris');
const fs = require('fs'); const text = fs.readFileSync(process.argv[2], 'utf8');
// Two ways in: the raw parser chain (RIS text -> CSL objects) and the Cite object most users call.
const c0 = process.hrtime.bigint(); const items = plugins.input.chain(text, {target: '@csl/list+object'});
const c1 = process.hrtime.bigint();
const t0 = process.hrtime.bigint(); const data = new Cite(text, {forceType: '@ris/file'});
const t1 = process.hrtime.bigint(); const out = data.format('ris');
const t2 = process.hrtime.bigint();
console.log(JSON.stringify({n: data.data.length, chain: Number(c1 - c0) / 1e9, read: Number(t1 - t0) / 1e9,
                            write: Number(t2 - t1) / 1e9}));
"""


def citation_js(path: Path, peers: Path) -> dict | None:
    return run_node_peer(peers, ["@citation-js/core", "@citation-js/plugin-ris"], "bench_citationjs_ris.js", CITATION_JS, str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--peers-dir", default=os.path.join(tempfile.gettempdir(), "bibconvert-peers"))
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args(argv)
    text = generate(args.records)
    path = Path(tempfile.mkdtemp()) / "generated.ris"
    path.write_text(text, encoding="utf-8", newline="")
    n = args.records
    print(f"file: {n:,} records, {len(text.encode()) / 1e6:.1f} MB")
    result = convert.read(text, format="ris")
    assert len(result.items) == n, len(result.items)
    from convert.readers.ris import _cached_name, _parse_ris_date

    def read_cold() -> None:  # caches emptied first: every run pays for its own parsing
        _cached_name.cache_clear()
        _parse_ris_date.cache_clear()
        convert.read(text, format="ris")

    ours_read = best_of(3, read_cold)
    ours_write = best_of(3, lambda: convert.write(result.items, "ris"))
    print(f"bibconvert RIS -> CSL   {n / ours_read:9,.0f} records/s ({ours_read:.2f} s)")
    print(f"bibconvert CSL -> RIS   {n / ours_write:9,.0f} records/s ({ours_write:.2f} s)")
    if args.no_peers:
        return 0
    try:
        import rispy

        rispy_read = best_of(3, lambda: rispy.loads(text))
        print(f"rispy loads             {n / rispy_read:9,.0f} records/s ({rispy_read:.2f} s); "
              f"ratio bibconvert/rispy {rispy_read / ours_read:.2f}x")
    except ImportError:
        print("rispy: not installed")
    peer = citation_js(path, Path(args.peers_dir))
    if peer:
        print(f"citation.js RIS -> CSL  {n / peer['chain']:9,.0f} records/s ({peer['chain']:.2f} s) parser chain")
        print(f"citation.js new Cite()  {n / peer['read']:9,.0f} records/s ({peer['read']:.2f} s)")
        print(f"citation.js CSL -> RIS  {n / peer['write']:9,.0f} records/s ({peer['write']:.2f} s)")
        print(f"ratio bibconvert/citation.js: read {peer['chain'] / ours_read:.2f}x (parser chain), "
              f"{peer['read'] / ours_read:.2f}x (new Cite); write {peer['write'] / ours_write:.2f}x")
    else:
        print("citation.js: not available (needs node and npm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
