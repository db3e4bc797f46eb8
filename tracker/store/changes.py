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


def field_changes(before: dict | None, after: dict) -> dict[str, tuple[object, object]]:
    """field -> (before, after); a report attached as another source (corroboration) shows as
    `source added` -> (None, "claimant, source name, URL, report id")."""
    before = before or {}
    found = {
        key: (before.get(key), value)
        for key, value in after.items()
        if key not in _BOOKKEEPING and key != "source_added" and before.get(key) != value
    }
    added = after.get("source_added")
    if isinstance(added, dict):
        keys = ("claimant", "source_name", "source_url", "report_id")
        found["source added"] = (None, ", ".join(str(added[k]) for k in keys if added.get(k)))
    return found


def changes_since(store, claim_id: str, version: int) -> list[Change]:
    """The writes after `version`, oldest first."""
    return [
        Change(h.version, h.op, h.author, h.at.isoformat(), field_changes(h.before, h.after))
        for h in store.history(claim_id)
        if h.version > version
    ]
