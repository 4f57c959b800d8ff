"""Run a reader's per-chunk work on several cores when the input is large enough to pay for it.

Python runs one thread at a time, so a 20,000-entry BibTeX file uses one core of two unless the
work is split across processes.  Only ``fork`` is used (Linux): workers start in milliseconds and
inherit the loaded modules.  Where ``fork`` is unavailable, inside a daemon process, with
``BIBCONVERT_WORKERS=1``, or for small inputs, everything runs in this process, with the same
results: the chunks are processed in order and their outputs concatenated.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import Any, Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def worker_count() -> int:
    """Cores to use: ``BIBCONVERT_WORKERS`` if set, else every core, at most 4."""
    configured = os.environ.get("BIBCONVERT_WORKERS", "").strip()
    if configured.isdigit():
        return max(1, int(configured))
    return max(1, min(4, os.cpu_count() or 1))


def _can_fork() -> bool:
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return not multiprocessing.current_process().daemon


class ChunkRunner:
    """Maps a function over chunks, in worker processes when available, preserving order."""

    def __init__(self, executor: ProcessPoolExecutor | None) -> None:
        self.executor = executor
        self._mapped = False

    @property
    def parallel(self) -> bool:
        return self.executor is not None

    def map(self, function: Callable[[T], R], chunks: Sequence[T], **shared: Any) -> list[R]:
        """``[function(chunk) for chunk in chunks]``.  A worker's result made only of dicts, lists,
        tuples, strings and numbers travels back in :mod:`marshal` form, which this process
        rebuilds in two thirds of the time pickle takes (and the worker writes it in a third);
        with two cores that is a tenth of a large file's reading time.  Other results are pickled.

        Large inputs (a file's text, items to write) are not sent to the workers: ``shared``
        values are put in :data:`SHARED` before the workers fork (they start at the first map of
        a runner, so only that map may share), and ``function`` reads them there."""
        if shared and self._mapped and self.executor is not None:
            raise RuntimeError("shared values reach the workers only through a runner's first map")
        self._mapped = True
        saved = dict(SHARED)
        SHARED.update(shared)
        try:
            if self.executor is None or len(chunks) < 2:
                return [function(chunk) for chunk in chunks]
            return [marshal.loads(packed) if plain else packed
                    for plain, packed in self.executor.map(partial(_packed, function), chunks)]
        finally:
            SHARED.clear()
            SHARED.update(saved)

    def map_ranges(self, function: Callable[[tuple[int, int]], R], count: int, **shared: Any) -> list[R]:
        """``function`` over (start, end) slices of ``range(count)``, two per core, with ``shared``
        as in :meth:`map`."""
        parts = worker_count() * 2 if self.parallel else 1
        return self.map(function, slice_bounds(count, parts), **shared)


# What map hands to the workers; filled only while it runs.
SHARED: dict[str, Any] = {}


def slice_bounds(count: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous (start, end) ranges of nearly equal length covering ``range(count)``."""
    bounds = []
    start = 0
    for part in split_evenly(range(count), parts):
        bounds.append((start, start + len(part)))
        start += len(part)
    return bounds


def text_spans(text: str, parts: int, boundary: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """Cut a file's text into about ``parts`` pieces, each starting where ``boundary`` matches (a
    record or entry start): (start, end, first line) of each, lines counted from 0.  Readers run
    on the pieces in workers that read the text from :data:`SHARED`."""
    spans: list[tuple[int, int, int]] = []
    start = 0
    line = 0
    for index in range(1, parts):
        m = boundary.search(text, max(start, len(text) * index // parts))
        if m is None:
            break
        cut = m.end()
        spans.append((start, cut, line))
        line += text.count("\n", start, cut)
        start = cut
    spans.append((start, len(text), line))
    return spans


def _packed(function: Callable[[T], R], chunk: T) -> tuple[bool, Any]:
    """Runs in the worker: the result as marshal bytes when it is plain data, else as it is."""
    result = function(chunk)
    try:
        return True, marshal.dumps(result)  # type: ignore[arg-type]
    except ValueError:  # an object marshal cannot write: the executor pickles it
        return False, result


@contextmanager
def chunk_runner(work_size: int, threshold: int) -> Iterator[ChunkRunner]:
    """A runner with worker processes when ``work_size >= threshold`` and several cores exist."""
    workers = worker_count()
    if work_size < threshold or workers < 2 or not _can_fork():
        yield ChunkRunner(None)
        return
    try:
        executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    except (OSError, ValueError):
        yield ChunkRunner(None)
        return
    try:
        yield ChunkRunner(executor)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def split_evenly(items: Sequence[Any], parts: int) -> list[Sequence[Any]]:
    """``parts`` contiguous slices of nearly equal length (fewer if there are fewer items)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    slices = []
    start = 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        slices.append(items[start:end])
        start = end
    return slices
