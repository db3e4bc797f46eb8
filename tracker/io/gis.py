"""GeoPackage and KML export through geopandas/pyogrio (GDAL)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tracker.io.geojson import PROPERTY_FIELDS, claim_properties
from tracker.model import Claim


def claims_frame(claims: Iterable[Claim]):
    """A GeoDataFrame of claims (EPSG:4326 points; id and the GeoJSON properties as columns)."""
    import geopandas

    claims = list(claims)
    rows = [{"id": c.id, **claim_properties(c)} for c in claims]
    frame = geopandas.GeoDataFrame(
        rows,
        columns=["id", *PROPERTY_FIELDS],
        geometry=geopandas.points_from_xy([c.lon for c in claims], [c.lat for c in claims]),
        crs="EPSG:4326",
    )
    return frame


def export_gpkg(claims: Iterable[Claim], path: str | Path) -> int:
    frame = claims_frame(claims)
    Path(path).unlink(missing_ok=True)
    frame.to_file(path, driver="GPKG", layer="claims", engine="pyogrio")
    return len(frame)


def export_kml(claims: Iterable[Claim], path: str | Path) -> int:
    frame = claims_frame(claims)
    frame["description"] = [
        f"{p['event_date']} {p['side']} {p['action']} ({p['claimant']}, {p['status']})"
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
