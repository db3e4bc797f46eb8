"""The map payload's size with the independent-claimant counts (the optional `sources`
column) against the payload before it (tracker/map_payload.py read from git at --old), in the
same run, for --claims synthetic claims (benchmarks/map_component_bench.py's generator) with
none, 5 % and 20 % of them backed by more than one claimant; and the separate proposals file
for a queue of --proposals claims. Prints JSON.

Usage: python benchmarks/map_sources_payload_bench.py [--claims 100000] [--old 17a0cf0]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from map_component_bench import synthetic_records  # noqa: E402

from tracker import map_payload  # noqa: E402


def old_module(rev: str):
    source = subprocess.run(
        ["git", "show", f"{rev}:tracker/map_payload.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "old_map_payload.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_map_payload", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def encoded(module, records: list[dict]) -> tuple[int, float]:
    start = time.perf_counter()
    payload = module.encode(module.columns_from_records(records))
    return len(payload), round(time.perf_counter() - start, 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--proposals", type=int, default=2_000)
    parser.add_argument("--old", default="17a0cf0")
    args = parser.parse_args()
    records = synthetic_records(args.claims)
    before, before_s = encoded(old_module(args.old), records)
    rng = random.Random(11)
    out = {
        "claims": args.claims,
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "old": args.old,
        "before_bytes": before,
        "before_encode_s": before_s,
    }
    for share in (0.0, 0.05, 0.20):
        counted = [
            {**r, "source_count": rng.choice((2, 2, 2, 3, 4)) if rng.random() < share else 1}
            for r in records
        ]
        size, seconds = encoded(map_payload, counted)
        key = f"after_{round(share * 100)}pct_corroborated"
        out[key + "_bytes"] = size
        out[key + "_growth_pct"] = round(100 * (size - before) / before, 2)
        out[key + "_encode_s"] = seconds
    queue = [{**r, "status": "proposed"} for r in synthetic_records(args.proposals, seed=3)]
    out["proposals"] = args.proposals
    out["proposals_file_bytes"] = encoded(map_payload, queue)[0]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
