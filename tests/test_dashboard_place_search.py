"""The place-search page, driven with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "tracker" / "dashboard" / "place_search.py")


@pytest.fixture()
def page() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_empty_page_invites_a_search(page):
    assert "Type a place name" in page.info[0].value
    assert len(page.dataframe) == 0


def test_search_ranks_candidates_with_oblast_and_population(page):
    page.text_input(key="place_query").input("Костянтинівка").run()
    assert not page.exception
    table = page.dataframe[0].value
    assert list(table["name"][:3]) == ["Kostiantynivka"] * 3
    assert table["oblast / region"][0] == "Donetsk Oblast"
    assert table["population"][0] == 67350
    assert page.subheader[0].value == "Kostiantynivka"
    assert page.query_params["q"] == "Костянтинівка"  # the search is shareable by URL


def test_region_hint_changes_the_first_candidate(page):
    page.text_input(key="place_query").input("Kostiantynivka")
    page.selectbox(key="admin1_hint").select("Zaporizhzhia Oblast").run()
    assert page.dataframe[0].value["oblast / region"][0] == "Zaporizhzhia Oblast"


def test_choosing_another_candidate_shows_it(page):
    page.text_input(key="place_query").input("Kostiantynivka").run()
    first = page.markdown[0].value
    radio = page.radio(key="chosen")
    radio.set_value(radio.options[1]).run()
    assert not page.exception
    table = page.dataframe[0].value
    second = f"{table['oblast / region'][1]} · UA · "
    assert first.startswith("Donetsk Oblast · UA · 48.52728, 37.70594")  # the city
    assert page.markdown[0].value.startswith(second) and page.markdown[0].value != first
    assert table["id"][1].replace(":", "\\:") in page.markdown[0].value


@pytest.mark.parametrize(
    ("text", "shown"), [("東京", "unsupported script"), ("Qwzxvbnmplk", "No place")]
)
def test_bad_or_unknown_names_are_explained(page, text, shown):
    page.text_input(key="place_query").input(text).run()
    assert not page.exception
    messages = [e.value for e in page.error] + [i.value for i in page.info]
    assert any(shown in m for m in messages), messages
