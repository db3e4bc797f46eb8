"""Ingest a report: its text and metadata → proposed claims → the report and the claims an
analyst accepted, written in one transaction (`accept`), or the report and its proposals put
in the review queue (`queue`, what feeds and batches do). The CLI, the dashboard, the demo and
the sources share it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa

from tracker.errors import InvalidInputError, TrackerError
from tracker.model import Claim, Place, Report
from tracker.store import corroboration, review
from tracker.store.attaching import Attachments, attach_many
from tracker.store.matching import EventIndex, claims_by_id
from tracker.store.queue_rows import PreparedReport, prepare_report
from tracker.store.queueing import ToWrite, write_prepared
from tracker.workspace import Workspace

if TYPE_CHECKING:  # (a batch's writer never extracts: it leaves the extraction modules out)
    from tracker.extract.types import Extraction, ProposedClaim


class StoreReading:
    """What extraction asks of a workspace's store (its custom places, the front around a
    date), asked once and kept: a batch reads it once per chunk of reports, not once per
    report (two queries each, ~4 % of a report's extraction). A new reading sees the store
    as it is then."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._gazetteer = None
        self._fronts: dict[date, list[tuple[float, float]] | None] = {}

    def gazetteer(self):
        if self._gazetteer is None:
            self._gazetteer = self.workspace.gazetteer()
        return self._gazetteer

    def front(self, day: date) -> list[tuple[float, float]] | None:
        if day not in self._fronts:
            from tracker.extract.front import front_points

            self._fronts[day] = front_points(self.workspace.store, day) or None
        return self._fronts[day]


def propose(
    text: str,
    *,
    published: date,
    source_name: str | None = None,
    lang: str | None = None,
    workspace: Workspace | None = None,
    reading: StoreReading | None = None,
) -> Extraction:
    """The report's place mentions and proposed claims. With a workspace, its database's
    custom places are known and its recent claims are the front homonyms are weighed by
    (as `reading` read them, when given: a chunk's reports share one)."""
    from tracker.extract import extract  # (here: a batch's writer imports this module too)

    if reading is None and workspace is None:
        return extract(text, report_date=published, source=source_name, lang=lang)
    reading = reading or StoreReading(workspace)
    return extract(
        text,
        report_date=published,
        source=source_name,
        lang=lang,
        gazetteer=reading.gazetteer(),
        front=reading.front(published),
    )


def claim_fields(proposed: ProposedClaim, *, place: Place | None = None) -> dict:
    """The claim fields of a proposal (at `place` when an analyst chose another); the report
    fills in the date reported, the source and its id when it is accepted."""
    place = place or proposed.place
    fields = {
        "event_date": proposed.event_date,
        "place_id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "precision": int(proposed.precision),
        "side": str(proposed.side),
        "action": str(proposed.action),
        "claimant": proposed.claimant,
        "status": proposed.status,
        "quote": proposed.quote,
    }
    if proposed.source_name:
        fields["source_name"] = proposed.source_name
    return fields


@dataclass(frozen=True)
class Accepted:
    """What `accept` wrote: the report, its claims, and whether the report was new."""

    report: Report
    claims: list[Claim]
    created: bool


def accept(
    workspace: Workspace,
    text: str,
    *,
    published,
    source_name: str | None,
    source_url: str | None,
    language: str | None,
    claims: Iterable[Mapping[str, object]],
    by: str | None = None,
    if_known: str = "refuse",
) -> Accepted:
    """Record a report and its accepted claims in one transaction (all or nothing).

    Each claim mapping holds claim fields; `report_id` is the report's, and `reported_at`
    and the source default to the report's. A report already in the store (same text) is
    refused (InvalidInputError) with `if_known="refuse"`, or left alone with nothing written
    with `if_known="skip"`: its claims are never added twice.
    """
    if if_known not in ("refuse", "skip"):
        raise ValueError(f"if_known must be 'refuse' or 'skip', not {if_known!r}")
    store = workspace.store
    with store.transaction():
        report, created = store.add_report(
            text,
            published=published,
            source_name=source_name,
            source_url=source_url,
            language=language,
            by=by,
        )
        if not created:
            if if_known == "skip":
                return Accepted(report, [], False)
            raise InvalidInputError(
                f"this report is already in the store (report {report.id}); nothing was written"
            )
        added = []
        for fields in claims:
            values = dict(fields)
            values.setdefault("reported_at", report.published)
            values.setdefault("source_name", report.source_name)
            values.setdefault("source_url", report.source_url)
            values["report_id"] = report.id
            added.append(store.add_claim(values, by=by))
    return Accepted(report, added, True)


@dataclass(frozen=True)
class Queued:
    """What `queue` did with one report: its proposals in the review queue, the claims it
    corroborates (attached as another source; `sources` counts them, also where they were
    not read back: `queue_many(read_back=False)`), or why nothing was written (`skipped`:
    "url" or "text" when the store already holds the report)."""

    report: Report | None
    proposals: list[Claim]
    skipped: str | None = None
    corroborated: list[Claim] = field(default_factory=list)
    sources: int = 0


def queue(
    workspace: Workspace,
    text: str,
    *,
    published: date,
    source_name: str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    by: str | None = None,
    extraction: Extraction | None = None,
) -> Queued:
    """Record a report and put its proposals in the review queue, in one transaction.

    A proposal that is an event already stored (tracker.store.corroboration) becomes another
    source of that claim. A report already stored (same URL, or same text) adds nothing, so a
    batch or a feed can run again after an interruption. `extraction` is the report's, when
    it was proposed elsewhere (another process)."""
    store = workspace.store
    if source_url and store.knows_report(url=source_url):
        return Queued(None, [], "url")
    if store.knows_report(text):
        return Queued(None, [], "text")
    if extraction is None:
        extraction = propose(
            text, published=published, source_name=source_name, lang=language, workspace=workspace
        )
    with store.transaction():
        report, created = store.add_report(
            text,
            published=published,
            source_name=source_name,
            source_url=source_url,
            language=language or extraction.lang,
            by=by,
        )
        if not created:  # written meanwhile by another batch
            return Queued(None, [], "text")
        return _record(store, report, extraction, by, _find_match(store))


def _find_match(store):
    def find(fields: Mapping) -> str | None:
        match = corroboration.find_match(store, fields)
        return None if match is None else match.id

    return find


@dataclass(frozen=True)
class Proposals:
    """What the writer reads of an extraction: the report's language and, per proposed claim,
    its claim fields, confidence, why its place was chosen and the words that named it. Plain
    values, cheap to send between processes (an `Extraction` carries every mention with its
    places: unpickling those cost the writer as much as writing). `rows`: the report's part
    of the rows the writer writes, when it was built ahead (`prepare`)."""

    lang: str | None
    items: tuple[tuple[dict, float, str | None, str | None], ...]
    rows: PreparedReport | None = None


def proposals_of(extraction: Extraction | Proposals) -> Proposals:
    if isinstance(extraction, Proposals):
        return extraction
    return Proposals(
        extraction.lang,
        tuple(
            (claim_fields(p), p.confidence, p.mention.reason, p.mention.text)
            for p in extraction.claims
        ),
    )


def prepare(workspace: Workspace, incoming: Incoming) -> Proposals:
    """The report's proposals with the report's part of the rows `queue_many` writes built
    now: its hash, its checked metadata, the proposals that are one event said twice, their
    sources (what a batch's extraction worker does, so the one writer process does less;
    `tracker.store.queue_rows`). Rows built for this very report are kept as they are."""
    sent = proposals_of(incoming.extraction)
    text_dates = workspace.store.backend.text_dates
    language = incoming.language or sent.lang
    args = (incoming.published, incoming.source_name, incoming.source_url, language)
    if sent.rows is not None and sent.rows.fits(incoming.text, *args, text_dates):
        return sent
    rows = prepare_report(
        incoming.text,
        published=incoming.published,
        source_name=incoming.source_name,
        source_url=incoming.source_url,
        language=language,
        items=sent.items,
        text_dates=text_dates,
    )
    return Proposals(sent.lang, sent.items, rows)


@dataclass(frozen=True)
class Incoming:
    """A report for `queue_many`: its text and metadata with its extraction (or just what
    the writer reads of it)."""

    text: str
    published: date
    extraction: Extraction | Proposals
    source_name: str | None = None
    source_url: str | None = None
    language: str | None = None


def queue_many(
    workspace: Workspace,
    reports: Iterable[Incoming],
    *,
    by: str | None = None,
    index: EventIndex | None = None,
    read_back: bool = True,
) -> list[Queued | TrackerError]:
    """`queue` for many reports in one transaction (a report's error, returned in its place,
    leaves the others): what batches write. Proposals are matched against an in-memory index
    of the store's claims (`tracker.store.matching`, kept across calls when passed), with the
    same outcome as `queue` on each report in turn. The sources attached to one claim by the
    whole call are one `attach` event in its history. With `read_back=False` the claims a
    report corroborates are only counted (`Queued.sources`), not read back."""
    store = workspace.store
    index = index if index is not None else EventIndex(store)
    reports = list(reports)
    todo = []
    for incoming in reports:
        sent = prepare(workspace, incoming)
        todo.append(ToWrite(incoming.text, incoming.source_url, sent.items, sent.rows))
    done: list[Queued | TrackerError] = []
    try:
        with store.transaction() as conn:
            index.sync()
            attachments = Attachments()
            try:
                with conn.begin_nested():
                    written = write_prepared(
                        store,
                        conn,
                        todo,
                        by=by,
                        index=index,
                        attachments=attachments,
                        read_back=read_back,
                    )
                done = [w if isinstance(w, TrackerError) else Queued(*_fields(w)) for w in written]
            except (sa.exc.IntegrityError, conn.dialect.dbapi.IntegrityError):
                # another writer stored one of these reports meanwhile (PostgreSQL: SQLite's
                # write lock is held): each report again in its own savepoint, as `queue` does
                index.forget_unwritten()
                attachments.undo_to(0)
                done = _one_by_one(store, conn, reports, by, index, attachments)
            attachments.record(conn, store.backend.insert_rows)
            index.mark()
    except BaseException:
        index.forget_mark()
        raise
    return done


def _fields(written) -> tuple:
    return (
        written.report,
        written.proposals,
        written.skipped,
        written.corroborated,
        written.sources,
    )


def _one_by_one(store, conn, reports, by, index, attachments) -> list[Queued | TrackerError]:
    done: list[Queued | TrackerError] = []
    for incoming in reports:
        attached = len(attachments.pending)
        try:
            with conn.begin_nested():
                done.append(_queue_incoming(store, incoming, by, index, attachments))
        except TrackerError as exc:
            attachments.undo_to(attached)
            done.append(exc)
    return done


def _queue_incoming(
    store, incoming: Incoming, by, index: EventIndex, attachments: Attachments
) -> Queued:
    if incoming.source_url and store.knows_report(url=incoming.source_url):
        return Queued(None, [], "url")
    if store.knows_report(incoming.text):
        return Queued(None, [], "text")
    report, created = store.add_report(
        incoming.text,
        published=incoming.published,
        source_name=incoming.source_name,
        source_url=incoming.source_url,
        language=incoming.language or incoming.extraction.lang,
        by=by,
    )
    if not created:
        return Queued(None, [], "text")
    queued = _record(store, report, incoming.extraction, by, index.find, attachments)
    for claim in queued.proposals:
        index.remember(claim)
    return queued


def _record(
    store,
    report: Report,
    extraction: Extraction | Proposals,
    by,
    find,
    attachments: Attachments | None = None,
) -> Queued:
    """The report's proposals: each the same event as a stored claim (`find` gives its id)
    becomes another source of it, the others go to the queue; one event said twice in the
    report is kept once."""
    pending: list[tuple[dict, float, str, str]] = []
    # pending fields by (side, action, day): an event is another's within DAYS days
    kinds: dict[tuple[str, str, date], list[dict]] = {}
    matches: list[tuple[str, dict]] = []
    for proposed_fields, proposed_confidence, why, named in proposals_of(extraction).items:
        fields = dict(proposed_fields)
        fields.update(
            reported_at=report.published,
            source_name=report.source_name or fields.get("source_name"),
            source_url=report.source_url,
            report_id=report.id,
        )
        side, action, day = fields["side"], fields["action"], fields["event_date"]
        near_days = (
            kinds.get((side, action, day + timedelta(days=n)), ())
            for n in range(-corroboration.DAYS, corroboration.DAYS + 1)
        )
        if any(corroboration.same_event(fields, other) for others in near_days for other in others):
            continue  # the report says it twice: once is enough
        match = find(fields)
        if match is not None:  # the same event: another source, not another claim
            matches.append((match, fields))
            continue
        confidence = min(1.0, max(0.0, proposed_confidence))
        pending.append((fields, confidence, why, named))
        kinds.setdefault((side, action, day), []).append(fields)
    stored = claims_by_id(store, (claim_id for claim_id, _ in matches))
    pairs = [(stored[claim_id], fields) for claim_id, fields in matches]
    attached = attach_many(store, pairs, by=by, batch=attachments)
    corroborated = [claim for (claim, _), new in zip(pairs, attached, strict=True) if new]
    added = review.add_proposals(store, pending, by=by)
    return Queued(report, added, None, corroborated, len(corroborated))
