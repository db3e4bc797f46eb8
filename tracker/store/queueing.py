"""The review queue's bulk writer: many reports whose rows were built ahead
(`tracker.store.queue_rows`) written in one go inside the caller's transaction.

What it writes is what `ingest.queue` writes for each report in turn — the report, its
proposals (claims, their `insert` events, proposals rows) and the reports it adds as sources
of stored claims — with the same skips and refusals, in the same order; only the work moves:
the writer fills in ids and times, decides skips and matches, and inserts each table's rows
with one statement (`Dialect.insert_values`). Nothing is written before every report of the
call is decided (a refused report is left out, with its error in its place), so no savepoint
per report is needed; the matching index sees the claims decided but not yet written
(`EventIndex.remember(written=False)`)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from tracker.errors import TrackerError
from tracker.model import Claim, Report
from tracker.store.attaching import Attachments
from tracker.store.bulk import row_values
from tracker.store.core import Store, utcnow
from tracker.store.matching import EventIndex, claims_by_id
from tracker.store.queue_rows import (
    PREPARED_COLUMNS,
    WRITER_COLUMNS,
    ClaimPreparer,
    PreparedReport,
    history_json,
    history_tail,
    new_claim,
)
from tracker.store.schema import claim_history, claims, proposals, reports

CLAIM_COLUMNS = PREPARED_COLUMNS + WRITER_COLUMNS
HISTORY_COLUMNS = ("claim_id", "version", "op", "author", "at", "before", "after")
PROPOSAL_COLUMNS = ("claim_id", "confidence", "why", "mention", "created_at")
REPORT_COLUMNS = tuple(c.name for c in reports.c)
_KNOWN = sa.select(reports.c.sha256, reports.c.source_url).where(
    sa.or_(
        reports.c.sha256.in_(sa.bindparam("hashes", expanding=True)),
        reports.c.source_url.in_(sa.bindparam("urls", expanding=True)),
    )
)


@dataclass(frozen=True, slots=True)
class ToWrite:
    """A report for `write_prepared`: its text, URL as given, proposals' claim fields (what
    matching reads) and prepared rows."""

    text: str
    source_url: str | None
    items: Sequence[tuple[Mapping, float, str | None, str | None]]
    rows: PreparedReport


@dataclass(frozen=True, slots=True)
class Written:
    """What was done with one report (`ingest.Queued`'s fields)."""

    report: Report | None
    proposals: list[Claim]
    skipped: str | None
    corroborated: list[Claim]
    sources: int = 0


def write_prepared(
    store: Store,
    conn: sa.Connection,
    todo: Sequence[ToWrite],
    *,
    by: str | None,
    index: EventIndex,
    attachments: Attachments,
    read_back: bool = True,
) -> list[Written | TrackerError]:
    """Write the reports (inside the caller's transaction): each skipped when the store holds
    its URL or text, refused with its error, or recorded with its proposals queued and its
    sources attached (written at the batch's end by `attachments.record`); the claims each
    report corroborates are read back, or with `read_back=False` only counted."""
    text_dates = store.backend.text_dates
    hashes = list(dict.fromkeys(t.rows.sha256 for t in todo))
    urls = list(dict.fromkeys(t.source_url.strip() for t in todo if t.source_url))
    known_hashes: set[str] = set()
    known_urls: set[str] = set()
    if hashes:
        for sha256, url in conn.execute(_KNOWN, {"hashes": hashes, "urls": urls}):
            known_hashes.add(sha256)
            known_urls.add(url)
    report_values = row_values(reports, REPORT_COLUMNS, text_dates)
    moment = _moment(text_dates)
    report_rows: list[dict] = []
    claim_rows: list[tuple] = []
    history_rows: list[tuple] = []
    proposal_rows: list[tuple] = []
    done: list = []
    sourced: list[tuple[int, list[str]]] = []  # (position in done, claim ids attached to)
    for each in todo:
        rows = each.rows
        if each.source_url and each.source_url.strip() in known_urls:
            done.append(Written(None, [], "url", []))
            continue
        if rows.sha256 in known_hashes:
            done.append(Written(None, [], "text", []))
            continue
        attached = len(attachments.pending)
        try:
            author = store._author("ingest", by)
            if rows.error is not None:
                raise rows.error
            published, source_name, source_url, language = rows.meta
            report = Report(
                id=str(uuid.uuid4()),
                text=each.text,
                sha256=rows.sha256,
                published=published,
                source_name=source_name,
                source_url=source_url,
                language=language,
                created_by=author,
                created_at=utcnow(),
            )
            queued, matched = _plan(rows, each.items, index, report.id)
            if matched:
                attachments.by = store._author("add", by)
                for claim_id, i in matched:
                    claimant, day, name, quote = rows.sources[i]
                    source = {
                        "claimant": claimant,
                        "event_date": day,
                        "report_id": report.id,
                        "source_name": name,
                        "source_url": report.source_url or None,
                        "quote": quote,
                    }
                    attachments.pending.append((claim_id, source))
            adder = store._author("add", by)
            now = utcnow()
            prepare = ClaimPreparer(rows)
            built = [prepare(*each.items[i]) for i in queued]
        except TrackerError as exc:
            attachments.undo_to(attached)
            done.append(exc)
            continue
        now_value = moment(now)
        tail = history_tail(adder, now)
        report_json = json.dumps(report.id)
        added = []
        for prepared in built:
            claim_id = str(uuid.uuid4())
            added.append(new_claim(prepared.fields, claim_id, report.id, adder, now))
            claim_rows.append((*prepared.row, claim_id, report.id, adder, now_value, now_value))
            history_rows.append(
                (
                    claim_id,
                    1,
                    "insert",
                    adder,
                    now_value,
                    "null",  # no claim before (JSON's null, as the JSON column binds None)
                    history_json(prepared, claim_id, report_json, tail),
                )
            )
            proposal_rows.append(
                (claim_id, prepared.confidence, prepared.why, prepared.mention, now_value)
            )
        for claim in added:
            index.remember(claim, written=False)
        report_rows.append({c: getattr(report, c) for c in REPORT_COLUMNS})
        known_hashes.add(report.sha256)
        if report.source_url:
            known_urls.add(report.source_url)
        sourced.append((len(done), [claim_id for claim_id, _ in matched]))
        done.append(Written(report, added, None, [], len(matched)))
    insert = store.backend.insert_values
    insert(conn, reports, REPORT_COLUMNS, report_values(report_rows) if report_rows else [])
    insert(conn, claims, CLAIM_COLUMNS, claim_rows)
    insert(conn, claim_history, HISTORY_COLUMNS, history_rows)
    insert(conn, proposals, PROPOSAL_COLUMNS, proposal_rows)
    index.written()
    if read_back:
        stored = claims_by_id(store, (i for _, ids in sourced for i in ids))
        for position, ids in sourced:
            if ids:
                written = done[position]
                done[position] = Written(
                    written.report, written.proposals, None, [stored[i] for i in ids], len(ids)
                )
    return done


def _plan(
    rows: PreparedReport, items: Sequence, index: EventIndex, report_id: str
) -> tuple[list[int], list[tuple[str, int]]]:
    """The report's proposals to queue and the stored claims to add it to as a source (each
    once), as `ingest._record` decides: one event said twice in the report is kept once,
    the same event as a stored claim is another source of it."""
    queued: list[int] = []
    in_queue: set[int] = set()
    matched: list[tuple[str, int]] = []
    sources_of: set[str] = set()
    same_as = rows.same_as
    for i, (fields, *_) in enumerate(items):
        if same_as[i] and any(j in in_queue for j in same_as[i]):
            continue  # the report says it twice: once is enough
        match = index.find(fields)
        if match is not None:
            if match not in sources_of:  # (a report backs a claim once)
                sources_of.add(match)
                matched.append((match, i))
            continue
        queued.append(i)
        in_queue.add(i)
    return queued, matched


def _moment(text_dates: bool):
    """How a UTC time goes to the driver (bulk.row_values's conversion)."""
    convert = row_values(proposals, ("created_at",), text_dates)
    return lambda value: convert([{"created_at": value}])[0][0]
