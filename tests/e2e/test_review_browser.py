"""The Review queue page in a real browser: a proposal's sentence with the place marked and
its hostile text inert; tick it, give a reason, reject it."""

from __future__ import annotations

from tests.support.browser import screenshot
from tracker.store import Store, review

QUOTE = "<img src=x onerror=alert(3)> Russian forces captured Udachne, Rybar claims."


def test_reject_a_proposal_in_the_browser(streamlit_server, browser_page, demo_db):
    with Store(demo_db) as store:
        proposal = review.add_proposal(
            store,
            {
                "event_date": "2025-12-02",
                "name": "Udachne",
                "lat": 48.241,
                "lon": 36.992,
                "side": "RU",
                "action": "capture",
                "claimant": "Russian milblogger",
                "source_name": "Rybar",
                "quote": QUOTE,
            },
            confidence=0.7,
            why="the only Udachne near the front",
            mention="Udachne",
        )
    page = browser_page
    page.goto(f"{streamlit_server}/review", wait_until="domcontentloaded")
    page.locator("mark").first.wait_for(timeout=60_000)
    assert page.locator("mark").first.inner_text() == "Udachne"
    assert "<img src=x onerror=alert(3)>" in page.inner_text("body")
    screenshot(page, "review")
    page.locator("[data-testid='stCheckbox']").first.click()
    page.get_by_label("Reason").fill("Rybar repeats the MoD; no new evidence")
    page.get_by_role("button", name="Reject picked").click()
    page.get_by_text("Rejected 1 claim(s).").wait_for(timeout=60_000)
    assert page.dialogs == []
    with Store(demo_db) as store:
        rejected = store.get_claim(proposal.id)
    assert (rejected.status, rejected.notes) == (
        "rejected",
        "rejected: Rybar repeats the MoD; no new evidence",
    )
