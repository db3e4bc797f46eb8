"""Import a full GeoNames country dump (UA.txt, optionally alternateNamesV2.txt).

cities500 holds about 5,500 Ukrainian places; the country dump holds every settlement
(~30,000), most of them villages a front line runs through. The import writes a gazetteer
file into the user's data folder that `Gazetteer.load` merges with the shipped one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import DataFileError, TrackerError
from tracker.gazetteer import (
    Gazetteer,
    data_dir,
    default_gazetteer,
    reset_default_gazetteer,
    write_gazetteer_file,
)
from tracker.gazetteer_build import place_from_geonames
from tracker.model import Place, check_coordinates

GEONAMES_COLUMNS = 19
# Alternate-name "languages" that are codes or links, not names.
NOT_NAMES = {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "fr_1793", "tcid"}


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    places: int = 0
    new_places: int = 0
    skipped_not_populated: int = 0
    alternate_names: int = 0
    output: str = ""
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class _AltNames:
    names: list[str] = field(default_factory=list)
    ukrainian: str | None = None
    ukrainian_preferred: bool = False


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                line = line.rstrip("\n")
                if line and not line.startswith("#"):
                    yield number, line
    except FileNotFoundError:
        raise DataFileError(f"{path} does not exist") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path} is not UTF-8 text ({exc.reason})") from None


def read_alternate_names(path: Path, wanted: set[int]) -> dict[int, _AltNames]:
    """alternateNamesV2.txt rows for the wanted geonameids (the file may be the global one)."""
    result: dict[int, _AltNames] = defaultdict(_AltNames)
    for number, line in _lines(path):
        cols = line.split("\t")
        if len(cols) < 4:
            raise DataFileError(
                f"{path.name} line {number}: expected at least 4 tab-separated columns "
                f"(alternateNameId, geonameid, isolanguage, name), found {len(cols)}"
            )
        try:
            geonameid = int(cols[1])
        except ValueError:
            raise DataFileError(
                f"{path.name} line {number}: geonameid {cols[1]!r} is not a number"
            ) from None
        if geonameid not in wanted:
            continue
        language, name = cols[2], cols[3].strip()
        historic = len(cols) > 7 and cols[7] == "1"
        if language in NOT_NAMES or not name:
            continue
        entry = result[geonameid]
        entry.names.append(name)
        preferred = len(cols) > 4 and cols[4] == "1"
        better = entry.ukrainian is None or (preferred and not entry.ukrainian_preferred)
        if language == "uk" and not historic and better:
            entry.ukrainian, entry.ukrainian_preferred = name, preferred
    return result


def _parse_row(path: Path, number: int, line: str) -> list[str]:
    cols = line.split("\t")
    if len(cols) != GEONAMES_COLUMNS:
        raise DataFileError(
            f"{path.name} line {number}: expected {GEONAMES_COLUMNS} tab-separated columns "
            f"(the GeoNames dump format), found {len(cols)}"
        )
    return cols


def import_geonames_dump(
    path: Path,
    *,
    alternate_names: Path | None = None,
    gazetteer: Gazetteer | None = None,
    output_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read a dump, write its populated places as a gazetteer file; all or nothing."""
    path = Path(path)
    gazetteer = gazetteer or default_gazetteer()
    report = ImportReport(file=path.name)
    rows: list[list[str]] = []
    for number, line in _lines(path):
        cols = _parse_row(path, number, line)
        report.rows += 1
        if cols[6] != "P":  # feature class P: populated places
            report.skipped_not_populated += 1
            continue
        _check_numbers(path, number, cols)
        rows.append(cols)
        if progress:
            progress(1)
    if not rows:
        raise DataFileError(f"{path.name} holds no populated places (feature class P)")
    alt_names = (
        read_alternate_names(alternate_names, {int(c[0]) for c in rows}) if alternate_names else {}
    )
    report.alternate_names = sum(len(a.names) for a in alt_names.values())
    admin1_names = {p.admin1_code: p.admin1 for p in gazetteer.places if p.admin1_code and p.admin1}
    places: list[Place] = []
    for cols in rows:
        geonameid = int(cols[0])
        extra = alt_names.get(geonameid, _AltNames())
        alternates = [cols[2], *filter(None, cols[3].split(",")), *extra.names]
        places.append(
            place_from_geonames(
                geonameid=geonameid,
                name=cols[1],
                lat=float(cols[4]),
                lon=float(cols[5]),
                country=cols[8],
                admin1_code=cols[10] or None,
                population=int(cols[14] or 0),
                alternates=alternates,
                admin1_names=admin1_names,
                ukrainian_name=extra.ukrainian,
            )
        )
    report.places = len(places)
    known = {p.id for p in gazetteer.places}
    report.new_places = sum(1 for p in places if p.id not in known)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    target = (output_dir or data_dir() / "gazetteer") / f"{path.stem}.json.gz"
    write_gazetteer_file(
        target,
        places,
        {"geonames_dump": {"file": path.name, "sha256": digest, "licence": "CC BY 4.0"}},
    )
    report.output = str(target)
    reset_default_gazetteer()
    return report


def _check_numbers(path: Path, number: int, cols: list[str]) -> None:
    try:
        int(cols[0])
        int(cols[14] or 0)
    except ValueError:
        raise DataFileError(
            f"{path.name} line {number}: geonameid and population must be whole numbers"
        ) from None
    try:
        check_coordinates(cols[4], cols[5])
    except TrackerError as exc:
        raise DataFileError(f"{path.name} line {number}: {exc}") from None
