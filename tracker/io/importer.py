"""Import claims from GeoJSON or CSV: all or nothing, with a report line for every row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tracker.errors import ImportRowsError, InvalidInputError
from tracker.io.formats import FORMATS, IMPORT_FORMATS, format_for_suffix, import_format
from tracker.io.sourcelist import check_sources
from tracker.model import (
    EDITABLE_FIELDS,
    MAX_VERSION,
    Claim,
    Precision,
    check_claim_id,
    check_int,
    validate_claim_fields,
)
from tracker.store import Store
from tracker.store.core import utcnow
from tracker.store.corroboration import restore_sources

Progress = Callable[[str, int], None]
MATCH_KM = {Precision.SETTLEMENT: 15.0, Precision.NEAR: 25.0, Precision.REGION: 400.0}


@dataclass(frozen=True, slots=True)
class RowResult:
    """What became of one row: `new`, `unchanged` (already stored as is) or `error`."""

    row: str
    status: str
    claim_id: str | None = None
    name: str | None = None
    place_id: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict:
        return {
            "row": self.row,
            "status": self.status,
            "claim_id": self.claim_id,
            "name": self.name,
            "place_id": self.place_id,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    format: str
    rows: tuple[RowResult, ...]
    written: int
    dry_run: bool

    @property
    def errors(self) -> list[RowResult]:
        return [r for r in self.rows if r.status == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        counts = {"new": 0, "unchanged": 0, "error": 0}
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "ok": self.ok,
            "dry_run": self.dry_run,
            "written": self.written,
            "counts": self.counts(),
            "rows": [r.to_dict() for r in self.rows],
        }


def detect_format(path: str | Path, format: str | None = None) -> str:
    """The import format: `format` if given, else the one the file's ending names."""
    if format:
        return import_format(format).name
    found = format_for_suffix(path, IMPORT_FORMATS)
    if found is None:
        endings = [s for n in IMPORT_FORMATS for s in (FORMATS[n].suffix, *FORMATS[n].also_reads)]
        raise InvalidInputError(
            f"cannot import {Path(path).name!r}: give --format {' or '.join(IMPORT_FORMATS)} "
            f"(files ending {', '.join(endings[:-1])} or {endings[-1]} are recognised)"
        )
    return found.name


def read_records(path: str | Path, format: str, label: str | None = None) -> list[tuple[str, dict]]:
    """(row label, record) per row; `label` names the file in messages (default: its path)."""
    from tracker.textfile import check_utf8_text

    reader = import_format(format).read
    label = label or str(path)
    if not Path(path).is_file():
        raise InvalidInputError(f"no file {label!r}")
    check_utf8_text(path, label)
    return reader(path, label=label)


def _timestamp(record: dict, key: str) -> datetime | None:
    value = record.get(key)
    if value in (None, ""):
        return None
    try:
        parsed = datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInputError(f"{key} {value!r} is not an ISO 8601 date and time") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def match_place(gazetteer, name: str, lat: float, lon: float, *, max_km: float = 15.0, admin1=None):
    """The gazetteer place a (name, point) means: the best-ranked candidate near the point."""
    try:
        candidates = gazetteer.candidates(name, near=(lat, lon), admin1=admin1, limit=5)
    except InvalidInputError:
        candidates = []
    for candidate in candidates:
        if candidate.distance_km is not None and candidate.distance_km <= max_km:
            return candidate.place
    return None


class _ClaimBuilder:
    def __init__(self, *, by, allow_old_dates, gazetteer) -> None:
        self.by = by
        self.allow_old_dates = allow_old_dates
        self.gazetteer = gazetteer
        self.now = utcnow()
        self._places: dict[tuple, str | None] = {}
        self.sources: dict[str, list[dict]] = {}  # claim id -> attached sources from the file

    def build(self, record: dict) -> Claim:
        if "__error__" in record:
            raise InvalidInputError(record["__error__"])
        editable = {k: record[k] for k in EDITABLE_FIELDS if k in record}
        values = validate_claim_fields(editable, allow_old_dates=self.allow_old_dates)
        if "place_id" not in record and self.gazetteer is not None:
            # Only files without place ids are matched; an explicit empty one stays empty.
            values["place_id"] = self._place_id(values, record.get("admin1"))
        version = record.get("version")
        version = 1 if version in (None, "") else check_int("version", version, 1, MAX_VERSION)
        created_at = _timestamp(record, "created_at") or self.now
        created_by = record.get("created_by")
        if created_by is not None and not isinstance(created_by, str):
            raise InvalidInputError("created_by must be text")
        claim = Claim(
            id=check_claim_id(record.get("id")),
            **values,
            created_by=(created_by or "").strip()[:100] or self.by,
            created_at=created_at,
            updated_at=_timestamp(record, "updated_at") or created_at,
            version=version,
            deleted_at=_timestamp(record, "deleted_at"),
        )
        if "sources" in record:  # GeoJSON from `tracker export`: the corroborating reports
            attached = check_sources(record["sources"], record)
            if attached:
                self.sources[claim.id] = attached
        return claim

    def _place_id(self, values: dict, admin1) -> str | None:
        key = (values["name"], round(values["lat"], 4), round(values["lon"], 4), admin1)
        if key not in self._places:
            admin_hint = None
            if admin1:
                try:
                    admin_hint = self.gazetteer.region_for(str(admin1)) and str(admin1)
                except (InvalidInputError, LookupError):
                    admin_hint = None
            place = match_place(
                self.gazetteer,
                values["name"],
                values["lat"],
                values["lon"],
                max_km=MATCH_KM[values["precision"]],
                admin1=admin_hint,
            )
            self._places[key] = place.id if place else None
        return self._places[key]


def import_file(
    store: Store,
    path: str | Path,
    *,
    format: str | None = None,
    by: str | None = None,
    gazetteer=None,
    allow_old_dates: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    label: str | None = None,
) -> ImportReport:
    """Check every row, then write all new claims in one transaction, or none.

    Rows whose claim id the store holds with identical content are `unchanged` (so importing
    the same file twice is harmless); the same id with other content is an error. Places are
    matched to the gazetteer by name and coordinates when the file has no place_id. A GeoJSON
    feature's `sources` (as `tracker export` writes them) come back as the claim's attached
    sources, in the same transaction. Raises
    ImportRowsError (with the report) if any row is bad; nothing is written then.
    """
    format = detect_format(path, format)
    records = read_records(path, format, label)
    shown = label or str(path)
    builder = _ClaimBuilder(by=by, allow_old_dates=allow_old_dates, gazetteer=gazetteer)
    built: list[tuple[str, Claim | None, str | None]] = []
    for label, record in records:
        try:
            built.append((label, builder.build(record), None))
        except InvalidInputError as exc:
            built.append((label, None, str(exc)))
        if progress:
            progress("read", 1)
    existing = store.existing_ids(c.id for _, c, _ in built if c is not None)
    results: list[RowResult] = []
    new: list[Claim] = []
    seen: dict[str, str] = {}
    for label, claim, error in built:
        if claim is None:
            results.append(RowResult(label, "error", reason=error))
            continue
        if claim.id in seen:
            results.append(
                RowResult(
                    label,
                    "error",
                    claim.id,
                    claim.name,
                    reason=f"claim id {claim.id} is also used by {seen[claim.id]}",
                )
            )
            continue
        seen[claim.id] = label
        stored = existing.get(claim.id)
        if stored is not None and stored == claim:
            results.append(RowResult(label, "unchanged", claim.id, claim.name, claim.place_id))
        elif stored is not None:
            results.append(
                RowResult(
                    label,
                    "error",
                    claim.id,
                    claim.name,
                    reason=(
                        f"claim {claim.id} is already in the store with other content "
                        f"(version {stored.version}); edit it there instead"
                    ),
                )
            )
        else:
            results.append(RowResult(label, "new", claim.id, claim.name, claim.place_id))
            new.append(claim)
    report = ImportReport(shown, format, tuple(results), 0, dry_run)
    if not report.ok:
        first = report.errors[0]
        raise ImportRowsError(
            f"{len(report.errors)} of {len(results)} rows cannot be imported, so nothing was "
            f"written; {first.row}: {first.reason}",
            report,
        )
    written = 0
    if new and not dry_run:
        if progress:
            progress("write-start", len(new))
        with store.transaction():
            written = store.insert_claims(
                new, by=by, progress=(lambda n: progress("write", n)) if progress else None
            )
            restore_sources(
                store, {c.id: builder.sources[c.id] for c in new if c.id in builder.sources}, by=by
            )
    return ImportReport(shown, format, tuple(results), written, dry_run)
