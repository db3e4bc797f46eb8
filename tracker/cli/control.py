"""Control commands: baseline import/list, control for a date, frontline export, area series."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click

from tracker.cli.output import echo_json, echo_table, say
from tracker.cli.store_options import current_user, db_option, json_option
from tracker.store import Store

DATE = click.DateTime(formats=["%Y-%m-%d"])
counting_option = click.option(
    "--counting",
    type=click.Choice(["confirmed", "claimed"]),
    default="confirmed",
    show_default=True,
    help="Which claims count: confirmed only, or claimed too.",
)
contested_option = click.option(
    "--contested-days",
    type=click.IntRange(0, 3650),
    default=7,
    show_default=True,
    help="Days a contested place stays contested without a new claim.",
)


def _model(store: Store, counting: str, contested_days: int):
    from tracker.control.service import model_from_store

    return model_from_store(store, counting=counting, contested_days=contested_days)


@click.group()
def baseline() -> None:
    """Control layers (e.g. a DeepStateMap "occupied" MultiPolygon) that claims build on."""


@baseline.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--date", "day", type=DATE, required=True, help="The layer's date (YYYY-MM-DD).")
@click.option(
    "--side",
    type=click.Choice(["RU", "UA"], case_sensitive=False),
    required=True,
    help="The side holding the layer's polygons.",
)
@click.option("--source", metavar="NAME", help="Where the layer comes from (default: file name).")
@click.option("--by", metavar="NAME", help="Who imports it (default: $TRACKER_USER or login).")
@json_option
@db_option
def import_baseline(file, day, side, source, by, as_json, db):
    """Import FILE (GeoJSON polygons) as the control layer of --side on --date."""
    from tracker.control.service import import_baseline as do_import

    with Store(db) as store:
        record, area = do_import(
            store,
            file,
            day=day.date(),
            side=side.upper(),
            source=source,
            created_by=current_user(by),
        )
    info = {
        "id": record.id,
        "date": record.day.isoformat(),
        "side": record.side,
        "source": record.source,
        "area_km2": round(area, 3),
    }
    if as_json:
        echo_json(info)
    else:
        say(
            f"Imported baseline {record.id}: {record.side} holds {area:,.0f} km² "
            f"on {record.day} ({record.source})."
        )


@baseline.command("list")
@json_option
@db_option
def list_baselines(as_json, db):
    """List imported control layers."""
    from tracker.control.geo import geodesic_area_km2
    from tracker.control.service import layers_from_store

    with Store(db) as store:
        rows = [
            {
                "id": layer.id,
                "date": layer.day.isoformat(),
                "side": str(layer.side),
                "source": layer.source,
                "area_km2": round(geodesic_area_km2(layer.geometry), 3),
            }
            for layer in layers_from_store(store)
        ]
    if as_json:
        echo_json(rows)
    else:
        echo_table(
            "Baselines",
            ["id", "date", "side", "source", "km²"],
            [(r["id"], r["date"], r["side"], r["source"], f"{r['area_km2']:,.0f}") for r in rows],
        )


@click.command("control")
@click.option("--date", "day", type=DATE, required=True, help="The date (YYYY-MM-DD).")
@click.option("--since", type=DATE, help="Compare with this date (default: the day before).")
@counting_option
@contested_option
@json_option
@db_option
def control(day, since, counting, contested_days, as_json, db):
    """Who holds what on --date: areas per side, changed places, contradictions."""
    from tracker.control.service import control_report

    with Store(db) as store:
        report = control_report(
            _model(store, counting, contested_days),
            day.date(),
            since=since.date() if since else None,
        )
    if as_json:
        echo_json(report)
        return
    say(f"Control on {report['date']} (counting {counting}; vs {report['compared_with']})")
    echo_table(
        None,
        ["side", "km²", "change km²"],
        [
            (k, f"{v:,.1f}", f"{report['change_km2'][k]:+,.1f}")
            for k, v in report["areas_km2"].items()
        ],
    )
    if report["changed_places"]:
        echo_table(
            "Changed hands",
            ["place", "from", "to", "km²"],
            [
                (p["name"] or p["place_id"], p["from"], p["to"], f"{p['area_km2']:,.1f}")
                for p in report["changed_places"]
            ],
        )
    for c in report["contradictions"]:
        claimants = ", ".join(f"{x['claimant']} → {x['holds']}" for x in c["claims"])
        say(
            f"Contradiction at {c['place']} on {c['date']}: {claimants} "
            f"(counted as {c['resolved_to']})"
        )


@click.command("frontline")
@click.option("--date", "day", type=DATE, required=True, help="The date (YYYY-MM-DD).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="GeoJSON file to write.",
)
@click.option(
    "--areas/--no-areas",
    default=False,
    help="Also write the RU, UA and contested areas as features.",
)
@counting_option
@contested_option
@db_option
def frontline(day, output, areas, counting, contested_days, db):
    """Write the frontline on --date (and optionally the control areas) as RFC 7946 GeoJSON."""
    from tracker.control.export import areas_geojson, frontline_geojson
    from tracker.control.geo import GEOD

    with Store(db) as store:
        snapshot = _model(store, counting, contested_days).snapshot(day.date())
    collection = frontline_geojson(snapshot)
    if areas:
        collection["features"] = areas_geojson(snapshot)["features"] + collection["features"]
    output.write_text(json.dumps(collection), encoding="utf-8")
    km = sum(GEOD.geometry_length(line) for line in snapshot.frontline.geoms) / 1000
    say(
        f"Wrote {output}: frontline {km:,.0f} km in {len(snapshot.frontline.geoms)} "
        f"part(s) on {day.date()}."
    )


@click.command("areas")
@click.option("--since", type=DATE, required=True, help="First day (YYYY-MM-DD).")
@click.option("--until", type=DATE, required=True, help="Last day (YYYY-MM-DD).")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@counting_option
@contested_option
@json_option
@db_option
def areas(since, until, as_csv, counting, contested_days, as_json, db):
    """Daily km² per side between two dates, with the change over the period."""
    from tracker.control.service import area_series

    if until < since:
        raise click.BadParameter("--until is before --since", param_hint="--until")
    if (until - since).days > 3660:
        raise click.BadParameter("at most ten years per series", param_hint="--until")
    with Store(db) as store:
        rows = area_series(_model(store, counting, contested_days), since.date(), until.date())
    if as_csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
        return
    period = {
        k: round(rows[-1][f"{k}_km2"] - rows[0][f"{k}_km2"], 3) for k in ("RU", "UA", "contested")
    }
    if as_json:
        echo_json(
            {
                "since": rows[0]["date"],
                "until": rows[-1]["date"],
                "period_change_km2": period,
                "days": rows,
            }
        )
        return
    echo_table(
        None,
        ["date", "RU km²", "UA km²", "contested km²", "RU change"],
        [
            (
                r["date"],
                f"{r['RU_km2']:,.1f}",
                f"{r['UA_km2']:,.1f}",
                f"{r['contested_km2']:,.1f}",
                f"{r['RU_change_km2']:+,.1f}",
            )
            for r in rows
        ],
    )
    say(f"Change over the period: RU {period['RU']:+,.1f} km², UA {period['UA']:+,.1f} km²")


COMMANDS = [baseline, control, frontline, areas]
