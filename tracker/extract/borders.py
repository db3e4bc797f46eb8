"""How close a place lies to a region's border, for the cues that name one: "on the border of
the Donetsk and Dnipropetrovsk oblasts", "Калинівка біля адмінмежі з Дніпропетровщиною", "à la
limite des régions de Zaporijjia et de Dnipropetrovsk". The gazetteer has no region outlines:
the border of region R, seen from a place outside it, is as near as R's nearest settlement."""

from __future__ import annotations

import numpy as np

from tracker.gazetteer import Gazetteer
from tracker.geo import EARTH_RADIUS_KM
from tracker.model import Place, PlaceKind


class BorderDistances:
    """Distance from a place to the nearest settlement of a region (admin-1 code), with the
    settlements of each region gathered once per gazetteer, when first asked."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._points: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._known: dict[tuple[str, str], float] = {}

    def km(self, place: Place, codes: frozenset[str]) -> float:
        """Distance to the nearest settlement of any of the regions `codes` other than the
        place's own (a place inside a region is not at its border by that measure)."""
        others = codes - {place.admin1_code}
        if not others:
            return float("inf")
        return min(self._km_to(place, code) for code in others)

    def _km_to(self, place: Place, code: str) -> float:
        known = self._known.get((place.id, code))
        if known is not None:
            return known
        lat, lon, cos_lat = self._region_points(code)
        if lat.size == 0:
            return float("inf")
        phi, lam = np.radians(place.lat), np.radians(place.lon)
        h = np.sin((lat - phi) / 2) ** 2 + np.cos(phi) * cos_lat * np.sin((lon - lam) / 2) ** 2
        distance = float(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(min(1.0, float(h.min())))))
        if len(self._known) > 100_000:
            self._known.clear()
        self._known[(place.id, code)] = distance
        return distance

    def _region_points(self, code: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        points = self._points.get(code)
        if points is None:
            rows = [
                (p.lat, p.lon)
                for p in self.gazetteer.places
                if p.admin1_code == code and p.kind == PlaceKind.SETTLEMENT
            ]
            array = np.radians(np.array(rows, dtype=float).reshape(-1, 2))
            points = (array[:, 0], array[:, 1], np.cos(array[:, 0]))
            self._points[code] = points
        return points
