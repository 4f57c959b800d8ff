"""One diagnostic type shared by every reader, writer and the CLI.

Readers never raise on bad user input: they record a :class:`Diagnostic` and carry on with the
next entry, so one broken record never costs the user the rest of the file.  The CLI prints the
collected diagnostics as ``FILE:LINE: severity: [ENTRY] message`` (the shape compilers use, so
editors can jump to the line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Sequence

Severity = Literal["warning", "error"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in one place of one input (or in writing one item)."""

    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    entry: str | None = None

    def format(self) -> str:
        """Render as ``FILE:LINE: severity: [ENTRY] message`` (parts that are unknown are left out)."""
        where = self.file or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        entry = f"[{self.entry}] " if self.entry else ""
        return f"{where}: {self.severity}: {entry}{self.message}"

    def __str__(self) -> str:
        return self.format()


@dataclass
class Diagnostics:
    """Collects diagnostics for one input file (or one write); knows the file name once."""

    file: str | None = None
    items: list[Diagnostic] = field(default_factory=list)

    def warning(self, message: str, *, line: int | None = None, entry: str | None = None) -> None:
        self.items.append(Diagnostic("warning", message, self.file, line, entry))

    def error(self, message: str, *, line: int | None = None, entry: str | None = None) -> None:
        self.items.append(Diagnostic("error", message, self.file, line, entry))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def as_tuples(self) -> list[tuple[str, str, str | None, int | None, str | None]]:
        """The diagnostics as plain tuples, to send from a worker process cheaply (see
        :mod:`convert.parallel`); :meth:`extend_from_tuples` turns them back."""
        return [(d.severity, d.message, d.file, d.line, d.entry) for d in self.items]

    def extend_from_tuples(self, rows: Iterable[Sequence[Any]]) -> None:
        self.items.extend(Diagnostic(*row) for row in rows)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class BibconvertError(Exception):
    """Base of the errors the API raises for problems of the *call* (not of the input's content).

    Problems inside an input are diagnostics, never exceptions.  These exceptions cover what makes
    a call impossible: an unknown format name, a file that does not exist, an undetectable format.
    """

    exit_code = 1

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def to_diagnostic(self) -> Diagnostic:
        return Diagnostic("error", self.message, self.file, self.line)


class UnknownFormatError(BibconvertError):
    """The named format is not registered (a usage error: exit code 2)."""

    exit_code = 2


class FormatDetectionError(BibconvertError):
    """No reader claims the input by extension or content."""


class InputNotFoundError(BibconvertError):
    """The input path does not exist or cannot be opened."""


class UsageError(BibconvertError):
    """The call itself is contradictory (e.g. writing over an input file)."""

    exit_code = 2
