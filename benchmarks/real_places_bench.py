"""Places from real reporting: geocoding real spellings, and geoparsing real-style sentences.

Prints JSON. Two gazetteers side by side in one run: the shipped one, and a baseline (by
default the cities500 gazetteer as of git commit BASELINE_COMMIT, read with `git show`).

1. Every settlement spelling of ../shared/eval/real_names_dev.jsonl geocoded with its oblast
   hint: top-1 within the spelling's tolerance (at least 5 km), beyond 50 km (a far error).
   Twice: the ranking's first candidate, and the geocoder's answer (`choose`: none where
   homonyms of the same standing lie far apart, "refused").
2. Sentences in the real-style schema (tests/data/real_style_dev.jsonl, or --sets FILE ...):
   settlement mentions detected, placed right (within tol_km of the point or one alt), placed
   far (more than FAR_KM off, and beyond the tolerance), unresolved; precision of resolved
   mentions (a resolved mention is right when it is a settlement placed right or a region
   mention; anything else resolved, including a not-place, is wrong).

Usage: python benchmarks/real_places_bench.py [--sets FILE ...] [--baseline GAZ] [--details]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.errors import NotFoundError  # noqa: E402
from tracker.extract import clear_caches, find_mentions  # noqa: E402
from tracker.gazetteer import Gazetteer, choose, haversine_km  # noqa: E402

REAL_NAMES = ROOT.parent / "shared" / "eval" / "real_names_dev.jsonl"
DEV_SET = ROOT / "tests" / "data" / "real_style_dev.jsonl"
BASELINE_COMMIT = "b8e9d1f"  # the last gazetteer built from cities500 alone
FAR_KM = 50.0
MIN_TOLERANCE_KM = 5.0


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def points_of(expected: dict) -> list[tuple[float, float]]:
    points = [(expected["lat"], expected["lon"])] if expected.get("lat") is not None else []
    return points + [tuple(p) for p in expected.get("alts") or []]


def error_km(expected: dict, lat: float, lon: float) -> float | None:
    points = points_of(expected)
    return min(haversine_km(p, (lat, lon)) for p in points) if points else None


def judge(expected: dict, lat: float, lon: float) -> str:
    """right | far | off (wrong but within FAR_KM) | unknown (no truth to compare)."""
    distance = error_km(expected, lat, lon)
    if distance is None:
        return "unknown"
    tolerance = max(expected.get("tol_km") or MIN_TOLERANCE_KM, MIN_TOLERANCE_KM)
    if distance <= tolerance:
        return "right"
    return "far" if distance > max(FAR_KM, tolerance) else "off"


# The context a real report gives with a name: "north of Kupiansk", "Pokrovsk direction",
# "Kurakhove hromada (Pokrovsk raion)" — read as a place to be near, or a raion or hromada.
_CONTEXT_AREA = re.compile(r"([A-Z][\w'’-]+)\s+(raion|hromada)\b")
_CONTEXT_NEAR = re.compile(
    r"(?:(?:north|south|east|west)(?:east|west)?\s+of|near|nearby|outskirts\s+of|gates\s+of|"
    r"from)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)|([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:direction|axis)"
)
CONTEXT_KM = 60.0  # how far a cue's anchor may be from the place it locates


def context_hints(gazetteer: Gazetteer, context: str | None, admin1: str | None) -> dict:
    """`candidates` keyword arguments for the context of a real name (area, near)."""
    hints: dict = {}
    if not context:
        return hints
    area = _CONTEXT_AREA.search(context)
    if area:
        try:
            gazetteer.area(area.group(0))
            hints["area"] = area.group(0)
        except NotFoundError:
            pass
    near = _CONTEXT_NEAR.search(context)
    if near:
        anchor = near.group(1) or near.group(2)
        found = gazetteer.candidates(anchor, admin1=admin1, kind="settlement")
        found = found or gazetteer.candidates(anchor, kind="settlement")
        chosen, _ = choose(found)  # an anchor with far namesakes locates nothing
        if chosen:
            hints["near"], hints["within_km"] = chosen.place.point, CONTEXT_KM
    return hints


def geocode_real_names(gazetteer: Gazetteer, names: list[dict], details: bool) -> dict:
    """Top-1 of every real settlement spelling with its oblast hint, and again with the
    context the report gave (a cue's anchor, a raion or hromada)."""
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses = []
    total = 0
    for entry in names:
        if entry["kind"] != "settlement":
            continue
        total += 1
        try:
            hint = entry["admin1"] and gazetteer.region_for(entry["admin1"]).name
        except NotFoundError:
            hint = None
        runs = {"": {}}
        hints = context_hints(gazetteer, entry.get("context"), hint)
        runs["with_context"] = hints
        for label, extra in runs.items():
            found = gazetteer.candidates(entry["surface"], admin1=hint, limit=10, **extra)
            verdict = judge(entry, *found[0].place.point) if found else "none"
            tallies[label][verdict] += 1
            chosen, why = choose(found, entry["surface"])
            answer = judge(entry, *chosen.place.point) if chosen else "none"
            tallies[label + ":answer"][answer] += 1
            tallies[label + ":answer"]["refused"] += bool(found and chosen is None)
            if details and answer != "right":
                misses.append(
                    {
                        "surface": entry["surface"],
                        "admin1": entry["admin1"],
                        "context": entry.get("context"),
                        "run": label or "oblast_hint",
                        "verdict": answer,
                        "why": why,
                        "got": chosen and _describe(chosen.place),
                        "first": found and _describe(found[0].place),
                    }
                )

    def summary(counts: dict[str, int]) -> dict:
        return {
            "top1_right": round(counts["right"] / total, 3),
            "far": counts["far"],
            "off": counts["off"],
            "not_found": counts["none"],
        }

    report: dict = {"spellings": total, **summary(tallies[""])}
    report["answer"] = {**summary(tallies[":answer"]), "refused": tallies[":answer"]["refused"]}
    report["with_context"] = summary(tallies["with_context"])
    report["with_context"]["answer"] = {
        **summary(tallies["with_context:answer"]),
        "refused": tallies["with_context:answer"]["refused"],
    }
    if details:
        report["misses"] = misses  # the geocoder's answers that are not right
    return report


def _describe(place) -> str:
    return f"{place.name} ({place.admin1}) {place.lat},{place.lon}"


def _spans(text: str, mentions: list[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for mention in mentions:
        start = text.find(mention, cursor)
        if start < 0:
            start = text.find(mention)
        spans.append((start, start + len(mention)))
        cursor = start + len(mention)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_sentences(gazetteer: Gazetteer, rows: list[dict], details: bool) -> dict:
    per_lang: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    problems = []
    for row in rows:
        text, counts = row["text"], per_lang[row["lang"]]
        predicted = find_mentions(text, gazetteer=gazetteer)
        expected = row["expected"]
        spans = _spans(text, [e["mention"] for e in expected])
        optional = _spans(text, row.get("optional") or [])
        used: set[int] = set()
        for entry, span in zip(expected, spans, strict=True):
            hit = next(
                (i for i, m in enumerate(predicted) if _overlaps((m.start, m.end), span)), None
            )
            if entry["kind"] != "settlement":
                if hit is not None:
                    used.add(hit)
                    counts["resolved_right"] += predicted[hit].place is not None
                    counts["resolved"] += predicted[hit].place is not None
                continue
            counts["settlements"] += 1
            if hit is None:
                problems.append((row["id"], entry["mention"], "missed"))
                continue
            used.add(hit)
            counts["detected"] += 1
            place = predicted[hit].place
            if place is None:
                counts["unresolved"] += 1
                problems.append((row["id"], entry["mention"], "unresolved"))
                continue
            verdict = judge(entry, place.lat, place.lon)
            counts["resolved"] += 1
            counts[verdict] += 1
            counts["resolved_right"] += verdict in ("right", "unknown")
            if verdict not in ("right", "unknown"):
                got = f"{place.name} ({place.admin1}) {error_km(entry, *place.point):.0f} km"
                problems.append((row["id"], entry["mention"], f"{verdict}: {got}"))
        for i, mention in enumerate(predicted):
            if i in used or mention.place is None:
                continue
            if any(_overlaps((mention.start, mention.end), o) for o in optional):
                continue
            counts["resolved"] += 1
            problems.append((row["id"], mention.text, f"spurious: {mention.place.name}"))
    report = {lang: _summary(c) for lang, c in sorted(per_lang.items())}
    total: dict[str, int] = defaultdict(int)
    for counts in per_lang.values():
        for key, value in counts.items():
            total[key] += value
    report["all"] = _summary(total)
    if details:
        report["problems"] = problems
    return report


def _summary(c: dict[str, int]) -> dict:
    n = c["settlements"] or 1
    return {
        "settlements": c["settlements"],
        "placed_right": round(c["right"] / n, 3),
        "detected": round(c["detected"] / n, 3),
        "precision": round(c["resolved_right"] / (c["resolved"] or 1), 3),
        "far": c["far"],
        "off": c["off"],
        "unresolved": c["unresolved"],
    }


def baseline_file() -> Path:
    """The cities500 gazetteer as shipped at BASELINE_COMMIT, written to a temporary file."""
    blob = subprocess.run(
        ["git", "show", f"{BASELINE_COMMIT}:geodata/gazetteer.json.gz"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "baseline.json.gz"
    path.write_bytes(blob)
    return path


def baseline_gazetteer(path: Path | None) -> Gazetteer:
    return Gazetteer.load(path or baseline_file(), include_imported=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", type=Path, default=[DEV_SET])
    parser.add_argument("--baseline", type=Path, help="a gazetteer file to compare with")
    parser.add_argument("--details", action="store_true", help="list every miss")
    args = parser.parse_args()
    names = read_jsonl(REAL_NAMES) if REAL_NAMES.exists() else []
    gazetteers = {
        "shipped": Gazetteer.load(include_imported=False),
        "baseline_cities500": baseline_gazetteer(args.baseline),
    }
    report: dict = {}
    for label, gazetteer in gazetteers.items():
        clear_caches()
        entry: dict = {"places": len(gazetteer)}
        if names:
            entry["real_names_geocoding"] = geocode_real_names(gazetteer, names, args.details)
        for path in args.sets:
            entry[path.name] = score_sentences(gazetteer, read_jsonl(path), args.details)
        report[label] = entry
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
