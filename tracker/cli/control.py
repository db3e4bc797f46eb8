"""Control commands: baseline import/list, control for a date, frontline export, area series."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click

from tracker.cli.output import echo_json, echo_table, say
from tracker.cli.store_options import current_user, db_option, json_option
from tracker.workspace import Workspace

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


def _model(ws: Workspace, counting: str, contested_days: int):
    return ws.control_model(counting=counting, contested_days=contested_days)


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
@click.option(
    "--coverage",
    type=click.Choice(["country", "extent"]),
    default="country",
    show_default=True,
    help="country: a whole-country layer (the rest of Ukraine is the other side's); "
    "extent: a local layer that says nothing outside its polygons.",
)
@click.option("--licence", metavar="TEXT", help="The layer's licence, shown with it.")
@click.option("--by", metavar="NAME", help="Who imports it (default: $TRACKER_USER or login).")
@json_option
@db_option
def import_baseline(file, day, side, source, coverage, licence, by, as_json, db):
    """Import FILE (GeoJSON polygons) as the control layer of --side on --date."""
    from tracker.control.service import import_baseline as do_import

    with Workspace(db) as ws:
        record, area = do_import(
            ws.store,
            file,
            day=day.date(),
            side=side.upper(),
            source=source,
            created_by=current_user(by),
            coverage=coverage,
            licence=licence,
        )
    _report_baseline(record, area, as_json, verb="Imported")


def _baseline_info(record, area: float) -> dict:
    return {
        "id": record.id,
        "date": record.day.isoformat(),
        "side": record.side,
        "coverage": record.coverage,
        "source": record.source,
        "licence": record.licence,
        "source_url": record.source_url,
        "area_km2": round(area, 3),
    }


def _report_baseline(record, area: float, as_json: bool, *, verb: str, extra=None) -> None:
    info = {**_baseline_info(record, area), **(extra or {})}
    if as_json:
        echo_json(info)
        return
    scope = "whole country" if record.coverage == "country" else "its extent only"
    say(
        f"{verb} baseline {record.id}: {record.side} holds {area:,.0f} km² "
        f"on {record.day} ({record.source}; covers {scope})."
    )
    if record.licence:
        say(f"Licence: {record.licence}")


@baseline.command("fetch")
@click.argument("provider", type=click.Choice(["deepstate", "isw"]))
@click.option(
    "--date",
    "day",
    type=DATE,
    help="DeepStateMap: the newest map on or before this date (default: its newest map).",
)
@click.option(
    "--url",
    metavar="URL",
    help="Another server: DeepStateMap's base URL, or ISW layer URLs separated by spaces.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 600),
    default=60,
    show_default=True,
    help="Seconds to wait for each answer.",
)
@click.option("--refresh", is_flag=True, help="Download again even if the map is cached.")
@click.option("--by", metavar="NAME", help="Who imports it (default: $TRACKER_USER or login).")
@json_option
@db_option
def fetch_baseline(provider, day, url, timeout, refresh, by, as_json, db):
    """Fetch PROVIDER's published control layer and import it as a whole-country baseline.

    deepstate: DeepStateMap's public history API (CC BY-NC-SA 4.0: credit DeepStateMap,
    non-commercial use). isw: ISW/CTP's assessed Russian control (public ArcGIS feature
    service; ISW's geodata is not to be republished without its consent). The download is
    cached in the data folder; a failure writes nothing.
    """
    from tracker.control.fetch import fetch_baseline as do_fetch

    with Workspace(db) as ws:
        record, area, layer = do_fetch(
            ws.store,
            provider,
            day=day.date() if day else None,
            url=url,
            timeout=timeout,
            refresh=refresh,
            created_by=current_user(by),
        )
    extra = {
        "provider": provider,
        "polygons": layer.polygons,
        "cache_file": str(layer.cache_file),
        "from_cache": layer.from_cache,
    }
    _report_baseline(record, area, as_json, verb="Fetched", extra=extra)
    if not as_json:
        say(f"Cached at {layer.cache_file}{' (read from the cache)' if layer.from_cache else ''}")


@baseline.command("list")
@json_option
@db_option
def list_baselines(as_json, db):
    """List imported control layers."""
    from tracker.control.geo import geodesic_area_km2
    from tracker.control.service import layers_from_store

    with Workspace(db) as ws:
        rows = [
            {**layer.describe(), "area_km2": round(geodesic_area_km2(layer.geometry), 3)}
            for layer in layers_from_store(ws.store)
        ]
    if as_json:
        echo_json(rows)
    else:
        echo_table(
            "Baselines",
            ["id", "date", "side", "covers", "source", "km²", "licence"],
            [
                (
                    r["id"],
                    r["date"],
                    r["side"],
                    r["coverage"],
                    r["source"],
                    f"{r['area_km2']:,.0f}",
                    r["licence"] or "",
                )
                for r in rows
            ],
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

    with Workspace(db) as ws:
        report = control_report(
            _model(ws, counting, contested_days),
            day.date(),
            since=since.date() if since else None,
        )
    if as_json:
        echo_json(report)
        return
    say(f"Control on {report['date']} (vs {report['compared_with']}); km² count {report['counts']}")
    if not report["baselines"]:
        say(
            "No baseline: control is known only where claims say so; the rest is unknown. "
            "Fetch one with `tracker baseline fetch deepstate` (or isw)."
        )
    for b in report["baselines"]:
        say(
            f"Baseline {b['id']}: {b['side']} layer of {b['date']} ({b['source']}), covers "
            f"{'the whole country' if b['coverage'] == 'country' else 'its extent only'}; "
            f"decides {b['decides_km2']:,.0f} km²" + (f"; {b['licence']}" if b["licence"] else "")
        )
    echo_table(
        None,
        ["area", "km²", "change km²"],
        [
            (k, f"{v:,.1f}", f"{report['change_km2'][k]:+,.1f}")
            for k, v in report["areas_km2"].items()
        ],
    )
    claimed = report["claimed_only_km2"]
    if any(claimed.values()):
        click.echo(
            "Claimed only (not assessed): "
            + ", ".join(f"{k} {v:,.1f} km²" for k, v in claimed.items() if v)
        )
    for key, title in (
        ("changed_hands", "Changed hands (RU <-> UA)"),
        ("contested_changes", "Became or stopped being contested"),
        ("known_changes", "From or to unknown"),
    ):
        if report[key]:
            echo_table(
                title,
                ["place", "from", "to", "km²"],
                [
                    (p["name"] or p["place_id"], p["from"], p["to"], f"{p['area_km2']:,.1f}")
                    for p in report[key]
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

    with Workspace(db) as ws:
        snapshot = _model(ws, counting, contested_days).snapshot(day.date())
    collection = frontline_geojson(snapshot)
    if areas:
        collection["features"] = areas_geojson(snapshot)["features"] + collection["features"]
    output.write_text(json.dumps(collection), encoding="utf-8")
    parts = len(snapshot.frontline.geoms)
    say(
        f"Wrote {output}: frontline {snapshot.frontline_km:,.0f} km in {parts} "
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
    with Workspace(db) as ws:
        rows = area_series(_model(ws, counting, contested_days), since.date(), until.date())
    if as_csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
        return
    period = {
        k: round(rows[-1][f"{k}_km2"] - rows[0][f"{k}_km2"], 3)
        for k in ("RU", "UA", "contested", "unknown")
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
        ["date", "RU km²", "UA km²", "contested km²", "unknown km²", "RU change"],
        [
            (
                r["date"],
                f"{r['RU_km2']:,.1f}",
                f"{r['UA_km2']:,.1f}",
                f"{r['contested_km2']:,.1f}",
                f"{r['unknown_km2']:,.1f}",
                f"{r['RU_change_km2']:+,.1f}",
            )
            for r in rows
        ],
    )
    say(f"Change over the period: RU {period['RU']:+,.1f} km², UA {period['UA']:+,.1f} km²")


COMMANDS = [baseline, control, frontline, areas]
