"""The store enforces roles on every write, whatever the UI shows, and names the author."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from tests.support.store import claim_fields
from tracker.access import Identity, Role
from tracker.errors import PermissionDeniedError
from tracker.store import Store

VIEWER = Identity("vera@example.org", Role.VIEWER)
ANALYST = Identity("ana@example.org", Role.ANALYST)
ADMIN = Identity("adam@example.org", Role.ADMIN)

BASELINE = '{"type": "Polygon", "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 48]]]}'


def snapshot(store: Store) -> tuple:
    """Everything a write could change."""
    return (
        [c.to_dict() for c in store.claims(include_deleted=True)],
        store.history_count(),
        [r.id for r in store.reports()],
        [p.id for p in store.custom_places()],
        [b.id for b in store.baselines()],
    )


def writes(store: Store, claim_id: str, deleted_id: str) -> dict:
    """One call per write path of the store, keyed by the operation it needs."""
    claim = store.get_claim(claim_id)
    return {
        "add": lambda: store.add_claim(claim_fields(name="Viewer's claim")),
        "edit": lambda: store.update_claim(claim_id, {"status": "confirmed"}, version=1),
        "delete": lambda: store.delete_claim(claim_id),
        "restore": lambda: store.restore_claim(deleted_id),
        "import": lambda: store.insert_claims([replace(claim, id=str(uuid.uuid4()))]),
        "ingest": lambda: store.add_report("Russian forces attacked near Pokrovsk."),
        "add_place": lambda: store.add_custom_place("Khutir Tykhyi", 48.1, 37.2),
        "baseline": lambda: store.add_baseline("2025-12-01", "RU", BASELINE),
    }


@pytest.fixture
def seeded(store):
    """A store with one live and one deleted claim, written by the local admin."""
    live = store.add_claim(claim_fields(name="Live"))
    gone = store.add_claim(claim_fields(name="Gone"))
    store.delete_claim(gone.id, version=1)
    return store, live.id, gone.id


@pytest.mark.parametrize(
    ("identity", "allowed"),
    [
        (VIEWER, set()),
        (ANALYST, {"add", "edit", "delete", "ingest", "add_place"}),
        (ADMIN, {"add", "edit", "delete", "restore", "import", "ingest", "add_place", "baseline"}),
    ],
    ids=["viewer", "analyst", "admin"],
)
def test_each_write_path_checks_the_role(seeded, identity, allowed):
    store, live, gone = seeded
    acting = store.acting_as(identity)
    for operation, call in writes(acting, live, gone).items():
        before = snapshot(store)
        if operation in allowed:
            call()
            assert snapshot(store) != before, operation
        else:
            with pytest.raises(
                PermissionDeniedError, match=f"{identity.role}.*{operation.split('_')[0]}"
            ):
                call()
            assert snapshot(store) == before, f"{operation} wrote despite the refusal"


def test_admin_import_is_attributed(store):
    template = store.add_claim(claim_fields())
    copy = replace(template, id="5f0c8a52-0000-4000-8000-000000000001")
    store.acting_as(ADMIN).insert_claims([copy])
    assert store.history(copy.id)[0].author == ADMIN.name
    assert store.history(copy.id)[0].op == "import"


def test_history_names_the_acting_identity(store):
    analyst = store.acting_as(ANALYST)
    claim = analyst.add_claim(claim_fields())
    analyst.update_claim(claim.id, {"status": "confirmed"}, version=1)
    store.acting_as(ADMIN).delete_claim(claim.id, version=2)
    store.acting_as(ADMIN).restore_claim(claim.id, version=3)
    assert [(h.op, h.author) for h in store.history(claim.id)] == [
        ("insert", "ana@example.org"),
        ("update", "ana@example.org"),
        ("delete", "adam@example.org"),
        ("restore", "adam@example.org"),
    ]
    assert store.get_claim(claim.id).created_by == "ana@example.org"
    report, _ = analyst.add_report("Ukrainian forces repelled an attack near Kupiansk.")
    assert report.created_by == "ana@example.org"


def test_acting_as_shares_the_database_and_leaves_the_original_alone(store):
    viewer = store.acting_as(VIEWER)
    claim = store.add_claim(claim_fields())
    assert viewer.get_claim(claim.id) == claim  # reads work for a viewer
    assert viewer.count_claims() == 1
    assert store.identity.role is Role.ADMIN and viewer.identity is VIEWER


def test_a_refused_write_inside_a_transaction_rolls_back_the_rest(store):
    viewer = store.acting_as(VIEWER)
    with pytest.raises(PermissionDeniedError), store.transaction():
        store.add_claim(claim_fields(name="First"))
        viewer.add_claim(claim_fields(name="Second"))
    assert store.count_claims() == 0
