"""The Review page with AppTest: the queue newest first with the mention marked (escaped),
filters (source, place in any spelling, confidence), the current proposal's evidence
(suggested status and why, claimants side by side, contradictions), the keyboard's buttons,
reject needing a reason (said beside the field), edit-then-accept, bulk steps."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.apptest import run_page
from tests.support.store import claim_fields
from tracker.store import Store, corroboration, review

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
    shown = listed(at)
    assert "Pokrovsk" in shown[0]  # newest first
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown[1] and "<img" not in shown[1]
    assert "<mark style='background:#ffe58a'>Udachne</mark>" in shown[1]
    assert any("the only Udachne near the front" in c.value for c in at.caption)
    at.text_input(key="rv_source").input("rybar").run()
    assert len(listed(at)) == 1 and "Udachne" in listed(at)[0]


def listed(at) -> list[str]:
    """The sentences of the queue's list (the current proposal's card shows one more first)."""
    quotes = [h.proto.body for h in at.get("html") if "class='review-quote'" in h.proto.body]
    return quotes[1:]


def heading(at) -> str:
    return at.subheader[0].value


def test_filters_place_in_any_spelling_and_confidence(db_url, queued):
    at = run_page("review_page.py")
    at.text_input(key="rv_place").input("Покровськ").run()
    assert not at.exception
    assert [q.count("Pokrovsk") > 0 for q in listed(at)] == [True]
    at.text_input(key="rv_place").input("").run()
    at.slider(key="rv_confidence").set_value((0.0, 0.7)).run()
    assert len(listed(at)) == 1 and "Udachne" in listed(at)[0]
    at.slider(key="rv_confidence").set_value((0.95, 1.0)).run()
    assert "Nothing to review" in at.info[0].value


def test_the_current_proposal_shows_its_evidence(db_url, queued):
    _, second = queued
    with Store(db_url) as store:
        claim = store.get_claim(second)
        corroboration.attach(
            store,
            claim,
            {
                "claimant": "Ukrainian General Staff",
                "event_date": "2024-05-02",
                "source_name": "<b>GS</b>",
                "quote": "The enemy advanced near Pokrovsk <script>x</script>",
            },
        )
        store.add_claim(
            claim_fields(
                name="Pokrovsk",
                lat=48.28,
                lon=37.18,
                side="UA",
                action="control",
                claimant="DeepState",
                quote="Pokrovsk is held",
            ),
            by="ann",
        )
    at = run_page("review_page.py")
    assert heading(at) == "Proposal 1 of 2"
    texts = [m.value for m in at.markdown]
    assert (
        "Suggested status: **disputed** (another claimant gives the place to the other side)"
        in (texts)
    )
    assert "**Who says what**: 2 source(s), 2 independent claimant(s)" in texts
    cards = [h.proto.body for h in at.get("html") if "review-source" in h.proto.body]
    assert "<b>Russian MoD</b>" in cards[0] and "advanced near Pokrovsk" in cards[0]
    assert "<b>Ukrainian General Staff</b> · 2024-05-02 · &lt;b&gt;GS&lt;/b&gt;" in cards[1]
    assert "&lt;script&gt;" in cards[1] and "<script>" not in cards[1]
    assert "**Contradicted by** 1 claim(s):" in texts
    assert "<b>DeepState (UA control)</b>" in cards[2] and "Pokrovsk is held" in cards[2]
    assert any("Suggested: disputed, contradicted by 1." in c.value for c in at.caption)


def test_the_keyboard_buttons_move_accept_and_reject(db_url, queued):
    first, second = queued
    at = run_page("review_page.py")
    keys = {k: at.button(key=k).proto.shortcut for k in ("rv_next", "rv_prev")}
    keys["accept"] = at.button(key="rv_accept_one").proto.shortcut
    keys["reject"] = at.button(key="rv_reject_one").proto.shortcut
    assert keys == {"rv_next": "j", "rv_prev": "k", "accept": "a", "reject": "x"}
    assert any("J next · K previous · A accept" in c.value for c in at.caption)
    assert at.button(key="rv_prev").disabled
    at.button(key="rv_next").click().run()
    assert heading(at) == "Proposal 2 of 2" and at.button(key="rv_next").disabled
    at.button(key="rv_prev").click().run()
    at.button(key="rv_next").click().run()
    # X without a reason: said beside the field, nothing changes.
    at.button(key="rv_reject_one").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("A rejection needs a reason")
    at.text_input(key="rv_one_reason").input("a repelled attack")
    at.button(key="rv_reject_one").click().run()
    assert at.success[0].value == "Rejected Udachne."
    # The keyboard is on the one left: A accepts it.
    assert heading(at) == "Proposal 1 of 1"
    at.button(key="rv_accept_one").click().run()
    assert at.success[0].value == "Accepted Pokrovsk (claimed)."
    with Store(db_url) as store:
        assert store.get_claim(first).notes == "rejected: a repelled attack"
        assert str(store.get_claim(second).status) == "claimed"
        assert review.queue(store) == []


def test_edit_then_accept_the_current_one(db_url, queued):
    first, second = queued
    at = run_page("review_page.py")
    at.text_input(key=f"rv_e_claimant_{second}").input("ISW")
    at.selectbox(key=f"rv_e_precision_{second}").set_value(2)
    at.selectbox(key=f"rv_e_action_{second}").set_value("advance")
    at.selectbox(key=f"rv_e_status_{second}").set_value("confirmed")
    at.button(key="FormSubmitter:rv_edit_form-Accept with these edits").click().run()
    assert not at.exception
    assert at.success[0].value == "Accepted Pokrovsk (confirmed)."
    with Store(db_url) as store:
        done = store.get_claim(second)
    assert (done.claimant, int(done.precision), str(done.action), str(done.status)) == (
        "ISW",
        2,
        "advance",
        "confirmed",
    )
    # A bad edit is said beside the form; the proposal stays.
    at.text_input(key=f"rv_e_claimant_{first}").input("")
    at.button(key="FormSubmitter:rv_edit_form-Accept with these edits").click().run()
    assert not at.exception
    assert "claimant" in at.error[0].value
    with Store(db_url) as store:
        assert [p.claim.id for p in review.queue(store)] == [first]


def test_pick_all_then_reject_in_bulk(db_url, queued):
    at = run_page("review_page.py")
    at.button(key="rv_pick_all").click().run()
    assert all(c.value for c in at.checkbox)
    at.text_input(key="rv_reason").input("a duplicate feed")
    at.button(key="FormSubmitter:rv_reject_form-Reject picked").click().run()
    assert at.success[0].value == "Rejected 2 claim(s)."
    with Store(db_url) as store:
        assert review.queue(store) == [] and len(review.queue(store, status="rejected")) == 2


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
