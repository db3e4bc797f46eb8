"""Helpers shared by the control tests: synthetic places and claims, area comparison."""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import shapely

from tracker.model import Action, Claim, Place, Side, Status

GRID_STEP = 0.4


def grid_places(step: float = GRID_STEP) -> list[Place]:
    """Settlements on a regular lon/lat grid covering Ukraine and a margin around it."""
    places = []
    for i, lon in enumerate(np.arange(21.0, 41.6, step)):
        for j, lat in enumerate(np.arange(43.6, 53.2, step)):
            places.append(
                Place(
                    f"grid:{i}:{j}", f"P{i}-{j}", round(float(lat), 4), round(float(lon), 4), "UA"
                )
            )
    return places


_ids = itertools.count()


def claim(
    place_id: str,
    day: date,
    side: str = "RU",
    action: str = "capture",
    *,
    status: str = "confirmed",
    claimant: str = "Russian MoD",
    lat: float = 48.5,
    lon: float = 32.0,
) -> Claim:
    return Claim(
        id=f"c{next(_ids)}",
        event_date=day,
        name=place_id,
        lat=lat,
        lon=lon,
        side=Side(side),
        action=Action(action),
        claimant=claimant,
        status=Status(status),
        place_id=place_id,
    )


def same_area(a, b, tolerance_deg2: float = 1e-9) -> bool:
    return shapely.symmetric_difference(a, b).area <= tolerance_deg2


def report_areas(url: str, day: date, counting: str = "claimed") -> dict:
    """km² per side on a day, as `control_report` gives them for the store at `url`."""
    from tracker.control.service import control_report, model_from_store
    from tracker.store import Store

    with Store(url) as store:
        return control_report(model_from_store(store, counting=counting), day)["areas_km2"]
