"""Where the front is, for disambiguation: points of the claims recorded around a date."""

from __future__ import annotations

from datetime import date, timedelta

FRONT_WINDOW_DAYS = 60
MAX_FRONT_POINTS = 2_000


def front_points(store, report_date: date) -> list[tuple[float, float]]:
    """(lat, lon) of distinct places claimed in the weeks before the report (newest first)."""
    claims = store.claims(since=report_date - timedelta(days=FRONT_WINDOW_DAYS), until=report_date)
    seen: dict[tuple[float, float], None] = {}
    for claim in sorted(claims, key=lambda c: c.event_date, reverse=True):
        seen.setdefault((round(claim.lat, 3), round(claim.lon, 3)), None)
        if len(seen) >= MAX_FRONT_POINTS:
            break
    return list(seen)
