"""Start the dashboard with its server process already warm: the map's caches prepared on
disk (`tracker.dashboard.warm`), then, in the process that will serve, the libraries the
pages import loaded, the first visitor's claims, store and control areas of the last date
read into memory and the control model built; then, once Streamlit has bound its port and
before it answers anyone, the app is run once in a session of no browser (`first_run`):
the Streamlit components register (only a script run does that), the claims file is
published and every cache the opening map reads is filled.

    tracker dashboard [--port N]                                  # `make run` does this
    python -m tracker.dashboard.serve [streamlit run options]

Without it (`streamlit run app.py`) the first visitor after a restart also waits for the
process's imports (pandas, folium, the store, the gazetteer's data), first disk reads, the
control model and the first script run.

The script Streamlit runs is the package's router (tracker/dashboard/app_main.py), so an
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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from tracker.dashboard import warm

    warm.main([])  # the files beside the database (prints one line)
    from tracker import demo
    from tracker.dashboard import resources

    url = os.environ.get("TRACKER_DB") or (
        resources.db_url() if demo.default_path().exists() else None
    )
    if url is not None:
        try:
            done = warm_process(url)
            print(f"Warmed the server process in {done['seconds']} s.", flush=True)
        except Exception as exc:  # never keep the server from starting
            print(f"Could not warm the server process: {exc}", file=sys.stderr)
    from streamlit.web import bootstrap, cli

    # Streamlit has no public hook between binding the port and serving: wrap the function
    # its bootstrap calls there (on the event loop, so nobody is answered until it returns).
    started = bootstrap._on_server_start

    def on_server_start(server) -> None:
        started(server)
        if url is None:  # no database yet: the first visitor builds the demo, as before
            return
        try:
            seconds = first_run()
            print(f"Ran the app once in {seconds} s (the first visitor's run).", flush=True)
        except Exception as exc:  # never keep the server from serving
            print(f"Could not run the app once: {exc}", file=sys.stderr)

    bootstrap._on_server_start = on_server_start
    sys.argv = ["streamlit", "run", str(APP), *config_options(), *argv]
    return cli.main(prog_name="streamlit")


FIRST_RUN_TIMEOUT = 60.0


def first_run(timeout: float = FIRST_RUN_TIMEOUT) -> float:
    """Run the app's script once in a session of no browser, as Streamlit's own script
    health check does, before the server takes visitors (this runs on the server's event
    loop, which answers nobody meanwhile): the page modules, the Streamlit components (which
    register only inside a script run), the published claims file and every cache the
    opening map reads are then ready for the first visitor. Returns the seconds it took."""
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
            time.sleep(0.05)
        if not session.session_state[SCRIPT_RUN_WITHOUT_ERRORS_KEY]:
            raise RuntimeError("the app's first run raised an exception")
    finally:
        session.shutdown()
    return round(time.perf_counter() - begun, 2)


if __name__ == "__main__":
    sys.exit(main())
