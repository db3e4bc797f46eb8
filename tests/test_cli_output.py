"""The CLI's one output path: stored or typed text is shown as it is, never as Rich markup,
and control, escape and invisible characters reach the terminal only as visible escapes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.untrusted import markdown_literal, visible

ESCAPES = "Kup\x1b]0;pwned\x07iansk\x1b[2J\x1b[31m"  # set the title, clear, colour
BASE = ["--side", "RU", "--action", "attack", "--claimant", "Russian MoD"]


@pytest.fixture
def cli(tmp_path):
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'out.db'}"

    def run(*args: str):
        return runner.invoke(main, [*args, "--db", db])

    return run


def add(cli, name: str, *extra: str) -> str:
    result = cli("add", "--date", "2025-12-01", "--place", name, "--at", "48.28,37.18", *BASE,
                 *extra, "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["id"]


@pytest.mark.parametrize(
    "name",
    ["Pokrovsk [/bold] north", "Pokrovsk [/i]", "[bold]Pokrovsk", "x [/] y", "[red on red]"],
)
def test_markup_in_a_stored_name_is_shown_as_written(cli, name):
    claim_id = add(cli, name)
    listed = cli("list")
    assert listed.exit_code == 0, listed.output
    assert name in listed.stdout
    shown = cli("show", claim_id)
    assert shown.exit_code == 0 and f"name: {name}" in shown.stdout


def test_markup_in_a_geocode_query_is_shown_as_written(cli):
    result = cli("geocode", "Pokrovsk [/i]")
    assert result.exit_code == 0, result.output
    assert "Places for 'Pokrovsk [/i]'" in result.stdout


def test_link_and_colour_markup_make_no_hyperlink_and_hide_nothing(cli):
    name = "[link=https://evil.example]Kupiansk[/link] [white on white]hidden[/white on white]"
    claim_id = add(cli, name)
    listed = cli("list")
    assert "\x1b" not in listed.stdout  # no OSC 8 (a terminal hyperlink), no colour
    assert "[link=https://evil.example]" in listed.stdout
    shown = cli("show", claim_id)
    assert "\x1b" not in shown.stdout and f"name: {name}" in shown.stdout


def test_escape_sequences_in_stored_text_are_shown_visibly(cli):
    claim_id = add(cli, ESCAPES, "--quote", "line one\nline two\u202e")
    for args in (["list"], ["show", claim_id], ["history", claim_id]):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args
        assert "\u202e" not in result.stdout, args
    shown = cli("show", claim_id).stdout
    assert "Kup\\x1b]0;pwned\\x07iansk\\x1b[2J\\x1b[31m" in shown
    assert "line one\\nline two\\u202e" in shown  # a value cannot fake a line of its own


def test_json_output_is_unchanged(cli):
    claim_id = add(cli, ESCAPES)
    data = json.loads(cli("show", claim_id, "--json").stdout)
    assert data["name"] == ESCAPES  # JSON keeps the exact text (escaped by JSON itself)


def test_an_error_message_shows_escapes_visibly(cli):
    result = cli("show", "no-such-\x1b[2J-id")
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\\x1b[2J" in result.output


def test_visible_keeps_plain_text_and_escapes_the_invisible():
    assert visible("Куп'янськ, Kupiansk — 48.1") == "Куп'янськ, Kupiansk — 48.1"
    assert visible("a\u200bb\u2060c\ufeffd") == "a\\u200bb\\u2060c\\ufeffd"
    assert visible("lone \ud800 surrogate") == "lone \\ud800 surrogate"
    assert visible("a\nb") == "a\\nb" and visible("a\nb", keep_newlines=True) == "a\nb"
    assert visible("\t\x00\x7f\x9b\r") == "\\t\\x00\\x7f\\x9b\\r"
    assert visible("😀 中文") == "😀 中文"  # printable text of any script stays


@pytest.mark.parametrize(
    "text",
    [
        "![t](http://host/track.png)",
        "[click](javascript:alert(1)) <img src=x onerror=alert(1)> <b>bold</b>",
        "**b** _i_ ~~s~~ `code` $x^2$ &lt;script&gt;",
        "# heading",
        "1. item",
        "- item",
        "> quote",
        "<http://evil.example> https://evil.example ana@evil.example",
    ],
)
def test_markdown_literal_renders_as_the_text_itself(text):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("strikethrough").render(markdown_literal(text))
    assert html.startswith("<p>") and html.count("<") == 2, html  # only <p>...</p>
    # (a word joiner, which shows nothing, parts literal autolinks: "://", "www.", "@")
    assert markdown_literal(text).replace("\\", "").replace("\u2060", "") == text


def test_long_cells_fold_within_the_table_width():
    from tracker.cli.output import table_lines

    lines = table_lines("t", ["a", "b"], [["x" * 300, "short"]])
    assert all(len(line) <= 160 for line in lines)
    assert "".join(line[2:].split("   ")[0].strip() for line in lines[4:]) == "x" * 300


def test_one_claim_is_one_claim(tmp_path):
    from click.testing import CliRunner

    from tracker.cli import main

    db = f"sqlite:///{tmp_path / 't.db'}"
    runner = CliRunner()
    add = ["add", "--db", db, "--date", "2025-12-01", "--place", "Kupiansk", "--side", "RU"]
    add += ["--action", "capture", "--claimant", "Russian MoD", "--quote", "q"]
    assert runner.invoke(main, add).exit_code == 0
    listed = runner.invoke(main, ["list", "--db", db]).output
    assert listed.startswith("1 claim\n")
    out = tmp_path / "c.geojson"
    exported = runner.invoke(main, ["export", "--db", db, "-o", str(out)]).output
    assert "Wrote 1 claim to" in exported
