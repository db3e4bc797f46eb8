"""The Workspace: one database URL and identity → its store, the gazetteer with its custom
places, and the control model; on a real SQLite file."""

from __future__ import annotations

import pytest

from tracker.access import Identity, Role
from tracker.errors import TrackerError
from tracker.gazetteer_overlay import clear_overlays
from tracker.workspace import Workspace


@pytest.fixture(autouse=True)
def fresh_overlays():
    clear_overlays()
    yield
    clear_overlays()


@pytest.fixture
def workspace(tmp_path, gazetteer):
    with Workspace(f"sqlite:///{tmp_path / 'ws.db'}", gazetteer=gazetteer) as ws:
        yield ws


def ids(gaz, name: str) -> list[str]:
    return [c.place.id for c in gaz.candidates(name, limit=3, fuzzy=False)]


def test_the_gazetteer_follows_the_custom_places(workspace, gazetteer):
    assert workspace.gazetteer() is gazetteer  # no custom places: the base itself
    first = workspace.store.add_custom_place("Kalynova Zatoka", 48.1, 37.6, created_by="ann")
    with_one = workspace.gazetteer()
    assert ids(with_one, "Kalynova Zatoka")[0] == first.id
    assert workspace.gazetteer() is with_one  # same revision: the same overlay
    second = workspace.store.add_custom_place("Zolota Nyva Khutir", 48.2, 37.5, created_by="ann")
    with_two = workspace.gazetteer()
    assert with_two is not with_one
    assert ids(with_two, "Zolota Nyva Khutir")[0] == second.id
    assert second.id not in ids(with_one, "Zolota Nyva Khutir")  # an old reader unaffected
    assert first.id not in ids(gazetteer, "Kalynova Zatoka")  # the base never changes
    assert len(with_two) == len(gazetteer) + 2


def test_custom_places_of_one_database_stay_in_it(tmp_path, gazetteer):
    with (
        Workspace(tmp_path / "a.db", gazetteer=gazetteer) as a,
        Workspace(tmp_path / "b.db", gazetteer=gazetteer) as b,
    ):
        place = a.store.add_custom_place("Kalynova Zatoka", 48.1, 37.6, created_by="ann")
        assert ids(a.gazetteer(), "Kalynova Zatoka")[0] == place.id
        assert place.id not in ids(b.gazetteer(), "Kalynova Zatoka")


def test_the_control_model_has_a_cell_for_each_custom_place(workspace):
    place = workspace.store.add_custom_place("Kalynova Zatoka", 48.1, 37.6, created_by="ann")
    model = workspace.control_model(counting="claimed", contested_days=3)
    assert place.id in model.cells.cell_of
    assert str(model.counting) == "claimed" and model.contested_days == 3


def test_acting_as_shares_the_database_and_checks_the_role(workspace):
    viewer = workspace.acting_as(Identity("visitor", Role.VIEWER))
    assert viewer.url == workspace.url
    assert viewer.identity.name == "visitor"
    assert viewer.base_gazetteer() is workspace.base_gazetteer()
    with pytest.raises(TrackerError):
        viewer.store.add_custom_place("Kalynova Zatoka", 48.1, 37.6)
    assert workspace.store.custom_places() == []


def test_a_lookup_never_creates_a_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_DB", raising=False)
    assert Workspace.existing(None) is None
    assert not (tmp_path / "tracker.db").exists()
    Workspace(None).close()  # the default file, created on purpose
    found = Workspace.existing(None)
    assert found is not None and found.url.endswith("tracker.db")
    found.close()
