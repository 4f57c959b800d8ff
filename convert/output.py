"""Writing results to disk without ever leaving a half-written file or clobbering an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from .diagnostics import UsageError


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_not_an_input(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse to write over an input: a conversion must never destroy its source."""
    for source in inputs:
        if same_file(output, source) or output.resolve() == source.resolve():
            raise UsageError(f"refusing to overwrite the input file {source}; choose another -o", file=str(output))


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    A crash or an error mid-write leaves the old file (or no file), never a truncated one.
    """
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(temp_name, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
