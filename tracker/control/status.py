"""Who holds a place as of a date, from the dated claims.

Rules (per place, claims up to the date whose status counts):
- capture/control → the claimant's side holds it; withdraw → the other side holds it;
- attack/advance/repel → contested from that day, until `contested_days` days have passed
  without a new claim, then it falls back to the last holder (or to the baseline, else unknown);
- strike says nothing about control;
- a holding claim on the same day as a contesting one wins (it is the outcome);
- holding claims for different sides on the same day are a contradiction: it is reported,
  a confirmed claim beats a merely claimed one, otherwise the place is contested that day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tracker.model import Action, Claim, Side, Status

HOLDING = {Action.CAPTURE, Action.CONTROL, Action.WITHDRAW}
CONTESTING = {Action.ATTACK, Action.ADVANCE, Action.REPEL}
DEFAULT_CONTESTED_DAYS = 7


class Counting(StrEnum):
    """Which claims count: confirmed ones only, or confirmed and claimed ones."""

    CONFIRMED = "confirmed"
    CLAIMED = "claimed"

    @property
    def statuses(self) -> frozenset[Status]:
        if self is Counting.CONFIRMED:
            return frozenset({Status.CONFIRMED})
        return frozenset({Status.CONFIRMED, Status.CLAIMED})


class Holder(StrEnum):
    RU = "RU"
    UA = "UA"
    CONTESTED = "contested"
    UNKNOWN = "unknown"


def other(side: Side) -> Side:
    return Side.UA if side is Side.RU else Side.RU


def held_by(claim: Claim) -> Side:
    """The side a holding claim says holds the place."""
    return other(claim.side) if claim.action is Action.WITHDRAW else claim.side


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Claims for the same place and day that give it to different sides."""

    key: str
    day: date
    claims: tuple[Claim, ...]
    resolved_to: Holder

    def to_dict(self) -> dict:
        return {
            "place": self.key,
            "date": self.day.isoformat(),
            "resolved_to": str(self.resolved_to),
            "claims": [
                {
                    "id": c.id,
                    "claimant": c.claimant,
                    "side": str(c.side),
                    "action": str(c.action),
                    "status": str(c.status),
                    "holds": str(held_by(c)),
                }
                for c in self.claims
            ],
        }


@dataclass(frozen=True, slots=True)
class PlaceState:
    """A place's status on a date, with the claim day that decided it."""

    holder: Holder
    last_holder: Holder
    since: date | None


@dataclass(slots=True)
class _Day:
    day: date
    holding: list[Claim] = field(default_factory=list)
    contesting: list[Claim] = field(default_factory=list)


def _resolve_day(key: str, day: _Day) -> tuple[Holder | None, Contradiction | None]:
    """The holder a day's holding claims give, and the contradiction if they disagree."""
    if not day.holding:
        return None, None
    sides = {held_by(c) for c in day.holding}
    if len(sides) == 1:
        return Holder(sides.pop()), None
    confirmed = {held_by(c) for c in day.holding if c.status is Status.CONFIRMED}
    resolved = Holder(confirmed.pop()) if len(confirmed) == 1 else Holder.CONTESTED
    return resolved, Contradiction(key, day.day, tuple(day.holding), resolved)


class ClaimTimeline:
    """Counting claims grouped per place key and day, ready to answer any date quickly.

    `key_of(claim)` maps a claim to the key its status belongs to (a place id, or a cell
    index); claims it maps to None are ignored.
    """

    def __init__(
        self,
        claims: Iterable[Claim],
        *,
        counting: Counting | str = Counting.CONFIRMED,
        key_of: Callable[[Claim], object] = lambda c: c.place_id,
    ) -> None:
        self.counting = Counting(counting)
        statuses = self.counting.statuses
        per_key: dict[object, dict[date, _Day]] = defaultdict(dict)
        for claim in claims:
            if claim.deleted or claim.status not in statuses:
                continue
            if claim.action not in HOLDING and claim.action not in CONTESTING:
                continue
            key = key_of(claim)
            if key is None:
                continue
            day = per_key[key].setdefault(claim.event_date, _Day(claim.event_date))
            (day.holding if claim.action in HOLDING else day.contesting).append(claim)
        # Per key: sorted days with the holder each day's holding claims give.
        self._days: dict[object, list[date]] = {}
        self._events: dict[object, list[tuple[Holder | None, bool]]] = {}
        self.contradictions: list[Contradiction] = []
        for key, days in per_key.items():
            ordered = sorted(days)
            events = []
            for d in ordered:
                holder, contradiction = _resolve_day(str(key), days[d])
                if contradiction:
                    self.contradictions.append(contradiction)
                events.append((holder, bool(days[d].contesting)))
            self._days[key] = ordered
            self._events[key] = events
        self.contradictions.sort(key=lambda c: (c.day, c.key))
        self.dates = sorted({d for days in self._days.values() for d in days})

    @property
    def keys(self) -> list[object]:
        return list(self._days)

    def state(
        self,
        key: object,
        as_of: date,
        *,
        after: date | None = None,
        contested_days: int = DEFAULT_CONTESTED_DAYS,
    ) -> PlaceState:
        """Status of `key` on `as_of`, counting claims dated after `after` (a baseline's date)."""
        days = self._days.get(key)
        if not days:
            return PlaceState(Holder.UNKNOWN, Holder.UNKNOWN, None)
        end = bisect_right(days, as_of)
        start = bisect_right(days, after) if after is not None else 0
        holder, held_on, contested_on = Holder.UNKNOWN, None, None
        for i in range(start, end):
            day_holder, contesting = self._events[key][i]
            if day_holder is Holder.CONTESTED:
                contested_on = days[i]
            elif day_holder is not None:
                holder, held_on = day_holder, days[i]
            elif contesting:
                contested_on = days[i]
        if (
            contested_on is not None
            and (held_on is None or contested_on > held_on)
            and (as_of - contested_on).days < contested_days
        ):
            return PlaceState(Holder.CONTESTED, holder, contested_on)
        return PlaceState(holder, holder, held_on)

    def states(
        self,
        as_of: date,
        *,
        after: date | None = None,
        after_of: Callable[[object], date | None] | None = None,
        contested_days: int = DEFAULT_CONTESTED_DAYS,
    ) -> dict[object, PlaceState]:
        """Every key with a counting claim in (after, as_of] and its status (unknown omitted).
        `after_of(key)`, when given, is each key's own `after` (the date of the baseline layer
        deciding it)."""
        out = {}
        for key in self._days:
            since = after_of(key) if after_of is not None else after
            state = self.state(key, as_of, after=since, contested_days=contested_days)
            if state.holder is not Holder.UNKNOWN:
                out[key] = state
        return out

    def contradictions_between(self, since: date | None, until: date) -> list[Contradiction]:
        return [
            c for c in self.contradictions if c.day <= until and (since is None or c.day > since)
        ]
