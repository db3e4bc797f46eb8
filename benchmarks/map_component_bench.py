"""The map component alone in headless Chromium: its JavaScript as ES modules (one job each,
tracker/dashboard/claims_map_web/) against the one-file script it was (read from git at
--old, default 24f8138), in the same run.

Both are served from a local HTTP server (127.0.0.1) with the same Leaflet files and the
same payload of --claims synthetic claims, in a page standing in for Streamlit; each sample
is a fresh browser context (nothing cached). Measured: navigation until the claims are drawn
(`body[data-ready=1]`), the requests the component's page made and the bytes of its own
script(s). Samples alternate between the variants; medians are reported.

Usage: python benchmarks/map_component_bench.py [--claims 10000] [--samples 9] [--old REV]
"""

from __future__ import annotations

import argparse
import functools
import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker import map_payload, map_styles  # noqa: E402

WEB = ROOT / "tracker" / "dashboard" / "claims_map_web"
LEAFLET = ROOT / "tracker" / "dashboard" / "static_assets" / "leaflet"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_) -> None:
        pass


def synthetic_records(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [
        {
            "id": f"id-{i}",
            "event_date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "name": f"Place {i % 500}",
            "lat": rng.uniform(46.5, 50.5),
            "lon": rng.uniform(30.0, 39.5),
            "side": rng.choice(["RU", "UA"]),
            "action": rng.choice(map_payload.ACTIONS),
            "status": rng.choice(map_payload.STATUSES),
            "claimant": rng.choice(["MoD", "General Staff", "ISW"]),
        }
        for i in range(n)
    ]


def old_style(style: dict) -> tuple[dict, dict]:
    """The arguments the one-file component read (its style and its layer names)."""
    keep = ("sides", "actions", "statuses", "side_colours", "status_colours", "control")
    old = {k: style[k] for k in keep}
    old["unknown_legend"] = style["legend"]["unknown"]
    old["frontline"] = style["frontline"]
    return old, style["layer_names"]


def host_page(component: str, args: dict) -> str:
    embedded = json.dumps(args).replace("</", "<\\/")
    return (
        "<!doctype html><html><body style='margin:0'>"
        f"<iframe id='c' src='{component}/index.html' style='width:900px;height:600px;border:0'>"
        f"</iframe><script>const ARGS = {embedded};"
        "window.addEventListener('message', (e) => {"
        "  if (e.data && e.data.type === 'streamlit:componentReady')"
        "    document.getElementById('c').contentWindow.postMessage("
        "      {type: 'streamlit:render', args: ARGS}, '*');"
        "});</script></body></html>"
    )


def build_site(folder: Path, claims: int, old_rev: str) -> dict[str, int]:
    """The two variants under `folder`; returns the bytes of each one's own scripts."""
    (folder / "new").symlink_to(WEB)
    old = folder / "old"
    old.mkdir()
    for name in ("index.html", "claims_map.js", "claims_map.css"):
        blob = subprocess.run(
            ["git", "show", f"{old_rev}:tracker/dashboard/claims_map_web/{name}"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        (old / name).write_bytes(blob)
    (folder / "leaflet").symlink_to(LEAFLET)
    columns = map_payload.columns_from_records(synthetic_records(claims))
    payload = map_payload.encode(columns)
    (folder / "claims.bin.gz").write_bytes(payload)
    style = map_styles.browser_style()
    args = {
        "assets": {"js": ["../leaflet/dist/leaflet.js"], "css": ["../leaflet/dist/leaflet.css"]},
        "claims": {"url": "../claims.bin.gz", "digest": map_payload.digest(payload)},
        "as_of": "2025-12-31",
        "window": 7,
        "regions_url": None,
        "control_url": None,
        "selected": None,
        "detail": None,
        "center": list(map_styles.UKRAINE_CENTRE),
        "zoom": map_styles.ZOOM,
        "height": 560,
        "tiles": [],
        "style": style,
    }
    (folder / "new.html").write_text(host_page("new", args), encoding="utf-8")
    previous, layer_names = old_style(style)
    (folder / "old.html").write_text(
        host_page("old", {**args, "style": previous, "layer_names": layer_names}),
        encoding="utf-8",
    )
    return {
        "new": sum(p.stat().st_size for p in WEB.glob("*.js")),
        "old": (old / "claims_map.js").stat().st_size,
    }


def sample(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        t0 = time.perf_counter()
        page.goto(url)
        page.frame_locator("iframe#c").locator("body[data-ready='1']").wait_for(
            state="attached", timeout=60_000
        )
        return {"drawn_s": time.perf_counter() - t0, "requests": len(requests)}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=9)
    parser.add_argument("--old", default="24f8138", help="git revision of the one-file script")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="map-component-bench-") as scratch:
        folder = Path(scratch)
        script_bytes = build_site(folder, args.claims, args.old)
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        runs: dict[str, list[dict]] = {"old": [], "new": []}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                sample(browser, f"{base}/new.html")  # the browser's own start, unmeasured
                for _ in range(args.samples):
                    for variant in ("old", "new"):
                        runs[variant].append(sample(browser, f"{base}/{variant}.html"))
                browser.close()
        finally:
            server.shutdown()
    result = {
        "benchmark": "map component: ES modules vs the one-file script, same run",
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "claims": args.claims,
        "samples": args.samples,
        "old_revision": args.old,
    }
    for variant, samples in runs.items():
        times = sorted(s["drawn_s"] for s in samples)
        result[variant] = {
            "drawn_s_median": round(statistics.median(times), 3),
            "drawn_s_min": round(times[0], 3),
            "drawn_s_max": round(times[-1], 3),
            "requests": samples[0]["requests"],
            "own_script_bytes": script_bytes[variant],
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
