"""Where the front is, for disambiguation: points of the claims recorded around a date."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.model import REVIEW_STATUSES, Status

FRONT_WINDOW_DAYS = 60
MAX_FRONT_POINTS = 2_000
_ACCEPTED = tuple(s for s in Status if s not in REVIEW_STATUSES)


def front_points(store, report_date: date) -> list[tuple[float, float]]:
    """(lat, lon) of distinct places claimed in the weeks before the report (newest first)."""
    # The statuses outside the review queue, named: the claims are found by the status and
    # date index, without reading the proposals of a long batch.
    claims = store.claims(
        since=report_date - timedelta(days=FRONT_WINDOW_DAYS),
        until=report_date,
        status=_ACCEPTED,
    )
    seen: dict[tuple[float, float], None] = {}
    for claim in sorted(claims, key=lambda c: c.event_date, reverse=True):
        seen.setdefault((round(claim.lat, 3), round(claim.lon, 3)), None)
        if len(seen) >= MAX_FRONT_POINTS:
            break
    return list(seen)
