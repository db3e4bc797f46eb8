"""Place status as of a date, from claims: holders, contests and their fallback, contradictions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.support.control import claim
from tracker.control import ClaimTimeline, Holder

D = date(2025, 3, 1)


def holder(claims, as_of, **kwargs):
    counting = kwargs.pop("counting", "confirmed")
    return ClaimTimeline(claims, counting=counting).state("x", as_of, **kwargs).holder


@pytest.mark.parametrize(
    ("side", "action", "expected"),
    [
        ("RU", "capture", Holder.RU),
        ("UA", "control", Holder.UA),
        ("RU", "withdraw", Holder.UA),
        ("UA", "withdraw", Holder.RU),
        ("RU", "strike", Holder.UNKNOWN),
    ],
)
def test_holding_actions(side, action, expected):
    assert holder([claim("x", D, side, action)], D) is expected


def test_claims_after_the_date_do_not_count():
    assert holder([claim("x", D, "RU")], D - timedelta(days=1)) is Holder.UNKNOWN


def test_the_latest_holding_claim_wins():
    claims = [claim("x", D, "RU"), claim("x", D + timedelta(days=3), "RU", "withdraw")]
    assert holder(claims, D + timedelta(days=2)) is Holder.RU
    assert holder(claims, D + timedelta(days=3)) is Holder.UA


@pytest.mark.parametrize("days", [1, 3, 7])
def test_contested_falls_back_to_the_last_holder_after_the_configured_days(days):
    claims = [claim("x", D, "UA", "control"), claim("x", D + timedelta(days=10), "RU", "attack")]
    attack = D + timedelta(days=10)
    assert holder(claims, attack, contested_days=days) is Holder.CONTESTED
    assert (
        holder(claims, attack + timedelta(days=days - 1), contested_days=days) is Holder.CONTESTED
    )
    assert holder(claims, attack + timedelta(days=days), contested_days=days) is Holder.UA


@pytest.mark.parametrize("action", ["advance", "repel"])
def test_advance_and_repel_also_contest(action):
    assert holder([claim("x", D, "RU", action)], D) is Holder.CONTESTED


def test_a_contest_with_no_prior_holder_falls_back_to_unknown():
    assert holder([claim("x", D, "RU", "attack")], D + timedelta(days=7)) is Holder.UNKNOWN


def test_a_capture_on_the_day_of_an_attack_is_the_outcome():
    claims = [claim("x", D, "RU", "attack"), claim("x", D, "RU", "capture")]
    assert holder(claims, D) is Holder.RU


def test_counting_chooses_which_statuses_count():
    claims = [claim("x", D, "RU", status="claimed")]
    assert holder(claims, D, counting="confirmed") is Holder.UNKNOWN
    assert holder(claims, D, counting="claimed") is Holder.RU
    refuted = [claim("x", D, "RU", status="refuted")]
    assert holder(refuted, D, counting="claimed") is Holder.UNKNOWN


def test_baseline_date_excludes_earlier_claims():
    claims = [claim("x", D, "RU")]
    timeline = ClaimTimeline(claims)
    assert timeline.state("x", D + timedelta(days=5), after=D).holder is Holder.UNKNOWN
    assert (
        timeline.state("x", D + timedelta(days=5), after=D - timedelta(days=1)).holder is Holder.RU
    )


def test_contradicting_claimants_are_reported_and_the_place_is_contested():
    claims = [
        claim("x", D, "RU", "capture", claimant="Russian MoD", status="claimed"),
        claim("x", D, "UA", "control", claimant="General Staff", status="claimed"),
    ]
    timeline = ClaimTimeline(claims, counting="claimed")
    assert timeline.state("x", D).holder is Holder.CONTESTED
    (contradiction,) = timeline.contradictions
    assert contradiction.day == D and contradiction.resolved_to is Holder.CONTESTED
    report = contradiction.to_dict()
    assert {c["claimant"]: c["holds"] for c in report["claims"]} == {
        "Russian MoD": "RU",
        "General Staff": "UA",
    }


def test_a_confirmed_claim_beats_a_contradicting_claimed_one():
    claims = [
        claim("x", D, "RU", "capture", status="confirmed"),
        claim("x", D, "UA", "control", claimant="General Staff", status="claimed"),
    ]
    timeline = ClaimTimeline(claims, counting="claimed")
    assert timeline.state("x", D).holder is Holder.RU
    assert [c.resolved_to for c in timeline.contradictions] == [Holder.RU]


def test_same_side_claims_from_two_claimants_are_no_contradiction():
    claims = [claim("x", D, "RU"), claim("x", D, "UA", "withdraw", claimant="General Staff")]
    timeline = ClaimTimeline(claims)
    assert timeline.state("x", D).holder is Holder.RU
    assert timeline.contradictions == []
