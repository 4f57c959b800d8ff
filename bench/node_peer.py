"""Run a small Node.js script against a peer installed with npm into a folder of its own (the
benches compare our speed with citation.js in the same run).  Installs the packages on first use;
returns None, with the reason printed, when node or npm is missing or the script fails."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path


def run_node_peer(peers: Path, packages: list[str], script_name: str, script: str, *arguments: str) -> dict | None:
    """The JSON object the script prints on its last line."""
    if shutil.which("node") is None:
        return None
    if not all((peers / "node_modules" / package).exists() for package in packages):
        if shutil.which("npm") is None:
            return None
        peers.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", *packages], cwd=peers, check=False, capture_output=True)
    path = peers / script_name
    path.write_text(script, encoding="utf-8")
    done = subprocess.run(["node", str(path), *arguments], cwd=peers, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"{script_name} failed:", (done.stderr.strip().splitlines() or [str(done.returncode)])[-1])
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])
