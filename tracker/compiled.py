"""Optional compiled builds of the hottest pure-Python modules (extraction's rules, the
place look-ups, the bulk writer's matching), made with Cython from the unchanged sources.

Nothing needs them: without a build every module is imported from its source, as always.
`python scripts/compile_modules.py` (`make compile`: the `compile` extra and a C compiler)
builds each listed module into a folder beside the Python environment, named after the
SHA-256 of its source; at import a module is taken from its build only when that build was
made from the very source now on disk (an edited module is imported from its source until
it is built again), so a build can never run code older than the file. The builds give
byte-identical outputs (the same Python operations, run without the interpreter's loop).
`TRACKER_PURE_PYTHON=1` ignores them; `TRACKER_COMPILED_DIR` chooses another folder.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

# Raised when the recipe changes (directives, the module list's meaning), so older builds
# are no longer taken.
RECIPE = "cython3-plain-2"

# The modules worth compiling: where extraction and the writer spend their time. Each is
# plain Python that Cython compiles as it is (no annotations are read as C types).
MODULES = (
    "tracker.case_forms",
    "tracker.front_line",
    "tracker.geo",
    "tracker.ingest",
    "tracker.names",
    *(
        f"tracker.extract.{name}"
        for name in (
            "abroad",
            "anchors",
            "borders",
            "capitals",
            "claim_lexicon",
            "claimants",
            "claims",
            "closeness",
            "context",
            "corrections",
            "country_parts",
            "cues",
            "dates",
            "finding",
            "found",
            "groupings",
            "lexicon",
            "mentions",
            "modality",
            "namesakes",
            "not_places",
            "place_kinds",
            "place_lookup",
            "prefixed",
            "refusals",
            "region_lists",
            "region_parts",
            "resolving",
            "scan",
            "scenes",
            "sentences",
            "stopwords",
            "text",
        )
    ),
    "tracker.store.attaching",
    "tracker.store.corroboration",
    "tracker.store.matching",
    "tracker.store.queue_rows",
    "tracker.store.queueing",
)

_DIRECTIVES = {"language_level": 3, "binding": True, "annotation_typing": False}


def folder() -> Path:
    """Where builds are kept: $TRACKER_COMPILED_DIR, else beside the Python environment."""
    chosen = os.environ.get("TRACKER_COMPILED_DIR")
    return Path(chosen) if chosen else Path(sys.prefix) / "tracker-compiled"


def built_name(module: str, source: bytes) -> str:
    """The file a build of `module` from `source` is kept in (this interpreter's ABI)."""
    digest = hashlib.sha256(RECIPE.encode() + b"\0" + source).hexdigest()[:24]
    return f"{module}-{digest}{importlib.machinery.EXTENSION_SUFFIXES[0]}"


class CompiledFinder(importlib.abc.MetaPathFinder):
    """Finds a listed module's build made from its current source; else leaves the import
    to the usual finders (the source)."""

    def __init__(self, where: Path, modules: Sequence[str] = MODULES) -> None:
        self.where = where
        self.modules = frozenset(modules)

    def find_spec(self, fullname, path, target=None):
        if fullname not in self.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            return None
        try:
            built = self.where / built_name(fullname, Path(spec.origin).read_bytes())
        except OSError:
            return None
        if not built.is_file():
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(built))
        return importlib.util.spec_from_file_location(fullname, built, loader=loader)


def install() -> None:
    """Take listed modules from their builds, when a build folder exists (once per
    process; nothing when $TRACKER_PURE_PYTHON is set)."""
    if os.environ.get("TRACKER_PURE_PYTHON"):
        return
    where = folder()
    if not where.is_dir() or any(isinstance(f, CompiledFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, CompiledFinder(where))


def build(where: Path | None = None, modules: Sequence[str] = MODULES) -> list[Path]:
    """Compile `modules` from their sources into `where` (default `folder()`); returns the
    files written. Needs Cython and a C compiler."""
    from Cython.Build import cythonize  # the `compile` extra
    from setuptools import Distribution, Extension

    where = where or folder()
    where.mkdir(parents=True, exist_ok=True)
    sources = {}
    for module in modules:
        spec = importlib.machinery.PathFinder.find_spec(module, _parent_path(module))
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            raise ValueError(f"no Python source for {module}")
        sources[module] = Path(spec.origin)
    written = []
    with tempfile.TemporaryDirectory(prefix="tracker-compile-") as scratch:
        root = Path(scratch)
        extensions = []
        for module, origin in sources.items():
            copy = root / "src" / (module.replace(".", "_") + ".py")
            copy.parent.mkdir(exist_ok=True)
            copy.write_bytes(origin.read_bytes())  # the bytes hashed are the bytes compiled
            # -ffp-contract=off: no fused multiply-add where a platform has one, so every
            # float is rounded where Python rounds it; -w: the compiler's warnings about
            # Cython's generated code are noise here
            flags = ["-ffp-contract=off", "-w"] if os.name == "posix" else []
            extensions.append(Extension(module, [str(copy)], extra_compile_args=flags))
        compiled = cythonize(
            extensions,
            compiler_directives=_DIRECTIVES,
            build_dir=str(root / "c"),
            quiet=True,
            force=True,
        )
        distribution = Distribution({"ext_modules": compiled, "script_name": "tracker.compiled"})
        command = distribution.get_command_obj("build_ext")
        command.build_lib = str(root / "lib")
        command.build_temp = str(root / "temp")
        command.parallel = os.cpu_count() or 1
        command.ensure_finalized()
        command.run()
        for module in sources:
            made = Path(command.get_ext_fullpath(module))
            copy = root / "src" / (module.replace(".", "_") + ".py")
            target = where / built_name(module, copy.read_bytes())
            partial = target.with_suffix(".partial")
            shutil.copyfile(made, partial)
            os.replace(partial, target)  # (a reader never sees half a file)
            written.append(target)
            _drop_older(where, module, keep=target)
    return written


def _parent_path(module: str):
    parent = module.rpartition(".")[0]
    return importlib.import_module(parent).__path__ if parent else None


def _drop_older(where: Path, module: str, keep: Path) -> None:
    """Older builds of a module (of sources no longer on disk here) go."""
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for old in where.glob(f"{module}-*{suffix}"):
        if old != keep:
            old.unlink(missing_ok=True)


def main() -> int:
    try:
        import Cython  # noqa: F401
    except ImportError:
        print("Cython is not installed: pip install -e '.[compile]' (or `make compile`)")
        return 2
    written = build()
    print(f"{len(written)} modules compiled into {folder()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
