"""`tracker places`: places analysts add when the gazetteer lacks them (stored per database)."""

from __future__ import annotations

import click

from tracker.cli.output import echo_json, echo_table, say
from tracker.cli.store_options import by_option, current_user, db_option, json_option
from tracker.errors import TrackerError
from tracker.workspace import Workspace


@click.group()
def places():
    """Custom places: hamlets, fields and landmarks the gazetteer lacks."""


@places.command("add")
@click.argument("name")
@click.option("--lat", type=float, required=True, help="Latitude, WGS 84.")
@click.option("--lon", type=float, required=True, help="Longitude, WGS 84.")
@click.option("--admin1", help="Region: a code (UA.14) or a name (Donetsk Oblast).")
@click.option("--country", default="UA", show_default=True, help="Two-letter country code.")
@by_option
@db_option
@json_option
def places_add(name, lat, lon, admin1, country, by, db, as_json):
    """Add a place; the geocoder and imports then know it in this database."""
    admin1_code = None
    if admin1:
        from tracker.gazetteer import default_gazetteer

        try:
            region = default_gazetteer().region_for(admin1)
            admin1_code, admin1 = region.admin1_code, region.name
        except TrackerError:
            pass  # keep the analyst's text as the region name
    with Workspace(db) as ws:
        place = ws.store.add_custom_place(
            name,
            lat,
            lon,
            admin1=admin1,
            admin1_code=admin1_code,
            country=country,
            created_by=current_user(by),
        )
    if as_json:
        echo_json(place.to_dict())
    else:
        say(f"Added {place.name} as {place.id} ({place.lat}, {place.lon})")


@places.command("list")
@db_option
@json_option
def places_list(db, as_json):
    """The custom places of this database."""
    with Workspace(db) as ws:
        found = ws.store.custom_places()
    if as_json:
        echo_json([p.to_dict() for p in found])
    elif not found:
        say("No custom places yet (add one with `tracker places add`).")
    else:
        echo_table(
            f"{len(found)} custom places",
            ["id", "name", "admin1", "country", "lat", "lon"],
            ([p.id, p.name, p.admin1 or p.admin1_code, p.country, p.lat, p.lon] for p in found),
        )
