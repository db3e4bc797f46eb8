"""Start the dashboard as a child process on a free 127.0.0.1 port and wait until it answers;
and the flags headless Chromium needs on this machine to visit it. Used by the browser tests
and the dashboard benchmarks (which share it here, in the package, since neither imports
the other)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROUTER = Path(__file__).resolve().with_name("app_main.py")  # what the repository's app.py runs
# Without the background-networking flags Chromium keeps dialling hosts this machine can't reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def streamlit_run(script: Path = ROUTER) -> tuple[str, ...]:
    """`streamlit run SCRIPT` (after the interpreter): the repository's app.py, or the router."""
    return ("-m", "streamlit", "run", str(script))


STREAMLIT_RUN = streamlit_run()
# What `make run` starts: the process warmed before it takes visitors (tracker.dashboard.serve).
WARM_SERVE = ("-m", "tracker.dashboard.serve")


def start_dashboard(
    env: dict[str, str],
    *,
    timeout: float = 60,
    command: tuple[str, ...] = STREAMLIT_RUN,
    cwd: Path | None = None,
    interval: float = 0.3,
) -> tuple[subprocess.Popen, str]:
    """(process, base URL) once /_stcore/health answers (asked every `interval` seconds);
    RuntimeError with the server's output if it does not within `timeout` seconds. `env` is
    added to os.environ; `command` is what follows the Python interpreter (then the server
    options); `cwd` is where it runs (Streamlit reads .streamlit/config.toml there)."""
    port = free_port()
    # A file, not a pipe (a long run must not fill a buffer); it lives as long as the server.
    log = tempfile.TemporaryFile()  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            *command,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return process, base
        except OSError:
            time.sleep(interval)
    stop_dashboard(process)
    log.seek(0)
    output = log.read().decode(errors="replace")
    raise RuntimeError(f"streamlit did not start:\n{output[-3000:]}")


def stop_dashboard(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
