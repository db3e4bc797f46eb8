"""The repository's layout rules for tests and benchmarks: test modules share helpers through
tests/support (never importing one another), tests never reach into benchmarks/, and
benchmarks never import tests (what both need lives in the package)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
BENCHMARKS = ROOT / "benchmarks"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _test_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "support" not in p.relative_to(TESTS).parts)


def _local_module_names() -> set[str]:
    """Plain module names a test could import from its own folder (pytest's rootdir-relative
    sys.path entries make them importable): every .py file under tests/ outside support/."""
    return {p.stem for p in _test_modules()}


@pytest.mark.parametrize("path", _test_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_test_module_imports_only_support_and_the_package(path):
    local = _local_module_names() - {"__init__"}
    bad = sorted(
        name
        for name in _imports(path)
        if (name.startswith("tests.") and not name.startswith("tests.support"))
        or name in ("tests", "benchmarks")
        or name.startswith("benchmarks.")
        or name.split(".")[0] in local
    )
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}; move shared code to tests/support"


def test_no_test_puts_benchmarks_on_sys_path():
    offenders = [
        f"{p.relative_to(ROOT)}: {line.strip()}"
        for p in TESTS.rglob("*.py")
        if p != Path(__file__).resolve()
        for line in p.read_text(encoding="utf-8").splitlines()
        if "sys.path" in line and "benchmarks" in line
    ]
    assert offenders == []


@pytest.mark.parametrize("path", sorted(BENCHMARKS.glob("*.py")), ids=lambda p: p.name)
def test_a_benchmark_never_imports_tests(path):
    bad = sorted(n for n in _imports(path) if n == "tests" or n.startswith("tests."))
    assert not bad, f"benchmarks/{path.name} imports {bad}"


def test_make_bench_runs_every_benchmark():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbench:", 1)[1].split("\n\n", 1)[0]
    missing = [p.name for p in BENCHMARKS.glob("*.py") if f"benchmarks/{p.name}" not in recipe]
    assert missing == []
