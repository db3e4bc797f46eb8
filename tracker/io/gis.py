"""GeoPackage and KML export through geopandas/pyogrio (GDAL). Beside the claim fields each
feature has `source_count`, `claimants` (the independent ones, joined by "; ") and `sources`
(the GeoJSON export's array, as JSON text: neither format has a list type)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import orjson

from tracker.io.geojson import PROPERTY_FIELDS, claim_properties
from tracker.io.sourcelist import claimants_of, sources_of
from tracker.model import Claim

SOURCE_COLUMNS = ["source_count", "claimants", "sources"]


def claims_frame(claims: Iterable[Claim | dict]):
    """A GeoDataFrame of claims (EPSG:4326 points; id and the GeoJSON properties as columns)."""
    import geopandas

    records = [c if isinstance(c, dict) else c.to_dict() for c in claims]
    rows = [
        {
            "id": r["id"],
            **claim_properties(r),
            "source_count": len(sources_of(r)),
            "claimants": "; ".join(claimants_of(r)),
            "sources": orjson.dumps(sources_of(r)).decode(),
        }
        for r in records
    ]
    frame = geopandas.GeoDataFrame(
        rows,
        columns=["id", *PROPERTY_FIELDS, *SOURCE_COLUMNS],
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
        html.escape(
            f"{p['event_date']} {p['side']} {p['action']} ({p['claimant']}, {p['status']}); "
            f"{p['source_count']} sources: {p['claimants']}"
        )
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
