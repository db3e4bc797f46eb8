"""Control areas for any date: place statuses on Voronoi cells over the baseline layers.

For a date D the baseline layers in force (`tracker.control.baseline`) give the starting
picture, kept exactly as drawn: RU-held, UA-held, and unknown where no layer speaks. Counting
claims dated after the layer deciding a cell (up to D) change it cell by cell: a cell whose
place is held by RU is added to the RU area, one held by UA to the UA area, a contested one is
cut out of both. A cell with no such claim follows the baseline; with no baseline it is
**unknown**: no side's area, not on the frontline, counted on its own.

Assessed control is the baselines and confirmed claims; claims still only "claimed" make a
separate layer (cells where counting them would change the picture), as ISW draws them. The
counting choice decides which of the two the km² figures and the frontline count.

Areas come from per-cell geodesic areas computed once, so a date costs a few array sums;
geometries (dissolved areas, the frontline) are built only when asked for.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import MultiLineString

from tracker.control.baseline import BaselineLayer, BaselineStack, Coverage, stack_for
from tracker.control.cells import Cells
from tracker.control.geo import GEOD, geodesic_area_km2
from tracker.control.status import (
    DEFAULT_CONTESTED_DAYS,
    ClaimTimeline,
    Contradiction,
    Counting,
    Holder,
)
from tracker.model import Claim, Precision

UNKNOWN, RU, UA, CONTESTED = 0, 1, 2, 3
CODE = {Holder.UNKNOWN: UNKNOWN, Holder.RU: RU, Holder.UA: UA, Holder.CONTESTED: CONTESTED}
NAME = {RU: "RU", UA: "UA", CONTESTED: "contested", UNKNOWN: "unknown"}
SIDES = ("RU", "UA", "contested")
AREA_KEYS = ("RU", "UA", "contested", "unknown")

__all__ = [
    "AREA_KEYS",
    "BaselineLayer",
    "BaselineStack",
    "ControlModel",
    "ControlSnapshot",
    "Coverage",
]


def change_kind(before: int, after: int) -> str:
    """How a cell's holder changed: only RU <-> UA is a change of hands."""
    if {before, after} == {RU, UA}:
        return "changed_hands"
    if after == CONTESTED:
        return "became_contested"
    if before == CONTESTED:
        return "no_longer_contested"
    return "now_known" if before == UNKNOWN else "now_unknown"


def map_claims(cells: Cells, claims: Iterable[Claim]) -> dict[str, int]:
    """Claim id → cell: by place id, else the cell its point falls in (inside the outline).
    Region-level claims hold no cell."""
    out: dict[str, int] = {}
    loose = []
    for claim in claims:
        if claim.precision is Precision.REGION:
            continue  # "somewhere in an oblast" cannot hold one cell
        cell = cells.cell_of.get(claim.place_id) if claim.place_id else None
        if cell is not None:
            out[claim.id] = cell
        else:
            loose.append(claim)
    if loose:
        lons = [c.lon for c in loose]
        lats = [c.lat for c in loose]
        inside = shapely.contains_xy(cells.outline, lons, lats)
        nearest = cells.nearest(lons, lats)
        for claim, ok, cell in zip(loose, inside, nearest.tolist(), strict=True):
            if ok:
                out[claim.id] = cell
    return out


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
        cell_for: Mapping[str, int] | None = None,
    ) -> None:
        """`cell_for` (claim id → cell, as `map_claims` gives for these cells) saves mapping
        the claims again when the caller already did (tracker.control.live)."""
        self.cells = cells
        self.counting = Counting(counting)
        self.contested_days = int(contested_days)
        claims = list(claims)
        self._cell_for = dict(cell_for) if cell_for is not None else map_claims(cells, claims)
        key_of = self._cell_for_claim
        self.assessed_timeline = ClaimTimeline(claims, counting=Counting.CONFIRMED, key_of=key_of)
        self.claimed_timeline = ClaimTimeline(claims, counting=Counting.CLAIMED, key_of=key_of)
        self.timeline = (
            self.claimed_timeline if self.counting is Counting.CLAIMED else self.assessed_timeline
        )
        self.baselines = sorted(baselines, key=lambda b: (b.day, b.id or 0))
        self._stacks: dict[tuple[int, ...], BaselineStack] = {}
        self._piece_cell = np.array([p.cell for p in cells.pieces], dtype=int)
        self._piece_oblast = np.array([p.oblast for p in cells.pieces], dtype=int)
        self._piece_area = np.array([p.area_km2 for p in cells.pieces])

    def _cell_for_claim(self, claim: Claim) -> int | None:
        return self._cell_for.get(claim.id)

    def counted_as(self, counting: Counting | str) -> ControlModel:
        """The same claims, cells and baselines counting `counting` (both timelines are built
        anyway: no work is repeated)."""
        counting = Counting(counting)
        if counting is self.counting:
            return self
        other = copy.copy(self)
        other.counting = counting
        other.timeline = (
            self.claimed_timeline if counting is Counting.CLAIMED else self.assessed_timeline
        )
        return other

    def baseline_for(self, day: date) -> BaselineStack:
        """The baseline layers in force on `day`, prepared once per stack (empty if none)."""
        key = stack_for(self.baselines, day)
        stack = self._stacks.get(key)
        if stack is None:
            stack = self._stacks[key] = BaselineStack([self.baselines[i] for i in key], self.cells)
        return stack

    def _states(self, timeline: ClaimTimeline, day: date, stack: BaselineStack) -> np.ndarray:
        out = np.zeros(len(self.cells), dtype=np.int8)
        after, after_of = stack.single_day, None
        if after is None and not stack.empty:
            after_of = stack.after_of_cell
        for cell, state in timeline.states(
            day, after=after, after_of=after_of, contested_days=self.contested_days
        ).items():
            out[cell] = CODE[state.holder]
        return out

    def states(self, day: date, baseline: BaselineStack) -> np.ndarray:
        """Claim-derived status code per cell (UNKNOWN where no counting claim decides it)."""
        return self._states(self.timeline, day, baseline)

    def snapshot(self, day: date) -> ControlSnapshot:
        stack = self.baseline_for(day)
        return ControlSnapshot(self, day, stack, self.states(day, stack))

    def series(self, since: date, until: date) -> list[ControlSnapshot]:
        """One snapshot per day from `since` to `until` inclusive."""
        days = (until - since).days
        return [self.snapshot(since + timedelta(days=i)) for i in range(days + 1)]


@dataclass
class ControlSnapshot:
    """Control on one date: status per cell, areas per side (and oblast), geometries on demand.

    `states` are the counted claim statuses (per the model's counting); `assessed_states`
    count confirmed claims only and `claimed_states` claimed ones too.
    """

    model: ControlModel
    day: date
    baseline: BaselineStack
    states: np.ndarray
    _geometry_cache: dict = field(default_factory=dict, repr=False)

    def _other(self, counting: Counting) -> np.ndarray:
        model = self.model
        if model.counting is counting:
            return self.states
        timeline = (
            model.claimed_timeline if counting is Counting.CLAIMED else model.assessed_timeline
        )
        return model._states(timeline, self.day, self.baseline)

    @cached_property
    def assessed_states(self) -> np.ndarray:
        """Claim statuses from confirmed claims only (computed when asked for)."""
        return self._other(Counting.CONFIRMED)

    @cached_property
    def claimed_states(self) -> np.ndarray:
        """Claim statuses from confirmed and claimed claims (computed when asked for)."""
        return self._other(Counting.CLAIMED)

    def _holders(self, states: np.ndarray) -> np.ndarray:
        out = states.copy()
        unknown = out == UNKNOWN
        out[unknown] = self.baseline.point_holder[unknown]
        return out

    @cached_property
    def holders(self) -> np.ndarray:
        """Effective holder per cell: the claim status, else the baseline's (or unknown)."""
        return self._holders(self.states)

    @cached_property
    def assessed_holders(self) -> np.ndarray:
        return self._holders(self.assessed_states)

    @cached_property
    def claimed_only(self) -> np.ndarray:
        """Cells where counting merely claimed claims changes the assessed picture."""
        return (self.claimed_states != UNKNOWN) & (self.claimed_states != self.assessed_states)

    def _areas(self, states: np.ndarray) -> dict[str, float]:
        a, b, s = self.model.cells.area_km2, self.baseline, states
        free = s == UNKNOWN
        ru_in, ua_in = b.inside_ru_km2, b.inside_ua_km2
        return {
            "RU": float(b.outside_ru_km2 + a[s == RU].sum() + ru_in[free].sum()),
            "UA": float(b.outside_ua_km2 + a[s == UA].sum() + ua_in[free].sum()),
            "contested": float(a[s == CONTESTED].sum()),
            "unknown": float(np.clip(a - ru_in - ua_in, 0.0, None)[free].sum()),
        }

    @cached_property
    def areas_km2(self) -> dict[str, float]:
        """km² per side, contested and unknown, as the model's counting counts them."""
        return self._areas(self.states)

    @cached_property
    def assessed_areas_km2(self) -> dict[str, float]:
        """km² from the baselines and confirmed claims only."""
        return self._areas(self.assessed_states)

    @cached_property
    def claimed_only_km2(self) -> dict[str, float]:
        """km² of the claimed-only layer, by the holder the claims give."""
        a, s, only = self.model.cells.area_km2, self.claimed_states, self.claimed_only
        return {NAME[code]: float(a[only & (s == code)].sum()) for code in (RU, UA, CONTESTED)}

    @cached_property
    def areas_by_oblast(self) -> dict[str, dict[str, float]]:
        model = self.model
        piece_state = self.states[model._piece_cell]
        a = model._piece_area
        ru_in, ua_in = self.baseline.piece_ru_km2, self.baseline.piece_ua_km2
        free = piece_state == UNKNOWN
        n = len(model.cells.oblasts)

        def total(weights: np.ndarray) -> np.ndarray:
            return np.bincount(model._piece_oblast, weights=weights, minlength=n)

        ru = total(np.where(piece_state == RU, a, 0.0) + np.where(free, ru_in, 0.0))
        ua = total(np.where(piece_state == UA, a, 0.0) + np.where(free, ua_in, 0.0))
        contested = total(np.where(piece_state == CONTESTED, a, 0.0))
        unknown = total(np.where(free, np.clip(a - ru_in - ua_in, 0.0, None), 0.0))
        return {
            o.code: {
                "name": o.name,
                "RU": float(ru[i]),
                "UA": float(ua[i]),
                "contested": float(contested[i]),
                "unknown": float(unknown[i]),
            }
            for i, o in enumerate(model.cells.oblasts)
        }

    def contradictions(self) -> list[Contradiction]:
        days = [layer.day for layer in self.baseline.layers]
        after = min(days) if days else None
        return self.model.timeline.contradictions_between(after, self.day)

    def changed_places(self, previous: ControlSnapshot) -> list[dict]:
        """Cells whose holder differs from `previous`, one row per place in the cell; `change`
        says how: `changed_hands` (RU <-> UA only), `became_contested`, `no_longer_contested`,
        `now_known` (from unknown) or `now_unknown`."""
        cells = self.model.cells
        rows = []
        for c in np.flatnonzero(self.holders != previous.holders).tolist():
            before, after = int(previous.holders[c]), int(self.holders[c])
            for place_id in cells.place_ids[c]:
                rows.append(
                    {
                        "place_id": place_id,
                        "name": cells.names.get(place_id),
                        "lat": float(cells.points[c, 1]),
                        "lon": float(cells.points[c, 0]),
                        "from": NAME[before],
                        "to": NAME[after],
                        "change": change_kind(before, after),
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

    def _geometries(self, s: np.ndarray) -> dict[str, object]:
        key = s.tobytes()
        cached = self._geometry_cache.get(key)
        if cached is not None:
            return cached
        changed = self._union(s != UNKNOWN)
        b = self.baseline
        areas = {}
        for name, code, drawn in (("RU", RU, b.ru), ("UA", UA, b.ua)):
            cells = self._union(s == code)
            if changed.is_empty:
                areas[name] = drawn
            elif drawn.is_empty:
                areas[name] = cells
            else:
                areas[name] = shapely.union(shapely.difference(drawn, changed), cells)
        areas["contested"] = self._union(s == CONTESTED)
        areas["unknown"] = b.unknown if changed.is_empty else shapely.difference(b.unknown, changed)
        self._geometry_cache[key] = areas
        return areas

    @cached_property
    def geometries(self) -> dict[str, object]:
        """Dissolved RU, UA, contested and unknown areas as counted (shapely geometries)."""
        return self._geometries(self.states)

    @cached_property
    def assessed_geometries(self) -> dict[str, object]:
        """The same from the baselines and confirmed claims only (what the map fills)."""
        return self._geometries(self.assessed_states)

    @cached_property
    def claimed_geometries(self) -> dict[str, object]:
        """The claimed-only layer: dissolved cells per holder the merely claimed claims give."""
        s, only = self.claimed_states, self.claimed_only
        return {NAME[code]: self._union(only & (s == code)) for code in (RU, UA, CONTESTED)}

    def baseline_parts(self) -> list[tuple[BaselineLayer, object]]:
        """Each baseline layer in force with the ground it still decides on this date (cells
        decided by claims cut out): which baseline stands behind which area."""
        changed = self._union(self.states != UNKNOWN)
        out = []
        for k, geometry in self.baseline.parts:
            part = geometry if changed.is_empty else shapely.difference(geometry, changed)
            part = shapely.intersection(part, self.model.cells.outline)
            if not part.is_empty:
                out.append((self.baseline.layers[k], part))
        return out

    @cached_property
    def frontline(self) -> MultiLineString:
        return self.frontline_with()

    @cached_property
    def frontline_km(self) -> float:
        """The frontline's geodesic length, km."""
        return sum(GEOD.geometry_length(line) for line in self.frontline.geoms) / 1000

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
