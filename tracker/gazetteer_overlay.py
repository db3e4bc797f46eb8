"""The gazetteer with a database's custom places: one read-only overlay per set of custom
places over the shared, never-changed base, built once and handed to every reader."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from tracker.gazetteer import Gazetteer, default_gazetteer
from tracker.model import Place

MAX_OVERLAYS = 8  # a few databases (or revisions of one) per process

_lock = threading.Lock()
_overlays: OrderedDict[tuple[int, tuple[Place, ...]], Gazetteer] = OrderedDict()


def with_custom_places(base: Gazetteer, places: Iterable[Place]) -> Gazetteer:
    """`base` plus `places`, keyed by their revision (the places themselves: an added, edited
    or removed place makes another key). Neither `base` nor a returned overlay ever changes,
    so threads may read them while other overlays are built."""
    revision = tuple(places)
    if not revision:
        return base
    key = (id(base), revision)
    with _lock:
        found = _overlays.get(key)
        if found is not None and found.base is base:
            _overlays.move_to_end(key)
            return found
        # Built under the lock: two sessions asking at once share one build.
        overlay = base.with_places(revision)
        _overlays[key] = overlay
        while len(_overlays) > MAX_OVERLAYS:
            _overlays.popitem(last=False)
        return overlay


def gazetteer_for(store, base: Gazetteer | None = None) -> Gazetteer:
    """The gazetteer (`base`, else the process-wide one) with `store`'s custom places."""
    return with_custom_places(base or default_gazetteer(), store.custom_places())


def clear_overlays() -> None:
    """Forget every overlay (tests, and after the base is reloaded)."""
    with _lock:
        _overlays.clear()
