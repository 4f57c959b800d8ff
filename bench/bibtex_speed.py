"""BibTeX speed: bib -> CSL-JSON and CSL-JSON -> bib on a generated file, beside the peers.

Usage: python bench/bibtex_speed.py [--entries 20000] [--peers-dir /tmp/peers] [--no-peers]

The file is generated with a fixed seed: varied entry types, names with accents and particles,
LaTeX in titles, @string macros with ``#``, crossrefs to proceedings, and month macros.  In the
same run it times, on the same file:
  * bibtexparser 2's bare parse (the splitter we build on; no middlewares),
  * pandoc -f biblatex -t csljson (Debian's pandoc, if installed),
  * citation.js (@citation-js/core + plugin-bibtex; installed with npm into --peers-dir if missing),
and prints entries per second for each, our ratio to citation.js, and our peak Python memory
(tracemalloc) against the file size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import convert

sys.path.insert(0, str(Path(__file__).resolve().parent))
from node_peer import run_node_peer  # noqa: E402

FAMILIES = ["M{\\\"u}ller", "Garc{\\'\\i}a M{\\'a}rquez", "van der Berg", "de la Cruz", "Smith", "O'Brien",
            "{\\O}stergaard", "Dvo{\\v{r}}{\\'a}k", "Nguyen", "Zhang", "Kowalski", "{\\L}ukasiewicz", "Johnson",
            "Schr{\\\"o}dinger", "Fran{\\c{c}}ois", "Andersson", "Williams", "Brown", "Jones", "Miller", "Davis",
            "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
            "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green",
            "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker",
            "Evans", "Edwards", "Collins", "Stewart", "Morris", "Rogers", "Reed", "Cook", "Morgan", "Bell", "Murphy"]
GIVENS = ["Jane", "J. R.", "Zo{\\\"e}", "Jean-Paul", "{\\'O}lafur", "Anna", "Wei", "Piotr", "M.", "Hans-J{\\\"u}rgen",
          "John", "Mary", "Robert", "Patricia", "Michael", "Linda", "David", "Susan", "James", "Karen", "Peter",
          "Sarah", "Thomas", "Emma", "A.", "B. C.", "Daniel", "Laura", "Paul", "Maria"]
WORDS = ["analysis", "of", "the", "a", "on", "with", "between", "under", "approach", "evidence", "study", "new",
         "effects", "dynamics", "control", "design", "data", "structure", "transport", "measurement", "method",
         "review", "large", "scale", "high", "low", "temperature", "response", "early", "modern", "{NATO}", "alliance", "in", "{E}urope", "$\\alpha$-decay", "quantum", "systems",
         "networks", "{\\emph{in vivo}}", "learning", "deep", "theory", "{DNA}", "models", "for", "and", "caf{\\'e}",
         "H\\textsubscript{2}O", "policy", "\\textit{E. coli}", "stability", "{B}ayesian", "inference"]
JOURNALS = ["jstrat", "natphys", "{Journal of Applied Physics}", "{Physical Review~B}", "jstrat # { Letters}"]
PUBLISHERS = ["{Springer}", "{Oxford University Press}", "{MIT Press}", "{Taylor \\& Francis}", "{De Gruyter}"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def generate(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = ['@string{jstrat = "Journal of Strategic Studies"}', '@string{natphys = {Nature Physics}}', ""]

    def names(n: int) -> str:
        return " and ".join(f"{rng.choice(FAMILIES)}, {rng.choice(GIVENS)}" for _ in range(n))

    def title() -> str:
        words = [rng.choice(WORDS) for _ in range(rng.randint(4, 12))]
        return " ".join(words).capitalize()

    proceedings = []
    for index in range(count):
        key = f"entry{index}"
        kind = rng.random()
        year = rng.randint(1950, 2024)
        if rng.random() < 0.3:
            abstract = " ".join(rng.choice(WORDS[:30]) for _ in range(rng.randint(60, 150)))
            extra = f"  abstract = {{{abstract}}},\n  keywords = {{{rng.choice(WORDS[:30])}, {rng.choice(WORDS[:30])}}},\n"
        else:
            extra = ""
        if kind < 0.45:
            out.append(f"@article{{{key},\n  author = {{{names(rng.randint(1, 6))}}},\n  title = {{{title()}}},\n"
                       f"  journal = {rng.choice(JOURNALS)},\n  year = {year},\n  month = {rng.choice(MONTHS)},\n"
                       f"  volume = {{{rng.randint(1, 99)}}},\n  number = {{{rng.randint(1, 12)}}},\n"
                       f"  pages = {{{rng.randint(1, 500)}--{rng.randint(501, 999)}}},\n"
                       f"  doi = {{10.{rng.randint(1000, 9999)}/x{index}}},\n" + extra + "}")
        elif kind < 0.65:
            out.append(f"@book{{{key},\n  author = {{{names(rng.randint(1, 3))}}},\n  title = {{{title()}}},\n"
                       f"  publisher = {rng.choice(PUBLISHERS)},\n  address = {{London}},\n  year = {{{year}}},\n"
                       f"  edition = {{{rng.randint(1, 5)}}},\n  isbn = {{978-0-00-000000-{index % 10}}},\n" + extra + "}")
        elif kind < 0.8:
            if not proceedings or rng.random() < 0.2:
                proc_key = f"proc{index}"
                proceedings.append(proc_key)
                out.append(f"@proceedings{{{proc_key},\n  title = {{Proceedings of the {title()}}},\n"
                           f"  editor = {{{names(2)}}},\n  publisher = {rng.choice(PUBLISHERS)},\n  year = {year},\n}}")
            out.append(f"@inproceedings{{{key},\n  author = {{{names(rng.randint(1, 4))}}},\n  title = {{{title()}}},\n"
                       f"  crossref = {{{rng.choice(proceedings)}}},\n  pages = {{{rng.randint(1, 9)}--{rng.randint(10, 20)}}},\n}}")
        elif kind < 0.9:
            out.append(f"@phdthesis{{{key},\n  author = {{{names(1)}}},\n  title = {{{title()}}},\n"
                       f"  school = {{Universit{{\\\"a}}t Wien}},\n  year = {year},\n}}")
        else:
            out.append(f"@online{{{key},\n  author = {{{{World Health Organization}}}},\n  title = {{{title()}}},\n"
                       f"  url = {{https://example.org/{index}}},\n  urldate = {{2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}}},\n"
                       f"  date = {{{year}-0{rng.randint(1, 9)}}},\n}}")
        out.append("")
    return "\n".join(out)


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} entries/s ({seconds:.2f} s)"


def best_of(runs: int, function) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


CITATION_JS = """
const {Cite} = require('@citation-js/core'); require('@citation-js/plugin-bibtex');
const fs = require('fs'); const text = fs.readFileSync(process.argv[2], 'utf8');
// Two ways in: the raw parser chain (text -> CSL objects) and the Cite object most users call.
const {plugins} = require('@citation-js/core');
const c0 = process.hrtime.bigint(); const items = plugins.input.chain(text, {target: '@csl/list+object'});
const c1 = process.hrtime.bigint();
const t0 = process.hrtime.bigint(); const data = new Cite(text);
const t1 = process.hrtime.bigint(); const out = data.format('bibtex');
const t2 = process.hrtime.bigint();
console.log(JSON.stringify({n: data.data.length, chain: Number(c1 - c0) / 1e9, read: Number(t1 - t0) / 1e9,
                            write: Number(t2 - t1) / 1e9}));
"""


def citation_js(path: Path, peers: Path) -> dict | None:
    return run_node_peer(peers, ["@citation-js/core", "@citation-js/plugin-bibtex"], "bench_citationjs_bibtex.js", CITATION_JS, str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--peers-dir", default=os.path.join(tempfile.gettempdir(), "bibconvert-peers"))
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-crossref", action="store_true", help="drop the crossref fields (as in most real files)")
    args = parser.parse_args(argv)

    text = generate(args.entries)
    if args.no_crossref:  # the common case in real files: no entry inherits from another
        text = "\n".join(line for line in text.split("\n") if not line.lstrip().lower().startswith("crossref"))
    workdir = Path(tempfile.mkdtemp())
    path = workdir / "generated.bib"
    path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    print(f"file: {args.entries:,} entries, {size / 1e6:.1f} MB")

    import bibtexparser

    bare = best_of(3, lambda: bibtexparser.parse_string(text, parse_stack=[]))
    print(f"bibtexparser bare parse      {rate(args.entries, bare)}")

    result = convert.read(text, format="biblatex")
    assert len(result.items) >= args.entries, len(result.items)
    from convert.normalize.latex import latex_to_unicode
    from convert.readers.bibtex import _csl_name

    def read_cold() -> None:  # caches emptied first: every run pays for its own decoding
        latex_to_unicode.cache_clear()
        _csl_name.cache_clear()
        convert.read(text, format="biblatex")

    ours_read = best_of(3, read_cold)
    print(f"bibconvert bib -> CSL        {rate(args.entries, ours_read)}")
    ours_write = best_of(3, lambda: convert.write(result.items, "biblatex"))
    print(f"bibconvert CSL -> bib        {rate(args.entries, ours_write)}")
    errors = sum(d.severity == "error" for d in result.diagnostics)
    print(f"  ({len(result.items):,} items incl. proceedings, {errors} errors)")

    tracemalloc.start()
    convert.read(text, format="biblatex")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python memory while reading: {peak / 1e6:.0f} MB = {peak / size:.1f}x the file")

    if args.no_peers:
        return 0
    if shutil.which("pandoc"):
        started = time.perf_counter()
        done = subprocess.run(["pandoc", "-f", "biblatex", "-t", "csljson", str(path)], capture_output=True)
        seconds = time.perf_counter() - started
        status = "" if done.returncode == 0 else f" (exit {done.returncode})"
        print(f"pandoc bib -> CSL            {rate(args.entries, seconds)}{status}")
    else:
        print("pandoc: not installed (apt-get install pandoc)")
    peer = citation_js(path, Path(args.peers_dir))
    if peer:
        print(f"citation.js bib -> CSL       {rate(args.entries, peer['chain'])} parser chain")
        print(f"citation.js new Cite()       {rate(args.entries, peer['read'])}")
        print(f"citation.js CSL -> bib       {rate(args.entries, peer['write'])}")
        print(f"ratio bibconvert/citation.js: read {peer['chain'] / ours_read:.2f}x (parser chain), "
              f"{peer['read'] / ours_read:.2f}x (new Cite); write {peer['write'] / ours_write:.2f}x")
    else:
        print("citation.js: not available (needs node and npm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
