"""The last word on each mention: an approximate location for a name the gazetteer lacks,
and refusal where the evidence does not decide (homonyms far apart) or points elsewhere (a
village chosen in another country than its sentence's scene)."""

from __future__ import annotations

from tracker.extract import cues
from tracker.extract.found import UNKNOWN_REASON, Found
from tracker.gazetteer import MatchReason, haversine_km
from tracker.model import PlaceKind

# Homonyms far apart (AMBIGUOUS_KM) whose scores differ by less than this are refused
# (a score gap below about a village-size population difference: measured on the dev sets, a
# higher margin refused more right answers than it saved far errors)
AMBIGUOUS_MARGIN = 0.01
# A place short of a city, in another country than every firm place of its sentence and this
# far from them, is a homonym of a place the gazetteer lacks ("Podol ... near Sudzha").
SCENE_MAX_KM = 20.0
SCENE_MAX_POPULATION = 100_000
# ... or this far from the point of a region the sentence names (a region is some 200 km across)
REGION_SCENE_KM = 150.0


def finish(found: list[Found]) -> None:
    for mention in found:
        if mention.unknown:
            _locate_unknown(mention)
    _refuse_undecided(found)
    _refuse_out_of_scene(found)
    _mark_region_references(found)


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


def _refuse_out_of_scene(found: list[Found]) -> None:
    """A village chosen in another country than every other settlement and region of its
    sentence, far from all of them, is the homonym of a place the gazetteer lacks: Kursk
    Oblast villages near Sudzha are not their namesakes in Sumy or Luhansk oblasts, and
    "Губернатор Белгородской области ... село Демидовка" is not the Demydivka of Kherson."""
    by_sentence: dict[int, list[Found]] = {}
    for mention in found:
        if mention.choice is not None:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    refused: list[tuple[Found, str]] = []
    # a refused place locates nothing: the rounds repeat until no new refusal ("Melovoy" read
    # as Luhansk's Milove must not keep Podil of Sumy Oblast in the scene)
    for _ in range(3):
        done = {id(m) for m, _ in refused}
        found_now = _scene_refusals(by_sentence, done)
        if len(found_now) == len(refused):
            break
        refused = found_now
    for mention, reason in refused:
        mention.choice, mention.confidence, mention.reason = None, 0.0, reason


def _scene_refusals(
    by_sentence: dict[int, list[Found]], refused: set[int]
) -> list[tuple[Found, str]]:
    found: list[tuple[Found, str]] = []
    for mentions in by_sentence.values():
        # the sentence's firm places, each with how far its scene reaches: settlements named
        # exactly as written or by a name no other settlement bears (the mentions refused are
        # not) and regions
        firm = [
            (m, REGION_SCENE_KM if m.is_region else SCENE_MAX_KM)
            for m in mentions
            if id(m) not in refused
            and (
                m.is_region
                or (not m.is_sector and (m.choice.reason == MatchReason.EXACT or _unique(m)))
            )
        ]
        for mention in mentions:
            place = mention.choice.place
            if mention.is_region or place.population >= SCENE_MAX_POPULATION:
                continue
            # a name no other settlement bears yields only to an exact name or a region
            others = [
                (m.choice.place, reach)
                for m, reach in firm
                if m is not mention
                and (not _unique(mention) or m.is_region or m.choice.reason == MatchReason.EXACT)
            ]
            if not others or place.country in {p.country for p, _ in others}:
                continue
            if mention.choice.reason == MatchReason.EXACT and not _abroad_of_region(mention):
                continue
            nearest, reach = min(others, key=lambda f: haversine_km(f[0].point, place.point) - f[1])
            distance = haversine_km(nearest.point, place.point)
            if distance > reach:
                found.append(
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
    return found


def _unique(mention: Found) -> bool:
    """Whether no other settlement bears the name as written or declined ("Суджи" can only
    be Sudzha); a transliteration's one match may be a namesake ("Loknya" of Kursk Oblast is
    not Sumy's Loknia)."""
    return (
        mention.choice.reason != MatchReason.TRANSLITERATION
        and sum(c.place.kind != PlaceKind.REGION for c in mention.candidates) == 1
    )


def _abroad_of_region(mention: Found) -> bool:
    """Whether the region that locates a place ("В Курской области ... Олешня") is in
    another country than the place chosen."""
    region = mention.region.choice if mention.region is not None else None
    return region is not None and region.place.country != mention.choice.place.country


def _mark_region_references(found: list[Found]) -> None:
    """ "near X and Y in Donetsk Oblast": the oblast only locates X and Y — whether or
    not X is found, its claim is never moved onto the oblast."""
    for mention in found:
        if mention.region is not None and mention.region.start > mention.start:
            mention.region.reference = True  # named after the place: it locates it
