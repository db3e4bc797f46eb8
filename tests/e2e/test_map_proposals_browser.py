"""The map component's proposals layer and source rings in a real browser, served from a
local HTTP server (127.0.0.1) with a page standing in for Streamlit: proposals are drawn
dimmed on a canvas of their own and never counted; a claim backed by three independent
claimants has rings the others lack; the legend names both; proposals go when not sent."""

from __future__ import annotations

import functools
import json
from http.server import SimpleHTTPRequestHandler

import pytest

from tests.support.local_http import LocalHTTPServer
from tests.support.map_component_site import LEAFLET_ASSETS, component_folder
from tracker import map_payload, map_styles

FRAME = "iframe#component"
AS_OF = "2025-12-03"
CENTRE = (48.28, 37.18)


def claim(i: int, lat: float, lon: float, status: str, sources: int = 1) -> dict:
    return {
        "id": f"id-{i}",
        "event_date": AS_OF,
        "reported_at": None,
        "name": f"Place {i}",
        "lat": lat,
        "lon": lon,
        "side": "RU",
        "action": "capture",
        "status": status,
        "claimant": "MoD",
        "precision": 1,
        "source_count": sources,
    }


@pytest.fixture()
def site(tmp_path):
    files = component_folder(tmp_path)
    claims = map_payload.encode(
        map_payload.columns_from_records(
            [claim(0, 48.28, 37.10, "claimed", sources=3), claim(1, 48.28, 37.26, "claimed")]
        )
    )
    proposals = map_payload.encode(
        map_payload.columns_from_records(
            [claim(2, 48.22, 37.10, "proposed"), claim(3, 48.22, 37.26, "proposed")]
        )
    )
    (files / "claims.bin.gz").write_bytes(claims)
    (files / "proposals.bin.gz").write_bytes(proposals)
    args = {
        "assets": LEAFLET_ASSETS,
        "claims": {"url": "../files/claims.bin.gz", "digest": map_payload.digest(claims)},
        "proposals": {
            "url": "../files/proposals.bin.gz",
            "digest": map_payload.digest(proposals),
        },
        "as_of": AS_OF,
        "window": 7,
        "regions_url": None,
        "control_url": None,
        "selected": None,
        "detail": None,
        "center": list(CENTRE),
        "zoom": 11,
        "height": 560,
        "tiles": [],
        "style": map_styles.browser_style(),
    }
    embedded = json.dumps(args).replace("</", "<\\/")
    (tmp_path / "host.html").write_text(
        "<!doctype html><html><body style='margin:0'>"
        "<iframe id='component' src='web/index.html' style='width:900px;height:600px;border:0'>"
        "</iframe><script>"
        f"window.ARGS = {embedded};"
        "window.send = (args) => document.getElementById('component').contentWindow"
        "  .postMessage({type: 'streamlit:render', args: args}, '*');"
        "window.addEventListener('message', (event) => {"
        "  if (event.data && event.data.type === 'streamlit:componentReady') send(ARGS);"
        "});</script></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(_QuietFiles, directory=str(tmp_path))
    with LocalHTTPServer(handler) as server:
        yield server.url


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, *_) -> None:
        pass


ALPHA = """(canvas, [x, y]) => {
    const dpr = window.devicePixelRatio || 1;
    return canvas.getContext('2d').getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1)
        .data[3];
}"""


def alpha(frame, canvas: str, point: dict, dx: float = 0) -> int:
    return frame.locator(canvas).evaluate(ALPHA, [point["x"] + dx, point["y"]])


def test_proposals_layer_and_source_rings(site, browser_page):
    page = browser_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site}/host.html")
    frame = page.frame_locator(FRAME)
    frame.locator("body[data-ready='1'][data-proposals='2']").wait_for(state="attached")
    hooks = frame.locator("#map")
    # Proposals are not counted: the status line counts the two claims.
    status = frame.locator(".claims-status")
    assert (status.get_attribute("data-shown"), status.get_attribute("data-drawn")) == ("2", "2")
    assert hooks.evaluate("() => window.claimsMap.claim(0).sources") == 3
    assert hooks.evaluate("() => window.claimsMap.claim(1).sources") == 1

    # Rings: a dark ring 3 px outside the disc of the claim with three claimants only.
    radius = map_styles.MARKER["radius"]
    ringed = hooks.evaluate("() => window.claimsMap.screenPoint(0)")
    plain = hooks.evaluate("() => window.claimsMap.screenPoint(1)")
    ring = map_styles.SOURCE_RINGS["gap"]
    assert alpha(frame, "canvas.claims-canvas", ringed, radius + ring) > 100
    assert alpha(frame, "canvas.claims-canvas", ringed, radius + 2 * ring) > 100
    assert alpha(frame, "canvas.claims-canvas", plain, radius + ring) == 0

    # The proposals: on their own canvas, dimmed (never more than the layer's opacity).
    painted = frame.locator("canvas.proposals-canvas").evaluate(
        """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0, top = 0;
                  for (let k = 3; k < d.length; k += 4) {
                    if (d[k]) n++;
                    top = Math.max(top, d[k]);
                  }
                  return [n, top]; }"""
    )
    assert painted[0] > 100
    opacity = map_styles.PROPOSALS_STYLE["opacity"]
    assert abs(painted[1] - round(255 * opacity)) <= 3, painted  # dimmed: never opaque

    legend = frame.locator(".claims-legend").inner_text()
    assert map_styles.LEGEND["sources"] in legend and map_styles.LEGEND["proposals"] in legend

    # Sent without proposals (the toggle off): the layer goes.
    page.evaluate("() => send({...ARGS, proposals: null})")
    frame.locator("body[data-proposals='0']").wait_for(state="attached")
    assert frame.locator("canvas.proposals-canvas").count() == 0
    assert status.get_attribute("data-shown") == "2"
    assert errors == [] and page.dialogs == []
