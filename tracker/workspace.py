"""The one object a front end holds: a database URL and who acts on it, giving the store, the
gazetteer with the database's custom places, and the control model.

    with Workspace("sqlite:///claims.db") as ws:
        ws.gazetteer().candidates("Kupiansk")
        ws.control_model(counting="claimed").snapshot(day)
"""

from __future__ import annotations

import os
from pathlib import Path

from tracker.access import Identity
from tracker.gazetteer import Gazetteer, default_gazetteer
from tracker.gazetteer_overlay import gazetteer_for
from tracker.store import Store
from tracker.store.core import DEFAULT_URL


class Workspace:
    """A store (opened from `url` as `identity`, or given) with the gazetteer it extends.

    The base gazetteer is shared and never changed; `gazetteer()` hands out the read-only
    overlay of the database's current custom places (one per revision, built once)."""

    def __init__(
        self,
        url: str | os.PathLike | None = None,
        *,
        identity: Identity | None = None,
        store: Store | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.store = store if store is not None else Store(url, identity=identity)
        self._base = gazetteer

    @classmethod
    def existing(cls, url: str | os.PathLike | None = None) -> Workspace | None:
        """The workspace of `url`, or None when no URL is given (nor $TRACKER_DB) and the
        default database file does not exist: a lookup never creates a database."""
        default_file = Path(DEFAULT_URL.removeprefix("sqlite:///"))
        if url is None and not os.environ.get("TRACKER_DB") and not default_file.exists():
            return None
        return cls(url)

    @property
    def url(self) -> str:
        return self.store.url

    @property
    def identity(self) -> Identity:
        return self.store.identity

    def base_gazetteer(self) -> Gazetteer:
        """The gazetteer without custom places (shared by every workspace of the process)."""
        return self._base if self._base is not None else default_gazetteer()

    def gazetteer(self) -> Gazetteer:
        """The gazetteer with the database's custom places as they are now."""
        return gazetteer_for(self.store, self.base_gazetteer())

    def control_model(self, *, counting="confirmed", contested_days: int | None = None):
        """The control model over this gazetteer (custom places included), the store's claims
        and baselines."""
        from tracker.control.service import model_from_store
        from tracker.control.status import DEFAULT_CONTESTED_DAYS

        return model_from_store(
            self.store,
            counting=counting,
            contested_days=DEFAULT_CONTESTED_DAYS if contested_days is None else contested_days,
            places=self.gazetteer().places,
        )

    def acting_as(self, identity: Identity) -> Workspace:
        """The same database and gazetteer, writing as `identity`; don't close the copy."""
        return Workspace(store=self.store.acting_as(identity), gazetteer=self._base)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({self.store.display_url!r})"
