"""The sources `tracker fetch` reads: a name, a kind (rss, atom, folder, telegram), where it
is, and what the last fetch learnt (ETag and Last-Modified for the next conditional GET, when,
and its error)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from tracker.errors import ConflictError, InvalidInputError, NotFoundError
from tracker.store.core import Store, utcnow
from tracker.store.schema import SOURCE_KINDS, sources

NAME = re.compile(r"[\w][\w .-]{0,99}")


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str
    location: str
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    last_error: str | None = None
    created_by: str | None = None
    created_at: datetime | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "location": self.location,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "last_error": self.last_error,
        }


def check_location(kind: str, location: str) -> str:
    """A feed's http(s) URL, or a folder / export file as an absolute path."""
    location = str(location or "").strip()
    if kind in ("rss", "atom"):
        if not re.match(r"https?://[^\s/]+", location, re.IGNORECASE) or len(location) > 2000:
            raise InvalidInputError(f"feed URL {location!r} must be an http:// or https:// URL")
        return location
    path = Path(location).expanduser()
    if kind == "folder" and not path.is_dir():
        raise InvalidInputError(f"{location} is not a folder")
    if kind == "telegram" and not path.is_file():
        raise InvalidInputError(f"{location} is not a readable file")
    return str(path.resolve())


def add_source(store: Store, name: str, kind: str, location: str, *, by: str | None = None):
    by = store._author("ingest", by)
    name = str(name or "").strip()
    if not NAME.fullmatch(name):
        raise InvalidInputError(
            f"source name {name!r} must be 1-100 letters, digits, spaces, '.', '-' or '_'"
        )
    if kind not in SOURCE_KINDS:
        raise InvalidInputError(f"source kind {kind!r} is not one of: {', '.join(SOURCE_KINDS)}")
    source = Source(name, kind, check_location(kind, location), created_by=by, created_at=utcnow())
    with store.transaction() as conn:
        if conn.execute(sa.select(sources.c.name).where(sources.c.name == name)).first():
            raise ConflictError(f"a source named {name!r} exists already")
        conn.execute(
            sources.insert().values(
                name=name,
                kind=kind,
                location=source.location,
                created_by=by,
                created_at=source.created_at,
            )
        )
    return source


def list_sources(store: Store) -> list[Source]:
    with store._reading() as conn:
        rows = conn.execute(sa.select(sources).order_by(sources.c.name)).all()
    return [Source(**row._mapping) for row in rows]


def get_source(store: Store, name: str) -> Source:
    with store._reading() as conn:
        row = conn.execute(sa.select(sources).where(sources.c.name == name)).first()
    if row is None:
        raise NotFoundError(f"no source named {name!r} (tracker source list shows them)")
    return Source(**row._mapping)


def record_fetch(
    store: Store,
    name: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    error: str | None = None,
    keep_validators: bool = False,
) -> None:
    """Remember a fetch: its validators (unless kept as they were), when, and its error."""
    values: dict = {"fetched_at": utcnow(), "last_error": (error or "")[:500] or None}
    if not keep_validators:
        values["etag"] = (etag or "")[:500] or None
        values["last_modified"] = (last_modified or "")[:100] or None
    with store.transaction() as conn:
        conn.execute(sources.update().where(sources.c.name == name).values(**values))
