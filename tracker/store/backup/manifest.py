"""What a backup says about itself: its manifest (`BackupInfo`), the result of a restore,
the errors, and the facts (schema version, row counts) read from a tracker database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from tracker.errors import InvalidInputError, StoreError, TrackerError
from tracker.store.dialects import DIALECTS

# The tables whose rows are the tracker's data (a target without rows in them is empty).
DATA_TABLES = (
    "claims",
    "claim_history",
    "reports",
    "custom_places",
    "baselines",
    "proposals",
    "sources",
    "claim_sources",
)


class BackupError(StoreError):
    """A backup or restore could not be made (tool missing, pg_dump/pg_restore failed)."""


class NotABackupError(InvalidInputError):
    """The file is not a tracker backup, or it is truncated or damaged."""


class TargetNotEmptyError(TrackerError, FileExistsError):
    """The restore target already holds data; restoring would replace it (needs force)."""


class BackupInterrupted(BackupError):
    """SIGTERM stopped a backup or restore; its scratch copy was removed on the way out."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup holds, as recorded in its manifest."""

    backend: str  # "sqlite" | "postgis"
    schema_version: int
    claims: int  # every claim, deleted ones included
    deleted_claims: int
    history: int
    reports: int
    custom_places: int
    baselines: int
    created_at: datetime
    source: str  # the database it was taken from (password hidden)
    tracker_version: str
    size: int  # bytes of the payload
    sha256: str  # of the payload
    pg_schema: str | None = None  # PostgreSQL: the schema the tracker's tables live in

    def to_dict(self) -> dict:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data

    @classmethod
    def from_manifest(cls, data: dict) -> BackupInfo:
        try:
            values = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
            values["created_at"] = datetime.fromisoformat(values["created_at"])
            info = cls(**values)
        except (KeyError, TypeError, ValueError) as exc:
            raise NotABackupError(f"the backup's manifest is incomplete ({exc})") from None
        if info.backend not in DIALECTS:
            raise NotABackupError(
                f"the backup's manifest names an unknown back end {info.backend!r}; "
                f"known: {', '.join(DIALECTS)}"
            )
        return info

    def counts(self) -> dict[str, int]:
        return {
            "claims": self.claims,
            "deleted_claims": self.deleted_claims,
            "history": self.history,
            "reports": self.reports,
            "custom_places": self.custom_places,
            "baselines": self.baselines,
        }

    def describe(self) -> str:
        """'schema version 3, 120 claims (4 deleted), 250 history rows, ...'."""

        n = plural
        return (
            f"schema version {self.schema_version}, {n(self.claims, 'claim')} "
            f"({self.deleted_claims:,} deleted), {n(self.history, 'history row')}, "
            f"{n(self.reports, 'report')}, {n(self.custom_places, 'custom place')}, "
            f"{n(self.baselines, 'baseline')}"
        )


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """A finished restore: what was restored, where, and whether data there was replaced."""

    info: BackupInfo
    target: str  # display URL
    replaced_data: bool

    def to_dict(self) -> dict:
        return {**self.info.to_dict(), "target": self.target, "replaced_data": self.replaced_data}


def tracker_facts(
    scalar: Callable[[str], int | None],
    tables: set[str],
    where: str,
    qualify: Callable[[str], str] = lambda table: table,
) -> dict:
    """Schema version and row counts of a tracker database; NotABackupError if it is none."""
    if "schema_migrations" not in tables or "claims" not in tables:
        raise NotABackupError(f"{where} is not a tracker database (it has no tracker tables)")
    version = scalar(f"SELECT max(version) FROM {qualify('schema_migrations')}")
    if not version:
        raise NotABackupError(f"{where} is not a tracker database (no schema version recorded)")

    def count(table: str, condition: str = "") -> int:
        return (
            scalar(f"SELECT count(*) FROM {qualify(table)} {condition}") if table in tables else 0
        )

    return {
        "schema_version": int(version),
        "claims": count("claims"),
        "deleted_claims": count("claims", "WHERE deleted_at IS NOT NULL"),
        "history": count("claim_history"),
        "reports": count("reports"),
        "custom_places": count("custom_places"),
        "baselines": count("baselines"),
    }


def plural(count: int, one: str) -> str:
    return f"{count:,} {one if count == 1 else one + 's'}"


def summarise_counts(facts: dict) -> str:
    return ", ".join(
        plural(facts.get(key, 0), label)
        for key, label in (
            ("claims", "claim"),
            ("history", "history row"),
            ("reports", "report"),
            ("custom_places", "custom place"),
            ("baselines", "baseline"),
        )
    )


def differences(info: BackupInfo, facts: dict) -> str:
    """'' if `facts` (read from a database) match the manifest, else what differs."""
    expected = {**info.counts(), "schema_version": info.schema_version}
    wrong = [f"{k} {facts.get(k)} (not {v})" for k, v in expected.items() if facts.get(k) != v]
    return ", ".join(wrong)


def check_counts(src: Path, info: BackupInfo, facts: dict) -> None:
    if differences(info, facts):
        raise NotABackupError(
            f"the database in {src} does not match its manifest: {differences(info, facts)}"
        )
