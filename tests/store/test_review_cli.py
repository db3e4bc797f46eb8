"""`tracker review list|accept|reject` through click's CliRunner, on both back ends: filters,
ids, reasons, bad input as one line and exit 2, untrusted text shown inert."""

from __future__ import annotations

import json

import pytest

from tests.support.store import claim_fields
from tracker.store import Store, review


@pytest.fixture
def queue(db_url):
    """Two proposals (ISW, 0.9 at Udachne; Rybar, 0.4 at Pokrovsk) and one claim."""
    with Store(db_url) as store:
        isw = review.add_proposal(
            store, claim_fields(source_name="ISW"), confidence=0.9, why="w", mention="Udachne"
        )
        rybar = review.add_proposal(
            store,
            claim_fields(
                source_name="Rybar\x1b[31m", name="Pokrovsk", quote="<script>x</script>\x1b[2J"
            ),
            confidence=0.4,
        )
        claim = store.add_claim(claim_fields(name="Kupiansk"), by="ann")
    return {"isw": isw.id, "rybar": rybar.id, "claim": claim.id}


def ids(result) -> list[str]:
    return [row["id"] for row in json.loads(result.stdout)]


def test_list_filters(cli, queue):
    assert ids(cli("review", "list", "--json")) == [queue["rybar"], queue["isw"]]
    assert ids(cli("review", "list", "--source", "isw", "--json")) == [queue["isw"]]
    assert ids(cli("review", "list", "--place", "Pokrovsk", "--json")) == [queue["rybar"]]
    # any spelling, script or case form of the place's name
    for spelling in ("Pokrowsk", "Покровськ", "Покровська", "POKROVSK"):
        assert ids(cli("review", "list", "--place", spelling, "--json")) == [queue["rybar"]]
    assert cli("review", "list", "--place", "Kupiansk", "--json").stdout.strip() == "[]"
    assert ids(cli("review", "list", "--min-confidence", "0.5", "--json")) == [queue["isw"]]
    assert ids(cli("review", "list", "--max-confidence", "0.5", "--json")) == [queue["rybar"]]
    [row] = json.loads(cli("review", "list", "--source", "isw", "--json").stdout)
    assert (row["confidence"], row["why"], row["mention"], row["status"]) == (
        0.9,
        "w",
        "Udachne",
        "proposed",
    )


def test_list_shows_untrusted_text_inert(cli, queue):
    out = cli("review", "list").stdout
    assert "\x1b" not in out
    assert "\\x1b[31m" in out and "<script>x</script>" in out
    assert "2 proposals" in out


def test_accept_reject_and_the_history(cli, queue):
    out = cli("review", "accept", queue["isw"], "--side", "UA", "--action", "repel", "--as", "ann")
    assert out.stdout.startswith("Accepted 1 claim: ")
    out = cli("review", "reject", queue["rybar"], "--reason", "wrong place", "--json")
    [rejected] = json.loads(out.stdout)
    assert (rejected["status"], rejected["notes"]) == ("rejected", "rejected: wrong place")
    assert ids(cli("review", "list", "--json")) == []
    assert ids(cli("review", "list", "--rejected", "--json")) == [queue["rybar"]]
    listed = {c["id"]: c for c in json.loads(cli("list", "--json").stdout)}
    assert set(listed) == {queue["isw"], queue["claim"]}
    assert (listed[queue["isw"]]["side"], listed[queue["isw"]]["status"]) == ("UA", "claimed")
    history = json.loads(cli("history", queue["isw"], "--json").stdout)
    assert [(h["op"], h["after"]["status"], h["author"]) for h in history][-1] == (
        "update",
        "claimed",
        "ann",
    )


def test_bulk_accept(cli, queue):
    out = json.loads(cli("review", "accept", queue["isw"], queue["rybar"], "--json").stdout)
    assert {c["id"] for c in out} == {queue["isw"], queue["rybar"]}
    assert {c["status"] for c in out} == {"claimed"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "accept"], "give at least one claim id"),
        (["review", "accept", "not-a-uuid"], "is not a UUID"),
        (["review", "accept", "CLAIM"], "is claimed, not proposed or rejected"),
        (["review", "reject", "ISW"], "Missing option '--reason'"),
        (["review", "reject", "ISW", "--reason", " "], "needs a reason"),
        (["review", "accept", "ISW", "--status", "proposed"], "belongs to the review queue"),
        (["review", "accept", "ISW", "--side", "XX"], "side"),
        (["review", "list", "--min-confidence", "2"], "2"),
        (["review", "list", "--limit", "0"], "0"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, queue, args, message):
    names = {"ISW": queue["isw"], "CLAIM": queue["claim"]}
    result = cli(*[names.get(a, a) for a in args], code=2)
    assert message in result.output
    assert "Traceback" not in result.output
    assert ids(cli("review", "list", "--json")) == [queue["rybar"], queue["isw"]]
