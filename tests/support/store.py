"""Helpers shared by the store tests: claim fields, the PostGIS server's URL."""

from __future__ import annotations

import os
from datetime import date

import pytest


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


def postgres_url() -> str | None:
    url = os.environ.get("TRACKER_TEST_PG_URL")
    if not url:
        if os.environ.get("TRACKER_REQUIRE_POSTGIS") == "1":
            pytest.fail("TRACKER_REQUIRE_POSTGIS=1 but TRACKER_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL+PostGIS: source scripts/test_postgres.sh first")
    return url
