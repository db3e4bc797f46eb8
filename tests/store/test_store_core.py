"""The claim store: migrations, validation, versioned edits, soft delete, history, queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tests.support.store import claim_fields
from tracker.cli import main
from tracker.errors import ConflictError, InvalidInputError, NotFoundError, StoreError
from tracker.gazetteer import Gazetteer
from tracker.model import Action, Side, Status, kyiv_today
from tracker.store import BBox, ClaimQuery, Store
from tracker.store import migrations as migrations_module


def test_new_store_is_migrated_once(db_url):
    store = Store(db_url)
    assert store.schema_version() == migrations_module.LATEST == 9
    store.close()
    again = Store(db_url)
    assert again.migrate() == []
    with again._reading() as conn:
        rows = conn.execute(sa.text("SELECT version FROM schema_migrations ORDER BY 1")).all()
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    again.close()


def test_newer_schema_is_refused(store, db_url):
    with store.transaction() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                "VALUES (99, 'future', :at)"
            ),
            {"at": "2030-01-01 00:00:00"},
        )
    with pytest.raises(StoreError, match="schema version 99"):
        Store(db_url)


def test_add_and_get_round_trip(store):
    added = store.add_claim(claim_fields(notes="  seen on video  "), by="ann")
    got = store.get_claim(added.id)
    assert got == added
    assert got.version == 1
    assert got.status is Status.CLAIMED
    assert got.side is Side.RU and got.action is Action.CAPTURE
    assert got.notes == "seen on video"
    assert got.created_by == "ann"
    assert got.created_at.tzinfo is not None
    assert (got.lat, got.lon) == (48.2, 37.0)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"lat": 95}, "latitude 95.0 is outside -90..90"),
        ({"lon": -181}, "longitude -181.0 is outside -180..180"),
        ({"lat": "north"}, "coordinates must be numbers"),
        ({"side": "NATO"}, "side 'NATO' is not one of: RU, UA"),
        ({"action": "liberate"}, "action 'liberate' is not one of"),
        ({"status": "rumour"}, "status 'rumour' is not one of"),
        ({"precision": 7}, "precision 7 is not one of: 1, 2, 3"),
        ({"claimant": "  "}, "missing required field(s): claimant"),
        ({"name": None}, "missing required field(s): name"),
        ({"lat": None}, "latitude and longitude are both required"),
        ({"event_date": "1 May"}, "event_date '1 May' is not a date"),
        ({"event_date": date(2013, 12, 31)}, "before 2014-01-01"),
        ({"quote": "x" * 5001}, "quote is 5,001 characters long; the limit is 5,000"),
        ({"source_url": "javascript:alert(1)"}, "must start with http:// or https://"),
        ({"colour": "red"}, "unknown claim field(s): colour"),
    ],
)
def test_bad_claims_are_refused_with_a_clear_message(store, overrides, message):
    with pytest.raises(InvalidInputError) as caught:
        store.add_claim(claim_fields(**overrides))
    assert message in str(caught.value)
    assert store.count_claims(include_deleted=True) == 0


def test_future_dates_are_refused(store):
    tomorrow = kyiv_today() + timedelta(days=1)
    with pytest.raises(InvalidInputError, match="is in the future"):
        store.add_claim(claim_fields(event_date=tomorrow))
    assert store.add_claim(claim_fields(event_date=kyiv_today())).event_date == kyiv_today()


def test_old_dates_need_force(store):
    claim = store.add_claim(claim_fields(event_date="2013-06-01"), allow_old_dates=True)
    assert claim.event_date == date(2013, 6, 1)


def test_update_bumps_version_and_records_before_and_after(store):
    claim = store.add_claim(claim_fields(), by="ann")
    edited = store.update_claim(claim.id, {"status": "confirmed"}, version=1, by="bob")
    assert edited.version == 2
    assert edited.status is Status.CONFIRMED
    assert edited.created_at == claim.created_at
    assert edited.updated_at > claim.updated_at
    history = store.history(claim.id)
    assert [(h.op, h.version, h.author) for h in history] == [
        ("insert", 1, "ann"),
        ("update", 2, "bob"),
    ]
    assert history[0].before is None
    assert history[1].before == claim.to_dict()
    assert history[1].after == edited.to_dict()


def test_stale_edit_is_rejected_and_names_the_current_version(store):
    claim = store.add_claim(claim_fields())
    store.update_claim(claim.id, {"status": "confirmed"}, version=1, by="bob")
    with pytest.raises(ConflictError) as caught:
        store.update_claim(claim.id, {"status": "refuted"}, version=1, by="eve")
    assert caught.value.current_version == 2
    assert "is at version 2" in str(caught.value)
    assert store.get_claim(claim.id).status is Status.CONFIRMED
    assert len(store.history(claim.id)) == 2


def test_edit_is_validated_like_an_add(store):
    claim = store.add_claim(claim_fields())
    with pytest.raises(InvalidInputError, match=r"latitude 91\.0"):
        store.update_claim(claim.id, {"lat": 91, "lon": 37}, version=1)
    with pytest.raises(InvalidInputError, match="both required"):
        store.update_claim(claim.id, {"lat": 48.0}, version=1)
    with pytest.raises(InvalidInputError, match="both required"):
        store.update_claim(claim.id, {"lat": "", "lon": ""}, version=1)
    with pytest.raises(InvalidInputError, match="missing required field"):
        store.update_claim(claim.id, {"claimant": ""}, version=1)
    assert store.get_claim(claim.id) == claim


def test_an_edit_that_changes_nothing_keeps_the_version(store):
    claim = store.add_claim(claim_fields())
    same = store.update_claim(claim.id, {"name": "Udachne", "lat": 48.2, "lon": 37.0}, version=1)
    assert same.version == 1
    assert len(store.history(claim.id)) == 1


def test_unknown_claim(store):
    with pytest.raises(NotFoundError, match="no claim with id 'nope'"):
        store.get_claim("nope")
    with pytest.raises(NotFoundError):
        store.update_claim("nope", {"status": "confirmed"}, version=1)
    with pytest.raises(NotFoundError):
        store.history("nope")


def test_soft_delete_and_restore(store):
    keep = store.add_claim(claim_fields(name="Keep"))
    gone = store.add_claim(claim_fields(name="Gone"))
    deleted = store.delete_claim(gone.id, by="ann", version=1)
    assert deleted.deleted_at is not None and deleted.version == 2
    assert [c.id for c in store.claims()] == [keep.id]
    assert {c.id for c in store.claims(include_deleted=True)} == {keep.id, gone.id}
    assert [c.id for c in store.claims(only_deleted=True)] == [gone.id]
    with pytest.raises(InvalidInputError, match="restore it before editing"):
        store.update_claim(gone.id, {"status": "confirmed"}, version=2)
    with pytest.raises(InvalidInputError, match="already deleted"):
        store.delete_claim(gone.id)
    restored = store.restore_claim(gone.id, by="bob")
    assert restored.deleted_at is None and restored.version == 3
    assert {c.id for c in store.claims()} == {keep.id, gone.id}
    ops = [(h.op, h.author) for h in store.history(gone.id)]
    local = store.identity.name  # no `by`: the acting identity (here the local user)
    assert ops == [("insert", local), ("delete", "ann"), ("restore", "bob")]
    assert store.history(gone.id)[1].after["deleted_at"] is not None


def test_history_is_append_only_in_the_database(store):
    claim = store.add_claim(claim_fields())
    for statement in ("UPDATE claim_history SET author = 'mallory'", "DELETE FROM claim_history"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.transaction() as conn:
            conn.execute(sa.text(statement))
    assert store.history(claim.id)[0].author == store.identity.name


def test_transaction_is_all_or_nothing(store):
    with pytest.raises(RuntimeError, match="boom"), store.transaction():
        store.add_claim(claim_fields(name="One"))
        store.add_claim(claim_fields(name="Two"))
        raise RuntimeError("boom")
    assert store.count_claims(include_deleted=True) == 0
    assert store.history_count() == 0
    with store.transaction():
        store.add_claim(claim_fields(name="One"))
        store.add_claim(claim_fields(name="Two"))
    assert sorted(c.name for c in store.claims()) == ["One", "Two"]


@pytest.fixture
def sample(store):
    """Six claims spread over dates, sides, places and claimants."""
    rows = [
        dict(name="Udachne", lat=48.24, lon=37.08, event_date="2024-05-01", side="RU"),
        dict(
            name="Pokrovsk",
            lat=48.28,
            lon=37.18,
            event_date="2024-05-03",
            side="UA",
            action="repel",
            claimant="Ukrainian General Staff",
            status="confirmed",
        ),
        dict(
            name="Kupiansk",
            lat=49.71,
            lon=37.61,
            event_date="2024-05-07",
            reported_at="2024-05-20",
            action="attack",
            place_id="geonames:704508",
        ),
        dict(
            name="Huliaipole",
            lat=47.66,
            lon=36.26,
            event_date="2024-06-01",
            claimant="Міноборони РФ",
            quote="100% взятие Гуляйполя",
        ),
        dict(name="Robotyne", lat=47.44, lon=35.84, event_date="2024-06-10", side="UA"),
        dict(name="Chasiv Yar", lat=48.59, lon=37.83, event_date="2024-07-01", status="disputed"),
    ]
    return {r["name"]: store.add_claim(claim_fields(**r)) for r in rows}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Udachne", "Pokrovsk", "Kupiansk", "Huliaipole", "Robotyne", "Chasiv Yar"]),
        ({"since": "2024-05-02", "until": "2024-06-01"}, ["Pokrovsk", "Kupiansk", "Huliaipole"]),
        ({"as_of": "2024-05-10"}, ["Udachne", "Pokrovsk"]),  # Kupiansk reported only on 20 May
        ({"as_of": "2024-05-20"}, ["Udachne", "Pokrovsk", "Kupiansk"]),
        ({"bbox": "37.0,48.0,37.5,48.5"}, ["Udachne", "Pokrovsk"]),
        ({"bbox": BBox(35.0, 47.0, 36.5, 47.7)}, ["Huliaipole", "Robotyne"]),
        ({"bbox": "170,-10,-170,10"}, []),  # crosses the antimeridian, far away
        ({"side": "UA"}, ["Pokrovsk", "Robotyne"]),
        ({"action": ["repel", "attack"]}, ["Pokrovsk", "Kupiansk"]),
        ({"status": "disputed"}, ["Chasiv Yar"]),
        ({"claimant": "ukrainian general staff"}, ["Pokrovsk"]),
        ({"claimant": "МІНОБОРОНИ РФ"}, ["Huliaipole"]),
        ({"place": "geonames:704508"}, ["Kupiansk"]),
        ({"place": "chasiv yar"}, ["Chasiv Yar"]),
        ({"text": "ГУЛЯЙПОЛ"}, ["Huliaipole"]),
        ({"text": "100%"}, ["Huliaipole"]),
        ({"text": "0%"}, ["Huliaipole"]),
        ({"text": "_"}, []),
        ({"text": "liberated"}, ["Udachne", "Pokrovsk", "Kupiansk", "Robotyne", "Chasiv Yar"]),
        (
            {"since": "2024-05-01", "until": "2024-05-07", "bbox": "36,48,38,50", "side": "RU"},
            ["Udachne", "Kupiansk"],
        ),
        ({"limit": 2, "offset": 1}, ["Pokrovsk", "Kupiansk"]),
    ],
)
def test_query_filters(store, sample, filters, expected):
    assert [c.name for c in store.claims(**filters)] == expected
    if "limit" not in filters:
        assert store.count_claims(**filters) == len(expected)


def test_query_filter_values_are_checked(store):
    with pytest.raises(InvalidInputError, match="'XX' is not one of"):
        store.claims(side="XX")
    with pytest.raises(InvalidInputError, match="WEST,SOUTH,EAST,NORTH"):
        store.claims(bbox="1,2,3")
    with pytest.raises(InvalidInputError, match=r"latitude 100\.0"):
        store.claims(bbox="30,40,35,100")
    with pytest.raises(InvalidInputError, match="since 'May' is not a date"):
        store.claims(since="May")
    assert ClaimQuery.build(side="ru").side == (Side.RU,)


def test_report_ingested_twice_is_stored_once(store):
    first, created = store.add_report(
        "Russian forces captured Udachne.\n", published="2024-05-02", source_name="ISW"
    )
    again, created_again = store.add_report("  Russian forces   captured Udachne. ")
    assert created is True and created_again is False
    assert again.id == first.id
    assert again.source_name == "ISW"
    assert [r.id for r in store.reports()] == [first.id]
    other, created_other = store.add_report("Russian forces captured Pokrovsk.")
    assert created_other is True and other.id != first.id
    assert store.get_report(first.id).published == date(2024, 5, 2)
    with pytest.raises(InvalidInputError, match="empty"):
        store.add_report("   ")
    with pytest.raises(InvalidInputError, match="in the future"):
        store.add_report("tomorrow's news", published=kyiv_today() + timedelta(days=2))
    with pytest.raises(InvalidInputError, match="must start with http"):
        store.add_report("bad url", source_url="ftp://example.org")
    assert len(store.reports()) == 2


def test_custom_places_feed_the_gazetteer(store):
    place = store.add_custom_place(
        "Zolota Nyva Khutir", 47.9, 36.6, admin1="UA.14", created_by="ann"
    )
    assert place.id.startswith("custom:")
    assert place.geonameid is None and place.admin1_code == "UA.14"
    assert store.custom_places() == [place]
    gazetteer = Gazetteer.load(include_imported=False)  # a private copy: it gets modified
    before = len(gazetteer)
    assert gazetteer.candidates("Zolota Nyva Khutir", limit=1) == [] or (
        gazetteer.candidates("Zolota Nyva Khutir", limit=1)[0].place.id != place.id
    )
    gazetteer.add_places(store.custom_places())
    found = gazetteer.candidates("Zolota Nyva Khutir", limit=1)
    assert found and found[0].place.id == place.id
    assert len(gazetteer) == before + 1
    assert gazetteer.nearest(47.9, 36.6, limit=1)[0][0].id == place.id


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", 48.0, 37.0), "empty"),
        (("Somewhere", 48.0, 200.0), "longitude 200.0"),
        (("Somewhere", 48.0, 37.0, {"country": "Ukraine"}), "two-letter code"),
    ],
)
def test_custom_place_validation(store, args, message):
    *positional, options = args if isinstance(args[-1], dict) else (*args, {})
    with pytest.raises(InvalidInputError, match=message):
        store.add_custom_place(*positional, **options)
    assert store.custom_places() == []


def test_backend_specifics(store):
    with store._reading() as conn:
        if store.is_postgis:
            column = conn.execute(
                sa.text(
                    "SELECT type, srid FROM geometry_columns WHERE f_table_name = 'claims' "
                    "AND f_table_schema = current_schema()"
                )
            ).one()
            assert tuple(column) == ("GEOMETRY", 4326)
            index = conn.execute(
                sa.text(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_claims_geom' "
                    "AND schemaname = current_schema()"
                )
            ).scalar_one()
            assert "USING gist (geom)" in index
        else:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60000
            with pytest.raises(sa.exc.OperationalError, match="readonly"):
                conn.exec_driver_sql("DELETE FROM claims")


def test_postgis_point_matches_lat_lon(store):
    if not store.is_postgis:
        pytest.skip("PostGIS only")
    claim = store.add_claim(claim_fields(lat=48.5, lon=37.25))
    with store._reading() as conn:
        x, y = conn.execute(
            sa.text("SELECT ST_X(geom), ST_Y(geom) FROM claims WHERE id = :id"), {"id": claim.id}
        ).one()
    assert (x, y) == (37.25, 48.5)


def test_in_memory_store_and_default_url(tmp_path, monkeypatch):
    with Store(":memory:") as memory:
        claim = memory.add_claim(claim_fields())
        assert memory.claims() == [claim]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_DB", raising=False)
    with Store() as default:
        assert default.url == "sqlite:///tracker.db"
        default.add_claim(claim_fields())
    assert (tmp_path / "tracker.db").is_file()
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "team.db"))
    with Store() as from_env:
        assert from_env.url == f"sqlite:///{tmp_path / 'team.db'}"
        assert from_env.count_claims() == 0


def test_bad_urls_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        Store("mysql://user@host/db")
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store(f"sqlite:///{tmp_path}/afile/claims.db")
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"cannot open the database .*junk\.db"):
        Store(tmp_path / "junk.db")
    result = CliRunner().invoke(main, ["list", "--db", str(tmp_path / "junk.db")])
    assert result.exit_code == 2
    assert "file is not a database" in result.output


def test_claim_records_equal_claim_dicts(store, sample):
    """The export fast path gives exactly what Claim.to_dict gives, on both back ends."""
    whole_second = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)
    imported = replace(
        sample["Udachne"],
        id="00000000-0000-4000-8000-000000000001",
        created_at=whole_second,
        updated_at=whole_second,
        deleted_at=whole_second,
        version=3,
    )
    store.insert_claims([imported])
    store.delete_claim(sample["Robotyne"].id)
    for filters in ({}, {"include_deleted": True}, {"side": "UA", "include_deleted": True}):
        records = store.claim_records(**filters)
        assert records == [c.to_dict() for c in store.claims(**filters)]
    assert {r["created_at"] for r in store.claim_records(include_deleted=True)} >= {
        "2024-06-01T12:00:00+00:00"
    }


def test_streamed_records_match_in_small_batches(store, sample):
    streamed = list(store.iter_claim_records(batch_size=2, since="2024-05-02"))
    assert [r["name"] for r in streamed] == [
        "Pokrovsk",
        "Kupiansk",
        "Huliaipole",
        "Robotyne",
        "Chasiv Yar",
    ]
    assert streamed == [c.to_dict() for c in store.claims(since="2024-05-02")]
