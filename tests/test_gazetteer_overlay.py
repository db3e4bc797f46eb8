"""Custom places as read-only overlays over the shared base gazetteer."""

from __future__ import annotations

import threading
import time

import pytest

from tracker.gazetteer import Gazetteer
from tracker.gazetteer_overlay import clear_overlays, with_custom_places
from tracker.model import Place

KUPIANSK = "geonames:703656"


# Name words whose spellings no transliteration or skeleton confuses (digits would: the
# skeleton of "11" is that of "1").
WORDS = (
    "Berizka Dubova Hlyboka Kamianka Lisova Mokra Nyzhnia Orikhova Pishchana Rudna Sosnova "
    "Tykha Verkhnia Zelena Chorna Bila Shyroka Vuzka Holubyna Zhuravka Solovka Ternova "
    "Vyshneva Yablunova Kalynova Malynova Ozerna Pryrichna"
).split()


def custom(i: int, name: str | None = None) -> Place:
    """A custom place; renamed (`name`), it keeps none of its old spellings."""
    return Place(
        id=f"custom:{i}",
        name=name or f"Kalynova Zatoka {WORDS[i]}",
        lat=47.5 + i * 0.001,
        lon=36.8,
        country="UA",
        admin1_code="UA.05",
        admin1="Donetsk Oblast",
    )


def top_id(gazetteer: Gazetteer, name: str) -> str | None:
    found = gazetteer.candidates(name, limit=1, fuzzy=False)
    return found[0].place.id if found else None


@pytest.fixture(autouse=True)
def fresh_overlays():
    clear_overlays()
    yield
    clear_overlays()


def test_an_overlay_finds_custom_places_and_leaves_the_base_as_it_was(gazetteer):
    size = len(gazetteer)
    bay = Place(
        "custom:bay", "Kalynova Zatoka", 47.9, 36.8, "UA", alternate_names=("Калинова Затока",)
    )
    overlay = gazetteer.with_places([custom(1), custom(2), bay])
    assert top_id(overlay, f"Kalynova Zatoka {WORDS[2]}") == "custom:2"
    assert top_id(overlay, "Калинової Затоки") == "custom:bay"  # a case form, via the stems
    assert overlay.get("custom:1").name == f"Kalynova Zatoka {WORDS[1]}"
    assert overlay.nearest(47.5, 36.8, limit=1)[0][0].id == "custom:1"
    assert top_id(overlay, "Kupiansk") == KUPIANSK
    assert len(overlay) == size + 3
    assert overlay.base is gazetteer
    # The base knows nothing of them.
    assert len(gazetteer) == size
    assert top_id(gazetteer, f"Kalynova Zatoka {WORDS[2]}") is None
    assert top_id(gazetteer, "Калинової Затоки") != "custom:bay"
    with pytest.raises(LookupError):
        gazetteer.get("custom:1")


def test_an_overlay_replaces_a_place_of_the_base_with_the_same_id(gazetteer):
    kupiansk = gazetteer.get(KUPIANSK)
    renamed = Place(
        id=KUPIANSK, name="Kupiansk-Renamed", lat=kupiansk.lat, lon=kupiansk.lon, country="UA"
    )
    overlay = gazetteer.with_places([renamed])
    assert overlay.get(KUPIANSK).name == "Kupiansk-Renamed"
    assert top_id(overlay, "Kupiansk-Renamed") == KUPIANSK
    assert all(c.place.id != KUPIANSK for c in overlay.candidates("Kupiansk", fuzzy=False))
    assert len(overlay) == len(gazetteer)
    assert top_id(gazetteer, "Kupiansk") == KUPIANSK  # the base still has the real one


def test_the_later_of_two_places_with_one_id_wins(gazetteer):
    overlay = gazetteer.with_places([custom(1), custom(1, "Nova Zatoka")])
    assert top_id(overlay, "Nova Zatoka") == "custom:1"
    assert top_id(overlay, f"Kalynova Zatoka {WORDS[1]}") is None


def test_an_overlay_is_read_only(gazetteer):
    overlay = gazetteer.with_places([custom(1)])
    with pytest.raises(TypeError, match="read-only"):
        overlay.add_places([custom(2)])


def test_re_adding_places_in_place_replaces_them(gazetteer):
    # A private gazetteer (it gets modified): Kupiansk and a few thousand others.
    gaz = Gazetteer([gazetteer.get(KUPIANSK), *gazetteer.places[:3000]])
    gaz.add_places([custom(1)])
    gaz.add_places([custom(1, "Nova Zatoka")])  # re-indexes only this place's keys
    assert top_id(gaz, "Nova Zatoka") == "custom:1"
    assert top_id(gaz, f"Kalynova Zatoka {WORDS[1]}") is None
    assert top_id(gaz, "Kupiansk") == KUPIANSK


def test_overlays_are_cached_by_the_custom_places_revision(gazetteer):
    first = with_custom_places(gazetteer, [custom(1)])
    assert with_custom_places(gazetteer, [custom(1)]) is first
    edited = with_custom_places(gazetteer, [custom(1, "Nova Zatoka")])
    assert edited is not first
    assert top_id(edited, "Nova Zatoka") == "custom:1"
    assert top_id(first, "Nova Zatoka") is None  # a reader holding the old one is unaffected
    assert with_custom_places(gazetteer, []) is gazetteer


def test_threads_read_while_the_custom_places_change(gazetteer):
    """Readers look names up while a writer adds custom places one by one: every reader sees
    a consistent gazetteer (each place of its revision found, later ones not, the base
    intact), and the base itself never changes."""
    total = 24
    published: list[tuple[Place, ...]] = [()]
    done = threading.Event()
    failures: list[str] = []
    checks = [0]

    counting = threading.Lock()

    def reader() -> None:
        try:
            look()
        except Exception as exc:  # reported below; the writer stops waiting for this reader
            failures.append(repr(exc))

    def look() -> None:
        while not done.is_set():
            revision = published[-1]
            gaz = with_custom_places(gazetteer, revision)
            n = len(revision)
            if top_id(gaz, "Kupiansk") != KUPIANSK:
                failures.append(f"Kupiansk lost at revision {n}")
            if n:
                last = revision[-1]
                if top_id(gaz, last.name) != last.id:
                    failures.append(f"{last.name} not found at revision {n}")
            if top_id(gaz, f"Kalynova Zatoka {WORDS[n + 1]}") is not None:
                failures.append(f"a later place found at revision {n}")
            if len(gaz) != len(gazetteer) + n:
                failures.append(f"{len(gaz)} places at revision {n}")
            with counting:
                checks[0] += 1

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    for i in range(1, total + 1):
        published.append((*published[-1], custom(i)))
        with_custom_places(gazetteer, published[-1])
        seen = checks[0]
        # Let the readers look at this revision (unless they all stopped on an error).
        while checks[0] < seen + 8 and any(t.is_alive() for t in readers):
            time.sleep(0.001)
    done.set()
    for thread in readers:
        thread.join()
    assert failures == []
    assert checks[0] >= 8 * total
    assert (
        top_id(with_custom_places(gazetteer, published[-1]), f"Kalynova Zatoka {WORDS[24]}")
        == "custom:24"
    )
    assert top_id(gazetteer, f"Kalynova Zatoka {WORDS[24]}") is None
    assert all(not p.id.startswith("custom:") for p in gazetteer.places)
