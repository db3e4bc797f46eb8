"""The `tracker` command: a thin click layer over the library.

Every command that reports data takes `--json`. Errors from the library become a one-line
message and exit code 2, never a traceback.
"""

from __future__ import annotations

import click

from tracker import __version__
from tracker.errors import TrackerError


class CliError(click.ClickException):
    exit_code = 2


class TrackerGroup(click.Group):
    """Turns the library's errors into CLI errors at one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            raise CliError(str(exc)) from None


@click.group(cls=TrackerGroup)
@click.version_option(__version__, prog_name="tracker")
def main() -> None:
    """Frontline Tracker: geocode places of the war, record and map dated claims."""


def _register() -> None:
    from tracker.cli import backup, claims, control, extract, places

    for command in (*places.COMMANDS, *extract.COMMANDS, *control.COMMANDS, *backup.COMMANDS):
        main.add_command(command)
    main.commands.update(claims.COMMANDS_BY_NAME)


_register()
