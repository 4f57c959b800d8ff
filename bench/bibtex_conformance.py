"""Conformance with pandoc's BibTeX/BibLaTeX reading: the cases of pandoc's own test suite.

Usage: python bench/bibtex_conformance.py ../shared/corpora/pandoc-biblatex/cases.jsonl [--show-failures]

Each case is an input and pandoc's expected output.  For cases whose expected output is CSL, our
CSL is compared with pandoc's field by field.  For cases whose expected output is BibTeX/BibLaTeX,
our output and pandoc's are both read back with our reader and the items compared.  Ignored, because
they are pandoc's presentation choices and not data: sentence-casing of titles (compared
case-insensitively), nocase spans, markdown's ``--`` for an en dash, non-breaking spaces, the case
of variable names (pandoc writes ``doi``, ``url``), the order of keywords (pandoc sorts them), the
generated ids of RIS records without ``ID`` (matched in order), and a ``title-short`` that pandoc derives by
cutting the title (or the volume's title) at its colon.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout, not an installed copy

import convert  # noqa: E402

_TAGS = re.compile(r"</?(?:i|b|sup|sub|span)(?:\s[^<>]*)?>")


def normalise_text(value: str) -> str:
    value = _TAGS.sub("", value)
    value = value.replace("---", "\u2014").replace("--", "\u2013").replace("\u00a0", " ")
    value = value.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(value.split()).casefold()


def normalise(value: Any) -> Any:
    if isinstance(value, str):
        return normalise_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return normalise_text(str(value))
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k.lower(): normalise(v) for k, v in value.items()}
    return value


def comparable(item: dict[str, Any], derived_short: bool) -> dict[str, Any]:
    result = {k.lower(): normalise(v) for k, v in item.items() if k not in ("custom",)}
    if isinstance(result.get("keyword"), str):  # pandoc sorts keywords; their order is not data
        result["keyword"] = sorted(k.strip() for k in result["keyword"].split(","))
    if derived_short:
        result.pop("title-short", None)
    return result


def compare(ours: list[dict[str, Any]], expected: list[dict[str, Any]], source: str) -> list[str]:
    problems: list[str] = []
    by_id = {str(i.get("id")): i for i in ours}
    for want in expected:
        got = by_id.get(str(want.get("id")))
        if got is None:
            problems.append(f"missing item {want.get('id')}")
            continue
        derived = not re.search(r"(?i)\bshorttitle\s*=", source if isinstance(source, str) else "")
        short = str(want.get("title-short", ""))
        derived = derived or ("title-short" not in got and any(
            ":" in str(want.get(v, "")) and short == str(want[v]).split(":")[0].strip() for v in ("title", "volume-title")))
        a, b = comparable(got, derived), comparable(want, derived)
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                problems.append(f"{want.get('id')}.{key}: ours={a.get(key)!r} pandoc={b.get(key)!r}")
    if len(ours) != len(expected):
        problems.append(f"{len(ours)} items, pandoc has {len(expected)}")
    return problems


def run_case(case: dict[str, Any]) -> tuple[str, list[str]]:
    """Returns (outcome, problems); outcome is 'pass', 'fail' or 'skip' (a reader we lack)."""
    source_format = {"bibtex": "bibtex", "biblatex": "biblatex", "csljson": "csljson", "ris": "ris"}[case["input_format"]]
    source = case["input"] if isinstance(case["input"], str) else json.dumps(case["input"])
    try:
        read = convert.read(source, format=source_format)
    except convert.UnknownFormatError:
        return "skip", [f"no {source_format} reader"]
    expected = case["expected"]
    if case["expected_format"] == "csljson":
        items = read.items
        if source_format == "ris":  # ids of records without ID are generated: compare in order
            items = [dict(item, id=want.get("id")) for item, want in zip(items, expected)] + items[len(expected):]
        problems = compare(items, expected, source)
    else:
        dialect = case["expected_format"]
        ours = convert.write(read.items, dialect)
        back = convert.read(ours, format=dialect).items
        want = convert.read(expected, format=dialect).items
        problems = compare(back, want, expected)
    return ("pass" if not problems else "fail"), problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", help="path to pandoc-biblatex/cases.jsonl")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args(argv)
    outcomes: Counter[str] = Counter()
    field_total = Counter()
    field_bad = Counter()
    with open(args.cases, encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()]
    for case in cases:
        outcome, problems = run_case(case)
        outcomes[outcome] += 1
        for problem in problems:
            m = re.match(r"[^.]+\.([\w-]+):", problem)
            if m:
                field_bad[m.group(1)] += 1
        if isinstance(case["expected"], list):
            for item in case["expected"]:
                field_total.update(k.lower() for k in item)
        if outcome == "fail" and args.show_failures:
            print(f"--- {case['id']}")
            for problem in problems:
                print("   ", problem)
    total = len(cases)
    print(f"cases: {total}  fully equal: {outcomes['pass']} ({outcomes['pass'] / total:.1%})  "
          f"different: {outcomes['fail']}  no reader: {outcomes['skip']}")
    print("fields that differ (count / occurrences in pandoc's output):")
    for name, bad in field_bad.most_common():
        print(f"  {name:22s} {bad:4d} / {field_total.get(name, 0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
