"""The last word on each mention: an approximate location for a name the gazetteer lacks,
and refusal where the evidence does not decide (homonyms far apart) or points elsewhere (a
village chosen in another country than its sentence's scene)."""

from __future__ import annotations

from tracker import front_line
from tracker.extract import capitals, cues
from tracker.extract.found import UNKNOWN_REASON, Found
from tracker.extract.place_lookup import STRIKE_REGIONS
from tracker.gazetteer import EU_NEIGHBOURS, TOWN_POPULATION, MatchReason, haversine_km
from tracker.names import has_cyrillic, skeleton

# Homonyms far apart (AMBIGUOUS_KM) whose scores differ by less than this are refused. On
# the 31 real-style sets: 0.01 → 32 far errors, 0.02 → 26 (12 right answers refused for 6 far,
# 3 spurious and 2 off), 0.04 → 20, 0.06 → 13 (then about five right answers refused per far
# error saved, and small evidence designed to decide — a region's part, two villages lying
# together — overridden)
AMBIGUOUS_MARGIN = 0.02
# ... and by this when the report's other places changed its choice (its own words chose
# another), the far errors' commonest evidence. On 52 real-style sets: far 42 -> 35, 30 more
# unresolved (about three right answers refused per far error saved).
AMBIGUOUS_MARGIN_BY_CONTEXT = 0.03
# A rival this close to the place of the mention a namesake is set apart from is that place.
_PARTNER_KM = 5.0
# A place short of a city, in another country than every firm place of its sentence and this
# far from them, is a homonym of a place the gazetteer lacks ("Podol ... near Sudzha").
SCENE_MAX_KM = 20.0
SCENE_MAX_POPULATION = 100_000
# ... or this far from the point of a region the sentence names (a region is some 200 km across)
REGION_SCENE_KM = 150.0
# ... or, named in a sentence with no other firm place, this far from every settlement of the
# report (a report's scene is a front or two)
REPORT_SCENE_KM = 100.0
HOME_COUNTRY = "UA"
# A transliterated name this far from every place its sentence names as written is another
# place of the name (a sentence's scene rarely spans more than a front's length).
DISTANT_NAMESAKE_KM = 300.0
# ... and a declined name's village, in a sentence about fighting, this far from the lines
FAR_FROM_FRONT_KM = 200.0
# A direction's town lies within this of the places on it (a front sector is some 50 km deep).
SECTOR_REACH_KM = 100.0
# A port is a town of at least this many people (the smallest Danube and sea ports: Vylkove,
# Ust-Dunaisk's town, some 8,000; Skadovsk 17,000).
PORT_MIN_POPULATION = 2_000
# The nearest firm place is sought among the sentence's first ones (a list of hundreds of
# places must not make each of them look at every other).
_NEAREST_AMONG = 64


def finish(found: list[Found]) -> None:
    for mention in found:
        if mention.unknown:
            _locate_unknown(mention)
    _refuse_undecided(found)
    _refuse_out_of_scene(found)
    _refuse_villages_called_ports(found)
    _refuse_distant_directions(found)
    for mention in found:
        before = mention.same_as
        if before is not None and before.choice is None and mention.choice is not None:
            # "this Andriivka": the one said before, which the text did not place
            mention.choice, mention.confidence = None, 0.0
            mention.reason = f"the {mention.text} said before, which is not placed: {before.reason}"
    _mark_region_references(found)
    _name_repeated_cities(found)


def _refuse_villages_called_ports(found: list[Found]) -> None:
    """A port is a town: "près de port Kavkaz" is the Russian ferry port across the Kerch
    strait, not the Mykolaiv Oblast village of that name the gazetteer has."""
    for mention in found:
        choice = mention.choice
        if mention.kind != "port" or choice is None or mention.is_region:
            continue
        if choice.place.population < PORT_MIN_POPULATION:
            mention.choice, mention.confidence = None, 0.0
            mention.reason = (
                f"the text calls it a port, but the gazetteer's {choice.place.name} is a village "
                f"in {choice.place.admin1}; the port meant is probably missing (add it as a "
                "custom place)"
            )


def _name_repeated_cities(found: list[Found]) -> None:
    """A post's closing tag that repeats a city the post names is that city (its oblast has
    framed the post's places meanwhile): "Explosionen in Charkiw ... #Charkiw"."""
    for mention in found:
        city = mention.repeats
        if city is None or city.choice is None or city.is_region:
            continue
        mention.is_region = False
        mention.choice, mention.confidence = city.choice, city.confidence
        mention.reason = f"{city.choice.reason}, the {city.choice.place.name} the post names"


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


def _refuse_distant_directions(found: list[Found]) -> None:
    """A direction is named after a town among the places on it: a village of its name far
    from all of them is another place of the name ("im Abschnitt Konstantyniwka bei
    Olexandro-Schultyne" is not a Kherson village)."""
    for sector in found:
        if not sector.is_sector or sector.choice is None:
            continue
        if sector.choice.place.population >= TOWN_POPULATION:
            continue  # (a city's direction reaches far: "Drohnen Richtung Krementschuk")
        on_it = [
            m.choice.place.point
            for m in found
            # (the places it frames: named after it, not themselves directions — "Richtung
            # Krementschuk und Myrhorod", "le front de Pokrovsk" after "À Dnipro")
            if m.sector is sector
            and m.start > sector.end
            and m.choice is not None
            and not (m.is_region or m.is_sector)
        ]
        point = sector.choice.place.point
        nearest = min((haversine_km(point, p) for p in on_it), default=0.0)
        if nearest > SECTOR_REACH_KM:
            sector.reason = (
                f"a direction named after {sector.choice.place.name} ({sector.choice.place.admin1})"
                f", {nearest:.0f} km from the places on it: another place of the name, or a "
                "spelling of it the gazetteer lacks"
            )
            sector.choice, sector.confidence = None, 0.0


def _refuse_undecided(found: list[Found]) -> None:
    """Homonyms far apart that nothing in the text tells apart stay unresolved."""
    for mention in found:
        if mention.choice is None or mention.rival is None:
            continue
        rival, margin = mention.rival
        place = mention.choice.place
        partner = mention.namesake_of.choice if mention.namesake_of else None
        if (
            partner is not None
            and haversine_km(partner.place.point, rival.place.point) < _PARTNER_KM
        ):
            continue  # "Інша Новоселівка": the text says it is not the one said before
        needed = AMBIGUOUS_MARGIN_BY_CONTEXT if mention.by_context else AMBIGUOUS_MARGIN
        if margin >= needed:
            continue
        mention.reason = (
            f"ambiguous: {place.name} ({place.admin1 or place.country}) or {rival.place.name} "
            f"({rival.place.admin1 or rival.place.country}), "
            f"{haversine_km(place.point, rival.place.point):.0f} km apart, and the text does not "
            "say which"
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
    by_sentence: dict[int, list[Found]], refused_ids: set[int]
) -> list[tuple[Found, str]]:
    """The refusals of one round; `refused_ids`: the id() of mentions refused in the rounds
    before, which locate nothing any more. Each mention looks at no more than the sentence's
    first _NEAREST_AMONG firm places."""
    found: list[tuple[Found, str]] = []
    firm_of = {
        number: _firm_places(mentions, refused_ids) for number, mentions in by_sentence.items()
    }
    # a sentence with no other firm place lies in the report's scene ("Северск: ... у
    # Переездного. ... в Спорном остаются группы ВСУ" is no Spornoye of Belgorod Oblast) —
    # for a place abroad read weakly: every Ukrainian settlement is in the gazetteer, not every
    # Russian name of one, so a declined name read as a Russian village may be a Ukrainian
    # one's other spelling; a lone Ukrainian village in a report about Belgorod and Kursk is
    # just that
    report_firm = [
        (m, REGION_SCENE_KM if m.is_region else REPORT_SCENE_KM, strong)
        for firm in firm_of.values()
        for m, _, strong in firm
    ]
    for number, mentions in by_sentence.items():
        unique = {id(m): not m.is_region and _unique(m) for m in mentions}
        firm = firm_of[number]
        for mention in mentions:
            place = mention.choice.place
            if mention.is_region or place.population >= SCENE_MAX_POPULATION:
                continue
            if mention.border_beyond and place.country != mention.border_beyond:
                continue  # "vers Valouïki, de l'autre côté de la frontière russe": said abroad
            distant = _distant_namesake(mention, firm, mentions) if firm else None
            if distant is not None:
                found.append((mention, distant))
                continue
            # a Russian form of a name read back to a Ukrainian village, in a report whose
            # every firm place is in Russia ("BELGOROD: … near Zhuravlyovka" is no Zhuravlivka
            # of Crimea, 633 km): the Russian place meant is likely one the gazetteer lacks
            foreign_form = (
                place.country == HOME_COUNTRY
                and not has_cyrillic(mention.text)
                and skeleton(mention.text) != skeleton(place.name)
                and bool(report_firm)
                and all(
                    m is mention or m.choice.place.country != HOME_COUNTRY
                    for m, _, _ in report_firm
                )
            )
            if foreign_form:
                scene = [(m, DISTANT_NAMESAKE_KM, strong) for m, _, strong in report_firm]
            elif any(m is not mention for m, _, _ in firm):
                scene = firm
            elif place.country != HOME_COUNTRY and (
                mention.choice.reason == MatchReason.INFLECTION
                or any(c.place.country == HOME_COUNTRY for c in mention.candidates)
            ):
                # only a declined form read back to a Russian name, or a name Ukraine has too:
                # "Tetkino", "Rylsk", "Льгов" alone after sentences about Donetsk are those
                scene = report_firm
            else:
                scene = []
            if not scene:
                continue
            # a name no other settlement bears yields only to an exact name or a region
            only_strong = unique[id(mention)]
            # (a town across the Danube or the Polish border is no sign of a namesake: the
            # gazetteer holds those countries' border strip only, and a Ukrainian town facing
            # it is spelt in their languages too, "d'Isaccea … d'Izmaïl")
            others = [
                (m.choice.place, reach)
                for m, reach, strong in scene[:_NEAREST_AMONG]
                if m is not mention
                and (strong or not only_strong)
                and m.choice.place.country not in EU_NEIGHBOURS
            ]
            if not others:
                continue  # (no other firm place: nothing to weigh it against)
            if any(
                m is not mention and m.choice.place.country == place.country
                for m, _, _ in scene[:_NEAREST_AMONG]
            ):
                # another firm place of the sentence in its country ("по Туапсе и Новороссийску,
                # а также по Одессе и Измаилу": Odesa keeps Izmail; "Lgov and Engels")
                continue
            if (
                mention.choice.reason == MatchReason.EXACT
                and not foreign_form
                and not _abroad_of_region(mention)
            ):
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


def _firm_places(mentions: list[Found], refused_ids: set[int]) -> list[tuple[Found, float, bool]]:
    """A sentence's firm places, each with how far its scene reaches: regions and settlements
    named exactly as written ("strong"), or by a name no other settlement bears (which yields
    to a strong one); the mentions refused locate nothing."""
    firm: list[tuple[Found, float, bool]] = []
    for m in mentions:
        if id(m) in refused_ids or (m.is_sector and not m.is_region):
            continue
        if not m.is_region and capitals.is_capital_candidate(
            m.choice.place.country, m.choice.place.name
        ):
            continue  # "teilte das Ministerium in Moskau mit": where a source sits
        strong = m.is_region or m.choice.reason == MatchReason.EXACT
        if not strong and _far_inside_russia(m):
            continue  # "bei Iwanopillja, Stupotschky und Ples": a respelling, no Plyos of Ivanovo
        if strong or (not m.is_region and _unique(m)):
            firm.append((m, REGION_SCENE_KM if m.is_region else SCENE_MAX_KM, strong))
    return firm


def _far_inside_russia(mention: Found) -> bool:
    """Whether a settlement lies in Russia outside the regions the war reaches (a village
    there read from a respelling locates no scene)."""
    place = mention.choice.place
    return (
        not mention.is_region
        and place.country != HOME_COUNTRY
        and place.admin1_code not in STRIKE_REGIONS
        and place.population < TOWN_POPULATION
    )


def _distant_namesake(
    mention: Found, firm: list[tuple[Found, float, bool]], mentions: list[Found]
) -> str | None:
    """Why a village only transliterated or declined, far from every settlement its sentence
    names as written, is refused ("près de Kozatché et de Tiahynka, à l'est de Kherson" is no
    Kozache of Sumy Oblast, 600 km off), or None. Its own cue (a region, an anchor) keeps it."""
    place = mention.choice.place
    reason = mention.choice.reason
    if (
        reason not in (MatchReason.TRANSLITERATION, MatchReason.INFLECTION)
        or mention.anchor is not None
        or mention.region is not None
        or place.population >= TOWN_POPULATION  # "Lviv et Chostka": a town's own name
        # (a name only one village bears, unless two places named as written lie far from it:
        # "le hameau de Torske, à l'ouest de Konstiantynivka" beside Lyman and Torske is no
        # Kherson village of 365, 340 km off)
        or (
            reason == MatchReason.TRANSLITERATION
            and mention.settlement_candidates() < 2
            and sum(strong and not m.is_region and m is not mention for m, _, strong in firm) < 2
        )
        # (a declined form read back to a name may be another name's: "Противник просунувся
        # біля Звиріва" among Donetsk villages is no Zviriv of Volyn, far from any front,
        # even when no other village bears the name)
        or (
            reason == MatchReason.INFLECTION
            and not (
                mention.military
                and not mention.strike_only  # "удару по Глевасі та Краматорську": both may be
                and front_line.distance_km(*place.point) > FAR_FROM_FRONT_KM
            )
        )
    ):
        return None
    if reason == MatchReason.INFLECTION:
        # (far from the lines: any other place of the sentence near them says where it is)
        written = [
            m.choice.place
            for m in mentions[:_NEAREST_AMONG]
            if m is not mention and not m.is_region and m.choice is not None
        ]
    else:
        written = [
            m.choice.place
            for m, _, strong in firm[:_NEAREST_AMONG]
            if strong and not m.is_region and m is not mention
        ]
    if not written:
        return None
    nearest = min(written, key=lambda p: haversine_km(p.point, place.point))
    distance = haversine_km(nearest.point, place.point)
    if distance <= DISTANT_NAMESAKE_KM:
        return None
    far_from = (
        f"far from the front and {distance:.0f} km from {nearest.name}"
        if reason == MatchReason.INFLECTION
        else f"{distance:.0f} km away"
    )
    return (
        f"the text places it by {nearest.name}, but the gazetteer's {place.name} is in "
        f"{place.admin1}, {far_from}; the place meant is probably missing or spelt otherwise "
        "(add it as a custom place)"
    )


def _unique(mention: Found) -> bool:
    """Whether no other settlement bears the name as written or declined ("Суджи" can only
    be Sudzha); a transliteration's one match may be a namesake ("Loknya" of Kursk Oblast is
    not Sumy's Loknia)."""
    return (
        mention.choice.reason != MatchReason.TRANSLITERATION
        and mention.settlement_candidates() == 1
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
        region = mention.region
        if (
            region is not None
            and region.start > mention.start
            and region.sentence == mention.sentence
            and not mention.in_dateline  # "MOSCOU (AFP) – ... au-dessus des régions de X"
        ):
            region.reference = True  # named after the place: it locates it (a region closing
            # a post in a sentence of its own frames the post's places and keeps its own news)
