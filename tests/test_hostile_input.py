"""Hostile strings in every text field: stored exactly, refused clearly when too long, and
inert in every place they are shown or exported."""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests.support.hostile import HOSTILE, HOSTILE_URLS, HUGE
from tracker.errors import InvalidInputError
from tracker.io import export_claims
from tracker.maps import claim_popup_html, claim_tooltip
from tracker.report_html import highlighted_report
from tracker.store import Store

TEXT_FIELDS = ("name", "claimant", "source_name", "quote", "notes")
KML = "{http://www.opengis.net/kml/2.2}"


def fields(**overrides) -> dict:
    base = {
        "event_date": "2025-12-01",
        "name": "Pokrovsk",
        "lat": 48.282,
        "lon": 37.176,
        "side": "RU",
        "action": "attack",
        "claimant": "Russian MoD",
        "source_name": "mil.ru",
        "source_url": "https://example.org/1",
        "quote": "Russian forces attacked near Pokrovsk.",
    }
    return {**base, **overrides}


class Markup(HTMLParser):
    """The tags and attributes a browser would build from an HTML fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(html: str, allowed_tags: set[str]) -> Markup:
    markup = Markup(html)
    for tag, attrs in markup.tags:
        assert tag in allowed_tags, f"<{tag}> came from data: {html[:200]}"
        assert not any(a.startswith("on") for a in attrs), attrs
        if "href" in attrs:
            assert attrs["href"].startswith(("http://", "https://")), attrs
    return markup


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "hostile.db") as store:
        yield store


@pytest.fixture
def hostile_claims(store):
    """One claim per hostile string, the string in every free-text field."""
    ids = []
    for text in HOSTILE:
        values = {key: text for key in TEXT_FIELDS}
        ids.append(store.add_claim(fields(**values)).id)
    return [store.get_claim(i) for i in ids]


def test_the_store_keeps_every_hostile_string_exactly(store, hostile_claims):
    assert store.count_claims() == len(HOSTILE)  # the SQL fragments did nothing
    for claim, text in zip(hostile_claims, HOSTILE, strict=True):
        for key in TEXT_FIELDS:
            assert getattr(claim, key) == text.strip(), key
        history = store.history(claim.id)
        assert history[0].after["quote"] == text.strip()
    found = store.claims(text="DROP TABLE")
    assert [c.quote for c in found] == ["'; DROP TABLE claims; --"]


def test_a_huge_string_is_refused_with_its_size_and_nothing_is_written(store):
    for key in TEXT_FIELDS:
        with pytest.raises(InvalidInputError, match=f"{key} is 1,048,572 characters long"):
            store.add_claim(fields(**{key: HUGE}))
    with pytest.raises(
        InvalidInputError, match="1,048,572 characters long; the limit is 1,000,000"
    ):
        store.add_report(HUGE)
    assert store.count_claims() == 0 and store.history_count() == 0 and not store.reports()


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_non_http_source_urls_are_refused(store, url):
    with pytest.raises(InvalidInputError, match="source_url"):
        store.add_claim(fields(source_url=url))
    assert store.count_claims() == 0


def test_popups_and_tooltips_show_hostile_text_as_text(hostile_claims):
    for claim in hostile_claims:
        popup = claim_popup_html(claim)
        markup = assert_inert(popup, {"b", "i", "br", "blockquote", "a"})
        assert claim.quote in "".join(markup.text)  # shown, as text
        tooltip = claim_tooltip(claim)
        assert not Markup(tooltip).tags
        assert claim.name in "".join(Markup(tooltip).text)


def test_popup_links_only_http_sources():
    record = fields()
    for url in HOSTILE_URLS:  # as if a row bypassed validation (an old file, a bug)
        popup = claim_popup_html({**record, "id": "x", "status": "claimed", "source_url": url})
        assert_inert(popup, {"b", "i", "br", "blockquote"})  # no <a> at all


def test_the_ingest_highlighter_escapes_the_report(gazetteer):
    from datetime import date

    from tracker.extract import extract

    text = "Russian forces attacked Pokrovsk. " + " ".join(HOSTILE) + " Kupiansk holds."
    result = extract(text, report_date=date(2025, 12, 1), gazetteer=gazetteer)
    html = highlighted_report(text, result.mentions)
    markup = assert_inert(html, {"div", "mark", "br"})
    assert "".join(markup.text).replace("\n", "") == text.replace("\n", "")


def test_every_export_format_carries_the_strings_inertly(store, hostile_claims, tmp_path):
    records = store.claim_records()
    by_id = {r["id"]: r for r in records}

    export_claims(records, tmp_path / "c.geojson", "geojson")
    features = json.loads((tmp_path / "c.geojson").read_text(encoding="utf-8"))["features"]
    for feature in features:
        props = feature["properties"]
        assert props["quote"] == by_id[feature["id"]]["quote"]

    export_claims(records, tmp_path / "c.csv", "csv")
    with open(tmp_path / "c.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(HOSTILE)
    for row in rows:
        for cell in row.values():
            assert not (cell or "").startswith(("=", "+", "-", "@", "\t", "\r")), cell

    export_claims(records, tmp_path / "c.gpkg", "gpkg")
    with sqlite3.connect(tmp_path / "c.gpkg") as db:
        quotes = sorted(q for (q,) in db.execute("SELECT quote FROM claims"))
    assert quotes == sorted(r["quote"] for r in records)

    export_claims(records, tmp_path / "c.kml", "kml")
    root = ET.parse(tmp_path / "c.kml").getroot()  # well-formed XML despite ]]> and <!--
    marks = root.findall(f".//{KML}Placemark")
    assert len(marks) == len(HOSTILE)
    for mark in marks:
        # A KML description is HTML to Google Earth: it must hold no markup from the data.
        description = mark.findtext(f"{KML}description") or ""
        assert_inert(description, set())
        assert mark.findtext(f"{KML}name") in {r["name"] for r in records}
