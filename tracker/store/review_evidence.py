"""What the evidence says about each proposal in the review queue, read in one pass: its
sources (who says what, with their quotes), its independent claimants, the claims that
contradict it, and the status the evidence suggests (the analyst decides)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.model import Claim
from tracker.store.core import Store
from tracker.store.corroboration import contradictions, suggested_status, with_sources


@dataclass(frozen=True, slots=True)
class Evidence:
    sources: list[dict]  # the claim's own report first, then the attached ones
    claimants: list[str]  # the independent ones
    contradicted_by: list[Claim]  # other claimants giving the place to the other side
    suggested_status: str | None  # confirmed | disputed | None
    because: str  # why (or why there is no suggestion)


def evidence_for(store: Store, items: Iterable[Claim]) -> dict[str, Evidence]:
    """claim id -> Evidence, for the claims given (a page of the queue)."""
    items = list(items)
    found: dict[str, Evidence] = {}
    records = with_sources(store, [c.to_dict() for c in items])
    for claim, record in zip(items, records, strict=True):
        against = contradictions(store, claim)
        status, because = suggested_status(record["claimants"], bool(against))
        found[claim.id] = Evidence(record["sources"], record["claimants"], against, status, because)
    return found
