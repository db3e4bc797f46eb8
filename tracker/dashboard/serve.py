"""Start the dashboard with its server process already warm: the map's caches prepared on
disk (`tracker.dashboard.warm`), then, in the process that will serve, the libraries the
pages import loaded, the first visitor's claims, store and control areas of the last date
read into memory and the control model built; then Streamlit serves the app of
`served_app.py`, which runs the app once in a session of no browser before it answers anyone
(`first_run`: the Streamlit components register, which only a script run does, the claims
file is published and every cache the opening map reads is filled) and opens a page by its
own URL without the frontend's probing of the server's address.

    tracker dashboard [--port N]                                  # `make run` does this
    python -m tracker.dashboard.serve [streamlit run options]

Without it (`streamlit run app.py`) the first visitor after a restart also waits for the
process's imports (pandas, folium, the store, the gazetteer's data), first disk reads, the
control model and the first script run.

The script every session runs is the package's router (tracker/dashboard/app_main.py), so an
installed wheel serves without the repository; the dashboard's shipped Streamlit settings
(.streamlit/config.toml, inside the wheel too) are passed as options, ahead of the caller's
own, which win."""

from __future__ import annotations

import contextlib
import os
import sys
import time
import tomllib
from pathlib import Path

from tracker import data_files

APP = Path(__file__).resolve().with_name("app_main.py")  # the router, run as Streamlit's script
# What `streamlit run` is given: the st.App over the router (page URLs, the first run).
SERVED_APP = Path(__file__).resolve().with_name("served_app.py")


def warm_process(url: str, counting: str = "claimed") -> dict:
    """Import what the map page needs and fill the caches its first run reads; returns what
    was done. Failures only cost the first visitor the time they would have saved."""
    started = time.perf_counter()
    import folium  # noqa: F401  (the pages' libraries)
    import pandas  # noqa: F401

    from tracker import map_cache
    from tracker.dashboard import auth, pages, resources, state  # noqa: F401
    from tracker.maps import base_map

    done: dict = {}
    with contextlib.suppress(Exception):
        base_map()  # folium's templates
    store = resources.store(url)
    revision = store.history_count()
    columns = map_cache.preload(url, revision)
    done["claims_in_memory"] = columns is not None
    with contextlib.suppress(Exception):
        map_cache.region_shapes()  # the oblasts region-level claims are drawn as
    span = columns.visible_span() if columns is not None else None
    with contextlib.suppress(Exception):  # the model a first slider step needs
        resources.live_control(url).refresh()
        done["control_model"] = True
    if span is not None:
        key = (revision, tuple(b.id for b in store.baselines()))  # resources.control_key's
        # From the file `warm` wrote (else built now: the visitor would wait for it anyway).
        with contextlib.suppress(Exception):
            resources.control_summary(url, counting, span[1].isoformat(), key)
            done["control_day"] = span[1].isoformat()
    done["seconds"] = round(time.perf_counter() - started, 2)
    return done


def config_options() -> list[str]:
    """The shipped Streamlit settings as `streamlit run` options (`--server.port=8501`, ...):
    a dashboard started from another folder than the repository's keeps them."""
    path = data_files.streamlit_config()
    if path is None:
        return []
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    options = []
    for section, values in config.items():
        for key, value in values.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            options.append(f"--{section}.{key}={text}")
    return options


def served_database() -> str | None:
    """The database the dashboard will open: $TRACKER_DB, else the demo database if it
    exists (None: the first visitor builds the demo)."""
    from tracker import demo
    from tracker.dashboard import resources

    if os.environ.get("TRACKER_DB"):
        return os.environ["TRACKER_DB"]
    return resources.db_url() if demo.default_path().exists() else None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from tracker.dashboard import warm

    warm.main([])  # the files beside the database (prints one line)
    url = served_database()
    if url is not None:
        try:
            done = warm_process(url)
            print(f"Warmed the server process in {done['seconds']} s.", flush=True)
        except Exception as exc:  # never keep the server from starting
            print(f"Could not warm the server process: {exc}", file=sys.stderr)
    from streamlit.web import cli

    # Streamlit serves the st.App it finds in that file: the router, its pages' URLs and the
    # app's first run before the server answers anyone (served_app.lifespan).
    sys.argv = ["streamlit", "run", str(SERVED_APP), *config_options(), *argv]
    return cli.main(prog_name="streamlit")


FIRST_RUN_TIMEOUT = 60.0


async def first_run(timeout: float = FIRST_RUN_TIMEOUT) -> float:
    """Run the app's script once in a session of no browser, as Streamlit's own script
    health check does, before the server takes visitors (on the server's event loop, from
    its lifespan hook: nobody is answered meanwhile): the page modules, the Streamlit
    components (which register only inside a script run), the published claims file and
    every cache the opening map reads are then ready for the first visitor. Returns the
    seconds it took."""
    import asyncio

    from streamlit.runtime import Runtime
    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.script_data import ScriptData
    from streamlit.runtime.state import SCRIPT_RUN_WITHOUT_ERRORS_KEY

    begun = time.perf_counter()
    runtime = Runtime.instance()
    session = AppSession(
        script_data=ScriptData(str(APP), False),
        uploaded_file_manager=runtime._uploaded_file_mgr,
        script_cache=runtime._script_cache,
        message_enqueued_callback=None,
        user_info={"email": "warm-up@localhost"},
    )
    try:
        session.request_rerun(None)
        while SCRIPT_RUN_WITHOUT_ERRORS_KEY not in session.session_state:
            if time.perf_counter() - begun > timeout:
                raise TimeoutError(f"no first run within {timeout:.0f} s")
            await asyncio.sleep(0.05)
        if not session.session_state[SCRIPT_RUN_WITHOUT_ERRORS_KEY]:
            raise RuntimeError("the app's first run raised an exception")
        # What the run set off in the background (the control areas of the slider's next
        # dates, a control model) would otherwise hold the GIL while the first visitor's
        # run is served: ~1 s at 100,000 claims, which the visitors after never pay.
        while not background_done():
            if time.perf_counter() - begun > timeout:
                raise TimeoutError(f"background work not done within {timeout:.0f} s")
            await asyncio.sleep(0.05)
    finally:
        session.shutdown()
    return round(time.perf_counter() - begun, 2)


def background_done() -> bool:
    """Whether the dashboard's background threads are idle: no control file being
    prefetched, no control model being built."""
    from tracker.dashboard import map_data, resources

    if not map_data.prefetched(timeout=0):
        return False
    url = served_database()
    return url is None or not resources.live_control(url).building


if __name__ == "__main__":
    sys.exit(main())
