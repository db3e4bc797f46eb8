"""Prepare what the map's first visitor needs before the server takes visitors: the claims
payload of the whole store and the control areas of its last date (default counting), kept
on disk per revision (tracker.map_cache), where the dashboard finds them.

    python -m tracker.dashboard.warm [--db URL]      # `make run` does this first

Prints one line (what was prepared and how long it took). Without --db: $TRACKER_DB, else
the demo database if it exists (`tracker demo`; else the first visitor waits for it)."""

from __future__ import annotations

import argparse
import os
import sys
import time

from tracker import demo, map_cache, map_payload

DEFAULT_COUNTING = "claimed"  # tracker.dashboard.state's default


def prepare(url: str, counting: str = DEFAULT_COUNTING) -> dict:
    """Write the cache files for the store's current revision; returns what was done."""
    from tracker.access import Identity, Role
    from tracker.dashboard.control_data import day_payload
    from tracker.workspace import Workspace

    started = time.perf_counter()
    workspace = Workspace(url, identity=Identity("dashboard", Role.VIEWER))
    store = workspace.store
    try:
        mark = store.history_mark()  # before the read: the dashboard grows it by later writes
        revision = mark.count
        saved = map_cache.load_claims_marked(url, revision)
        if saved is None or saved[2] is None or saved[0].created is None:
            columns, payload = map_cache.build_claims(
                store.claim_records(), map_cache.region_shapes()
            )
            map_cache.save_claims(url, revision, columns, payload, mark)
        else:
            columns, payload, _ = saved
        done = {"claims": len(columns), "revision": revision}
        span = columns.visible_span()
        if span is not None:
            _, last = span
            day = last.isoformat()  # where the map opens
            key = (revision, tuple(b.id for b in store.baselines()))
            if map_cache.load_control_day(url, counting, day, key) is None:
                model = workspace.control_model(counting=counting)
                from datetime import date

                map_cache.save_control_day(
                    url,
                    counting,
                    day,
                    key,
                    day_payload(model, date.fromisoformat(day), digits=map_payload.DIGITS),
                )
            done["control_day"] = day
    finally:
        workspace.close()
    done["seconds"] = round(time.perf_counter() - started, 2)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("TRACKER_DB"))
    args = parser.parse_args(argv)
    demo_db = demo.default_path()
    url = args.db or (demo.url_for(demo_db) if demo_db.exists() else None)
    if url is None:
        print("Nothing to prepare: no database yet (the first start builds the demo).")
        return 0
    try:
        done = prepare(url)
    except Exception as exc:  # never keep the server from starting
        print(f"Could not prepare the map's caches: {exc}", file=sys.stderr)
        return 0
    print(
        f"Prepared the map for {done['claims']:,} claims (revision {done['revision']}"
        + (f", control areas of {done['control_day']}" if "control_day" in done else "")
        + f") in {done['seconds']} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
