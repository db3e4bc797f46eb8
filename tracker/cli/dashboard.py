"""`tracker dashboard` and `tracker demo`: start the dashboard from the installed package,
and build the demo database it opens when $TRACKER_DB is not set."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.output import echo_json


@click.command("dashboard")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Port to serve on (default: the shipped settings', 8501).",
)
def dashboard_command(port: int | None) -> None:
    """Start the dashboard (Streamlit) on 127.0.0.1, its server warmed before it takes
    visitors. It opens $TRACKER_DB, else the demo database (see `tracker demo`)."""
    from tracker.dashboard import serve

    options = ["--server.port", str(port)] if port is not None else []
    raise SystemExit(serve.main(options))


@click.command("demo")
@click.option(
    "--path",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file to build (default: demo.db in the user's data folder).",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def demo_command(path: Path | None, as_json: bool) -> None:
    """Build the demo database from the sample reports (through the real extraction) and say
    where it is. Running it again adds only what is missing."""
    from tracker import demo
    from tracker.demo.build import build_file

    path = (path or demo.default_path()).expanduser().resolve()
    counts = build_file(path)
    if as_json:
        echo_json({"path": str(path), "url": demo.url_for(path), **counts})
        return
    click.echo(
        f"Demo database: {path} ({counts['reports_added']} reports and "
        f"{counts['claims_added']} claims added; {counts['claims_in_store']} claims in it)"
    )


COMMANDS = [dashboard_command, demo_command]
