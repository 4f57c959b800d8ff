"""Readers and writers, found by name, alias, file extension or a cheap look at the content.

A format module marks its functions with :func:`reader` / :func:`writer`; the decorators only
attach a spec to the function and register nothing globally, so a :class:`Registry` can be built
fresh in tests.  Built-in formats are listed here by module name (they work from a plain checkout,
without installed package metadata); third-party formats come from the entry-point groups
``bibconvert.readers`` and ``bibconvert.writers`` and are imported only when first needed.

Detection order for input: explicit format, then file extension (content sniffing breaks ties
when several readers claim one extension, e.g. ``.txt``), then sniffing every reader, then an error
that lists the formats.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, Callable, Iterable, Protocol

from .csl import Item
from .diagnostics import Diagnostics, FormatDetectionError, UnknownFormatError
from .sources import Source

BUILTIN_MODULES: tuple[str, ...] = (
    "convert.readers.csljson",
    "convert.writers.csljson",
    "convert.readers.text",
    "convert.readers.bibtex",
    "convert.readers.ris",
    "convert.readers.html",
    "convert.writers.bibtex",
    "convert.writers.ris",
    "convert.writers.styled",
)
ENTRY_POINT_GROUPS = {"reader": "bibconvert.readers", "writer": "bibconvert.writers"}


@dataclass
class ReadContext:
    """What a reader gets besides the text: where to report, and the caller's options."""

    diagnostics: Diagnostics
    options: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[int], None] | None = None
    # File-level data that is not an item (BibTeX @preamble, @comment); passed on to writers that want it.
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class WriteContext:
    """What a writer gets besides the items: where to report what it could not write, options."""

    diagnostics: Diagnostics
    options: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[int], None] | None = None
    extras: dict[str, Any] = field(default_factory=dict)


class ReadFunction(Protocol):
    def __call__(self, text: str, context: ReadContext) -> list[Item]: ...


class WriteFunction(Protocol):
    def __call__(self, items: list[Item], context: WriteContext) -> str: ...


@dataclass(frozen=True)
class FormatSpec:
    """One direction of one format."""

    name: str
    direction: str  # "reader" | "writer"
    function: Callable[..., Any]
    extensions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    description: str = ""
    sniff: Callable[[str], bool] | None = None
    options: tuple[str, ...] = ()
    # Lower runs earlier when sniffing; the catch-all text reader goes last.
    priority: int = 50


def reader(name: str, *, extensions: Iterable[str] = (), aliases: Iterable[str] = (), description: str = "",
           sniff: Callable[[str], bool] | None = None, options: Iterable[str] = (),
           priority: int = 50) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function ``(text, ReadContext) -> list[item]`` as the reader of format ``name``."""

    def mark(function: Callable[..., Any]) -> Callable[..., Any]:
        function.reader_spec = FormatSpec(name, "reader", function, tuple(extensions), tuple(aliases),  # type: ignore[attr-defined]
                                          description, sniff, tuple(options), priority)
        return function

    return mark


def writer(name: str, *, extensions: Iterable[str] = (), aliases: Iterable[str] = (), description: str = "",
           options: Iterable[str] = ()) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function ``(items, WriteContext) -> str`` as the writer of format ``name``."""

    def mark(function: Callable[..., Any]) -> Callable[..., Any]:
        function.writer_spec = FormatSpec(name, "writer", function, tuple(extensions), tuple(aliases),  # type: ignore[attr-defined]
                                          description, None, tuple(options))
        return function

    return mark


class Registry:
    """The formats known to one process (or one test)."""

    def __init__(self, modules: Iterable[str] = BUILTIN_MODULES, use_entry_points: bool = True) -> None:
        self._modules = tuple(modules)
        self._use_entry_points = use_entry_points
        self._specs: dict[str, dict[str, FormatSpec]] = {"reader": {}, "writer": {}}
        self._aliases: dict[str, dict[str, str]] = {"reader": {}, "writer": {}}
        self._loaded = False
        self._entry_points: dict[str, dict[str, metadata.EntryPoint]] | None = None

    # -- registration -------------------------------------------------------------------------
    def add(self, spec: FormatSpec) -> None:
        self._specs[spec.direction][spec.name] = spec
        for alias in (spec.name, *spec.aliases):
            self._aliases[spec.direction][alias.lower()] = spec.name

    def add_module(self, module: Any) -> None:
        for value in vars(module).values():
            for attribute in ("reader_spec", "writer_spec"):
                spec = getattr(value, attribute, None)
                if isinstance(spec, FormatSpec):
                    self.add(spec)

    def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for name in self._modules:
            self.add_module(importlib.import_module(name))

    def _plugin_entry_points(self) -> dict[str, dict[str, metadata.EntryPoint]]:
        if self._entry_points is None:
            found: dict[str, dict[str, metadata.EntryPoint]] = {"reader": {}, "writer": {}}
            if self._use_entry_points:
                for direction, group in ENTRY_POINT_GROUPS.items():
                    try:
                        for ep in metadata.entry_points(group=group):
                            found[direction][ep.name.lower()] = ep
                    except Exception:  # broken metadata of some other package must not break us
                        continue
            self._entry_points = found
        return self._entry_points

    def _load_plugin(self, direction: str, name: str) -> FormatSpec | None:
        ep = self._plugin_entry_points()[direction].get(name.lower())
        if ep is None:
            return None
        loaded = ep.load()
        spec = loaded if isinstance(loaded, FormatSpec) else getattr(loaded, f"{direction}_spec", None)
        if not isinstance(spec, FormatSpec):
            return None
        self.add(spec)
        return spec

    def _load_all_plugins(self) -> None:
        for direction, eps in self._plugin_entry_points().items():
            for name in eps:
                if name not in self._aliases[direction]:
                    try:
                        self._load_plugin(direction, name)
                    except Exception:
                        continue

    # -- lookup -------------------------------------------------------------------------------
    def get(self, direction: str, name: str) -> FormatSpec:
        self._ensure_loaded()
        canonical = self._aliases[direction].get(name.lower())
        if canonical is not None:
            return self._specs[direction][canonical]
        spec = self._load_plugin(direction, name)
        if spec is not None:
            return spec
        kind = "input" if direction == "reader" else "output"
        known = ", ".join(sorted(self.names(direction)))
        raise UnknownFormatError(f"unknown {kind} format '{name}'; known {kind} formats: {known}")

    def names(self, direction: str) -> list[str]:
        self._ensure_loaded()
        return list(self._specs[direction]) + [n for n in self._plugin_entry_points()[direction]
                                               if n not in self._aliases[direction]]

    def all(self, direction: str) -> list[FormatSpec]:
        self._ensure_loaded()
        self._load_all_plugins()
        return sorted(self._specs[direction].values(), key=lambda s: (s.priority, s.name))

    def detect_reader(self, source: Source, explicit: str | None = None) -> FormatSpec:
        """Pick the reader for ``source``: explicit name, extension, then content."""
        if explicit:
            return self.get("reader", explicit)
        readers = self.all("reader")
        suffix = source.suffix
        if suffix:
            claimed = [r for r in readers if suffix in r.extensions]
            if len(claimed) == 1:
                return claimed[0]
            for spec in claimed:
                if spec.sniff is not None and _safe_sniff(spec, source.text):
                    return spec
            if claimed:
                return claimed[-1]
        for spec in readers:
            if spec.sniff is not None and _safe_sniff(spec, source.text):
                return spec
        known = ", ".join(s.name for s in readers)
        raise FormatDetectionError(f"cannot tell the input format (extension '{suffix or 'none'}', content not "
                                   f"recognised); name it with --from, one of: {known}", file=source.name)

    def writer_for_path(self, path: str) -> FormatSpec | None:
        """The writer whose extension ends ``path`` (``out.bib`` -> bibtex), if exactly one does."""
        lowered = path.lower()
        matches = [s for s in self.all("writer") if any(lowered.endswith(ext) for ext in s.extensions)]
        if not matches:
            return None
        longest = max(len(ext) for s in matches for ext in s.extensions if lowered.endswith(ext))
        best = [s for s in matches if any(lowered.endswith(e) and len(e) == longest for e in s.extensions)]
        return best[0] if len(best) >= 1 else None


def _safe_sniff(spec: FormatSpec, text: str) -> bool:
    try:
        return bool(spec.sniff and spec.sniff(text[:65536]))
    except Exception:
        return False


_default: Registry | None = None


def default_registry() -> Registry:
    """The process-wide registry of built-in and installed formats (created on first use)."""
    global _default
    if _default is None:
        _default = Registry()
    return _default
