"""Imports run down the data flow: names → gazetteer → extract → store → control → maps →
services → front ends (DESIGN.md, "Layout"). Parsed with `ast` from every module under
tracker/, module-level and function-level imports alike."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

import tracker

PACKAGE = Path(tracker.__file__).resolve().parent

# Lowest first. A module may import its own layer and the layers before it, never a later
# one. Keys are the first component under `tracker.` (a module or a subpackage).
LAYERS: list[tuple[str, set[str]]] = [
    (
        "ground",
        {
            "",
            "errors",
            "fieldcode",
            "data_files",
            "model",
            "access",
            "names",
            "russian_names",
            "ukrainian_spellings",
            "case_forms",
            "front_line",
            "geo",
            "areas",
            "textfile",
            "documents",
            "untrusted",
            "compiled",
        },
    ),
    (
        "gazetteer",
        {
            "gazetteer",
            "gazetteer_build",
            "gazetteer_overlay",
            "geonames_dump",
            "geocode",
            "place_filter",
        },
    ),
    ("extract", {"extract"}),
    ("store", {"store", "io"}),
    ("control", {"control"}),
    ("maps", {"map_styles", "maps", "map_payload", "map_grow", "map_cache", "report_html"}),
    ("services", {"ingest", "workspace", "geoparse_eval", "sources"}),
    ("demo", {"demo"}),
    ("front ends", {"cli", "dashboard"}),
]
FRONT_ENDS = {"cli", "dashboard"}
LAYER_OF = {part: rank for rank, (_, parts) in enumerate(LAYERS) for part in parts}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, module) of every import in the file, at any depth, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # `from tracker import ingest` imports the module tracker.ingest
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def part_of(module: str) -> str:
    """The layer key of a tracker module: `tracker.store.core` → "store"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@cache
def tracker_imports() -> tuple[tuple[Path, int, str, str], ...]:
    """(file, line, importing module, imported module) over tracker/, parsed once."""
    return tuple(
        (path, line, module_name(path), target)
        for path in sources()
        for line, target in imported(path)
    )


def test_every_module_has_a_layer():
    unplaced = sorted({part_of(module_name(p)) for p in sources()} - set(LAYER_OF))
    assert unplaced == [], f"place these in LAYERS (tests/test_imports.py): {unplaced}"


def test_imports_run_down_the_data_flow():
    upward = []
    for path, line, source, target in tracker_imports():
        if not (target == "tracker" or target.startswith("tracker.")):
            continue
        # A part no layer names is a name of the package itself (`from tracker import
        # __version__`); modules without a layer fail test_every_module_has_a_layer.
        rank, target_rank = LAYER_OF[part_of(source)], LAYER_OF.get(part_of(target), 0)
        if target_rank > rank:
            where = f"{path.relative_to(PACKAGE.parent)}:{line}"
            upward.append(
                f"{where}: {source} ({LAYERS[rank][0]}) imports {target} ({LAYERS[target_rank][0]})"
            )
    assert upward == []


def test_no_library_module_imports_a_front_end():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {target}"
        for path, line, source, target in tracker_imports()
        if part_of(source) not in FRONT_ENDS
        and part_of(target) in FRONT_ENDS
        and target.startswith("tracker.")
    ]
    assert found == []


def test_only_front_ends_import_the_demo():
    """The demo builds a sample database through the services; a front end may offer it
    (the dashboard builds it on first start), nothing below may depend on it."""
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {target}"
        for path, line, source, target in tracker_imports()
        if part_of(source) not in FRONT_ENDS | {"demo"}
        and (target == "tracker.demo" or target.startswith("tracker.demo."))
    ]
    assert found == []


def test_streamlit_is_imported_only_by_the_dashboard():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {target}"
        for path, line, source, target in tracker_imports()
        if (target == "streamlit" or target.startswith("streamlit."))
        and not source.startswith("tracker.dashboard")
    ]
    assert found == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import tracker.cli.output", "tracker.cli.output"),
        ("def f():\n    from tracker.cli import store_options", "tracker.cli.store_options"),
        ("from . import cells", "tracker.control.cells"),
        ("from ..store import Store", "tracker.store"),
    ],
)
def test_the_parser_sees_every_kind_of_import(tmp_path, code, expected):
    """Function-level and relative imports are found, so the checks above cannot miss them."""
    folder = tmp_path / "tracker" / "control"
    folder.mkdir(parents=True)
    path = folder / "probe.py"
    path.write_text(code, encoding="utf-8")
    assert expected in [module for _, module in imported(path, tmp_path / "tracker")]
