"""The offline gazetteer: places and regions, indexed by every spelling, ranked by evidence."""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import numpy as np
import orjson
from rapidfuzz import fuzz, process

from tracker import data_files, front_line
from tracker.areas import adjective_stem, parse_area
from tracker.case_forms import ADJECTIVE_CASE, case_form_test, declines_as_adjective, is_town_noun
from tracker.errors import DataFileError, NotFoundError
from tracker.geo import EARTH_RADIUS_KM, haversine_km
from tracker.model import Place, PlaceKind, check_coordinates
from tracker.names import (
    NAMES_VERSION,
    UKRAINIAN_ONLY_LETTERS,
    adjective_town_keys,
    convention_keys,
    fold,
    has_cyrillic,
    is_indexable,
    skeleton,
    stem_keys,
    strip_accents,
    validate_name,
)
from tracker.russian_names import russian_forms
from tracker.ukrainian_spellings import ukrainian_spellings

GEODATA_DIR = data_files.geodata_dir()
SHIPPED_GAZETTEER = data_files.geodata("gazetteer.json.gz")
# Shipped beside the gazetteer and read with it, kept apart for their licence: the villages of
# Russia's Kursk, Belgorod and Bryansk oblasts (scripts/ru_border_settlements.py).
SHIPPED_EXTRAS = (data_files.geodata("ru_border_settlements.json.gz"),)
FORMAT_VERSION = 4


class MatchReason(StrEnum):
    EXACT = "exact"  # the place's display or GeoNames name, as written
    VARIANT = "variant"  # one of its alternate names, as written
    TRANSLITERATION = "transliteration"  # another romanisation or script of one of its names
    INFLECTION = "inflection"  # a Ukrainian/Russian case form of one of its names
    FUZZY = "fuzzy"  # a near spelling (typo)
    NEAREST = "nearest"  # reverse geocoding: the place closest to a point


REASON_SCORE = {
    MatchReason.EXACT: 1.0,
    MatchReason.VARIANT: 0.95,
    MatchReason.TRANSLITERATION: 0.9,
    MatchReason.INFLECTION: 0.88,
    MatchReason.FUZZY: 0.6,
    MatchReason.NEAREST: 1.0,
}
# Evidence weights, in score units. Population decides only among otherwise equal names.
POPULATION_WEIGHT = 0.08
ADMIN1_WEIGHT = 0.3
NEAR_WEIGHT = 0.3
NEAR_SCALE_KM = 150.0
# The theatre prior: among homonyms of equal standing, the one where the war is. Ukraine, then
# the Russian regions on its border.
THEATRE_BONUS = {"UA": 0.05}
BORDER_REGION_BONUS = 0.03
BORDER_REGIONS = frozenset({"RU.41", "RU.09", "RU.10", "RU.86", "RU.61"})
# The gazetteer holds Poland's, Romania's, Hungary's and Slovakia's places near Ukraine only:
# as near the theatre as Russia's border regions ("Перемишль" is Przemyśl, not Peremyshl').
EU_NEIGHBOURS = frozenset({"PL", "RO", "HU", "SK"})
UKRAINIAN_SPELLING_BONUS = 0.05  # і ї є ґ in the query: a Ukrainian name, so likely a UA place
REGION_FACTOR = 0.97  # a bare "Sumy" is the city before it is the oblast
CONVENTION_FACTOR = 0.95  # a match only under a French/German/Polish reading
ALTERNATE_FACTOR = 0.94  # a respelling of some alternate name, not of the place's own name
# A case form of an alternate: Russian forms of Ukrainian places are alternates, and Russian
# reports inflect them, so this weighs little.
INFLECTED_ALTERNATE_FACTOR = 0.98
FUZZY_MIN_RATIO = 84.0
OTHER_WORD_COUNT_FACTOR = 0.9  # a two-word case form matching a one-word name's stem
TOWN_ADJECTIVE_FACTOR = 0.9  # an adjective read as its town, only when nothing else matches
# Two candidates this far apart whose evidence differs by less than STANDING_MARGIN (population
# aside) are homonyms the query cannot separate: `choose` refuses rather than guess.
AMBIGUOUS_KM = 50.0
CHOICE_POOL = 10  # candidates weighed to choose one answer
STANDING_MARGIN = 0.01
TOWN_POPULATION = 10_000
FUZZY_MIN_LENGTH = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible place for a name, with the score it earned and why."""

    place: Place
    score: float
    reason: MatchReason
    distance_km: float | None = None
    # Matched on the place's own name (its display or source name, in any spelling or case),
    # not on one of its alternates (an old name, another place's name for it).
    main_name: bool = False

    def to_dict(self) -> dict:
        data = self.place.to_dict()
        data["score"] = round(self.score, 4)
        data["reason"] = str(self.reason)
        if self.distance_km is not None:
            data["distance_km"] = round(self.distance_km, 1)
        return data


# An index maps a normal form to one entry (an int, the common case) or a list of entries;
# single ints keep the shipped file small and quick to parse.
Entries = int | list[int]


@dataclass
class NameIndex:
    """Normalised name forms → positions in the gazetteer's place list."""

    folds: dict[str, Entries]
    keys: dict[str, Entries]
    stems: dict[str, Entries]

    @classmethod
    def empty(cls) -> NameIndex:
        return cls({}, {}, {})

    def add(self, position: int, place: Place) -> None:
        """Index a place's names. Entries from its own names (`own_names`) are stored as
        ~position, so a lookup knows a match is on the main name."""
        for name, own in indexed_names(place):
            self._add_name(name, ~position if own else position, any_script=True)
        for name in cyrillic_only_names(place):
            _append(self.folds, fold(name), position)
            for stem in stem_keys(name, indexing=True):
                _append(self.stems, stem, position)

    def _add_name(self, name: str, entry: int, *, any_script: bool) -> None:
        _append(self.folds, fold(name), entry)
        _append(self.keys, skeleton(name), entry)
        for stem in stem_keys(name, indexing=True, any_script=any_script):
            _append(self.stems, stem, entry)

    def remove(self, position: int, place: Place) -> None:
        """Forget a place's entries: only the keys its names index under are visited (the
        same rules `add` used), not the whole index."""
        folds, keys, stems = index_keys(place)
        for mapping, touched in ((self.folds, folds), (self.keys, keys), (self.stems, stems)):
            for key in touched:
                value = mapping.get(key)
                if value is None:
                    continue
                kept = [e for e in entries(value) if decode_entry(e)[0] != position]
                if not kept:
                    del mapping[key]
                elif len(kept) != len(entries(value)):
                    mapping[key] = kept[0] if len(kept) == 1 else kept

    def to_json(self) -> dict:
        return {"folds": self.folds, "keys": self.keys, "stems": self.stems}


def own_names(place: Place) -> tuple[str, ...]:
    """A place's own names: its display name, the source's main name, the official Ukrainian
    name and the Russian forms of that name (not an old name, not another place's name)."""
    ukrainian = place.name_uk or ""
    russian = tuple(russian_forms(ukrainian)) if ukrainian else ()
    if not ukrainian and place.country in NATIVE_CYRILLIC_COUNTRIES:
        # a Russian or Belarusian place's name in its own script ("Курск", "Геленджик"),
        # which GeoNames lists among other languages' names: the one that spells its name
        key = skeleton(place.name)
        russian = tuple(
            n for n in place.alternate_names[1:] if has_cyrillic(n) and skeleton(n) == key
        )
    return (place.name, *place.alternate_names[:1], ukrainian, *russian)


NATIVE_CYRILLIC_COUNTRIES = frozenset({"RU", "BY"})


# An airport's or a station's code among a town's alternate names (Elista's "ESL" would read
# the Russian word "Если" as Elista); a region's letters are its name ("DPR").
_CODE = re.compile(r"[A-Z]{2,4}")


def indexed_names(place: Place) -> Iterator[tuple[str, bool]]:
    """The names a place is indexed under, each with whether it is one of its own names.
    Latin alternates are stemmed too: a Russian case form (Орехову) may only have a Latin
    nominative in the source (Orekhov)."""
    codes_are_names = place.kind == PlaceKind.REGION
    for own, names in ((True, own_names(place)), (False, place.alternate_names[1:])):
        for name in names:
            if is_indexable(name) and (codes_are_names or not _CODE.fullmatch(name)):
                yield name, own


def cyrillic_only_names(place: Place) -> list[str]:
    """A Russian place's names as Ukrainian reporting spells them ("Мартинівку" is Martynovka
    of Kursk Oblast too): alternates read only in Cyrillic text (a Latin "Kondratiwka" spells
    a Ukrainian Kindrativka, not Kondratovka of Kursk Oblast respelled)."""
    if place.country != "RU":
        return []
    return [u for n in own_names(place) if has_cyrillic(n) for u in ukrainian_spellings(n)]


def index_keys(place: Place) -> tuple[set[str], set[str], set[str]]:
    """The fold, skeleton and stem keys `NameIndex.add` files a place under."""
    folds: set[str] = set()
    keys: set[str] = set()
    stems: set[str] = set()
    for name, _ in indexed_names(place):
        folds.add(fold(name))
        keys.add(skeleton(name))
        stems.update(stem_keys(name, indexing=True, any_script=True))
    for name in cyrillic_only_names(place):
        folds.add(fold(name))
        stems.update(stem_keys(name, indexing=True))
    return folds, keys, stems


class LayeredEntries(Mapping[str, Entries]):
    """One mapping of an overlay's index: the base's entries (less those of `hidden`
    positions, places the overlay replaces), then the overlay's own. Reads only: the base is
    shared by every overlay and never changed."""

    __slots__ = ("base", "hidden", "own")

    def __init__(
        self, base: Mapping[str, Entries], own: dict[str, Entries], hidden: frozenset[int]
    ) -> None:
        self.base = base
        self.own = own
        self.hidden = hidden

    def get(self, key: str, default=None):  # type: ignore[override]
        below = self.base.get(key)
        above = self.own.get(key)
        if above is None:
            if below is None or not self.hidden:
                return default if below is None else below
            kept = [e for e in entries(below) if decode_entry(e)[0] not in self.hidden]
            return kept or default
        if below is None:
            return above
        kept = [e for e in entries(below) if decode_entry(e)[0] not in self.hidden]
        return [*kept, *entries(above)]

    def __getitem__(self, key: str) -> Entries:
        value = self.get(key)
        if value is None:
            if key not in self:
                raise KeyError(key)
            return []  # a key only hidden entries had
        return value

    def __contains__(self, key: object) -> bool:
        return key in self.own or key in self.base

    def __iter__(self) -> Iterator[str]:
        yield from self.base
        yield from (k for k in self.own if k not in self.base)

    def __len__(self) -> int:
        return len(self.base) + sum(1 for k in self.own if k not in self.base)


def entries(value: Entries | None) -> Sequence[int]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


def _append(mapping: dict[str, Entries], key: str, entry: int) -> None:
    if not key:
        return
    existing = mapping.get(key)
    if existing is None:
        mapping[key] = entry
        return
    # A place's entries are added together, main names first: keep the first per place.
    last = existing if isinstance(existing, int) else existing[-1]
    if decode_entry(last)[0] == decode_entry(entry)[0]:
        return
    if isinstance(existing, int):
        mapping[key] = [existing, entry]
    else:
        existing.append(entry)


def decode_entry(entry: int) -> tuple[int, bool]:
    """(position, matched on the place's main name) from an index entry."""
    return (~entry, True) if entry < 0 else (entry, False)


@dataclass(frozen=True, slots=True)
class QueryForms:
    """What a query is looked up by: its fold, its skeleton as written, its stems."""

    folded: str
    plain: str
    stems: tuple[str, ...]
    town_stems: tuple[str, ...] = ()  # the town an adjective names (Оріхівському → Оріхів)
    unaccented: str = ""  # a Latin query's fold without its accents, when it had any


@lru_cache(maxsize=100_000)
def query_forms(query: str) -> QueryForms:
    if not has_cyrillic(query):
        folded = fold(query)
        unaccented = strip_accents(folded)
        return QueryForms(
            folded, skeleton(query), (), (), "" if unaccented == folded else unaccented
        )
    stems = tuple(sorted(stem_keys(query)))
    return QueryForms(fold(query), skeleton(query), stems, tuple(adjective_town_keys(query)))


@lru_cache(maxsize=100_000)
def query_convention_keys(query: str) -> tuple[str, ...]:
    """Skeletons of the query under other languages' conventions, other than as written."""
    plain = skeleton(query)
    return tuple(sorted(k for k in convention_keys(query) if k != plain))


_UKRAINIAN_CASE_ENDING = re.compile(r"(?<=[^\W\d_])і(?=$|[\s'’-])", re.IGNORECASE)


def spelled_in_ukrainian(query: str) -> bool:
    """і ї є ґ in the name itself, not only as a Ukrainian case ending: "Воронежі" is how a
    Ukrainian text inflects the Russian Воронеж, "Бровари" and "Київ" are Ukrainian names."""
    lowered = query.lower()
    if not set(lowered) & UKRAINIAN_ONLY_LETTERS:
        return False
    return bool(set(_UKRAINIAN_CASE_ENDING.sub("", lowered)) & UKRAINIAN_ONLY_LETTERS)


def clear_name_caches() -> None:
    """Empty the memoised normal forms of queried names (for cold-start measurements)."""
    from tracker import names

    query_forms.cache_clear()
    query_convention_keys.cache_clear()
    for cached in (names.fold, names._skeleton_word, names._latin_words, names.match_keys):
        cached.cache_clear()


def build_index(places: Sequence[Place]) -> NameIndex:
    index = NameIndex.empty()
    for position, place in enumerate(places):
        index.add(position, place)
    return index


# ---------------------------------------------------------------------------------------------
# Files


def _place_to_row(place: Place) -> list:
    return [
        place.id,
        place.geonameid,
        place.name,
        place.lat,
        place.lon,
        place.country,
        place.admin1_code,
        place.admin1,
        place.population,
        str(place.kind),
        list(place.alternate_names),
        list(place.parts),
        place.katottg,
        place.name_uk,
        place.raion,
        place.hromada,
        place.radius_km,
    ]


_KINDS = {kind.value: kind for kind in PlaceKind}


def _place_from_row(row: list) -> Place:
    pid, gid, name, lat, lon, country, code, admin1, population, kind, alternates, parts = row[:12]
    # Positional: this runs for every place at start-up.
    return Place(
        pid,
        name,
        lat,
        lon,
        country,
        code,
        admin1,
        population,
        _KINDS[kind],
        gid,
        tuple(alternates),
        tuple(parts),
        *row[12:],
    )


def write_gazetteer_file(path: Path, places: Sequence[Place], sources: dict) -> None:
    """Write places and their prebuilt index; deterministic bytes for the same input."""
    index = build_index(places)
    document = {
        "format": FORMAT_VERSION,
        "names_version": NAMES_VERSION,
        "sources": sources,
        "places": [_place_to_row(p) for p in places],
        "index": index.to_json(),
    }
    payload = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with (
        open(tmp, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(payload.encode("utf-8"))
    os.replace(tmp, path)


def read_gazetteer_file(path: Path) -> tuple[list[Place], NameIndex, dict]:
    try:
        with gzip.open(path, "rb") as fh:
            document = orjson.loads(fh.read())
    except FileNotFoundError:
        raise DataFileError(f"gazetteer file {path} is missing; run `make geodata`") from None
    except (OSError, ValueError, orjson.JSONDecodeError) as exc:
        raise DataFileError(f"gazetteer file {path} is unreadable: {exc}") from None
    if document.get("format") not in (3, FORMAT_VERSION):  # 3: rows without codifier fields
        raise DataFileError(f"gazetteer file {path} has an unknown format; rebuild it")
    places = [_place_from_row(row) for row in document["places"]]
    if document.get("names_version") == NAMES_VERSION:
        raw = document["index"]
        index = NameIndex(raw["folds"], raw["keys"], raw["stems"])
    else:  # built with older name rules: rebuild in memory rather than miss names
        index = build_index(places)
    return places, index, document.get("sources", {})


def data_dir() -> Path:
    """Where user data lives (imported GeoNames dumps): $TRACKER_DATA_DIR or ~/.local/share."""
    configured = os.environ.get("TRACKER_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "frontline-tracker"


def imported_gazetteer_files() -> list[Path]:
    folder = data_dir() / "gazetteer"
    return sorted(folder.glob("*.json.gz")) if folder.is_dir() else []


# ---------------------------------------------------------------------------------------------
# The gazetteer


RAION_CENTRE_POPULATION = 5_000


def _consonants(stem: str) -> str:
    """An adjective stem's consonants ("smnvsk"), its key apart from the vowels: a stem "+" so
    that no stem is read as a consonant key."""
    # (a Russian "-жск-" is a Ukrainian "-зьк-": Запорожского, Запорізького)
    return "+" + re.sub(r"[aeiouy]", "", stem).replace("Ss", "z")


class Gazetteer:
    """Places and regions with a name index; `candidates` ranks the places a name may mean."""

    def __init__(self, places: Sequence[Place] = (), index: NameIndex | None = None) -> None:
        self.places: list[Place] = list(places)
        self.index = index if index is not None else build_index(self.places)
        self.sources: dict = {}
        self._by_id = {p.id: i for i, p in enumerate(self.places)}
        self._coords: np.ndarray | None = None
        self._fuzzy_buckets: dict[tuple[str, int], list[str]] | None = None
        self._priors: dict[int, float] = {}
        # (kind, adjective stem) -> raion or hromada labels, built on first use
        self._area_stems: dict[tuple[str, str], set[str]] | None = None
        self._regions: list[Place] | None = None
        self._overlay_of: Gazetteer | None = None  # set by `with_places`

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None, *, include_imported: bool = True) -> Gazetteer:
        """The shipped gazetteer (with the files shipped beside it), plus any GeoNames dumps
        the user imported. A `path` given is read alone (with imports)."""
        places, index, sources = read_gazetteer_file(path or SHIPPED_GAZETTEER)
        gazetteer = cls(places, index)
        gazetteer.sources = dict(sources)
        if path is None:
            for extra in SHIPPED_EXTRAS:
                if extra.is_file():
                    gazetteer.merge_file(extra)
        if include_imported:
            for extra in imported_gazetteer_files():
                gazetteer.merge_file(extra)
        return gazetteer

    def merge_file(self, path: Path) -> int:
        """Add the places of another gazetteer file that this one lacks (its sources join
        `sources`); returns how many."""
        self._check_mutable()
        places, index, sources = read_gazetteer_file(path)
        remap: dict[int, int] = {}
        for old, place in enumerate(places):
            if place.id not in self._by_id:
                remap[old] = self._register(place)
        for ours, theirs in (
            (self.index.folds, index.folds),
            (self.index.keys, index.keys),
            (self.index.stems, index.stems),
        ):
            for key, value in theirs.items():
                for entry in entries(value):
                    position, main = decode_entry(entry)
                    if position in remap:
                        _append(ours, key, ~remap[position] if main else remap[position])
        for key, record in sources.items():
            self.sources.setdefault(key, record)
        self._invalidate()
        return len(remap)

    def add_places(self, places: Iterable[Place]) -> None:
        """Make places known to the index, in place; replaces same ids. (A gazetteer shared
        by threads is never changed: `with_places` builds an overlay instead.)"""
        self._check_mutable()
        for place in places:
            existing = self._by_id.get(place.id)
            if existing is not None:
                self._unindex(existing)
                self.places[existing] = place
                self.index.add(existing, place)
            else:
                self.index.add(self._register(place), place)
        self._invalidate()

    def _check_mutable(self) -> None:
        if self._overlay_of is not None:
            raise TypeError("an overlay is read-only; build another with base.with_places()")

    def _register(self, place: Place) -> int:
        self.places.append(place)
        position = len(self.places) - 1
        self._by_id[place.id] = position
        return position

    def _unindex(self, position: int) -> None:
        self.index.remove(position, self.places[position])

    def with_places(self, places: Iterable[Place]) -> Gazetteer:
        """A new gazetteer: this one's places plus `places` (same ids replace), as an overlay
        that shares this one's places and index. This one is left as it was, so readers in
        other threads never see it change; build a new overlay when the places change."""
        places = list(places)
        overlay = Gazetteer.__new__(Gazetteer)
        overlay.places = list(self.places)
        overlay._by_id = dict(self._by_id)
        overlay.sources = self.sources
        own = NameIndex.empty()
        hidden: set[int] = set()
        for place in places:
            position = overlay._by_id.get(place.id)
            if position is None:
                position = overlay._register(place)
            elif position < len(self.places):
                hidden.add(position)  # a place of the base replaced: its entries hidden
                overlay.places[position] = place
            else:  # the same id twice in `places`: the later one wins
                own.remove(position, overlay.places[position])
                overlay.places[position] = place
            own.add(position, place)
        frozen = frozenset(hidden)
        overlay.index = NameIndex(
            LayeredEntries(self.index.folds, own.folds, frozen),  # type: ignore[arg-type]
            LayeredEntries(self.index.keys, own.keys, frozen),  # type: ignore[arg-type]
            LayeredEntries(self.index.stems, own.stems, frozen),  # type: ignore[arg-type]
        )
        overlay._overlay_of = self
        overlay._coords = None
        overlay._fuzzy_buckets = None
        overlay._priors = {}
        overlay._area_stems = None
        overlay._regions = None
        return overlay

    @property
    def base(self) -> Gazetteer:
        """The gazetteer this one overlays (itself when it is not an overlay)."""
        return self._overlay_of or self

    def _invalidate(self) -> None:
        self._coords = None
        self._fuzzy_buckets = None
        self._area_stems = None
        self._regions = None
        self._priors.clear()

    # -- lookup --------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place:
        try:
            return self.places[self._by_id[place_id]]
        except KeyError:
            raise NotFoundError(f"no place with id {place_id!r}") from None

    def regions(self) -> list[Place]:
        if self._regions is None:
            self._regions = [p for p in self.places if p.kind == PlaceKind.REGION]
        return list(self._regions)

    def region_for(self, text: str) -> Place:
        """The region an admin-1 hint names: a code ("UA.05", "05") or any region name."""
        text = validate_name(text)
        code = text.upper()
        for region in self.regions():
            if (
                region.admin1_code
                and code in (region.admin1_code, region.admin1_code[3:])
                and (region.admin1_code.startswith("UA") or "." in code)
            ):
                return region
        ranked = [c for c in self.candidates(text, limit=20) if c.place.kind == PlaceKind.REGION]
        if not ranked:
            raise NotFoundError(f"{text!r} is not a region the gazetteer knows")
        return ranked[0].place

    def area(self, text: str) -> tuple[str, frozenset[str]]:
        """The raion or hromada a phrase names ("Pokrovsk Raion", "Курахівської міської
        громади", "Kurakhove hromada"): its kind and the labels of the units it may be."""
        named = parse_area(validate_name(text))
        if named is None:
            raise NotFoundError(
                f"{text!r} names no raion or hromada (write it as 'Pokrovsk raion' or "
                "'Kurakhove hromada')"
            )
        stem = adjective_stem(named.name) or ""
        index = self._area_index()
        labels = set(index.get((named.kind, stem), ())) or set(
            index.get((named.kind, _consonants(stem)), ()) if stem else ()
        )
        if not labels:
            # "Kurakhove hromada": the unit whose centre the name is — the place of that name
            # whose unit is named most like it (Synelnykove, Synelnykivskyi Raion), the larger
            # first among equals.
            found = self.candidates(named.name, country="UA", kind="settlement", limit=10)
            written = fold(named.name)

            def likeness(candidate: Candidate) -> tuple[int, int]:
                label = fold(getattr(candidate.place, named.kind) or "")
                shared = next(
                    (i for i, (a, b) in enumerate(zip(label, written, strict=False)) if a != b),
                    min(len(label), len(written)),
                )
                return -shared, -candidate.place.population

            for candidate in sorted(found, key=likeness):
                label = getattr(candidate.place, named.kind)
                if named.kind == "raion" and candidate.place.population < RAION_CENTRE_POPULATION:
                    continue  # (a raion is named after a town: not "Запорожское", a village)
                if candidate.main_name and label:
                    labels.add(label)
                    break
        if not labels:
            raise NotFoundError(f"{text!r} is not a {named.kind} the gazetteer knows")
        return named.kind, frozenset(labels)

    def _area_index(self) -> dict[tuple[str, str], set[str]]:
        if self._area_stems is None:
            index: dict[tuple[str, str], set[str]] = {}
            for place in self.places:
                for kind in ("raion", "hromada"):
                    label = getattr(place, kind)
                    stem = adjective_stem(label) if label else None
                    if stem:
                        index.setdefault((kind, stem), set()).add(label)
                        # (and by its consonants: a Russian rendering of a Ukrainian unit's
                        # adjective differs in its vowels, "Семеновской" for "Семенівська")
                        index.setdefault((kind, _consonants(stem)), set()).add(label)
            self._area_stems = index
        return self._area_stems

    def candidates(
        self,
        name: str,
        *,
        near: tuple[float, float] | None = None,
        admin1: str | None = None,
        area: str | None = None,
        within_km: float | None = None,
        country: str | None = None,
        kind: PlaceKind | str | None = None,
        limit: int = 10,
        fuzzy: bool = True,
        by_case_form: bool = True,
    ) -> list[Candidate]:
        """Places `name` may mean, best first, each with a score and the reason it matched.

        Evidence: how the name matched, the admin-1 region (`admin1`: a code or a region name:
        places outside it, regions too, are left out), closeness to `near` (lat, lon), and
        population.
        `area` (a raion or hromada, "Pokrovsk raion") leaves out settlements outside it;
        `within_km` leaves out settlements farther than that from `near` (a relative cue:
        "10 km south of Huliaipole").
        `country` and `kind` filter.
        `fuzzy=False` skips near spellings (for scanning text, where a typo match is noise).
        `by_case_form` keeps, of the places a one-word Cyrillic case form's stem matches, those
        whose name can take that ending ("Шахтарського" declines Шахтарське, not Шахтарськ),
        when any can; extraction, which reads the words around, decides that itself.
        """
        query = validate_name(name)
        if near is not None:
            near = check_coordinates(*near)
        admin1_codes = self._admin1_codes(admin1) if admin1 else None
        area_kind, area_labels = self.area(area) if area else ("", frozenset())
        found = self._match(query, fuzzy=fuzzy)
        numbered = _NUMBERED.match(query)
        if not found and numbered:
            # "1st Knyazhy", "2-й Княжий": villages told apart by a number the gazetteer's
            # name may lack; the name without it, no better than a transliteration
            found = {
                position: (reason, score * CONVENTION_FACTOR, main)
                for position, (reason, score, main) in self._match(
                    query[numbered.end() :], fuzzy=fuzzy
                ).items()
            }
        ukrainian_spelling = spelled_in_ukrainian(query)
        kind = PlaceKind(kind) if kind else None
        country = country.upper() if country else None
        ranked: list[tuple[float, int, MatchReason, float | None, bool]] = []
        for position, (reason, base, main) in found.items():
            place = self.places[position]
            if (country and place.country != country) or (kind and place.kind != kind):
                continue
            inside = admin1_codes is None or bool(place.admin1_codes & admin1_codes)
            if not inside:
                continue  # a region the user names bounds the answer: refuse, don't misplace
            if area and getattr(place, area_kind) not in area_labels:
                continue
            score = base * (REGION_FACTOR if place.kind == PlaceKind.REGION else 1.0)
            score += self._prior(position)
            if ukrainian_spelling and place.country == "UA":
                score += UKRAINIAN_SPELLING_BONUS
            if admin1_codes is not None:
                score += ADMIN1_WEIGHT if inside else -ADMIN1_WEIGHT
            distance = None
            if near is not None:
                distance = haversine_km(near, place.point)
                if within_km is not None and distance > within_km:
                    continue
                score += NEAR_WEIGHT * math.exp(-distance / NEAR_SCALE_KM)
            ranked.append((score, position, reason, distance, main))
        places = self.places
        if by_case_form and has_cyrillic(query) and " " not in query:
            ranked = _fitting_case_form(query, ranked, places)
        ranked.sort(key=lambda r: (-r[0], -places[r[1]].population, places[r[1]].id))
        return [
            Candidate(places[position], score, reason, distance, main)
            for score, position, reason, distance, main in ranked[: max(limit, 0)]
        ]

    def _prior(self, position: int) -> float:
        """What a place earns before any evidence: population, the theatre prior and, for a
        settlement, closeness to the line of contact."""
        prior = self._priors.get(position)
        if prior is None:
            place = self.places[position]
            prior = _standing_prior(place) + _theatre_prior(place)
            self._priors[position] = prior
        return prior

    def _admin1_codes(self, admin1: str) -> set[str]:
        return set(self.region_for(admin1).admin1_codes)

    def _match(
        self, query: str, *, fuzzy: bool = True
    ) -> dict[int, tuple[MatchReason, float, bool]]:
        """Positions matching the query, with the strongest reason, its base score, and whether
        some match was on the place's own name."""
        found: dict[int, tuple[MatchReason, float, bool]] = {}
        offer = _offer_into(found)
        forms = query_forms(query)
        for entry in entries(self.index.folds.get(forms.folded)):
            position, main = decode_entry(entry)
            offer(position, MatchReason.EXACT if main else MatchReason.VARIANT, main=main)
        if forms.unaccented:
            # "Kamianské": the French accent is spelling, so every Kamianske is as good a
            # reading as the city whose French name carries it
            for entry in entries(self.index.folds.get(forms.unaccented)):
                position, main = decode_entry(entry)
                offer(position, MatchReason.VARIANT, main=main)
        self._offer_keys(forms.plain, 1.0, offer)
        if not any(reason == MatchReason.EXACT for reason, _, _ in found.values()):
            # A name found as written needs no French, German or Polish re-reading.
            for key in query_convention_keys(query):
                self._offer_keys(key, CONVENTION_FACTOR, offer)
            if not has_cyrillic(query):
                self._namesakes_as_variants(found, offer)
        word_count = forms.folded.count(" ") + 1
        for stem in forms.stems:
            for entry in entries(self.index.stems.get(stem)):
                position, main = decode_entry(entry)
                factor = 1.0 if main else INFLECTED_ALTERNATE_FACTOR
                if word_count > 1 and not self._has_names_of(position, word_count):
                    # stems join across words: "Белой Горы" also stems like Белогорье
                    factor *= OTHER_WORD_COUNT_FACTOR
                offer(position, MatchReason.INFLECTION, factor, main=main)
        if not found:
            # Nothing bears the name itself: an adjective may name a town ("на Оріхівському
            # напрямку"), a weaker reading than any direct one.
            for stem in forms.town_stems:
                for entry in entries(self.index.stems.get(stem)):
                    position, main = decode_entry(entry)
                    offer(position, MatchReason.INFLECTION, TOWN_ADJECTIVE_FACTOR, main=main)
        if not found and fuzzy:
            self._fuzzy(forms.plain, offer)
        return found

    def _namesakes_as_variants(self, found: dict, offer) -> None:
        """A Latin spelling that is one place's alternate name ("Dorozhnoye", a Crimean
        village's Russian name) spells every place of its name the same way: their
        transliterations count as variants too."""
        places = self.places
        named = {
            places[p].name for p, (reason, _, _) in found.items() if reason == MatchReason.VARIANT
        }
        if not named:
            return
        for position, (reason, _, main) in list(found.items()):
            if reason == MatchReason.TRANSLITERATION and places[position].name in named:
                offer(position, MatchReason.VARIANT, main=main)

    def _has_names_of(self, position: int, word_count: int) -> bool:
        """Whether one of a place's names has that many words."""
        place = self.places[position]
        return any(
            fold(name).count(" ") + 1 == word_count
            for name in (place.name, place.name_uk or "", *place.alternate_names)
        )

    def _offer_keys(self, key: str, factor: float, offer) -> None:
        for entry in entries(self.index.keys.get(key)):
            position, main = decode_entry(entry)
            offer(
                position,
                MatchReason.TRANSLITERATION,
                factor * (1.0 if main else ALTERNATE_FACTOR),
                main=main,
            )

    def _fuzzy(self, key: str, offer) -> None:
        """Near spellings: keys with the same first letter and a similar length."""
        if len(key) < FUZZY_MIN_LENGTH:
            return
        if self._fuzzy_buckets is None:
            buckets: dict[tuple[str, int], list[str]] = {}
            for k in self.index.keys:
                buckets.setdefault((k[0], len(k)), []).append(k)
            self._fuzzy_buckets = buckets
        pool = [
            k
            for n in range(len(key) - 2, len(key) + 3)
            for k in self._fuzzy_buckets.get((key[0], n), ())
        ]
        for match, ratio, _ in process.extract(
            key, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_RATIO, limit=10
        ):
            for entry in entries(self.index.keys[match]):
                offer(decode_entry(entry)[0], MatchReason.FUZZY, ratio / 100.0)

    # -- space ---------------------------------------------------------------------------------

    def nearest(
        self, lat: float, lon: float, *, limit: int = 5, kind: PlaceKind | None = None
    ) -> list[tuple[Place, float]]:
        """The places closest to a point, with their distance in km."""
        lat, lon = check_coordinates(lat, lon)
        if self._coords is None:
            self._coords = np.radians(np.array([p.point for p in self.places], dtype=float))
        lat_r, lon_r = math.radians(lat), math.radians(lon)
        d_lat = self._coords[:, 0] - lat_r
        d_lon = self._coords[:, 1] - lon_r
        h = (
            np.sin(d_lat / 2) ** 2
            + np.cos(lat_r) * np.cos(self._coords[:, 0]) * np.sin(d_lon / 2) ** 2
        )
        distances = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        order = np.argsort(distances)
        results = []
        for position in order:
            place = self.places[int(position)]
            if kind is not None and place.kind != kind:
                continue
            results.append((place, float(distances[position])))
            if len(results) >= limit:
                break
        return results


def _fitting_case_form(word: str, ranked: list, places: Sequence[Place]) -> list:
    """The ranked matches without inflections the word's ending rules out, unless none is
    left. An adjective's case form keeps the towns in -ськ: it names their direction or raion
    ("Шахтарського району") as often as a village declined so (`choose` weighs that)."""
    fits = case_form_test(word)
    if fits is None or fits is declines_as_adjective:
        return ranked
    kept = [r for r in ranked if r[2] != MatchReason.INFLECTION or fits(places[r[1]])]
    return kept or ranked


def _offer_into(found: dict[int, tuple[MatchReason, float, bool]]):
    """A function that records a match in `found`, keeping each place's strongest reason and
    whether any match was on its own name."""

    def offer(position: int, reason: MatchReason, factor: float = 1.0, main: bool = False) -> None:
        score = REASON_SCORE[reason] * factor
        known = found.get(position)
        if known is None or known[1] < score:
            found[position] = (reason, score, main or (known is not None and known[2]))
        elif main and not known[2]:
            found[position] = (known[0], known[1], True)

    return offer


def _population_prior(population: int) -> float:
    return POPULATION_WEIGHT * min(math.log10(population + 1) / 6.0, 1.0)


# A leading number with or without an ordinal ending: "1st ", "2-й ", "1-y ".
_NUMBERED = re.compile(r"\d+(?:-?[^\W\d_]{1,3})?\s+(?=\S)")


def _standing_prior(place: Place) -> float:
    """The part of a score that is no evidence about the text: a place's size and its
    closeness to the front rank homonyms, but alone they do not decide between them."""
    return _population_prior(place.population) + front_line.prior(place)


def choose(candidates: Sequence[Candidate], query: str = "") -> tuple[Candidate | None, str | None]:
    """The answer among ranked candidates, or None and why: the first one, unless another
    place of the same standing (the same evidence but population) lies more than AMBIGUOUS_KM
    from it — several Myrne in Kharkiv Oblast, and the hint cannot tell which. A town of
    TOWN_POPULATION or more that outnumbers the other tenfold stands on its own (Lyman, the
    town, before a village Lyman) unless the other's evidence is better than its own, or the
    `query` is an adjective's case form: "Шахтарського" is the village Шахтарське as readily as
    the town Шахтарськ's raion."""
    if not candidates:
        return None, "no place of that name"
    # the front ranks homonyms but decides nothing: weighed without it
    candidates = sorted(candidates, key=lambda c: -(c.score - front_line.prior(c.place)))
    first = candidates[0]
    standing = first.score - _standing_prior(first.place)
    adjective = has_cyrillic(query) and bool(ADJECTIVE_CASE.search(query))
    margin = STANDING_MARGIN
    for other in candidates[1:]:
        if other.score - _standing_prior(other.place) < standing - margin:
            continue
        if other.place.kind != first.place.kind:
            continue
        distance = haversine_km(first.place.point, other.place.point)
        if distance <= AMBIGUOUS_KM:
            continue
        big, small = first.place.population, other.place.population
        other_standing = other.score - _standing_prior(other.place)
        if (
            big >= TOWN_POPULATION
            and big >= 10 * small
            and other_standing < standing + margin
            and not (adjective and is_town_noun(first.place))
        ):
            continue
        return None, (
            f"ambiguous: {first.place.name} ({first.place.admin1 or first.place.country}) and "
            f"{other.place.name} ({other.place.admin1 or other.place.country}), "
            f"{distance:.0f} km apart; narrow it with a place nearby or a raion"
        )
    return first, None


def _theatre_prior(place: Place) -> float:
    if place.admin1_code in BORDER_REGIONS or place.country in EU_NEIGHBOURS:
        return BORDER_REGION_BONUS
    return THEATRE_BONUS.get(place.country, 0.0)


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded once (by one thread) and never changed afterwards:
    custom places go into overlays (`with_places`, `tracker.gazetteer_overlay`)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Gazetteer.load()
    return _default


def reset_default_gazetteer() -> None:
    """Forget the process-wide gazetteer (after an import changed the files it merges)."""
    global _default
    with _default_lock:
        _default = None
