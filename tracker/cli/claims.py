"""Claim commands: init, add, list, show, edit, delete, restore, history, import, export.

Thin over `tracker.store` and `tracker.io`. `--db URL` (or $TRACKER_DB) picks the database on
every command; `--json` prints stable machine-readable output.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from tracker.cli.custom_places import places
from tracker.cli.output import count, echo_json, echo_table, parse_point, say
from tracker.cli.store_options import (
    by_option,
    current_user,
    db_option,
    json_option,
)
from tracker.errors import ImportRowsError, InvalidInputError, NotFoundError
from tracker.io.formats import EXPORT_FORMATS, IMPORT_FORMATS
from tracker.model import MAX_ROWS, REVIEW_STATUSES, Action, Claim, Side, Status
from tracker.store import ClaimQuery
from tracker.store.changes import attached_sources
from tracker.workspace import Workspace


@contextmanager
def progress_bar(description: str, total: int | None):
    """A rich progress bar on stderr when it is a terminal; yields an advance(n) function."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import Progress

    from tracker.untrusted import visible

    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(escape(visible(description)), total=total)
        yield lambda n=1: progress.advance(task, n)


def claim_table(title: str, claims: list[Claim]) -> None:
    echo_table(
        title,
        ["id", "date", "place", "side", "action", "claimant", "status", "v", "deleted"],
        (
            [
                c.id,
                c.event_date.isoformat(),
                c.name,
                str(c.side),
                str(c.action),
                c.claimant,
                str(c.status),
                c.version,
                "yes" if c.deleted else "",
            ]
            for c in claims
        ),
    )


def show_claim(claim: Claim, as_json: bool) -> None:
    if as_json:
        echo_json(claim.to_dict())
        return
    for key, value in claim.to_dict().items():
        if value is not None:
            say(f"{key:>15}: {value}")


# -- field options shared by add and edit --------------------------------------------------------

VOCAB = {
    "side": [str(s) for s in Side],
    "action": [str(a) for a in Action],
    "status": [str(s) for s in Status if s not in REVIEW_STATUSES],
}


def field_options(command):
    options = [
        click.option("--date", "event_date", metavar="YYYY-MM-DD", help="When it happened."),
        click.option("--place", "name", metavar="NAME", help="Place name as reported."),
        click.option("--at", "point", metavar="LAT,LON", help="Coordinates of the claim."),
        click.option("--place-id", metavar="ID", help="Gazetteer place id (geonames:..)."),
        click.option("--side", help=f"Whose forces: {', '.join(VOCAB['side'])}."),
        click.option("--action", help=f"One of {', '.join(VOCAB['action'])}."),
        click.option("--claimant", help="Who asserts it (Russian MoD, ISW, ...)."),
        click.option("--status", help=f"One of {', '.join(VOCAB['status'])}."),
        click.option("--precision", help="1 settlement, 2 near it, 3 region."),
        click.option("--time-precision", help="1 day, 2 week, 3 month."),
        click.option("--reported", "reported_at", metavar="YYYY-MM-DD", help="Report date."),
        click.option("--source", "source_name", help="Source name."),
        click.option("--url", "source_url", help="Source URL."),
        click.option("--quote", help="The sentence the claim came from."),
        click.option("--notes", help="Analyst notes."),
        click.option("--report-id", help="Id of the stored report."),
        click.option("--force-dates", is_flag=True, help="Allow dates before 2014-01-01."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


FIELD_KEYS = (
    "event_date",
    "name",
    "place_id",
    "side",
    "action",
    "claimant",
    "status",
    "precision",
    "time_precision",
    "reported_at",
    "source_name",
    "source_url",
    "quote",
    "notes",
    "report_id",
)


def collect_fields(options: dict) -> dict:
    fields = {k: options[k] for k in FIELD_KEYS if options.get(k) is not None}
    status = str(fields.get("status", "")).strip().lower()
    if status in {str(s) for s in REVIEW_STATUSES}:
        raise InvalidInputError(
            f"status {status} belongs to the review queue: tracker ingest proposes claims, "
            "tracker review accepts or rejects them"
        )
    point = parse_point(options.get("point"))
    if point is not None:
        fields["lat"], fields["lon"] = point
    return fields


# -- commands ------------------------------------------------------------------------------------


@click.command()
@db_option
@json_option
def init(db, as_json):
    """Create the database (or bring its schema up to date)."""
    with Workspace(db) as ws:
        store = ws.store
        info = {
            "url": store.display_url,
            "backend": "postgis" if store.is_postgis else "sqlite",
            "schema_version": store.schema_version(),
            "claims": store.count_claims(include_deleted=True),
        }
    if as_json:
        echo_json(info)
    else:
        say(
            f"Store ready: {info['url']} ({info['backend']}, schema version "
            f"{info['schema_version']}, {info['claims']} claims)"
        )


@click.command()
@field_options
@by_option
@db_option
@json_option
def add(db, as_json, by, force_dates, **options):
    """Record a claim. Without --at, the place is geocoded from --place."""
    fields = collect_fields(options)
    with Workspace(db) as ws:
        if fields.get("name") and ("lat" not in fields or not fields.get("place_id")):
            gazetteer = ws.gazetteer()
            if "lat" not in fields:
                found = gazetteer.candidates(fields["name"], limit=1)
                if not found:
                    raise NotFoundError(
                        f"no place matches {fields['name']!r}; give --at LAT,LON or add it "
                        "with `tracker places add`"
                    )
                place = found[0].place
                fields.update(lat=place.lat, lon=place.lon, place_id=place.id)
            else:
                from tracker.io import match_place

                place = match_place(gazetteer, fields["name"], fields["lat"], fields["lon"])
                if place is not None:
                    fields["place_id"] = place.id
        claim = ws.store.add_claim(fields, by=current_user(by), allow_old_dates=force_dates)
    if as_json:
        echo_json(claim.to_dict())
    else:
        say(f"Added claim {claim.id} ({claim.name}, {claim.event_date}, version 1)")


def query_options(command):
    options = [
        click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this date."),
        click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this date."),
        click.option(
            "--as-of", metavar="YYYY-MM-DD", help="What was known that day (event+report)."
        ),
        click.option("--bbox", metavar="W,S,E,N", help="Bounding box, GeoJSON order."),
        click.option("--side", multiple=True, help="RU or UA (repeatable)."),
        click.option("--action", multiple=True, help="Action (repeatable)."),
        click.option(
            "--status",
            multiple=True,
            help="Status (repeatable); proposed and rejected claims show only when asked for.",
        ),
        click.option("--claimant", help="Claimant (case-insensitive)."),
        click.option("--place", help="Place id or place name."),
        click.option("--search", "text", help="Text in name, claimant, source, quote, notes."),
        click.option("--include-deleted", is_flag=True, help="Also soft-deleted claims."),
        click.option(
            "--limit", type=click.IntRange(min=0, max=MAX_ROWS), help="At most this many."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def build_query(options: dict) -> ClaimQuery:
    return ClaimQuery.build(
        since=options["since"],
        until=options["until"],
        as_of=options["as_of"],
        bbox=options["bbox"],
        side=options["side"],
        action=options["action"],
        status=options["status"],
        claimant=options["claimant"],
        place=options["place"],
        text=options["text"],
        include_deleted=options["include_deleted"],
        limit=options["limit"],
    )


@click.command("list")
@query_options
@db_option
@json_option
def list_claims(db, as_json, **options):
    """List claims, oldest event first, with filters."""
    query = build_query(options)
    with Workspace(db) as ws:
        claims = ws.store.claims(query)
    if as_json:
        echo_json([c.to_dict() for c in claims])
    elif not claims:
        say("No claims match.")
    else:
        claim_table(count(len(claims), "claim"), claims)


@click.command()
@click.argument("claim_id")
@db_option
@json_option
def show(claim_id, db, as_json):
    """Show one claim (deleted ones too)."""
    with Workspace(db) as ws:
        show_claim(ws.store.get_claim(claim_id), as_json)


@click.command()
@click.argument("claim_id")
@click.option(
    "--version",
    "expected_version",
    type=int,
    help="The version you edited; a newer stored version rejects the edit. "
    "Default: the version stored now.",
)
@field_options
@by_option
@db_option
@json_option
def edit(claim_id, expected_version, db, as_json, by, force_dates, **options):
    """Change fields of a claim (a new version; the old one stays in the history)."""
    changes = collect_fields(options)
    if not changes:
        raise InvalidInputError("nothing to change; give at least one field option")
    with Workspace(db) as ws:
        store = ws.store
        if expected_version is None:
            expected_version = store.get_claim(claim_id).version
        claim = store.update_claim(
            claim_id,
            changes,
            version=expected_version,
            by=current_user(by),
            allow_old_dates=force_dates,
        )
    if as_json:
        echo_json(claim.to_dict())
    else:
        say(f"Claim {claim.id} is now at version {claim.version}")


def _lifecycle(name: str, verb: str):
    @click.command(name)
    @click.argument("claim_id")
    @click.option("--version", "expected_version", type=int, help="Expected current version.")
    @by_option
    @db_option
    @json_option
    def command(claim_id, expected_version, by, db, as_json):
        with Workspace(db) as ws:
            store = ws.store
            method = store.delete_claim if name == "delete" else store.restore_claim
            claim = method(claim_id, by=current_user(by), version=expected_version)
        if as_json:
            echo_json(claim.to_dict())
        else:
            say(f"Claim {claim.id} {verb} (version {claim.version})")

    command.help = (
        "Soft-delete a claim: it leaves lists and exports, stays in the history."
        if name == "delete"
        else "Bring back a soft-deleted claim."
    )
    return command


delete = _lifecycle("delete", "deleted")
_restore_claim = _lifecycle("restore", "restored")


@click.command("restore")
@click.argument("target")
@click.option("--version", "expected_version", type=int, help="Expected current version.")
@click.option("--force", is_flag=True, help="Backup only: replace a database that holds data.")
@by_option
@db_option
@json_option
@click.pass_context
def restore(ctx, target, expected_version, force, by, db, as_json):
    """Bring back a soft-deleted claim (TARGET = its id), or the whole database from a backup
    file made by `tracker backup` (TARGET = that file; same as `tracker restore-backup`)."""
    from pathlib import Path

    if Path(target).is_file():
        from tracker.cli.backup import restore_command

        return ctx.invoke(restore_command, file=Path(target), db=db, force=force, as_json=as_json)
    if force:
        raise click.UsageError(f"--force is for restoring a backup file; no file {target!r}")
    return ctx.invoke(
        _restore_claim,
        claim_id=target,
        expected_version=expected_version,
        by=by,
        db=db,
        as_json=as_json,
    )


@click.command()
@click.argument("claim_id")
@db_option
@json_option
def history(claim_id, db, as_json):
    """Every change to a claim: who, when, and the full row before and after (for a report
    attached as another source, the source)."""
    with Workspace(db) as ws:
        entries = ws.store.history(claim_id)
    if as_json:
        echo_json([e.to_dict() for e in entries])
        return
    rows = []
    for entry in entries:
        before, after = entry.before or {}, entry.after or {}
        changed = sorted(
            k
            for k in after
            if before and before.get(k) != after.get(k) and k not in ("updated_at", "version")
        )
        described = ", ".join(
            f"{k}: {before.get(k)} → {after.get(k)}"
            for k in changed
            if k not in ("version", "source_added")
        )
        # corroboration: other reports back the claim, a line each
        attached = [source_added_text(source) for source in attached_sources(after)]
        for line in attached or [described]:
            rows.append(
                [
                    entry.version,
                    entry.op,
                    entry.author or "",
                    entry.at.isoformat(timespec="seconds"),
                    line,
                ]
            )
    echo_table(f"History of {claim_id}", ["v", "op", "by", "at (UTC)", "changes"], rows)


def source_added_text(source: dict) -> str:
    """One line for a history row that attached a report as another source."""
    where = ", ".join(str(v) for v in (source.get("source_name"), source.get("source_url")) if v)
    report = f"report {source['report_id']}" if source.get("report_id") else "no stored report"
    return (
        f"source added: {source.get('claimant')} ({report}"
        + (f"; {where}" if where else "")
        + f"), dated {source.get('event_date')}"
    )


REPORT_ROWS_SHOWN = 200


def print_import_report(report, as_json: bool) -> None:
    if as_json:
        echo_json(report.to_dict())
        return
    shown = 0
    for row in report.rows:
        if row.status == "error" or shown < REPORT_ROWS_SHOWN:
            detail = row.reason if row.status == "error" else f"{row.claim_id} {row.name}"
            say(f"{row.row}: {row.status}: {detail}")
            shown += row.status != "error"
    hidden = sum(1 for r in report.rows if r.status != "error") - shown
    if hidden > 0:
        say(f"... and {hidden} more rows (use --json for all)")
    counts = report.counts()
    if report.ok:
        did = "would write" if report.dry_run else "wrote"
        say(
            f"{report.file}: {did} {counts['new']} new claims, {counts['unchanged']} already stored"
        )


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format", "fmt", metavar="FORMAT", help=f"{' or '.join(IMPORT_FORMATS)}. Default: by suffix."
)
@click.option("--dry-run", is_flag=True, help="Check every row, write nothing.")
@click.option("--force-dates", is_flag=True, help="Allow dates before 2014-01-01.")
@click.option("--no-match", is_flag=True, help="Do not match places to the gazetteer.")
@by_option
@db_option
@json_option
def import_(file, fmt, dry_run, force_dates, no_match, by, db, as_json):
    """Import claims from GeoJSON or CSV: all rows or none, with a report per row."""
    from tracker.io import import_file, import_format

    fmt = import_format(fmt).name if fmt else None
    with Workspace(db) as ws:
        store = ws.store
        gazetteer = None if no_match else ws.gazetteer()
        with progress_bar(f"Importing {file.name}", None) as advance:

            def progress(stage: str, n: int) -> None:
                if stage == "write-start":
                    say(f"writing {count(n, 'claim')} to {store.display_url}", err=True)
                else:
                    advance(n)

            try:
                report = import_file(
                    store,
                    file,
                    format=fmt,
                    by=current_user(by),
                    gazetteer=gazetteer,
                    allow_old_dates=force_dates,
                    dry_run=dry_run,
                    progress=progress,
                )
            except ImportRowsError as exc:
                if exc.report is not None:
                    print_import_report(exc.report, as_json)
                raise
    print_import_report(report, as_json)


@click.command()
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    help=f"{', '.join(EXPORT_FORMATS)}. Default: from the -o suffix, else geojson.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File.")
@query_options
@db_option
@json_option
def export(fmt, output, db, as_json, **options):
    """Export claims (GeoJSON RFC 7946, CSV, GeoPackage, KML); stdout without -o."""
    from tracker.io import export_claims, export_format, format_for_suffix
    from tracker.store.corroboration import with_sources  # each claim's sources travel with it

    if fmt is not None:
        file_format = export_format(fmt)
    else:
        by_suffix = format_for_suffix(output, EXPORT_FORMATS) if output else None
        file_format = by_suffix or export_format("geojson")
    fmt = file_format.name
    if output is None and not file_format.text:
        raise InvalidInputError(f"{fmt} is a binary or multi-part format; give -o FILE")
    if output is not None and not output.parent.is_dir():
        raise InvalidInputError(f"the folder {output.parent} does not exist; create it first")
    query = build_query(options)
    with Workspace(db) as ws, tempfile.TemporaryDirectory() as scratch:
        store = ws.store
        place_lookup = None
        if file_format.uses_places:
            gazetteer = ws.gazetteer()

            def place_lookup(place_id: str):
                try:
                    return gazetteer.get(place_id)
                except LookupError:
                    return None

        total = store.count_claims(query)
        target = output or Path(scratch) / f"claims{file_format.suffix}"
        with progress_bar(f"Exporting {count(total, 'claim')}", total) as advance:
            records = with_sources(store, store.iter_claim_records(query))
            written = export_claims(
                records,
                target,
                fmt,
                place_lookup=place_lookup,
                progress=advance,
            )
        if output is None:
            click.echo(target.read_text(encoding="utf-8"), nl=False)
    if output is not None:
        if as_json:
            echo_json({"file": str(output), "format": fmt, "claims": written})
        else:
            say(f"Wrote {count(written, 'claim')} to {output} ({fmt})")


COMMANDS = [init, add, list_claims, show, edit, delete, restore, history, import_, export, places]
COMMANDS_BY_NAME = {command.name: command for command in COMMANDS}
