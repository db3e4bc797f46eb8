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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import pairwise

from rapidfuzz import fuzz

from tracker.errors import TrackerError
from tracker.extract import abroad, capitals, cues
from tracker.extract.lexicon import (
    ACTOR_AFTER,
    ACTOR_BEFORE,
    DIRECTION_OF,
    MEDIA_WORDS,
    NEAR_BEFORE,
    NEAR_OF,
    REGION_AFTER,
    REGION_BEFORE,
    REGION_BEFORE_HINTS,
    SPEAKER_BEFORE,
    SPEAKER_LAST_PREFIXES,
    SPEAKER_LAST_WORDS,
    TITLES,
    UNIT_AFTER,
    UNIT_OR_VESSEL_WORD,
    UNIT_WORD,
)
from tracker.extract.scan import fighting_positions, scan_lexicon
from tracker.extract.stopwords import is_given_name, stop_kind
from tracker.extract.text import Token, token_end
from tracker.extract.types import Mention
from tracker.gazetteer import EARTH_RADIUS_KM, Candidate, Gazetteer, MatchReason, haversine_km
from tracker.model import PlaceKind
from tracker.names import has_cyrillic, skeleton

MAX_WORDS = 4
# What may stand between a place and the region that locates it: "X in Sumy Oblast".
REGION_ATTACHING = frozenset({"", "in", "у", "в", "на", "dans", "dans la", "im", "in der"})
APPOSITION = re.compile(
    r"\s*[,(–—-]?\s*(?:(?:about|some|roughly|around|approximately|environ|à|etwa|rund|"
    r"приблизно|близько|около|примерно|за|в)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilomet\w*|"
    r"kilomèt\w*|км|кілометр\w*|километр\w*)\s*)?(?:both|all|each|located|which\s+is|that\s+is|"
    r"(?:a|the)\s+(?:village|town|settlement)(?:\s+(?:located|situated))?|"
    r"un\s+(?:village|bourg|hameau)(?:\s+situé)?|tous\s+deux|situé\w*|beide|liegt|gelegen|"
    r"ein\s+dorf|обидва|розташован\w*|що|яке|який|яка|село|селище|оба|расположен\w*|что|"
    r"которое|который|которая|деревня|посёлок|поселок)?\s*$",
    re.IGNORECASE,
)
ACCEPTED_REASONS = frozenset(
    {MatchReason.EXACT, MatchReason.VARIANT, MatchReason.TRANSLITERATION, MatchReason.INFLECTION}
)
# Every homonym is weighed: the codifier lists 80 villages named Andriivka.
CANDIDATE_LIMIT = 250
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
# ... or of a large city Y: "Bila Tserkva, south of Kyiv" is 80 km from Kyiv; a city of a
# million is a reference point for its whole surroundings.
ANCHOR_MAX_KM_LARGE = 120.0
ANCHOR_LARGE_POPULATION = 500_000
REGION_HINT_WEIGHT = 0.35
CONTEXT_WEIGHT = 0.2
CONTEXT_NEIGHBOURS = 12  # the report's other places: this many mentions either side
CONTEXT_SCALE_KM = 120.0
# The other places of the mention's own sentence: a list ("near X, Y and Z") is one scene.
SENTENCE_WEIGHT = 0.3
SENTENCE_SCALE_KM = 60.0
# exp(-haversine / scale) is computed inline as exp(-(2R / scale) * asin(...)).
_TWO_R_OVER_SCALE = 2 * EARTH_RADIUS_KM / CONTEXT_SCALE_KM
_TWO_R_OVER_SENTENCE_SCALE = 2 * EARTH_RADIUS_KM / SENTENCE_SCALE_KM
FRONT_WEIGHT = 0.15
FRONT_SCALE_KM = 60.0
# A sentence about fighting is about the war zone: oblasts on the front and the Russian
# border regions that see fighting and strikes.
FRONT_REGIONS = frozenset(
    {"UA.04", "UA.05", "UA.07", "UA.08", "UA.14", "UA.21", "UA.26", "RU.09", "RU.10", "RU.41"}
)
FRONT_REGION_WEIGHT = 0.08
# A large Russian city where strikes and fighting reach (the regions on Ukraine's border and
# on the Sea of Azov and Black Sea coast), named by its own name, is what a report means over
# a Ukrainian village that shares the name ("вибухи у Воронежі", "под Новороссийском"),
# unless a region or cue says otherwise. Not every large city: Seversk in Siberia is not
# what "Северска" means in a report about Donetsk Oblast.
SALIENT_POPULATION = 100_000
SALIENCE_WEIGHT = 0.15
# A town named by its own name is what a report means over the villages that share it
# (the gazetteer lists every village: "Zaporizhzhia" is also three villages). Only towns of
# Ukraine's codifier (not GeoNames' city districts or Russian towns named like old Ukrainian
# names): the weight
# grows with each tenfold of population above TOWN_POPULATION, so that only a region, a cue
# or the report's neighbouring places taken together can move it to a village.
TOWN_POPULATION = 10_000
FORMER_NAME_PENALTY = 0.05
TOWN_WEIGHT = 0.12
# A direction named in the sentence ("на Лиманському напрямку") pulls its villages near the
# namesake town, more loosely than an anchor: a direction runs some 30–60 km.
SECTOR_WEIGHT = 0.25
SECTOR_SCALE_KM = 60.0
# A raion or hromada named in the sentence ("Курахівської міської громади"): its settlements.
AREA_WEIGHT = 0.5
BASE_FACTOR = 0.97  # a direction's town found from the adjective's base (Лиманському → Лиман)
# Homonyms this far apart that the evidence barely tells apart: refused, not guessed.
AMBIGUOUS_KM = 50.0
# (a score gap below about a village-size population difference: measured on the dev sets, a
# higher margin refused more right answers than it saved far errors)
AMBIGUOUS_MARGIN = 0.01
# A place short of a city, in another country than every firm place of its sentence and this
# far from them, is a homonym of a place the gazetteer lacks ("Podol ... near Sudzha").
SCENE_MAX_KM = 20.0
SCENE_MAX_POPULATION = 100_000
STRIKE_REGIONS = frozenset({"RU.09", "RU.10", "RU.41", "RU.86", "RU.61", "RU.38"})


@dataclass(slots=True)
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
    sector: Found | None = None  # "на Лиманському напрямку ... біля X": the axis X lies on
    area: tuple[str, frozenset[str]] | None = None  # a raion or hromada its sentence names
    is_sector: bool = False  # names an operational direction ("the Lyman direction")
    reference: bool = False  # serves as another mention's anchor
    military: bool = False  # its sentence reports fighting (an action or a side)
    choice: Candidate | None = None
    confidence: float = 0.0
    reason: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    # The best-scoring candidate far from the choice, and by how much the choice beat it.
    rival: tuple[Candidate, float] | None = None

    is_region: bool = False
    abroad: bool = False  # named like a well-known city outside the gazetteer's countries
    abroad_unresolved: bool = False  # ... and nothing in the text places it inside them
    unknown: bool = False  # a name in a place's position that the gazetteer lacks
    cue: str = ""  # the words of the cue that locates it ("12 km northeast of")
    approx: tuple[float, float, float] | None = None  # (lat, lon, radius km) from its cue

    def __post_init__(self) -> None:
        self.is_region = bool(self.candidates) and self.candidates[0].place.kind == "region"


class MentionFinder:
    """Finds and resolves mentions with one gazetteer; caches lookups across reports."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._lookups: dict[str, list[Candidate]] = {}
        # Runs of capitalised words as written -> what _analyse_run found (per name, not per
        # text: the same few thousand words recur in every report).
        self._runs: dict[str, tuple[int, int, list[Candidate], list[Candidate], int]] = {}
        # Scores and first decisions per name and evidence (keyed by the identity of a
        # candidate list in _lookups: emptied whenever _lookups is).
        self._scores: dict[tuple, list[tuple[float, Candidate]]] = {}
        self._decided: dict[tuple, tuple[Candidate | None, float, str, tuple | None]] = {}
        self._sector_pools: dict[str, list[Candidate]] = {}
        self._theatre: dict[str, list[Candidate]] = {}
        self._areas: dict[str, tuple[str, frozenset[str]] | None] = {}

    def lookup(self, name: str) -> list[Candidate]:
        name = name.replace("\n", " ")  # a name wrapped across lines
        cached = self._lookups.get(name)
        if cached is None:
            try:
                found = self.gazetteer.candidates(name, limit=CANDIDATE_LIMIT, fuzzy=False)
            except TrackerError:
                found = []
            cached = [c for c in found if c.reason in ACCEPTED_REASONS]
            plural = _PLURAL_GENITIVE.search(name) if not cached else None
            if plural is not None:
                # "мирне населення Олешок": the genitive plural of Олешки drops its ending and
                # takes a fleeting vowel, which stemming cannot undo.
                nominative = name[: plural.start()] + plural.group(1) + "ки"
                cached = [
                    replace(c, reason=MatchReason.INFLECTION, score=c.score * 0.95)
                    for c in self.lookup(nominative)
                ]
            if cached and _REGION_SUFFIX.search(name):
                # "на Харківщині" is the oblast, though a village in Sumy Oblast bears the name
                regions = [c for c in cached if c.place.kind == PlaceKind.REGION]
                cached = regions or cached
            if len(self._lookups) > 200_000:
                self._lookups.clear()
                self._sector_pools.clear()
                self._theatre.clear()
                self._areas.clear()
                self._runs.clear()
                self._scores.clear()
                self._decided.clear()
            self._lookups[name] = cached
        return cached

    # -- finding -------------------------------------------------------------------------------

    def find(self, text: str, sentences: list[tuple[int, int]]) -> list[Found]:
        """Runs of capitalised words, found by one regex per sentence (C speed); each distinct
        run is analysed once (longest gazetteer match first) and remembered."""
        found: list[Found] = []
        search = _CAPITAL_RUN.search
        runs = self._runs
        for number, (start, end) in enumerate(sentences):
            position = start
            while True:
                match = search(text, position, end)
                if match is None:
                    break
                first = match.start()
                run = match.group()
                if first >= 2 and text[first - 1] in "'’" and not _elision_start(text, first):
                    position = token_end(text, first, end)
                    continue
                analysed = runs.get(run)
                if analysed is None:
                    analysed = self._analyse_run(run)
                    if len(runs) > 200_000:
                        runs.clear()  # the lists it holds stay in _lookups
                    runs[run] = analysed
                first_end, multi_end, candidates, first_candidates, abroad_end = analysed
                title = _previous_word(text, first, start).lower() if not multi_end else ""
                if title in TITLES and not has_cyrillic(title):
                    # "governor Syniehubov", "le maire Ivan Fedorov": a person, two words at
                    # most. (After a Cyrillic title a place may follow in the genitive, "мер
                    # Харкова Ігор Терехов": there the given-name rule finds the person.)
                    ends = [m.end() for m in _RUN_WORD.finditer(run)]
                    position = first + ends[min(1, len(ends) - 1)]
                    continue
                if abroad_end:
                    # "talks in Geneva", "à Berlin": a city the gazetteer does not cover.
                    position = first + abroad_end
                    word = run[:abroad_end]
                    if not _quoted(text, Token(word, first, position)):
                        found.append(
                            Found(first, position, word, number, self.lookup(word), abroad=True)
                        )
                    continue
                if _may_follow_region_word(text, first, start):
                    hit = self._prefixed_match(text, first, run, start)
                    if hit is not None:
                        span_start, span_end, candidates = hit
                        found.append(
                            Found(
                                span_start, span_end, text[span_start:span_end], number, candidates
                            )
                        )
                        position = span_end
                        continue
                if multi_end:
                    span_end = first + multi_end
                    found.append(Found(first, span_end, text[first:span_end], number, candidates))
                    position = span_end
                    continue
                position = first + first_end
                word = run[:first_end]
                if first_candidates and word.isupper():
                    # A headline in capitals ("ЩО ВІДОМО ПРО БОЇ"): its ordinary words are
                    # capitals too; only a place in the war's theatre is read as one.
                    first_candidates = self._in_theatre(word, first_candidates)
                if first_candidates and self._may_stand_alone(
                    text, Token(word, first, position), start
                ):
                    found.append(Found(first, position, word, number, first_candidates))
                elif "-" in word and not any(
                    UNIT_WORD.fullmatch(piece) for piece in word.split("-")
                ):
                    # "the Pokrovsk-Myrnohrad agglomeration": each part may be a place — when
                    # every part is one: "Николаево-Дарьино" is one village the gazetteer
                    # lacks, not Mykolaiv.
                    parts = [p for p in _hyphen_parts(Token(word, first, position)) if p.text]
                    if all(p.capitalised for p in parts) and self._all_places(parts):
                        found.extend(
                            Found(p.start, p.end, p.text, number, self.lookup(p.text))
                            for p in parts
                            if self._may_stand_alone(text, p, start)
                        )
                        continue
                if not first_candidates and _SECTOR_AFTER.match(text, position):
                    # "На Оріхівському напрямку": the direction's town, from the adjective's base
                    sector = self._sector_candidates(word, [])
                    if sector:
                        found.append(Found(first, position, word, number, sector))
                        continue
                if not first_candidates:
                    unknown_end = _unknown_place(text, first, run, start, end)
                    if unknown_end:
                        found.append(
                            Found(
                                first,
                                unknown_end,
                                text[first:unknown_end],
                                number,
                                [],
                                unknown=True,
                            )
                        )
                        position = max(position, unknown_end)
        return found

    def _in_theatre(self, word: str, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates in Ukraine, the Russian regions the war reaches and the capitals
        (kept: scores are cached by the list's identity)."""
        kept = self._theatre.get(word)
        if kept is None:
            kept = self._theatre[word] = [
                c
                for c in candidates
                if c.place.country == "UA"
                or c.place.admin1_code in STRIKE_REGIONS
                or capitals.is_capital_candidate(c.place.country, c.place.name)
            ]
        return kept

    def _all_places(self, parts: list[Token]) -> bool:
        """Whether each part of a hyphenated word names a place as written — only the last
        may be inflected ("Ивано" is no form of Ivannie: "Ивано-Дарьевка" is one name)."""
        for number, part in enumerate(parts):
            candidates = self.lookup(part.text)
            if number < len(parts) - 1:
                candidates = [c for c in candidates if c.reason != MatchReason.INFLECTION]
            if not candidates:
                return False
        return True

    def _analyse_run(self, run: str) -> tuple[int, int, list[Candidate], list[Candidate], int]:
        """(end of the first word, end of the longest several-word name or 0, its candidates,
        the first word's candidates, end of a city abroad or 0) of a run of capitalised words;
        offsets into the run.

        When the run starts with a name that is not a place — a given name and surname, a
        title and name ("Gouverneur Iwan Fedorow"), an outlet ("Kyiv Independent"), a unit
        ("Khortytsia Group") — the first offset is the end of that name and there are no
        candidates. A name ends at an English possessive ("Kyiv's Dniprovskyi district"): the
        "'s" is not part of it."""
        ends = [m.end() for m in _RUN_WORD.finditer(run)]
        for j, end in enumerate(ends):
            if _POSSESSIVE.search(run, 0, end) and not has_cyrillic(run[:end]):
                ends = [*ends[:j], end - 2]
                break
        first_word = run[: ends[0]]
        if len(first_word) <= 5 and first_word.isupper():
            return ends[0], 0, [], [], 0  # an acronym (ZSU, ISW) starts no name
        if len(ends) > 1 and run[ends[0] : ends[1]].strip().lower() in MEDIA_WORDS:
            return ends[1], 0, [], [], 0  # "Kyiv Independent", "Washington Post"
        for j in range(min(len(ends), abroad.MAX_WORDS) - 1, -1, -1):
            if abroad.is_abroad(run[: ends[j]]):
                return ends[0], 0, [], [], ends[j]
        for j in range(len(ends) - 1, 0, -1):
            candidates = self.lookup(run[: ends[j]])
            if candidates:
                return ends[0], ends[j], candidates, [], 0
        if len(ends) > 1:
            second = run[ends[0] : ends[1]].strip().lower()
            if is_given_name(first_word):
                return ends[1], 0, [], [], 0  # "Ivan Fedorov", "Андрій Садовий"
            if first_word.lower() in TITLES:
                # "Gouverneur Fedorow": the title and the name after it. After a Cyrillic
                # title the next word may be a place in the genitive ("Мер Харкова Ігор
                # Терехов"): the title alone (the given name rule takes the person).
                # "Bürgermeister Ihor Terechow": the title, the given name and the surname.
                if is_given_name(run[ends[0] : ends[1]].strip()) and len(ends) > 2:
                    return ends[2], 0, [], [], 0
                return ends[0 if has_cyrillic(first_word) else 1], 0, [], [], 0
            if UNIT_WORD.fullmatch(second):
                return ends[1], 0, [], [], 0  # "Khortytsia Group"
        return ends[0], 0, [], self.lookup(first_word), 0

    def _prefixed_match(self, text: str, first: int, run: str, sentence_start: int):
        """ "région de Soumy", "Oblast Sumy": a region named with its region word before.
        At each length, longest first, the prefixed span is tried before the plain one."""
        window_start = max(sentence_start, first - 30)
        if not any(w in text[window_start:first] for w in REGION_BEFORE_HINTS):
            return None
        prefix = REGION_BEFORE.search(text, window_start, first)
        if prefix is None:
            return None
        plain_end = self._runs[run][1]
        ends = [m.end() for m in _RUN_WORD.finditer(run)]
        if len(run[: ends[0]]) <= 5 and run[: ends[0]].isupper():
            return None
        for j in range(len(ends) - 1, -1, -1):
            candidates = self.lookup(text[prefix.start() : first + ends[j]])
            if candidates and candidates[0].place.kind == PlaceKind.REGION:
                return prefix.start(), first + ends[j], candidates
            if j > 0 and plain_end == ends[j]:
                return None  # the plain several-word name at this length wins
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
        self,
        text: str,
        found: list[Found],
        sentences: list[tuple[int, int]],
        fighting: list[int] | None = None,
    ) -> list[Found]:
        """Relative cues, region hints and the fighting flag, within each sentence; returns
        the mentions that remain places ("Selon Moscou", "Kyiv said" name actors).

        `fighting`: where action and side words start in the text (from `scan_lexicon`);
        found here when not given."""
        found = [
            m
            for m in found
            if not (
                _is_actor(text, m)
                or _names_other_thing(text, m)
                or _initial_adjective(text, m, sentences[m.sentence][0])
            )
        ]
        if fighting is None:
            fighting = fighting_positions(text, scan_lexicon(text))
        military = [False] * len(sentences)
        starts = [s for s, _ in sentences]
        for position in fighting:
            number = bisect_right(starts, position) - 1
            if number >= 0 and position < sentences[number][1]:
                military[number] = True
        for mention in found:
            mention.military = military[mention.sentence]
        for index, mention in enumerate(found):
            if mention.is_region:
                continue
            target = _previous_in_sentence(found, index)
            if target is None:
                continue  # a cue anchors the place named just before it in the sentence
            tail = text[max(0, mention.start - 14) : mention.start].rstrip().lower()
            if not tail.endswith(ANCHOR_TAILS):
                continue
            window_start = max(target.end, mention.start - 50)
            cue = DIRECTION_OF.search(text, window_start, mention.start)
            nearness = cue is None
            if nearness:
                cue = NEAR_OF.search(text, window_start, mention.start)
                if cue is None:
                    continue
            # Only an apposition anchors: "Udachne (southwest of Pokrovsk)", "Borova, east
            # of Izium", "Oleksiivka, near Yunakivka", "Федоровку под Северском" — not "west
            # of Udachne and north of Pokrovsk", nor a list "near Pokrovsk, near Lyman".
            if not APPOSITION.match(_TAG.sub("", text[target.end : cue.start()])):
                continue
            between = text[target.end : cue.start()]
            if (
                nearness
                and not between.strip(" ,(–—-\u00a0")
                and "," in between  # "в районе Песчаного под Купянском" is one place
                and _near_cue_before(text, target, sentences[target.sentence][0])
            ):
                continue
            if (
                not nearness
                and _direction_before(text, target.start)
                and not _may_be_near(target, mention)
            ):
                continue  # "north of Kupiansk, south of Vovchansk": a list of two scenes
            target.anchor = mention
            mention.reference = True
        _anchor_forward(text, found)
        for mention in found:
            if mention.unknown and mention.anchor is not None:
                start = max(mention.end, mention.anchor.start - 40)
                mention.cue = text[start : mention.anchor.start]
        # A capital that locates another place ("south of Kyiv") is a place; elsewhere it
        # may stand for its government.
        found = [
            m
            for i, m in enumerate(found)
            if m.reference
            or _listed_with_places(text, found, i)
            or not _names_government(text, m, sentences[m.sentence][0])
        ]
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
        self._attach_sectors(text, found)
        self._attach_areas(text, found, sentences)
        return found

    def _attach_areas(
        self, text: str, found: list[Found], sentences: list[tuple[int, int]]
    ) -> None:
        """ "Іллінка ... Курахівської міської громади Покровського району": the hromada (or
        else the raion) its sentence names holds the settlements the sentence lists."""
        by_sentence: dict[int, list[Found]] = {}
        for mention in found:
            if not mention.is_region:
                by_sentence.setdefault(mention.sentence, []).append(mention)
        for number, mentions in by_sentence.items():
            start, end = sentences[number]
            areas = [
                area
                for match in _AREA_PHRASE.finditer(text, start, end)
                if (area := self._area(f"{match.group(1)} {match.group(2)}")) is not None
            ]
            if not areas:
                continue
            # the narrowest unit named: a hromada before a raion
            area = min(areas, key=lambda a: (a[0] != "hromada", len(a[1])))
            for mention in mentions:
                mention.area = area

    def _area(self, phrase: str) -> tuple[str, frozenset[str]] | None:
        if phrase not in self._areas:
            try:
                self._areas[phrase] = self.gazetteer.area(phrase)
            except TrackerError:
                self._areas[phrase] = None
        return self._areas[phrase]

    def _sector_candidates(self, name: str, candidates: list[Candidate]) -> list[Candidate]:
        """The adjective's own candidates and its base's (kept: scores are cached by the
        list's identity)."""
        pool = self._sector_pools.get(name)
        if pool is None:
            pool = list(candidates)
            base = _ADJECTIVE_SUFFIX.sub("", name)
            known = {c.place.id for c in pool}
            ceiling = max((c.score for c in pool), default=1.0)
            for candidate in self.lookup(base) if base != name and len(base) >= 3 else ():
                if candidate.main_name and candidate.place.id not in known:
                    # matched through a derived base: weaker than the adjective's own matches
                    pool.append(
                        replace(
                            candidate,
                            reason=MatchReason.INFLECTION,
                            score=min(candidate.score, ceiling) * BASE_FACTOR,
                        )
                    )
            self._sector_pools[name] = pool
        return pool

    def _attach_sectors(self, text: str, found: list[Found]) -> None:
        """A direction named in a sentence locates the villages the sentence lists on it.
        A direction is named after a town: "на Лиманському напрямку" may be Lyman's, not
        only the village Lymanske's — the adjective's base is looked up too."""
        sectors: dict[int, Found] = {}
        for mention in found:
            if mention.is_region or not _names_sector(text, mention):
                continue
            mention.is_sector = True
            mention.candidates = self._sector_candidates(mention.text, mention.candidates)
            sectors.setdefault(mention.sentence, mention)
        for mention in found:
            sector = sectors.get(mention.sentence)
            if sector is not None and not mention.is_region and not mention.is_sector:
                mention.sector = sector

    # -- resolving -----------------------------------------------------------------------------

    def resolve(self, found: list[Found], front: list[tuple[float, float]] | None) -> None:
        for mention in found:
            if mention.unknown:
                mention.reason = UNKNOWN_REASON
            elif mention.is_region:
                mention.choice = mention.candidates[0]
                mention.confidence = 0.9
                mention.reason = f"region ({mention.choice.reason})"
            elif mention.abroad and not (mention.region_attached or mention.anchor):
                mention.abroad_unresolved = True
                mention.confidence = 0.8
                mention.reason = abroad.REASON
        # Scores before the report's other places are weighed depend only on the name and the
        # evidence around it (anchor, region, fighting, front): computed once for each
        # distinct combination — across reports when no front is given (the front differs
        # from call to call).
        if front:
            scores: dict[tuple, list[tuple[float, Candidate]]] = {}
            decided: dict[tuple, tuple[Candidate | None, float, str, tuple | None]] = {}
        else:
            if len(self._scores) > 100_000 or len(self._decided) > 100_000:
                self._scores.clear()
                self._decided.clear()
            scores, decided = self._scores, self._decided
        front_terms: dict[str, float] = {}
        # An anchor is resolved before what it anchors ("Oleksiivka, near Yunakivka north of
        # Sumy": Sumy, then Yunakivka, then Oleksiivka).
        for mention in sorted(found, key=_anchor_depth):
            if mention.is_region or mention.abroad_unresolved or mention.unknown:
                continue
            key = (_evidence_key(mention), mention.region_attached)
            decision = decided.get(key)
            if decision is None:
                self._choose(mention, None, self._base_scores(mention, front, scores, front_terms))
                decided[key] = (mention.choice, mention.confidence, mention.reason, mention.rival)
            else:
                mention.choice, mention.confidence, mention.reason, mention.rival = decision
        # Then homonyms are weighed against the report's other places (leave-one-out), twice
        # so that two ambiguous neighbours settle each other.
        # When the first round changes no choice, the second would see the same neighbours
        # and decide the same: it is skipped.
        homonyms = [
            (index, mention)
            for index, mention in enumerate(found)
            if not mention.is_region and mention.choice is not None and len(mention.candidates) > 1
        ]
        if not homonyms:
            return self._finish(found)
        # Where each mention's place is (None for regions and the unresolved), kept current.
        lats = [_settlement_lat(m) for m in found]
        lons = [
            m.choice.place.lon if lat is not None else None
            for m, lat in zip(found, lats, strict=True)
        ]
        # Only a name no other settlement bears places its neighbours: homonyms listed
        # together could otherwise pull each other to the wrong oblast.
        unique = [
            not m.is_sector and sum(c.place.kind != PlaceKind.REGION for c in m.candidates) == 1
            for m in found
        ]
        sentences_of: dict[int, list[int]] = {}
        for index, mention in enumerate(found):
            sentences_of.setdefault(mention.sentence, []).append(index)
        # Closeness of a candidate list to context points, within this call (the lists live
        # as long as it does).
        closeness: dict[tuple, list[float]] = {}
        # The inputs of each mention's last decision: the same inputs again decide the same.
        decided_with: dict[int, tuple] = {}
        for _ in range(2):
            changed = False
            for index, mention in homonyms:
                if mention.choice is None:
                    continue
                # (its anchor's choice may have changed: the scores follow it)
                base = self._base_scores(mention, front, scores, front_terms)
                if len(base) < 2:
                    continue  # one settlement of that name (the rest are regions): nothing to weigh
                # The unambiguous places of its own sentence first ("near Stepnohirsk and
                # Kamianske"), else those around it in the report.
                same = sentences_of[mention.sentence]  # indices in order
                window = same[
                    bisect_left(same, index - CONTEXT_NEIGHBOURS) : bisect_right(
                        same, index + CONTEXT_NEIGHBOURS
                    )
                ]
                near = [j for j in window if j != index and lats[j] is not None and unique[j]]
                if near:
                    around = near
                    weight, scale = SENTENCE_WEIGHT, _TWO_R_OVER_SENTENCE_SCALE
                else:
                    low, high = max(0, index - CONTEXT_NEIGHBOURS), index + 1 + CONTEXT_NEIGHBOURS
                    around = [j for j in range(low, min(high, len(found))) if j != index]
                    around = [j for j in around if lats[j] is not None]
                    weight, scale = CONTEXT_WEIGHT, _TWO_R_OVER_SCALE
                if not around:
                    continue
                if near:
                    # each unambiguous neighbour of the sentence: a list may span two areas
                    point = tuple(sorted({(lats[j], lons[j]) for j in around}))
                else:
                    point = (
                        (_median([lats[j] for j in around]), _median([lons[j] for j in around])),
                    )
                last = decided_with.get(index)
                if last and last[0] == point and last[1] is base and last[2] is mention.choice:
                    continue
                before = mention.choice
                self._choose(
                    mention, point, base, weight=weight, two_r_over_scale=scale, memo=closeness
                )
                decided_with[index] = (point, base, mention.choice)
                if mention.choice is not before:
                    changed = True
                    lats[index] = _settlement_lat(mention)
                    lons[index] = mention.choice.place.lon if mention.choice else None
            if not changed:
                break
        self._finish(found)

    def _finish(self, found: list[Found]) -> None:
        for mention in found:
            if mention.unknown:
                _locate_unknown(mention)
        _refuse_undecided(found)
        _refuse_out_of_scene(found)
        self._mark_region_references(found)

    @staticmethod
    def _mark_region_references(found: list[Found]) -> None:
        """ "near X and Y in Donetsk Oblast": the oblast only locates X and Y — whether or
        not X is found, its claim is never moved onto the oblast."""
        for mention in found:
            if mention.region is not None:
                mention.region.reference = True

    @staticmethod
    def _base_scores(
        mention: Found,
        front: list[tuple[float, float]] | None,
        memo: dict[tuple, list[tuple[float, Candidate]]],
        front_terms: dict[str, float],
    ) -> list[tuple[float, Candidate]]:
        """Each settlement candidate's score from its name match, population, the front, the
        fighting flag, the anchor and the region (not yet the report's other places)."""
        key = _evidence_key(mention)
        scored = memo.get(key)
        if scored is not None:
            return scored
        anchor = mention.anchor.choice.place if mention.anchor and mention.anchor.choice else None
        region = mention.region.choice.place if mention.region and mention.region.choice else None
        scored = []
        anchor_point = anchor.point if anchor else None
        sector = mention.sector.choice if mention.sector else None
        sector_point = sector.place.point if sector else None
        region_codes = region.admin1_codes if region else None
        # A city's Russian name is as well known as its own (Запорожье, Днепр, Харьков); its
        # Latin alternates are often historical names villages still bear.
        city_names = has_cyrillic(mention.text)
        for candidate in mention.candidates:
            place = candidate.place
            if place.kind == PlaceKind.REGION:
                continue
            if anchor is not None and place.id == anchor.id:
                continue  # "Hrodivka (east of Myrnohrad)" is not Myrnohrad itself
            score = candidate.score
            if (
                candidate.main_name
                and place.population >= SALIENT_POPULATION
                and place.admin1_code in STRIKE_REGIONS
            ):
                score += SALIENCE_WEIGHT
            if (
                place.katottg
                and place.population > TOWN_POPULATION
                and (
                    candidate.main_name
                    or (
                        city_names
                        and place.population >= SALIENT_POPULATION
                        and _same_name(mention.text, place.name)
                    )
                )
            ):
                score += TOWN_WEIGHT * math.log10(place.population / TOWN_POPULATION)
            if (
                not candidate.main_name
                and place.population >= SALIENT_POPULATION
                and not _same_name(mention.text, place.name)
            ):
                # A city's former name that villages still bear (Melitopol was
                # Новоолександрівка): its size says nothing about which one is meant.
                score -= FORMER_NAME_PENALTY
            if mention.military and place.admin1_code in FRONT_REGIONS:
                score += FRONT_REGION_WEIGHT
            if region_codes is not None:
                inside = bool(place.admin1_codes & region_codes)
                score += REGION_HINT_WEIGHT if inside else -REGION_HINT_WEIGHT
            if mention.area is not None and getattr(place, mention.area[0]) in mention.area[1]:
                score += AREA_WEIGHT
            if anchor_point is not None:
                score += ANCHOR_WEIGHT * math.exp(
                    -haversine_km(anchor_point, place.point) / ANCHOR_SCALE_KM
                )
            elif sector_point is not None:
                score += SECTOR_WEIGHT * math.exp(
                    -haversine_km(sector_point, place.point) / SECTOR_SCALE_KM
                )
            if front:
                term = front_terms.get(place.id)
                if term is None:
                    nearest = min(haversine_km(p, place.point) for p in front)
                    term = front_terms[place.id] = FRONT_WEIGHT * math.exp(
                        -nearest / FRONT_SCALE_KM
                    )
                score += term
            scored.append((score, candidate))
        memo[key] = scored
        return scored

    def _choose(
        self,
        mention: Found,
        context: tuple[tuple[float, float], ...] | None,
        base: list[tuple[float, Candidate]],
        *,
        weight: float = CONTEXT_WEIGHT,
        two_r_over_scale: float = _TWO_R_OVER_SCALE,
        memo: dict[tuple, list[float]] | None = None,
    ) -> None:
        anchor_point = (
            mention.anchor.choice.place.point if mention.anchor and mention.anchor.choice else None
        )
        region_codes = (
            mention.region.choice.place.admin1_codes
            if mention.region and mention.region.choice
            else None
        )
        if context:
            key = (id(base), context, two_r_over_scale)
            closeness = memo.get(key) if memo is not None else None
            if closeness is None:
                closeness = _closeness(base, context, two_r_over_scale)
                if memo is not None:
                    memo[key] = closeness
            scored = [
                (score + weight * near, c) for (score, c), near in zip(base, closeness, strict=True)
            ]
        else:
            scored = list(base)
        if not scored:
            mention.choice, mention.reason = None, "only regions match this name"
            return
        scored.sort(key=lambda s: -s[0])
        best_score, best = scored[0]
        if anchor_point is not None:
            distance = haversine_km(anchor_point, best.place.point)
            large = mention.anchor.choice.place.population >= ANCHOR_LARGE_POPULATION
            if distance > (ANCHOR_MAX_KM_LARGE if large else ANCHOR_MAX_KM):
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
        mention.rival = next(
            (
                (c, best_score - score)
                for score, c in scored[1:]
                if c.reason == best.reason
                and c.main_name == best.main_name
                and haversine_km(c.place.point, best.place.point) > AMBIGUOUS_KM
            ),
            None,
        )
        base = 0.95 if best.reason in (MatchReason.EXACT, MatchReason.VARIANT) else 0.85
        mention.choice = best
        mention.confidence = min(base, 0.5 + 3 * margin)
        evidence = [str(best.reason)]
        if anchor_point is not None:
            evidence.append(f"near {mention.anchor.choice.place.name}")
        if region_codes is not None:
            evidence.append(f"region {mention.region.choice.place.name}")
        if mention.area is not None and getattr(best.place, mention.area[0]) in mention.area[1]:
            evidence.append(getattr(best.place, mention.area[0]))
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
                approx=m.approx,
            )
            for m in found
        ]


UNKNOWN_REASON = (
    "not in the gazetteer: a place by its position in the sentence (add it as a custom place)"
)
# Words before a name that make it a place: "near X", "the village of X", "seized X",
# "біля X", "в районе X", "освободили X".
_PLACE_CUE_BEFORE = re.compile(
    r"(?<!\w)(?:near|outside|around|toward|towards|(?:village|settlement|town)\s+of|seized|"
    r"captured|liberated|recaptured|entered|(?:area|areas|outskirts)\s+of|"
    r"près\s+d[e'’]|(?:localité|village)\s+d[e'’]|libéré|vers|autour\s+d[e'’]|"
    r"bei|nahe|dorf|dorfes|ortschaft|richtung|"
    r"біля|поблизу|під|села|селища|пункту|районі|районах|звільнили|захопили|в\s+бік|"
    r"около|возле|под|поселка|посёлка|пункта|районе|освободили|захватили|в\s+сторону)"
    r"\s*$",
    re.IGNORECASE,
)
_APPOSED_CUE_AFTER = re.compile(
    r"\s*[,(]\s*(?:about\s+|some\s+|environ\s+|etwa\s+)?(?:\d+\s*km\s+)?"
)
_UNKNOWN_MAX_WORDS = 3
_DIRECTION_AT = re.compile(DIRECTION_OF.pattern.removesuffix("$"), re.IGNORECASE)


def _unknown_place(text: str, first: int, run: str, sentence_start: int, end: int) -> int:
    """The end of a name the gazetteer lacks that stands where a place stands ("seized
    Sukhetske", "X, northeast of Pokrovsk", "біля Зорянівки"), or 0."""
    words = run.split()
    if len(words) > _UNKNOWN_MAX_WORDS or any(ch.isdigit() for ch in run):
        return 0
    name_end = first + len(run.rstrip())
    head = words[0]
    if (
        len(head) < 4
        or (head.isupper() and len(head) <= 5)
        or _quoted(text, Token(head, first, first + len(head)))
    ):
        return 0
    if any(stop_kind(w) is not None or is_given_name(w) for w in words):
        return 0
    if (
        head.lower() in TITLES
        or UNIT_AFTER.match(text, name_end)
        or _ADMIN_OR_RIVER_AFTER.match(text, name_end)
    ):
        return 0
    before = text[max(sentence_start, first - 30) : first]
    if _PLACE_CUE_BEFORE.search(before):
        return name_end
    after = _APPOSED_CUE_AFTER.match(text, name_end)
    if after and _DIRECTION_AT.match(text, after.end()):
        return name_end
    return 0


def _locate_unknown(mention: Found) -> None:
    """An approximate location for a name the gazetteer lacks, from the cue that places it."""
    anchor = mention.anchor.choice.place if mention.anchor and mention.anchor.choice else None
    if anchor is None:
        return
    mention.approx = cues.located(anchor.point, mention.cue)
    lat, lon, radius = mention.approx
    mention.reason = (
        f"{UNKNOWN_REASON}; the text places it by {anchor.name}: about {lat:.3f}, {lon:.3f}, "
        f"within {radius:.0f} km"
    )


def _refuse_undecided(found: list[Found]) -> None:
    """Homonyms far apart that nothing in the text tells apart stay unresolved."""
    for mention in found:
        if mention.choice is None or mention.rival is None:
            continue
        rival, margin = mention.rival
        place = mention.choice.place
        if margin >= AMBIGUOUS_MARGIN:
            continue
        mention.reason = (
            f"ambiguous: {place.name} ({place.admin1}) or {rival.place.name} "
            f"({rival.place.admin1}), {haversine_km(place.point, rival.place.point):.0f} km "
            "apart, and the text does not say which"
        )
        mention.choice, mention.confidence = None, 0.0


def _same_name(written: str, name: str) -> bool:
    """Whether a city's other name is a form of its own (Запорожье, Днепр, Харьков), not a
    former name villages still bear (Melitopol was Новоолександрівка)."""
    return fuzz.ratio(skeleton(written)[:8], skeleton(name)[:8]) >= 60


def _refuse_out_of_scene(found: list[Found]) -> None:
    """A village chosen in another country than every other settlement of its sentence, far
    from all of them, is the homonym of a place the gazetteer lacks: Kursk Oblast villages
    near Sudzha are not their namesakes in Sumy or Luhansk oblasts."""
    by_sentence: dict[int, list[Found]] = {}
    for mention in found:
        if not mention.is_region and mention.choice is not None:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    refused: list[tuple[Found, str]] = []
    for mentions in by_sentence.values():
        # the sentence's firm places: named exactly as written (the mentions refused are not)
        firm = [
            m.choice.place
            for m in mentions
            if not m.is_sector and m.choice.reason == MatchReason.EXACT
        ]
        countries = {p.country for p in firm}
        for mention in mentions:
            place = mention.choice.place
            if place.population >= SCENE_MAX_POPULATION:
                continue
            if mention.choice.reason == MatchReason.EXACT or not firm or place.country in countries:
                continue
            nearest = min(firm, key=lambda o: haversine_km(o.point, place.point))
            distance = haversine_km(nearest.point, place.point)
            if distance > SCENE_MAX_KM:
                refused.append(
                    (
                        mention,
                        (
                            f"the text places it by {nearest.name} ({nearest.country}), but the "
                            f"gazetteer's {place.name} is in {place.admin1}, "
                            f"{distance:.0f} km away; "
                            "the place meant is probably missing (add it as a custom place)"
                        ),
                    )
                )
    for mention, reason in refused:
        mention.choice, mention.confidence, mention.reason = None, 0.0, reason


def _upper_class() -> str:
    """A regex character class body of the upper-case letters of the Basic Multilingual
    Plane, as ranges."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# An English possessive at the end of a word of a run: "Kyiv's", "Kherson’s".
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s$")
# A Ukrainian or Russian genitive plural with a fleeting vowel: Олешок (Олешки), Гірок (Гірки).
# The Ukrainian names of regions after their centres: Харківщина, Донеччина, Сумщині.
_REGION_SUFFIX = re.compile(r"(?:щин|ччин)[аиіуою]{1,2}$", re.IGNORECASE)
_PLURAL_GENITIVE = re.compile(r"([бвгґджзйклмнпрстфхцчшщ])[оеє]к$", re.IGNORECASE)
_LETTER = r"[^\W\d_]"
_WORD_REST = rf"(?:{_LETTER}|['’ʼ`](?={_LETTER})|-(?={_LETTER}))*"  # as text.tokens reads words
_UPPER = _upper_class()
_REGION_WORDS = "|".join(sorted((w for w in REGION_AFTER if "'" not in w), key=len, reverse=True))
# A capitalised word at the start of a word (not after a letter, "letter-" or "letterʼ"), then
# up to three more words, each after one space or a hard line wrap ("Velyka\nNovosilka"):
# capitalised, or a region word ("Sumy oblast").
_CAPITAL_RUN = re.compile(
    rf"[{_UPPER}](?<!{_LETTER}.)(?<!{_LETTER}-.)(?<!{_LETTER}[ʼ`].){_WORD_REST}"
    rf"(?:[ \u00a0\n](?:[{_UPPER}]{_WORD_REST}|(?i:{_REGION_WORDS})(?!{_LETTER}|['’ʼ`-]{_LETTER}))"
    rf"){{0,{MAX_WORDS - 1}}}"
)
_RUN_WORD = re.compile("[^ \u00a0\n]+")
_ELISIONS = frozenset({"d", "l", "n", "j", "m", "s", "t", "c", "qu"})


def _elision_start(text: str, first: int) -> bool:
    """Whether the capital at `first`, after an apostrophe, begins a word once a French
    elision is set aside ("d'Avdiivka", not "aujourd'Hui")."""
    letters = first - 1
    while letters > 0 and text[letters - 1].isalpha():
        letters -= 1
    if text[letters : first - 1].lower() not in _ELISIONS:
        return False
    before = text[letters - 1 : letters]
    return not (before in "'’ʼ`-" and before and letters >= 2 and text[letters - 2].isalpha())


def _may_follow_region_word(text: str, first: int, sentence_start: int) -> bool:
    """Cheap test before REGION_BEFORE: what precedes ends like "de", "d'", "Oblast"."""
    before = text[first - 2 : first] if first >= 2 else ""
    if not (
        before[-1:] in ("'", "’")
        or (before[-1:].isspace() and (before[0] in "eatnkEATNK" or before[0].isspace()))
    ):
        return False
    tail = text[max(sentence_start, first - 12) : first].rstrip().lower()
    return tail.endswith(_REGION_WORD_TAILS)


_REGION_WORD_TAILS = ("de", "d'", "d’", "la", "l'", "l’", "oblast", "gebiet", "region", "bezirk")

_QUOTES_OPEN = '«“„"‹'  # not the apostrophe: "d'Oukraïnsk"
_QUOTES_CLOSE = '»”“"›'


def _quoted(text: str, word: Token) -> bool:
    before = text[word.start - 1 : word.start] if word.start else ""
    after = text[word.end : word.end + 1]
    return before in _QUOTES_OPEN and before != "" and (after in _QUOTES_CLOSE or after == " ")


def _is_actor(text: str, mention: Found) -> bool:
    """A capital named as the speaker: "Selon Moscou", "Moscow claimed", "Kyiv says"."""
    if ACTOR_AFTER.match(text[mention.end : mention.end + 20]):
        return True
    tail = text[max(0, mention.start - 20) : mention.start]
    return tail.rstrip().lower().endswith(ACTOR_TAILS) and bool(ACTOR_BEFORE.search(tail))


# How the text before a mention ends when ACTOR_BEFORE, DIRECTION_OF or NEAR_OF may match
# there: a cheap test that spares the regex search for most mentions.
ACTOR_TAILS = ("to", "selon", "laut", "словами", "словам", "данным", "даними")
ANCHOR_TAILS = (
    *("of", "the", "de", "d'", "d’", "lich", "von", "ше", "від", "ее", "от"),
    *("near", "to", "from", "outside", "bei", "nahe", "unweit", "біля", "поблизу"),
    *("неподалік", "під", "около", "возле", "под", "вблизи", "stadt", "міста", "села"),
    *("селища", "города", "посёлка", "поселка"),
)


# Cyrillic adjective endings (nominative): Нове, Морський, Черноморский, Ударні.
_ADJECTIVE_END = re.compile(r"(?:ий|ій|ый|ой|ое|ее|е|є|ні|ые|ие|ая|яя)$")
# How a lower-case word after it may show it is a verb or an adverb, so the capitalised
# word is the subject ("Курахове залишається ...", "Мирне знову ..."), not an adjective.
_VERB_END = re.compile(
    r"(?:ся|сь|ть|ти|в|л|ла|ло|ли|є|ють|ять|ує|ює|ить|ет|ут|ют|ат|ят|но|то|ем|им|ом|ою|ки)$"
)
_NOT_NOUNS = frozenset(
    """і й та а але або чи й під над на в у з із до біля від також знову досі вже ще майже
    нині наразі повністю частково остаточно фактично и но или под над на в с со к от около
    также тоже снова уже ещё еще почти сейчас полностью частично окончательно фактически
    —""".split()
)


def _initial_adjective(text: str, mention: Found, sentence_start: int) -> bool:
    """A capitalised adjective at the start of a sentence before the noun it qualifies:
    "Нове укриття ...", "Морський дрон ...", "Черноморский флот ..." — capitalised only by
    its position. A place there is followed by a verb, an adverb or a conjunction."""
    if text[sentence_start : mention.start].strip(" \u00a0\n\t«“\"'„-–—"):
        return False
    word = mention.text
    if " " in word or not has_cyrillic(word) or not _ADJECTIVE_END.search(word.lower()):
        return False
    if text[mention.end : mention.end + 1] != " ":
        return False
    after = text[mention.end + 1 : mention.end + 30].split(maxsplit=1)
    if not after:
        return False
    following = after[0]
    if not (following.isalpha() and following.islower() and has_cyrillic(following)):
        return False
    return following not in _NOT_NOUNS and not _VERB_END.search(following)


_LIST_SEPARATOR = re.compile(r"\s*(?:,|and|et|und|і|й|та|и|or|ou|oder|або|или)\s*", re.IGNORECASE)


def _listed_with_places(text: str, found: list[Found], index: int) -> bool:
    """Named in a list with other settlements ("aus Kiew, Lwiw und Luzk"): a place. Two
    capitals side by side ("Moscow and Kyiv traded accusations") are still two governments."""
    mention = found[index]
    neighbours = found[max(0, index - 1) : index] + found[index + 1 : index + 2]
    for other in neighbours:
        if other.sentence != mention.sentence or other.is_region or not other.candidates:
            continue
        place = other.candidates[0].place
        if capitals.is_capital_candidate(place.country, place.name):
            continue
        first, second = sorted((other, mention), key=lambda m: m.start)
        if _LIST_SEPARATOR.fullmatch(text, first.end, second.start):
            return True
    return False


def _names_government(text: str, mention: Found, sentence_start: int) -> bool:
    """A capital standing for its government ("Moscow said", "Kiew bestätigte")."""
    if mention.is_region or not mention.candidates:
        return False
    place = mention.candidates[0].place
    if not capitals.is_capital_candidate(place.country, place.name):
        return False
    return capitals.names_government(text, mention.start, mention.end, sentence_start)


# After a name: a river ("the Vovcha River", "Dnipro-Ufer"), or an administrative unit that an
# adjective names ("Сумської громади", "Грайворонского округа", "Покровського району").
_ADMIN_OR_RIVER_AFTER = re.compile(
    r"(?:\s+(?:river|rivière)|-(?:ufer|fluss))\b|"
    r"\s+(?:міськ\w+\s+|сільськ\w+\s+|селищн\w+\s+|городск\w+\s+|муниципальн\w+\s+)?"
    r"(?:громад[аиіу]|громадою|район[уіа]?|районом|району|округ[ауе]?|округом|district|"
    r"hromada|community|municipality)(?!\w)",
    re.IGNORECASE,
)
_FORCES_GROUP_BEFORE = re.compile(
    r"(?:groupement|group|grouping|gruppierung|gruppe)\s+(?:de\s+forces|des\s+forces|"
    r"of\s+forces|der\s+streitkräfte)\s+[«\"„“]?\s*$|"
    r"(?:группировк\w*|угрупованн\w*)\s+(?:войск|військ)\s+[«\"„“]?\s*$",
    re.IGNORECASE,
)
# How the text before a name ends when those may match (a cheap test before the regex).
_FORCES_TAILS = ("forces", "streitkräfte", "войск", "військ")
_OF_TAILS = ("of", "the", "de", "la", "l'", "l’", "d'", "d’", "von", "du", "der")
_RIVER_WORDS = frozenset(
    "river rivière fluss fleuve річка річки річці річку река реки реке реку".split()
)
_AUTHORITY_OF = re.compile(
    r"(?:administration|authorities|autorités(?:\s+\w+)?|governor|gouverneur|verwaltung|"
    r"gebietsverwaltung|militärverwaltung|behörden|stadtverwaltung)\s+(?:of|de|d['’]|von|du)"
    r"\s+(?:the\s+|la\s+|l['’]|der\s+)?$",
    re.IGNORECASE,
)


def _names_other_thing(text: str, mention: Found) -> bool:
    """A unit, grouping or ship named like a place ("cruiser Moskva", "le groupement
    « Dniepr »", "the Azov and Khartiia brigades", "Khortytsia group"), or a person named
    right after a reporting verb at the end of a clause ("заявил Сальдо.", "a indiqué Ivan
    Fedorov", "повідомив міський голова Андрій Садовий")."""
    if UNIT_AFTER.match(text, mention.end) or _ADMIN_OR_RIVER_AFTER.match(text, mention.end):
        return True
    tail = text[max(0, mention.start - 12) : mention.start].rstrip(' «"„“').lower()
    if tail.endswith(_OF_TAILS) and _AUTHORITY_OF.search(
        text, max(0, mention.start - 40), mention.start
    ):
        return True  # "die Gebietsverwaltung von Sumy", "les autorités régionales de Soumy"
    if tail.endswith(_FORCES_TAILS) and _FORCES_GROUP_BEFORE.search(
        text, max(0, mention.start - 45), mention.start
    ):
        return True  # "le groupement de forces Vostok", "the Group of Forces Tsentr"
    previous = _previous_word(text, mention.start, 0).lower()
    if previous in _RIVER_WORDS:
        return True  # "the river Vovcha", "річки Вовча"
    if UNIT_OR_VESSEL_WORD.fullmatch(previous) or _ORDINAL.fullmatch(previous):
        return True  # "cruiser Moskva"; "the 76th Pskov division": nothing ordinal is a place
    if _inside_title(text, mention):
        return True
    if not (previous in SPEAKER_LAST_WORDS or previous.startswith(SPEAKER_LAST_PREFIXES)):
        return False
    after = text[mention.end : mention.end + 2]
    if not (after == "" or after[0] in '.,;:!?)»”"\n' or after[1:].isupper()):
        return False
    return bool(SPEAKER_BEFORE.search(text[max(0, mention.start - 60) : mention.start]))


_SPACES_AND_QUOTES = ' \u00a0«“"„‹'
# An ordinal number written with digits: 76th, 2nd, 155e, 3ème, 47-я, 92-ї, 1-й.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|re|ème|eme|-?(?:а|я|й|ї|го|та|ша|ма))")
_TITLE_MAX_CHARS = 40


def _inside_title(text: str, mention: Found) -> bool:
    """A name inside a short quoted title that starts with another capitalised word: a unit,
    an outlet, an operation (brigade « Anne de Kyiv », «Эхо Москвы»), not a scene. A name
    that is the whole quote, or quoted speech (which starts lower-case or runs long), is
    not this."""
    window = text[max(0, mention.start - _TITLE_MAX_CHARS) : mention.start]
    opening = max(window.rfind(q) for q in "«„“‹")
    if opening < 0 or any(q in window[opening + 1 :] for q in "»”›"):
        return False
    if window[opening] == "“" and "„" in window[:opening]:
        return False  # German „…“: this “ closes a quote
    inside = window[opening + 1 :].strip(" \u00a0")
    if not inside or not inside[0].isupper() or len(inside.split()) > 3:
        return False
    after = text[mention.end : mention.end + _TITLE_MAX_CHARS]
    closing = min((i for i in (after.find(q) for q in "»”“›") if i >= 0), default=-1)
    return closing >= 0 and len(after[:closing].split()) <= 2


def _previous_word(text: str, position: int, lower_bound: int) -> str:
    """The word before `position` (quotes and spaces between set aside)."""
    end = position
    while end > lower_bound and text[end - 1] in _SPACES_AND_QUOTES:
        end -= 1
    start = max(lower_bound, end - 40)
    cut = max(text.rfind(" ", start, end), text.rfind("\u00a0", start, end))
    word = text[cut + 1 if cut >= 0 else start : end]
    if "\n" in word or "\t" in word:
        word = word.split()[-1] if word.split() else ""
    return word.strip(".,;:()[]\"'«»“”„")


def _near_cue_before(text: str, target: Found, sentence_start: int) -> bool:
    """Whether the place itself follows a "near" ("near Pokrovsk, near Lyman" is a list of two
    scenes, not one place located by the other)."""
    window = text[max(sentence_start, target.start - 30) : target.start]
    return bool(NEAR_OF.search(window) or NEAR_BEFORE.search(window))


def _anchor_depth(mention: Found) -> int:
    depth, seen = 0, mention.anchor
    while seen is not None and depth < 8:
        depth, seen = depth + 1, seen.anchor
    if mention.sector is not None and mention.anchor is None:
        depth += 1  # after the direction that locates it
    return depth


# An operational direction named after a town: "the Lyman direction", "на Лиманському
# напрямку", "на Купянском направлении", "Richtung Kupjansk", "direction de Koupiansk".
_SECTOR_AFTER = re.compile(
    r"[ \u00a0]+(?:direction|axis|sector|front|направлени\w*|напрям\w*|участк\w*|"
    r"Frontabschnitt|Abschnitt|Richtung)\b",
    re.IGNORECASE,
)
_SECTOR_BEFORE = re.compile(
    r"(?:direction|axe|secteur|front|Richtung|Frontabschnitt|Abschnitt|Raum)\s+(?:de\s+|d['’]\s*)?$",
    re.IGNORECASE,
)


_TAG = re.compile(r"<[^<>]{0,40}>")  # "<b>Stepova Novoselivka</b>, southeast of Kupiansk"
_APPOSED_NEAR = re.compile(r"\s*,?\s*$")
_CLAUSE_TO_CUE = re.compile(r"[^.;:!?\n]{0,40},\s*$")


def _direction_before(text: str, position: int) -> bool:
    """Whether a direction cue ("north of", "південніше", "à l'est de") ends at `position`."""
    tail = text[max(0, position - 14) : position].rstrip().lower()
    return tail.endswith(ANCHOR_TAILS) and bool(
        DIRECTION_OF.search(text, max(0, position - 40), position)
    )


def _anchor_forward(text: str, found: list[Found]) -> None:
    """ "advanced north of Siversk, near Serebrianka", "на південний схід від Костянтинівки,
    поблизу Яблунівки": the place a direction is taken from anchors the place named next."""
    for first, second in pairwise(found):
        if first.sentence != second.sentence or first.is_region or second.is_region:
            continue
        if second.anchor is not None:
            continue
        if not _direction_before(text, first.start):
            continue
        cue = NEAR_OF.search(text, first.end, second.start)
        if cue is None or not _APPOSED_NEAR.match(text[first.end : cue.start()]):
            continue
        if first.anchor is second:  # read at first as "Siversk, near Serebrianka"
            first.anchor = None
            second.reference = any(m.anchor is second for m in found)
        second.anchor = first
        first.reference = True
    # "advanced west of Hryshyne, northwest of Pokrovsk": a second direction after a comma
    # locates the first place; it is no scene of its own.
    for first, second in pairwise(found):
        if first.sentence != second.sentence or first.is_region or second.is_region:
            continue
        if second.reference or first.anchor is not None:
            continue
        cue = DIRECTION_OF.search(text, max(first.end, second.start - 40), second.start)
        if cue is None or not _CLAUSE_TO_CUE.match(text, first.end, cue.start()):
            continue
        if not _direction_before(text, first.start):
            continue
        if not _may_be_near(first, second):
            continue  # "north of Kupiansk, south of Vovchansk": two scenes
        first.anchor = second
        second.reference = True


def _may_be_near(a: Found, b: Found, limit_km: float = ANCHOR_SCALE_KM) -> bool:
    """Whether some reading of the two names puts them close together."""
    points_a = [c.place.point for c in a.candidates[:3] if c.place.kind != PlaceKind.REGION]
    points_b = [c.place.point for c in b.candidates[:3] if c.place.kind != PlaceKind.REGION]
    return any(haversine_km(p, q) <= limit_km for p in points_a for q in points_b)


# "Курахівської міської громади", "Покровського району", "Pokrovsk raion", "Kurakhove hromada"
_AREA_PHRASE = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’-]++)\s++(?:(?:міськ|сільськ|селищн|городск|сельск|поселков)\w*+\s++)?"
    r"(громад\w*|район\w*|raion|hromada|district)(?!\w)",
    re.IGNORECASE,
)


def _names_sector(text: str, mention: Found) -> bool:
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_SECTOR_AFTER.match(text, mention.end) or _SECTOR_BEFORE.search(before))


# The adjective ending of a direction named after a town: Лиманському → Лиман, Купянском →
# Купян(ськ); the base is looked up too.
_ADJECTIVE_SUFFIX = re.compile(r"(?:ськ|цьк|ск|цк)\w*$|(?:ський|ському|ського|ском|ского|ский)$")


def _hyphen_parts(word: Token) -> list[Token]:
    parts, offset = [], word.start
    for piece in word.text.split("-"):
        parts.append(Token(piece, offset, offset + len(piece)))
        offset += len(piece) + 1
    return parts


def _previous_in_sentence(found: list[Found], index: int) -> Found | None:
    """The settlement mentioned last before this one, in its sentence, within 80 characters."""
    mention = found[index]
    for before in range(index - 1, -1, -1):
        other = found[before]
        if other.sentence != mention.sentence or mention.start - other.end > 80:
            return None
        if not other.is_region:
            return other
    return None


def _evidence_key(mention: Found) -> tuple:
    """What a mention's candidate scores depend on, before the report's other places."""
    anchor = mention.anchor.choice if mention.anchor else None
    region = mention.region.choice if mention.region else None
    return (
        id(mention.candidates),
        mention.military,
        anchor.place.id if anchor else None,
        region.place.id if region else None,
        mention.sector.choice.place.id if mention.sector and mention.sector.choice else None,
        mention.area,
    )


_TRIGONOMETRY: dict[int, tuple[list, list[tuple[float, float, float]]]] = {}


def _closeness(
    base: list[tuple[float, Candidate]],
    points: tuple[tuple[float, float], ...],
    two_r_over_scale: float,
) -> list[float]:
    """exp(-distance / scale) from each candidate to the nearest of the points (haversine,
    inlined: this runs for every homonym of every report)."""
    sin, exp, asin, sqrt, radians, cos = (
        math.sin,
        math.exp,
        math.asin,
        math.sqrt,
        math.radians,
        math.cos,
    )
    anchors = [(radians(lat), radians(lon), cos(radians(lat))) for lat, lon in points]
    closeness = []
    for lat, lon, cos_lat in _trigonometry(base):
        nearest = min(
            asin(
                sqrt(
                    min(
                        1.0,
                        sin((lat - lat0) / 2) ** 2 + cos0 * cos_lat * sin((lon - lon0) / 2) ** 2,
                    )
                )
            )
            for lat0, lon0, cos0 in anchors
        )
        closeness.append(exp(-two_r_over_scale * nearest))
    return closeness


def clear_trigonometry() -> None:
    _TRIGONOMETRY.clear()


def _trigonometry(base: list[tuple[float, Candidate]]) -> list[tuple[float, float, float]]:
    """(lat, lon in radians, cos lat) of each scored candidate, remembered per scored list."""
    known = _TRIGONOMETRY.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    values = []
    for _, candidate in base:
        lat = math.radians(candidate.place.lat)
        values.append((lat, math.radians(candidate.place.lon), math.cos(lat)))
    if len(_TRIGONOMETRY) > 100_000:
        _TRIGONOMETRY.clear()
    _TRIGONOMETRY[id(base)] = (base, values)
    return values


def _settlement_lat(mention: Found) -> float | None:
    return mention.choice.place.lat if mention.choice and not mention.is_region else None


def _median(values: list[float]) -> float:
    values.sort()
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2
