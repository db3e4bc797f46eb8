"""Stored text never reaches Streamlit's Markdown as Markdown: a claim named like an image
makes no viewer's browser fetch anything (headings, messages, captions, radio labels)."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from markdown_it import MarkdownIt

from tests.support.apptest import claims_list, fill, run_page, submit
from tracker.store import Store

TRACKER_IMAGE = "![t](http://host.example/track.png)"
MARKDOWN_NAMES = [
    TRACKER_IMAGE,
    "[Kupiansk](javascript:alert(1))",
    "**Pokrovsk** :red[bold] $x$ <img src=x>",
]


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("strikethrough").render(markdown)


def assert_plain(markdown: str, text: str) -> None:
    html = rendered(markdown)
    for tag in ("<img", "<a ", "<strong", "<em", "<code"):
        assert tag not in html, html
    # the text itself, every character shown (a word joiner, which shows nothing, parts "://")
    assert text in unescape(html).replace("\u2060", ""), html


@pytest.mark.parametrize("name", MARKDOWN_NAMES)
def test_the_map_detail_heading_shows_the_name_as_text(db_url, name):
    with Store(db_url) as store:
        claim = store.add_claim(
            {"event_date": "2025-12-01", "name": name, "lat": 48.28, "lon": 37.18,
             "side": "RU", "action": "attack", "claimant": "Russian MoD"}
        )  # fmt: skip
    at = run_page("map_page.py")
    listing = claims_list(at)
    # the list's labels render Markdown too: the names in them are literal
    for option in listing.options:
        for tag in ("<img", "<a ", "<strong", "<em"):
            assert tag not in rendered(option), option
    listing.set_value(claim.id).run()
    assert not at.exception
    heading = at.subheader[0].value
    assert_plain(heading, name)


@pytest.mark.parametrize("name", MARKDOWN_NAMES)
def test_the_form_success_message_shows_the_name_as_text(db_url, name):
    at = run_page("claim_form.py")
    fill(at, c_name=name, c_lat="48.28", c_lon="37.18", c_claimant="Russian MoD", c_side="RU",
         c_action="attack")  # fmt: skip
    at.date_input(key="c_date").set_value(date(2025, 12, 1))
    submit(at)
    assert not at.error, [e.value for e in at.error]
    message = at.success[0].value
    assert_plain(message, name)
    with Store(db_url) as store:
        assert name in [c.name for c in store.claims()]
