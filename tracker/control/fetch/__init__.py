"""Baselines in one call: fetch a provider's published control layer and record it.

`fetch_baseline(store, "deepstate", day=D)` or `fetch_baseline(store, "isw")`: the layer is
downloaded (or read from the local cache), checked, merged and recorded as a whole-country RU
baseline with its source, date, licence and URL. Any failure raises BaselineFetchError and
writes nothing.
"""

from __future__ import annotations

from datetime import date

from tracker.control.fetch import deepstate, isw
from tracker.control.fetch.http import BaselineFetchError, cache_dir
from tracker.control.fetch.layers import FetchedLayer, Progress, no_progress

PROVIDERS = {"deepstate": deepstate, "isw": isw}
LICENCES = {name: module.LICENCE for name, module in PROVIDERS.items()}

__all__ = [
    "LICENCES",
    "PROVIDERS",
    "BaselineFetchError",
    "FetchedLayer",
    "cache_dir",
    "fetch_baseline",
    "fetch_layer",
]


def fetch_layer(
    provider: str,
    *,
    day: date | None = None,
    url: str | None = None,
    timeout: float | None = None,
    refresh: bool = False,
    progress: Progress = no_progress,
) -> FetchedLayer:
    """Download (or read from the cache) and check one provider's layer; writes no baseline."""
    if provider not in PROVIDERS:
        raise BaselineFetchError(
            f"unknown baseline provider {provider!r}; use one of: {', '.join(PROVIDERS)}"
        )
    options = {"timeout": timeout} if timeout is not None else {}
    if provider == "deepstate":
        return deepstate.fetch(day, url=url, refresh=refresh, progress=progress, **options)
    if day is not None:
        raise BaselineFetchError(
            "ISW's feature service keeps only its current layer: fetch it without a date "
            "(or fetch deepstate for a past date)"
        )
    return isw.fetch(urls=url.split() if url else None, progress=progress, **options)


def fetch_baseline(
    store,
    provider: str,
    *,
    day: date | None = None,
    url: str | None = None,
    timeout: float | None = None,
    refresh: bool = False,
    created_by: str | None = None,
    progress: Progress = no_progress,
):
    """Fetch a provider's layer and record it as a baseline; returns (record, km², layer)."""
    from tracker.control.service import record_baseline

    identity = getattr(store, "identity", None)
    if identity is not None:
        identity.require("baseline")  # refuse before downloading anything
    layer = fetch_layer(
        provider, day=day, url=url, timeout=timeout, refresh=refresh, progress=progress
    )
    record, area = record_baseline(
        store,
        layer.geometry,
        day=layer.day,
        side=layer.side,
        source=layer.source,
        created_by=created_by,
        coverage="country",
        licence=layer.licence,
        source_url=layer.source_url,
    )
    progress(1.0, "Done.")
    return record, area, layer
