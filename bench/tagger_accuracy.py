"""Held-out accuracy and speed of the reference tagger.

Usage: python bench/tagger_accuracy.py --anystyle CORE.xml --grobid CORPUS_DIR

Evaluates on the fixed 10% of each corpus that ``python -m convert.train`` keeps out of training:
span-level precision/recall/F1 per label and micro (a span is right when its label and its exact
tokens match; "other" spans are not scored), the same for spans compared by their text after trimming
white space and punctuation at their ends, the share of references with any wrong token label
(sequence error), the CSL field-level F1 of the whole pipeline (the reference string through
``parse_with_tagger`` against the item the labelled spans make: family names, year, title, container,
volume, issue, page, publisher, place, editors, DOI, URL), and references per second for tagging
alone and for tagging plus conversion to CSL.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout, not an installed copy

from convert.tagger import tag_tokens  # noqa: E402
from convert.tagger.corpora import iter_training, tokens_and_labels  # noqa: E402
from convert.tagger.features import word_features  # noqa: E402
from convert.tagger.spans import parse_with_tagger, spans_to_item  # noqa: E402

FIELDS = ("author", "editor", "issued", "title", "container-title", "volume", "issue", "page", "publisher",
          "publisher-place", "DOI", "URL")


def normal(field: str, value: object) -> str:
    """Values compared as a reader would: names by family name, dates by year, text without case,
    punctuation and dash differences."""
    if value is None:
        return ""
    if field in ("author", "editor"):
        return "|".join(sorted(str(p.get("family") or p.get("literal") or "").lower()
                               for p in value if isinstance(p, dict)))  # type: ignore[union-attr]
    if field == "issued":
        parts = value.get("date-parts") if isinstance(value, dict) else None
        return str(parts[0][0]) if parts and parts[0] else ""
    text = str(value).lower().replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"[^\w-]+", " ", text).strip()


def _trimmed(labels: list[str], words: list[str]) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for label, start, end in spans_of(labels):
        out[(label, " ".join(words[start:end]).strip(" .,;:()[]\"'“”‘’"))] += 1
    return out


def spans_of(labels: list[str]) -> set[tuple[str, int, int]]:
    spans = set()
    start = 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index] != labels[start]:
            if labels[start] != "other":
                spans.add((labels[start], start, index))
            start = index
    return spans


def evaluate(name: str, held: list) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong_sequences = 0
    trimmed_right = trimmed_predicted = trimmed_gold = 0
    field_tp = field_fp = field_fn = 0
    for text, spans in held:
        words, gold = tokens_and_labels(spans)
        if not words:
            continue
        predicted = tag_tokens(words)
        if predicted != gold:
            wrong_sequences += 1
        gold_trimmed, predicted_trimmed = _trimmed(gold, words), _trimmed(predicted, words)
        trimmed_right += sum((gold_trimmed & predicted_trimmed).values())
        trimmed_gold += sum(gold_trimmed.values())
        trimmed_predicted += sum(predicted_trimmed.values())
        want = spans_to_item([(label, piece) for label, piece in spans if label != "other"], repair=False)
        got, _ = parse_with_tagger(text)
        for field in FIELDS:
            expected, found = normal(field, want.get(field)), normal(field, got.get(field))
            if expected and found == expected:
                field_tp += 1
            else:
                field_fn += bool(expected)
                field_fp += bool(found)
        gold_spans, predicted_spans = spans_of(gold), spans_of(predicted)
        for label, *_ in gold_spans & predicted_spans:
            tp[label] += 1
        for label, *_ in predicted_spans - gold_spans:
            fp[label] += 1
        for label, *_ in gold_spans - predicted_spans:
            fn[label] += 1
    print(f"== {name}: {len(held)} held-out references")
    print(f"{'label':18s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}")
    for label in sorted(set(tp) | set(fn)):
        p = tp[label] / max(1, tp[label] + fp[label])
        r = tp[label] / max(1, tp[label] + fn[label])
        f = 2 * p * r / max(1e-9, p + r)
        print(f"{label:18s} {p:6.3f} {r:6.3f} {f:6.3f} {tp[label] + fn[label]:6d}")
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p, r = TP / max(1, TP + FP), TP / max(1, TP + FN)
    print(f"{'micro':18s} {p:6.3f} {r:6.3f} {2 * p * r / max(1e-9, p + r):6.3f} {TP + FN:6d}")
    p, r = trimmed_right / max(1, trimmed_predicted), trimmed_right / max(1, trimmed_gold)
    print(f"{'trimmed text':18s} {p:6.3f} {r:6.3f} {2 * p * r / max(1e-9, p + r):6.3f} {trimmed_gold:6d}"
          "  (spans compared by text, ends trimmed)")
    print(f"sequence error: {wrong_sequences / max(1, len(held)):.1%} of references have a wrong token label")
    p, r = field_tp / max(1, field_tp + field_fp), field_tp / max(1, field_tp + field_fn)
    print(f"CSL fields (whole pipeline): P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f} "
          f"over {field_tp + field_fn} gold fields")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--anystyle", type=Path)
    parser.add_argument("--grobid", type=Path)
    args = parser.parse_args(argv)
    texts: list[str] = []
    for name, _, held in iter_training(args.anystyle, args.grobid):
        evaluate(name, held)
        texts.extend(text for text, _ in held)
    # Timed from a cold start: the evaluation above tagged these references already, and the
    # per-word feature cache would otherwise start full.  Each figure is timed three times (the
    # cache emptied before each): on a shared machine one run can be a third slower than the next,
    # so the best run and the median are both printed.
    def rate(step: Callable[[str], object]) -> tuple[float, float]:
        rates = []
        for _ in range(3):
            word_features.cache_clear()
            started = time.perf_counter()
            for text in texts:
                step(text)
            rates.append(len(texts) / (time.perf_counter() - started))
        return max(rates), statistics.median(rates)

    tagging, full = rate(lambda text: tag_tokens(text.split())), rate(parse_with_tagger)
    print(f"speed, best and median of 3 runs: tagging {tagging[0]:,.0f} and {tagging[1]:,.0f} references/s; "
          f"tagging + CSL {full[0]:,.0f} and {full[1]:,.0f} references/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
