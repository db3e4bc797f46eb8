"""The dashboard as `tracker dashboard` serves it: Streamlit's own server (`st.App`) over
the router (app_main.py), with two additions through its public hooks.

- A page opened by its own URL (`/data`, `/review?...`) gets Streamlit's page with the
  server's address already set (`window.__streamlit.BACKEND_BASE_URL`, read by Streamlit's
  frontend): without it the frontend cannot tell a page's path from a path the server is
  mounted under, and probes `<page>/_stcore/health` and `<page>/_stcore/host-config` first,
  two 404s on every such visit (streamlit/streamlit#7074).
- Before the server answers anyone (the lifespan hook), the app is run once in a session of
  no browser (`serve.first_run`), so the first visitor after a restart finds it warm.

    streamlit run tracker/dashboard/served_app.py    # what `python -m tracker.dashboard.serve` runs
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from streamlit import config, file_util

from tracker.dashboard import pages, serve

ROUTER = Path(__file__).resolve().with_name("app_main.py")  # the script every session runs


@cache
def page_html() -> str:
    """Streamlit's page with the server's address set before its scripts run: the page's
    URL one level up (`/data` -> `/`, `/prefix/data` -> `/prefix/`), which is where the
    frontend's probing would end up, also behind a proxy that strips a path prefix."""
    html = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    script = "window.__streamlit = {BACKEND_BASE_URL: new URL('.', window.location.href).href};"
    return html.replace("<head>", f"<head>\n    <script>{script}</script>", 1)


async def _page(request: Request) -> HTMLResponse:
    return HTMLResponse(page_html(), headers={"Cache-Control": "no-cache"})


def page_routes() -> list[Route]:
    """One route per page of the router (pages.PAGES), under the server's base path."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    return [Route(f"{prefix}/{page[3]}", _page, methods=["GET"]) for page in pages.PAGES]


@asynccontextmanager
async def lifespan(_app) -> AsyncIterator[None]:
    """Run the app once before the server takes visitors (never keeps it from serving)."""
    if serve.served_database() is not None:  # else the first visitor builds the demo
        try:
            seconds = await serve.first_run()
            print(f"Ran the app once in {seconds} s (the first visitor's run).", flush=True)
        except Exception as exc:
            print(f"Could not run the app once: {exc}", file=sys.stderr, flush=True)
    yield


app = st.App(ROUTER, routes=page_routes(), lifespan=lifespan)
