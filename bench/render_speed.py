"""Rendering speed: a bibliography of N items in APA, ours beside citeproc-js in the same run.

Usage: python bench/render_speed.py [--items 10000] [--style apa] [--peers-dir DIR]

Items are the panel items (tests/fixtures/panel/items.json) repeated with distinct ids and titles.
The style and locale are parsed once (a warm-up render of one item) and reused, for both
processors; the figure is items per second for the whole bibliography (sort, disambiguation,
rendering).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def make_items(count: int, panel: Path) -> list[dict]:
    base = json.loads(panel.read_text(encoding="utf-8"))
    items = []
    for index in range(count):
        item = copy.deepcopy(base[index % len(base)])
        item["id"] = f"{item['id']}-{index}"
        if "title" in item:
            item["title"] = f"{item['title']} {index}"
        items.append(item)
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--style", default="apa")
    parser.add_argument("--panel", default="tests/fixtures/panel/items.json")
    parser.add_argument("--peers-dir", default=os.path.join(tempfile.gettempdir(), "bibconvert-peers"))
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args(argv)
    from convert.render.engine import render
    from convert.render.styles import resolve_style

    items = make_items(args.items, Path(args.panel))
    ref = resolve_style(args.style)
    render(items[:1], ref, output="text")  # parse style and locale once
    started = time.perf_counter()
    result = render(items, ref, output="text")
    ours = time.perf_counter() - started
    print(f"bibconvert (citeproc-py + fixes): {len(result.entries):,} entries in {ours:.2f} s = {args.items / ours:,.0f} items/s")
    if args.no_peers:
        return 0
    sys.path.insert(0, str(Path(__file__).parent))
    from style_panel import citeproc_js, ensure_citeproc_js

    peers = Path(args.peers_dir)
    if not ensure_citeproc_js(peers):
        print("citeproc-js: not available")
        return 0
    path = Path(tempfile.mkdtemp()) / "items.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    theirs = citeproc_js(ref.path, path, peers, ref.default_locale)
    print(f"citeproc-js:                      {len(theirs['entries']):,} entries in {theirs['seconds']:.2f} s = "
          f"{args.items / theirs['seconds']:,.0f} items/s")
    print(f"ratio bibconvert/citeproc-js: {theirs['seconds'] / ours:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
