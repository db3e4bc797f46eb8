"""`tracker review list|accept|reject`: the review queue of proposed claims. Thin over
`tracker.store.review`; untrusted text goes out through `say` and `echo_table`."""

from __future__ import annotations

import click

from tracker.cli.claims import collect_fields, field_options
from tracker.cli.output import count, echo_json, echo_table, say
from tracker.cli.store_options import by_option, current_user, db_option, json_option
from tracker.errors import InvalidInputError
from tracker.place_filter import places_named
from tracker.store import review as queue_module
from tracker.workspace import Workspace

CONFIDENCE = click.FloatRange(0.0, 1.0)


@click.group("review")
def review() -> None:
    """The review queue: proposed claims, accepted or rejected by an analyst."""


@review.command("list")
@click.option("--source", help="Only proposals whose source name or URL contains this.")
@click.option(
    "--place",
    help="Only proposals at this place: its id, or its name in any spelling, script or case "
    "form (Koupiansk, Куп'янськ, Купянске).",
)
@click.option("--min-confidence", type=CONFIDENCE, help="Lowest confidence, 0..1.")
@click.option("--max-confidence", type=CONFIDENCE, help="Highest confidence, 0..1.")
@click.option("--rejected", is_flag=True, help="List rejected proposals instead.")
@click.option("--limit", type=click.IntRange(1, 100_000), help="At most this many, newest first.")
@db_option
@json_option
def list_queue(source, place, min_confidence, max_confidence, rejected, limit, db, as_json):
    """Proposed claims awaiting review, newest first."""
    with Workspace(db) as ws:
        # a name in any spelling: the places it may mean (the id or name as stored besides)
        places = None
        if place:
            places = (place.strip(), *places_named(ws.gazetteer(), place))
        found = queue_module.queue(
            ws.store,
            status="rejected" if rejected else "proposed",
            source=source,
            places=places,
            min_confidence=min_confidence,
            max_confidence=max_confidence,
            limit=limit,
        )
    if as_json:
        echo_json([p.to_dict() for p in found])
        return
    if not found:
        say("The review queue is empty." if not rejected else "No rejected proposals match.")
        return
    echo_table(
        count(len(found), "rejected proposal" if rejected else "proposal"),
        ["id", "date", "place", "side", "action", "claimant", "conf", "source", "quote"],
        (
            [
                p.claim.id,
                p.claim.event_date.isoformat(),
                p.claim.name,
                str(p.claim.side),
                str(p.claim.action),
                p.claim.claimant,
                "" if p.confidence is None else f"{p.confidence:.2f}",
                p.claim.source_name,
                (p.claim.notes if rejected else p.claim.quote) or "",
            ]
            for p in found
        ),
    )


def _ids(claim_ids: tuple[str, ...]) -> list[str]:
    if not claim_ids:
        raise InvalidInputError("give at least one claim id (tracker review list shows them)")
    return list(claim_ids)


def _done(claims, verb: str, as_json: bool) -> None:
    if as_json:
        echo_json([c.to_dict() for c in claims])
    else:
        say(f"{verb} {count(len(claims), 'claim')}: " + ", ".join(c.id for c in claims))


@review.command("accept")
@click.argument("claim_ids", nargs=-1)
@field_options
@by_option
@db_option
@json_option
def accept(claim_ids, by, db, as_json, force_dates, **options):
    """Accept proposals (status claimed unless --status says otherwise); field options
    edit them first (edit-then-accept). All or nothing."""
    changes = collect_fields(options)
    with Workspace(db) as ws:
        done = queue_module.accept(
            ws.store,
            _ids(claim_ids),
            changes=changes,
            by=current_user(by),
            allow_old_dates=force_dates,
        )
    _done(done, "Accepted", as_json)


@review.command("reject")
@click.argument("claim_ids", nargs=-1)
@click.option("--reason", required=True, help="Why (kept in the claim's notes and history).")
@by_option
@db_option
@json_option
def reject(claim_ids, reason, by, db, as_json):
    """Reject proposals with a reason. All or nothing."""
    with Workspace(db) as ws:
        done = queue_module.reject(ws.store, _ids(claim_ids), reason=reason, by=current_user(by))
    _done(done, "Rejected", as_json)


@review.command("show")
@click.argument("claim_id")
@db_option
@json_option
def show(claim_id, db, as_json):
    """A claim with its sources, independent claimants and contradicting claims."""
    from tracker.store.corroboration import evidence

    with Workspace(db) as ws:
        found = evidence(ws.store, claim_id)
    if as_json:
        echo_json(found)
        return
    say(
        f"{found['name']} {found['event_date']}: {found['side']} {found['action']} "
        f"({found['status']}), {count(len(found['claimants']), 'independent claimant')}: "
        + ", ".join(found["claimants"])
    )
    echo_table(
        count(len(found["sources"]), "source"),
        ["claimant", "date", "source", "url", "report", "added (UTC)", "quote"],
        (
            [
                s["claimant"],
                s["event_date"],
                s["source_name"],
                s["source_url"],
                s["report_id"],
                (s["added_at"] or "")[:19],
                s["quote"],
            ]
            for s in found["sources"]
        ),
    )
    if found["suggested_status"]:
        say(f"Suggested status: {found['suggested_status']} ({found['suggested_because']})")
    for other in found["contradicted_by"]:
        say(
            f"Contradicted by {other['claimant']}: {other['side']} on {other['event_date']} "
            f"(claim {other['id']})"
        )


COMMANDS = [review]
