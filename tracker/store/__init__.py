"""The claim store (SQLAlchemy Core over SQLite or PostgreSQL+PostGIS)."""

from tracker.store.core import (
    DEFAULT_URL,
    BBox,
    ClaimQuery,
    HistoryEntry,
    HistoryMark,
    Store,
    open_store,
    report_sha256,
    resolve_url,
)

__all__ = [
    "DEFAULT_URL",
    "BBox",
    "ClaimQuery",
    "HistoryEntry",
    "HistoryMark",
    "Store",
    "open_store",
    "report_sha256",
    "resolve_url",
]
