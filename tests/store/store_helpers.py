"""Helpers shared by the store tests (imported as a plain module: tests/ is not a package)."""

from __future__ import annotations

from datetime import date


def claim_fields(**overrides) -> dict:
    """A valid claim as an analyst would enter it."""
    fields = {
        "event_date": date(2024, 5, 1),
        "name": "Udachne",
        "lat": 48.2,
        "lon": 37.0,
        "side": "RU",
        "action": "capture",
        "claimant": "Russian MoD",
        "source_name": "mil.ru",
        "source_url": "https://example.org/report/1",
        "quote": "Russian forces liberated Udachne",
    }
    fields.update(overrides)
    return fields
