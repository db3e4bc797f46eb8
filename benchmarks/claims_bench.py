"""Claims benchmark: the claims `tracker.extract.extract` proposes, against a hand-made set.

Runs `extract(text, report_date=..., source=None)` on each entry of the claims development set
(tests/data/claims_dev.jsonl, described in tests/data/README.md) and prints one JSON object:
overall, per language and per style,

- `recall`: share of expected claims recalled. An expected claim is recalled when a proposed
  claim with the same side lies within max(10, tol_km) km of its point (geodesic) — or, for a
  region (no point), names that region (the proposed place's name, or its admin-1 when the
  mention is a region). A proposal at one of the entry's `no_claim_places` never recalls.
- `wrong_share`: share of proposed claims that are wrong: at a no-claim place, or matching no
  expected claim of the entry by place and side.
- over recalled claims (the matching proposal with the right action, else the nearest):
  `action_accuracy` (the action or one of `actions_ok`), `claimant_accuracy` (the same
  canonical claimant, or the same kind — see `claimant_kind`), `precision_accuracy`,
  `date_accuracy`.
- `silent_on_no_claim`: share of entries that make no claim where nothing was proposed.
- `calibration`: per confidence band, the proposals and the share right (place + side + action).

`seed` tells, for the seed report as written and hard-wrapped, whether it gave exactly its
claims (all recalled with the right action and claimant, nothing wrong). With `--details`: the
wrong proposals, the missed claims and the recalled claims with a wrong label (action, claimant,
precision or date).

Usage: python benchmarks/claims_bench.py [--file tests/data/claims_dev.jsonl] [--details]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extract import ProposedClaim, extract  # noqa: E402
from tracker.gazetteer import haversine_km  # noqa: E402

DEFAULT_FILE = ROOT / "tests" / "data" / "claims_dev.jsonl"
MIN_RADIUS_KM = 10.0
BANDS = (("[0, 0.5)", 0.0, 0.5), ("[0.5, 0.8)", 0.5, 0.8), ("[0.8, 1.0]", 0.8, float("inf")))
LANGUAGES = ("en", "fr", "de", "uk", "ru")

# The kind of a claimant string: the first kind one of whose cues ("|"-separated, lower case)
# it contains.
CLAIMANT_KINDS: tuple[tuple[str, str], ...] = (
    ("think_tank", "isw|study of war|think tank|изучения войны|вивчення війни"),
    ("osint", "deepstate|deep state"),
    (
        "milblogger",
        "milblog|blogger|blogueur|war correspondent|военкор|воєнкор|мілблог|милблог|rybar|"
        "рыбарь|two majors|два майора",
    ),
    (
        "unit",
        "brigade|бригад|battalion|bataillon|батальйон|батальон|regiment|полк|corps|корпус|"
        "azov|азов|marines|ошбр|омбр|unit",
    ),
    (
        "ru_official",
        "russia|russe|russisch|росси|росій| рф|moscow|moscou|moskau|москва|kremlin|kreml|"
        "кремл|минобороны|dpr|днр|occupation|belgorod|kursk|bryansk|yug |vostok|tsentr|zapad|"
        "dnepr",
    ),
    (
        "ua_official",
        "ukrain|україн|украин|kyiv|kiev|київ|киев|general staff|генштаб|зсу|всу|сили оборони|"
        "силы обороны|defence forces|defense forces|joint forces|khortytsia|хортиц|"
        "military administration|військов|governor|regional authorit|city council|syrskyi|"
        "сирськ",
    ),
)


def claimant_kind(claimant: str) -> str:
    """The kind of who asserts a claim: "Russian MoD" -> ru_official, "Ukrainian military" ->
    ua_official, "ISW" -> think_tank ...; anything unrecognised (an outlet, "media") -> media."""
    text = f" {claimant.casefold()} "
    for kind, cues in CLAIMANT_KINDS:
        if any(cue in text for cue in cues.split("|")):
            return kind
    return "media"


def _norm(name: str | None) -> str:
    """Lower case, letters and digits only, accents dropped: "Kup'yans'k" ~ "Kupyansk"."""
    decomposed = unicodedata.normalize("NFKD", (name or "").casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _region_key(name: str | None) -> str:
    return _norm(re.sub(r"(?i)\b(oblast|region|krai|province)\b", "", name or ""))


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# ------------------------------------------------------------------ matching


def at_no_claim_place(claim: ProposedClaim, entry: dict) -> bool:
    return _norm(claim.place.name) in {_norm(n) for n in entry.get("no_claim_places", ())}


def distance_km(claim: ProposedClaim, expected: dict) -> float | None:
    """Distance to the expected point; 0 for a matching region, None when it does not match."""
    if expected["lat"] is None:
        region = _region_key(expected["place"])
        same = _region_key(claim.place.name) == region or (
            claim.mention.level == "region" and _region_key(claim.place.admin1) == region
        )
        return 0.0 if same else None
    km = haversine_km((claim.place.lat, claim.place.lon), (expected["lat"], expected["lon"]))
    return km if km <= max(MIN_RADIUS_KM, expected["tol_km"]) else None


def action_right(claim: ProposedClaim, expected: dict) -> bool:
    return str(claim.action) in (expected["action"], *expected.get("actions_ok", ()))


def claimant_right(claim: ProposedClaim, expected: dict) -> bool:
    proposed = claim.claimant or ""
    return proposed.casefold() == expected["claimant"].casefold() or (
        claimant_kind(proposed) == expected["claimant_kind"]
    )


def score_entry(entry: dict) -> tuple[list[dict], list[dict]]:
    """(expected claims with what was found for them, proposals with whether they are right)."""
    extraction = extract(
        entry["text"], report_date=date.fromisoformat(entry["report_date"]), source=None
    )
    proposals = [c for c in extraction.claims if not at_no_claim_place(c, entry)]
    tags = {"id": entry["id"], "lang": entry["lang"], "style": entry["style"]}
    expected_rows = []
    for expected in entry["claims"]:
        found = [
            (not action_right(c, expected), km, c)
            for c in proposals
            if str(c.side) == expected["side"] and (km := distance_km(c, expected)) is not None
        ]
        row = {**tags, "expected": expected, "recalled": bool(found)}
        if found:
            best = min(found, key=lambda item: item[:2])[2]
            row.update(
                claim=best,
                action=action_right(best, expected),
                claimant=claimant_right(best, expected),
                precision=int(best.precision) == expected["precision"],
                date=best.event_date.isoformat() == expected["event_date"],
            )
        expected_rows.append(row)
    proposal_rows = []
    for claim in extraction.claims:
        blocked = at_no_claim_place(claim, entry)
        matching = [
            e
            for e in entry["claims"]
            if not blocked and str(claim.side) == e["side"] and distance_km(claim, e) is not None
        ]
        proposal_rows.append(
            {
                **tags,
                "claim": claim,
                "wrong": not matching,
                "why": "no-claim place" if blocked else "nothing expected",
                "right": any(action_right(claim, e) for e in matching),
            }
        )
    return expected_rows, proposal_rows


# ------------------------------------------------------------------ summaries


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def summarize(expected: list[dict], proposals: list[dict], entries: list[dict]) -> dict:
    recalled = [r for r in expected if r["recalled"]]
    silent = [e for e in entries if not e["claims"]]
    ids_proposing = {p["id"] for p in proposals}
    calibration = {}
    for label, low, high in BANDS:
        band = [p for p in proposals if low <= p["claim"].confidence < high]
        calibration[label] = {
            "proposals": len(band),
            "right_share": _share(sum(p["right"] for p in band), len(band)),
        }
    return {
        "entries": len(entries),
        "expected": len(expected),
        "proposed": len(proposals),
        "recalled": len(recalled),
        "recall": _share(len(recalled), len(expected)),
        "wrong": sum(p["wrong"] for p in proposals),
        "wrong_share": _share(sum(p["wrong"] for p in proposals), len(proposals)),
        **{
            f"{label}_accuracy": _share(sum(r[label] for r in recalled), len(recalled))
            for label in ("action", "claimant", "precision", "date")
        },
        "silent_on_no_claim": _share(
            sum(e["id"] not in ids_proposing for e in silent), len(silent)
        ),
        "calibration": calibration,
    }


def _claim_dict(claim: ProposedClaim) -> dict:
    return {
        "place": claim.place.name,
        "admin1": claim.place.admin1,
        "mention": claim.mention.text,
        "side": str(claim.side),
        "action": str(claim.action),
        "claimant": claim.claimant,
        "precision": int(claim.precision),
        "event_date": claim.event_date.isoformat(),
        "confidence": round(claim.confidence, 3),
    }


def _expected_dict(expected: dict) -> dict:
    keys = ("place", "admin1", "side", "action", "claimant", "precision", "event_date")
    return {k: expected[k] for k in keys}


def details(expected: list[dict], proposals: list[dict]) -> dict:
    def where(row: dict) -> dict:
        return {"id": row["id"], "lang": row["lang"]}

    return {
        "wrong": [
            {**where(p), "why": p["why"], **_claim_dict(p["claim"])}
            for p in proposals
            if p["wrong"]
        ],
        "missed": [
            {**where(r), **_expected_dict(r["expected"])} for r in expected if not r["recalled"]
        ],
        "mislabelled": [
            {
                **where(r),
                "wrong": [k for k in ("action", "claimant", "precision", "date") if not r[k]],
                "expected": _expected_dict(r["expected"]),
                "proposed": _claim_dict(r["claim"]),
            }
            for r in expected
            if r["recalled"] and not all(r[k] for k in ("action", "claimant", "precision", "date"))
        ],
    }


def seed_report(entries: list[dict], expected: list[dict], proposals: list[dict]) -> list[dict]:
    out = []
    for entry in (e for e in entries if e["style"] == "seed"):
        mine = [r for r in expected if r["id"] == entry["id"]]
        theirs = [p for p in proposals if p["id"] == entry["id"]]
        exact = all(r["recalled"] and r["action"] and r["claimant"] for r in mine) and not any(
            p["wrong"] for p in theirs
        )
        out.append(
            {
                "id": entry["id"],
                "hard_wrapped": max(map(len, entry["text"].splitlines())) <= 80,
                "exact": exact,
                "recalled": f"{sum(r['recalled'] for r in mine)}/{len(mine)}",
                "proposed": len(theirs),
                "wrong": sum(p["wrong"] for p in theirs),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--details", action="store_true", help="list wrong, missed, mislabelled")
    args = parser.parse_args()

    entries = load(args.file)
    expected: list[dict] = []
    proposals: list[dict] = []
    for entry in entries:
        rows, proposed = score_entry(entry)
        expected += rows
        proposals += proposed

    def part(key: str, value: str) -> dict:
        return summarize(
            [r for r in expected if r[key] == value],
            [p for p in proposals if p[key] == value],
            [e for e in entries if e[key] == value],
        )

    by_style = {}
    for style in sorted({e["style"] for e in entries}):
        summary = part("style", style)
        by_style[style] = {k: summary[k] for k in ("expected", "proposed", "recall", "wrong_share")}
    report = {
        "file": str(args.file.relative_to(ROOT) if args.file.is_relative_to(ROOT) else args.file),
        "overall": summarize(expected, proposals, entries),
        "by_language": {lang: part("lang", lang) for lang in LANGUAGES},
        "by_style": by_style,
        "seed": seed_report(entries, expected, proposals),
    }
    if args.details:
        report["details"] = details(expected, proposals)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
