"""The claim's row mapping is derived from the Claim dataclass: every field has its column,
values survive the trip through the table on both back ends, and the raw export path gives
exactly Claim.to_dict()."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime

import pytest

from tracker.errors import InvalidInputError
from tracker.model import (
    CLAIM_FIELDS,
    Action,
    Claim,
    Precision,
    Side,
    Status,
    TimePrecision,
    check_claim_id,
)
from tracker.store import Store, rows
from tracker.store.schema import claims

EVERY_FIELD_SET = Claim(
    id=str(uuid.UUID(int=7)),
    event_date=date(2025, 11, 30),
    name="Kupiansk",
    lat=49.71003,
    lon=37.61581,
    side=Side.UA,
    action=Action.REPEL,
    claimant="Ukrainian General Staff",
    status=Status.DISPUTED,
    precision=Precision.NEAR,
    time_precision=TimePrecision.WEEK,
    reported_at=date(2025, 12, 1),
    place_id="geonames:703656",
    source_name="ISW",
    source_url="https://example.org/isw",
    quote="Ukrainian forces repelled an assault near Kupiansk",
    report_id=str(uuid.UUID(int=9)),
    notes="second source pending",
    created_by="ann",
    created_at=datetime(2025, 12, 1, 8, 30, tzinfo=UTC),
    updated_at=datetime(2025, 12, 2, 9, 15, 30, 250000, tzinfo=UTC),
    version=3,
    deleted_at=datetime(2025, 12, 3, 10, 0, tzinfo=UTC),
)


def test_the_field_list_is_the_dataclass():
    assert tuple(f.name for f in dataclasses.fields(Claim)) == CLAIM_FIELDS
    assert len(CLAIM_FIELDS) == 23


def test_every_field_has_a_column_and_every_column_a_field():
    columns = {c.name for c in claims.c}
    assert set(CLAIM_FIELDS) == columns - set(rows.DERIVED_COLUMNS)
    assert [c.name for c in rows.CLAIM_COLUMNS] == list(CLAIM_FIELDS)


def test_a_field_added_without_a_column_is_refused(monkeypatch):
    monkeypatch.setattr(rows, "CLAIM_FIELDS", (*CLAIM_FIELDS, "front_sector"))
    with pytest.raises(RuntimeError, match=r"fields without a column \['front_sector'\]"):
        rows._check_table()


def test_a_column_without_a_field_is_refused(monkeypatch):
    monkeypatch.setattr(rows, "CLAIM_FIELDS", tuple(f for f in CLAIM_FIELDS if f != "notes"))
    with pytest.raises(RuntimeError, match=r"columns without a field \['notes'\]"):
        rows._check_table()


def test_to_dict_has_every_field_as_plain_json_values():
    record = EVERY_FIELD_SET.to_dict()
    assert tuple(record) == CLAIM_FIELDS
    assert record["side"] == "UA" and type(record["side"]) is str
    assert record["precision"] == 2 and type(record["precision"]) is int
    assert record["event_date"] == "2025-11-30"
    assert record["updated_at"] == "2025-12-02T09:15:30.250000+00:00"
    assert Claim.from_dict(record) == EVERY_FIELD_SET


def test_row_and_back_keeps_every_field():
    row = rows.claim_row(EVERY_FIELD_SET)
    assert set(row) == set(CLAIM_FIELDS) | set(rows.DERIVED_COLUMNS)
    assert row["side"] == "UA" and row["precision"] == 2 and row["status"] == "disputed"
    assert row["search_text"] == (
        "kupiansk\nukrainian general staff\nisw\n"
        "ukrainian forces repelled an assault near kupiansk\nsecond source pending"
    )
    back = rows.claim_from_row(tuple(row[name] for name in CLAIM_FIELDS))
    assert back == EVERY_FIELD_SET
    assert back.side is Side.UA and back.time_precision is TimePrecision.WEEK


def test_raw_sqlite_values_give_to_dict():
    raw = [
        {
            "event_date": "2025-11-30",
            "reported_at": "2025-12-01",
            "created_at": "2025-12-01 08:30:00.000000",
            "updated_at": "2025-12-02 09:15:30.250000",
            "deleted_at": "2025-12-03 10:00:00.000000",
        }.get(name, value)
        for name, value in rows.claim_row(EVERY_FIELD_SET).items()
        if name in CLAIM_FIELDS
    ]
    assert rows.record_from_raw(raw) == EVERY_FIELD_SET.to_dict()


def test_every_field_survives_the_store(backend, db_url):
    with Store(db_url) as store:
        store.insert_claims([EVERY_FIELD_SET])
        assert store.get_claim(EVERY_FIELD_SET.id) == EVERY_FIELD_SET
        assert store.claim_records(include_deleted=True) == [EVERY_FIELD_SET.to_dict()]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("00000000-0000-0000-0000-00000000000A", "00000000-0000-0000-0000-00000000000a"),
        ("{12345678-1234-5678-1234-567812345678}", "12345678-1234-5678-1234-567812345678"),
    ],
)
def test_claim_ids_are_canonical_uuids(given, expected):
    assert check_claim_id(given) == expected


def test_a_new_claim_id_is_a_fresh_uuid4():
    first, second = check_claim_id(None), check_claim_id(None)
    assert first != second and uuid.UUID(first).version == 4


def test_a_claim_id_that_is_no_uuid_is_refused():
    with pytest.raises(InvalidInputError, match="claim id 'Pokrovsk-1' is not a UUID"):
        check_claim_id("Pokrovsk-1")
