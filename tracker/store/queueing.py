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
    CLAIM_COLUMNS,
    HISTORY_COLUMNS,
    PROPOSAL_COLUMNS,
    ClaimRows,
    PreparedReport,
)
from tracker.store.schema import claim_history, claims, proposals, reports

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
            queued, matched = _plan(rows, each.items, index)
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
            # as `review.add_proposals`: its author and time, then each claim's id in turn
            rows_of = ClaimRows(rows, report.id, store._author("add", by), utcnow())
            built = [rows_of(*each.items[i]) for i in queued]
        except TrackerError as exc:
            attachments.undo_to(attached)
            done.append(exc)
            continue
        added = []
        for claim, claim_row, event, proposal in built:
            added.append(claim)
            claim_rows.append(claim_row)
            history_rows.append(event)
            proposal_rows.append(proposal)
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
    rows: PreparedReport, items: Sequence, index: EventIndex
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
