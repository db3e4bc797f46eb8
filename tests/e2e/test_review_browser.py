"""The Review queue page in a real browser: a proposal's sentence with the place marked and
its hostile text inert; tick it, give a reason, reject it."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

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


def _proposal(store, name: str, lat: float, lon: float, quote: str):
    return review.add_proposal(
        store,
        {
            "event_date": "2025-12-03",
            "name": name,
            "lat": lat,
            "lon": lon,
            "side": "RU",
            "action": "advance",
            "claimant": "Russian MoD",
            "source_name": "mil.ru",
            "quote": quote,
        },
        confidence=0.8,
        mention=name,
    )


IDLE = "[data-test-script-state='notRunning']"


def press(page, key: str) -> None:
    """A key, once the app has finished its run (a shortcut pressed mid-run can be lost)."""
    page.locator(IDLE).wait_for(state="attached", timeout=60_000)
    page.keyboard.press(key)


def test_the_keyboard_walks_the_queue(streamlit_server, browser_page, demo_db):
    with Store(demo_db) as store:
        older = _proposal(store, "Novopavlivka", 48.12, 36.74, "Advance near Novopavlivka.")
        newer = _proposal(store, "Kotlyne", 48.29, 37.05, "Advance near Kotlyne.")
    page = browser_page
    page.goto(f"{streamlit_server}/review", wait_until="domcontentloaded")
    heading = page.get_by_role("heading", name="Proposal 1 of", exact=False)
    heading.wait_for(timeout=60_000)
    page.get_by_text("J next · K previous · A accept").wait_for()
    card = page.locator(".st-key-rv_current_card")
    expect(card).to_contain_text("Kotlyne", timeout=30_000)  # the newest is the current one
    # Right after the page loads, Streamlit may not listen for shortcuts yet: press J until
    # it does (pressing J again on the last proposal does nothing).
    for _ in range(10):
        press(page, "j")
        try:
            page.get_by_role("heading", name="Proposal 2 of", exact=False).wait_for(timeout=3000)
            break
        except PlaywrightTimeout:
            continue
    # (the heading may change a moment before the card's text does)
    expect(card).to_contain_text("Novopavlivka", timeout=30_000)
    press(page, "k")
    page.get_by_role("heading", name="Proposal 1 of", exact=False).wait_for(timeout=30_000)
    press(page, "j")
    page.get_by_role("heading", name="Proposal 2 of", exact=False).wait_for(timeout=30_000)
    press(page, "a")
    page.get_by_text("Accepted Novopavlivka (claimed).").wait_for(timeout=30_000)
    # X rejects the current one with the reason written beside it.
    page.get_by_role("heading", name="Proposal 1 of", exact=False).wait_for(timeout=30_000)
    expect(card).to_contain_text("Kotlyne", timeout=30_000)
    page.get_by_label("Why reject it").fill("seen twice")
    page.get_by_label("Why reject it").press("Enter")
    page.get_by_role("heading", name="Review queue").click()
    press(page, "x")
    page.get_by_text("Rejected Kotlyne.").wait_for(timeout=30_000)
    screenshot(page, "review_keyboard")
    with Store(demo_db) as store:
        assert str(store.get_claim(older.id).status) == "claimed"
        rejected = store.get_claim(newer.id)
    assert (str(rejected.status), rejected.notes) == ("rejected", "rejected: seen twice")
