"""Baseline layers and what they say: which side holds which ground, and where they say nothing.

A layer covers either the whole country (`Coverage.COUNTRY`: a DeepStateMap or ISW "occupied"
layer; its polygons are held by its side and the rest of the country by the other side, as of
its date) or only its own polygons (`Coverage.EXTENT`: a local layer says nothing elsewhere).
For a date, the layers in force form a stack: the latest whole-country layer, then the local
layers dated after it, each newer one deciding its own polygons. Ground no layer decides is
unknown. The stack records which layer decides which part, so every area can name its source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import numpy as np
import shapely

from tracker.control.cells import Cells
from tracker.control.geo import geodesic_area_km2
from tracker.model import Side


class Coverage(StrEnum):
    """What a baseline layer speaks for: the whole country, or only its own polygons."""

    COUNTRY = "country"
    EXTENT = "extent"


@dataclass(frozen=True, slots=True)
class BaselineLayer:
    """Control polygons for a date: `geometry` is the area held by `side`."""

    day: date
    side: Side
    geometry: object
    source: str | None = None
    id: int | None = None
    coverage: Coverage = Coverage.COUNTRY
    licence: str | None = None
    source_url: str | None = None

    def describe(self) -> dict:
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "side": str(self.side),
            "coverage": str(self.coverage),
            "source": self.source,
            "licence": self.licence,
            "source_url": self.source_url,
        }


def stack_for(layers: Sequence[BaselineLayer], day: date) -> tuple[int, ...]:
    """Indices (into `layers`, sorted by date then id) of the layers in force on `day`."""
    dated = [i for i, layer in enumerate(layers) if layer.day <= day]
    country = [i for i in dated if layers[i].coverage is Coverage.COUNTRY]
    start = country[-1] if country else -1
    return tuple(
        i for i in dated if i == start or (i > start and layers[i].coverage is Coverage.EXTENT)
    )


def _side_of(layer: BaselineLayer) -> int:
    from tracker.control.engine import RU, UA

    return RU if Side(layer.side) is Side.RU else UA


class BaselineStack:
    """The layers in force on a date, turned into RU-held and UA-held ground with each cell's
    share of both, and the layer deciding each cell's point (for claims dated after it)."""

    def __init__(self, layers: Sequence[BaselineLayer], cells: Cells) -> None:
        from tracker.control.engine import RU, UA

        self.layers = tuple(layers)
        outline = cells.outline
        empty = shapely.Polygon()
        ru, ua = empty, empty
        parts: list[tuple[int, object]] = []  # (index into self.layers, the ground it decides)
        for k, layer in enumerate(self.layers):
            polygons = layer.geometry
            if layer.coverage is Coverage.COUNTRY:
                rest = shapely.difference(outline, polygons)
                held, other = (polygons, rest) if _side_of(layer) == RU else (rest, polygons)
                ru, ua = held, other
                parts = [(k, shapely.union(outline, polygons))]
                continue
            if _side_of(layer) == RU:
                ru, ua = shapely.union(ru, polygons), shapely.difference(ua, polygons)
            else:
                ua, ru = shapely.union(ua, polygons), shapely.difference(ru, polygons)
            parts = [(i, shapely.difference(g, polygons)) for i, g in parts]
            parts.append((k, polygons))
        self.ru, self.ua = ru, ua
        self.parts = [(i, g) for i, g in parts if not g.is_empty]
        self.unknown = shapely.difference(outline, shapely.union(ru, ua))
        self.ru_km2 = geodesic_area_km2(ru)
        self.ua_km2 = geodesic_area_km2(ua)
        only_country = len(self.layers) == 1 and self.layers[0].coverage is Coverage.COUNTRY
        self.inside_ru_km2, self.piece_ru_km2 = self._shares(ru, cells)
        if only_country:  # cells lie in the outline: what is not RU is UA
            self.inside_ua_km2 = cells.area_km2 - self.inside_ru_km2
            self.piece_ua_km2 = np.array([p.area_km2 for p in cells.pieces]) - self.piece_ru_km2
        else:
            self.inside_ua_km2, self.piece_ua_km2 = self._shares(ua, cells)
        # Ground a layer draws outside every cell (beyond the outline): counted as drawn.
        self.outside_ru_km2 = self.ru_km2 - float(self.inside_ru_km2.sum())
        self.outside_ua_km2 = self.ua_km2 - float(self.inside_ua_km2.sum())
        # Each cell is judged at its generating place, or (for a place beyond the border
        # whose cell reaches into the country) at a point of the cell itself.
        points = cells.points.copy()
        outside = ~shapely.contains_xy(outline, points[:, 0], points[:, 1])
        if outside.any():
            surface = shapely.point_on_surface(cells.geometries[outside])
            points[outside] = shapely.get_coordinates(surface)
        xs, ys = points[:, 0], points[:, 1]
        self.point_holder = np.zeros(len(cells), dtype=np.int8)
        for geometry, code in ((ru, RU), (ua, UA)):
            if not geometry.is_empty:
                shapely.prepare(geometry)
                self.point_holder[shapely.contains_xy(geometry, xs, ys)] = code
        self.point_layer = np.full(len(cells), -1, dtype=np.int64)
        for i, geometry in self.parts:
            shapely.prepare(geometry)
            self.point_layer[shapely.contains_xy(geometry, xs, ys)] = i

    @staticmethod
    def _shares(geometry, cells: Cells) -> tuple[np.ndarray, np.ndarray]:
        """km² of each cell, and of each oblast piece of a cell, inside `geometry`."""
        inside = np.zeros(len(cells))
        pieces = np.zeros(len(cells.pieces))
        if geometry.is_empty:
            return inside, pieces
        shapely.prepare(geometry)
        geoms = cells.geometries
        within = shapely.within(geoms, geometry)
        crossing = shapely.intersects(geoms, geometry) & ~within
        inside[within] = cells.area_km2[within]
        parts = {}
        for i in np.flatnonzero(crossing).tolist():
            parts[i] = shapely.intersection(geoms[i], geometry)
            inside[i] = geodesic_area_km2(parts[i])
        for k, piece in enumerate(cells.pieces):
            if within[piece.cell]:
                pieces[k] = piece.area_km2
            elif crossing[piece.cell]:
                pieces[k] = geodesic_area_km2(
                    shapely.intersection(piece.geometry, parts[piece.cell])
                )
        return inside, pieces

    @property
    def empty(self) -> bool:
        return not self.layers

    @property
    def single_day(self) -> date | None:
        """The one date every cell's claims count after, when one layer decides them all."""
        first = int(self.point_layer[0]) if len(self.point_layer) else -1
        if first < 0 or not (self.point_layer == first).all():
            return None
        return self.layers[first].day

    def after_of_cell(self, cell: int) -> date | None:
        """The date of the layer deciding `cell` (claims count only after it), or None."""
        k = int(self.point_layer[cell])
        return self.layers[k].day if k >= 0 else None

    def describe(self) -> list[dict]:
        """Each layer in force with the km² of the country it decides, newest last."""
        out = []
        for k, layer in enumerate(self.layers):
            decided = [g for i, g in self.parts if i == k]
            info = layer.describe()
            info["decides_km2"] = round(sum(geodesic_area_km2(g) for g in decided), 3)
            out.append(info)
        return out
