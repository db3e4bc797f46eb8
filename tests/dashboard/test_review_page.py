"""The Review page with AppTest: the queue newest first with the mention marked (escaped),
filters, reject needing a reason (said beside the field), edit-then-accept of picked ones."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.apptest import run_page
from tests.support.store import claim_fields
from tracker.store import Store, review

HOSTILE = "<img src=x onerror=alert(1)> Russian forces captured Udachne **now**"


@pytest.fixture
def queued(db_url):
    with Store(db_url) as store:
        first = review.add_proposal(
            store,
            claim_fields(quote=HOSTILE, source_name="Rybar", event_date=date(2025, 12, 2)),
            confidence=0.62,
            why="the only Udachne near the front",
            mention="Udachne",
        )
        second = review.add_proposal(
            store,
            claim_fields(
                name="Pokrovsk",
                lat=48.28,
                lon=37.18,
                source_name="ISW",
                quote="Russian forces advanced near Pokrovsk",
            ),
            confidence=0.91,
            mention="Pokrovsk",
        )
    return first.id, second.id


def test_the_queue_newest_first_with_the_mention_marked(db_url, queued):
    at = run_page("review_page.py")
    assert at.title[0].value == "Review queue"
    assert "2 proposal(s) wait" in at.caption[0].value
    shown = [h.proto.body for h in at.get("html")]
    assert "Pokrovsk" in shown[0]  # newest first
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown[1] and "<img" not in shown[1]
    assert "<mark style='background:#ffe58a'>Udachne</mark>" in shown[1]
    assert any("the only Udachne near the front" in c.value for c in at.caption)
    at.text_input(key="rv_source").input("rybar").run()
    assert len(at.get("html")) == 1 and "Udachne" in at.get("html")[0].proto.body


def test_reject_needs_a_reason_beside_the_field(db_url, queued):
    first, second = queued
    at = run_page("review_page.py")
    at.checkbox(key=f"rv_pick_{first}").check()
    at.checkbox(key=f"rv_pick_{second}").check()
    at.button(key="FormSubmitter:rv_reject_form-Reject picked").click().run()
    assert not at.exception
    assert at.error[0].value == "A rejection needs a reason."
    with Store(db_url) as store:
        assert len(review.queue(store)) == 2
    at.text_input(key="rv_reason").input("duplicate of an older claim")
    at.button(key="FormSubmitter:rv_reject_form-Reject picked").click().run()
    assert not at.exception
    assert at.success[0].value == "Rejected 2 claim(s)."
    with Store(db_url) as store:
        assert review.queue(store) == []
        notes = {c.notes for c in store.claims(status="rejected")}
    assert notes == {"rejected: duplicate of an older claim"}
    assert "Nothing to review" in at.info[0].value


def test_edit_then_accept_puts_the_claim_on_the_map(db_url, queued):
    first, second = queued
    with Store(db_url) as store:
        before = store.count_claims()
    at = run_page("review_page.py")
    at.checkbox(key=f"rv_pick_{first}").check()
    at.selectbox(key="rv_side").set_value("UA")
    at.selectbox(key="rv_status").set_value("confirmed")
    at.button(key="FormSubmitter:rv_accept_form-Accept picked").click().run()
    assert not at.exception
    assert at.success[0].value == "Accepted 1 claim(s)."
    with Store(db_url) as store:
        accepted = store.get_claim(first)
        assert store.count_claims() == before + 1
        assert [p.claim.id for p in review.queue(store)] == [second]
    assert (str(accepted.side), str(accepted.status), str(accepted.action)) == (
        "UA",
        "confirmed",
        "capture",
    )


def test_accept_with_nothing_picked_says_so(db_url, queued):
    at = run_page("review_page.py")
    at.button(key="FormSubmitter:rv_accept_form-Accept picked").click().run()
    assert "Pick at least one proposal first." in at.warning[0].value
