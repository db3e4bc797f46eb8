"""A built wheel is a complete install: built from the repository, installed into a fresh
virtual environment (its dependencies borrowed from this one, the repository nowhere on
sys.path), run from another folder, `tracker geocode`, `tracker extract` and
`tracker dashboard` work."""

from __future__ import annotations

import json
import os
import shutil
import site
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

# What the wheel is built from (a copy, so the build writes nothing into the source tree).
SOURCES = ("pyproject.toml", "setup.py", "README.md", "tracker", "geodata", ".streamlit")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "secrets.toml")


def _run(args: list, *, cwd: Path, env: dict, timeout: float = 120) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _build_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=IGNORED)
        elif (ROOT / name).exists():
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    dist = tmp / "dist"
    pip = [sys.executable, "-m", "pip"]
    _run(
        [
            *pip,
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            dist,
            source,
        ],
        cwd=tmp,
        env=os.environ.copy(),
    )
    (wheel,) = dist.glob("frontline_tracker-*.whl")
    return wheel


def _fresh_venv(tmp: Path, wheel: Path) -> Path:
    """A new environment with only the wheel installed; the dependencies come from this
    interpreter's site-packages through a .pth file (a plain path line: the .pth files in
    that folder, such as an editable install's, are not run)."""
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = Path(
        _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            cwd=tmp,
            env=_clean_env(tmp),
        ).strip()
    )
    borrowed = {*site.getsitepackages(), sysconfig.get_path("purelib")}
    (purelib / "borrowed_dependencies.pth").write_text(
        "".join(f"{path}\n" for path in sorted(borrowed)), encoding="utf-8"
    )
    install = ["install", "--no-deps", "--no-index", "-q", wheel]
    _run(
        [sys.executable, "-m", "pip", "--python", python, *install],
        cwd=tmp,
        env=os.environ.copy(),
    )
    return env_dir


def _clean_env(tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TRACKER_DB")}
    env["TRACKER_DATA_DIR"] = str(tmp / "user-data")
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict]:
    """(the fresh environment's bin folder, a working folder outside the repository, env)."""
    tmp = tmp_path_factory.mktemp("wheel")
    env_dir = _fresh_venv(tmp, _build_wheel(tmp))
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return env_dir / "bin", elsewhere, _clean_env(tmp)


def test_the_package_and_its_data_come_from_the_installed_wheel(installed):
    bin_dir, cwd, env = installed
    out = _run(
        [
            bin_dir / "python",
            "-c",
            "import json, sys, tracker\n"
            "from tracker import data_files\n"
            "print(json.dumps({'package': tracker.__file__, 'path': sys.path,"
            " 'geodata': str(data_files.geodata('gazetteer.json.gz')),"
            " 'web': str(data_files.dashboard_web('claims_map_web') / 'index.html'),"
            " 'config': str(data_files.streamlit_config())}))",
        ],
        cwd=cwd,
        env=env,
    )
    found = json.loads(out)
    package = Path(found["package"]).parent
    assert package.is_relative_to(bin_dir.parent), package  # the fresh environment's copy
    assert str(ROOT) not in found["path"]
    assert Path(found["geodata"]) == package / "geodata" / "gazetteer.json.gz"
    assert Path(found["geodata"]).stat().st_size > 1_000_000
    assert Path(found["web"]).is_file()
    assert Path(found["config"]) == package / "streamlit_config" / "config.toml"
    if (ROOT / "tracker" / "dashboard" / "static_assets" / "MANIFEST.json").exists():
        assert (package / "dashboard" / "static_assets" / "MANIFEST.json").is_file()


def test_geocode_from_another_folder(installed):
    bin_dir, cwd, env = installed
    (best, *_) = json.loads(
        _run([bin_dir / "tracker", "geocode", "Kupiansk", "--json"], cwd=cwd, env=env)
    )
    assert best["name"] == "Kupiansk"
    assert best["admin1"] == "Kharkiv Oblast"
    assert abs(best["lat"] - 49.71) < 0.05 and abs(best["lon"] - 37.62) < 0.05


def test_extract_from_another_folder(installed):
    bin_dir, cwd, env = installed
    report = cwd / "report.txt"
    report.write_text(
        "Russian forces captured Kupiansk, the Russian Ministry of Defence claimed.\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{cwd / 'extract.db'}"
    out = _run(
        [bin_dir / "tracker", "extract", report, "--date", "2025-01-05", "--json", "--db", db],
        cwd=cwd,
        env=env,
    )
    (claim,) = json.loads(out)["claims"]
    assert (claim["name"], claim["side"], claim["action"]) == ("Kupiansk", "RU", "capture")
    assert claim["event_date"] == "2025-01-05"


def test_dashboard_serves_from_another_folder(installed):
    bin_dir, cwd, env = installed
    port = _free_port()
    log = (cwd / "dashboard.log").open("wb")
    process = subprocess.Popen(
        [str(bin_dir / "tracker"), "dashboard", "--port", str(port)],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        health = None
        deadline = time.monotonic() + 60
        while health is None and time.monotonic() < deadline and process.poll() is None:
            try:
                health = _get(f"{base}/_stcore/health")
            except OSError:
                time.sleep(0.3)
        output = (cwd / "dashboard.log").read_text(errors="replace")
        assert health == (200, "ok"), f"the dashboard did not answer:\n{output[-3000:]}"
        status, page = _get(f"{base}/")
        assert status == 200
        assert '<div id="root"></div>' in page
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
