"""Who holds what on a date: place statuses from claims, control areas, the frontline.

Pure library (no Streamlit): `Cells` are built once from the gazetteer; a `ControlModel`
combines them with claims and baseline layers and answers `snapshot(day)` for any date.
"""

from tracker.control.baseline import BaselineLayer, Coverage
from tracker.control.cells import Cells
from tracker.control.engine import ControlModel, ControlSnapshot
from tracker.control.export import areas_geojson, claimed_geojson, frontline_geojson
from tracker.control.geo import (
    BaselineFileError,
    geodesic_area_km2,
    oblasts,
    parse_baseline,
    ukraine_outline,
)
from tracker.control.status import ClaimTimeline, Contradiction, Counting, Holder

__all__ = [
    "BaselineFileError",
    "BaselineLayer",
    "Cells",
    "ClaimTimeline",
    "Contradiction",
    "ControlModel",
    "ControlSnapshot",
    "Counting",
    "Coverage",
    "Holder",
    "areas_geojson",
    "claimed_geojson",
    "frontline_geojson",
    "geodesic_area_km2",
    "oblasts",
    "parse_baseline",
    "ukraine_outline",
]
