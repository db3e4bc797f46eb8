"""A control model kept up to date with a store, shared by every reader in a process.

Building the model from scratch reads every counting claim (~1.4 s at 100,000 claims) and
places each on a cell; a store that other analysts write to every second would pay that for
every new revision, on the reader's time. `LiveControl` reads the claims once, then only the
claims written since (`Store.changes`), and builds each new model in one background thread
while readers keep getting the last finished one: one build per revision for the whole
process, never one per reader. The model it builds equals one built from scratch (tested).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from tracker.control.engine import ControlModel, map_claims
from tracker.control.service import cells_for, layers_from_store
from tracker.control.status import DEFAULT_CONTESTED_DAYS, Counting
from tracker.model import Claim

# Every LiveControl of the process builds in this one thread (builds hold the GIL: two at
# once would only slow each other and the readers).
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="control-model")
_STATUSES = Counting.CLAIMED.statuses  # both countings' claims: a model holds both timelines


def _order(claim: Claim) -> tuple:
    # Store.claims' order (event date, created, id): contradictions list claims in it.
    return (claim.event_date, claim.created_at.isoformat() if claim.created_at else "", claim.id)


@dataclass(frozen=True)
class Version:
    """A finished model and what it reflects: `key` = (history length, baseline ids), the
    dashboard's cache key for everything computed from it."""

    key: tuple
    model: ControlModel

    def counted(self, counting: Counting | str) -> ControlModel:
        return self.model.counted_as(counting)


class LiveControl:
    """The control model of a workspace's store, brought up to date by `refresh` (now) or
    `refresh_in_background` (in the shared worker), read with `current` (never waits)."""

    def __init__(
        self,
        workspace,
        *,
        contested_days: int = DEFAULT_CONTESTED_DAYS,
        keep: int = 2,
    ) -> None:
        self.workspace = workspace
        self.contested_days = int(contested_days)
        self.keep = keep
        self._lock = threading.Lock()  # one update at a time (the claims below are its state)
        self._state = threading.Lock()  # guards _versions and _pending
        self._versions: list[Version] = []  # oldest first, the last is current
        self._pending: Future | None = None
        self._claims: dict[str, Claim] = {}
        self._cell_for: dict[str, int] = {}
        self._mark = None
        self._cells = None
        self._layers: tuple[tuple, list] = ((), [])
        self.builds = 0  # models built (read by tests)

    # -- reading ---------------------------------------------------------------------------

    def current(self) -> Version | None:
        """The last finished version (None before the first build)."""
        with self._state:
            return self._versions[-1] if self._versions else None

    def version(self, key: tuple) -> Version | None:
        """A recent version by its key (the current one and the `keep` - 1 before it)."""
        with self._state:
            return next((v for v in reversed(self._versions) if v.key == key), None)

    @property
    def building(self) -> bool:
        with self._state:
            return self._pending is not None and not self._pending.done()

    # -- updating --------------------------------------------------------------------------

    def refresh(self) -> Version:
        """Bring the model up to date with the store now (in the calling thread)."""
        with self._lock:
            version = self._update()
        return version

    def refresh_in_background(self) -> Future:
        """Start an update in the shared worker, or return the one already under way."""
        with self._state:
            if self._pending is None or self._pending.done():
                self._pending = _WORKER.submit(self.refresh)
            return self._pending

    def wait(self, timeout: float | None = None) -> Version:
        """A version at least as new as the store when called: after an update under way
        (which may have read the store before the call), one more."""
        with self._state:
            pending = self._pending
        if pending is not None and not pending.done():
            pending.result(timeout)
        return self.refresh_in_background().result(timeout)

    def _update(self) -> Version:
        store = self.workspace.store
        cells = cells_for(self.workspace.gazetteer().places)
        baselines = store.baselines()
        ids = tuple(b.id for b in baselines)
        if ids != self._layers[0]:
            self._layers = (ids, layers_from_store(store))
        found = None
        if self._mark is not None and cells is self._cells:
            found = store.changes(self._mark)
        current = self.current()
        if found is None:  # first read, other places, or history that cannot be followed
            mark = store.history_mark()  # before the read: later writes are read again
            claims = store.claims(status=tuple(_STATUSES))
            self._claims = {c.id: c for c in claims}
            self._cell_for = map_claims(cells, claims)
            self._cells = cells
        else:
            changed, mark = found
            if not changed and current is not None and current.key == (mark.count, ids):
                self._mark = mark
                return current
            self._apply(cells, changed)
        self._mark = mark
        model = ControlModel(
            cells,
            sorted(self._claims.values(), key=_order),
            baselines=self._layers[1],
            counting=Counting.CONFIRMED,
            contested_days=self.contested_days,
            cell_for=self._cell_for,
        )
        self.builds += 1
        version = Version((mark.count, ids), model)
        with self._state:
            self._versions = [*self._versions, version][-self.keep :]
        return version

    def _apply(self, cells, changed: frozenset[str]) -> None:
        """Replace the changed claims by what the store holds now (gone when deleted or no
        longer counting)."""
        if not changed:
            return
        store = self.workspace.store
        now = {c.id: c for c in store.claims(ids=tuple(changed), include_deleted=True)}
        added = []
        for claim_id in changed:
            self._claims.pop(claim_id, None)
            self._cell_for.pop(claim_id, None)
            claim = now.get(claim_id)
            if claim is not None and not claim.deleted and claim.status in _STATUSES:
                self._claims[claim_id] = claim
                added.append(claim)
        self._cell_for.update(map_claims(cells, added))
