"""Find the place names in a report and decide which place each one means.

Finding: runs of capitalised words (up to four, with a region word such as "Oblast" or
"область" allowed inside) are looked up in the gazetteer, longest first. Words that are never
places alone (people, months, institutions, demonyms, ordinary words that are also village
names) are skipped unless the context insists.

Resolving uses the evidence a human uses, in this order of strength: a relative cue
("Udachne (southwest of Pokrovsk)"), a region named in the same sentence ("in Sumy Oblast"),
the other places of the report, closeness to the front (points of stored claims), and the
gazetteer's own ranking (name match, population, theatre). When a cue says the place is
somewhere the gazetteer has no such name, the mention stays unresolved, with the reason.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field

from tracker.errors import TrackerError
from tracker.extract.lexicon import (
    ACTION_RE,
    ACTOR_AFTER,
    ACTOR_BEFORE,
    DIRECTION_HINTS,
    DIRECTION_OF,
    REGION_AFTER,
    REGION_BEFORE,
    REGION_BEFORE_HINTS,
    SIDE_RU,
    SIDE_UA,
)
from tracker.extract.stopwords import stop_kind
from tracker.extract.text import Token, tokens
from tracker.extract.types import Mention
from tracker.gazetteer import Candidate, Gazetteer, MatchReason, haversine_km
from tracker.model import PlaceKind

MAX_WORDS = 4
# What may stand between a place and the region that locates it: "X in Sumy Oblast".
REGION_ATTACHING = frozenset({"", "in", "у", "в", "dans", "dans la", "im", "in der"})
APPOSITION = re.compile(
    r"\s*[,(–—-]?\s*(?:both|all|each|located|which\s+is|tous\s+deux|situé\w*|beide|"
    r"liegt|gelegen|обидва|розташован\w*|оба|расположен\w*)?\s*$",
    re.IGNORECASE,
)
ACCEPTED_REASONS = frozenset(
    {MatchReason.EXACT, MatchReason.VARIANT, MatchReason.TRANSLITERATION, MatchReason.INFLECTION}
)
LOCATIVE_BEFORE = (
    " in ",
    " near ",
    " at ",
    " bei ",
    " in der ",
    " у ",
    " в ",
    " біля ",
    " під ",
    " около ",
    " под ",
    " près de ",
    " à ",
    " dans ",
)
ANCHOR_WEIGHT = 0.6
ANCHOR_SCALE_KM = 40.0
ANCHOR_MAX_KM = 60.0  # a cue "X (south of Y)" puts X within this distance of Y
REGION_HINT_WEIGHT = 0.35
CONTEXT_WEIGHT = 0.2
CONTEXT_NEIGHBOURS = 12  # the report's other places: this many mentions either side
CONTEXT_SCALE_KM = 120.0
FRONT_WEIGHT = 0.15
FRONT_SCALE_KM = 60.0
# A sentence about fighting is about the war zone: oblasts on the front and the Russian
# border regions that see fighting and strikes.
FRONT_REGIONS = frozenset(
    {"UA.04", "UA.05", "UA.07", "UA.08", "UA.14", "UA.21", "UA.26", "RU.09", "RU.10", "RU.41"}
)
FRONT_REGION_WEIGHT = 0.08


@dataclass
class Found:
    """A mention while it is being resolved."""

    start: int
    end: int
    text: str
    sentence: int
    candidates: list[Candidate]
    anchor: Found | None = None
    region: Found | None = None
    region_attached: bool = False  # "X in Sumy Oblast": the region is stated for X itself
    reference: bool = False  # serves as another mention's anchor
    military: bool = False  # its sentence reports fighting (an action or a side)
    choice: Candidate | None = None
    confidence: float = 0.0
    reason: str = ""
    scores: dict[str, float] = field(default_factory=dict)

    is_region: bool = False

    def __post_init__(self) -> None:
        self.is_region = bool(self.candidates) and self.candidates[0].place.kind == "region"


class MentionFinder:
    """Finds and resolves mentions with one gazetteer; caches lookups across reports."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._lookups: dict[str, list[Candidate]] = {}

    def lookup(self, name: str) -> list[Candidate]:
        cached = self._lookups.get(name)
        if cached is None:
            try:
                found = self.gazetteer.candidates(name, limit=25, fuzzy=False)
            except TrackerError:
                found = []
            cached = [c for c in found if c.reason in ACCEPTED_REASONS]
            if len(self._lookups) > 200_000:
                self._lookups.clear()
            self._lookups[name] = cached
        return cached

    # -- finding -------------------------------------------------------------------------------

    def find(self, text: str, sentences: list[tuple[int, int]]) -> list[Found]:
        found: list[Found] = []
        for number, (start, end) in enumerate(sentences):
            words = tokens(text, start, end)
            i = 0
            while i < len(words):
                hit = self._longest_match(text, words, i, start)
                if hit is None:
                    # "the Pokrovsk-Myrnohrad agglomeration": each part may be a place.
                    if "-" in words[i].text:
                        parts = _hyphen_parts(words[i])
                        found.extend(
                            Found(p.start, p.end, p.text, number, self.lookup(p.text))
                            for p in parts
                            if p.capitalised
                            and self._may_stand_alone(text, p, start)
                            and self.lookup(p.text)
                        )
                    i += 1
                    continue
                span_start, span_end, j, candidates = hit
                found.append(
                    Found(span_start, span_end, text[span_start:span_end], number, candidates)
                )
                i = j
        return found

    def _longest_match(self, text: str, words: list[Token], i: int, sentence_start: int):
        first = words[i]
        if not first.capitalised or first.acronym:
            return None
        last = i
        while last + 1 < len(words) and last + 1 - i < MAX_WORDS:
            following = words[last + 1]
            gap = text[words[last].end : following.start]
            if gap not in (" ", "\u00a0"):
                break
            if not (following.capitalised or following.text.lower() in REGION_AFTER):
                break
            last += 1
        prefix = None
        window_start = max(sentence_start, first.start - 30)
        if any(w in text[window_start : first.start] for w in REGION_BEFORE_HINTS):
            prefix = REGION_BEFORE.search(text, window_start, first.start)
        for j in range(last, i - 1, -1):
            end = words[j].end
            starts = [first.start]
            if prefix:
                starts.insert(0, prefix.start())  # "région de Soumy" before "Soumy"
            for start in starts:
                span = text[start:end]
                if (
                    start == first.start
                    and j == i
                    and not self._may_stand_alone(text, first, sentence_start)
                ):
                    continue
                candidates = self.lookup(span)
                if candidates:
                    if start != first.start and candidates[0].place.kind != PlaceKind.REGION:
                        continue
                    return start, end, j + 1, candidates
        return None

    def _may_stand_alone(self, text: str, word: Token, sentence_start: int) -> bool:
        if len(word.text) <= 2 or _quoted(text, word):
            return False  # «Восток», “Ukrainska Pravda”: names of groupings and media
        kind = stop_kind(word.text)
        if kind == "common":
            before = " " + text[max(sentence_start, word.start - 12) : word.start].lower()
            return word.start > sentence_start and before.endswith(LOCATIVE_BEFORE)
        return kind is None

    # -- context -------------------------------------------------------------------------------

    def attach_context(
        self, text: str, found: list[Found], sentences: list[tuple[int, int]]
    ) -> list[Found]:
        """Relative cues, region hints and the fighting flag, within each sentence; returns
        the mentions that remain places ("Selon Moscou", "Kyiv said" name actors)."""
        found = [m for m in found if not _is_actor(text, m)]
        military = [
            bool(
                ACTION_RE.search(text, s, e)
                or SIDE_RU.search(text, s, e)
                or SIDE_UA.search(text, s, e)
            )
            for s, e in sentences
        ]
        for mention in found:
            mention.military = military[mention.sentence]
        for index, mention in enumerate(found):
            if mention.is_region:
                continue
            window_start = max(0, mention.start - 40)
            window = text[window_start : mention.start].lower()
            if not any(w in window for w in DIRECTION_HINTS):
                continue
            cue = DIRECTION_OF.search(text, window_start, mention.start)
            if cue is None:
                continue
            target = _previous_in_sentence(found, index)
            # Only an apposition anchors: "Udachne (southwest of Pokrovsk)", "Borova, east
            # of Izium" — not "west of Udachne and north of Pokrovsk".
            if target is not None and APPOSITION.match(text, target.end, cue.start()):
                target.anchor = mention
                mention.reference = True
        # "near X and Y in Donetsk Oblast": a region named after the places covers them.
        next_region: Found | None = None
        for mention in reversed(found):
            if next_region is not None and next_region.sentence != mention.sentence:
                next_region = None
            if mention.is_region:
                next_region = mention
                continue
            if next_region is not None:
                mention.region = next_region
                between = text[mention.end : next_region.start].strip(" ,(").lower()
                mention.region_attached = between in REGION_ATTACHING
        return found

    # -- resolving -----------------------------------------------------------------------------

    def resolve(self, found: list[Found], front: list[tuple[float, float]] | None) -> None:
        for mention in found:
            if mention.is_region:
                mention.choice = mention.candidates[0]
                mention.confidence = 0.9
                mention.reason = f"region ({mention.choice.reason})"
        for mention in sorted(found, key=lambda m: m.anchor is not None):
            if not mention.is_region:
                self._choose(mention, context=None, front=front)
        # Then homonyms are weighed against the report's other places (leave-one-out), twice
        # so that two ambiguous neighbours settle each other.
        for _ in range(2):
            for index, mention in enumerate(found):
                if mention.is_region or mention.choice is None or len(mention.candidates) < 2:
                    continue
                neighbours = found[max(0, index - CONTEXT_NEIGHBOURS) : index]
                neighbours += found[index + 1 : index + 1 + CONTEXT_NEIGHBOURS]
                point = _context_point([m for m in neighbours if m.choice])
                if point is not None:
                    self._choose(mention, context=point, front=front)
        # "near X and Y in Donetsk Oblast": the oblast only locates X and Y.
        for mention in found:
            if mention.region is not None and mention.choice is not None:
                mention.region.reference = True

    def _choose(self, mention: Found, *, context, front) -> None:
        scored: list[tuple[float, Candidate]] = []
        anchor_point = (
            mention.anchor.choice.place.point if mention.anchor and mention.anchor.choice else None
        )
        region_codes = (
            mention.region.choice.place.admin1_codes
            if mention.region and mention.region.choice
            else None
        )
        for candidate in mention.candidates:
            place = candidate.place
            if place.kind == PlaceKind.REGION:
                continue
            if anchor_point is not None and place.id == mention.anchor.choice.place.id:
                continue  # "Hrodivka (east of Myrnohrad)" is not Myrnohrad itself
            score = candidate.score
            if mention.military and place.admin1_code in FRONT_REGIONS:
                score += FRONT_REGION_WEIGHT
            if region_codes is not None:
                inside = bool(place.admin1_codes & region_codes)
                score += REGION_HINT_WEIGHT if inside else -REGION_HINT_WEIGHT
            if anchor_point is not None:
                score += ANCHOR_WEIGHT * math.exp(
                    -haversine_km(anchor_point, place.point) / ANCHOR_SCALE_KM
                )
            if context is not None:
                score += CONTEXT_WEIGHT * math.exp(
                    -haversine_km(context, place.point) / CONTEXT_SCALE_KM
                )
            if front:
                nearest = min(haversine_km(p, place.point) for p in front)
                score += FRONT_WEIGHT * math.exp(-nearest / FRONT_SCALE_KM)
            scored.append((score, candidate))
        if not scored:
            mention.choice, mention.reason = None, "only regions match this name"
            return
        scored.sort(key=lambda s: -s[0])
        best_score, best = scored[0]
        if anchor_point is not None:
            distance = haversine_km(anchor_point, best.place.point)
            if distance > ANCHOR_MAX_KM:
                mention.choice = None
                mention.confidence = 0.0
                mention.reason = (
                    f"the text places it near {mention.anchor.choice.place.name}, but the "
                    f"nearest {best.place.name} in the gazetteer is {distance:.0f} km away; "
                    "the place meant is probably missing (import the GeoNames dump or add it "
                    "as a custom place)"
                )
                return
        if region_codes is not None and mention.region_attached:
            inside = [s for s in scored if s[1].place.admin1_codes & region_codes]
            if not inside:
                mention.choice = None
                mention.confidence = 0.0
                mention.reason = (
                    f"the text places it in {mention.region.choice.place.name}, where the "
                    f"gazetteer has no {best.place.name}; the place meant is probably missing"
                )
                return
        margin = best_score - scored[1][0] if len(scored) > 1 else 0.5
        base = 0.95 if best.reason in (MatchReason.EXACT, MatchReason.VARIANT) else 0.85
        mention.choice = best
        mention.confidence = min(base, 0.5 + 3 * margin)
        evidence = [str(best.reason)]
        if anchor_point is not None:
            evidence.append(f"near {mention.anchor.choice.place.name}")
        if region_codes is not None:
            evidence.append(f"region {mention.region.choice.place.name}")
        if context is not None:
            evidence.append("other places in the report")
        mention.reason = ", ".join(evidence)

    @staticmethod
    def to_mentions(found: list[Found]) -> list[Mention]:
        return [
            Mention(
                text=m.text,
                start=m.start,
                end=m.end,
                level="region" if m.is_region else "settlement",
                place=m.choice.place if m.choice else None,
                candidates=len(m.candidates),
                confidence=m.confidence,
                reason=m.reason,
                reference=m.reference,
            )
            for m in found
        ]


_QUOTES_OPEN = '«“„"‹'  # not the apostrophe: "d'Oukraïnsk"
_QUOTES_CLOSE = '»”“"›'


def _quoted(text: str, word: Token) -> bool:
    before = text[word.start - 1 : word.start] if word.start else ""
    after = text[word.end : word.end + 1]
    return before in _QUOTES_OPEN and before != "" and (after in _QUOTES_CLOSE or after == " ")


def _is_actor(text: str, mention: Found) -> bool:
    """A capital named as the speaker: "Selon Moscou", "Moscow claimed", "Kyiv says"."""
    before = text[max(0, mention.start - 20) : mention.start]
    after = text[mention.end : mention.end + 20]
    return bool(ACTOR_BEFORE.search(before) or ACTOR_AFTER.match(after))


def _hyphen_parts(word: Token) -> list[Token]:
    parts, offset = [], word.start
    for piece in word.text.split("-"):
        parts.append(Token(piece, offset, offset + len(piece)))
        offset += len(piece) + 1
    return parts


def _previous_in_sentence(found: list[Found], index: int) -> Found | None:
    mention = found[index]
    for other in reversed(found[:index]):
        if other.sentence != mention.sentence:
            return None
        if not other.is_region and mention.start - other.end <= 80:
            return other
    return None


def _context_point(mentions: list[Found]) -> tuple[float, float] | None:
    points = [m.choice.place.point for m in mentions if m.choice and not m.is_region]
    if not points:
        return None
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
