"""Build the demo database from the sample reports through the real extraction pipeline.

    python -m tracker.demo.build sqlite:///demo.db

Each report is extracted (with the claims already in the store as the front), recorded with
`add_report`, and its proposed claims added with `add_claim`, report and claims in one
transaction. Idempotent: a report already in the store (same text) is skipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.demo.reports import REPORTS, SampleReport
from tracker.extract import extract
from tracker.extract.front import front_points
from tracker.store import Store

DEMO_USER = "demo"


def proposed_claim_fields(proposed, report, *, source_url: str | None = None) -> dict:
    """The fields `Store.add_claim` takes for one proposed claim of a recorded report."""
    return {
        "event_date": proposed.event_date,
        "reported_at": report.published,
        "place_id": proposed.place.id,
        "name": proposed.place.name,
        "lat": proposed.place.lat,
        "lon": proposed.place.lon,
        "precision": int(proposed.precision),
        "side": str(proposed.side),
        "action": str(proposed.action),
        "claimant": proposed.claimant,
        "status": proposed.status,
        "source_name": proposed.source_name or report.source_name,
        "source_url": source_url if source_url is not None else report.source_url,
        "quote": proposed.quote,
        "report_id": report.id,
    }


def ingest(store: Store, sample: SampleReport, gazetteer) -> tuple[int, bool]:
    """Extract and record one report; returns (claims added, report was new)."""
    result = extract(
        sample.text,
        report_date=sample.published,
        source=sample.source_name,
        gazetteer=gazetteer,
        front=front_points(store, sample.published) or None,
    )
    with store.transaction():
        report, created = store.add_report(
            sample.text,
            published=sample.published,
            source_name=sample.source_name,
            source_url=sample.source_url,
            language=sample.language,
            by=DEMO_USER,
        )
        if not created:
            return 0, False
        for proposed in result.claims:
            store.add_claim(proposed_claim_fields(proposed, report), by=DEMO_USER)
    return len(result.claims), True


# The demo's control baseline: Crimea (UA.11) and Sevastopol (UA.20) from the shipped
# regions file, held by Russia since 2014, as a *local* layer: it says nothing about the rest
# of the country, which stays unknown where no claim speaks (the demo has no current
# whole-country baseline offline; `tracker baseline fetch deepstate` brings one).
BASELINE_CODES = ("UA.11", "UA.20")
BASELINE_DATE = "2022-02-23"
BASELINE_SOURCE = (
    "demo: Crimea and Sevastopol, held by Russia since 2014 (geodata/regions.geojson); "
    "a local layer, not the front"
)
# What demo databases built before baselines had a coverage called their layer (migration 4
# reads it as the local layer it always was).
OLD_BASELINE_SOURCE = (
    "demo: Crimea (UA.11) and Sevastopol (UA.20) from geodata/regions.geojson, "
    "occupied before 2022 (not the current front)"
)


def baseline_geometry() -> dict:
    """The union of the shipped Crimea and Sevastopol region polygons, as GeoJSON."""
    import json

    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    from tracker import data_files

    regions = json.loads(data_files.geodata("regions.geojson").read_text(encoding="utf-8"))
    parts = [
        shape(f["geometry"])
        for f in regions["features"]
        if f["properties"].get("code") in BASELINE_CODES
    ]
    if len(parts) != len(BASELINE_CODES):
        raise ValueError(f"regions.geojson lacks one of {BASELINE_CODES}")
    return mapping(unary_union(parts))


def add_demo_baseline(store: Store) -> bool:
    """Record the demo baseline unless the store already has one; True when added."""
    import json

    if any(b.source == BASELINE_SOURCE for b in store.baselines()):
        return False
    if any(b.source == OLD_BASELINE_SOURCE for b in store.baselines()):
        return False
    store.add_baseline(
        BASELINE_DATE,
        "RU",
        json.dumps(baseline_geometry()),
        BASELINE_SOURCE,
        DEMO_USER,
        coverage="extent",
    )
    return True


def build(url: str, *, gazetteer=None, baseline: bool = True) -> dict:
    """Ingest every sample report into the store at `url` (and, with `baseline`, record the
    demo baseline layer); returns counts."""
    from tracker.cli.store_options import gazetteer_with

    reports = claims = 0
    with Store(url) as store:
        gazetteer = gazetteer or gazetteer_with(store)
        for sample in REPORTS:
            added, created = ingest(store, sample, gazetteer)
            reports += created
            claims += added
        total = store.count_claims()
        baseline_added = add_demo_baseline(store) if baseline else False
    return {
        "reports_added": reports,
        "claims_added": claims,
        "claims_in_store": total,
        "baseline_added": baseline_added,
    }


def build_file(path: Path) -> dict:
    """`build` into the SQLite file at `path` (its folder made if needed)."""
    from tracker import demo

    path.parent.mkdir(parents=True, exist_ok=True)
    return build(demo.url_for(path))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m tracker.demo.build DB_URL", file=sys.stderr)
        return 2
    counts = build(argv[0])
    print(
        f"{counts['reports_added']} reports and {counts['claims_added']} claims added; "
        f"{counts['claims_in_store']} claims in {argv[0]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
