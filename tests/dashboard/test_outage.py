"""PostgreSQL stopped mid-session: the dashboard says so, writes nothing, and recovers when the
server is back. The test runs its own throwaway server (it has to stop it)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import DASHBOARD, fill, submit
from tracker.dashboard.resources import STATE_TTL_SECONDS
from tracker.errors import StoreUnavailableError
from tracker.store import Store

APP = Path(__file__).resolve().parents[2] / "app.py"
pytestmark = pytest.mark.postgis


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


class Server:
    """A PostgreSQL cluster in a temporary directory that the test can stop and start."""

    def __init__(self, root: Path) -> None:
        self.bin = _pg_bin()
        self.data = root / "pgdata"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.data.parent, "postgres")
            shutil.chown(self.data, "postgres")
            self.data.parent.chmod(0o755)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")
        self.start()
        self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-qc",
            "CREATE EXTENSION postgis",
        )  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.data / "server.log")  # the server must not hold our output pipes open
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", log, "-w", "-o", options, "start"
        )

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


@pytest.fixture
def server():
    if _pg_bin() is None:
        if os.environ.get("TRACKER_REQUIRE_POSTGIS") == "1":
            pytest.fail("TRACKER_REQUIRE_POSTGIS=1 but PostgreSQL is not installed")
        pytest.skip("PostgreSQL is not installed")
    # Not under pytest's tmp dir: the postgres user must be able to reach it.
    root = Path(tempfile.mkdtemp(prefix="tracker-outage-"))
    pg = Server(root)
    try:
        pg.init()
        yield pg
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            pg.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_the_dashboard_survives_the_database_going_away(server, monkeypatch):
    monkeypatch.setenv("TRACKER_DB", server.url)
    with Store(server.url) as store:
        for day, side, action in (("2025-11-28", "UA", "repel"), ("2025-12-01", "RU", "attack")):
            store.add_claim(
                {
                    "event_date": day,
                    "name": "Pokrovsk",
                    "lat": 48.282,
                    "lon": 37.176,
                    "side": side,
                    "action": action,
                    "claimant": "Russian MoD",
                }
            )
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception and at.title[0].value == "Claims map"
    form = AppTest.from_file(str(DASHBOARD / "claim_form.py"), default_timeout=60)
    form.run()
    fill(
        form,
        c_name="Myrnohrad",
        c_lat="48.302",
        c_lon="37.263",
        c_date=date(2025, 12, 2),
        c_side="RU",
        c_action="advance",
        c_claimant="Russian MoD",
    )

    server.stop()
    time.sleep(STATE_TTL_SECONDS + 0.5)  # until then the page may show what it last read
    at.run()
    assert not at.exception
    assert "The database is unavailable" in at.error[0].value
    assert [b.key for b in at.button if b.key == "retry_database"]
    submit(form)  # the analyst presses "Add claim" while the server is down
    assert any("is unavailable" in e.value and "nothing was written" in e.value for e in form.error)
    with pytest.raises(StoreUnavailableError, match="is unavailable"):
        Store(server.url, migrate=False).count_claims()

    server.start()
    at.button(key="retry_database").click().run()
    assert not at.exception and at.title[0].value == "Claims map"
    assert not at.error
    with Store(server.url) as store:
        assert [c.name for c in store.claims()] == ["Pokrovsk", "Pokrovsk"]  # nothing half-written
    submit(form)  # the same form, once the server is back
    assert "Added Myrnohrad" in form.success[0].value
    with Store(server.url) as store:
        assert sorted(c.name for c in store.claims()) == ["Myrnohrad", "Pokrovsk", "Pokrovsk"]


def test_a_write_cut_off_mid_transaction_leaves_nothing(server):
    store = Store(server.url)
    rows = [
        {
            "event_date": "2025-12-01",
            "name": f"Place {i}",
            "lat": 48.0,
            "lon": 37.0,
            "side": "UA",
            "action": "repel",
            "claimant": "Ukrainian General Staff",
        }
        for i in range(3)
    ]
    with pytest.raises(StoreUnavailableError), store.transaction():
        store.add_claim(rows[0])
        store.add_claim(rows[1])
        server.stop()  # the server goes away before the commit
        store.add_claim(rows[2])
    server.start()
    assert store.count_claims() == 0
    assert store.history_count() == 0
    store.close()
