"""Extraction: mentions with spans, resolution by evidence, and proposed claims."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.cli import main
from tracker.errors import InvalidInputError, TrackerError
from tracker.extract import MAX_TEXT_CHARS, extract
from tracker.model import Action, Precision, Side

REPORT_DATE = date(2025, 12, 3)
FRENCH = (
    "Les forces russes disent avoir progressé dans la région de Soumy ainsi qu'aux abords de "
    "Kostiantynivka, de Pokrovsk et de Houliaïpolé. À Koupiansk, l'armée ukrainienne affirme "
    "tenir encore l'essentiel de la ville ; des groupes russes isolés restent dans le nord de "
    "Koupyansk."
)


def run(text, **kwargs):
    return extract(text, report_date=REPORT_DATE, **kwargs)


def claims_by_place(result):
    return {(c.place.name, c.side, c.action): c for c in result.claims}


def test_the_french_example_of_the_issue():
    result = run(FRENCH)
    assert result.lang == "fr"
    places = [(m.text, m.place.name if m.place else None) for m in result.mentions]
    assert places == [
        ("région de Soumy", "Sumy Oblast"),
        ("Kostiantynivka", "Kostiantynivka"),
        ("Pokrovsk", "Pokrovsk"),
        ("Houliaïpolé", "Huliaipole"),
        ("Koupiansk", "Kupiansk"),
        ("Koupyansk", "Kupiansk"),
    ]
    assert result.mentions[1].place.admin1 == "Donetsk Oblast"
    assert result.mentions[3].place.admin1 == "Zaporizhzhia Oblast"
    claims = claims_by_place(result)
    sumy = claims[("Sumy Oblast", Side.RU, Action.ADVANCE)]
    assert sumy.precision == Precision.REGION
    assert sumy.claimant == "Russian forces"
    for name in ("Kostiantynivka", "Pokrovsk", "Huliaipole"):
        claim = claims[(name, Side.RU, Action.ADVANCE)]
        assert claim.precision == Precision.NEAR, name
        assert claim.claimant == "Russian forces"
        assert claim.event_date == REPORT_DATE
        assert claim.status == "claimed"
    held = claims[("Kupiansk", Side.UA, Action.CONTROL)]
    assert held.claimant == "Ukrainian military"
    presence = claims[("Kupiansk", Side.RU, Action.CONTROL)]
    assert presence.precision == Precision.NEAR  # "dans le nord de"
    assert presence.confidence < held.confidence  # "groupes russes isolés"
    assert len(result.claims) == 6


@pytest.mark.parametrize(
    ("text", "place", "admin1", "side", "action", "precision", "claimant", "event_date"),
    [
        (
            "Geolocated footage published on November 20 indicates that Russian forces advanced "
            "in eastern Kupiansk.",
            "Kupiansk",
            "Kharkiv Oblast",
            Side.RU,
            Action.ADVANCE,
            Precision.NEAR,
            "ISW",  # "geolocated footage indicates": ISW's assessment
            date(2025, 11, 20),
        ),
        (
            "The Russian Ministry of Defense claimed the capture of Kindrativka (Sumy Oblast) on "
            "December 1.",
            "Kindrativka",
            "Sumy Oblast",
            Side.RU,
            Action.CAPTURE,
            Precision.SETTLEMENT,
            "Russian MoD",
            date(2025, 12, 1),
        ),
        (
            "Am 28. November wehrten ukrainische Truppen einen Angriff bei Torezk ab und "
            "hielten ihre Stellungen.",
            "Toretsk",
            "Donetsk Oblast",
            Side.UA,
            Action.REPEL,
            Precision.NEAR,
            None,
            date(2025, 11, 28),
        ),
        (
            "Генштаб ЗСУ: 28 листопада сили оборони відбили штурм біля Часового Яру.",
            "Chasiv Yar",
            "Donetsk Oblast",
            Side.UA,
            Action.REPEL,
            Precision.NEAR,
            "Ukrainian General Staff",
            date(2025, 11, 28),
        ),
        (
            "Минобороны России заявило, что 30 ноября российские войска освободили Курахово.",
            "Kurakhove",
            "Donetsk Oblast",
            Side.RU,
            Action.CAPTURE,
            Precision.SETTLEMENT,
            "Russian MoD",
            date(2025, 11, 30),
        ),
        (
            "Selon l'état-major, les troupes russes ont attaqué près de Vovtchansk "
            "le 1er décembre.",
            "Vovchansk",
            "Kharkiv Oblast",
            Side.RU,
            Action.ATTACK,
            Precision.NEAR,
            "Ukrainian General Staff",
            date(2025, 12, 1),
        ),
    ],
)
def test_claims_in_five_languages(
    text, place, admin1, side, action, precision, claimant, event_date
):
    result = run(text, source="Example Wire")
    matching = [c for c in result.claims if c.place.name == place]
    assert matching, (result.mentions, result.claims)
    claim = matching[0]
    assert claim.place.admin1 == admin1
    assert (claim.side, claim.action, claim.precision) == (side, action, precision)
    assert claim.claimant == (claimant or "Example Wire")
    assert claim.event_date == event_date
    assert claim.quote == " ".join(text.split())


def test_negated_action_is_not_claimed():
    result = run(
        "Russian forces continued offensive operations near Chasiv Yar on "
        "November 21 but did not advance."
    )
    assert [(c.place.name, c.action) for c in result.claims] == [("Chasiv Yar", Action.ATTACK)]


def test_a_reference_point_is_not_a_scene():
    result = run("Russian forces recently advanced near Udachne (southwest of Pokrovsk).")
    assert [m.place.name for m in result.mentions] == ["Udachne", "Pokrovsk"]
    assert result.mentions[1].reference
    assert [c.place.name for c in result.claims] == ["Udachne"]


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Witkoff met in the Kremlin on Monday; Zelensky spoke with Umerov in May.",
        "Jared Kushner and Steve Witkoff flew on Tuesday.",
        "Ukrainian President Volodymyr Zelensky met Commander-in-Chief Oleksandr Syrskyi.",
        "Peace (Mir) and Druzhba were discussed; Pravda reported on Peremoha Day.",
        "Sonyachne weather, Zoria said, and Pobeda was declared in December.",
        "Путін заявив у п'ятницю, що Кремль готовий до переговорів у грудні.",
        "Le Kremlin a annoncé jeudi que Poutine recevra Witkoff en décembre.",
    ],
)
def test_people_institutions_months_and_ordinary_words_are_not_places(text):
    assert run(text).mentions == []


def test_a_common_word_village_counts_when_the_context_insists():
    result = run("Russian forces attacked near Peremoha and Kupiansk.")
    assert "Peremoha" in [m.text for m in result.mentions]


def test_homonym_far_from_the_cue_stays_unresolved():
    result = run("Russian forces advanced near Zhovkva, east of Kupiansk.")
    zhovkva = result.mentions[0]
    assert zhovkva.text == "Zhovkva" and zhovkva.place is None
    assert "km away" in zhovkva.reason and "Kupiansk" in zhovkva.reason
    assert all(c.place.name != "Zhovkva" for c in result.claims)


def test_homonym_outside_the_stated_region_stays_unresolved():
    result = run("Ukrainian forces repelled an assault on Rakhiv in Donetsk Oblast.")
    rakhiv = result.mentions[0]
    assert rakhiv.place is None and "Donetsk Oblast" in rakhiv.reason


def test_region_hint_picks_the_homonym():
    result = run("Russian forces attacked near Kostiantynivka in Zaporizhzhia Oblast.")
    assert result.mentions[0].place.admin1 == "Zaporizhzhia Oblast"
    assert [c.place.name for c in result.claims] == ["Kostiantynivka"]  # the oblast only locates


def test_the_front_picks_the_homonym():
    text = "Russian forces attacked near Kostiantynivka."
    assert run(text).mentions[0].place.admin1 == "Donetsk Oblast"
    near_zaporizhzhia_village = [(46.85, 35.45), (46.80, 35.40)]
    assert run(text, front=near_zaporizhzhia_village).mentions[0].place.admin1 == (
        "Zaporizhzhia Oblast"
    )


def test_other_places_of_the_report_pick_the_homonym():
    text = "Бої тривають біля Борової, Ківшарівки та Куп'янська-Вузлового."
    borova = run(text).mentions[0]
    assert borova.place.admin1 == "Kharkiv Oblast"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "<script>alert(1)</script> near <b>Kupiansk</b>",
        "'; DROP TABLE claims; -- near Pokrovsk",
        "\u202eKupiansk\u200b near Kup\u200biansk",
        "Kupiansk" * 5000,
        "ŁÓДЬ" * 100,
    ],
)
def test_hostile_or_empty_text_is_harmless(text):
    result = run(text)
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_too_long_text_is_refused_clearly():
    with pytest.raises(InvalidInputError, match="split it"):
        run("a" * (MAX_TEXT_CHARS + 1))


def test_bad_arguments():
    with pytest.raises(InvalidInputError):
        extract(b"bytes", report_date=REPORT_DATE)
    with pytest.raises(InvalidInputError):
        extract("text", report_date="2025-12-03")
    with pytest.raises(InvalidInputError):
        extract("text", report_date=REPORT_DATE, lang="xx")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode_returns_a_result_with_exact_spans(text):
    try:
        result = run(text)
    except TrackerError:
        return
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kupiansk",
                "near",
                "Покровська",
                "(",
                ")",
                "south of",
                "Oblast",
                "région de",
                "Soumy",
                ",",
                ".",
                "\n",
                "Russian",
                "advanced",
                "Часів Яр",
                "-",
                "’",
            ]
        ),
        max_size=30,
    )
)
def test_place_heavy_noise_keeps_spans(parts):
    text = " ".join(parts)
    for mention in run(text).mentions:
        assert text[mention.start : mention.end] == mention.text


# -- CLI ---------------------------------------------------------------------------------------


def test_cli_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "report.txt"
    report.write_text(FRENCH, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(report), "--date", "2025-12-03", "--source", "Le Monde", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["lang"] == "fr"
    mention = data["mentions"][1]
    assert {"text", "start", "end", "level", "confidence", "place"} <= set(mention)
    assert FRENCH[mention["start"] : mention["end"]] == mention["text"] == "Kostiantynivka"
    assert set(mention["place"]) >= {"id", "geonameid", "name", "lat", "lon", "country", "admin1"}
    claim = data["claims"][0]
    assert set(claim) >= {
        "place",
        "event_date",
        "side",
        "action",
        "claimant",
        "status",
        "precision",
        "quote",
        "confidence",
    }
    assert claim["event_date"] == "2025-12-03"


def test_cli_stdin_html_and_view(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "r.html"
    page.write_text(
        "<html><script>var x='Kharkiv';</script><p>Russian forces struck "
        "<b>Kharkiv</b>.</p></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", str(page), "--date", "2025-12-03"])
    assert result.exit_code == 0, result.output
    assert "1 place mentions" in result.output and "strike" in result.output
    piped = CliRunner().invoke(
        main,
        ["extract", "-", "--date", "2025-12-03", "--json"],
        input="Ukrainian forces still control most of Kupiansk.",
    )
    assert json.loads(piped.output)["claims"][0]["action"] == "control"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "-", "--date", "03/12/2025"], "YYYY-MM-DD"),
        (["extract", "missing.txt", "--date", "2025-12-03"], "not a readable file"),
        (["extract", "report.pdf", "--date", "2025-12-03"], "not a text report"),
    ],
)
def test_cli_bad_input(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(main, args, input="")
    assert result.exit_code == 2, result.output
    assert message in result.output
