"""A text filter that also finds a place in any spelling: the gazetteer turns "Koupiansk" or
"Покровськ" into the places it may mean, and claims at those places match (by place id, or by
name for claims without one) besides claims whose text contains the words."""

from __future__ import annotations

from tracker.errors import TrackerError
from tracker.gazetteer import Gazetteer, MatchReason

MAX_PLACES = 25
STRENGTH = [
    MatchReason.EXACT,
    MatchReason.VARIANT,
    MatchReason.TRANSLITERATION,
    MatchReason.INFLECTION,
]  # homonyms kept per search (a common village name has dozens)


def places_named(gazetteer: Gazetteer, text: str | None) -> tuple[str, ...]:
    """Ids and display names of the places `text` names (as written, in another spelling or
    script, or inflected; no typo guesses), sorted; () when it names none."""
    if not text or not text.strip():
        return ()
    try:
        found = gazetteer.candidates(text.strip(), limit=MAX_PLACES, fuzzy=False)
    except (TrackerError, ValueError):  # not a name (too long, other scripts): words only
        return ()
    # Only the strongest way the text matched: "Pokrovsk" is the towns of that name, not Engels
    # (once called Pokrovsk); "Покровськ" is Pokrovsk, not an inflected Pokrovske.
    ranked = [c for c in found if c.reason in STRENGTH]
    if not ranked:
        return ()
    best = min(STRENGTH.index(c.reason) for c in ranked)
    terms = set()
    for candidate in ranked:
        if STRENGTH.index(candidate.reason) == best:
            terms.update((candidate.place.id, candidate.place.name))
    return tuple(sorted(terms))
