"""The map component draws with the style it is sent, nothing of its own: served from a local
HTTP server (127.0.0.1) with a page standing in for Streamlit, sent a style whose every colour
and word differs from the shipped one, it draws markers, areas, region-level claims and its
legend in those."""

from __future__ import annotations

import copy
import functools
import gzip
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.support.map_component_site import LEAFLET_ASSETS, component_folder
from tracker import map_payload, map_styles

FRAME = "iframe#component"
AS_OF = "2025-12-03"
POKROVSK = (48.28014, 37.17706)
SUMY_BOX = [[33.0, 50.0], [36.0, 50.0], [36.0, 52.0], [33.0, 52.0], [33.0, 50.0]]


def style() -> dict:
    """The shipped style with other colours and words everywhere the test looks."""
    s = copy.deepcopy(map_styles.browser_style())
    s["side_colours"] = ["#123456", "#00ff00", "#777777"]
    s["status_colours"][map_payload.STATUSES.index("confirmed")] = "#ff00ff"
    s["control"]["RU"]["fillColor"] = "#654321"
    s["region_claim"]["weight"] = 5
    s["legend"]["claims"] = "Behauptungen"
    s["legend"]["side"] = "Kräfte {side}"
    s["layer_names"]["claims"] = "Meldungen"
    return s


def record(i: int, lat: float, lon: float, side: str, action: str, precision: int) -> dict:
    return {
        "id": f"id-{i}",
        "event_date": AS_OF,
        "reported_at": f"{AS_OF}T08:00:00+00:00",
        "name": ["Pokrovsk", "Sumy Oblast"][i],
        "lat": lat,
        "lon": lon,
        "side": side,
        "action": action,
        "status": "confirmed",
        "claimant": "MoD",
        "precision": precision,
    }


@pytest.fixture()
def component_site(tmp_path):
    """(base URL, render args): the component, Leaflet and the data files on 127.0.0.1."""
    from shapely.geometry import Polygon

    files = component_folder(tmp_path)
    records = [
        record(0, *POKROVSK, "RU", "capture", 1),
        record(1, 50.9, 34.8, "RU", "advance", 3),  # drawn as its region
    ]
    columns = map_payload.columns_from_records(records, [Polygon(SUMY_BOX)])
    payload = map_payload.encode(columns)
    (files / "claims.bin.gz").write_bytes(payload)
    regions = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Sumy Oblast"},
                "geometry": {"type": "Polygon", "coordinates": [SUMY_BOX]},
            }
        ],
    }
    (files / "regions.json.gz").write_bytes(map_payload.gzip_json(regions))
    ring = [[36.9, 48.1], [37.4, 48.1], [37.4, 48.4], [36.9, 48.4], [36.9, 48.1]]
    control = {
        "date": AS_OF,
        "areas": {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"side": "RU", "label": "Held <b>here</b>"},
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            ],
        },
        "frontline": {"type": "FeatureCollection", "features": []},
        "notice": "No baseline <i>here</i>",
    }
    (files / "control.json.gz").write_bytes(gzip.compress(json.dumps(control).encode()))
    args = {
        "assets": LEAFLET_ASSETS,
        "claims": {"url": "../files/claims.bin.gz", "digest": map_payload.digest(payload)},
        "as_of": AS_OF,
        "window": 7,
        "regions_url": "../files/regions.json.gz",
        "control_url": "../files/control.json.gz",
        "selected": None,
        "detail": None,
        "center": list(POKROVSK),
        "zoom": 10,
        "height": 560,
        "tiles": [],  # no network
        "style": style(),
    }
    # The page Streamlit would be: it answers the component's "ready" with the arguments.
    embedded = json.dumps(args).replace("</", "<\\/")
    (tmp_path / "host.html").write_text(
        "<!doctype html><html><body style='margin:0'>"
        "<iframe id='component' src='web/index.html' style='width:900px;height:600px;border:0'>"
        "</iframe><script>"
        f"const ARGS = {embedded};"
        "window.addEventListener('message', (event) => {"
        "  if (event.data && event.data.type === 'streamlit:componentReady') {"
        "    document.getElementById('component').contentWindow.postMessage("
        "      {type: 'streamlit:render', args: ARGS}, '*');"
        "  }"
        "});</script></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", args
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_) -> None:
        pass


def pixel(frame, x: float, y: float) -> str:
    """The canvas colour at a point of the map (CSS px), as #rrggbb."""
    return frame.locator("canvas.claims-canvas").evaluate(
        """(canvas, [x, y]) => {
            const dpr = window.devicePixelRatio || 1;
            const [r, g, b] = canvas.getContext('2d')
                .getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
            return '#' + [r, g, b].map(v => v.toString(16).padStart(2, '0')).join('');
        }""",
        [x, y],
    )


def near(colour: str, expected: str, tolerance: int = 4) -> bool:
    """Colours within a few levels per channel (drawing a sprite rounds premultiplied
    alpha)."""
    a, b = bytes.fromhex(colour[1:]), bytes.fromhex(expected[1:])
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_the_map_draws_with_the_style_it_is_sent(component_site, browser_page):
    base, _ = component_site
    page = browser_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/host.html")
    frame = page.frame_locator(FRAME)
    frame.locator("body[data-ready='1'][data-control]").wait_for(state="attached")
    frame.locator("path.region-claim").first.wait_for(state="attached")

    # The marker: its disc in the side colour sent, its symbol in the status colour sent.
    point = frame.locator("#map").evaluate(
        "() => window.claimsMap.screenPoint(window.claimsMap.claimAt(0))"
    )
    disc, flag = pixel(frame, point["x"], point["y"] - 6), pixel(frame, point["x"], point["y"] - 2)
    assert near(disc, "#123456"), disc  # the disc, above the flag
    assert near(flag, "#ff00ff", 16), flag  # the flag (confirmed; smoothed: a small shape)

    # Areas, region-level claims and the legend: the style's values, not the shipped ones.
    area = frame.locator("path.control-RU")
    assert area.get_attribute("fill") == "#654321"
    region = frame.locator("path.region-claim").first
    assert region.get_attribute("stroke") == "#123456"
    assert region.get_attribute("stroke-width") == "5"
    legend = frame.locator(".claims-legend").inner_text()
    assert legend.startswith("Behauptungen") and "Kräfte RU" in legend
    assert "RU forces" not in legend
    assert "Meldungen" in frame.locator(".leaflet-control-layers").inner_text()
    # Text from the files is set as text (escaped once, by the browser).
    notice = frame.locator(".claims-notice")
    assert notice.inner_text() == "No baseline <i>here</i>"
    assert notice.locator("i").count() == 0
    assert errors == [] and page.dialogs == []
