"""Searching claims by a place in any spelling: the text filter plus the places the gazetteer
finds for it (on SQLite and PostGIS)."""

from __future__ import annotations

import pytest

from tracker.place_filter import places_named

KUPIANSK = {"name": "Kupiansk", "lat": 49.71003, "lon": 37.61581, "place_id": "geonames:703656"}


def add(store, quote: str, **place) -> None:
    store.add_claim(
        {
            "event_date": "2025-12-01",
            "side": "RU",
            "action": "attack",
            "claimant": "Test",
            "quote": quote,
            **place,
        }
    )


@pytest.fixture
def claims(store):
    add(store, "Attacks on the city continued.", **KUPIANSK)
    add(store, "Koupiansk : combats au nord.", **KUPIANSK)
    add(store, "Бої за Куп'янськ.", **{**KUPIANSK, "place_id": None})  # typed, no place id
    add(store, "Shelling near Kupiansk.", name="Petropavlivka", lat=49.73, lon=37.7)
    add(store, "Advance near Pokrovsk.", name="Myrnohrad", lat=48.3, lon=37.27)
    return store


@pytest.mark.parametrize("spelling", ["Kupiansk", "Koupiansk", "Kupjansk", "Купянск", "Куп'янськ"])
def test_any_spelling_finds_the_claims_at_the_place(claims, gazetteer, spelling):
    places = places_named(gazetteer, spelling)
    assert "geonames:703656" in places
    found = {c.quote for c in claims.claims(text=spelling, text_places=places)}
    assert {
        "Attacks on the city continued.",
        "Koupiansk : combats au nord.",
        "Бої за Куп'янськ.",
    } <= found
    assert "Advance near Pokrovsk." not in found


def test_words_of_a_quote_still_match(claims, gazetteer):
    assert places_named(gazetteer, "combats") == ()
    assert [c.quote for c in claims.claims(text="combats")] == ["Koupiansk : combats au nord."]
    # The place's own claims and the quote naming it as written
    places = places_named(gazetteer, "Kupiansk")
    assert len(claims.claims(text="Kupiansk", text_places=places)) == 4


def test_a_strong_match_keeps_weaker_homonyms_out(gazetteer):
    places = places_named(gazetteer, "Pokrovsk")
    assert "Pokrovsk" in places
    assert "Engels" not in places  # once called Pokrovsk
    assert "Pokrovske" not in places_named(gazetteer, "Покровськ")
