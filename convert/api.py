"""The Python API: ``read``, ``write``, ``convert``.

Everything the CLI does goes through these functions, so a script gets exactly the CLI's
behaviour: problems in the input come back as diagnostics next to the items that could be read;
only a call that cannot be carried out at all (unknown format, missing file) raises.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .csl import Item, make_ids_unique
from .diagnostics import BibconvertError, Diagnostic, Diagnostics, UnknownFormatError
from .registry import ReadContext, Registry, WriteContext, default_registry
from .sources import SourceLike, load_source


@dataclass
class ReadResult:
    """Items read from one or more inputs, plus everything worth telling the user about them."""

    items: list[Item] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    # File-level data that is not an item (BibTeX ``bibtex-preamble``/``bibtex-comments`` lists).
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error (warnings do not count)."""
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def format(self) -> str | None:
        return self.formats[0] if self.formats else None


@dataclass
class ConvertResult:
    text: str
    items: list[Item]
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def read(source: SourceLike, format: str | None = None, *, name: str | None = None,
         registry: Registry | None = None, progress: Callable[[int], None] | None = None,
         debug: bool = False, **options: Any) -> ReadResult:
    """Read one input into CSL-JSON items.

    ``source`` is a path (``str`` or ``os.PathLike``), the text itself, ``bytes``, or a file
    object.  ``format`` names the reader (``bibtex``, ``ris``, ``csljson``, ``text``, ``html``...);
    without it the format is detected from the extension, then the content.  Reader options
    (e.g. ``parser="cs1"`` for reference lists) are passed through.

    Raises :class:`convert.BibconvertError` subclasses only for a call that cannot be done
    (unknown format, missing file, undetectable format); problems *in* the input are diagnostics.
    """
    registry = registry or default_registry()
    loaded = load_source(source, name)
    spec = registry.detect_reader(loaded, format)
    report = Diagnostics(loaded.name)
    report.extend(loaded.diagnostics)
    context = ReadContext(report, dict(options), progress)
    try:
        items = spec.function(loaded.text, context)
    except RecursionError:
        report.error("input is nested too deeply to read")
        items = []
    except Exception as exc:  # a reader bug must not cost the user a traceback
        if debug:
            raise
        report.error(f"internal error in the {spec.name} reader ({type(exc).__name__}: {exc}); "
                     "rerun with --debug and report it")
        items = []
    return ReadResult(items, list(report), [spec.name], context.extras)


def read_many(sources: Iterable[SourceLike], format: str | None = None, *, names: Iterable[str | None] = (),
              registry: Registry | None = None, progress: Callable[[int], None] | None = None,
              debug: bool = False, **options: Any) -> ReadResult:
    """Read several inputs in order and merge them; ids are made unique across all of them.

    An input that is missing or whose format cannot be told is reported as an error diagnostic and
    the others are still read (one bad path in a batch must not cost the rest).  An unknown
    ``format`` name still raises: it is a mistake in the call, not in an input.
    """
    merged = ReadResult()
    labels = list(names)
    for index, source in enumerate(sources):
        name = labels[index] if index < len(labels) else None
        try:
            result = read(source, format, name=name, registry=registry, debug=debug, **options)
        except UnknownFormatError:
            raise
        except BibconvertError as exc:
            merged.diagnostics.append(exc.to_diagnostic())
        else:
            merged.items.extend(result.items)
            merged.diagnostics.extend(result.diagnostics)
            merged.formats.extend(result.formats)
            for key, value in result.extras.items():
                merged.extras.setdefault(key, []).extend(value)
        if progress:
            progress(1)
    for item, old in make_ids_unique(merged.items):
        merged.diagnostics.append(Diagnostic("warning", f"id '{old}' occurs in more than one input; "
                                                        f"renamed to '{item['id']}'", entry=str(item["id"])))
    return merged


def write(items: list[Item], format: str, *, diagnostics: list[Diagnostic] | None = None,
          registry: Registry | None = None, progress: Callable[[int], None] | None = None,
          debug: bool = False, extras: dict[str, Any] | None = None, **options: Any) -> str:
    """Write CSL-JSON items in ``format`` and return the text.

    What the format cannot hold is reported (never silently dropped) into ``diagnostics`` when a
    list is given.  Options a writer does not know are reported too: ``style=`` means nothing to
    BibTeX, and a silent no-op hides the user's mistake.  ``extras`` is a :class:`ReadResult`'s
    file-level data (a BibTeX preamble); writers that can hold it write it back.
    """
    registry = registry or default_registry()
    spec = registry.get("writer", format)
    report = Diagnostics(None)
    accepted = {k: v for k, v in options.items() if k in spec.options}
    for key, value in options.items():
        if key not in spec.options and value not in (None, False):
            # another writer's option is a command-line flag too; name it the way the user typed it
            known = any(key in other.options for other in registry.all("writer"))
            flag = f" (--{key.replace('_', '-')})" if known else ""
            report.warning(f"option '{key}'{flag} has no effect on {spec.name} output")
    context = WriteContext(report, accepted, progress, dict(extras or {}))
    try:
        text = spec.function(list(items), context)
    except BibconvertError:
        raise  # a problem of the call (unknown style, unknown locale): its own message
    except Exception as exc:
        if debug:
            raise
        raise BibconvertError(f"internal error in the {spec.name} writer ({type(exc).__name__}: {exc}); "
                              "rerun with --debug and report it") from exc
    if diagnostics is not None:
        diagnostics.extend(report)
    return text


def convert(source: SourceLike | Iterable[SourceLike], to: str, *, from_format: str | None = None,
            registry: Registry | None = None, **options: Any) -> ConvertResult:
    """Read ``source`` (or several sources, merged in order) and write it as ``to``.

    Reader options and writer options share ``options``; each side takes the ones it knows.
    """
    registry = registry or default_registry()
    sources = _as_source_list(source)
    writer_spec = registry.get("writer", to)
    read_options = {k: v for k, v in options.items() if k not in writer_spec.options}
    write_options = {k: v for k, v in options.items() if k in writer_spec.options}
    result = read_many(sources, from_format, registry=registry, **read_options)
    diagnostics = list(result.diagnostics)
    text = write(result.items, to, diagnostics=diagnostics, registry=registry, extras=result.extras,
                 **write_options)
    return ConvertResult(text, result.items, diagnostics)


def _as_source_list(source: Any) -> list[SourceLike]:
    if isinstance(source, (str, bytes, os.PathLike)) or hasattr(source, "read"):
        return [source]
    return list(source)
