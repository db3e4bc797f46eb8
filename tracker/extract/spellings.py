"""Names the gazetteer lacks as written but knows spelled a little otherwise, read only beside
a place their sentence names firmly.

Russian sources name Ukrainian villages by Russian names the sources of the gazetteer often
lack ("Нелеповка" for Нелипівка, "Ивановополье" for Іванопілля, "Комышеваха" for
Комишуваха). A name in a place's position that the gazetteer does not know is looked up
again allowing a letter or two of difference, in its case forms' nominatives; a match is
taken only within a short distance of a place its sentence (or its cue) names firmly: a
spelling match alone, anywhere, is a guess.
"""

from __future__ import annotations

from tracker.extract.found import Found
from tracker.extract.place_lookup import PlaceLookup
from tracker.gazetteer import MatchReason, haversine_km
from tracker.model import PlaceKind
from tracker.names import has_cyrillic

# How far from a place its sentence names a name spelled otherwise may lie (a front's villages
# are 3–10 km apart; a list rarely spans more than a few of them).
NEAR_KM = 20.0
CONFIDENCE = 0.5
# Russian case endings and the nominative endings they stand for (longest first):
# Нелеповке/Нелеповки → Нелеповка, Ивановополья → Ивановополье, Спорном → Спорное,
# Колодезей → Колодези.
_CASE_ENDINGS = (
    ("кой", "ка"),
    ("кою", "ка"),
    ("ьем", "ье"),
    ("ого", "ое"),
    ("ому", "ое"),
    ("ке", "ка"),
    ("ки", "ка"),
    ("ку", "ка"),
    ("ья", "ье"),
    ("ью", "ье"),
    ("ом", "ое"),
    ("ей", "и"),
    ("ях", "и"),
    ("е", "а"),
    ("и", "а"),
    ("у", "а"),
)
_FIRM_REASONS = frozenset(
    {MatchReason.EXACT, MatchReason.VARIANT, MatchReason.TRANSLITERATION, MatchReason.INFLECTION}
)


def nominatives(word: str) -> list[str]:
    """The word and, for a Cyrillic one, the nominatives its case ending may stand for."""
    forms = [word]
    if has_cyrillic(word):
        lowered = word.lower()
        for ending, nominative in _CASE_ENDINGS:
            form = word[: -len(ending)] + nominative
            if lowered.endswith(ending) and len(word) > len(ending) + 3 and form not in forms:
                forms.append(form)
    return forms


def read_spelled_otherwise(places: PlaceLookup, found: list[Found]) -> None:
    """Resolves each name the gazetteer lacks to a place spelled a little otherwise that lies
    within NEAR_KM of a place its sentence names firmly (or its cue's reference)."""
    for mention in found:
        if not mention.unknown:
            continue
        near = [
            other.choice.place
            for other in found
            if other is not mention
            and other.sentence == mention.sentence
            and other.choice is not None
            and not other.is_region
            and other.choice.reason in _FIRM_REASONS
        ]
        if mention.anchor is not None and mention.anchor.choice is not None:
            near.append(mention.anchor.choice.place)
        if not near:
            continue
        best = None
        for form in nominatives(mention.text):
            for candidate in places.spelled_otherwise(form):
                if candidate.place.kind == PlaceKind.REGION:
                    continue
                nearest = min(near, key=lambda p: haversine_km(p.point, candidate.place.point))
                distance = haversine_km(nearest.point, candidate.place.point)
                if distance <= NEAR_KM and (best is None or candidate.score > best[0].score):
                    best = (candidate, nearest, distance)
        if best is None:
            continue
        candidate, nearest, distance = best
        mention.unknown = False
        mention.approx = None
        mention.choice, mention.confidence = candidate, CONFIDENCE
        mention.reason = (
            f"spelled otherwise ({candidate.place.name}), {distance:.0f} km from "
            f"{nearest.name}, which its sentence names"
        )
