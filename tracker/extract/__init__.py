"""Find the places in a multilingual report and propose the claims it makes.

from tracker.extract import extract
result = extract(text, report_date=date(2025, 12, 3), source="ISW")
result.mentions  # place names with spans, each resolved to a Place or left unresolved
result.claims    # proposed claims for an analyst to accept or correct
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tracker.case_forms import case_form_test
from tracker.errors import InvalidInputError
from tracker.extract.claims import propose_claims
from tracker.extract.closeness import clear_trigonometry
from tracker.extract.finding import _unknown_head as unknown_head
from tracker.extract.mentions import MentionFinder
from tracker.extract.scan import scan_lexicon
from tracker.extract.stopwords import is_given_name, stop_kind
from tracker.extract.text import detect_language
from tracker.extract.types import Extraction, Mention, ProposedClaim
from tracker.extract.unwrap import Unwrapped, unwrap_hyphens
from tracker.gazetteer import Gazetteer, clear_name_caches, default_gazetteer
from tracker.model import MAX_REPORT_CHARS

MAX_TEXT_CHARS = MAX_REPORT_CHARS  # the one report limit (tracker.model)
LANGUAGES = ("en", "fr", "de", "uk", "ru")

# One finder (and its caches) per gazetteer in use — the base and a few overlays of custom
# places — most recent last; a finder is used by one extraction at a time (its caches are
# keyed by the identity of lists it owns).
_finders: OrderedDict[int, MentionFinder] = OrderedDict()
_FINDERS_KEPT = 4
_finders_lock = threading.Lock()


def _finder(gazetteer: Gazetteer) -> MentionFinder:
    with _finders_lock:
        finder = _finders.get(id(gazetteer))
        if finder is None or finder.gazetteer is not gazetteer:
            finder = _finders[id(gazetteer)] = MentionFinder(gazetteer)
            while len(_finders) > _FINDERS_KEPT:
                _finders.popitem(last=False)
        _finders.move_to_end(id(gazetteer))
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
    _check_text(text)
    if not isinstance(report_date, date):
        raise InvalidInputError("report_date must be a date (YYYY-MM-DD)")
    if lang is not None and lang not in LANGUAGES:
        raise InvalidInputError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    finder = _finder(gazetteer or default_gazetteer())
    unwrapped = _unwrapped(text, finder)
    view = unwrapped.text if unwrapped else text
    sentences = finder.sentences(view)
    scans = scan_lexicon(view)
    mentions = _mentions(view, sentences, scans, finder, front)
    claims = propose_claims(
        view, sentences, mentions, report_date=report_date, source=source, scans=scans
    )
    if unwrapped:
        mentions, claims = unwrapped.as_written(text, mentions, claims)
    return Extraction(lang=lang or detect_language(text), mentions=mentions, claims=claims)


def find_mentions(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    front: Sequence[tuple[float, float]] | None = None,
) -> list[Mention]:
    """The place mentions of a report, resolved as `extract` resolves them, without the claim
    proposals (geoparsing only)."""
    _check_text(text)
    finder = _finder(gazetteer or default_gazetteer())
    unwrapped = _unwrapped(text, finder)
    view = unwrapped.text if unwrapped else text
    mentions = _mentions(view, finder.sentences(view), scan_lexicon(view), finder, front)
    return unwrapped.as_written(text, mentions, [])[0] if unwrapped else mentions


def _unwrapped(text: str, finder: MentionFinder) -> Unwrapped | None:
    """The report with names cut at a hyphen by a line wrap closed (found there, their spans
    mapped back to the report), or None when it has none."""
    with finder.lock:
        return unwrap_hyphens(text, lambda name: bool(finder.places.lookup(name)))


def _mentions(text, sentences, scans, finder, front) -> list[Mention]:
    # (a tag's words joined by "_" are one name: "#Kryvyi_Rih", "#Харьковская_область"; the
    # view keeps every offset, and each mention's text is the report's)
    spaced = _TAG_WORDS.sub(lambda tag: tag.group().replace("_", " "), text)
    with finder.lock:
        found = finder.find(spaced, sentences)
        found = finder.attach_context(spaced, found, sentences, scans)
        finder.resolve(found, list(front) if front else None)
        mentions = finder.to_mentions(found)
    if spaced == text:
        return mentions
    return [replace(m, text=text[m.start : m.end]) for m in mentions]


_TAG_WORDS = re.compile(r"(?<=#)[^\W_]+(?:_[^\W_]+)+")


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise InvalidInputError(f"the report must be text, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInputError(
            f"the report is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,} "
            "characters — split it into several reports"
        )


def clear_caches() -> None:
    """Forget everything remembered across reports (name lookups, analysed word runs, name
    normal forms): for measuring the cost of a report seen with nothing remembered."""
    _finders.clear()
    clear_trigonometry()
    stop_kind.cache_clear()
    is_given_name.cache_clear()
    unknown_head.cache_clear()
    case_form_test.cache_clear()
    clear_name_caches()


__all__ = ["Extraction", "Mention", "ProposedClaim", "clear_caches", "extract", "find_mentions"]
