"""Every settlement of Ukraine's codifier (KATOTTG), named and placed from open sources.

Inputs (../shared/data/gazetteer/, see its PROVENANCE.md):
- katottg_2025-07-02.csv — the official list: code, category, Ukrainian name, with the oblast,
  raion and hromada above each settlement;
- osm_names_katottg.csv + osm_settlements_10_oblasts.csv — OpenStreetMap points joined to
  KATOTTG codes (an exact join) for ten eastern and southern oblasts, with old names;
- wof_ua_localities.csv — Who's On First localities (GeoNames ids, Russian names, variants);
- ocha_settlements_pcode.csv — national romanisations (and pre-2024 names) by P-code;
- ocha_hromada_centroids.json — hromada centroids with Ukrainian, Russian and English names.

Placing a settlement, best evidence first: the OSM point whose KATOTTG code is the settlement's;
an OSM or WOF point of the same name in the same oblast nearest the hromada's centroid (and
within reach of it); else the hromada's centroid, marked approximate with a radius.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tracker.gazetteer import haversine_km
from tracker.names import has_cyrillic, romanize_ukrainian, skeleton
from tracker.russian_names import russian_forms

# KATOTTG oblast code (UA14…) → GeoNames admin-1 code.
OBLAST_CODES = {
    "UA01": "UA.11",  # Crimea
    "UA05": "UA.23",
    "UA07": "UA.24",
    "UA12": "UA.04",
    "UA14": "UA.05",
    "UA18": "UA.27",
    "UA21": "UA.25",
    "UA23": "UA.26",
    "UA26": "UA.06",
    "UA32": "UA.13",
    "UA35": "UA.10",
    "UA44": "UA.14",
    "UA46": "UA.15",
    "UA48": "UA.16",
    "UA51": "UA.17",
    "UA53": "UA.18",
    "UA56": "UA.19",
    "UA59": "UA.21",
    "UA61": "UA.22",
    "UA63": "UA.07",
    "UA65": "UA.08",
    "UA68": "UA.09",
    "UA71": "UA.01",
    "UA73": "UA.03",
    "UA74": "UA.02",
    "UA80": "UA.12",  # Kyiv
    "UA85": "UA.20",  # Sevastopol
}
# The short oblast names of osm_settlements_10_oblasts.csv.
OSM_OBLASTS = {
    "Донецька": "UA.05",
    "Дніпропетровська": "UA.04",
    "Запорізька": "UA.26",
    "Луганська": "UA.14",
    "Харківська": "UA.07",
    "Сумська": "UA.21",
    "Чернігівська": "UA.02",
    "Херсонська": "UA.08",
    "Миколаївська": "UA.16",
    "Одеська": "UA.17",
}
SETTLEMENT_CATEGORIES = frozenset("CXMK")
# A same-named point further than this from its hromada's centroid is another village.
MAX_FROM_HROMADA_KM = 45.0
# The radius of an approximate point when its hromada has no placed settlement to measure by.
DEFAULT_HROMADA_RADIUS_KM = 15.0
ENRICH_WITHIN_KM = 5.0  # a WOF record this close with the same name is the same village


@dataclass(frozen=True)
class Point:
    """A located record of some source, with the names it gives."""

    lat: float
    lon: float
    source: str
    names: tuple[str, ...] = ()
    geonameid: int | None = None
    population: int = 0


@dataclass
class Settlement:
    code: str  # the settlement's KATOTTG code
    category: str
    name_uk: str
    oblast: str  # GeoNames admin-1 code
    raion_uk: str | None
    hromada_code: str | None
    hromada_uk: str | None
    point: Point | None = None
    located_by: str = ""  # osm-code | osm-name | wof-name | hromada
    radius_km: float = 0.0  # > 0: only the hromada's centroid is known, within this radius

    @property
    def pcode(self) -> str:
        return self.code[:12]

    @property
    def hromada_pcode(self) -> str | None:
        return self.hromada_code[:9] if self.hromada_code else None


def _key(name: str) -> str:
    """A name as compared across sources and scripts: its transliteration skeleton, so that
    Кам’янка, Kamianka and Kamyanka meet."""
    return skeleton(name.replace("-", " "))


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()] if value else []


# ---------------------------------------------------------------------------------------------
# Reading the sources


def read_katottg(path: Path) -> list[Settlement]:
    """Settlements (categories C, X, M, K) with the names of their raion and hromada."""
    names: dict[str, str] = {}
    settlements = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh, delimiter=";")
        next(rows)
        for row in rows:
            levels, category, name = row[:5], row[5], row[6].strip()
            code = next(c for c in reversed(levels) if c)
            names[code] = name
            if category not in SETTLEMENT_CATEGORIES:
                continue
            settlements.append(
                Settlement(
                    code=code,
                    category=category,
                    name_uk=name,
                    oblast=OBLAST_CODES[levels[0][:4]],
                    raion_uk=names.get(levels[1]),
                    hromada_code=levels[2] or None,
                    hromada_uk=names.get(levels[2]),
                )
            )
    return settlements


@dataclass
class Sources:
    osm_by_code: dict[str, Point]
    osm_rows: dict[str, dict]  # KATOTTG code → osm_names_katottg row (old names, population)
    by_name: dict[tuple[str, str], list[Point]]  # (admin-1 code, name key) → OSM and WOF points
    wof_by_name: dict[tuple[str, str], list[Point]]
    ocha_names: dict[str, tuple[str, str]]  # P-code → (romanised, Ukrainian), pre-2024 names
    hromadas: dict[str, dict]  # hromada P-code → {ua, ru, en, lat, lon}


def read_sources(folder: Path, oblast_at: Callable[[float, float], str | None]) -> Sources:
    osm_by_id: dict[str, Point] = {}
    by_name: dict[tuple[str, str], list[Point]] = defaultdict(list)
    with open(folder / "osm_settlements_10_oblasts.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            names = tuple(n for n in (row["name_uk"], row["name_en"]) if n)
            point = Point(float(row["lat"]), float(row["lon"]), "osm", names)
            osm_by_id[row["osm_id"]] = point
            by_name[(OSM_OBLASTS[row["oblast"]], _key(row["name_uk"]))].append(point)
    osm_by_code: dict[str, Point] = {}
    osm_rows: dict[str, dict] = {}
    with open(folder / "osm_names_katottg.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["katotth"]
            if not code:
                continue
            osm_rows[code] = row
            if row["osm_id"] in osm_by_id:
                osm_by_code[code] = osm_by_id[row["osm_id"]]
    wof_by_name: dict[tuple[str, str], list[Point]] = defaultdict(list)
    with open(folder / "wof_ua_localities.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["deprecated"] or row["is_current"] == "0":
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            oblast = oblast_at(lat, lon)
            if oblast is None:
                continue
            ukrainian = [row["name_ukr"], *_split(row["variants_ukr"])]
            names = (
                *ukrainian,
                row["name_rus"],
                *_split(row["variants_rus"]),
                row["name_eng"],
                *_split(row["variants_eng"]),
            )
            point = Point(
                lat,
                lon,
                "wof",
                tuple(dict.fromkeys(n for n in names if n)),
                int(row["gn_id"].split(",")[0]) if row["gn_id"] else None,
                int(float(row["population"])) if row["population"] else 0,
            )
            # Ukrainian and English names: Russian ones would meet other villages' names.
            english = [row["name_eng"], *_split(row["variants_eng"])]
            for key in {_key(n) for n in (*ukrainian, *english) if n}:
                by_name[(oblast, key)].append(point)
                wof_by_name[(oblast, key)].append(point)
    ocha_names: dict[str, tuple[str, str]] = {}
    with open(folder / "ocha_settlements_pcode.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            ocha_names[row["pcode"]] = (row["name_en"], row["name_uk"])
    hromadas = json.loads((folder / "ocha_hromada_centroids.json").read_text(encoding="utf-8"))
    return Sources(osm_by_code, osm_rows, by_name, wof_by_name, ocha_names, hromadas)


# ---------------------------------------------------------------------------------------------
# Placing and naming


def ukrainian_names(settlement: Settlement, sources: Sources) -> list[str]:
    """The settlement's Ukrainian names: official first, then pre-renaming ones."""
    names = [settlement.name_uk]
    ocha = sources.ocha_names.get(settlement.pcode)
    if ocha:
        names.append(ocha[1])
    osm = sources.osm_rows.get(settlement.code)
    if osm:
        names += [osm["name:uk"], osm["old_name:uk"], *_split(osm["old_name"].replace(";", "|"))]
    return list(dict.fromkeys(n for n in names if n and has_cyrillic(n)))


def locate(settlements: list[Settlement], sources: Sources) -> None:
    """Give each settlement a point (exact join, then name near its hromada), else its
    hromada's centroid with a radius. A point goes to one settlement only: two villages of a
    name in neighbouring hromadas are not both put on the one nearer both centroids."""
    taken_keys = _Taken()
    for settlement in settlements:
        point = sources.osm_by_code.get(settlement.code)
        if point is not None:
            settlement.point, settlement.located_by = point, "osm-code"
            taken_keys.add(point, settlement.oblast)
    by_centre = {id(s): _hromada_centre(s, sources) for s in settlements}
    _join_by_name(settlements, sources, by_centre, taken_keys)
    # a hromada OCHA has no centroid of is where its placed settlements are: a name is then
    # told apart from its namesakes in the oblast by them
    placed: dict[str, list[Point]] = defaultdict(list)
    for s in settlements:
        if s.point is not None and s.hromada_pcode:
            placed[s.hromada_pcode].append(s.point)
    for s in settlements:
        points = placed.get(s.hromada_pcode or "")
        if s.point is None and points and by_centre[id(s)] is None:
            by_centre[id(s)] = (
                sum(p.lat for p in points) / len(points),
                sum(p.lon for p in points) / len(points),
            )
    _join_by_name(settlements, sources, by_centre, taken_keys)
    _place_at_hromadas(settlements, sources)


class _Taken:
    """The points given to each oblast's settlements so far, and the records of the same
    village near them (OSM often has a village twice: a node and a relation; WOF a third
    time). (Per oblast: a border village may be in both oblasts' codifier lists.)"""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[Point]] = defaultdict(list)

    @staticmethod
    def _cell(point: Point) -> tuple[int, int]:
        return int(point.lat // _TAKEN_CELL), int(point.lon // _TAKEN_CELL)

    def add(self, point: Point, oblast: str) -> None:
        self.cells[(oblast, *self._cell(point))].append(point)

    def holds(self, point: Point, oblast: str) -> bool:
        row, column = self._cell(point)
        names = {_key(name) for name in point.names}
        return any(
            haversine_km((other.lat, other.lon), (point.lat, point.lon)) <= SAME_VILLAGE_KM
            and names & {_key(name) for name in other.names}
            for d_row in (-1, 0, 1)
            for d_column in (-1, 0, 1)
            for other in self.cells.get((oblast, row + d_row, column + d_column), ())
        )


# Two records of one name this close are one village (twin villages lie 1.3 km apart and
# more); the grid's cells are wider than that at Ukraine's latitudes, so the 3 × 3 cells
# around a point hold every record that close to it.
SAME_VILLAGE_KM = 1.0
_TAKEN_CELL = 0.015  # degrees: 1.67 km of latitude, 1.0 km of longitude at 52°


def _join_by_name(
    settlements: list[Settlement],
    sources: Sources,
    by_centre: dict[int, tuple[float, float] | None],
    taken: _Taken,
) -> None:
    """The unplaced settlements by name: each same-named point of the oblast within reach of
    its hromada's centre, the nearest pairs first, a point to one settlement only."""
    pairs: list[tuple[float, int, int, Point]] = []
    for index, settlement in enumerate(settlements):
        if settlement.point is not None:
            continue
        for rank, (distance, point) in enumerate(
            _same_name_points(settlement, sources, by_centre[id(settlement)])
        ):
            pairs.append((distance, rank, index, point))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    for _, _, index, point in pairs:
        settlement = settlements[index]
        if settlement.point is None and not taken.holds(point, settlement.oblast):
            settlement.point, settlement.located_by = point, f"{point.source}-name"
            taken.add(point, settlement.oblast)


def _hromada_centre(settlement: Settlement, sources: Sources) -> tuple[float, float] | None:
    hromada = sources.hromadas.get(settlement.hromada_pcode or "")
    return (hromada["lat"], hromada["lon"]) if hromada else None


def _same_name_points(
    settlement: Settlement, sources: Sources, centre: tuple[float, float] | None
) -> list[tuple[float, Point]]:
    """(distance from the hromada's centre, point) of the oblast's records of the settlement's
    names within reach, OSM before WOF at a distance; with no centre, the one place all the
    records agree on, if they do."""
    found: list[Point] = []
    for name in ukrainian_names(settlement, sources):
        found += sources.by_name.get((settlement.oblast, _key(name)), [])
    if not found:
        return []
    if centre is None:  # no way to tell homonyms of the oblast apart: only one place may match
        first = min(found, key=lambda p: p.source != "osm")
        same = all(haversine_km((first.lat, first.lon), (p.lat, p.lon)) <= 5 for p in found)
        # (first in the join: every record of the name in the oblast is this one place, and
        # without a centre the settlement has nowhere else to go)
        return [(0.0, first)] if same else []
    near = [(haversine_km(centre, (p.lat, p.lon)), p) for p in found]
    near = [(d, p) for d, p in near if d <= MAX_FROM_HROMADA_KM]
    return sorted(near, key=lambda dp: (dp[0], dp[1].source != "osm"))


def _place_at_hromadas(settlements: list[Settlement], sources: Sources) -> None:
    """The unplaced get their hromada's centroid; the radius is how far the hromada's placed
    settlements lie from it (a default when none is placed)."""
    reach: dict[str, float] = defaultdict(float)
    for s in settlements:
        centre = _hromada_centre(s, sources)
        if s.point is not None and centre is not None:
            distance = haversine_km(centre, (s.point.lat, s.point.lon))
            reach[s.hromada_pcode] = max(reach[s.hromada_pcode], distance)
    siblings: dict[str, list[Point]] = defaultdict(list)  # for hromadas OCHA has no centroid of
    for s in settlements:
        if s.point is not None and s.hromada_pcode:
            siblings[s.hromada_pcode].append(s.point)
    for s in settlements:
        if s.point is not None:
            continue
        centre = _hromada_centre(s, sources)
        placed = siblings.get(s.hromada_pcode or "")
        if centre is None and placed:
            centre = (
                sum(p.lat for p in placed) / len(placed),
                sum(p.lon for p in placed) / len(placed),
            )
            reach[s.hromada_pcode] = max(haversine_km(centre, (p.lat, p.lon)) for p in placed)
        if centre is None:
            continue
        s.point = Point(round(centre[0], 5), round(centre[1], 5), "ocha-hromada")
        s.located_by = "hromada"
        measured = reach.get(s.hromada_pcode)
        # (no same-name match was taken beyond MAX_FROM_HROMADA_KM, so neither is a radius)
        measured = min(measured, MAX_FROM_HROMADA_KM) if measured else None
        s.radius_km = round(max(measured, 5.0), 1) if measured else DEFAULT_HROMADA_RADIUS_KM


def wof_record(settlement: Settlement, sources: Sources) -> Point | None:
    """The Who's On First record of this settlement (GeoNames id, Russian name), if any."""
    if settlement.point is None:
        return None
    here = (settlement.point.lat, settlement.point.lon)
    best = None
    for name in ukrainian_names(settlement, sources):
        for point in sources.wof_by_name.get((settlement.oblast, _key(name)), []):
            distance = haversine_km(here, (point.lat, point.lon))
            limit = max(ENRICH_WITHIN_KM, settlement.radius_km)
            if distance <= limit and (best is None or distance < best[0]):
                best = (distance, point)
    return best[1] if best else None


def all_names(settlement: Settlement, sources: Sources, wof: Point | None) -> list[str]:
    """Every spelling a report may use: Ukrainian official and old names, their national
    romanisations, OCHA's and OSM's romanisations, Russian names (WOF's, then derived ones)."""
    ukrainian = ukrainian_names(settlement, sources)
    names = [*ukrainian, *(romanize_ukrainian(n) for n in ukrainian)]
    ocha = sources.ocha_names.get(settlement.pcode)
    if ocha:
        names.append(ocha[0])
    if settlement.point is not None and settlement.point.source == "osm":
        names += settlement.point.names
    if wof is not None:
        names += wof.names
    for name in ukrainian:
        names += russian_forms(name)
    return list(dict.fromkeys(n for n in names if n))


def population(settlement: Settlement, sources: Sources, wof: Point | None) -> int:
    """OSM's population tag where it is a number, else Who's On First's, else 0."""
    tag = sources.osm_rows.get(settlement.code, {}).get("population", "").replace(" ", "")
    if tag.isdigit():
        return int(tag)
    return wof.population if wof else 0


def coverage(settlements: list[Settlement]) -> dict:
    """Per oblast: settlements, how each was placed, how many have no point."""
    table: dict[str, Counter] = defaultdict(Counter)
    for s in settlements:
        table[s.oblast]["settlements"] += 1
        table[s.oblast][s.located_by or "missing"] += 1
    return {code: dict(sorted(c.items())) for code, c in sorted(table.items())}
