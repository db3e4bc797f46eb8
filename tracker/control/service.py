"""Glue between the store and the control model: import layers, build a model, report a date."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from shapely.geometry import mapping, shape

from tracker.control.baseline import BaselineLayer, Coverage
from tracker.control.cells import Cells
from tracker.control.engine import AREA_KEYS, ControlModel, ControlSnapshot
from tracker.control.geo import BaselineFileError, geodesic_area_km2, parse_baseline
from tracker.control.status import DEFAULT_CONTESTED_DAYS, Counting
from tracker.model import Side

_cells_cache: dict[tuple, Cells] = {}


def import_baseline(
    store,
    source_file: str | Path,
    *,
    day: date | str,
    side: Side | str,
    source: str | None = None,
    created_by: str | None = None,
    coverage: Coverage | str = Coverage.COUNTRY,
    licence: str | None = None,
):
    """Read and check a control layer file, then record it; a bad file writes nothing."""
    path = Path(source_file)
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise BaselineFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    geometry = parse_baseline(text, name=path.name)
    return record_baseline(
        store,
        geometry,
        day=day,
        side=side,
        source=source or path.name,
        created_by=created_by,
        coverage=coverage,
        licence=licence,
    )


def record_baseline(
    store,
    geometry,
    *,
    day: date | str,
    side: Side | str,
    source: str | None,
    created_by: str | None = None,
    coverage: Coverage | str = Coverage.COUNTRY,
    licence: str | None = None,
    source_url: str | None = None,
):
    """Record a checked (Multi)Polygon as a baseline; returns (record, geodesic km²)."""
    record = store.add_baseline(
        day,
        side,
        json.dumps(mapping(geometry)),
        source,
        created_by,
        coverage=str(Coverage(coverage)),
        licence=licence,
        source_url=source_url,
    )
    return record, geodesic_area_km2(geometry)


def layers_from_store(store) -> list[BaselineLayer]:
    return [
        BaselineLayer(
            b.day,
            Side(b.side),
            shape(json.loads(b.geometry)),
            b.source,
            b.id,
            Coverage(b.coverage or Coverage.COUNTRY),
            b.licence,
            b.source_url,
        )
        for b in store.baselines()
    ]


def cells_for(places) -> Cells:
    """Cells for this set of places, built once per process and reused across dates."""
    places = list(places)
    key = tuple(sorted(p.id for p in places if p.id.startswith("custom:")))
    cells = _cells_cache.get(key)
    if cells is None:
        _cells_cache.clear()
        cells = _cells_cache[key] = Cells(places)
    return cells


def model_from_store(
    store,
    *,
    counting: Counting | str = Counting.CONFIRMED,
    contested_days: int = DEFAULT_CONTESTED_DAYS,
    places=None,
) -> ControlModel:
    """A model over the gazetteer (plus the store's custom places), its claims and baselines."""
    if places is None:
        from tracker.gazetteer_overlay import gazetteer_for

        places = gazetteer_for(store).places
    return ControlModel(
        cells_for(places),
        # Both statuses always: confirmed claims are the assessed picture, claimed ones the
        # separate claimed layer (counted in the figures only with counting "claimed").
        store.claims(status=tuple(Counting.CLAIMED.statuses)),
        baselines=layers_from_store(store),
        counting=counting,
        contested_days=contested_days,
    )


def _rounded(areas: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in areas.items()}


COUNTS = {
    Counting.CONFIRMED: "assessed: baselines and confirmed claims",
    Counting.CLAIMED: "assessed and claimed: baselines, confirmed and claimed claims",
}


def control_report(model: ControlModel, day: date, *, since: date | None = None) -> dict:
    """The JSON shape of `tracker control`: areas, change, changed places, contradictions.

    `areas_km2` count what `counting` says (`counts`); `assessed_km2` always count baselines
    and confirmed claims only, and `claimed_only_km2` the separate claimed layer. Changes are
    split: `changed_hands` (RU <-> UA only), `contested_changes` (became or stopped being
    contested) and `known_changes` (from or to unknown)."""
    snapshot = model.snapshot(day)
    previous = model.snapshot(since or day - timedelta(days=1))
    change = {k: snapshot.areas_km2[k] - previous.areas_km2[k] for k in snapshot.areas_km2}
    changed = snapshot.changed_places(previous)
    return {
        "date": day.isoformat(),
        "compared_with": previous.day.isoformat(),
        "counting": str(model.counting),
        "counts": COUNTS[model.counting],
        "contested_days": model.contested_days,
        "baseline": _baseline_info(snapshot),
        "baselines": snapshot.baseline.describe(),
        "areas_km2": _rounded(snapshot.areas_km2),
        "change_km2": _rounded(change),
        "assessed_km2": _rounded(snapshot.assessed_areas_km2),
        "claimed_only_km2": _rounded(snapshot.claimed_only_km2),
        "areas_by_oblast_km2": {
            code: {"name": v["name"], **_rounded({k: v[k] for k in AREA_KEYS})}
            for code, v in snapshot.areas_by_oblast.items()
        },
        "changed_hands": [p for p in changed if p["change"] == "changed_hands"],
        "contested_changes": [
            p for p in changed if p["change"] in ("became_contested", "no_longer_contested")
        ],
        "known_changes": [p for p in changed if p["change"] in ("now_known", "now_unknown")],
        "changed_places": changed,
        "contradictions": [c.to_dict() for c in snapshot.contradictions()],
    }


def _baseline_info(snapshot: ControlSnapshot) -> dict | None:
    """The newest layer in force (the whole stack is `baselines`), or None without one."""
    layers = snapshot.baseline.layers
    if not layers:
        return None
    return layers[-1].describe()


def area_series(model: ControlModel, since: date, until: date) -> list[dict]:
    """One row per day: areas per side and the change since the day before."""
    rows = []
    previous = model.snapshot(since - timedelta(days=1))
    for snapshot in model.series(since, until):
        areas = snapshot.areas_km2
        rows.append(
            {
                "date": snapshot.day.isoformat(),
                **{f"{k}_km2": round(v, 3) for k, v in areas.items()},
                **{
                    f"{k}_change_km2": round(v - previous.areas_km2[k], 3) for k, v in areas.items()
                },
            }
        )
        previous = snapshot
    return rows
