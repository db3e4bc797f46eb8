"""The maps' styles live in one place (tracker.map_styles): every side, action, status and
precision the model allows has one, the browser map is sent them, and its JavaScript restates
none of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tracker import map_payload, map_styles
from tracker.model import Action, Precision, Side, Status

WEB_DIR = Path(map_styles.__file__).resolve().parent / "dashboard" / "claims_map_web"
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
RGB = re.compile(r"rgba?\(\s*\d")


def test_every_value_the_model_allows_has_a_style():
    assert set(map_styles.SIDE_COLOURS) == {s.value for s in Side}
    assert set(map_styles.SIDE_MARKER_COLOURS) == {s.value for s in Side}
    assert set(map_styles.ACTION_SYMBOLS) == {a.value for a in Action}
    assert set(map_styles.ACTION_ICONS) == {a.value for a in Action}
    assert set(map_styles.STATUS_COLOURS) == {s.value for s in Status}
    assert set(map_styles.PRECISION_STYLES) == set(Precision)
    assert all(HEX.fullmatch(c) for c in map_styles.SIDE_COLOURS.values())


def test_the_browser_style_follows_the_payload_vocabularies():
    """Index k of a list is the style of code k in the claims payload (and one more colour
    for a side outside the vocabulary)."""
    style = map_styles.browser_style()
    assert style["sides"] == list(map_payload.SIDES) == ["RU", "UA"]
    assert style["actions"] == list(map_payload.ACTIONS)
    assert style["statuses"] == list(map_payload.STATUSES)
    assert style["side_colours"] == ["#d63e2a", "#38aadd", map_styles.OTHER_COLOUR]
    assert style["action_symbols"][map_payload.ACTIONS.index("capture")] == "flag"
    assert style["status_colours"][map_payload.STATUSES.index("confirmed")] == "#7CFC00"
    assert style["control"]["RU"]["fillColor"] == map_styles.SIDE_COLOURS["RU"]
    assert style["control"]["claimed-UA"]["hatch"] == map_styles.SIDE_COLOURS["UA"]
    assert style["region_claim"] == {"weight": 3, "dashArray": "8 5", "fillOpacity": 0.12}
    assert [k for k, _ in style["layer_names"]["control"]] == list(style["control"])
    json.dumps(style)  # it travels as JSON


@pytest.mark.parametrize(
    ("precision", "region"), [(1, False), (2, False), (3, True), (None, False)]
)
def test_the_precision_style_decides_what_is_drawn_as_its_region(precision, region):
    assert map_styles.drawn_as_region(precision) is region
    records = [{"precision": precision, "lat": 50.9, "lon": 34.8}]  # in Sumy Oblast
    from shapely.geometry import box

    found = map_payload.region_positions(records, [box(33, 50, 36, 52)])
    assert int(found[0]) == (0 if region else map_payload.NO_REGION)


def test_the_charts_use_the_map_colours():
    assert map_styles.chart_colours(["RU", "UA", "contested", "unknown"]) == [
        "#d63e2a",
        "#38aadd",
        "#f0a020",
        map_styles.UNKNOWN_COLOUR,
    ]


def _scripts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(WEB_DIR.glob("*.js"))}


def test_the_map_javascript_restates_no_colour():
    scripts = _scripts()
    assert "main.js" in scripts and len(scripts) >= 10  # split by job
    found = {
        name: HEX.findall(text) + RGB.findall(text)
        for name, text in scripts.items()
        if HEX.search(text) or RGB.search(text)
    }
    assert found == {}
    css = (WEB_DIR / "claims_map.css").read_text(encoding="utf-8")
    # The stylesheet dresses the boxes; no side, status or area colour is in it.
    for colour in [
        *map_styles.SIDE_COLOURS.values(),
        *map_styles.STATUS_COLOURS.values(),
        *(s["fillColor"] for s in map_styles.CONTROL_STYLES.values()),
    ]:
        assert colour.lower() not in css.lower()


def test_every_action_symbol_has_a_shape_in_the_javascript():
    symbols = _scripts()["symbols.js"]
    body = symbols[symbols.index("var SHAPES = {") :]
    body = body[: body.index("\n};")]
    shapes = set(re.findall(r'^  "?([a-z-]+)"?: function', body, flags=re.M))
    assert set(map_styles.ACTION_SYMBOLS.values()) <= shapes, shapes


def test_the_modules_import_only_what_exists():
    """Each `import {a, b} from "./x.js"` names functions x.js exports (no build step
    checks this: a typo would only show in a browser)."""
    scripts = _scripts()
    exported = {
        name: set(re.findall(r"^export (?:function|var|const) (\w+)", text, flags=re.M))
        for name, text in scripts.items()
    }
    for name, text in scripts.items():
        for names, module in re.findall(r"import \{([^}]*)\} from \"\./([\w.]+)\"", text):
            wanted = {n.strip() for n in names.split(",") if n.strip()}
            assert module in scripts, f"{name} imports missing {module}"
            assert wanted <= exported[module], f"{name}: {wanted - exported[module]}"
    index = (WEB_DIR / "index.html").read_text(encoding="utf-8")
    assert '<script type="module" src="main.js"></script>' in index
    # Every module is fetched at once (else the imports load one level after another).
    preloaded = set(re.findall(r'<link rel="modulepreload" href="([\w.]+)" />', index))
    assert preloaded == set(scripts)
