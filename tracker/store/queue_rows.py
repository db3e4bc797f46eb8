"""A report's review-queue rows: what a batch's extraction worker builds ahead of the writer,
and what the writer builds for each proposal it queues.

What `ingest.queue` writes for a report depends on the report and its proposals only,
except for the ids, the time of writing and which proposals are events already stored. So a
worker builds the report's part (`prepare_report`: its hash, its checked metadata, which
earlier proposals each one is the same event as, the source each would be if attached), and
the one writer process decides matches and builds only the queued proposals' rows
(`ClaimRows`: the checked claim, its row, its `insert` event and its proposals row, as the
driver takes them), then writes (`tracker.store.queueing`). What the store would refuse is
kept as the error to raise where the writer would have raised it (a report already stored is
skipped, not refused).

The values are the very ones `ingest.queue` writes: the same checks
(`validate_claim_fields`, `core.report_values`), the same row mapping (`claim_row`) and the
same conversions for the driver (`tracker.store.bulk`); the event's JSON is `json.dumps` of
`Claim.to_dict()` (`json_text`, the same text)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tracker.errors import InvalidInputError, TrackerError
from tracker.model import Claim, Status, check_claim_id, kyiv_today, validate_claim_fields
from tracker.store.bulk import row_values
from tracker.store.core import report_sha256, report_values
from tracker.store.corroboration import same_event
from tracker.store.json_text import json_text
from tracker.store.rows import claim_row
from tracker.store.schema import claims, proposals

CLAIM_COLUMNS = tuple(c.name for c in claims.c)
HISTORY_COLUMNS = ("claim_id", "version", "op", "author", "at", "before", "after")
PROPOSAL_COLUMNS = ("claim_id", "confidence", "why", "mention", "created_at")


@dataclass(frozen=True, slots=True)
class PreparedReport:
    """What a report's rows need beyond its proposals, built ahead of the writer
    (`prepare_report`): its hash, its metadata as given and as the store keeps it, the
    earlier proposals each one is the same event as, and each one's source were it attached
    to a stored claim; or the error the store refuses the report with. (Each queued
    proposal's rows are built by the writer, `ClaimRows`: half the proposals of a batch
    are another source of a stored claim, and need none.)"""

    sha256: str
    given: tuple  # (text length, published, source name, source URL, language) as given
    text_dates: bool
    error: TrackerError | None
    # (published, source_name, source_url, language) as the store keeps them
    meta: tuple = (None, None, None, None)
    same_as: tuple[tuple[int, ...], ...] = ()
    # (claimant, event_date, source_name, quote): the writer adds the report's id and URL
    sources: tuple[tuple, ...] = ()

    def fits(self, text: str, published, source_name, source_url, language, text_dates) -> bool:
        """Whether these rows were prepared for this report and driver (the writer's check)."""
        given = (len(text), published, source_name, source_url, language)
        return self.given == given and self.text_dates == text_dates


def prepare_report(
    text: str,
    *,
    published,
    source_name: str | None,
    source_url: str | None,
    language: str | None,
    items: Sequence[tuple[Mapping, float, str | None, str | None]],
    text_dates: bool,
) -> PreparedReport:
    """What the writer needs, beyond the proposals ((claim fields, confidence, why, mention)
    as `ingest.proposals_of` gives them), to write this report; `language` is the one the
    report is stored with, `text_dates` the driver's (SQLite keeps dates as text)."""
    sha256 = report_sha256(text)
    given = (len(text), published, source_name, source_url, language)
    same_as = _same_events(items)
    try:
        meta = report_values(text, published, source_name, source_url, language)
    except TrackerError as exc:
        return PreparedReport(sha256, given, text_dates, exc, same_as=same_as)
    sources = []
    for fields, *_ in items:
        name = meta["source_name"] or fields.get("source_name")
        sources.append(
            (
                str(fields["claimant"])[:200],
                fields["event_date"],
                name or None,
                fields.get("quote") or None,
            )
        )
    return PreparedReport(
        sha256,
        given,
        text_dates,
        None,
        meta=(meta["published"], meta["source_name"], meta["source_url"], meta["language"]),
        same_as=same_as,
        sources=tuple(sources),
    )


class ClaimRows:
    """A report's queued proposals as rows (each a claim, its claims row, its `insert` event
    and its proposals row, in the driver's values), written by `author` at `now`; the checks
    the store makes: InvalidInputError for one it refuses."""

    def __init__(self, report: PreparedReport, report_id: str, author: str, now) -> None:
        published, source_name, source_url, _ = report.meta
        # The report's own values were checked once (`report_values`, the same checks): a
        # claim takes them as they are, and checks only its own fields.
        self.shared = {"reported_at": published, "source_url": source_url}
        if source_name:
            self.shared["source_name"] = source_name
        self.report_id, self.author, self.now = report_id, author, now
        self.today = kyiv_today()
        self.claim_values = row_values(claims, CLAIM_COLUMNS, report.text_dates)
        [[self.now_value]] = row_values(proposals, ("created_at",), report.text_dates)(
            [{"created_at": now}]
        )

    def __call__(
        self, fields: Mapping, proposed_confidence: float, why, named
    ) -> tuple[Claim, tuple, tuple, tuple]:
        # as `ingest._record` and `review.add_proposals` check and write a queued proposal
        confidence = min(1.0, max(0.0, proposed_confidence))
        if not 0.0 <= float(confidence) <= 1.0:
            raise InvalidInputError(f"confidence {confidence} is outside 0..1")
        shared = self.shared
        own = {k: v for k, v in fields.items() if k not in shared}
        own["status"] = Status.PROPOSED
        values = validate_claim_fields(own, today=self.today)
        values.update(shared, report_id=self.report_id)
        now, author, now_value = self.now, self.author, self.now_value
        claim = Claim(
            id=check_claim_id(None), **values, created_by=author, created_at=now, updated_at=now
        )
        return (
            claim,
            self.claim_values([claim_row(claim)])[0],
            # no claim before: JSON's null, as the JSON column binds None
            (claim.id, 1, "insert", author, now_value, "null", json_text(claim.to_dict())),
            (
                claim.id,
                round(float(confidence), 3),
                (why or "")[:2000] or None,
                (named or "")[:200] or None,
                now_value,
            ),
        )


def _same_events(items: Sequence[tuple[Mapping, float, str | None, str | None]]):
    """Per proposal, the earlier ones of the report that are the same event (`ingest`'s rule,
    `corroboration.same_event`)."""
    by_kind: dict[tuple, list[int]] = {}
    out = []
    for i, (fields, *_) in enumerate(items):
        earlier = by_kind.setdefault((fields["side"], fields["action"]), [])
        out.append(tuple(j for j in earlier if same_event(fields, items[j][0])))
        earlier.append(i)
    return tuple(out)


__all__ = [
    "CLAIM_COLUMNS",
    "HISTORY_COLUMNS",
    "PROPOSAL_COLUMNS",
    "ClaimRows",
    "PreparedReport",
    "prepare_report",
]
