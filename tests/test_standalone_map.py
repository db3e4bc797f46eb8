"""The standalone HTML map (folium): the same styles and legend words as the browser map,
report text escaped once."""

from __future__ import annotations

from tracker.map_styles import LEGEND, SIDE_COLOURS
from tracker.maps import standalone_html

CLAIM = {
    "id": "c1",
    "event_date": "2025-12-01",
    "name": "Kupiansk <script>alert(1)</script>",
    "lat": 49.71,
    "lon": 37.62,
    "side": "RU",
    "action": "capture",
    "status": "confirmed",
    "claimant": "MoD & co",
    "quote": "<img src=x onerror=alert(2)>",
    "source_name": "wire",
    "source_url": "javascript:alert(3)",
}


def test_the_standalone_map_draws_with_the_shared_styles():
    page = standalone_html([CLAIM], highlight_since="2025-11-25", window_days=7)
    assert page.startswith("<!DOCTYPE html>")
    assert '"markerColor": "red"' in page and '"icon": "flag"' in page  # RU, capture
    assert '"iconColor": "#7CFC00"' in page  # confirmed
    assert LEGEND["side"].format(side="RU") in page and SIDE_COLOURS["RU"] in page


def test_report_text_is_escaped_once_in_the_standalone_map():
    page = standalone_html([CLAIM])
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "Kupiansk &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "MoD &amp; co" in page and "&amp;amp;" not in page
    assert "javascript:alert(3)" not in page  # not a link
