"""`tracker source add|list` and `tracker fetch [NAME…]`: the feeds, folders and Telegram
exports read into the review queue."""

from __future__ import annotations

import click

from tracker.cli.output import count, echo_json, echo_table, say
from tracker.cli.store_options import by_option, current_user, db_option, json_option
from tracker.errors import InvalidInputError
from tracker.workspace import Workspace


@click.group("source")
def source() -> None:
    """The sources `tracker fetch` reads."""


@source.command("add")
@click.argument("name")
@click.option("--rss", metavar="URL", help="An RSS 2.0 feed.")
@click.option("--atom", metavar="URL", help="An Atom feed.")
@click.option("--folder", metavar="DIR", help="A folder of .txt/.md/.html/.json files.")
@click.option("--telegram-export", metavar="FILE", help="A Telegram Desktop result.json.")
@by_option
@db_option
@json_option
def add(name, rss, atom, folder, telegram_export, by, db, as_json):
    """Add a source named NAME (exactly one of --rss, --atom, --folder, --telegram-export)."""
    from tracker.store.sources import add_source

    given = {
        k: v
        for k, v in (
            ("rss", rss),
            ("atom", atom),
            ("folder", folder),
            ("telegram", telegram_export),
        )
        if v is not None
    }
    if len(given) != 1:
        raise InvalidInputError(
            "give exactly one of --rss URL, --atom URL, --folder DIR, --telegram-export FILE"
        )
    [(kind, location)] = given.items()
    with Workspace(db) as ws:
        added = add_source(ws.store, name, kind, location, by=current_user(by))
    if as_json:
        echo_json(added.to_dict())
    else:
        say(f"Added source {added.name} ({added.kind}: {added.location})")


@source.command("list")
@db_option
@json_option
def list_command(db, as_json):
    """The sources, with their last fetch."""
    from tracker.store.sources import list_sources

    with Workspace(db) as ws:
        found = list_sources(ws.store)
    if as_json:
        echo_json([s.to_dict() for s in found])
    elif not found:
        say("No sources yet: tracker source add NAME --rss URL")
    else:
        echo_table(
            count(len(found), "source"),
            ["name", "kind", "location", "fetched", "last error"],
            (
                [
                    s.name,
                    s.kind,
                    s.location,
                    s.fetched_at.strftime("%Y-%m-%d %H:%M") if s.fetched_at else "never",
                    s.last_error or "",
                ]
                for s in found
            ),
        )


@click.command("fetch")
@click.argument("names", nargs=-1)
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True)
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True)
@click.option(
    "--delay",
    type=click.FloatRange(0, 600),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to the same host.",
)
@by_option
@db_option
@json_option
def fetch_command(names, timeout, retries, delay, by, db, as_json):
    """Fetch new items of the named sources (default: all) into the review queue. One
    source's error is reported; the others are fetched all the same."""
    from tracker.sources.fetch import fetch
    from tracker.sources.http import Fetcher

    fetcher = Fetcher(timeout=timeout, retries=retries, delay=delay)
    with Workspace(db) as ws:
        results = fetch(ws, names or None, fetcher=fetcher, by=current_user(by))
    if as_json:
        echo_json([r.to_dict() for r in results])
    else:
        if not results:
            say("No sources yet: tracker source add NAME --rss URL")
        for r in results:
            if r.status == "error":
                say(f"{r.name}: error: {r.errors[0]}")
                continue
            say(
                f"{r.name}: {r.status}, {r.items} items, {r.reports} new reports, "
                f"{r.proposals} proposals queued, {r.corroborated} added as sources of stored "
                f"claims, {r.skipped} already stored"
            )
            for line in r.errors:
                say(f"  {line}", err=True)
    if results and all(r.status == "error" for r in results):
        raise SystemExit(1)


COMMANDS = [source, fetch_command]
