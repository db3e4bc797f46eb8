"""`tracker demo` builds the demo database in the user's data folder (never the source tree)
and says where; the dashboard opens that file when $TRACKER_DB is not set."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tracker.cli import main
from tracker.store import Store

ROOT = Path(__file__).resolve().parents[1]


def test_demo_builds_in_the_data_folder_and_says_where(isolated_data_dir, monkeypatch):
    monkeypatch.delenv("TRACKER_DB", raising=False)
    result = CliRunner().invoke(main, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    expected = isolated_data_dir / "demo.db"
    assert report["path"] == str(expected)
    assert report["url"] == f"sqlite:///{expected}"
    assert report["reports_added"] == 20
    assert report["claims_added"] == report["claims_in_store"] > 40
    with Store(report["url"]) as store:
        assert store.count_claims() == report["claims_in_store"]
        assert len(store.baselines()) == 1

    again = CliRunner().invoke(main, ["demo"])  # adds only what is missing
    assert again.exit_code == 0, again.output
    assert again.output.strip() == (
        f"Demo database: {expected} (0 reports and 0 claims added; "
        f"{report['claims_in_store']} claims in it)"
    )


def test_demo_path_option_and_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    from tracker import demo

    assert demo.default_path() == tmp_path / "xdg" / "frontline-tracker" / "demo.db"
    target = tmp_path / "nested" / "folder" / "my demo.db"
    result = CliRunner().invoke(main, ["demo", "--path", str(target), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["path"] == str(target)
    assert target.is_file()
    assert not (tmp_path / "xdg").exists()


def test_a_demo_path_that_cannot_be_written_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["demo", "--path", str(blocker / "demo.db")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "a-file" in result.output


def test_the_dashboard_builds_its_demo_in_the_data_folder_not_the_source_tree(
    isolated_data_dir, monkeypatch
):
    monkeypatch.delenv("TRACKER_DB", raising=False)
    before = set(ROOT.glob("*.db"))
    from tracker.dashboard import resources

    url = resources.db_url()
    assert url == f"sqlite:///{isolated_data_dir / 'demo.db'}"
    assert (isolated_data_dir / "demo.db").is_file()
    assert set(ROOT.glob("*.db")) == before
