"""GeoPackage and KML export through geopandas/pyogrio (GDAL)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from tracker.io.geojson import PROPERTY_FIELDS, claim_properties
from tracker.model import Claim


def claims_frame(claims: Iterable[Claim | dict]):
    """A GeoDataFrame of claims (EPSG:4326 points; id and the GeoJSON properties as columns)."""
    import geopandas

    records = [c if isinstance(c, dict) else c.to_dict() for c in claims]
    rows = [{"id": r["id"], **claim_properties(r)} for r in records]
    frame = geopandas.GeoDataFrame(
        rows,
        columns=["id", *PROPERTY_FIELDS],
        geometry=geopandas.points_from_xy([r["lon"] for r in records], [r["lat"] for r in records]),
        crs="EPSG:4326",
    )
    return frame


def export_gpkg(claims: Iterable[Claim | dict], path: str | Path) -> int:
    frame = claims_frame(claims)
    Path(path).unlink(missing_ok=True)
    frame.to_file(path, driver="GPKG", layer="claims", engine="pyogrio")
    return len(frame)


def export_kml(claims: Iterable[Claim | dict], path: str | Path) -> int:
    frame = claims_frame(claims)
    # KML viewers render a description as HTML: escape the report-derived text in it.
    frame["description"] = [
        html.escape(f"{p['event_date']} {p['side']} {p['action']} ({p['claimant']}, {p['status']})")
        for p in frame.to_dict("records")
    ]
    Path(path).unlink(missing_ok=True)
    frame.to_file(
        path,
        driver="KML",
        layer="claims",
        engine="pyogrio",
        dataset_options={"NameField": "name", "DescriptionField": "description"},
    )
    return len(frame)
