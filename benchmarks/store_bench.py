"""Claim store: bulk insert rate, the 7-day + bounding-box query at 1M claims, GeoJSON export
against geopandas `to_file(driver="GeoJSON")`, and import back — SQLite and PostGIS side by side.

Prints one JSON object. Claims are synthetic and seeded: dates uniform over 2022-02-24 ..
2025-12-31, points uniform over the theatre (lat 46..51, lon 32..40). The query is the map's
question: every claim in a 7-day window inside a 1° x 1° box (median of 25 seeded queries,
each returning Claim objects). PostGIS runs when --pg URL or $TRACKER_TEST_PG_URL is given;
it uses a scratch schema that is dropped afterwards.

Usage: python benchmarks/store_bench.py [--insert N] [--query-size N] [--export N] [--pg URL]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from tracker.io import export_claims, import_file  # noqa: E402
from tracker.model import Action, Claim, Side, Status  # noqa: E402
from tracker.store import BBox, Store  # noqa: E402
from tracker.store.rows import claim_row  # noqa: E402
from tracker.store.schema import claims as claims_table  # noqa: E402

START = date(2022, 2, 24)
DAYS = (date(2025, 12, 31) - START).days
ACTIONS = list(Action)
STATUSES = list(Status)


def synthetic_claims(n: int, seed: int) -> list[Claim]:
    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        out.append(
            Claim(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                event_date=START + timedelta(days=rng.randrange(DAYS)),
                name=f"Place {i % 5000}",
                lat=round(rng.uniform(46.0, 51.0), 5),
                lon=round(rng.uniform(32.0, 40.0), 5),
                side=Side.RU if rng.random() < 0.5 else Side.UA,
                action=rng.choice(ACTIONS),
                claimant=rng.choice(["Russian MoD", "Ukrainian General Staff", "ISW"]),
                status=rng.choice(STATUSES),
                source_name="synthetic",
                source_url=f"https://example.org/{i}",
                quote="Forces advanced near the settlement, according to the statement.",
                created_by="bench",
                created_at=now,
                updated_at=now,
            )
        )
    return out


class Backend:
    """A scratch database for one back end."""

    def __init__(self, kind: str, workdir: Path, pg_url: str | None) -> None:
        self.kind = kind
        self.pg_url = pg_url
        self.workdir = workdir
        self.schemas: list[str] = []

    def url(self) -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.workdir / f'bench-{uuid.uuid4().hex[:8]}.db'}"
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        engine = sa.create_engine(self.pg_url)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        engine.dispose()
        self.schemas.append(schema)
        url = sa.engine.make_url(self.pg_url).update_query_dict(
            {"options": f"-csearch_path={schema},public"}
        )
        return url.render_as_string(hide_password=False)

    def cleanup(self) -> None:
        if self.schemas:
            engine = sa.create_engine(self.pg_url)
            with engine.begin() as conn:
                for schema in self.schemas:
                    conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
            engine.dispose()


def bench_insert(backend: Backend, n: int) -> dict:
    items = synthetic_claims(n, seed=1)
    with Store(backend.url()) as store:
        start = time.perf_counter()
        store.insert_claims(items, by="bench")
        bulk = time.perf_counter() - start
        single = synthetic_claims(300, seed=2)
        start = time.perf_counter()
        for c in single:
            store.add_claim(
                {
                    k: getattr(c, k)
                    for k in (
                        "event_date",
                        "name",
                        "lat",
                        "lon",
                        "side",
                        "action",
                        "claimant",
                        "status",
                    )
                },
                by="bench",
            )
        one_by_one = time.perf_counter() - start
        assert store.count_claims() == n + len(single)
        assert store.history_count() == n + len(single)
    return {
        "claims": n,
        "bulk_seconds": round(bulk, 2),
        "bulk_rows_per_s": round(n / bulk),
        "add_claim_one_transaction_each_per_s": round(len(single) / one_by_one),
    }


def bench_query(backend: Backend, n: int) -> dict:
    url = backend.url()
    store = Store(url)
    start = time.perf_counter()
    batch = 50_000
    with store.transaction() as conn:
        for first in range(0, n, batch):
            rows = [claim_row(c) for c in synthetic_claims(min(batch, n - first), seed=first + 7)]
            store.backend.insert_rows(conn, claims_table, rows)
    if store.is_postgis:
        with store.transaction() as conn:
            conn.exec_driver_sql("ANALYZE claims")
    else:
        with store.transaction() as conn:
            conn.exec_driver_sql("ANALYZE")
    load = time.perf_counter() - start
    rng = random.Random(3)
    timings, sizes = [], []
    for _ in range(25):
        since = START + timedelta(days=rng.randrange(DAYS - 7))
        west, south = rng.uniform(32.0, 39.0), rng.uniform(46.0, 50.0)
        box = BBox(west, south, west + 1.0, south + 1.0)
        started = time.perf_counter()
        found = store.claims(since=since, until=since + timedelta(days=6), bbox=box)
        timings.append(time.perf_counter() - started)
        sizes.append(len(found))
    count = store.count_claims()
    store.close()
    return {
        "claims": count,
        "load_seconds": round(load, 1),
        "query_median_ms": round(statistics.median(timings) * 1000, 2),
        "query_p90_ms": round(sorted(timings)[int(len(timings) * 0.9)] * 1000, 2),
        "median_rows_returned": statistics.median(sizes),
    }


def bench_export_import(backend: Backend, n: int, workdir: Path) -> dict:
    import geopandas

    from tracker.io.gis import claims_frame

    items = synthetic_claims(n, seed=11)
    url = backend.url()
    with Store(url) as store:
        store.insert_claims(items, by="bench")
        out = workdir / f"export-{backend.kind}.geojson"
        start = time.perf_counter()  # what `tracker export` does: query, then write
        exported = export_claims(store.claim_records(), out, "geojson")
        ours = time.perf_counter() - start
        loaded = store.claim_records()
        start = time.perf_counter()
        export_claims(loaded, out, "geojson")
        ours_write_only = time.perf_counter() - start
    frame = claims_frame(loaded)
    peer_out = workdir / f"peer-{backend.kind}.geojson"
    start = time.perf_counter()
    frame.to_file(peer_out, driver="GeoJSON")
    peer = time.perf_counter() - start
    # The peer end to end: pandas reads the claims table, geopandas writes GeoJSON.
    import pandas

    engine = sa.create_engine(url)
    start = time.perf_counter()
    table = pandas.read_sql_query(
        "SELECT * FROM claims WHERE deleted_at IS NULL ORDER BY event_date, created_at, id",
        engine,
    ).drop(columns=["search_text"] + (["geom"] if backend.kind == "postgis" else []))
    geopandas.GeoDataFrame(
        table, geometry=geopandas.points_from_xy(table["lon"], table["lat"]), crs="EPSG:4326"
    ).to_file(peer_out, driver="GeoJSON")
    peer_end_to_end = time.perf_counter() - start
    engine.dispose()
    assert len(geopandas.read_file(peer_out)) == n
    with Store(backend.url()) as empty:
        start = time.perf_counter()
        report = import_file(empty, out)
        imported = time.perf_counter() - start
        assert report.written == exported == n
    return {
        "claims": n,
        "export_seconds": round(ours, 2),
        "export_write_only_seconds": round(ours_write_only, 2),
        "peer_geopandas_to_file_seconds": round(peer, 2),
        "peer_read_sql_plus_to_file_seconds": round(peer_end_to_end, 2),
        "import_seconds": round(imported, 2),
        "import_rows_per_s": round(n / imported),
        "file_mb": round(out.stat().st_size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--insert", type=int, default=100_000)
    parser.add_argument("--query-size", type=int, default=1_000_000)
    parser.add_argument("--export", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("TRACKER_TEST_PG_URL"))
    parser.add_argument("--only", choices=["sqlite", "postgis"])
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgis"] if args.pg else [])
    if args.only:
        kinds = [args.only]
    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "sqlite": __import__("sqlite3").sqlite_version,
        }
    }
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for kind in kinds:
            backend = Backend(kind, workdir, args.pg)
            try:
                results[kind] = {
                    "insert": bench_insert(backend, args.insert),
                    "export_import": bench_export_import(backend, args.export, workdir),
                    "query_7d_bbox": bench_query(backend, args.query_size),
                }
            finally:
                backend.cleanup()
            print(json.dumps({kind: results[kind]}), file=sys.stderr)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
