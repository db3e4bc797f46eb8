"""`tracker extract`: the places and proposed claims of one report."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from tracker.cli.output import echo_json, echo_table
from tracker.cli.store_options import db_option
from tracker.errors import InvalidInputError
from tracker.model import MAX_REPORT_BYTES
from tracker.untrusted import visible
from tracker.workspace import Workspace


def _report_date(text: str) -> date:
    from tracker.model import parse_iso_date

    return parse_iso_date("--date", text)


def _read(file: str) -> str:
    """The report's text; a file over the limit is refused before it is read."""
    from tracker.documents import report_text, too_big

    if file == "-":
        data = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)
        if len(data) > MAX_REPORT_BYTES:
            raise too_big(len(data))
        return report_text("stdin.txt", data)
    path = Path(file)
    if not path.is_file():
        raise InvalidInputError(f"{file} is not a readable file")
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise too_big(size)
    return report_text(path.name, path.read_bytes())


@click.command("extract")
@click.argument("file")
@click.option(
    "--date",
    "date_text",
    required=True,
    metavar="YYYY-MM-DD",
    help="The report's date (dates written without a year are read against it).",
)
@click.option("--source", metavar="NAME", help="Who published the report.")
@click.option(
    "--lang", type=click.Choice(["en", "fr", "de", "uk", "ru"]), help="Override language detection."
)
@click.option("--json", "as_json", is_flag=True, help="Print {lang, mentions, claims}.")
@db_option
def extract_command(file, date_text, source, lang, as_json, db):
    """Find the places in a report (FILE, or - for standard input) and propose its claims."""
    from tracker.ingest import propose

    report_date = _report_date(date_text)
    text = _read(file)
    workspace = Workspace.existing(db)  # a lookup never creates a database
    try:
        result = propose(
            text, published=report_date, source_name=source, lang=lang, workspace=workspace
        )
    finally:
        if workspace is not None:
            workspace.close()
    if as_json:
        echo_json(result.to_dict())
        return
    console = Console(width=160, soft_wrap=False)
    console.print(_highlighted(text, result.mentions))
    echo_table(
        f"{len(result.mentions)} place mentions ({result.lang})",
        ["text", "place", "admin1", "level", "confidence", "why"],
        (
            [
                m.text,
                m.place.name if m.place else "— unresolved",
                m.place.admin1 if m.place else "",
                m.level,
                f"{m.confidence:.2f}",
                m.reason,
            ]
            for m in result.mentions
        ),
    )
    echo_table(
        f"{len(result.claims)} proposed claims",
        ["date", "place", "side", "action", "claimant", "precision", "confidence"],
        (
            [
                str(c.event_date),
                c.place.name,
                str(c.side),
                str(c.action),
                c.claimant,
                int(c.precision),
                f"{c.confidence:.2f}",
            ]
            for c in result.claims
        ),
    )


def _highlighted(text: str, mentions) -> Text:
    """The report with resolved mentions in green and unresolved ones in red. The report is
    untrusted: no markup is interpreted and escape characters are shown visibly."""
    rendered = Text()
    at = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < at:
            continue
        rendered.append(visible(text[at : mention.start], keep_newlines=True))
        style = "bold green" if mention.place else "bold red"
        rendered.append(visible(text[mention.start : mention.end]), style=style)
        at = mention.end
    rendered.append(visible(text[at:], keep_newlines=True))
    return rendered


COMMANDS = [extract_command]
