"""Helpers shared by the real-browser tests: the dashboard as `streamlit run app.py` in the
repository, Debian's Chromium and its flags, screenshots, and what the map's iframe shows."""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path

from tracker.dashboard import local_server
from tracker.dashboard.local_server import CHROMIUM_ARGS, stop_dashboard

__all__ = ["CHROMIUM_ARGS", "stop_dashboard"]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# What the browser tests serve: the repository's app.py, run where its .streamlit/ is.
STREAMLIT_RUN = local_server.streamlit_run(ROOT / "app.py")
start_dashboard = partial(local_server.start_dashboard, command=STREAMLIT_RUN, cwd=ROOT)

XSS_QUOTE = "<img src=x onerror=alert(1)>"
XSS_CLAIM_ID = "00000000-0000-4000-8000-00000000a55a"


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# The claims map is a Streamlit component; its iframe is titled with the component's name.
MAP = "iframe[title='tracker.dashboard.map_component.claims_map']"
STATUS = ".claims-status"


def map_counts(frame) -> dict:
    """What the map's claims layer reports: claims visible as of the date (`shown`), of which
    in the highlighted window (`recent`), and drawn in view as markers or in clusters."""
    status = frame.locator(f"{STATUS}[data-drawn]")
    status.wait_for(state="attached", timeout=60_000)
    return {
        key: int(status.get_attribute(f"data-{key}") or -1)
        for key in ("shown", "recent", "drawn", "window")
    } | {"as_of": status.get_attribute("data-as-of")}


def shown_claims(frame) -> int:
    """Claims drawn on the map (single markers plus the counts of clusters)."""
    return map_counts(frame)["drawn"]


def painted_pixels(frame) -> int:
    """Non-transparent pixels on the claims canvas (something is really drawn)."""
    return frame.locator("canvas.claims-canvas").evaluate(
        """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0; for (let k = 3; k < d.length; k += 4) if (d[k]) n++; return n; }"""
    )


def count_line(page) -> int:
    text = page.get_by_text(re.compile(r"\d+ claims?, ")).first.inner_text(timeout=60_000)
    return int(re.match(r"([\d,]+) claims?", text).group(1).replace(",", ""))


def wait_for_count(page, frame, expected: int, timeout_ms: int = 30_000) -> None:
    for _ in range(timeout_ms // 250):
        try:
            if count_line(page) == expected and shown_claims(frame) == expected:
                return
        except Exception:  # the page is being updated
            pass
        page.wait_for_timeout(250)
    raise AssertionError(
        f"map did not settle on {expected} claims: line {count_line(page)}, map {map_counts(frame)}"
    )


def hook(frame, call: str):
    """Call one of the map's read-only test hooks (window.claimsMap) in its iframe."""
    return frame.locator("#map").evaluate(f"() => window.claimsMap.{call}")


def click_map(page, frame, point: dict) -> None:
    """A mouse click at a point of the map, once the map has stopped moving on the page (the
    page may still scroll or lay out above it: a click computed earlier lands elsewhere)."""
    element = frame.locator("#map")
    element.scroll_into_view_if_needed()
    box = None
    for _ in range(100):
        page.wait_for_timeout(100)
        now = element.bounding_box()
        if now is not None and now == box:
            break
        box = now
    else:
        raise AssertionError(f"the map did not settle on the page: {box}")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def click_claim(page, frame, k: int = 0) -> int:
    """A real mouse click on the k-th claim (in data order) drawn as a single marker in the
    map's first view; returns its position in the map's data. Where every claim is in a
    cluster, a click on a cluster zooms in first."""
    hook(frame, "resetView()")  # no popup over the markers, none panned away by the last one
    for _ in range(6):
        i = hook(frame, f"claimAt({k})")
        if i is not None:
            point = hook(frame, f"centreOn({i})")  # clear of the legend and layer control
            assert point is not None, f"claim {i} is in a cluster once centred"
            click_map(page, frame, point)
            return i
        view = frame.locator("body").get_attribute("data-view")
        click_map(page, frame, hook(frame, "clusterPoint(0)"))
        for _ in range(100):
            if frame.locator("body").get_attribute("data-view") != view:
                break
            page.wait_for_timeout(100)
    raise AssertionError("no single claim on the map to click")
