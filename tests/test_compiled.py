"""Optional compiled builds (tracker.compiled): a build is taken only when made from the
source on disk now, and a compiled module gives the very floats its source gives."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import compiled

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A package `pkgx` with one module `pkgx.mod`, on no path."""
    folder = tmp_path / "src" / "pkgx"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "mod.py").write_text("VALUE = 1\n")
    return folder


def test_built_name_follows_the_source_and_the_interpreter():
    one = compiled.built_name("tracker.extract.claims", b"x = 1\n")
    assert one.startswith("tracker.extract.claims-")
    assert one.endswith(importlib.machinery.EXTENSION_SUFFIXES[0])
    assert compiled.built_name("tracker.extract.claims", b"x = 2\n") != one
    assert compiled.built_name("tracker.extract.claims", b"x = 1\n") == one


@pytest.mark.parametrize("module", compiled.MODULES)
def test_every_listed_module_has_a_source(module: str):
    """A renamed or moved module left in the list stops `make compile` for all of them."""
    parent = module.rpartition(".")[0]
    spec = importlib.machinery.PathFinder.find_spec(module, compiled._parent_path(module))
    assert spec is not None, f"{module} is listed in tracker.compiled.MODULES but not in {parent}"
    assert spec.origin.endswith(".py")


def test_a_build_is_taken_only_while_its_source_is_unchanged(package: Path, tmp_path: Path):
    where = tmp_path / "builds"
    where.mkdir()
    finder = compiled.CompiledFinder(where, modules=["pkgx.mod"])
    path = [str(package)]
    assert finder.find_spec("pkgx.mod", path) is None  # no build: the source
    build = where / compiled.built_name("pkgx.mod", (package / "mod.py").read_bytes())
    build.write_bytes(b"")  # (found, not loaded)
    spec = finder.find_spec("pkgx.mod", path)
    assert isinstance(spec.loader, importlib.machinery.ExtensionFileLoader)
    assert spec.origin == str(build)
    assert spec.name == "pkgx.mod"
    assert finder.find_spec("pkgx.other", path) is None  # not listed
    (package / "mod.py").write_text("VALUE = 2\n")  # edited after the build
    assert finder.find_spec("pkgx.mod", path) is None


def test_install_needs_a_build_folder_and_no_pure_python_flag(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not _ours(f)])
    monkeypatch.setenv("TRACKER_COMPILED_DIR", str(tmp_path / "missing"))
    monkeypatch.delenv("TRACKER_PURE_PYTHON", raising=False)
    compiled.install()
    assert not any(_ours(f) for f in sys.meta_path)
    monkeypatch.setenv("TRACKER_COMPILED_DIR", str(tmp_path))
    monkeypatch.setenv("TRACKER_PURE_PYTHON", "1")
    compiled.install()
    assert not any(_ours(f) for f in sys.meta_path)
    monkeypatch.delenv("TRACKER_PURE_PYTHON")
    compiled.install()
    compiled.install()  # once
    assert [f.where for f in sys.meta_path if _ours(f)] == [tmp_path]


def _ours(finder) -> bool:
    return isinstance(finder, compiled.CompiledFinder)


_CLOSENESS = """
import json, random, sys
import tracker.extract.closeness as closeness
from tracker.gazetteer import default_gazetteer
places = [p for p in default_gazetteer().places if p.kind != "region"][:4000]
rng = random.Random(3)
values = []
for _ in range(300):
    size = rng.randint(1, 12)
    base = [(0.0, type("C", (), {"place": rng.choice(places)})()) for _ in range(size)]
    points = tuple((rng.uniform(44, 53), rng.uniform(22, 41)) for _ in range(rng.randint(1, 30)))
    values.append(closeness.closeness_to(base, points, rng.uniform(0.05, 0.5)).__repr__())
print(json.dumps({"file": closeness.__file__, "values": values}))
"""


def test_a_compiled_module_gives_the_floats_its_source_gives(tmp_path: Path):
    """The haversine arithmetic of `closeness`, built with Cython, against its source."""
    pytest.importorskip("Cython")
    from setuptools.errors import CompileError, LinkError

    try:
        compiled.build(tmp_path, ["tracker.extract.closeness"])
    except (CompileError, LinkError) as error:  # no C compiler or headers here
        pytest.skip(f"no C toolchain: {error}")
    runs = {}
    base = {k: v for k, v in os.environ.items() if k != "TRACKER_PURE_PYTHON"}
    base.update(TRACKER_COMPILED_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    for name, extra in (("pure", {"TRACKER_PURE_PYTHON": "1"}), ("built", {})):
        out = subprocess.run(
            [sys.executable, "-c", _CLOSENESS],
            cwd=ROOT,
            env={**base, **extra},
            capture_output=True,
            text=True,
            check=True,
        )
        runs[name] = json.loads(out.stdout)
    assert runs["pure"]["file"].endswith("closeness.py")
    assert runs["built"]["file"].startswith(str(tmp_path))
    assert len(runs["built"]["values"]) == 300
    assert runs["built"]["values"] == runs["pure"]["values"]
