"""The learned reference tagger (a linear-chain CRF, python-crfsuite) for references in any citation
style: APA, Chicago, MLA, Harvard, IEEE, Vancouver and the rest.

``tag_reference(text)`` labels the spans of one reference string (author, date, title,
container-title, volume, pages...); :mod:`convert.tagger.spans` turns the spans into a CSL item with
the reference-list parser's normalisers.  The model ships inside the package
(``convert/tagger/model.crfsuite``) and is rebuilt with ``python -m convert.train``.
"""

from __future__ import annotations


from functools import lru_cache
from pathlib import Path
from typing import Any

from .features import sequence_features, tokens_with_spans

MODEL_PATH = Path(__file__).with_name("model.crfsuite")


def model_path() -> Path:
    """The shipped model, or the one ``BIBCONVERT_TAGGER_MODEL`` names (a model you trained yourself)."""
    import os

    chosen = os.environ.get("BIBCONVERT_TAGGER_MODEL")
    return Path(chosen) if chosen else MODEL_PATH


@lru_cache(maxsize=4)
def _tagger_for(path: Path) -> Any:
    import pycrfsuite

    from ..diagnostics import BibconvertError

    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as error:
        raise BibconvertError(f"cannot load the tagger model {path}: {error}") from error
    return tagger


def _tagger() -> Any:
    return _tagger_for(model_path())


def tag_tokens(words: list[str]) -> list[str]:
    if not words:
        return []
    return list(_tagger().tag(sequence_features(words)))


def tag_reference(text: str) -> list[tuple[str, str]]:
    """The labelled spans of one reference, in order; joined they give back ``text`` exactly
    (the whitespace before a token belongs to the span before it)."""
    tokens = tokens_with_spans(text)
    if not tokens:
        return [("other", text)] if text else []
    labels = tag_tokens([t for t, _, _ in tokens])
    spans: list[tuple[str, str]] = []
    position = 0
    for (_, start, end), label in zip(tokens, labels):
        if spans and start > position:
            previous_label, previous_text = spans[-1]
            spans[-1] = (previous_label, previous_text + text[position:start])
        elif start > position:
            spans.append(("other", text[position:start]))
        if spans and spans[-1][0] == label:
            spans[-1] = (label, spans[-1][1] + text[start:end])
        else:
            spans.append((label, text[start:end]))
        position = end
    if position < len(text):
        label, piece = spans[-1]
        spans[-1] = (label, piece + text[position:])
    return spans


def model_available() -> bool:
    return model_path().is_file()


__all__ = ["tag_reference", "tag_tokens", "model_available"]


