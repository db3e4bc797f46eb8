"""The control commands through click's CliRunner, on a store the test fills."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from shapely.geometry import mapping, shape

from tracker.cli import main
from tracker.control import geodesic_area_km2, oblasts
from tracker.control.service import cells_for
from tracker.gazetteer_overlay import gazetteer_for
from tracker.store import Store

D = date(2025, 6, 1)


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, db, *args):
    result = runner.invoke(main, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result


def central_place(store):
    """A settlement in central Ukraine (Poltava oblast), far from Luhansk."""
    gazetteer = gazetteer_for(store)
    place = next(
        p
        for p in gazetteer.places
        if p.country == "UA" and p.kind == "settlement" and p.admin1_code == "UA.18"
    )
    cells = cells_for(gazetteer.places)
    return place, float(cells.area_km2[cells.cell_of[place.id]])


@pytest.fixture
def luhansk_file(tmp_path):
    (geometry,) = [o.geometry for o in oblasts() if o.code == "UA.14"]
    path = tmp_path / "occupied.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                "features": [{"type": "Feature", "properties": {}, "geometry": mapping(geometry)}],
            }
        )
    )
    return path, geodesic_area_km2(geometry)


def test_control_json_reports_areas_and_changed_places(runner, tmp_path, luhansk_file):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    path, baseline_area = luhansk_file
    imported = json.loads(
        run(
            runner,
            db,
            "baseline",
            "import",
            str(path),
            "--date",
            "2025-05-01",
            "--side",
            "RU",
            "--source",
            "test layer",
            "--json",
        ).stdout
    )
    assert imported["area_km2"] == pytest.approx(baseline_area, rel=1e-6)
    with Store(db) as store:
        place, cell_area = central_place(store)
        for status, claimant in (("confirmed", "Russian MoD"), ("claimed", "Russian milblogger")):
            store.add_claim(
                {
                    "event_date": D,
                    "name": place.name,
                    "lat": place.lat,
                    "lon": place.lon,
                    "place_id": place.id,
                    "side": "RU",
                    "action": "capture",
                    "claimant": claimant,
                    "status": status,
                }
            )

    report = json.loads(run(runner, db, "control", "--date", D.isoformat(), "--json").stdout)
    assert report["date"] == D.isoformat()
    assert report["baseline"]["source"] == "test layer"
    assert report["areas_km2"]["RU"] == pytest.approx(baseline_area + cell_area, abs=0.01)
    assert report["areas_km2"]["contested"] == 0
    assert report["change_km2"]["RU"] == pytest.approx(cell_area, abs=0.01)
    assert [(p["place_id"], p["from"], p["to"]) for p in report["changed_places"]] == [
        (place.id, "UA", "RU")
    ]
    assert report["areas_by_oblast_km2"]["UA.18"]["RU"] == pytest.approx(cell_area, rel=1e-3)
    assert report["contradictions"] == []

    before = json.loads(run(runner, db, "control", "--date", "2025-05-31", "--json").stdout)
    assert before["areas_km2"]["RU"] == pytest.approx(baseline_area, abs=0.01)
    assert before["changed_places"] == []

    areas_csv = run(
        runner, db, "areas", "--since", "2025-05-30", "--until", "2025-06-02", "--csv"
    ).stdout.splitlines()
    assert areas_csv[0].startswith("date,RU_km2,UA_km2,contested_km2")
    ru = [float(line.split(",")[1]) for line in areas_csv[1:]]
    assert ru == pytest.approx(
        [baseline_area, baseline_area, baseline_area + cell_area, baseline_area + cell_area],
        abs=0.01,
    )

    series = json.loads(
        run(runner, db, "areas", "--since", "2025-05-30", "--until", "2025-06-02", "--json").stdout
    )
    assert series["period_change_km2"]["RU"] == pytest.approx(cell_area, abs=0.01)
    assert len(series["days"]) == 4

    out = tmp_path / "frontline.geojson"
    run(runner, db, "frontline", "--date", D.isoformat(), "-o", str(out), "--areas")
    exported = json.loads(out.read_text())
    assert "crs" not in exported
    kinds = {(f["properties"]["kind"], f["properties"]["side"]) for f in exported["features"]}
    assert kinds == {("control_area", "RU"), ("control_area", "UA"), ("frontline", "RU/UA")}
    assert all(f["properties"]["date"] == D.isoformat() for f in exported["features"])
    ru_feature = next(f for f in exported["features"] if f["properties"]["side"] == "RU")
    assert geodesic_area_km2(shape(ru_feature["geometry"])) == pytest.approx(
        baseline_area + cell_area, rel=1e-4
    )


def test_counting_claimed_reports_contradictions(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    with Store(db) as store:
        place, _ = central_place(store)
        for side, action, claimant in (
            ("RU", "capture", "Russian MoD"),
            ("UA", "control", "General Staff"),
        ):
            store.add_claim(
                {
                    "event_date": D,
                    "name": place.name,
                    "lat": place.lat,
                    "lon": place.lon,
                    "place_id": place.id,
                    "side": side,
                    "action": action,
                    "claimant": claimant,
                    "status": "claimed",
                }
            )
    confirmed = json.loads(run(runner, db, "control", "--date", D.isoformat(), "--json").stdout)
    assert confirmed["contradictions"] == [] and confirmed["areas_km2"]["contested"] == 0
    claimed = json.loads(
        run(
            runner, db, "control", "--date", D.isoformat(), "--counting", "claimed", "--json"
        ).stdout
    )
    (contradiction,) = claimed["contradictions"]
    assert contradiction["resolved_to"] == "contested"
    assert {c["claimant"] for c in contradiction["claims"]} == {"Russian MoD", "General Staff"}
    assert claimed["areas_km2"]["contested"] > 0


def test_a_bad_baseline_file_exits_2_with_the_reason(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "Point", "coordinates": [30, 48]}')
    result = runner.invoke(
        main, ["baseline", "import", str(bad), "--date", "2025-01-01", "--side", "RU", "--db", db]
    )
    assert result.exit_code == 2
    assert "'Point' is not allowed" in result.output
    listed = json.loads(run(runner, db, "baseline", "list", "--json").stdout)
    assert listed == []


def test_a_local_layer_leaves_the_rest_unknown_and_says_so(runner, tmp_path, luhansk_file):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    path, area = luhansk_file
    imported = run(
        runner,
        db,
        "baseline",
        "import",
        str(path),
        "--date",
        "2025-05-01",
        "--side",
        "RU",
        "--coverage",
        "extent",
        "--licence",
        "CC BY 4.0 test",
    ).output
    assert "covers its extent only" in imported and "Licence: CC BY 4.0 test" in imported
    (listed,) = json.loads(run(runner, db, "baseline", "list", "--json").stdout)
    assert (listed["coverage"], listed["licence"]) == ("extent", "CC BY 4.0 test")
    report = json.loads(run(runner, db, "control", "--date", D.isoformat(), "--json").stdout)
    assert report["areas_km2"]["RU"] == pytest.approx(area, abs=0.01)
    assert report["areas_km2"]["UA"] == 0
    assert report["areas_km2"]["unknown"] > 500_000
    (layer,) = report["baselines"]
    assert layer["coverage"] == "extent" and layer["decides_km2"] == pytest.approx(area, rel=1e-6)
    text = run(runner, db, "control", "--date", D.isoformat()).output
    assert "covers its extent only" in text and "unknown" in text


def test_without_any_baseline_the_cli_says_how_to_fetch_one(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    text = run(runner, db, "control", "--date", D.isoformat()).output
    assert "No baseline: control is known only where claims say so" in text
    assert "tracker baseline fetch deepstate" in text
    report = json.loads(run(runner, db, "control", "--date", D.isoformat(), "--json").stdout)
    assert report["baselines"] == [] and report["areas_km2"]["UA"] == 0
    assert report["counts"] == "assessed: baselines and confirmed claims"
