"""Build the demo database from the sample reports through the real extraction pipeline.

    python -m tracker.demo.build sqlite:///demo.db

Each report is extracted (with the claims already in the store as the front), recorded with
`add_report`, and its proposed claims added with `add_claim`, report and claims in one
transaction. Idempotent: a report already in the store (same text) is skipped.
"""

from __future__ import annotations

import sys

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


def build(url: str, *, gazetteer=None) -> dict:
    """Ingest every sample report into the store at `url`; returns counts."""
    from tracker.cli.store_options import gazetteer_with

    reports = claims = 0
    with Store(url) as store:
        gazetteer = gazetteer or gazetteer_with(store)
        for sample in REPORTS:
            added, created = ingest(store, sample, gazetteer)
            reports += created
            claims += added
        total = store.count_claims()
    return {"reports_added": reports, "claims_added": claims, "claims_in_store": total}


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
