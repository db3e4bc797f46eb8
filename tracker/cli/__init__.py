"""The `tracker` command: a thin click layer over the library.

Every command that reports data takes `--json`. Errors from the library become a one-line
message and exit code 2, never a traceback.
"""

from __future__ import annotations

import click

from tracker import __version__
from tracker.errors import TrackerError
from tracker.untrusted import visible


class CliError(click.ClickException):
    exit_code = 2


def _os_error(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


class TrackerGroup(click.Group):
    """Turns the library's errors into CLI errors at one place: one line, exit code 2, and
    untrusted text in the message shown visibly (no escape sequence reaches the terminal)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            raise CliError(visible(str(exc))) from None
        except click.ClickException as exc:
            exc.message = visible(exc.message)
            raise
        except OSError as exc:  # a file or folder the user named cannot be read or written
            raise CliError(visible(_os_error(exc))) from None


@click.group(cls=TrackerGroup)
@click.version_option(__version__, prog_name="tracker")
def main() -> None:
    """Frontline Tracker: geocode places of the war, record and map dated claims."""


def _register() -> None:
    from tracker.cli import (
        backup,
        claims,
        control,
        dashboard,
        extract,
        ingest,
        places,
        review,
        sources,
    )

    for command in (*places.COMMANDS, *extract.COMMANDS, *control.COMMANDS, *backup.COMMANDS):
        main.add_command(command)
    for command in (*dashboard.COMMANDS, *review.COMMANDS, *ingest.COMMANDS, *sources.COMMANDS):
        main.add_command(command)
    main.commands.update(claims.COMMANDS_BY_NAME)


_register()
