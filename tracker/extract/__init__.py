"""Find the places in a multilingual report and propose the claims it makes.

from tracker.extract import extract
result = extract(text, report_date=date(2025, 12, 3), source="ISW")
result.mentions  # place names with spans, each resolved to a Place or left unresolved
result.claims    # proposed claims for an analyst to accept or correct
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.errors import InvalidInputError
from tracker.extract.claims import propose_claims
from tracker.extract.mentions import MentionFinder
from tracker.extract.text import detect_language, sentence_spans
from tracker.extract.types import Extraction, Mention, ProposedClaim
from tracker.gazetteer import Gazetteer, default_gazetteer

MAX_TEXT_CHARS = 10_000_000  # ~10 MB: a report longer than that should be split
LANGUAGES = ("en", "fr", "de", "uk", "ru")

_finders: dict[int, MentionFinder] = {}


def _finder(gazetteer: Gazetteer) -> MentionFinder:
    finder = _finders.get(id(gazetteer))
    if finder is None or finder.gazetteer is not gazetteer:
        _finders.clear()
        finder = _finders[id(gazetteer)] = MentionFinder(gazetteer)
    return finder


def extract(
    text: str,
    *,
    report_date: date,
    source: str | None = None,
    lang: str | None = None,
    gazetteer: Gazetteer | None = None,
    front: Sequence[tuple[float, float]] | None = None,
) -> Extraction:
    """Mentions and proposed claims of one report.

    `front`: (lat, lon) points of claims already in the store; a homonym near them is
    preferred. `lang` overrides detection (the rules cover all five languages either way).
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"the report must be text, got {type(text).__name__}")
    if not isinstance(report_date, date):
        raise InvalidInputError("report_date must be a date (YYYY-MM-DD)")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInputError(
            f"the report is {len(text) / 1e6:.1f} million characters; the limit is "
            f"{MAX_TEXT_CHARS / 1e6:.0f} million — split it into several reports"
        )
    if lang is not None and lang not in LANGUAGES:
        raise InvalidInputError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    finder = _finder(gazetteer or default_gazetteer())
    sentences = sentence_spans(text)
    found = finder.find(text, sentences)
    found = finder.attach_context(text, found, sentences)
    finder.resolve(found, list(front) if front else None)
    mentions = finder.to_mentions(found)
    claims = propose_claims(text, sentences, mentions, report_date=report_date, source=source)
    return Extraction(lang=lang or detect_language(text), mentions=mentions, claims=claims)


__all__ = ["Extraction", "Mention", "ProposedClaim", "extract"]
