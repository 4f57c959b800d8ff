"""CSL test-suite conformance of our rendering (bibliography fixtures).

Usage: python bench/csl_conformance.py ../shared/corpora/csl-test-suite/bibliography.jsonl
           [--known-failures bench/csl_known_failures.txt] [--write-known-failures] [--show FILTER]

Each fixture (a style, items, the expected csl-bib-body HTML) is rendered twice: with plain
citeproc-py (our fixes off) and with our fix layer.  Whitespace between tags is ignored, as the test
suite's own runner does.  With --known-failures, a fixture that fails and is not on the list is a
regression and the script exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path


def normalise(html: str) -> str:
    html = re.sub(r"\s+", " ", html).strip()
    return re.sub(r">\s+<", "><", html)


def render_case(case: dict) -> str:
    from convert.render.engine import render

    order = []
    for group in case.get("citation_items") or []:
        order.extend(str(c["id"]) for c in group)
    for group in case.get("citations") or []:
        order.extend(str(c["id"]) for c in group[0].get("citationItems", []))
    result = render(case["input"], style_xml=case["csl"], output="html", citation_order=order or None)
    body = "".join(f'<div class="csl-entry">{e}</div>' for e in result.entries)
    return f'<div class="csl-bib-body">{body}</div>'


def run(cases: list[dict]) -> dict[str, str]:
    """id -> 'pass' | 'fail' | 'error'."""
    outcomes = {}
    for case in cases:
        try:
            ok = normalise(render_case(case)) == normalise(case["expected"])
            outcomes[case["id"]] = "pass" if ok else "fail"
        except Exception as exc:  # noqa: BLE001 - a crash is a failed fixture, counted as such
            outcomes[case["id"]] = f"error: {type(exc).__name__}"
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases")
    parser.add_argument("--known-failures", type=Path)
    parser.add_argument("--write-known-failures", action="store_true")
    parser.add_argument("--show", help="print ours and expected for fixtures whose id contains this")
    parser.add_argument("--mode", choices=["both", "plain", "fixed"], default="both", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    with open(args.cases, encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()]
    if args.mode == "plain" and not args.show:
        print(json.dumps(run(cases)))
        return 0
    if args.mode == "both":
        env = dict(os.environ, BIBCONVERT_CITEPROC_FIXES="none")
        done = subprocess.run([sys.executable, __file__, args.cases, "--mode", "plain"], env=env,
                              capture_output=True, text=True, check=True)
        plain = json.loads(done.stdout)
        passed = sum(v == "pass" for v in plain.values())
        print(f"plain citeproc-py: {passed}/{len(cases)} passed ({passed / len(cases):.1%})")
    fixed = run(cases)
    passed = sum(v == "pass" for v in fixed.values())
    errors = sum(v.startswith("error") for v in fixed.values())
    print(f"with our fixes:    {passed}/{len(cases)} passed ({passed / len(cases):.1%}), {errors} errors")
    if args.show:
        from convert.render.engine import render  # noqa: F401

        for case in cases:
            if args.show in case["id"] and fixed[case["id"]] != "pass":
                print("---", case["id"])
                try:
                    print("ours:", normalise(render_case(case)))
                except Exception as exc:  # noqa: BLE001
                    print("ours: error", exc)
                print("want:", normalise(case["expected"]))
    failing = sorted(k for k, v in fixed.items() if v != "pass")
    if args.write_known_failures and args.known_failures:
        args.known_failures.write_text("".join(f"{k}\n" for k in failing), encoding="utf-8")
        print(f"wrote {len(failing)} known failures to {args.known_failures}")
    elif args.known_failures and args.known_failures.exists():
        known = set(args.known_failures.read_text(encoding="utf-8").split())
        regressions = [k for k in failing if k not in known]
        fixed_now = sorted(known - set(failing))
        print(f"known failures: {len(known)}; new failures (regressions): {len(regressions)}; "
              f"now passing: {len(fixed_now)}")
        for name in regressions:
            print("  REGRESSION", name)
        return 1 if regressions else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
