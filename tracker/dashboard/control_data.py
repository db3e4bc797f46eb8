"""Control areas for the map page as plain data (no Streamlit, no folium): what the cached
functions in `resources` return and the tests check.

Everything here calls the control library as the CLI does (`snapshot`, `control_report`,
`area_series`, `areas_geojson`, `claimed_geojson`, `frontline_geojson`), so the dashboard's
figures are the figures of `tracker control --json` for the same date and counting.

The map fills assessed control (baselines and confirmed claims) and hatches the claimed-only
layer apart, as ISW draws them; unknown ground is left uncoloured.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from datetime import date

from tracker.control.export import areas_geojson, claimed_geojson, frontline_geojson
from tracker.control.service import area_series, control_report

SIDES = ("RU", "UA", "contested", "unknown")
SIDE_LABELS = {
    "RU": "Russian-held",
    "UA": "Ukrainian-held",
    "contested": "Contested",
    "unknown": "Unknown",
}
NO_BASELINE = (
    "No baseline: control is shown only where claims say so; the rest is unknown. "
    "Fetch one with `tracker baseline fetch deepstate` (or isw), or “Fetch a baseline” "
    "below (admins)."
)
NO_COUNTRY_BASELINE = (
    "No whole-country baseline: control is shown only where claims and local layers say so; "
    "the rest is unknown. Fetch one with `tracker baseline fetch deepstate` (or isw)."
)


def baseline_notice(baselines: list[dict]) -> str | None:
    """What the map must say when its picture is partial (no whole-country layer in force)."""
    if not baselines:
        return NO_BASELINE
    if any(b["coverage"] == "country" for b in baselines):
        return None
    return NO_COUNTRY_BASELINE


def _behind(baselines: list[dict]) -> str:
    if not baselines:
        return "no baseline"
    return "baseline: " + "; ".join(
        f"{b['source'] or 'layer ' + str(b['id'])} ({b['date']}"
        + (f", {b['licence'].split(':')[0]}" if b.get("licence") else "")
        + ")"
        for b in baselines
    )


def _label(side: str, km2: float, day: str, what: str, behind: str) -> str:
    return f"{SIDE_LABELS.get(side, side)} ({what}) · {km2:,.0f} km² · {day} · {behind}"


# The assessed areas of a date (baselines and confirmed claims) outlive a control model: a
# stream of merely claimed claims leaves them as they were, and a newer model reuses them
# (the dissolved areas and their geodesic km² are most of a date's cost).
ASSESSED_KEPT = 64
_ASSESSED: OrderedDict[tuple, tuple] = OrderedDict()
_ASSESSED_LOCK = threading.Lock()


def _assessed_features(snapshot, report: dict, behind: str, digits: int) -> list[dict]:
    """The assessed areas' features with their labels (shared: never changed afterwards)."""
    cells, layers = snapshot.model.cells, snapshot.baseline.layers
    states = hashlib.sha256(snapshot.assessed_states.tobytes()).digest()
    key = (id(cells), tuple(map(id, layers)), snapshot.day, digits, behind, states)
    with _ASSESSED_LOCK:
        hit = _ASSESSED.get(key)
        if hit is not None:
            _ASSESSED.move_to_end(key)
            return hit[2]  # (the cells and layers it holds keep their ids from being reused)
    areas = areas_geojson(snapshot, digits=digits, assessed=True, unknown=False)
    for feature in areas["features"]:
        props = feature["properties"]
        km2 = report["assessed_km2"][props["side"]]
        props["label"] = _label(props["side"], km2, report["date"], "assessed", behind)
    with _ASSESSED_LOCK:
        _ASSESSED[key] = (cells, layers, areas["features"])
        while len(_ASSESSED) > ASSESSED_KEPT:
            _ASSESSED.popitem(last=False)
    return areas["features"]


def day_payload(model, day: date, *, digits: int = 7) -> dict:
    """Assessed areas and the claimed-only layer (GeoJSON per side), the frontline (GeoJSON)
    and km² for one date, positions rounded to `digits` decimals.

    `areas_km2` is `control_report(...)["areas_km2"]` (what the counting counts, said by
    `counts`); each feature gets a plain-text `label` for its tooltip naming the baselines
    behind it (escaped where it is shown: the browser map sets it as text, folium escapes).
    Unknown ground is counted, not drawn.
    """
    report = control_report(model, day)
    snapshot = model.snapshot(day)
    behind = _behind(report["baselines"])
    assessed = _assessed_features(snapshot, report, behind, digits)
    claimed = claimed_geojson(snapshot, digits=digits)
    for feature in claimed["features"]:
        props = feature["properties"]
        km2 = report["claimed_only_km2"][props["side"]]
        props["label"] = (
            f"Claimed only, not assessed: {SIDE_LABELS[props['side']]} · {km2:,.0f} km² · "
            f"{report['date']}"
        )
        props["side"] = f"claimed-{props['side']}"
    areas = {"type": "FeatureCollection", "features": [*assessed, *claimed["features"]]}
    frontline = frontline_geojson(snapshot, digits=digits)
    km = snapshot.frontline_km
    for feature in frontline["features"]:
        feature["properties"]["label"] = (
            f"Frontline ({report['counts']}) · {km:,.0f} km · as of {day}"
        )
    return {
        "date": report["date"],
        "counting": report["counting"],
        "counts": report["counts"],
        "areas_km2": report["areas_km2"],
        "change_km2": report["change_km2"],
        "assessed_km2": report["assessed_km2"],
        "claimed_only_km2": report["claimed_only_km2"],
        "frontline_km": round(km, 1),
        "areas": areas,
        "frontline": frontline,
        "baseline": report["baseline"],
        "baselines": report["baselines"],
        "notice": baseline_notice(report["baselines"]),
    }


def _rows(rows: list[dict]) -> list[dict]:
    return [
        {
            "place": row["name"] or row["place_id"],
            "from": row["from"],
            "to": row["to"],
            "area_km2": round(row["area_km2"], 1),
            "lat": round(row["lat"], 5),
            "lon": round(row["lon"], 5),
            "place_id": row["place_id"],
        }
        for row in sorted(rows, key=lambda r: (r["to"], r["name"] or ""))
    ]


def changed_hands(model, day: date, since: date) -> dict[str, list[dict]]:
    """Places whose holder on `day` differs from `since`: `changed_hands` (RU <-> UA only),
    `contested` (became or stopped being contested) and `known` (from or to unknown)."""
    report = control_report(model, day, since=since)
    return {
        "changed_hands": _rows(report["changed_hands"]),
        "contested": _rows(report["contested_changes"]),
        "known": _rows(report["known_changes"]),
    }


def area_rows(model, since: date, until: date) -> list[dict]:
    """Long-form rows (date, side, km2) of the daily area series, for an Altair chart."""
    rows = []
    for row in area_series(model, since, until):
        for side in SIDES:
            rows.append({"date": row["date"], "side": side, "km2": row[f"{side}_km2"]})
    return rows
