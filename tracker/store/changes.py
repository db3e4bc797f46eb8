"""What changed in a claim since a given version, read from its history (for conflict
messages: "Ana changed status claimed → confirmed while you were editing")."""

from __future__ import annotations

from dataclasses import dataclass

# Bookkeeping fields every write changes; not news to the person with a stale copy.
_BOOKKEEPING = frozenset({"version", "updated_at", "search_text"})


@dataclass(frozen=True, slots=True)
class Change:
    version: int
    op: str
    author: str | None
    at: str
    fields: dict[str, tuple[object, object]]  # field -> (before, after)


def field_changes(before: dict | None, after: dict | None) -> dict[str, tuple[object, object]]:
    """field -> (before, after); reports attached as further sources (corroboration) show as
    `source added` -> (None, "claimant, source name, URL, report id"), several joined by "; "
    (an `attach` event lists them; an older `update` row names one under `source_added`)."""
    before, after = before or {}, after or {}
    attached = after.get("sources_attached")
    if isinstance(attached, list):
        return {"source added": (None, "; ".join(_source_text(s) for s in attached))}
    found = {
        key: (before.get(key), value)
        for key, value in after.items()
        if key not in _BOOKKEEPING and key != "source_added" and before.get(key) != value
    }
    added = after.get("source_added")
    if isinstance(added, dict):
        found["source added"] = (None, _source_text(added))
    return found


def attached_sources(after: dict | None) -> list[dict]:
    """The sources a history row attached (an `attach` event's list, or an older `update`
    row's one `source_added`); empty for any other row."""
    after = after or {}
    listed = after.get("sources_attached")
    if isinstance(listed, list):
        return [s for s in listed if isinstance(s, dict)]
    added = after.get("source_added")
    return [added] if isinstance(added, dict) else []


def summary(before: dict | None, after: dict | None) -> str:
    """One line for a history row: the fields it changed, or the sources it attached."""
    attached = attached_sources(after)
    if attached:
        return "source added: " + "; ".join(_source_text(s) for s in attached)
    return ", ".join(field_changes(before, after))


def _source_text(source: dict) -> str:
    keys = ("claimant", "source_name", "source_url", "report_id")
    return ", ".join(str(source[k]) for k in keys if source.get(k))


def changes_since(store, claim_id: str, version: int) -> list[Change]:
    """The writes after `version`, oldest first."""
    return [
        Change(h.version, h.op, h.author, h.at.isoformat(), field_changes(h.before, h.after))
        for h in store.history(claim_id)
        if h.version > version
    ]
