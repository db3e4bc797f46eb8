"""Voronoi cells of the gazetteer's settlements, clipped to the country outline — built once.

The diagram is computed in a locally equal-scaled plane (longitude × cos 48.5°) so cells are
not stretched east–west, then mapped back to longitude/latitude. Settlements outside the
country still shape the cells along the border; their own cells clip to nothing and are
dropped. Places at identical coordinates share one cell.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint

from tracker.control.geo import geodesic_area_km2, oblasts, ukraine_outline
from tracker.model import Place, PlaceKind

X_SCALE = math.cos(math.radians(48.5))


@dataclass(frozen=True, slots=True)
class Piece:
    """The part of a cell inside one oblast."""

    cell: int
    oblast: int
    geometry: object
    area_km2: float


class Cells:
    """One cell per distinct settlement location inside the outline, with areas precomputed.

    `place_ids[i]` are the places of cell i; `cell_of` maps a place id to its cell;
    `area_km2[i]` is the geodesic area; `pieces` split cells by oblast.
    """

    def __init__(self, places: Iterable[Place], outline=None, *, regions=None) -> None:
        self.outline = ukraine_outline() if outline is None else outline
        self.oblasts = oblasts() if regions is None else tuple(regions)
        by_point: dict[tuple[float, float], list[str]] = {}
        self.names: dict[str, str] = {}
        for place in places:
            if place.kind is not PlaceKind.SETTLEMENT:
                continue
            self.names[place.id] = place.name
            by_point.setdefault((round(place.lon, 6), round(place.lat, 6)), []).append(place.id)
        if len(by_point) < 2:
            raise ValueError("control cells need at least two settlements at distinct points")
        points = np.array(list(by_point), dtype=float)
        groups = list(by_point.values())
        scaled = points * [X_SCALE, 1.0]
        minx, miny = scaled.min(axis=0)
        maxx, maxy = scaled.max(axis=0)
        bx0, by0, bx1, by1 = self.outline.bounds
        pad = 5.0
        envelope = shapely.box(
            min(minx, bx0 * X_SCALE) - pad,
            min(miny, by0) - pad,
            max(maxx, bx1 * X_SCALE) + pad,
            max(maxy, by1) + pad,
        )
        diagram = shapely.voronoi_polygons(MultiPoint(scaled), extend_to=envelope, ordered=True)
        raw = np.array(diagram.geoms, dtype=object)
        raw = shapely.transform(raw, lambda xy: xy / [X_SCALE, 1.0])
        shapely.prepare(self.outline)
        inside = shapely.within(raw, self.outline)
        touching = shapely.intersects(raw, self.outline) & ~inside
        clipped = raw.copy()
        clipped[touching] = shapely.intersection(raw[touching], self.outline)
        keep = inside | (touching & ~shapely.is_empty(clipped))
        keep &= shapely.area(np.where(keep, clipped, None).astype(object)) > 0
        index = np.flatnonzero(keep)
        self.geometries = clipped[index]
        self.points = points[index]
        self.place_ids: list[tuple[str, ...]] = [tuple(groups[i]) for i in index]
        self.cell_of: dict[str, int] = {
            pid: c for c, ids in enumerate(self.place_ids) for pid in ids
        }
        self.area_km2 = np.array([geodesic_area_km2(g) for g in self.geometries])
        self.outline_area_km2 = geodesic_area_km2(self.outline)
        self._tree = shapely.STRtree(shapely.points(self.points))
        self.pieces = self._split_by_oblast()

    def __len__(self) -> int:
        return len(self.geometries)

    def _split_by_oblast(self) -> list[Piece]:
        pieces: list[Piece] = []
        if not self.oblasts:
            return pieces
        region_geoms = np.array([o.geometry for o in self.oblasts], dtype=object)
        for geometry in region_geoms:
            shapely.prepare(geometry)
        tree = shapely.STRtree(region_geoms)
        cell_idx, region_idx = tree.query(self.geometries, predicate="intersects")
        for c, r in zip(cell_idx.tolist(), region_idx.tolist(), strict=True):
            cell, region = self.geometries[c], region_geoms[r]
            if region.contains(cell):
                part, area = cell, float(self.area_km2[c])
            else:
                part = shapely.intersection(cell, region)
                area = geodesic_area_km2(part)
            if area > 0:
                pieces.append(Piece(c, r, part, area))
        return pieces

    def near_border(self, points: np.ndarray, tolerance_deg: float) -> np.ndarray:
        """Which of `points` lie within `tolerance_deg` of the outline's boundary
        (international borders and coast). The boundary is indexed once as short segments:
        a distance test against the whole line took ~0.1 s per frontline."""
        tree = self.__dict__.get("_border_tree")
        if tree is None:
            coords, which = shapely.get_coordinates(
                shapely.get_parts(self.outline.boundary), return_index=True
            )
            same = which[:-1] == which[1:]
            segments = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
            tree = self.__dict__["_border_tree"] = shapely.STRtree(segments)
        near = np.zeros(len(points), dtype=bool)
        if len(points):
            hits = tree.query(points, predicate="dwithin", distance=tolerance_deg)[0]
            near[hits] = True
        return near

    def nearest(self, lons: Sequence[float], lats: Sequence[float]) -> np.ndarray:
        """The cell each point falls in (its nearest generator in the diagram's plane)."""
        scaled = shapely.points(np.column_stack([np.asarray(lons) * X_SCALE, lats]))
        if not hasattr(self, "_scaled_tree"):
            self._scaled_tree = shapely.STRtree(shapely.points(self.points * [X_SCALE, 1.0]))
        return self._scaled_tree.query_nearest(scaled, all_matches=False)[1]

    def cells_in(self, geometry) -> np.ndarray:
        """Which cells' generating points lie in `geometry` (boolean per cell)."""
        shapely.prepare(geometry)
        return shapely.contains_xy(geometry, self.points[:, 0], self.points[:, 1])
