"""Place commands: geocode, gazetteer import/info."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.output import echo_json, echo_table, parse_point, say
from tracker.cli.store_options import db_option
from tracker.gazetteer import CHOICE_POOL, Gazetteer, choose, default_gazetteer
from tracker.workspace import Workspace


def gazetteer_for_lookup(db: str | None) -> Gazetteer:
    """The gazetteer with the custom places of the chosen database, when there is one.

    A lookup never creates a database: without --db/TRACKER_DB and without the default
    file, the shipped gazetteer (and imported dumps) answer alone.
    """
    workspace = Workspace.existing(db)
    if workspace is None:
        return default_gazetteer()
    with workspace:
        return workspace.gazetteer()


@click.command()
@click.argument("name")
@click.option(
    "--near",
    metavar="LAT,LON|PLACE",
    help="Prefer places close to this point, or to this place (as in 'west of Kupiansk').",
)
@click.option(
    "--within-km",
    type=click.FloatRange(0, 5000, min_open=True),
    help="With --near: leave out places farther than this (a cue such as '10 km south of').",
)
@click.option("--admin1", metavar="REGION", help="Region hint: a name or code (UA.05).")
@click.option(
    "--area",
    metavar="RAION|HROMADA",
    help="Only settlements of this raion or hromada ('Pokrovsk raion', 'Kurakhove hromada').",
)
@click.option("--country", metavar="CC", help="Only this country (UA, RU, BY, MD).")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option("--online", is_flag=True, help="Ask Nominatim when the gazetteer has no match.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of candidates.")
@db_option
def geocode(name, near, within_km, admin1, area, country, limit, online, as_json, db):
    """Rank the places NAME may mean (any spelling, Latin or Cyrillic), custom places of the
    database included."""
    if within_km is not None and near is None:
        raise click.BadParameter("needs --near (the place the distance is from)")
    gazetteer = gazetteer_for_lookup(db)
    ranked = gazetteer.candidates(
        name,
        near=_near_point(gazetteer, near, admin1),
        within_km=within_km,
        admin1=admin1,
        area=area,
        country=country,
        limit=max(limit, CHOICE_POOL),
    )
    chosen, refusal = choose(ranked, name)
    candidates = [{**c.to_dict(), "chosen": c is chosen} for c in ranked[:limit]]
    if not candidates and online:
        from tracker.geocode import OnlineGeocoder

        found = OnlineGeocoder().geocode(name, exactly_one=False) or []
        candidates = [loc.raw for loc in found][:limit]
    if as_json:
        echo_json(candidates)
        return
    if not candidates:
        where = f" in {gazetteer.region_for(admin1).name}" if admin1 else ""
        where += f" in {area}" if area else ""
        say(f"No place matches {name!r}{where}.")
        return
    if refusal:
        say(f"No answer for {name!r}: {refusal}.")
    echo_table(
        f"Places for {name!r}",
        [
            "#",
            "name",
            "kind",
            "admin1",
            "country",
            "population",
            "lat",
            "lon",
            "score",
            "reason",
            "id",
        ],
        (
            [
                i,
                c["name"],
                c["kind"],
                c["admin1"],
                c["country"],
                f"{c['population']:,}",
                c["lat"],
                c["lon"],
                f"{c['score']:.3f}",
                c["reason"],
                c["id"],
            ]
            for i, c in enumerate(candidates, start=1)
        ),
    )


def _near_point(gazetteer, near: str | None, admin1: str | None) -> tuple[float, float] | None:
    """`--near` as a point, or as the place it names (the best match, in the region if given)."""
    if near is None or any(ch.isdigit() for ch in near):
        return parse_point(near)
    chosen, refusal = choose(
        gazetteer.candidates(near, admin1=admin1, kind="settlement", limit=CHOICE_POOL), near
    )
    if chosen is None and refusal.startswith("ambiguous"):
        raise click.BadParameter(f"{near!r} is {refusal}, or give LAT,LON", param_hint="--near")
    if chosen is None:
        raise click.BadParameter(
            f"{near!r} is neither LAT,LON nor a place the gazetteer knows", param_hint="--near"
        )
    return chosen.place.point


@click.group()
def gazetteer():
    """The shipped gazetteer and imported GeoNames dumps."""


@gazetteer.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--alternate-names",
    type=click.Path(path_type=Path, dir_okay=False),
    help="alternateNamesV2.txt (the country's or the global file).",
)
@click.option("--json", "as_json", is_flag=True)
def gazetteer_import(file, alternate_names, as_json):
    """Load a GeoNames country dump (UA.txt format) so the geocoder knows every village."""
    from tracker.geonames_dump import import_geonames_dump

    report = import_geonames_dump(file, alternate_names=alternate_names)
    if as_json:
        echo_json(report.to_dict())
    else:
        say(
            f"Imported {report.places:,} populated places from {report.file} "
            f"({report.new_places:,} new to the gazetteer, {report.skipped_not_populated:,} "
            f"non-settlement rows skipped, {report.alternate_names:,} alternate names) "
            f"into {report.output}"
        )


@gazetteer.command("info")
@click.option("--json", "as_json", is_flag=True)
def gazetteer_info(as_json):
    """How many places and regions the gazetteer holds, and where they come from."""
    gaz = default_gazetteer()
    regions = gaz.regions()
    info = {
        "places": len(gaz),
        "settlements": len(gaz) - len(regions),
        "regions": len(regions),
        "countries": sorted({p.country for p in gaz.places}),
        "sources": gaz.sources,
    }
    if as_json:
        echo_json(info)
    else:
        for key, value in info.items():
            say(f"{key}: {value}")


COMMANDS = [geocode, gazetteer]
