"""Resolving each place name to one place, with the evidence a human uses, in this order of
strength: a relative cue ("Udachne (southwest of Pokrovsk)"), a region named in the same
sentence ("in Sumy Oblast"), a raion or hromada, an operational direction, the other places
of the sentence and of the report, closeness to the front (points of stored claims), and the
gazetteer's own ranking (name match, population, theatre). When a cue says the place is
somewhere the gazetteer has no such name, or the evidence does not decide between far-apart
homonyms, the mention stays unresolved, with the reason."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from tracker import front_line
from tracker.extract import abroad, capitals, cues
from tracker.extract.anchors import ANCHOR_SCALE_KM
from tracker.extract.borders import BorderDistances
from tracker.extract.city_districts import refuse_districts_of_unnamed_cities
from tracker.extract.closeness import closeness_to
from tracker.extract.found import UNKNOWN_REASON, Found
from tracker.extract.namesakes import name_key
from tracker.extract.place_lookup import STRIKE_REGIONS, PlaceLookup
from tracker.extract.refusals import AMBIGUOUS_MARGIN_BY_CONTEXT, finish
from tracker.extract.spellings import read_spelled_otherwise
from tracker.gazetteer import (
    EARTH_RADIUS_KM,
    Candidate,
    MatchReason,
    haversine_km,
    spelled_in_ukrainian,
)
from tracker.model import Place, PlaceKind
from tracker.names import RUSSIAN_ONLY_LETTERS, has_cyrillic, skeleton

ANCHOR_WEIGHT = 0.6
# A candidate on the other side of the anchor than the cue's compass word keeps this share of
# its closeness.
WRONG_SIDE_FACTOR = 0.5
ANCHOR_MAX_KM = 60.0  # a cue "X (south of Y)" puts X within this distance of Y
# ... or of a large city Y: "Bila Tserkva, south of Kyiv" is 80 km from Kyiv; a city of a
# million is a reference point for its whole surroundings.
ANCHOR_MAX_KM_LARGE = 120.0
# A reference's namesake this close to its best score may be taken for the place it locates.
ANCHOR_SWAP_GAP = 0.2
# ... and when the place it locates bears a name no other place does
ANCHOR_SWAP_GAP_UNIQUE = 0.35
# ... and a pair with the anchor's namesake must beat the first reading's by this much
# ... and when the place it locates was placed by the report's other places
ANCHOR_FOLLOW_GAP = 0.35
PAIR_MARGIN = 0.05
PAIR_OWN_SLACK = 0.02
PAIR_MAX_RIVALS = 6
ANCHOR_LARGE_POPULATION = 500_000
REGION_HINT_WEIGHT = 0.35
# A region named earlier in the sentence may frame it ("В Курской области ... X") or be
# left behind by it ("took Avdiivka in Donetsk Oblast, now advance near X"): a lighter hint.
REGION_BEFORE_WEIGHT = 0.15
CONTEXT_WEIGHT = 0.2
# A dateline's city ("KHARKIV (Reuters) -") is where the story was written, no neighbour of its
# places: a regional desk's stories are mostly about its oblast (`_written_about`), a
# capital's about anywhere.
DATELINE_WEIGHT = 0.2
FRONT_TOWN_KM = 40.0  # ... ground fighting lies this near the front, whatever the desk
CONTEXT_NEIGHBOURS = 12  # the report's other places: this many mentions either side
CONTEXT_SCALE_KM = 120.0
# The other places of the mention's own sentence: a list ("near X, Y and Z") is one scene.
SENTENCE_WEIGHT = 0.3
SENTENCE_SCALE_KM = 60.0
# A sentence's names none of which is unique ("near Andriivka, Herasymivka and Oleksandrivka"):
# the candidates of each that lie close to likely namesakes of the others.
SIBLING_WEIGHT = 0.3
# A sibling's namesakes within this of its best score count (wide enough for a village the
# front prior ranks a little lower, "Andriivka ... Kindrativka" by Sumy; not a town's namesakes
# more than a few villages' population below it: Huliaipole the town).
SIBLING_SCORE_GAP = 0.045
SIBLING_MAX_CANDIDATES = 15
SIBLING_BY_THE_REPORT_KM = 25.0  # ... or this near a place the report names elsewhere
SIBLING_NEAR_KM = 10.0
# Two cities this large and this far apart named together are no neighbours ("удари по Львову
# та Вінниці": Vinnytsia, 300 km off, not Vynnyky by Lviv)
SIBLING_CITY = 100_000
SIBLING_CITIES_APART_KM = 200.0
_SIBLING_NEAR_BONUS = math.exp(SIBLING_NEAR_KM / SENTENCE_SCALE_KM)
# A name said twice in a sentence near references this far apart names two places (twice as
# far for a direction's town)
SCENE_APART_KM = 30.0
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
TOWN_NAME_PENALTY = 0.15
# A namesake of a city this close to another city of its list may be the place meant
# ("Запорожье и Каменское": the village by Stepnohirsk).
LIST_NEIGHBOUR_KM = 50.0
# Places this close to a namesake set apart from another are that namesake's scene.
NAMESAKE_SCENE_KM = 15.0
# A region framing a place loosely says nothing against a candidate this close to its border.
REGION_SLACK_KM = 12.0
RENAMED_TOWN_WEIGHT = 0.1
CASE_FORM_CITY_WEIGHT = 0.1  # a Russian case form of a city's Russian name, in Russian text
_RENAMED_REASONS = (MatchReason.EXACT, MatchReason.VARIANT)
CENTRE_WEIGHT = 0.05
CENTRE_MIN_POPULATION = 1_000  # (a hamlet in a hromada named like it is no centre)
# A namesake set apart without a cue of its own is the well-known city of the name if there is
# one ("la grande ville de Rivne"); a small town is no more likely than a village.
CITY_APART = 50_000
# What the text says a place is ("the city of", "le village de"): a place of another size
# than the word's loses this much.
KIND_WEIGHT = 0.35
TOWN_KIND_MIN_POPULATION = 3_000
AIRFIELD_MIN_POPULATION = 300  # (an airfield's village is no hamlet)
# Where a town called a port lies: by the Black and Azov seas, the Danube, the Dnipro's
# reservoirs and Russia's southern coast
PORT_REGIONS = frozenset(
    {
        "Odesa Oblast",
        "Mykolaiv Oblast",
        "Kherson Oblast",
        "Zaporizhzhia Oblast",
        "Donetsk Oblast",
        "Crimea",
        "Sevastopol",
        "Kyiv City",
        "Kyiv Oblast",
        "Cherkasy Oblast",
        "Poltava Oblast",
        "Dnipropetrovsk Oblast",
        "Krasnodar Krai",
        "Rostov Oblast",
    }
)
VILLAGE_KIND_MAX_POPULATION = 20_000  # (a large village or a small town is called either)
REFERENCE_TOWN_WEIGHT = 0.1
# A hamlet abroad whose recorded population is a handful (GeoNames' "Klintsy" of Kursk Oblast,
# 3 people) against a town of its name (Klintsy of Bryansk Oblast, 66,000): a neighbouring
# place of the report alone does not make it the one meant. (Foreign places without a recorded
# population, 0, are towns as often as not: no penalty.)
HAMLET_POPULATION = 50
HAMLET_PENALTY = 0.3
TOWN_WEIGHT = 0.12
# A direction named in the sentence ("на Лиманському напрямку") pulls its villages near the
# namesake town, more loosely than an anchor: a direction runs some 30–60 km.
SECTOR_WEIGHT = 0.25
SECTOR_TOWN_WEIGHT = 0.2
SECTOR_SCALE_KM = 60.0
# A Russian group of forces named in the sentence: its stretch of the front, as loosely as a
# direction.
ZONE_WEIGHT = 0.2
ZONE_SCALE_KM = 60.0
# "in the east of the region": closeness to the part's middle (a region is ~200 km across);
# it outweighs a town named earlier near the other namesake ("Nikopol ... in the east of the
# region ... Pokrovske") by more than the refusal margin
PART_WEIGHT = 0.5
# "Zolochiv in western Ukraine": a place in the part of the country said of it (a region's
# hint, as loose as one named before the place)
COUNTRY_PART_WEIGHT = 0.25
PART_SCALE_KM = 60.0
# A raion or hromada named in the sentence ("Курахівської міської громади"): its settlements.
AREA_WEIGHT = 0.5
# A border its sentence names ("on the border of X and Y oblasts", "біля адмінмежі з X"):
# places within BORDER_NEAR_KM of the other region's settlements are all at the border (the
# gazetteer has points, not outlines), farther ones less so.
BORDER_WEIGHT = 0.2
# The state border named without a region ("near the border"): the regions across it.
RU_BORDER_REGIONS = frozenset({"RU.09", "RU.10", "RU.41"})  # Belgorod, Bryansk, Kursk
UA_BORDER_REGIONS = frozenset({"UA.02", "UA.07", "UA.21"})  # Chernihiv, Kharkiv, Sumy
STATE_BORDER = RU_BORDER_REGIONS | UA_BORDER_REGIONS
BORDER_NEAR_KM = 20.0
# A village the text puts at the state border lies within this of it (the border oblasts'
# frontier villages are within some 30 km; a raion's is within 60).
BORDER_VILLAGE_MAX_KM = 100.0
BORDER_SCALE_KM = 20.0
# A place named otherwise than as written, this far from the point of every region its
# sentence names (a region is some 200 km across), is a namesake of one the gazetteer lacks.
REGION_FAR_KM = 150.0
# Homonyms this far apart that the evidence barely tells apart: refused, not guessed.
AMBIGUOUS_KM = 50.0
# "X, not the one near Y": no place of the name within this of Y is X
NOT_NEAR_KM = 25.0
# ... and with no other place in its sentence, the best of the others must lead by this
NOT_NEAR_MARGIN = 0.06
# Two mentions placed this close are one place ("X ... not to be confused with X" are two).
SAME_PLACE_KM = 5.0


class Resolver:
    """Resolves the mentions of one report after another; remembers the scores of each name
    under the same evidence across reports (while the lookup keeps its candidate lists)."""

    def __init__(self, places: PlaceLookup) -> None:
        self.places = places
        # Scores and first decisions per name and evidence (keyed by the identity of a
        # candidate list of the lookup: emptied whenever its lists are).
        self._scores: dict[tuple, list[tuple[float, Candidate]]] = {}
        self._decided: dict[tuple, tuple[Candidate | None, float, str, tuple | None]] = {}
        self._generation = places.generation
        self._borders: tuple[tuple[int, int], BorderDistances] | None = None

    def resolve(self, found: list[Found], front: list[tuple[float, float]] | None) -> None:
        for mention in found:
            if mention.unknown:
                mention.reason = UNKNOWN_REASON
            elif mention.is_region:
                mention.choice = mention.candidates[0]
                mention.confidence = 0.9
                mention.reason = f"region ({mention.choice.reason})"
            elif mention.abroad and not (
                mention.region_attached
                or mention.anchor
                or (mention.military and abroad.home_too(mention.text))
            ):
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
            if (
                len(self._scores) > 100_000
                or len(self._decided) > 100_000
                or self._generation != self.places.generation
            ):
                self._scores.clear()
                self._decided.clear()
                self._generation = self.places.generation
            scores, decided = self._scores, self._decided
        front_terms: dict[str, float] = {}
        # An anchor is resolved before what it anchors ("Oleksiivka, near Yunakivka north of
        # Sumy": Sumy, then Yunakivka, then Oleksiivka).
        # (a dateline's city first: a regional desk's oblast weighs for the rest)
        for mention in sorted(found, key=lambda m: (not m.in_dateline, _anchor_depth(m))):
            if mention.is_region or mention.abroad_unresolved or mention.unknown:
                continue
            key = _evidence_key(mention)
            decision = decided.get(key)
            if decision is None:
                self._choose(mention, None, self._base_scores(mention, front, scores, front_terms))
                decided[key] = (mention.choice, mention.confidence, mention.reason, mention.rival)
            else:
                mention.choice, mention.confidence, mention.reason, mention.rival = decision
            if mention.anchor is not None:
                if mention.choice is None:
                    self._reconcile_anchor(mention, front, scores, front_terms)
                else:
                    self._pair_with_anchor(mention, front, scores, front_terms)
            if mention.in_dateline:
                _written_from(mention, found)
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
            _take_what_the_text_says(found)  # ("X, який окупанти називають Y")
            read_spelled_otherwise(self.places, found)
            self._refuse_far_from_the_border(found)
            refuse_districts_of_unnamed_cities(self.places, found)
            return finish(found)
        # Places refused by their anchor's first reading, with that reading: read again if the
        # report's other places move the anchor to a namesake ("біля Малих Щербаків, поблизу
        # Кам'янського": the city of Kamianske first, then the village near Stepove).
        refused_by_anchor = [
            (mention, mention.anchor.choice.place.id)
            for mention in found
            if mention.choice is None
            and mention.anchor is not None
            and mention.anchor.choice is not None
            and not (mention.is_region or mention.abroad_unresolved or mention.unknown)
        ]
        # Where each mention's place is (None for regions and the unresolved), kept current.
        lats = [_settlement_lat(m) for m in found]
        lons = [
            m.choice.place.lon if lat is not None else None
            for m, lat in zip(found, lats, strict=True)
        ]
        # Only a name no other settlement bears places its neighbours: homonyms listed
        # together could otherwise pull each other to the wrong oblast.
        unique = [not m.is_sector and m.settlement_candidates() == 1 for m in found]
        # Each mention's `name_key`, read once (its candidates do not change here; the
        # neighbours' keys are compared for every homonym near them)
        names = [name_key(m) if m.candidates else None for m in found]
        sentences_of = _scenes(found)
        # Closeness of a candidate list to context points, within this call (the lists live
        # as long as it does).
        closeness: dict[tuple, list[float]] = {}
        # The inputs of each mention's last decision: the same inputs again decide the same.
        decided_with: dict[int, tuple] = {}
        # How well each candidate of a mention with no unambiguous neighbour fits among the
        # candidates of its sentence's other names, per mention and scored list (an anchor's
        # new choice makes a new list).
        support: dict[tuple[int, int], list[float] | None] = {}
        for _ in range(2):
            changed = False
            for index, mention in homonyms:
                if mention.choice is None or mention.read_with_place:
                    continue
                # (its anchor's choice may have changed: the scores follow it)
                base = self._base_scores(mention, front, scores, front_terms)
                if len(base) < 2:
                    continue  # one settlement of that name (the rest are regions): nothing to weigh
                if _city_among_cities(mention, base, found):
                    continue
                # The unambiguous places of its own sentence first ("near Stepnohirsk and
                # Kamianske"), else those around it in the report.
                same = sentences_of[index]  # indices in order
                window = same[
                    bisect_left(same, index - CONTEXT_NEIGHBOURS) : bisect_right(
                        same, index + CONTEXT_NEIGHBOURS
                    )
                ]
                # (a namesake said elsewhere as another kind of place is no neighbour:
                # "Pavlohrad: explosions ... the village of Pavlohrad in occupied Luhansk region"
                # — the city said first stays; the same name said again bare is the same place)
                key = name_key(mention)
                near = [
                    j
                    for j in window
                    if j != index
                    and lats[j] is not None
                    and unique[j]
                    and not found[j].in_dateline
                    and not found[j].denied_near
                    and found[j].aside == mention.aside
                    and not _other_direction(mention, found[j])
                    # a place its own cue locates is not pulled to the anchor of another
                    # ("Antonivka, outside Kherson ... Antonivka near Nova Kakhovka")
                    and not (
                        mention.anchor is not None
                        and found[j].reference
                        and found[j] is not mention.anchor
                    )
                ]
                if mention.namesake_of is not None:
                    # set apart from a namesake: only the words about it say where it is
                    near = [j for j in near if _in_aside(mention, found[j])]
                if near:
                    around = near
                    weight, scale = SENTENCE_WEIGHT, _TWO_R_OVER_SENTENCE_SCALE
                else:
                    low, high = max(0, index - CONTEXT_NEIGHBOURS), index + 1 + CONTEXT_NEIGHBOURS
                    around = [j for j in range(low, min(high, len(found))) if j != index]
                    around = [
                        j
                        for j in around
                        if lats[j] is not None
                        and not found[j].in_dateline
                        and not found[j].denied_near
                        and found[j].aside == mention.aside
                        and not (names[j] == key and found[j].kind != mention.kind)
                        # (not another scene of its sentence: the other place of its name's)
                        and (found[j].sentence != mention.sentence or sentences_of[j] is same)
                        and (mention.namesake_of is None or _in_aside(mention, found[j]))
                    ]
                    weight, scale = CONTEXT_WEIGHT, _TWO_R_OVER_SCALE
                fit = None
                if not near:
                    key = (index, id(base))
                    if key not in support:
                        # (the report's places outside the sentence: a sibling's namesake by
                        # them is as likely as its best-scored one)
                        elsewhere = [
                            (lats[j], lons[j])
                            for j in around
                            if found[j].sentence != mention.sentence
                        ]
                        support[key] = self._sibling_support(
                            found, index, window, base, front, scores, front_terms, elsewhere
                        )
                    fit = support[key]
                if fit is not None:
                    # the sentence's other names weigh as candidates (above), not by the
                    # first guesses among their homonyms
                    around = [j for j in around if found[j].sentence != mention.sentence]
                if not around and fit is None:
                    continue
                # the nearest of those places weighs: a list may span two areas, a report
                # several fronts (whose middle may be a village's namesake)
                # (as a set: which points, not in which order — the closeness reads them in
                # order of latitude)
                point = frozenset([(lats[j], lons[j]) for j in around]) if around else None
                last = decided_with.get(index)
                if last and last[0] == point and last[1] is base and last[2] is mention.choice:
                    continue
                before = mention.choice
                self._choose(
                    mention,
                    point,
                    base,
                    weight=weight,
                    two_r_over_scale=scale,
                    memo=closeness,
                    support=fit,
                )
                if self._leaves_the_border(mention, before):
                    # ("In Semenivka, a few kilometres from the Russian border": the town by
                    # it, not a namesake by the report's other places, 100 km inland)
                    mention.choice = before
                decided_with[index] = (point, base, mention.choice)
                if mention.choice is not before:
                    changed = True
                    lats[index] = _settlement_lat(mention)
                    lons[index] = mention.choice.place.lon if mention.choice else None
            if not changed:
                break
        for mention, first_reading in refused_by_anchor:
            anchor = mention.anchor.choice
            if anchor is not None and anchor.place.id != first_reading:
                # read as at first, by its cue (the anchor's new place is what changed)
                self._choose(mention, None, self._base_scores(mention, front, scores, front_terms))
        self._set_namesakes_apart(found, front, scores, front_terms)
        self._keep_from_the_one_near(found, front, scores, front_terms)
        _take_what_the_text_says(found)
        self._anchors_follow_their_places(found, front, scores, front_terms)
        read_spelled_otherwise(self.places, found)
        self._refuse_far_from_the_border(found)
        refuse_districts_of_unnamed_cities(self.places, found)
        finish(found)

    def _leaves_the_border(self, mention: Found, before: Candidate | None) -> bool:
        """Whether the report's other places moved a place the text puts at the state border
        from a reading by that border to one away from it."""
        after = mention.choice
        if not mention.state_border or before is None or after is None or after is before:
            return False
        if mention.border_beyond or before.place.country != after.place.country:
            return False
        across = RU_BORDER_REGIONS if after.place.country == "UA" else UA_BORDER_REGIONS
        borders = self._border_distances()
        return (
            borders.km(before.place, across) <= BORDER_NEAR_KM
            and borders.km(after.place, across) > BORDER_NEAR_KM * 2
        )

    def _refuse_far_from_the_border(self, found: list[Found]) -> None:
        """A village the text puts at the Russian border ("the border village of X",
        "прикордонне село X") chosen far from it is a namesake of one the gazetteer lacks:
        "BELGOROD … the border village of Zhuravlyovka" is no Zhuravlivka of Crimea. Not in a
        report whose other places all lie away from that border (the border village of a
        report about Zakarpattia is at another border)."""
        others = [
            m.choice.place.admin1_code in STATE_BORDER
            for m in found
            if m.choice is not None and not m.border_village
        ]
        elsewhere = bool(others) and not any(others)
        for mention in found:
            choice = mention.choice
            if (
                not mention.border_village
                or choice is None
                or mention.is_region
                or mention.anchor is not None
                or mention.region is not None  # ("прикордонне село Дякове на Луганщині")
                or choice.place.population >= TOWN_POPULATION
                or mention.settlement_candidates() == 1  # (its name's one place: "Вилок")
                or elsewhere
            ):
                continue
            place = choice.place
            across = RU_BORDER_REGIONS if place.country == "UA" else UA_BORDER_REGIONS
            distance = self._border_distances().km(place, across)
            if distance > BORDER_VILLAGE_MAX_KM:
                mention.choice, mention.confidence = None, 0.0
                mention.reason = (
                    f"the text puts it at the border, but the gazetteer's {place.name} is in "
                    f"{place.admin1}, {distance:.0f} km from it; the place meant is probably "
                    "missing (add it as a custom place)"
                )

    def _reconcile_anchor(
        self,
        mention: Found,
        front: list[tuple[float, float]] | None,
        scores: dict[tuple, list[tuple[float, Candidate]]],
        front_terms: dict[str, float],
    ) -> None:
        """ "Торське біля Ямполя": no Torske lies near the Yampil chosen first (a Vinnytsia
        town), but one lies near Yampil of Donetsk Oblast — a reference and the place it
        locates are read together: the anchor takes a namesake, among its near-best ones,
        near which the place exists."""
        anchor = mention.anchor
        if anchor.choice is None or anchor.is_region:
            return
        anchor_base = self._base_scores(anchor, front, scores, front_terms)
        if len(anchor_base) < 2:
            return
        fitting = _namesakes_by(anchor, anchor_base, mention)
        if not fitting:
            return
        _, candidate = max(fitting, key=lambda s: s[0])
        _read_near(anchor, candidate, mention)
        anchor.read_with_place = _unique_village(mention)
        self._choose(mention, None, self._base_scores(mention, front, scores, front_terms))

    def _pair_with_anchor(
        self,
        mention: Found,
        front: list[tuple[float, float]] | None,
        scores: dict[tuple, list[tuple[float, Candidate]]],
        front_terms: dict[str, float],
    ) -> bool:
        """ "Stepove, 8 km east of Kamianske in Zaporizhzhia Oblast": a reference and the place
        it locates are read together — the anchor takes a near-best namesake when the place
        near it, with its own evidence (region, front), makes the better pair than the place
        near the first reading (the city of Kamianske, with a Stepove by it outside the
        oblast the text names)."""
        anchor = mention.anchor
        if anchor.choice is None or anchor.is_region or anchor.in_dateline:
            return False
        anchor_base = self._base_scores(anchor, front, scores, front_terms)
        if len(anchor_base) < 2:
            return False
        first = anchor.choice
        first_score = next((s for s, c in anchor_base if c is first), None)
        if first_score is None:
            return False
        rivals = _namesakes_by(anchor, anchor_base, mention)
        if not rivals or len(rivals) > PAIR_MAX_RIVALS:
            # (a name a dozen villages bear always makes some tight pair: no evidence)
            return False

        # A town named by its own name is the reference readers know: a namesake pair that
        # only lies closer together does not displace it ("у Вольного к северо-западу от
        # Доброполья" is the town's Vilne, not a Vilne by a Zaporizhzhia hamlet Dobropillia);
        # what the text says of the place itself must (a region, the front).
        # A village's namesakes may make the tighter pair, but not at the cost of what the text
        # says of the place ("Russian forces attacked near Novoselivka, west of Stepove" is no
        # pair of villages by Dnipro, far from the front).
        town = first.main_name and first.place.katottg and first.place.population >= TOWN_POPULATION
        held, mention.anchor = mention.anchor, None
        own = self._base_scores(mention, front, scores, front_terms)
        mention.anchor = held

        def pair(anchor_score: float) -> tuple[float, float] | None:
            base = self._base_scores(mention, front, scores, front_terms)
            self._choose(mention, None, base)
            chosen = mention.choice
            if chosen is None or not chosen.main_name:
                return None  # (a place by another of its names is no better pair: Malynivka,
                # once Novoselivka, by a hamlet Stepove)
            total = anchor_score + next(s for s, c in base if c is chosen)
            return total, anchor_score + next(s for s, c in own if c is chosen)

        kept = (mention.choice, mention.confidence, mention.reason, mention.rival)
        first_pair = pair(first_score)
        if first_pair is None:
            mention.choice, mention.confidence, mention.reason, mention.rival = kept
            return False
        best_pair, candidate, decision = first_pair, first, kept
        # every pair read, to tell how far the one taken leads the others
        read = [(first_pair[0], first)]
        for score, rival in rivals:
            anchor.choice = rival
            totals = pair(score)
            if totals is None:
                continue
            read.append((totals[0], rival))
            # (the own evidence must gain for a town, and not lose for a village)
            own_needed = first_pair[1] + (PAIR_MARGIN if town else -PAIR_OWN_SLACK)
            if (
                totals[0] > first_pair[0] + PAIR_MARGIN
                and totals[1] > own_needed
                and totals[0] > best_pair[0]
            ):
                best_pair, candidate = totals, rival
                decision = (mention.choice, mention.confidence, mention.reason, mention.rival)
        # (another pair far from it nearly as good: the first reading stands)
        if candidate is first or any(
            total > best_pair[0] - AMBIGUOUS_MARGIN_BY_CONTEXT
            and haversine_km(other.place.point, candidate.place.point) > AMBIGUOUS_KM
            for total, other in read
            if other is not candidate
        ):
            anchor.choice = first
            mention.choice, mention.confidence, mention.reason, mention.rival = kept
            return False
        _read_near(anchor, candidate, mention)
        mention.choice, mention.confidence, mention.reason, mention.rival = decision
        return True

    def _anchors_follow_their_places(
        self,
        found: list[Found],
        front: list[tuple[float, float]] | None,
        scores: dict[tuple, list[tuple[float, Candidate]]],
        front_terms: dict[str, float],
    ) -> None:
        """ "Dieses Stepowe liegt 7 km östlich von Kamjanske": once the report's other places
        have put Stepove by Orikhiv, the reference read first as the city of Kamianske (150 km
        off) is the village of its name by Stepove — a cue says the two lie together, so an
        anchor beyond its reach yields to a near-best namesake within it."""
        for mention in found:
            anchor = mention.anchor
            if (
                anchor is None
                or mention.choice is None
                or anchor.choice is None
                or anchor.is_region
                or anchor.in_dateline
                # (a city of a million is a reference for its whole surroundings)
                or anchor.choice.place.population >= ANCHOR_LARGE_POPULATION
            ):
                continue
            point = mention.choice.place.point
            said_km = cues.distance_km(mention.cue) if mention.cue else None
            reach = ANCHOR_MAX_KM + (said_km or 0.0)  # ("à une centaine de kilomètres de")
            if haversine_km(point, anchor.choice.place.point) <= reach:
                continue
            anchor_base = self._base_scores(anchor, front, scores, front_terms)
            best = max((score for score, _ in anchor_base), default=0.0)
            within = [
                (score, c)
                for score, c in anchor_base
                if score >= best - ANCHOR_FOLLOW_GAP and haversine_km(c.place.point, point) <= reach
            ]
            if not within:
                continue
            _read_near(anchor, candidate=max(within, key=lambda s: s[0])[1], mention=mention)

    def _keep_from_the_one_near(
        self,
        found: list[Found],
        front: list[tuple[float, float]] | None,
        scores: dict[tuple, list[tuple[float, Candidate]]],
        front_terms: dict[str, float],
    ) -> None:
        """ "Dobropillia, not the one near Pokrovsk": the best place of the name away from the
        place the text names as the other one's, by the sentence's other places (refused when
        the gazetteer has none)."""
        for mention in found:
            other = mention.not_near
            if other is None or mention.choice is None or other.choice is None:
                continue
            away_from = other.choice.place.point
            # (away already, when the denied place pulls no namesake: it still has to be told
            # from the others)
            away = haversine_km(mention.choice.place.point, away_from) > NOT_NEAR_KM
            # the name's other places (not another name read from the same word: Toretske)
            name = mention.choice.place.name
            apart = [
                (score, c)
                for score, c in self._base_scores(mention, front, scores, front_terms)
                if c.place.name == name and haversine_km(c.place.point, away_from) > NOT_NEAR_KM
            ]
            if not apart:
                if not away:
                    mention.choice, mention.confidence = None, 0.0
                    mention.reason = (
                        f"another {mention.text} than the one near {other.text}; "
                        "the gazetteer has no other"
                    )
                continue
            around = tuple(
                m.choice.place.point
                for m in found
                if m.sentence == mention.sentence
                and m is not mention
                and m is not other
                and m.choice is not None
                and not m.is_region
                and haversine_km(m.choice.place.point, away_from) > NOT_NEAR_KM
            )
            weight, scale = SENTENCE_WEIGHT, _TWO_R_OVER_SENTENCE_SCALE
            if not around:
                # (else the report's: "On the Pokrovsk direction ... near Udachne. Further north
                # they assaulted Novooleksandrivka, not the one near Kupiansk.")
                around = tuple(
                    m.choice.place.point
                    for m in found
                    if m is not mention
                    and m is not other
                    and m.choice is not None
                    and not m.is_region
                    and not m.in_dateline
                    and haversine_km(m.choice.place.point, away_from) > NOT_NEAR_KM
                )
                weight, scale = CONTEXT_WEIGHT, _TWO_R_OVER_SCALE
            ranked = sorted((score for score, _ in apart), reverse=True)
            if not around and len(ranked) > 1 and ranked[0] - ranked[1] < NOT_NEAR_MARGIN:
                mention.choice, mention.confidence = None, 0.0
                mention.reason = (
                    f"another {mention.text} than the one near {other.text}, and the text "
                    "does not say which"
                )
                continue
            self._choose(mention, around or None, apart, weight=weight, two_r_over_scale=scale)
            if mention.choice is not None:
                mention.reason = f"{mention.reason}, not the one near {other.text}"

    def _set_namesakes_apart(
        self,
        found: list[Found],
        front: list[tuple[float, float]] | None,
        scores: dict[tuple, list[tuple[float, Candidate]]],
        front_terms: dict[str, float],
    ) -> None:
        """ "Riwne, a village east of Pokrovsk — not to be confused with the city of Riwne": a
        name said again as another place is not placed where the first one is. The mention
        without a cue of its own moves to the best namesake far from the other (the later
        one, when both or neither have a cue)."""
        for later in found:
            earlier = later.namesake_of
            if earlier is None or later.choice is None or earlier.choice is None:
                continue
            if (
                haversine_km(later.choice.place.point, earlier.choice.place.point) > SAME_PLACE_KM
                and later.choice.main_name
            ):
                continue  # (set apart already — unless only by a name the place once bore)
            moves = earlier if _has_cue(later) and not _has_cue(earlier) else later
            if (
                later.kind
                and _kind_fits(later)
                and not (earlier.kind and _kind_fits(earlier))
                and not _has_cue(earlier)
            ):
                moves = earlier  # "... — not the steel city of Kamianske": the city stays
            stays = later if moves is earlier else earlier
            base = self._base_scores(moves, front, scores, front_terms)
            apart = [
                (score, c)
                for score, c in base
                if haversine_km(c.place.point, stays.choice.place.point) > SAME_PLACE_KM
            ]
            # a namesake bears the name now: not a village that only used to ("не плутати з
            # Новоселівкою на Лиманському напрямку" is no Malynivka, once Novoselivka); and it
            # lies in the war's theatre (never a Pokrovsk of Yakutia)
            # — unless a Russian spelling names a renamed town by its old name, as Russian
            # sources do ("не путать с Красным Лиманом в ДНР": Lyman, not the village)
            russian = _spelled_in_russian(moves.text)
            apart = [
                (s, c)
                for s, c in apart
                if c.main_name
                or (russian and c.place.katottg and c.place.population >= TOWN_POPULATION)
            ] or apart
            apart = [
                (s, c)
                for s, c in apart
                if c.place.country == "UA" or c.place.admin1_code in STRIKE_REGIONS
            ]
            if moves is later and not _has_cue(later):
                # set apart without a cue of its own: the well-known namesake ("à ne pas
                # confondre avec la grande ville de Rivne"), a town when there is one
                apart = [(s, c) for s, c in apart if c.place.population >= CITY_APART] or apart
            if apart:
                # the other places of its sentence still say where it is ("не та Степановка,
                # что у самого Курахово"), all but the namesake and what locates that one,
                # and those after the words about it ("— не путать со Степовым ... — и у X")
                others = [
                    m
                    for m in found
                    if not (moves is later and m.start >= later.aside_end)
                    and m is not moves
                    and m is not stays
                    and m is not stays.anchor
                    and m.choice is not None
                    and not m.is_region
                    # (nor what lies by the other one, its scene: "прикордонні Садки біля
                    # Юнаківки, а не Садки на півдні області")
                    and haversine_km(m.choice.place.point, stays.choice.place.point)
                    > NAMESAKE_SCENE_KM
                ]
                around = tuple(m.choice.place.point for m in others if m.sentence == moves.sentence)
                if around or moves is later:
                    self._choose(
                        moves,
                        around or None,
                        apart,
                        weight=SENTENCE_WEIGHT,
                        two_r_over_scale=_TWO_R_OVER_SENTENCE_SCALE,
                    )
                else:
                    # the earlier one, alone in its sentence: the report's places before the
                    # words about the other ("Под Мелитополем ... жители из Константиновки ...
                    # Это не та Константиновка, что в ДНР")
                    before = tuple(
                        m.choice.place.point
                        for m in others
                        if m.sentence != stays.sentence and m.start < stays.start
                    )
                    self._choose(moves, before or None, apart)
            else:
                moves.choice, moves.confidence = None, 0.0
                moves.reason = (
                    f"another {stays.choice.place.name} than the one the text places near it; "
                    "the gazetteer has no other"
                )

    def _base_scores(
        self,
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
        scored = []
        # "13 km north-northwest of Pokrovsk": closeness to where the cue points, not to
        # the anchor itself (two Shevchenko lie 7 and 13 km from Pokrovsk, south and north)
        anchor_point = _cue_point(anchor.point, mention.cue) if anchor else None
        cue_degrees = cues.bearing(mention.cue) if anchor else None
        ring_km = cues.ring_km(mention.cue) if anchor else None
        sector = mention.sector.choice if mention.sector else None
        sector_point = sector.place.point if sector else None
        # (a direction is named after its town wherever the sentence's places lie: "На
        # Новопавлівському напрямку ... на межі Дніпропетровської та Запорізької областей")
        region_codes = None if mention.is_sector else mention.region_codes()
        border_codes = frozenset(
            code
            for r in (() if mention.is_sector else mention.border_regions)
            if r.choice
            for code in r.choice.place.admin1_codes
        )
        borders = self._border_distances() if border_codes or mention.state_border else None
        # A city's Russian name is as well known as its own (Запорожье, Днепр, Харьков); its
        # Latin alternates are often historical names villages still bear.
        city_names = has_cyrillic(mention.text)
        russian_spelling = _spelled_in_russian(mention.text)
        # A name spelled in Ukrainian (not only its case ending: "Ростові" is Rostov) is a
        # current name where a place bears it: Ukrainian sources write "Петрівського" for
        # Petrivske, not for Hrekivka, Petrivske until 2016
        borne_now = spelled_in_ukrainian(mention.text) and any(
            c.main_name for c in mention.candidates
        )
        # (a hamlet abroad of a few recorded souls is no town's rival: see HAMLET_PENALTY)
        town_named = any(
            c.main_name and c.place.population >= TOWN_POPULATION for c in mention.candidates
        )
        # (a town across the border bears the name: see TOWN_NAME_PENALTY)
        border_town_named = town_named and any(
            c.main_name
            and c.place.population >= TOWN_POPULATION
            and c.place.admin1_code in STRIKE_REGIONS
            for c in mention.candidates
        )
        # (nor, in Ukraine, of a city, where the text names no region or hromada: Oleksandriia
        # of 76,000, not a Sumy hamlet of nine)
        city_named = town_named and any(
            c.main_name and c.place.katottg and c.place.population >= CITY_APART
            for c in mention.candidates
        )
        # (a name no place of Ukraine nor a city abroad bears now is a former one: the town that
        # bore it, as Russian sources keep "Krasnoarmeisk" for Pokrovsk, over a village GeoNames
        # lists so; Dzerzhinsk of Nizhny Novgorod Oblast, 230,000, still bears its name)
        nobody_now = not any(
            c.main_name
            for c in mention.candidates
            if c.place.kind != PlaceKind.REGION
            and (c.place.country == "UA" or c.place.population >= SALIENT_POPULATION)
        )
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
            # (a town of Ukraine's codifier, or of the Russian regions the war reaches:
            # Klintsy of Bryansk Oblast, 66,000, over a Kursk hamlet of three people)
            # (or a town's other name that no place bears now: "Nikolayev" is Mykolaiv, of
            # 470,000, before Mykolaivka of Donetsk Oblast, which a source also lists so)
            own_town = bool(
                (place.katottg or place.admin1_code in STRIKE_REGIONS)
                and place.population > TOWN_POPULATION
                and (
                    candidate.main_name
                    or (nobody_now and place.katottg and place.population >= SALIENT_POPULATION)
                )
            )
            if own_town or (
                place.katottg
                and city_names
                and place.population >= SALIENT_POPULATION
                and _same_name(mention.text, place.name)
            ):
                score += TOWN_WEIGHT * math.log10(place.population / TOWN_POPULATION)
                if mention.reference and own_town:
                    # a cue is taken from a place readers know: "14 km northwest of Lyman" is
                    # the town, not a hamlet of the name by the report's other places
                    score += REFERENCE_TOWN_WEIGHT
            elif candidate.main_name and _hromada_centre(place):
                # a small town whose hromada bears its name (Semenivka, Vorozhba) is what a
                # report means over villages of the name, other things equal
                score += CENTRE_WEIGHT
            if (
                not candidate.main_name
                and place.katottg
                and place.population > TOWN_POPULATION
                and (
                    (russian_spelling and candidate.reason in _RENAMED_REASONS)
                    or (mention.russian and _declines_a_name_of(mention.text, place))
                    or nobody_now
                )
            ):
                # Russian sources keep a renamed town's old name ("КРАСНЫЙ ЛИМАН", "Дзержинск"),
                # and decline it in a Russian sentence ("в Димитрове" is Myrnohrad, not the
                # village Kotlyne, once Димитрове): the town, over villages that still bear it
                score += RENAMED_TOWN_WEIGHT
            elif (
                mention.russian
                and (
                    place.population >= SALIENT_POPULATION
                    or (
                        (place.katottg or place.admin1_code in STRIKE_REGIONS)
                        and place.population > TOWN_POPULATION
                    )
                )
                and candidate.reason == MatchReason.INFLECTION
                and _declines_a_name_of(mention.text, place)
            ):
                # "в Киеве, Львове": a Russian sentence declines a city's Russian name (Львов),
                # over a village whose Ukrainian name is spelled so (Львове, Kherson Oblast);
                # a town's too ("в Приморске" is Prymorsk, not a village Приморське)
                score += CASE_FORM_CITY_WEIGHT
            if not candidate.main_name and (
                borne_now
                or (
                    place.population >= SALIENT_POPULATION
                    and not _same_name(mention.text, place.name)
                )
            ):
                # Another name of a place (a former name, a respelling) when a place bears the
                # Ukrainian spelling now; a city's former name that villages still bear
                # (Melitopol was Новоолександрівка): its size says nothing of which is meant.
                score -= FORMER_NAME_PENALTY
            if (
                border_town_named
                and not candidate.main_name
                and candidate.reason in (MatchReason.VARIANT, MatchReason.INFLECTION)
                and place.population < TOWN_POPULATION
            ):
                # a village's other name that a town across the border bears as its own
                # ("Millerovo", "у Міллеровому": the Rostov town, not the Luhansk village once
                # Millerove, whatever lies nearer)
                score -= TOWN_NAME_PENALTY
            if mention.is_sector and place.population >= TOWN_POPULATION:
                # the General Staff names a direction after a town ("на Лиманському напрямку"
                # is Lyman's, not the village Lymanske's)
                score += SECTOR_TOWN_WEIGHT
            if (
                (town_named and place.country != "UA")
                or (city_named and region_codes is None and mention.area is None)
            ) and 0 < place.population < HAMLET_POPULATION:
                score -= HAMLET_PENALTY
            if mention.kind and not _size_fits(mention.kind, candidate, nobody_now):
                score -= KIND_WEIGHT  # "the city of Rivne" is not a village of the name
            elif mention.kind == "port" and place.admin1 not in PORT_REGIONS:
                score -= KIND_WEIGHT  # "the port of Pivdenne" is not the Kharkiv town
            if (
                place.admin1_codes & mention.not_town_in
                and place.population >= TOWN_KIND_MIN_POPULATION
            ):
                score -= KIND_WEIGHT  # "не плутати з містом на Дніпропетровщині"
            if mention.military and place.admin1_code in FRONT_REGIONS:
                # (strikes reach the rear too: half the pull)
                score += FRONT_REGION_WEIGHT / (2 if mention.strike_only else 1)
            # (a frame named apart from the place says less than its own cue)
            if region_codes is not None and not (mention.region_before and anchor_point):
                inside = bool(place.admin1_codes & region_codes)
                weight = REGION_BEFORE_WEIGHT if mention.region_before else REGION_HINT_WEIGHT
                if (
                    not inside
                    and not mention.region_attached
                    and self._border_distances().km(place, region_codes) <= REGION_SLACK_KM
                ):
                    # a frame said loosely does not put a place beyond a border it lies on
                    # ("біля Новопавлівки та Котлярівки: ... Новопавлівки на Дніпропетровщині,
                    # за 2 км від межі з Донеччиною")
                    weight = 0.0
                if inside:
                    score += weight
                elif not (mention.region_before and own_town):
                    # (a town named by its own name is its own reference: a region named
                    # apart from it, "reprise Lyman ... vers Svatove, dans la région de
                    # Louhansk", does not move it to a village)
                    score -= weight
            if mention.in_area(place):
                score += AREA_WEIGHT
            if anchor_point is not None:
                off = haversine_km(anchor_point, place.point)
                if ring_km is not None:
                    off = abs(off - ring_km)
                near = math.exp(-off / ANCHOR_SCALE_KM)
                if cue_degrees is not None and cues.wrong_side(
                    anchor.point, cue_degrees, place.point
                ):
                    near *= WRONG_SIDE_FACTOR  # "east of Zaporizhzhia": not a village west of it
                score += ANCHOR_WEIGHT * near
            elif sector_point is not None:
                score += SECTOR_WEIGHT * math.exp(
                    -haversine_km(sector_point, place.point) / SECTOR_SCALE_KM
                )
            if mention.state_border and place.country == mention.border_beyond:
                score -= BORDER_WEIGHT  # "у границы с Украиной": not a village of Ukraine
            elif mention.state_border:
                across = RU_BORDER_REGIONS if place.country == "UA" else UA_BORDER_REGIONS
                beyond = max(0.0, borders.km(place, across) - BORDER_NEAR_KM)
                score += BORDER_WEIGHT * math.exp(-beyond / BORDER_SCALE_KM)
            if border_codes and not (mention.border_with and place.admin1_codes & border_codes):
                beyond = max(0.0, borders.km(place, border_codes) - BORDER_NEAR_KM)
                if not mention.border_with and place.admin1_code in border_codes & STATE_BORDER:
                    # "Sumy region border: KABs on Krasnopillia": an oblast on the state
                    # border has that border too — a village inside it by Russia is at it
                    across = RU_BORDER_REGIONS if place.country == "UA" else UA_BORDER_REGIONS
                    beyond = min(beyond, max(0.0, borders.km(place, across) - BORDER_NEAR_KM))
                score += BORDER_WEIGHT * math.exp(-beyond / BORDER_SCALE_KM)
            if mention.part is not None:
                score += PART_WEIGHT * math.exp(
                    -haversine_km(mention.part, place.point) / PART_SCALE_KM
                )
            if mention.country_part is not None and place.admin1 in mention.country_part:
                score += COUNTRY_PART_WEIGHT
            if mention.dateline is not None:
                score += DATELINE_WEIGHT * _written_about(
                    mention, candidate, self._border_distances()
                )
            if mention.zone is not None:
                nearest = min(haversine_km(point, place.point) for point in mention.zone)
                score += ZONE_WEIGHT * math.exp(-nearest / ZONE_SCALE_KM)
            if front:
                term = front_terms.get(place.id)
                if term is None:
                    nearest = min(haversine_km(p, place.point) for p in front)
                    # the front of the store's claims replaces the gazetteer's default one
                    term = front_terms[place.id] = FRONT_WEIGHT * math.exp(
                        -nearest / FRONT_SCALE_KM
                    ) - front_line.prior(place)
                score += term
            scored.append((score, candidate))
        memo[key] = scored
        return scored

    def _border_distances(self) -> BorderDistances:
        """Distances to regions' borders, gathered again when places are added or moved."""
        gazetteer, generation = self.places.gazetteer, self.places.generation
        if self._borders is None or self._borders[0] != (id(gazetteer), generation):
            self._borders = ((id(gazetteer), generation), BorderDistances(gazetteer))
        return self._borders[1]

    def _sibling_support(
        self,
        found: list[Found],
        index: int,
        window: list[int],
        base: list[tuple[float, Candidate]],
        front: list[tuple[float, float]] | None,
        scores: dict[tuple, list[tuple[float, Candidate]]],
        front_terms: dict[str, float],
        elsewhere: Sequence[tuple[float, float]] = (),
    ) -> list[float] | None:
        """ "Ворог окупував Андріївку та просунувся поблизу Герасимівки і Олександрівки":
        no name of the list is unique, but only a few places have all three close together.
        Each candidate's mean closeness to the nearest namesake of each other name of the
        sentence; None when the sentence names no other settlement. A namesake by one of the
        report's places `elsewhere` counts as likely ("Pokrowka und Wassyliwka" after Ochakiv:
        the Kinburn spit's pair, not only the front's)."""
        siblings = []
        mention = found[index]
        own = max(base, key=lambda s: s[0])[1]
        own_best = own.place
        # (its own name, as written or declined: not "Тернівці" read as Chernivtsi)
        own_city = (
            own_best.population >= SIBLING_CITY
            and own.main_name
            and own.reason in (MatchReason.EXACT, MatchReason.VARIANT, MatchReason.INFLECTION)
        )
        cities_apart = False  # whether a sibling was passed over as a city far from it
        for j in window:
            other = found[j]
            if j == index or other.is_region or other.is_sector or other.unknown:
                continue
            if other.in_dateline or other.denied_near:
                continue  # where the story was written, where the scene is not
            if other.aside != mention.aside or (
                mention.namesake_of is not None and not _in_aside(mention, other)
            ):
                continue  # the scene of the namesake it is set apart from, or the other's
            if other.anchor is mention or mention.anchor is other:
                continue  # one places the other: the anchor's choice weighs, not its namesakes
            if _other_direction(mention, other):
                continue  # "на Покровському напрямку ...; на Сіверському — біля X": X is Siversk's
            if other.candidates is mention.candidates:
                continue  # a name said twice in a sentence: two places of that name
            scored = self._base_scores(other, front, scores, front_terms)
            if not scored:
                continue
            if own_city:
                other_best = max(scored, key=lambda s: s[0])[1].place
                if (
                    other_best.population >= SIBLING_CITY
                    and haversine_km(own_best.point, other_best.point) > SIBLING_CITIES_APART_KM
                ):
                    cities_apart = True
                    continue
            # its likely places only (not a village where the name is a city's, nor one
            # outside the region the text gives); a name borne everywhere tells nothing
            best = max(score for score, _ in scored)
            points = tuple(
                c.place.point
                for score, c in scored
                if score >= best - SIBLING_SCORE_GAP
                or any(
                    haversine_km(c.place.point, point) <= SIBLING_BY_THE_REPORT_KM
                    for point in elsewhere
                )
            )
            if len(points) <= SIBLING_MAX_CANDIDATES:
                siblings.append(points)
        if not siblings:
            # (cities far apart support nothing, nor do they stand as the context instead)
            return [0.0] * len(base) if cities_apart else None
        total = [0.0] * len(base)
        for points in siblings:
            for k, near in enumerate(closeness_to(base, points, _TWO_R_OVER_SENTENCE_SCALE)):
                total[k] += near
        # within a few km of the others, as close as can be: the list's villages are
        # neighbours, and nearer by a few km says nothing
        return [min(1.0, _SIBLING_NEAR_BONUS * value / len(siblings)) for value in total]

    def _choose(
        self,
        mention: Found,
        context: frozenset[tuple[float, float]] | None,
        base: list[tuple[float, Candidate]],
        *,
        weight: float = CONTEXT_WEIGHT,
        two_r_over_scale: float = _TWO_R_OVER_SCALE,
        memo: dict[tuple, list[float]] | None = None,
        support: list[float] | None = None,
    ) -> None:
        anchor_point = (
            mention.anchor.choice.place.point if mention.anchor and mention.anchor.choice else None
        )
        region_codes = mention.region_codes()
        if context:
            closeness = _memo_closeness(memo, base, context, two_r_over_scale)
            scored = [
                (score + weight * near, c) for (score, c), near in zip(base, closeness, strict=True)
            ]
        else:
            scored = list(base)
        if support is not None:
            scored = [
                (score + SIBLING_WEIGHT * fit, c)
                for (score, c), fit in zip(scored, support, strict=True)
            ]
        if not scored:
            mention.choice, mention.reason = None, "only regions match this name"
            return
        own_best = max(base, key=lambda s: s[0])[1]
        scored.sort(key=lambda s: -s[0])
        best_score, best = scored[0]
        if anchor_point is not None:
            large = mention.anchor.choice.place.population >= ANCHOR_LARGE_POPULATION
            limit = ANCHOR_MAX_KM_LARGE if large else ANCHOR_MAX_KM
            ring_km = cues.ring_km(mention.cue)
            if ring_km is not None:
                limit = max(limit, ring_km + ANCHOR_MAX_KM / 2)  # "в 80 км от X"
            distance = haversine_km(anchor_point, best.place.point)
            if distance > limit:
                # the cue bounds the distance: a namesake scored higher (for the front, or its
                # size) but beyond the cue's reach yields to the best one within it
                within = next(
                    (s for s in scored if haversine_km(anchor_point, s[1].place.point) <= limit),
                    None,
                )
                if within is not None:
                    scored = [within] + [
                        s
                        for s in scored
                        if s is not within and haversine_km(anchor_point, s[1].place.point) <= limit
                    ]
                    best_score, best = within
                    distance = haversine_km(anchor_point, best.place.point)
            if distance > limit:
                mention.choice = None
                mention.confidence = 0.0
                mention.reason = (
                    f"the text places it near {mention.anchor.choice.place.name}, but the "
                    f"nearest {best.place.name} in the gazetteer is {distance:.0f} km away; "
                    "the place meant is probably missing (import the GeoNames dump or add it "
                    "as a custom place)"
                )
                return
        if region_codes is not None and (
            mention.region_attached or _far_outside_region(mention, best)
        ):
            inside = [s for s in scored if s[1].place.admin1_codes & region_codes]
            if not inside:
                mention.choice = None
                mention.confidence = 0.0
                mention.reason = (
                    f"the text places it in {mention.region_names()}, where the "
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
        if region_codes is not None and best.place.admin1_codes & region_codes:
            evidence.append(f"region {mention.region_names()}")
        if mention.in_area(best.place):
            evidence.append(getattr(best.place, mention.area[0]))
        if support is not None:
            evidence.append("the other places of its sentence")
        if context is not None:
            evidence.append("other places in the report")
        # (the report's places decided it when the best on its own evidence is another)
        mention.by_context = (support is not None or context is not None) and best is not own_best
        mention.reason = ", ".join(evidence)


def _written_about(mention: Found, candidate: Candidate, borders: BorderDistances) -> float:
    """How likely a regional desk's story is about a place, 0..1: its oblast ("DNIPRO - ...
    took Dachne": the village on the oblast's eastern edge, as much as one by the city), a
    town anywhere (every desk knows them: "KHARKIV - ... hit Poltava" is the city, not a
    Kharkiv Oblast village of 145), else the city's surroundings across the oblast's border
    ("BELGOROD - ... from the direction of Krasnopillia": the Sumy village). Fighting lies
    near the front or the border only, whatever the desk ("ZAPORIZHZHIA - troops attacked
    Kamianske" is no Dnipro city, "MYKOLAIV - attacked near Ivanivka" no village by the city)."""
    place = candidate.place
    written = mention.dateline
    if (
        mention.ground
        and front_line.distance_km(*place.point) > FRONT_TOWN_KM
        and borders.km(place, RU_BORDER_REGIONS if place.country == "UA" else UA_BORDER_REGIONS)
        > FRONT_TOWN_KM
    ):
        return 0.0
    if place.admin1_code == written.admin1_code or (
        candidate.main_name
        and place.population >= TOWN_POPULATION
        and not mention.dateline_oblast_only
    ):
        return 1.0
    return math.exp(-haversine_km(written.point, place.point) / SENTENCE_SCALE_KM)


def _written_from(dateline: Found, found: list[Found]) -> None:
    """Gives the report's other places its dateline's city, unless the dateline names a
    capital or none."""
    if dateline.choice is None or _capital(dateline) or any(m.dateline for m in found):
        return
    for mention in found:
        if mention is not dateline and not mention.in_dateline:
            mention.dateline = dateline.choice.place


def _capital(mention: Found) -> bool:
    """Whether a mention is read as a capital city ("KYIV, Aug 9 (Reuters) -": a wire bureau
    that files about the whole country)."""
    place = mention.choice.place
    return capitals.is_capital_candidate(place.country, place.name)


def _memo_closeness(
    memo: dict[tuple, list[float]] | None,
    base: list[tuple[float, Candidate]],
    points: frozenset[tuple[float, float]],
    two_r_over_scale: float,
) -> list[float]:
    """The candidates' closeness to the points, remembered for the call's lists."""
    key = (id(base), points, two_r_over_scale)
    closeness = memo.get(key) if memo is not None else None
    if closeness is None:
        closeness = closeness_to(base, points, two_r_over_scale)
        if memo is not None:
            memo[key] = closeness
    return closeness


def _city_among_cities(
    mention: Found, base: list[tuple[float, Candidate]], found: list[Found]
) -> bool:
    """A city named by its name in a list of cities ("атакувала Харків, Полтаву і Кременчук")
    is the city (chosen when it was not): the report's villages say nothing about it (Poltava
    is not the village by Nyzhnia Duvanka that the same bulletin names) — unless a namesake
    lies by another city of the list ("Запорожье и Каменское": the village by Stepnohirsk,
    not the Dnipro city)."""
    if mention.listed_from < 0 or mention.anchor is not None or mention.choice is None:
        return False
    # (the best-scored city of the name: a dateline's oblast may have put a village first)
    cities = [s for s in base if s[1].main_name and s[1].place.population >= SALIENT_POPULATION]
    if not cities:
        return False
    city = max(cities, key=lambda s: s[0])[1]
    if mention.choice is not city and mention.choice.place.population >= SALIENT_POPULATION:
        return False
    mates = [
        other.choice.place
        for other in found
        if other is not mention
        and other.listed_from == mention.listed_from
        and other.choice is not None
    ]
    if not mates or any(place.population < SALIENT_POPULATION for place in mates):
        return False
    if any(
        haversine_km(c.place.point, mate.point) <= LIST_NEIGHBOUR_KM
        for _, c in base
        if c is not city
        for mate in mates
    ):
        return False
    if mention.choice is not city:
        mention.choice = city
        mention.reason = f"{city.reason}, a city named with cities"
    mention.rival = None  # (the list says which: no namesake is its rival)
    return True


def _other_direction(mention: Found, other: Found) -> bool:
    """Whether two mentions of a sentence lie on different directions it names."""
    own = mention if mention.is_sector else mention.sector
    theirs = other if other.is_sector else other.sector
    return own is not None and theirs is not None and own is not theirs


def _scenes(found: list[Found]) -> dict[int, list[int]]:
    """The indices of the mentions each mention is read with: those of its sentence, cut
    where a name said before in the sentence is said again with other words about where it
    is. "Село Покровське на Бахмутщині ..., а от селище Покровське на Дніпропетровщині, за
    45 км від Межової": two places of one name — Mezhova locates the second and must not
    pull the first to Dnipropetrovsk Oblast. (A name said again with the same words, or with
    none, is the same place: "near Zelenyi Hai, the Zelenyi Hai just east of Huliaipole".)"""
    by_sentence: dict[int, list[int]] = {}
    for index, mention in enumerate(found):
        by_sentence.setdefault(mention.sentence, []).append(index)
    scenes: dict[int, list[int]] = {}
    for indices in by_sentence.values():
        scene: list[int] = []
        said: dict[str, list[Found]] = {}  # the scene's mentions of each name
        for index in indices:
            mention = found[index]
            # (a namesake set apart has its own scene already: the words about it)
            if (
                mention.settlement_candidates() > 1
                and not mention.unknown
                and mention.namesake_of is None
                and mention.aside < 0
            ):
                before = said.setdefault(name_key(mention), [])
                where = _located_by(mention)
                if (
                    where is not None
                    and before
                    and all(_elsewhere(where, other) for other in map(_located_by, before))
                ):
                    scene, said = [], {name_key(mention): []}
                said[name_key(mention)].append(mention)
            scene.append(index)
            scenes[index] = scene
    return scenes


@dataclass(frozen=True, slots=True)
class _Where:
    """What the words about a mention say of where it is: a reference place (its anchor, or
    its direction's town: `broad`), or the regions it lies in or by (admin1 codes)."""

    place: Place | None = None
    broad: bool = False
    regions: frozenset[str] = frozenset()


def _located_by(mention: Found) -> _Where | None:
    """What its own words say of where a mention is, or None when they say nothing."""
    if mention.anchor is not None and mention.anchor.choice is not None:
        return _Where(place=mention.anchor.choice.place)
    if mention.sector is not None and mention.sector.choice is not None:
        return _Where(place=mention.sector.choice.place, broad=True)
    regions = mention.border_regions or ((mention.region,) if mention.region_attached else ())
    codes = frozenset(
        code for r in regions if r is not None and r.choice for code in r.choice.place.admin1_codes
    )
    return _Where(regions=codes) if codes else None


def _elsewhere(where: _Where, other: _Where | None) -> bool:
    """Whether two mentions' words say they lie apart: references far apart (a direction
    spans more than a cue's anchor), a reference outside the other's regions, or regions
    with none in common. "Ivanivka near Kupiansk ... Ivanivka in the Kharkiv region" is one."""
    if other is None:
        return False
    if where.place is not None and other.place is not None:
        apart = SCENE_APART_KM * (2 if where.broad or other.broad else 1)
        return haversine_km(where.place.point, other.place.point) > apart
    if where.place is not None or other.place is not None:
        place, regions = (
            (where.place, other.regions) if where.place else (other.place, where.regions)
        )
        return not (place.admin1_codes & regions)
    return not (where.regions & other.regions)


def _far_outside_region(mention: Found, best: Candidate) -> bool:
    """Whether the best candidate, a village named otherwise than its own name, lies far from
    every region the sentence names — then, when no candidate lies inside those regions, the
    name is refused: "Radostnoïe, sur la frontière entre les régions de Zaporojié et de
    Dniepropetrovsk" is not the Radisne of Crimea, 250 km from them."""
    if best.place.population >= SALIENT_POPULATION or (
        best.reason == MatchReason.EXACT
        and (
            best.place.population >= TOWN_POPULATION
            or not (mention.region_attached or mention.border_regions)
        )
    ):
        # a town is a reference of its own ("Gebiet Kursk ... in Brjansk"), and so is a
        # village named as written unless the region is stated for it ("На границе
        # Харьковской и Луганской областей ... через Греково" is no Hrekove of Cherkasy)
        return False
    if mention.region_before and not mention.joined_regions:
        return False  # "Au Donbass, ... vers Houliaïpole": a frame, not where it lies
    regions = [mention.region, *mention.joined_regions]
    return all(
        haversine_km(r.choice.place.point, best.place.point) > REGION_FAR_KM
        for r in regions
        if r is not None and r.choice is not None
    )


def _take_what_the_text_says(found: list[Found]) -> None:
    """A name said again as the place said before, an old or other name as the place the text
    gives it to."""
    _take_said_again(found)
    _take_new_names(found)


def _take_said_again(found: list[Found]) -> None:
    """ "эту Федоровку": the place chosen for the name said before."""
    for mention in found:
        before = mention.same_as
        if before is None or before.choice is None:
            continue
        same = next((c for c in mention.candidates if c.place.id == before.choice.place.id), None)
        if same is not None:
            mention.choice, mention.confidence, mention.rival = same, before.confidence, None
            mention.reason = f"{same.reason}, the {same.place.name} named before"


def _spelled_in_russian(text: str) -> bool:
    return any(letter in RUSSIAN_ONLY_LETTERS for letter in text.lower())


def _take_new_names(found: list[Found]) -> None:
    """ "la ville de Pervomaïsky s'appelle désormais Zlatopil": the old name is the place the
    new one names (not a Belgorod village that bears it today)."""
    for mention in found:
        new = mention.renamed_as
        if new is None or mention.unknown:
            continue
        # (of a new name many places bear, the one that bore the old name: "Лиман до 2016 року
        # називався Красний Лиман" is the town, not a hamlet Lyman by the front; "Shakhtarske,
        # ex-Pershotravensk" is the town, refused as a namesake before)
        old_ids = {c.place.id for c in mention.candidates}
        bore_it = next((c for c in new.candidates if c.main_name and c.place.id in old_ids), None)
        if bore_it is not None:
            if new.choice is None or bore_it.place.id != new.choice.place.id:
                new.confidence = new.confidence or mention.confidence
                new.choice = bore_it
                new.reason = f"{bore_it.reason}, once {mention.text}, as the text says"
            new.rival = None  # (the text has said which)
        if new.choice is None:
            continue
        place = new.choice.place
        bears_it = any(c.place.id == place.id for c in mention.candidates)
        if mention.choice is not None and (
            mention.choice.place.id == place.id or not (mention.choice.main_name or bears_it)
        ):
            # (read as an old name already: "бывшим Днепродзержинском" is Kamianske — unless
            # the new name's place bears it too: "Голубівкою — колишнім Кіровськом" is not
            # Zarichne, another Kirovsk)
            _name_the_renamed(new, mention)
            if new.choice.place.id == mention.choice.place.id or not _many_bore(mention):
                continue
            # (an old name many places bore, none of them the new name's: the new name's
            # place is the one the text means, "Olenokostiantynivka (formerly Oktiabrske)")
        mention.choice = replace(new.choice, main_name=False)
        mention.confidence, mention.rival = new.confidence, None
        mention.reason = f"another name of {place.name}, as the text says"


def _many_bore(old: Found) -> bool:
    """Whether several settlements bore the old name (not one city's: Днепропетровск)."""
    return len({c.place.id for c in old.candidates if c.place.kind != PlaceKind.REGION}) > 1


def _name_the_renamed(new: Found, old: Found) -> None:
    """ "Schachtarske, dem früheren Perschotrawensk": a name many places bear is the one the
    old name said with it was the name of."""
    if old.choice is None or old.choice.main_name:
        return
    place_id = old.choice.place.id
    if new.choice.place.id == place_id:
        return
    same = next((c for c in new.candidates if c.place.id == place_id), None)
    if same is not None:
        new.choice, new.rival = same, None
        new.reason = f"{same.reason}, once {old.text}, as the text says"


def _kind_fits(mention: Found) -> bool:
    """Whether the kind of place the text says a mention is fits the place chosen (a town
    said "the city of", a village "the village of"); True when the text says none."""
    return not mention.kind or _size_fits(mention.kind, mention.choice)


def _size_fits(kind: str, candidate: Candidate, former_fits: bool = False) -> bool:
    """Whether a candidate's size fits "town" or "village". An unknown size (0) fits both;
    a town's former name fits no "city of" (Nova Odesa was Fedorivka) — unless no place bears
    it now (`former_fits`: "город Красноармейск" is Pokrovsk), nor for a port ("порт Южный" is
    Pivdenne)."""
    population = candidate.place.population
    if kind == "airfield":
        return population == 0 or population >= AIRFIELD_MIN_POPULATION
    if kind in ("town", "port"):
        return (candidate.main_name or former_fits or kind == "port") and (
            population == 0 or population >= TOWN_KIND_MIN_POPULATION
        )
    return population < VILLAGE_KIND_MAX_POPULATION


def _in_aside(mention: Found, other: Found) -> bool:
    """Whether `other` is named in the words about `mention`, a namesake set apart ("не та
    Степановка, что у самого Курахово")."""
    return mention.start < other.start < mention.aside_end


def _anchor_depth(mention: Found) -> int:
    depth, seen = 0, mention.anchor
    while seen is not None and depth < 8:
        depth, seen = depth + 1, seen.anchor
    if mention.sector is not None and mention.anchor is None:
        depth += 1  # after the direction that locates it
    return depth


def _hromada_centre(place) -> bool:
    """Whether a settlement gives its hromada its name (Semenivka of Semenivska hromada)."""
    if not place.hromada or place.population < CENTRE_MIN_POPULATION:
        return False
    name = place.name.lower()
    shared = max(4, len(name) - 2)  # the letters before the hromada's adjective ending
    return len(name) >= shared and place.hromada.lower().startswith(name[:shared])


def _cue_point(anchor: tuple[float, float], cue: str) -> tuple[float, float]:
    """Where a relative cue points from its anchor: the anchor for "near", else the point
    its direction and distance (or a village's usual few km) give."""
    lat, lon, _ = cues.located(anchor, cue)
    return lat, lon


def _namesakes_by(
    anchor: Found, anchor_base: list[tuple[float, Candidate]], mention: Found
) -> list[tuple[float, Candidate]]:
    """The anchor's near-best namesakes other than its reading, each with a place of the
    mention's name within a cue's reach of it."""
    best = max(score for score, _ in anchor_base)
    points = [c.place.point for c in mention.candidates if c.place.kind != PlaceKind.REGION]
    # (a village's name only it bears says more: "Bei Stepnohirsk …, westlich von Kamjanske"
    # is the village of Kamianske by it, however much the city's size weighs)
    gap = ANCHOR_SWAP_GAP_UNIQUE if _unique_village(mention) else ANCHOR_SWAP_GAP
    return [
        (score, c)
        for score, c in anchor_base
        if score >= best - gap
        and c.place.id != anchor.choice.place.id
        and any(haversine_km(c.place.point, p) <= ANCHOR_MAX_KM for p in points)
    ]


def _read_near(anchor: Found, candidate: Candidate, mention: Found) -> None:
    """The anchor read as the namesake near which the place it locates lies."""
    anchor.choice, anchor.rival = candidate, None
    anchor.reason = f"{candidate.reason}, the one near which {mention.text} lies"


def _unique_village(mention: Found) -> bool:
    """Whether a village (not a town: its name is a reference of its own) is the only place
    of its name."""
    places = [c.place for c in mention.candidates if c.place.kind != PlaceKind.REGION]
    return len(places) == 1 and places[0].population < TOWN_POPULATION


def _evidence_key(mention: Found) -> tuple:
    """What a mention's candidate scores and first choice depend on, before the report's other
    places: everything `_base_scores` and `_choose` read of it (a decision remembered under a
    key that misses one is another report's, so one report would be read differently after
    another)."""
    anchor = mention.anchor.choice if mention.anchor else None
    region = mention.region.choice if mention.region else None
    return (
        id(mention.candidates),
        mention.text,
        mention.reference,
        mention.region_attached,
        mention.military,
        anchor.place.id if anchor else None,
        region.place.id if region else None,
        tuple(r.choice.place.id for r in mention.joined_regions if r.choice),
        tuple(r.choice.place.id for r in mention.border_regions if r.choice),
        mention.border_with,
        mention.state_border,
        mention.border_beyond,
        mention.region_before,
        mention.sector.choice.place.id if mention.sector and mention.sector.choice else None,
        mention.cue,
        mention.area,
        mention.area_within,
        mention.zone,
        mention.part,
        mention.country_part,
        mention.kind,
        mention.not_town_in,
        mention.is_sector,
        mention.russian,
        mention.dateline.id if mention.dateline else None,
        mention.dateline_oblast_only,
        mention.ground,
    )


_RUSSIAN_CASE_ENDINGS = ("е", "а", "у", "ом", "ым")


def _declines_a_name_of(written: str, place: Place) -> bool:
    """Whether a word is one of a place's names with a Russian case ending ("Димитрове":
    Димитров), not another spelling of it (Гришино is no case of Гришине)."""
    word = written.lower()
    names = {name.lower() for name in place.alternate_names}
    # (a soft sign goes before the ending: Тернополь → Тернополе; "Тернополье" is no case)
    return any(
        word.endswith(ending)
        and not word[: -len(ending)].endswith("ь")
        and (word[: -len(ending)] in names or word[: -len(ending)] + "ь" in names)
        for ending in _RUSSIAN_CASE_ENDINGS
    )


def _same_name(written: str, name: str) -> bool:
    """Whether a city's other name is a form of its own (Запорожье, Днепр, Харьков), not a
    former name villages still bear (Melitopol was Новоолександрівка)."""
    return fuzz.ratio(skeleton(written)[:8], skeleton(name)[:8]) >= 60


def _settlement_lat(mention: Found) -> float | None:
    return mention.choice.place.lat if mention.choice and not mention.is_region else None


def _has_cue(mention: Found) -> bool:
    """Whether the text locates a mention itself: a relative cue or a region stated for it
    ("Добропілля на Донеччині")."""
    return mention.anchor is not None or (mention.region is not None and not mention.region_before)
