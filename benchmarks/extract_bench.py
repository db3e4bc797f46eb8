"""`tracker extract` on big inputs: wall time and peak memory (RSS) of the whole process, for
the table output and --json, on reports built from the demo's sample reports.

    python benchmarks/extract_bench.py [--baseline DIR] [--sizes 1000000,7800000]

Each size is a report of that many bytes (sample reports repeated), plus a mention-dense
report (one place name after another, up to the report limit: the most mentions a report
can hold).
`--baseline DIR` runs the same inputs through the code in DIR (e.g. an older checkout, made
with `git archive`) in the same run, side by side. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sample_report(size: int) -> str:
    from tracker.demo.reports import REPORTS

    parts, total, k = [], 0, 0
    while total < size:
        text = REPORTS[k % len(REPORTS)].text
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(parts)


def dense_report(size: int) -> str:
    """As many place names as fit, within the report limit (the most work a report can ask)."""
    from tracker.model import MAX_REPORT_CHARS

    names = "Pokrovsk, Kupiansk, Huliaipole, Kostiantynivka, Siversk, Lyman. "
    return "Russian forces attacked " + names * (min(size, MAX_REPORT_CHARS - 100) // len(names))


def run(code: Path, args: list[str]) -> dict:
    """Wall time, peak RSS and exit code of one `tracker ...` process."""
    env = {**os.environ, "PYTHONPATH": str(code), "TRACKER_DATA_DIR": tempfile.mkdtemp()}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", "from tracker.cli import main; main()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tempfile.mkdtemp(),
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
    process.stderr.close()
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit_code": os.waitstatus_to_exitcode(status),
        "message": error[-1][:160] if error and os.waitstatus_to_exitcode(status) else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--sizes", default="1000000,7800000")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    codes = {"this": ROOT}
    if options.baseline:
        codes["baseline"] = options.baseline.resolve()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            reports = [("sample", sample_report(size))]
            if size == sizes[0]:  # (capped at the limit: one size is enough)
                reports.append(("dense", dense_report(size)))
            for kind, text in reports:
                path = Path(scratch) / f"{kind}-{size}.txt"
                path.write_text(text, encoding="utf-8")
                for output, extra in (("table", []), ("json", ["--json"])):
                    args = ["extract", str(path), "--date", "2025-12-01", *extra]
                    row = {
                        "report": kind,
                        "bytes": path.stat().st_size,
                        "characters": len(text),
                        "output": output,
                    }
                    for name, code in codes.items():
                        row[name] = run(code, args)
                    results.append(row)
    print(
        json.dumps(
            {
                "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
                "python": platform.python_version(),
                "results": results,
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
