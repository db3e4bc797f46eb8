"""A report's review-queue rows: what a batch's extraction worker builds ahead of the writer,
and what the writer builds for each proposal it queues.

What `ingest.queue` writes for a report depends on the report and its proposals only,
except for the ids, the time of writing and which proposals are events already stored. So a
worker builds the report's part (`prepare_report`: its hash, its checked metadata, which
earlier proposals each one is the same event as, the source each would be if attached), and
the one writer process decides matches and builds only the queued proposals' rows
(`ClaimPreparer`: the checked claim values, the claim's row for the driver, its history's
JSON cut where the writer's values go, its proposals row), fills in ids and times and
writes (`tracker.store.queueing`). What the store would refuse is kept as the error to raise
where the writer would have raised it (a report already stored is skipped, not refused).

The values are the very ones `ingest.queue` writes: the same checks
(`validate_claim_fields`, `core.report_values`), the same row mapping (`claim_row`) and the
same conversions for the driver (`tracker.store.bulk`); the JSON is `json.dumps` of
`Claim.to_dict()`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tracker.errors import InvalidInputError, TrackerError
from tracker.fieldcode import compile_function
from tracker.geo import haversine_km
from tracker.model import CLAIM_FIELDS, Claim, Status, kyiv_today, validate_claim_fields
from tracker.store.bulk import row_values
from tracker.store.core import report_sha256, report_values
from tracker.store.corroboration import DAYS, RADIUS_KM
from tracker.store.rows import claim_from_row, claim_row
from tracker.store.schema import claims

# The claim columns the writer fills in, last in its INSERT; the others come prepared.
WRITER_COLUMNS = ("id", "report_id", "created_by", "created_at", "updated_at")
PREPARED_COLUMNS = tuple(c.name for c in claims.c if c.name not in WRITER_COLUMNS)
# `Claim.to_dict()` is every field in order: the writer's go around the prepared middle.
_FIRST_WRITER = CLAIM_FIELDS.index("report_id")
_MIDDLE = CLAIM_FIELDS[1:_FIRST_WRITER]  # event_date .. quote
_AFTER_REPORT = CLAIM_FIELDS[_FIRST_WRITER + 1 : CLAIM_FIELDS.index("created_by")]  # notes
if (
    CLAIM_FIELDS[0] != "id"
    or CLAIM_FIELDS[CLAIM_FIELDS.index("created_by") :]
    != ("created_by", "created_at", "updated_at", "version", "deleted_at")
    or set(_MIDDLE + _AFTER_REPORT) & set(WRITER_COLUMNS)
):  # pragma: no cover - a field moved: the JSON below must be cut elsewhere
    raise RuntimeError("Claim's fields moved: tracker.store.queue_rows cuts its JSON by them")
# A placeholder for the writer's values while the rest is built (never stored).
_PLACEHOLDER = "00000000-0000-4000-8000-000000000000"


@dataclass(frozen=True, slots=True)
class PreparedClaim:
    """One proposal ready to be written: its claim (every field but the writer's), the
    claim's row without the writer's columns (in PREPARED_COLUMNS order, converted for the
    driver), the pieces of its history JSON, and its proposals row's values."""

    fields: tuple  # the claim's stored values in CLAIM_FIELDS order (`new_claim`)
    row: tuple
    json_middle: str  # '"event_date": ..., "quote": ...'
    json_after_report: str  # ', "notes": ...'
    confidence: float
    why: str | None
    mention: str | None


@dataclass(frozen=True, slots=True)
class PreparedReport:
    """What a report's rows need beyond its proposals, built ahead of the writer
    (`prepare_report`): its hash, its metadata as given and as the store keeps it, the
    earlier proposals each one is the same event as, and each one's source were it attached
    to a stored claim; or the error the store refuses the report with. (Each queued
    proposal's rows are built by the writer, `prepare_claim`: half the proposals of a batch
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


class ClaimPreparer:
    """Builds a report's queued proposals' rows (`PreparedClaim`), with the checks the store
    makes: InvalidInputError for one it refuses."""

    def __init__(self, report: PreparedReport) -> None:
        published, source_name, source_url, _ = report.meta
        # The report's own values were checked once (`report_values`, the same checks): a
        # claim takes them as they are, and checks only its own fields.
        self.shared = {"reported_at": published, "source_url": source_url}
        if source_name:
            self.shared["source_name"] = source_name
        self.today = kyiv_today()
        self.convert = row_values(claims, PREPARED_COLUMNS, report.text_dates)

    def __call__(self, fields: Mapping, proposed_confidence: float, why, named) -> PreparedClaim:
        # as `ingest._record` and `review.add_proposals` check and write a queued proposal
        confidence = min(1.0, max(0.0, proposed_confidence))
        if not 0.0 <= float(confidence) <= 1.0:
            raise InvalidInputError(f"confidence {confidence} is outside 0..1")
        shared = self.shared
        own = {k: v for k, v in fields.items() if k not in shared}
        own["status"] = Status.PROPOSED
        values = validate_claim_fields(own, today=self.today)
        values.update(shared)
        values.pop("report_id", None)
        claim = Claim(id=_PLACEHOLDER, **values, report_id=_PLACEHOLDER)
        row = claim_row(claim)
        shown = json.dumps(claim.to_dict())
        middle_end = shown.index(_REPORT_MARK)
        after_end = shown.index(_AUTHOR_MARK, middle_end)
        return PreparedClaim(
            fields=_stored_fields(row),
            row=self.convert([row])[0],
            json_middle=shown[_MIDDLE_START:middle_end],
            json_after_report=shown[middle_end + len(_REPORT_MARK) : after_end],
            confidence=round(float(confidence), 3),
            why=(why or "")[:2000] or None,
            mention=(named or "")[:200] or None,
        )


# Where the writer's values sit in `json.dumps(claim.to_dict())` of a claim with the
# placeholder as its ids: JSON strings escape their quotes, so these are found only there.
_MIDDLE_START = len(f'{{"id": "{_PLACEHOLDER}", ')
_REPORT_MARK = f', "report_id": "{_PLACEHOLDER}"'
_AUTHOR_MARK = ', "created_by": '
_stored_fields = compile_function(
    "stored_fields",
    "def stored_fields(row):\n    return ("
    + ", ".join("None" if n in WRITER_COLUMNS else f"row[{n!r}]" for n in CLAIM_FIELDS)
    + ",)\n",
    {},
)


def _same_events(items: Sequence[tuple[Mapping, float, str | None, str | None]]):
    """Per proposal, the earlier ones of the report that are the same event (`ingest`'s
    rule: same side and action, dated within `corroboration.DAYS`, the same place)."""
    by_kind: dict[tuple, list[int]] = {}
    out = []
    for i, (fields, *_) in enumerate(items):
        kind = (fields["side"], fields["action"])
        day = fields["event_date"]
        earlier = by_kind.setdefault(kind, [])
        out.append(
            tuple(
                j
                for j in earlier
                if abs((day - items[j][0]["event_date"]).days) <= DAYS
                and _same_place(fields, items[j][0])
            )
        )
        earlier.append(i)
    return tuple(out)


def _same_place(a: Mapping, b: Mapping) -> bool:
    """`corroboration.same_place` of two proposals' fields (mappings), without its getter."""
    place = a.get("place_id")
    if place and place == b.get("place_id"):
        return True
    coarser = max(int(a.get("precision") or 1), int(b.get("precision") or 1))
    point_a = (float(a.get("lat")), float(a.get("lon")))
    return haversine_km(point_a, (float(b.get("lat")), float(b.get("lon")))) <= RADIUS_KM[coarser]


new_claim = compile_function(
    "new_claim",
    "def new_claim(f, id, report_id, created_by, created_at):\n"
    + "    return claim_from_row(("
    + ", ".join(
        ("created_at" if name == "updated_at" else name) if name in WRITER_COLUMNS else f"f[{i}]"
        for i, name in enumerate(CLAIM_FIELDS)
    )
    + ",))\n",
    {"claim_from_row": claim_from_row},
)
new_claim.__doc__ = (
    "The Claim of prepared `fields` (PreparedClaim.fields) with the writer's id, report id, "
    "author and time (created and updated)."
)


def history_json(prepared: PreparedClaim, claim_id: str, report_json: str, tail: str) -> str:
    """`json.dumps(claim.to_dict())` of the written claim: `report_json` is its report id
    as JSON, `tail` what `history_tail` gives for its author and time (ids are UUIDs: JSON
    strings as they are)."""
    return (
        f'{{"id": "{claim_id}", {prepared.json_middle}, "report_id": {report_json}'
        f"{prepared.json_after_report}{tail}"
    )


def history_tail(author: str | None, created_at) -> str:
    """The end of a new claim's JSON: who, when, version 1, not deleted."""
    moment = json.dumps(created_at.isoformat())
    return (
        f', "created_by": {json.dumps(author)}, "created_at": {moment}, '
        f'"updated_at": {moment}, "version": 1, "deleted_at": null}}'
    )


__all__ = [
    "PREPARED_COLUMNS",
    "WRITER_COLUMNS",
    "ClaimPreparer",
    "PreparedClaim",
    "PreparedReport",
    "history_json",
    "history_tail",
    "new_claim",
    "prepare_report",
]
