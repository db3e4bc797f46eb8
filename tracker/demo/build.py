"""Build the demo database from the sample reports through the real extraction pipeline.

    python -m tracker.demo.build sqlite:///demo.db

Each report goes through the ingest service (`tracker.ingest`): extracted with the claims
already in the store as the front, then recorded with its proposed claims in one
transaction. Idempotent: a report already in the store (same text) is skipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker import ingest
from tracker.demo.reports import REPORTS, SampleReport
from tracker.store import Store
from tracker.workspace import Workspace

DEMO_USER = "demo"


def ingest_sample(workspace: Workspace, sample: SampleReport) -> tuple[int, bool]:
    """Extract and record one report; returns (claims added, report was new)."""
    result = ingest.propose(
        sample.text,
        published=sample.published,
        source_name=sample.source_name,
        workspace=workspace,
    )
    accepted = ingest.accept(
        workspace,
        sample.text,
        published=sample.published,
        source_name=sample.source_name,
        source_url=sample.source_url,
        language=sample.language,
        claims=[ingest.claim_fields(proposed) for proposed in result.claims],
        by=DEMO_USER,
        if_known="skip",
    )
    return len(accepted.claims), accepted.created


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
    reports = claims = 0
    with Workspace(url, gazetteer=gazetteer) as workspace:
        for sample in REPORTS:
            added, created = ingest_sample(workspace, sample)
            reports += created
            claims += added
        total = workspace.store.count_claims()
        baseline_added = add_demo_baseline(workspace.store) if baseline else False
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
