"""Scoring for geoparsing evaluation sets, shared by benchmarks/geoparse_bench.py and the
tests (tests/test_geoparse_eval.py), which each name the sets they score.

A set is JSON lines: `text`, `lang`, `expected` (the place mentions in the order they appear,
each with `mention`, `geonameid`, `lat`, `lon`, ...), optional `optional` (strings that may be
found or not without penalty) and `note`. Rules (as in the dev set's README):

- expected mentions are located in the text in order, which gives their spans;
- an expected mention is *found* when a predicted mention overlaps its span;
- a found mention is *right* when it resolves to the expected geonameid, or within 5 km of it;
- a predicted mention overlapping an expected span is a true positive; one overlapping only an
  `optional` string is neither true nor false positive; any other is a false positive.

Extension for sets written for this project: an expected mention with `geonameid: null` is a
place the gazetteer does not have (while a far-away homonym exists). It must be found and left
unresolved; resolving it to anything is wrong (and is counted in `wrongly_resolved`).

Predictions are plain `Predicted` records so that any tool (ours or a peer) can be scored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker.gazetteer import haversine_km

LANGS = ("en", "fr", "de", "uk", "ru")
# The sets carry no report date; extraction needs one (it dates claims, not places).
DEFAULT_REPORT_DATE = date(2025, 12, 3)
RIGHT_KM = 5.0
NEAR_KM = 161.0


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted mention: span into the text and the place it resolved to (or None)."""

    start: int
    end: int
    text: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    name: str | None = None

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class MentionResult:
    expected: dict
    span: tuple[int, int]
    predicted: Predicted | None = None  # the overlapping prediction that best covers the span
    error_km: float | None = None  # None when not found, unresolved, or nothing to compare to

    @property
    def found(self) -> bool:
        return self.predicted is not None

    @property
    def resolvable(self) -> bool:
        return self.expected.get("geonameid") is not None

    @property
    def exact(self) -> bool:
        """Resolved to the expected geonameid (or, for an unresolvable place, left unresolved)."""
        if self.predicted is None:
            return False
        if not self.resolvable:
            return not self.predicted.resolved
        return self.predicted.geonameid == self.expected["geonameid"]

    def within(self, km: float) -> bool:
        if self.exact:
            return True
        return self.error_km is not None and self.error_km <= km

    @property
    def right(self) -> bool:
        return self.within(RIGHT_KM)


@dataclass(slots=True)
class RowResult:
    row: dict
    mentions: list[MentionResult]
    true_positives: list[Predicted] = field(default_factory=list)
    false_positives: list[Predicted] = field(default_factory=list)
    ignored: list[Predicted] = field(default_factory=list)  # overlapping an optional string

    @property
    def lang(self) -> str:
        return self.row["lang"]


def load_set(path: Path | str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                row = json.loads(line)
                row.setdefault("id", number - 1)
                rows.append(row)
    return rows


def expected_spans(row: dict) -> list[tuple[int, int]]:
    """Spans of the expected mentions, located in order (each search starts after the last)."""
    text, cursor, spans = row["text"], 0, []
    for item in row["expected"]:
        start = text.find(item["mention"], cursor)
        if start < 0:
            raise ValueError(f"row {row.get('id')}: {item['mention']!r} not found in order")
        end = start + len(item["mention"])
        spans.append((start, end))
        cursor = end
    return spans


def optional_spans(row: dict) -> list[tuple[int, int]]:
    """Every occurrence of every optional string."""
    text, spans = row["text"], []
    for string in row.get("optional") or ():
        start = text.find(string)
        while start >= 0:
            spans.append((start, start + len(string)))
            start = text.find(string, start + 1)
    return spans


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_row(row: dict, predicted: Sequence[Predicted]) -> RowResult:
    spans = expected_spans(row)
    optional = optional_spans(row)
    mentions = []
    for item, span in zip(row["expected"], spans, strict=True):
        best = max(
            (p for p in predicted if overlap(span, (p.start, p.end)) > 0),
            key=lambda p: (overlap(span, (p.start, p.end)), -p.start),
            default=None,
        )
        error = None
        if best is not None and best.resolved and item.get("lat") is not None:
            error = haversine_km((item["lat"], item["lon"]), (best.lat, best.lon))
        mentions.append(MentionResult(item, span, best, error))
    result = RowResult(row, mentions)
    for p in predicted:
        span = (p.start, p.end)
        if any(overlap(span, s) > 0 for s in spans):
            result.true_positives.append(p)
        elif any(overlap(span, s) > 0 for s in optional):
            result.ignored.append(p)
        else:
            result.false_positives.append(p)
    return result


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def summarize(results: Iterable[RowResult]) -> dict:
    """Metrics for a group of rows (one language or all)."""
    results = list(results)
    mentions = [m for r in results for m in r.mentions]
    found = [m for m in mentions if m.found]
    tp = sum(len(r.true_positives) for r in results)
    fp = sum(len(r.false_positives) for r in results)
    errors = [m.error_km for m in found if m.error_km is not None]
    return {
        "sentences": len(results),
        "expected": len(mentions),
        "found": len(found),
        "recall": _ratio(len(found), len(mentions)),
        "predicted": tp + fp + sum(len(r.ignored) for r in results),
        "true_positives": tp,
        "false_positives": fp,
        "precision": _ratio(tp, tp + fp) if tp + fp else 1.0,
        "exact_place_accuracy": _ratio(sum(m.exact for m in found), len(found)),
        "within_5km": _ratio(sum(m.within(RIGHT_KM) for m in found), len(found)),
        "within_161km": _ratio(sum(m.within(NEAR_KM) for m in found), len(found)),
        "unresolved": sum(1 for m in found if m.resolvable and not m.predicted.resolved),
        "wrongly_resolved": sum(1 for m in found if not m.resolvable and m.predicted.resolved),
        "max_error_km": round(max(errors), 1) if errors else None,
    }


def summarize_by_language(results: Sequence[RowResult]) -> dict:
    report = {}
    for lang in LANGS:
        group = [r for r in results if r.lang == lang]
        if group:
            report[lang] = summarize(group)
    others = sorted({r.lang for r in results} - set(LANGS))
    for lang in others:
        report[lang] = summarize(r for r in results if r.lang == lang)
    report["overall"] = summarize(results)
    return report


def _describe(p: Predicted | None) -> dict | None:
    if p is None:
        return None
    return {
        "text": p.text,
        "span": [p.start, p.end],
        "geonameid": p.geonameid,
        "name": p.name,
        "lat": p.lat,
        "lon": p.lon,
    }


def failures(results: Sequence[RowResult]) -> list[dict]:
    """Every miss, wrong place and false positive, with the sentence, expected and got."""
    out = []
    for r in results:
        for m in r.mentions:
            if m.found and m.right:
                continue
            problem = "missed" if not m.found else "wrong place"
            if m.found and not m.predicted.resolved and m.resolvable:
                problem = "unresolved"
            out.append(
                {
                    "id": r.row.get("id"),
                    "lang": r.lang,
                    "problem": problem,
                    "text": r.row["text"],
                    "expected": {
                        "mention": m.expected["mention"],
                        "geonameid": m.expected.get("geonameid"),
                        "name": m.expected.get("name"),
                        "admin1code": m.expected.get("admin1code"),
                    },
                    "got": _describe(m.predicted),
                    "error_km": round(m.error_km, 1) if m.error_km is not None else None,
                }
            )
        for p in r.false_positives:
            out.append(
                {
                    "id": r.row.get("id"),
                    "lang": r.lang,
                    "problem": "false positive",
                    "text": r.row["text"],
                    "expected": None,
                    "got": _describe(p),
                }
            )
    return out


def predicted_from_extraction(extraction) -> list[Predicted]:
    """Adapt a `tracker.extract` Extraction (or anything with `.mentions` alike) for scoring."""
    out = []
    for m in extraction.mentions:
        place = m.place
        out.append(
            Predicted(
                start=m.start,
                end=m.end,
                text=m.text,
                geonameid=getattr(place, "geonameid", None) if place is not None else None,
                lat=place.lat if place is not None else None,
                lon=place.lon if place is not None else None,
                name=place.name if place is not None else None,
            )
        )
    return out


def score_set(rows: Sequence[dict], predict) -> list[RowResult]:
    """Run `predict(row) -> list[Predicted]` over the rows and score each."""
    return [score_row(row, predict(row)) for row in rows]


def extract_predictor(extract, report_date: date = DEFAULT_REPORT_DATE):
    """`predict(row)` for `tracker.extract.extract`, also checking every span slices its text."""

    def predict(row: dict) -> list[Predicted]:
        extraction = extract(row["text"], report_date=report_date)
        predicted = predicted_from_extraction(extraction)
        for p in predicted:
            if row["text"][p.start : p.end] != p.text:
                raise AssertionError(f"row {row.get('id')}: span {p} does not slice its text")
        return predicted

    return predict
