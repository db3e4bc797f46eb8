"""Names cut by a hard line wrap at a hyphen are read whole and quoted as written.

Sentences written for these tests in the styles of wire copy and Telegram posts.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract, find_mentions
from tracker.extract.unwrap import unwrap_hyphens

REPORT_DATE = date(2025, 9, 14)


def _placed(text: str) -> dict[str, tuple[str, str] | None]:
    found = find_mentions(text)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text  # spans are the report's
    return {m.text: (m.place.name, m.place.admin1) if m.place else None for m in found}


@pytest.mark.parametrize(
    ("text", "written", "place"),
    [
        # Two capitalised halves: one hyphenated name ("Seredyna" alone is no place).
        (
            "Shelling again reached the border crossing at Seredyna-\nBuda overnight, the "
            "regional administration said.",
            "Seredyna-\nBuda",
            ("Seredyna-Buda", "Sumy Oblast"),
        ),
        # A Ukrainian case form of a hyphenated name, wrapped after its first half.
        (
            "Бої тривають у районі Куп'янська-\nВузлового, противник зазнав втрат.",
            "Куп'янська-\nВузлового",
            ("Kupiansk-Vuzlovyi", "Kharkiv Oblast"),
        ),
        # A word split to fit the line: the halves join into a known name, however short
        # the second ("Kher" alone would be read as a town in Perm, "Бах" as a Volyn village).
        (
            "Die Artillerie beschoss erneut Juna-\nkiwka, meldete die Gebietsverwaltung.",
            "Juna-\nkiwka",
            ("Yunakivka", "Sumy Oblast"),
        ),
        (
            "Russian forces struck Kher-\nson overnight.",
            "Kher-\nson",
            ("Kherson", "Kherson Oblast"),
        ),
        ("Окупанти обстріляли Бах-\nмут з артилерії.", "Бах-\nмут", ("Bakhmut", "Donetsk Oblast")),
    ],
)
def test_a_name_wrapped_at_its_hyphen_is_one_name(text, written, place) -> None:
    assert _placed(text)[written] == place


def test_the_places_after_a_closed_wrap_keep_the_reports_spans() -> None:
    text = (
        "Russian forces attacked Novo-\nmykolaivka and Bila Hora near Kostiantynivka, "
        "the General Staff said; Kostiantynivka was shelled again."
    )
    found = find_mentions(text)
    assert [m.text for m in found] == [
        "Novo-\nmykolaivka",
        "Bila Hora",
        "Kostiantynivka",
        "Kostiantynivka",
    ]
    assert found[0].place.name == "Novomykolaivka"
    assert found[0].place.admin1 == "Donetsk Oblast"
    assert [text[m.start : m.end] for m in found] == [m.text for m in found]


def test_a_claim_at_a_wrapped_name_quotes_its_mention_as_written() -> None:
    text = "Russian forces captured Seredyna-\nBuda, the Russian Defence Ministry claimed."
    claims = extract(text, report_date=REPORT_DATE).claims
    assert [(c.place.name, str(c.action), c.mention.text) for c in claims] == [
        ("Seredyna-Buda", "capture", "Seredyna-\nBuda")
    ]
    assert text[claims[0].mention.start : claims[0].mention.end] == "Seredyna-\nBuda"
    assert claims[0].quote.startswith("Russian forces captured Seredyna-Buda,")  # read whole


@pytest.mark.parametrize(
    "text",
    [
        # lower-case halves that make no known name stay as written
        "A Kyiv-\nbased analyst said the talks had stalled.",
        # a lower-case word before the wrap is no name
        "Separatist and pro-\nRussian channels claimed the advance.",
        # a hyphen with no line wrap is no wrap at all
        "The Pokrovsk-Myrnohrad agglomeration is nearly encircled.",
    ],
)
def test_only_a_wrap_inside_a_name_is_closed(text) -> None:
    assert unwrap_hyphens(text, lambda name: False) is None


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a dash before a short word at a line's end: the town stays itself (no Pokrovsk of
        # Yakutia read from "Покровськау", no "Яруta" swallowing Kostiantynivka)
        ("Ворог обстріляв околиці Покровська-\nу місті зруйновано будинки.", ["Pokrovsk"]),
        ("Бої тривають біля Часового Яру-\nта Костянтинівки.", ["Chasiv Yar", "Kostiantynivka"]),
        ("Бої тривали біля Білої Гори-\nне вщухали всю ніч.", ["Bila Hora"]),
        # a town's compound is no hyphenated name: Kharkiv is found as on one line
        ("Die russischen Truppen setzten ihre Charkiw-\nOffensive fort.", ["Kharkiv"]),
    ],
)
def test_a_place_before_a_dash_at_a_lines_end_stays_found(text, places) -> None:
    assert [m.place.name for m in find_mentions(text) if m.place] == places
    assert all(m.place.admin1 != "Sakha (Yakutia)" for m in find_mentions(text) if m.place)


def test_the_view_maps_every_position_back_to_the_report() -> None:
    text = "Near Seredyna-\n  Buda and Juna-\nkiwka; then Sumy."
    unwrapped = unwrap_hyphens(text, lambda name: name in {"Junakiwka", "Seredyna-Buda"})
    assert unwrapped.text == "Near Seredyna-Buda and Junakiwka; then Sumy."
    for view_at, char in enumerate(unwrapped.text):
        assert text[unwrapped.original(view_at)] == char
