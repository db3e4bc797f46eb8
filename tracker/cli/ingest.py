"""`tracker ingest FILES…`: a batch of report files into the review queue."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import click

from tracker.cli.output import echo_json, say
from tracker.cli.store_options import by_option, current_user, db_option, json_option
from tracker.model import parse_iso_date
from tracker.workspace import Workspace


@contextmanager
def batch_progress(total_bytes: int, show: bool):
    """A progress bar on stderr with items/s, MB/s and the ETA (by bytes); yields the
    callback the batch calls once per item."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rates(ProgressColumn):
        def render(self, task) -> Text:
            elapsed = task.elapsed or 0.0
            done = task.fields.get("items", 0)
            per_second = 1 / elapsed if elapsed > 0 else 0.0
            return Text(
                f"{done} items  {done * per_second:.1f} items/s  "
                f"{task.completed / 1e6 * per_second:.2f} MB/s"
            )

    console = Console(stderr=True, force_terminal=True if show else None)
    with Progress(
        TextColumn("ingest"),
        BarColumn(),
        Rates(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        disable=not (show or console.is_terminal),
    ) as progress:
        task = progress.add_task("ingest", total=max(1, total_bytes), items=0)
        counted = {"items": 0}

        def advance(item) -> None:
            counted["items"] += 1
            progress.update(task, advance=item.size, items=counted["items"])

        yield advance


SMALL_BATCH = 1_000_000  # bytes: less is done sooner in one process than a pool starts


def default_jobs(jobs: int | None, total_bytes: int) -> int:
    """The processes to extract in: as asked, at most the cores; by default every core,
    or one for a small batch."""
    cores = os.cpu_count() or 1
    if jobs is None:
        return cores if total_bytes >= SMALL_BATCH else 1
    return min(jobs, cores)


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--date",
    "date_text",
    metavar="YYYY-MM-DD",
    help="Date of text files (default: the day each was last written); "
    "Telegram messages carry their own.",
)
@click.option("--source", metavar="NAME", help="Who published them (default: the export's name).")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes extracting claims (at most the machine's cores; default: all of them, "
    "or one for less than 1 MB of input).",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr.")
@by_option
@db_option
@json_option
def ingest_command(files, date_text, source, jobs, progress, by, db, as_json):
    """Ingest report files (.txt, .md, .html, Telegram Desktop .json exports): each item
    becomes a report and its proposed claims go to the review queue. Reports already stored
    (same URL or text) are skipped, so running it again adds nothing twice."""
    from tracker.sources import batch
    from tracker.sources.files import check_file, files_items

    for path in files:  # what cannot be ingested at all is refused before anything is read
        check_file(path)
    published = parse_iso_date("--date", date_text) if date_text else None
    total = sum(p.stat().st_size for p in files if p.is_file())
    with Workspace(db) as ws, batch_progress(total, bool(progress)) as advance:
        result = batch.run(
            ws,
            files_items(files, published=published, source_name=source),
            by=current_user(by),
            jobs=default_jobs(jobs, total),
            progress=advance if progress is not False else None,
        )
    if as_json:
        echo_json(result.to_dict())
    else:
        say(
            f"{result.items} items: {result.reports} new reports, {result.proposals} proposals "
            f"queued, {result.corroborated} added as sources of stored claims, "
            f"{result.skipped} already stored, {len(result.errors)} failed"
        )
        for line in result.errors:
            say(f"  failed: {line}", err=True)


COMMANDS = [ingest_command]
