"""A selection's claim columns grown by the writes since they were read (Store.changes +
tracker.map_grow) equal the columns built from scratch: same claims, order, tables, bytes."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.store import claim_fields
from tracker import map_grow, map_payload
from tracker.store import Store


def scratch(store: Store, filters: dict) -> map_payload.ClaimColumns:
    return map_payload.columns_from_records(store.claim_records(**filters))


def grown(store: Store, filters: dict, columns, mark):
    found = store.changes(mark)
    assert found is not None, "the history moved in order: the changes are known"
    changed, mark = found
    records = store.claim_records(**filters, ids=changed) if changed else []
    return map_grow.grow(columns, changed, records), mark, changed


def same(a: map_payload.ClaimColumns, b: map_payload.ClaimColumns) -> None:
    assert a.ids == b.ids
    assert (a.names, a.claimants, a.origin) == (b.names, b.claimants, b.origin)
    assert map_payload.encode(a) == map_payload.encode(b)
    assert a.created.tolist() == b.created.tolist()


@pytest.mark.parametrize("filters", [{}, {"side": "RU"}], ids=["all", "RU only"])
def test_grown_columns_equal_a_build_from_scratch(store, filters):
    ids = [
        store.add_claim(claim_fields(event_date=date(2024, 5, d), name=n, side=s), by="t").id
        for d, n, s in [(3, "Udachne", "RU"), (5, "Kupiansk", "UA"), (5, "Pokrovsk", "RU")]
    ]
    columns, mark = scratch(store, filters), store.history_mark()
    steps = [
        # an earlier date than any (a new origin), a new name and claimant
        lambda: store.add_claim(
            claim_fields(event_date=date(2024, 4, 28), name="Avdiivka", claimant="ISW"), by="t"
        ),
        # same day as others: placed by created_at, then id
        lambda: store.add_claim(claim_fields(event_date=date(2024, 5, 5), name="Toretsk"), by="t"),
        # an edit that moves a claim, renames it and changes its side
        lambda: store.update_claim(
            ids[0],
            {"event_date": date(2024, 5, 9), "name": "Myrnohrad", "side": "UA"},
            version=None,
            by="t",
        ),
        # the only claim named Pokrovsk goes: its name leaves the table
        lambda: store.delete_claim(ids[2], by="t"),
        lambda: store.restore_claim(ids[2], by="t"),
        # the first day's claim goes: the origin moves forward
        lambda: store.delete_claim(ids[1], by="t"),
    ]
    for step in steps:
        step()
        columns, mark, changed = grown(store, filters, columns, mark)
        assert len(changed) == 1
        same(columns, scratch(store, filters))
    # several writes at once, and then none
    store.add_claim(claim_fields(event_date=date(2024, 5, 1), name="Siversk"), by="t")
    store.update_claim(ids[2], {"status": "confirmed"}, version=None, by="t")
    columns, mark, changed = grown(store, filters, columns, mark)
    assert len(changed) == 2
    same(columns, scratch(store, filters))
    again, _, changed = grown(store, filters, columns, mark)
    assert changed == frozenset()
    same(again, columns)
    assert len(columns) == (4 if filters else 5)


def test_changes_from_an_empty_store_and_from_another_database(store, make_db_url):
    mark = store.history_mark()
    assert (mark.count, mark.last_id) == (0, 0)
    claim = store.add_claim(claim_fields(), by="t")
    changed, after = store.changes(mark)
    assert changed == frozenset({claim.id}) and after.count == 1
    columns = map_grow.grow(scratch(store, {}), changed, [])
    assert len(columns) == 0 and columns.names == ()
    # The same mark means nothing in another database with its own history: read it all again.
    other = Store(make_db_url())
    try:
        other.add_claim(claim_fields(name="Kupiansk"), by="t")
        other.add_claim(claim_fields(name="Kupiansk"), by="t")
        assert other.changes(after) is None
    finally:
        other.close()


def test_columns_without_created_keys_cannot_grow(store):
    store.add_claim(claim_fields(), by="t")
    records = [{k: v for k, v in r.items() if k != "created_at"} for r in store.claim_records()]
    columns = map_payload.columns_from_records(records)
    with pytest.raises(map_grow.CannotGrow):
        map_grow.grow(columns, frozenset(), [])


def test_grown_source_counts_follow_an_attached_report(store):
    """Attaching a source is a new version of the claim: the map's columns grow by it, and
    the counts equal a build from scratch."""
    from tracker.store import corroboration
    from tracker.store.source_counts import independent_counts, with_counts

    def built(ids=None):
        records = store.claim_records(ids=ids) if ids is not None else store.claim_records()
        return with_counts(records, independent_counts(store, ids))

    first = store.add_claim(claim_fields(), by="ann")
    store.add_claim(claim_fields(name="Pokrovsk", lat=48.28, lon=37.18), by="ann")
    mark = store.history_mark()
    columns = map_payload.columns_from_records(built())
    assert columns.sources.tolist() == [1, 1]
    for claimant, url in (("ISW", "https://isw.example/1"), ("isw ", "https://isw.example/2")):
        fields = claim_fields(claimant=claimant, source_url=url, report_id=url[-12:])
        assert corroboration.attach(store, store.get_claim(first.id), fields)
    changed, mark = store.changes(mark)
    assert changed == {first.id}
    grown_columns = map_grow.grow(columns, changed, built(changed))
    position = grown_columns.ids.index(first.id)
    assert grown_columns.sources[position] == 2  # ISW once: "isw " is the same claimant
    assert independent_counts(store) == {first.id: 2}
    same(grown_columns, map_payload.columns_from_records(built()))
