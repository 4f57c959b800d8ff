"""Turning whatever the user handed us (a path, text, bytes, a file object) into text.

Real bibliography files arrive in every encoding: EndNote writes Windows-1252, old JabRef files
are Latin-1, Excel-touched CSVs carry a BOM, Windows tools write UTF-16.  We decode UTF-8 (with or
without BOM) silently and anything else with a warning that names the encoding we settled on, so
the user knows to check accented names.  Line ends are unified here so that every reader counts
lines the same way.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Union

from .diagnostics import Diagnostic, InputNotFoundError

SourceLike = Union[str, bytes, os.PathLike, IO[str], IO[bytes]]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PATHLIKE = re.compile(r"^[\w./\\~:-]{1,4096}\.[A-Za-z][A-Za-z0-9]{0,9}$")


@dataclass
class Source:
    """Decoded input: its display name, its text (``\\n`` line ends), its path and suffix if a file."""

    name: str
    text: str
    path: Path | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def suffix(self) -> str:
        if self.path is not None:
            return "".join(self.path.suffixes[-1:]).lower()
        return ""


def decode_bytes(data: bytes, name: str) -> tuple[str, list[Diagnostic]]:
    """Decode file content; UTF-8 silently, anything else with a warning naming the encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            notes = [] if encoding == "utf-8-sig" else [
                Diagnostic("warning", f"input is {encoding.upper()} (byte-order mark); decoded as such", name)]
            return text, notes
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        bad_line = data.count(b"\n", 0, exc.start) + 1
    if _looks_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(encoding, errors="replace"), [
            Diagnostic("warning", f"input is not UTF-8; decoded as {encoding.upper()}", name)]
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "Latin-1"
    return text, [Diagnostic("warning", f"input is not UTF-8 (first invalid byte on line {bad_line}); "
                                        f"decoded as {encoding}: check accented characters", name, bad_line)]


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.05 * half


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def load_source(source: SourceLike, name: str | None = None) -> Source:
    """Read a path, text, bytes or a file object into a :class:`Source`.

    A ``str`` is a path when it names an existing file, or when it is a single line shaped like a
    file name (``refs.bib``): then a missing file is reported as such instead of being parsed as a
    one-line reference.  Any other ``str`` is the content itself.
    """
    if isinstance(source, os.PathLike):
        return _load_path(Path(source), name)
    if isinstance(source, bytes):
        text, notes = decode_bytes(source, name or "<bytes>")
        return Source(name or "<bytes>", normalise_newlines(text), None, notes)
    if isinstance(source, str):
        if "\n" not in source and len(source) < 4096:
            candidate = Path(source)
            try:
                if candidate.is_file():
                    return _load_path(candidate, name)
            except (OSError, ValueError):
                pass
            if _PATHLIKE.match(source.strip()) and " " not in source:
                raise InputNotFoundError(f"no such file: {source}", file=source)
        return Source(name or "<text>", normalise_newlines(source.lstrip("\ufeff")), None, [])
    read = getattr(source, "read", None)
    if read is None:
        raise TypeError(f"cannot read a {type(source).__name__}; pass a path, text, bytes or a file object")
    data = read()
    label = name or getattr(source, "name", None) or "<stream>"
    if isinstance(data, bytes):
        text, notes = decode_bytes(data, str(label))
    else:
        text, notes = data.lstrip("\ufeff"), []
    return Source(str(label), normalise_newlines(text), None, notes)


def _load_path(path: Path, name: str | None) -> Source:
    label = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputNotFoundError(f"no such file: {path}", file=label) from None
    except IsADirectoryError:
        raise InputNotFoundError(f"is a directory, not a file: {path}", file=label) from None
    except OSError as exc:
        raise InputNotFoundError(f"cannot read {path}: {exc.strerror or exc}", file=label) from None
    text, notes = decode_bytes(data, label)
    return Source(label, normalise_newlines(text), path, notes)
