"""Control areas for any date: place statuses on Voronoi cells over an optional baseline layer.

For a date D the latest baseline dated on or before D (if any) gives the starting picture,
kept exactly as drawn; counting claims dated after it (up to D) change it cell by cell: a cell
whose place is held by RU is added to the RU area, one held by UA is cut out of it, a contested
one is cut out of both. Cells with no such claim are "unknown" and follow the baseline: the
part inside the baseline is RU, the rest UA (so with no baseline, unknown means UA-held —
the documented default). Areas come from per-cell geodesic areas computed once, so a date costs
a few array sums; geometries (dissolved areas, the frontline) are built only when asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import MultiLineString

from tracker.control.cells import Cells
from tracker.control.geo import GEOD, geodesic_area_km2
from tracker.control.status import (
    DEFAULT_CONTESTED_DAYS,
    ClaimTimeline,
    Contradiction,
    Counting,
    Holder,
)
from tracker.model import Claim, Precision, Side

UNKNOWN, RU, UA, CONTESTED = 0, 1, 2, 3
CODE = {Holder.UNKNOWN: UNKNOWN, Holder.RU: RU, Holder.UA: UA, Holder.CONTESTED: CONTESTED}
NAME = {RU: "RU", UA: "UA", CONTESTED: "contested", UNKNOWN: "unknown"}
SIDES = ("RU", "UA", "contested")


@dataclass(frozen=True, slots=True)
class BaselineLayer:
    """Control polygons for a date: `geometry` is the area held by `side`."""

    day: date
    side: Side
    geometry: object
    source: str | None = None
    id: int | None = None


class PreparedBaseline:
    """A baseline turned into the RU-held geometry, with each cell's share inside it."""

    def __init__(self, layer: BaselineLayer, cells: Cells) -> None:
        self.layer = layer
        self.day = layer.day
        if Side(layer.side) is Side.RU:
            self.geometry = layer.geometry
        else:  # a UA-held layer: RU holds the rest of the country
            self.geometry = shapely.difference(cells.outline, layer.geometry)
        self.area_km2 = geodesic_area_km2(self.geometry)
        shapely.prepare(self.geometry)
        geoms = cells.geometries
        within = shapely.within(geoms, self.geometry)
        crossing = shapely.intersects(geoms, self.geometry) & ~within
        inside = np.where(within, cells.area_km2, 0.0)
        parts = {}
        for i in np.flatnonzero(crossing).tolist():
            parts[i] = shapely.intersection(geoms[i], self.geometry)
            inside[i] = geodesic_area_km2(parts[i])
        self.inside_km2 = inside
        self.outside_cells_km2 = self.area_km2 - float(inside.sum())
        piece_inside = np.zeros(len(cells.pieces))
        for k, piece in enumerate(cells.pieces):
            if within[piece.cell]:
                piece_inside[k] = piece.area_km2
            elif crossing[piece.cell]:
                part = shapely.intersection(piece.geometry, parts[piece.cell])
                piece_inside[k] = geodesic_area_km2(part)
        self.piece_inside_km2 = piece_inside
        self.point_inside = cells.cells_in(self.geometry)
        # What unknown cells leave to UA: the country minus the layer (once per baseline).
        self.rest = shapely.difference(cells.outline, self.geometry)


def _empty_baseline(cells: Cells) -> PreparedBaseline:
    layer = BaselineLayer(date.min, Side.RU, shapely.Polygon())
    return PreparedBaseline(layer, cells)


class ControlModel:
    """Cells + claims + baselines; answers `snapshot(day)` for any date quickly."""

    def __init__(
        self,
        cells: Cells,
        claims: Iterable[Claim] = (),
        *,
        baselines: Sequence[BaselineLayer] = (),
        counting: Counting | str = Counting.CONFIRMED,
        contested_days: int = DEFAULT_CONTESTED_DAYS,
    ) -> None:
        self.cells = cells
        self.counting = Counting(counting)
        self.contested_days = int(contested_days)
        claims = list(claims)
        self._cell_for = self._map_claims(claims)
        self.timeline = ClaimTimeline(
            claims, counting=self.counting, key_of=lambda c: self._cell_for.get(c.id)
        )
        self.baselines = sorted(baselines, key=lambda b: b.day)
        self._prepared: dict[int, PreparedBaseline] = {}
        self._none: PreparedBaseline | None = None
        self._piece_cell = np.array([p.cell for p in cells.pieces], dtype=int)
        self._piece_oblast = np.array([p.oblast for p in cells.pieces], dtype=int)
        self._piece_area = np.array([p.area_km2 for p in cells.pieces])

    def _map_claims(self, claims: list[Claim]) -> dict[str, int]:
        """Claim id → cell: by place id, else the cell its point falls in (inside the outline)."""
        out: dict[str, int] = {}
        loose = []
        for claim in claims:
            if claim.precision is Precision.REGION:
                continue  # "somewhere in an oblast" cannot hold one cell
            cell = self.cells.cell_of.get(claim.place_id) if claim.place_id else None
            if cell is not None:
                out[claim.id] = cell
            else:
                loose.append(claim)
        if loose:
            lons = [c.lon for c in loose]
            lats = [c.lat for c in loose]
            inside = shapely.contains_xy(self.cells.outline, lons, lats)
            nearest = self.cells.nearest(lons, lats)
            for claim, ok, cell in zip(loose, inside, nearest.tolist(), strict=True):
                if ok:
                    out[claim.id] = cell
        return out

    def baseline_for(self, day: date) -> PreparedBaseline:
        """The latest baseline dated on or before `day`, prepared once (empty if none)."""
        chosen = None
        for i, layer in enumerate(self.baselines):
            if layer.day <= day:
                chosen = i
        if chosen is None:
            if self._none is None:
                self._none = _empty_baseline(self.cells)
            return self._none
        if chosen not in self._prepared:
            self._prepared[chosen] = PreparedBaseline(self.baselines[chosen], self.cells)
        return self._prepared[chosen]

    def states(self, day: date, baseline: PreparedBaseline) -> np.ndarray:
        """Claim-derived status code per cell (UNKNOWN where no counting claim decides it)."""
        out = np.zeros(len(self.cells), dtype=np.int8)
        after = baseline.day if baseline.day != date.min else None
        for cell, state in self.timeline.states(
            day, after=after, contested_days=self.contested_days
        ).items():
            out[cell] = CODE[state.holder]
        return out

    def snapshot(self, day: date) -> ControlSnapshot:
        baseline = self.baseline_for(day)
        return ControlSnapshot(self, day, baseline, self.states(day, baseline))

    def series(self, since: date, until: date) -> list[ControlSnapshot]:
        """One snapshot per day from `since` to `until` inclusive."""
        days = (until - since).days
        return [self.snapshot(since + timedelta(days=i)) for i in range(days + 1)]


@dataclass
class ControlSnapshot:
    """Control on one date: status per cell, areas per side (and oblast), geometries on demand."""

    model: ControlModel
    day: date
    baseline: PreparedBaseline
    states: np.ndarray
    _geometry_cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def holders(self) -> np.ndarray:
        """Effective holder per cell: the claim status, or the baseline/default for unknown."""
        out = self.states.copy()
        unknown = out == UNKNOWN
        out[unknown & self.baseline.point_inside] = RU
        out[unknown & ~self.baseline.point_inside] = UA
        return out

    @cached_property
    def areas_km2(self) -> dict[str, float]:
        a, b, s = self.model.cells.area_km2, self.baseline.inside_km2, self.states
        unknown = s == UNKNOWN
        return {
            "RU": float(self.baseline.outside_cells_km2 + a[s == RU].sum() + b[unknown].sum()),
            "UA": float(a[s == UA].sum() + (a - b)[unknown].sum()),
            "contested": float(a[s == CONTESTED].sum()),
        }

    @cached_property
    def areas_by_oblast(self) -> dict[str, dict[str, float]]:
        model = self.model
        piece_state = self.states[model._piece_cell]
        a, b = model._piece_area, self.baseline.piece_inside_km2
        unknown = piece_state == UNKNOWN
        n = len(model.cells.oblasts)

        def total(weights: np.ndarray) -> np.ndarray:
            return np.bincount(model._piece_oblast, weights=weights, minlength=n)

        ru = total(np.where(piece_state == RU, a, 0.0) + np.where(unknown, b, 0.0))
        ua = total(np.where(piece_state == UA, a, 0.0) + np.where(unknown, a - b, 0.0))
        contested = total(np.where(piece_state == CONTESTED, a, 0.0))
        return {
            o.code: {
                "name": o.name,
                "RU": float(ru[i]),
                "UA": float(ua[i]),
                "contested": float(contested[i]),
            }
            for i, o in enumerate(model.cells.oblasts)
        }

    def contradictions(self) -> list[Contradiction]:
        after = self.baseline.day if self.baseline.day != date.min else None
        return self.model.timeline.contradictions_between(after, self.day)

    def changed_places(self, previous: ControlSnapshot) -> list[dict]:
        """Cells whose holder differs from `previous`, one row per place in the cell."""
        cells = self.model.cells
        rows = []
        for c in np.flatnonzero(self.holders != previous.holders).tolist():
            for place_id in cells.place_ids[c]:
                rows.append(
                    {
                        "place_id": place_id,
                        "name": cells.names.get(place_id),
                        "lat": float(cells.points[c, 1]),
                        "lon": float(cells.points[c, 0]),
                        "from": NAME[int(previous.holders[c])],
                        "to": NAME[int(self.holders[c])],
                        "area_km2": float(cells.area_km2[c]),
                    }
                )
        return rows

    # -- geometries -----------------------------------------------------------------------------

    def _union(self, mask: np.ndarray):
        geoms = self.model.cells.geometries[mask]
        if len(geoms) == 0:
            return shapely.Polygon()
        return shapely.coverage_union_all(geoms)

    @cached_property
    def geometries(self) -> dict[str, object]:
        """Dissolved RU, UA and contested areas (shapely geometries)."""
        s = self.states
        changed = self._union(s != UNKNOWN)
        baseline = self.baseline.geometry
        ru_cells = self._union(s == RU)
        ua_cells = self._union(s == UA)
        contested = self._union(s == CONTESTED)
        if changed.is_empty:
            ru, ua_unknown = baseline, self.baseline.rest
        else:
            ru = shapely.union(shapely.difference(baseline, changed), ru_cells)
            ua_unknown = shapely.difference(self.baseline.rest, changed)
        ua = shapely.union(ua_unknown, ua_cells)
        return {"RU": ru, "UA": ua, "contested": contested}

    @cached_property
    def frontline(self) -> MultiLineString:
        return self.frontline_with()

    def frontline_with(
        self, *, border_tolerance_deg: float = 0.02, min_length_km: float = 5.0
    ) -> MultiLineString:
        """The line shared by the RU and UA areas, as a MultiLineString.

        International borders and the coast are excluded: a baseline drawn on another country
        outline leaves slivers along them, so shared edges within `border_tolerance_deg`
        (≈2 km) of the outline's boundary are dropped, then pieces shorter than
        `min_length_km` (sliver ends; real fronts around even one cell are longer).
        Edges with contested areas are not front between the sides and are not included.
        """
        ru, ua = self.geometries["RU"], self.geometries["UA"]
        if ru.is_empty or ua.is_empty:
            return MultiLineString()
        shared = shapely.intersection(ru.boundary, ua.boundary)
        parts = shapely.get_parts(shapely.get_parts(shared))
        lines = parts[np.isin(shapely.get_type_id(parts), (1, 2))]
        if len(lines) == 0:
            return MultiLineString()
        # Split into segments; drop those whose midpoint lies along the border or coast.
        coords, which = shapely.get_coordinates(lines, return_index=True)
        same_line = which[:-1] == which[1:]
        starts, ends = coords[:-1][same_line], coords[1:][same_line]
        keep = np.any(starts != ends, axis=1)
        if border_tolerance_deg > 0 and keep.any():
            middles = shapely.points((starts + ends) / 2)
            keep &= ~self.model.cells.near_border(middles, border_tolerance_deg)
        if not keep.any():
            return MultiLineString()
        segments = shapely.linestrings(np.stack([starts[keep], ends[keep]], axis=1))
        merged = shapely.line_merge(MultiLineString(list(segments)))
        parts = [
            g
            for g in shapely.get_parts(merged)
            if g.geom_type == "LineString" and GEOD.geometry_length(g) / 1000 >= min_length_km
        ]
        return MultiLineString(parts)

    def geometry_areas_km2(self) -> dict[str, float]:
        """Areas measured on the dissolved geometries (a cross-check of `areas_km2`)."""
        return {side: geodesic_area_km2(g) for side, g in self.geometries.items()}
