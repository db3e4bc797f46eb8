"""Reading the context of each place name: whether it names a place at all where it stands
(not a capital speaking for its government, a unit, a river), whether its sentence reports
fighting, and what locates it — a relative cue, a region named after it ("in Sumy Oblast"),
an operational direction or a raion or hromada its sentence names."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from tracker.extract.abroad import mark_country_adjectives
from tracker.extract.anchors import attach_anchors
from tracker.extract.city_districts import mark_city_districts
from tracker.extract.claim_lexicon import PEOPLES_REPUBLIC, PEOPLES_REPUBLIC_BEFORE
from tracker.extract.corrections import read_corrections
from tracker.extract.country_parts import attach_country_parts
from tracker.extract.found import Found
from tracker.extract.groupings import zone_in
from tracker.extract.lexicon import (
    REGION_ORIGIN_BEFORE,
    ROUTE_BEFORE,
    SECTOR_AFTER,
    SECTOR_BEFORE,
    elided_sector,
)
from tracker.extract.lists import mark_lists
from tracker.extract.namesakes import (
    NAMESAKE_APART,
    NAMESAKE_WORDS,
    aside_spans,
    describes_namesake,
    mark_asides,
    mark_namesakes,
    mark_said_again,
    name_key,
)
from tracker.extract.not_places import (
    frames_its_people,
    initial_adjective,
    is_actor,
    listed_with_places,
    names_government,
    names_other_thing,
)
from tracker.extract.officials import OBLAST_HEADS
from tracker.extract.place_kinds import attach_kinds, read_villages_said
from tracker.extract.place_lookup import REGION_SUFFIX, PlaceLookup
from tracker.extract.prefixed import prefixed
from tracker.extract.region_parts import attach_region_parts
from tracker.extract.renamings import mark_renamings
from tracker.extract.scan import fighting_positions, scan_lexicon
from tracker.gazetteer import TOWN_POPULATION, MatchReason
from tracker.model import PlaceKind
from tracker.names import RUSSIAN_ONLY_LETTERS, skeleton

# Words before a region whose border, not its inside, is meant.
BORDER_BEFORE = re.compile(
    # (a word's start: "у прикордонні Чернігівщини", "в приграничье" are inside the region)
    r"(?<![^\W\d_])(?:border|boundary|frontière|limite|grenze|grenzgebiet|границ\w*|кордон\w*|"
    # (lower case: "в районах Новопавловки и Межевой Днепропетровской области" names the town
    # Mezhova, not a border)
    r"адмінкордон\w*|(?-i:меж[аіуею]\w*)|адмінмеж\w*|стык\w*|"
    # "where the oblast meets Zaporizhzhia Oblast", "межує з", "граничит с", "grenzt an"
    r"meets|adjoins|межу\w*|гранич\w*|grenzt\s+an|touche)"
    r"\s+(?:(?:of|with|between|de|d['’]|avec|entre|zu[mr]?|mit|des|der|zwischen|с|со|з|із)\s+)?"
    r"(?:the\s+|la\s+|les\s+|l['’]|dem\s+|den\s+|der\s+)?"
    # ("an der Grenze zum russischen Gebiet Belgorod", "the border with Russia's Kursk Oblast")
    r"(?:(?:russischen|russian|russia['’]s|russe|ukrainischen|ukrainian|ukrainienne)\s+)?"
    r"(?:(?:regions|oblasts|régions|gebieten?|oblasten)\s+(?:of\s+|de\s+|d['’])?)?$",
    re.IGNORECASE,
)
# A conjunction right after a region: the next places are other scenes, not inside it.
COORDINATED_AFTER = re.compile(
    r"[\s,]*(?:and|et|und|sowie|ainsi\s+qu\w*|as\s+well\s+as|і|й|та|и|а\s+також|а\s+также)"
    r"(?!\w)",
    re.IGNORECASE,
)
# What may stand between a place and the region that locates it: "X in Sumy Oblast".
REGION_ATTACHING = frozenset(
    {"", "in", "in the", "у", "в", "на", "dans", "dans la", "en", "im", "in der"}
)


def attach_context(
    places: PlaceLookup,
    text: str,
    found: list[Found],
    sentences: list[tuple[int, int]],
    scans: dict[str, list[re.Match]] | None = None,
) -> list[Found]:
    """Relative cues, region hints and the fighting flag, within each sentence; returns
    the mentions that remain places ("Selon Moscou", "Kyiv said" name actors).

    `scans`: the text's action and side words (`scan_lexicon`), scanned here when not given."""
    found = _elided_regions(places, text, found)
    found = [
        m
        for m in found
        if not (
            is_actor(text, m)
            or (names_other_thing(text, m) and not frames_its_people(text, m, found))
            or initial_adjective(text, m, sentences[m.sentence][0])
        )
    ]
    if scans is None:
        scans = scan_lexicon(text)
    fighting = fighting_positions(text, scans)
    military = [False] * len(sentences)
    starts = [s for s, _ in sentences]

    def sentence_of(position: int) -> int | None:
        number = bisect_right(starts, position) - 1
        return number if number >= 0 and position < sentences[number][1] else None

    for position in fighting:
        number = sentence_of(position)
        if number is not None:
            military[number] = True
    actions: dict[int, set[str]] = {}  # (only the sentences with an action)
    ground: set[int] = set()  # sentences of fighting on the ground
    for match in scans["action"]:
        number = sentence_of(match.start())
        if number is not None:
            actions.setdefault(number, set()).add(match.lastgroup)
            if match.lastgroup in _GROUND_ACTIONS or (
                match.lastgroup == "attack" and not _by_air_or_sea(text, sentences[number])
            ):
                ground.add(number)
    for match in scans["fighting"]:  # "fighting near X", "Kämpfe bei X": on the ground too
        number = sentence_of(match.start())
        if number is not None:
            ground.add(number)
    # (a report without a Russian-only letter, as an ASCII one, has no sentence with one)
    russian = (
        [bool(_RUSSIAN_LETTERS.search(text, start, end)) for start, end in sentences]
        if not text.isascii() and _RUSSIAN_LETTERS.search(text)
        else [False] * len(sentences)
    )
    for mention in found:
        mention.military = military[mention.sentence]
        mention.strike_only = actions.get(mention.sentence) == {"strike"}
        mention.ground = mention.sentence in ground
        mention.russian = russian[mention.sentence]
    attach_anchors(text, found, sentences)
    mark_city_districts(text, found)  # (before a capital named as a government is let go)
    # A capital that locates another place ("south of Kyiv") is a place; elsewhere it
    # may stand for its government.
    found = [
        m
        for i, m in enumerate(found)
        if m.reference
        or listed_with_places(text, found, i)
        or not names_government(text, m, sentences[m.sentence][0])
    ]
    read_villages_said(text, found)
    _read_republics(places, text, found)
    _read_region_labels(places, text, found)
    _read_region_directions(places, text, found)
    # (the words about namesakes first: a heading frames none of their places)
    mark_asides(text, found, sentences)
    _attach_regions(text, found, sentences)
    _named_as_a_region_before(found)
    mark_namesakes(text, found, sentences)
    mark_said_again(text, found)
    _anchor_to_the_name_said_before(found)
    mark_lists(text, found)
    mark_renamings(text, found)
    attach_kinds(text, found, sentences)
    read_corrections(text, found, sentences)
    _attach_sectors(places, text, found)
    _attach_areas(places, text, found, sentences)
    mark_country_adjectives(text, found)
    _attach_zones(text, found, sentences)
    attach_region_parts(
        text, found, sentences, {id(m) for m in found if m.is_region and not _border_of(text, m)}
    )
    attach_country_parts(text, found)
    _written_by_administration(places, text, found)
    return found


def _named_as_a_region_before(found: list[Found]) -> None:
    """ "les régions de Briansk, de Koursk et d'Orel … à Orel": a place written as a region the
    report named before is in that region (the city it is named after, not an Odesa hamlet Orel),
    unless its own sentence gives it a region."""
    regions: dict[str, Found] = {}
    for mention in found:
        if mention.is_region:
            if not mention.is_sector and mention.candidates:
                regions.setdefault(mention.text.casefold(), mention)
        elif mention.region is None and mention.candidates:
            region = regions.get(mention.text.casefold())
            if region is not None:
                mention.region, mention.region_before = region, True


def _written_by_administration(places: PlaceLookup, text: str, found: list[Found]) -> None:
    """ "Чернігівська ОВА: ворожий дрон влучив у авто поблизу Семенівки", "Sumy Regional Military
    Administration: …": an oblast's administration heading a post writes of its oblast, as a
    regional desk's dateline does (a light pull to the oblast's places)."""
    if any(m.dateline for m in found):
        return
    heading = _ADMINISTRATION_HEADING.match(text)
    official = heading is None
    if heading is not None:
        name = heading.group(1) or heading.group(2) or heading.group(3)
        oblast = f"{name} область" if heading.group(1) else f"{name} Oblast"
    else:
        # (or the head of an oblast, named in the post's first words: "Губернатор Гладков:")
        opening = text[:_OPENING_CHARS]
        oblast = next((o for head, o in OBLAST_HEADS if head.search(opening)), None)
        if oblast is None:
            return
    regions = [c.place for c in places.lookup(oblast) if c.place.kind == PlaceKind.REGION]
    if not regions:
        return
    region = regions[0]
    cities = [
        c.place
        for c in places.lookup(region.name.removesuffix(" Oblast"))
        if c.place.kind != PlaceKind.REGION and c.place.admin1_code == region.admin1_code
    ]
    if not cities:
        return
    centre = max(cities, key=lambda place: place.population)
    for mention in found:
        # (a governor named may speak of fighting beyond his oblast: "Віталій Кім: ворог
        # атакував Очаків … а також Миколаївку" is no village by the front in Donetsk Oblast)
        if not mention.is_region and not (official and mention.ground):
            mention.dateline, mention.dateline_oblast_only = centre, True


# A post's first words, where an official heading it is named
_OPENING_CHARS = 40
# An oblast's administration opening a post: "Чернігівська ОВА (В'ячеслав Чаус):", "Сумская
# ОВА:", "Kharkiv Regional Military Administration:"
_ADMINISTRATION_HEADING = re.compile(
    r"[\W_]{0,6}(?:([А-ЯІЇЄҐ][а-яіїєґ'’]+(?:ська|цька|зька|ская|цкая))\s+(?:ОВА|ОДА|обласна\s+"
    r"військова\s+адміністрація)|([A-Z][a-z]+)\s+(?i:regional|oblast)\s+(?i:military\s+)?"
    r"(?i:administration)|([A-Z][a-z]+)\s+RMA)\b"
)


# The actions of ground fighting (not a strike, nor "repel", which air defence says too)
_GROUND_ACTIONS = frozenset({"advance", "capture", "withdraw", "control"})
# An attack by air or sea reaches the rear: "Russian drones attacked Kacha", "отражение атаки
# безэкипажных катеров" is no ground fighting ("infantry supported by drones attacked" is).
_BY_AIR_OR_SEA = re.compile(
    r"dron|drohne|uav|missile|rocket|rakete|shahed|glide\s+bomb|boat|bateau|"
    r"дрон|беспилот|безпілот|бпла|ракет|шахед|катер|авиабомб|авіабомб",
    re.IGNORECASE,
)
# (as support only: "with drones", "с применением ракет" name what attacks)
_SUPPORTED_BY = re.compile(
    r"(?:support(?:ed)?\s+(?:by|of)|backed\s+by|appui\s+d[eu']|soutien\s+d[eu']|"
    r"unterstützt\s+von|unterstützung|при\s+поддержке|при\s+підтримці|за\s+підтримки)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _by_air_or_sea(text: str, sentence: tuple[int, int]) -> bool:
    """Whether a sentence's attack is by a weapon of the air or the sea (not one that only
    supports the troops)."""
    return any(
        not _SUPPORTED_BY.search(text, max(sentence[0], word.start() - 40), word.start())
        for word in _BY_AIR_OR_SEA.finditer(text, *sentence)
    )


def _anchor_to_the_name_said_before(found: list[Found]) -> None:
    """ "in southern Kamianske (west of Orikhiv) and near Stepove (east of Kamianske)": a cue's
    place said again bare in its sentence is the one said before (not set apart, no words of
    its own about where it is): the cue measures from it."""
    for mention in found:
        anchor = mention.anchor
        if anchor is None or anchor.namesake_of is not None or anchor.aside >= 0:
            continue
        if anchor.anchor is not None or anchor.region_attached or anchor.same_as is not None:
            continue
        if not anchor.candidates or anchor.is_region:
            continue
        key = name_key(anchor)
        before = next(
            (
                m
                for m in found
                if m.start < anchor.start
                and m is not mention
                and m.sentence == anchor.sentence
                and not m.is_region
                and m.candidates
                and name_key(m) == key
            ),
            None,
        )
        if before is not None:
            mention.anchor, before.reference = before, True
            anchor.same_as = before


def _read_republics(places: PlaceLookup, text: str, found: list[Found]) -> None:
    """ "in the Donetsk People's Republic", "la République populaire de Louhansk": the
    occupation's name for the oblast, a region that locates places like the oblast's name."""
    for mention in found:
        if mention.is_region or not mention.candidates:
            continue
        after = PEOPLES_REPUBLIC.match(text, mention.end)
        if not (
            after or PEOPLES_REPUBLIC_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        ):
            continue
        admin1 = mention.candidates[0].place.admin1
        regions = [c for c in places.lookup(admin1 or "") if c.place.kind == "region"]
        if regions:
            mention.candidates, mention.is_region = regions, True
            if after:
                mention.end = after.end()
                mention.text = text[mention.start : mention.end]


_RUSSIAN_LETTERS = re.compile(f"[{''.join(sorted(RUSSIAN_ONLY_LETTERS))}]", re.IGNORECASE)


def _read_region_labels(places: PlaceLookup, text: str, found: list[Found]) -> None:
    """ "#Zaporozhye", "#Donbas", "près de Maliïvka (Dnipropetrovsk)": a post's tag, or a name
    in brackets right after a place, names the region when one bears the name — never a
    village or the city of it, whatever frames the post."""
    said: dict[str, Found] = {}  # the settlements the post names as words, by name
    for mention in found:
        if not mention.is_region and mention.candidates and not _hashtag(text, mention):
            said.setdefault(_key(mention), mention)
    # ("Explosions heard in the city. #Zaporizhzhia": a post about a city that names no
    # other place, nor its region, tags the city)
    of_the_city = (
        not said
        and _CITY_WORDS.search(text) is not None
        and _REGION_WORDS.search(text) is None
        and not any(m.is_region and not _hashtag(text, m) for m in found)
    )
    for previous, mention in pairwise([None, *found]):
        if mention.is_region:
            continue
        bracketed = (
            previous is not None
            and _BRACKET_LABEL.fullmatch(text, previous.end, mention.start)
            and text.startswith(")", mention.end)
        )
        if bracketed or (
            # (a tag read as a word of its sentence, "Explosions à #Soumy et à #Konotop cette
            # nuit", "у #Суми вночі", is the city; "на #Запоріжжі", "новини у #Херсон" closing
            # a post are the region's)
            _hashtag(text, mention)
            and not of_the_city
            and not (
                _IN_BEFORE_TAG.search(text, max(0, mention.start - 8), mention.start)
                and _WORDS_AFTER_TAG.match(text, mention.end)
            )
        ):
            regions = places.tag_regions(mention.text, mention.candidates)
            if regions:
                if not bracketed:
                    mention.repeats = said.get(_key(mention))
                mention.candidates, mention.is_region = regions, True


def _read_region_directions(places: PlaceLookup, text: str, found: list[Found]) -> None:
    """ "на Запорізькому напрямку": a direction named after an oblast frames its sentence's
    places as the oblast would (a front some 150 km wide draws them to no point)."""
    for mention in found:
        if mention.is_region:
            continue
        regions = places.direction_regions(mention.text)
        if regions and _names_sector(text, mention):
            mention.candidates, mention.is_region, mention.is_sector = regions, True, True


_BRACKET_LABEL = re.compile(r"\s*\(")
# A move to a region: "уезжают в Крым", "евакуювали до Київщини", "fled to", "evakuiert nach"
_GOING_TO = re.compile(
    r"(?:уезжа\w*|уехал\w*|выезжа\w*|выехал\w*|переезжа\w*|эвакуир\w*|вывез\w*|"
    r"виїжджа\w*|виїхал\w*|переїжджа\w*|евакуйов\w*|евакуюва\w*|вивез\w*|"
    r"fled|flee\w*|evacuated|moved|relocated|fuient|fui|évacué\w*|geflohen|flieh\w*|"
    r"evakuiert|umgesiedelt)\s+(?:\w+\s+){0,3}(?:в|во|у|до|на|to|into|vers|en|nach|in)\s+$",
    re.IGNORECASE,
)
_TO_WORD = re.compile(
    r"\s+(?:to|into|в|во|у|до|на|vers|en|nach|in)\s+(?:the\s+|la\s+|le\s+|l['’]|die\s+)?",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"(?<!\w)(?:from|depuis|aus|из|з|із|зі)\s+$", re.IGNORECASE)
_FROM_TO = re.compile(
    r"\s+(?:to|into|vers|nach|до|в|во|у|на)\s+(?:the\s+|la\s+|le\s+|l['’])?", re.IGNORECASE
)
_CYRILLIC_TO = re.compile(r"\s+(?:в|во|у|на)\s+", re.IGNORECASE)
# A region in the accusative, gone to: "в Краснодарский край", "у Херсонську область"
_REGION_GONE_TO = re.compile(r"(?:край|область|республику|Крым|Крим)$", re.IGNORECASE)
_NEIGHBOURING = re.compile(
    r"(?<!\w)(?:benachbart\w*|neighbou?ring|voisine?s?|limitrophes?|сусідн\w*|соседн\w*)"
    r"\s+(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)
# ", and" then a word that opens no noun phrase: another verb's clause
_NEXT_VERB = re.compile(
    r",\s++(?:and|et|und)\s+(?!(?:near|in|at|around|on|the|a|an|to|from|de|du|des|la|le|les|"
    r"un|une|l['’]|à|près|dans|vers|depuis|bei|im|in|an|der|die|das|den|ein|eine|einen|zu|nach|"
    r"von|aus)[\s'’])(?=(?-i:[a-zàâéèêôûç]))"
)
# "near X, Y and Z and near W in Kherson region": "and near" opens another group of places,
# whose region it is
_AND_NEAR = re.compile(
    r"\s(?:and|et|und|та|і|й|и)\s+(?:near|around|close\s+to|près\s+de|autour\s+de|bei|nahe|"
    r"біля|поблизу|у\s+районі|в\s+районе|около|возле|під|под)\s",
    re.IGNORECASE,
)
# ("à", "у": the few characters before the "#")
_IN_BEFORE_TAG = re.compile(r"(?<!\w)(?:à|in|dans|у|в|во|on|sur|auf|по)\s*#$", re.IGNORECASE)
_CITY_WORDS = re.compile(
    r"(?<!\w)(?:the city|in town|[ув] місті|в городе|la ville|en ville|in der Stadt)(?!\w)",
    re.IGNORECASE,
)
# ... and words of a region or its communities, which say the post is about more than a city
_REGION_WORDS = re.compile(
    r"(?<!\w)(?:region\w*|oblast|province|communit\w+|communes?|Gebiet\w*|Gemeinden?|"
    r"région\w*|област\w*|громад\w*|район\w*|district\w*)(?!\w)",
    re.IGNORECASE,
)
_WORDS_AFTER_TAG = re.compile(
    r"[^\S\n]*(?:,\s*)?(?:et|and|та|і|и|und)?[^\S\n]*[^\W\d_#]", re.IGNORECASE
)


def _hashtag(text: str, mention: Found) -> bool:
    return text[mention.start - 1 : mention.start] == "#"


def _attach_zones(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """ "Подразделения группировки войск «Восток» освободили X": the group's zone."""
    zones: dict[int, tuple[tuple[float, float], ...] | None] = {}
    for mention in found:
        if mention.is_region:
            continue
        if mention.sentence not in zones:
            zones[mention.sentence] = zone_in(text, *sentences[mention.sentence])
        mention.zone = zones[mention.sentence]


def _attach_regions(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """ "near X and Y in Donetsk Oblast": a region named after the places covers them; one
    named before them in their sentence ("В Курской области ... освободили X и Y") locates
    them more loosely. A region whose border is meant ("к границе Днепропетровской
    области") holds neither."""
    groups = _region_groups(text, found)
    # "on the border of the Donetsk and Dnipropetrovsk oblasts": both locate (in one of them);
    # "near the border with the Kursk and Bryansk regions": neither (it lies across it)
    locating = []
    at_border: set[int] = set()  # regions named as a border ("на границе X и Y областей")
    for i, m in enumerate(found):
        border = _border_of(text, m) if m.is_region else None  # (read only for regions)
        locating.append(
            m.is_region
            and (not border or (i in groups and not _with(border)))
            # "left through Crimea", "через Крым": a route, no place's region
            and not ROUTE_BEFORE.search(text, max(0, m.start - 12), m.start)
            # "загрозу з боку Брянщини": where fire comes from
            and not REGION_ORIGIN_BEFORE.search(text, max(0, m.start - 28), m.start)
        )
        if border:
            at_border.update(id(found[j]) for j in groups.get(i, (i,)))
    next_region: int | None = None  # index of the region named next in the sentence
    nearest = False  # whether no place lies between this mention and that region
    framed: set[str] = set()  # the names of the places that region was stated for
    taken = False  # whether a place right before that region is stated to lie in it
    beyond = False  # whether a place after this one cannot lie in that region
    held = False  # whether a place nearer that region than this one can lie in it
    counts: _WordCounts | None = None
    # where another clause begins (";", ", while", ", tandis que") and where a namesake is
    # set apart ("of the same name as"): a region after them is no place's before them
    breaks = sorted(m.start() for m in _REGION_BREAK.finditer(text))
    # ", а" ("whereas") also starts a clause whose region is its own ("Добропілля на
    # Донеччині — місто біля Покровська, а село Добропілля розташоване на Запоріжжі"); it
    # does not end the frame of a region before it, as a ";" does not
    clause_starts = sorted(
        [
            *breaks,
            *(m.start() for m in _CONTRAST.finditer(text)),
            *(m.start() for m in _THE_OTHER.finditer(text)),
        ]
    )
    # whether a region that locates is named before each mention in its sentence
    region_opens: list[bool] = []
    for index, mention in enumerate(found):
        before = index > 0 and found[index - 1].sentence == mention.sentence
        opens = before and found[index - 1].is_region and locating[index - 1]
        region_opens.append(before and (region_opens[index - 1] or opens))
    for index in range(len(found) - 1, -1, -1):
        mention = found[index]
        if next_region is not None and found[next_region].sentence != mention.sentence:
            next_region = None
        if mention.is_region:
            next_region = index if locating[index] else None
            taken = False
            framed = set()
            beyond = held = False
            nearest = True
            continue
        if next_region is not None and not nearest and SECTOR_AFTER.match(text, mention.end):
            # "у Полтавки и Доброполья на гуляйпольском участке, а также у Доброполья в
            # Донецкой области": the direction named after places is their frame; a region
            # said of another place after it is not theirs
            next_region = None
            continue
        nearest = False
        if next_region is not None and (
            _COORDINATED_IN.fullmatch(text, mention.end, found[next_region].start)
            or _AND_NEAR.search(text, mention.end, found[next_region].start)
        ):
            # "освободили Алексеевку и Садки, а в Харьковской области — Волчанские Хутора":
            # the region opens the next group; no place before it lies in it by its word
            next_region = None
            continue
        if (
            next_region is not None
            and (
                # "Dnepropetrovsk region: our units took X ... #DPR": the text's own frame before
                # the place says more than a tag after it
                (_hashtag(text, found[next_region]) and region_opens[index])
                # "звільнили Архангельське, Високопілля, Давидів Брід, Снігурівку на
                # Миколаївщині": a place of the list that cannot lie in the region shows where
                # the list leaves it — the region is not said of the places before that one
                or beyond
                or (mention.reference and ")" in text[mention.end : found[next_region].start])
                # "Херсон (дрони по Садовому та Антонівці) і Лиман на Донеччині": an aside
                # closed before the region, which another place after it is said with
                or _closes_aside(text, found, index, next_region)
                # "the regional capital Zaporizhzhia, the village of Zaporizhzhia in Donetsk
                # region": the region is said of the name's nearer mention
                or (mention.candidates and name_key(mention) in framed)
                or _COORDINATED.fullmatch(text, mention.end, found[next_region].start)
                or _any_between(clause_starts, mention.end, found[next_region].start)
                # "из Алешек ... жители уезжают в Крым": where people go, not where X is
                or _GOING_TO.search(text, mention.end, found[next_region].start)
                # "через Каланчак в Крым", "via Kalanchak into Crimea": a route's end
                or (
                    ROUTE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
                    and _TO_WORD.fullmatch(text, mention.end, found[next_region].start)
                )
                # ... or a way's two ends: "паромная переправа из Керчи в Краснодарский край"
                # (not "из Алешек в Херсонской области", where it lies)
                or (
                    _FROM_BEFORE.search(text, max(0, mention.start - 8), mention.start)
                    and _FROM_TO.fullmatch(text, mention.end, found[next_region].start)
                    and (
                        _CYRILLIC_TO.fullmatch(text, mention.end, found[next_region].start) is None
                        or _REGION_GONE_TO.search(found[next_region].text) is not None
                    )
                )
                # "Кіндратівка та Володимирівка теж мають тезок у Донецькій області": where
                # their namesakes are
                or NAMESAKE_APART.search(text, mention.end, found[next_region].start)
                # "près de Fedorivka, et tentent de contourner la ville … depuis Bilohorivka,
                # dans l'oblast de Louhansk": the next verb's places
                or _NEXT_VERB.search(text, mention.end, found[next_region].start)
                # "Konotop wurden angegriffen, im benachbarten Gebiet Tschernihiw …": another
                # clause's region than theirs (not "towards X in neighbouring Y Oblast")
                or (
                    "," in text[mention.end : found[next_region].start]
                    and _NEIGHBOURING.search(
                        text,
                        max(mention.end, found[next_region].start - 30),
                        found[next_region].start,
                    )
                )
            )
        ):
            # "Тернопіль та Львівщина": two things hit, neither locates the other; "hit
            # Mykolaiv, while drones targeted ... Nizhyn in the Chernihiv region": another
            # clause's region
            pass
        elif next_region is not None:
            region = found[next_region]
            mention.region = region
            if mention.candidates:
                framed.add(name_key(mention))
            mention.joined_regions = _joined(found, groups, next_region)
            between = text[mention.end : region.start].strip(' ,(«“"').lower()
            mention.region_attached = between in REGION_ATTACHING
            # a region after another clause locates the place loosely — unless it is stated
            # for a place nearer it: "reprise Lyman ... et progressent vers Svatove, dans la
            # région de Louhansk" says where Svatove is, not Lyman
            if counts is None:
                counts = _WordCounts(text, found)
            # (a hashtag tags the whole post: "... под Торецком! #Днепропетровщина")
            hashtag = _hashtag(text, region)
            # (a cue's reference town, "30 km north of Huliaipole on the Dnipropetrovsk Oblast
            # side of the border": the region after it is as likely said of the places the
            # cue locates; it frames the town loosely)
            loose = hashtag or mention.reference
            # (a town the region cannot hold, its name's first reading, is framed loosely:
            # "vers Dobropillia et Pavlohrad, dans la région de Dnipropetrovsk" — the list's
            # region is wrong for it, and its namesake nearest the region no likelier than the
            # town; not a village's name, perhaps a spelling the gazetteer lacks ("Sladkoye …
            # in the Zaporozhye region"), nor "Московским" read first as a village)
            mention.region_before = (
                loose
                or _apart(counts, found, index, next_region)
                or (
                    bool(mention.candidates)
                    and mention.candidates[0].place.population >= TOWN_POPULATION
                    and _firmly_outside(text, mention, region)
                )
            )
            mention.region_attached = mention.region_attached and not loose
            # nor where a reference point of another place's cue lies: "Ridkodoub, au nord
            # de Lyman, et ... depuis Hrekivka, dans la région de Louhansk"
            if (mention.region_before or mention.reference) and taken:
                mention.region, mention.joined_regions = None, ()
                mention.region_before = False
            taken = taken or mention.region_attached
            # (unless the region is stated for it and nothing between can lie in it: in
            # "Ivanivka, Andriivka and Kurakhove in the Dnipropetrovsk region" the region is
            # wrong for Kurakhove, not the others'; "над Климово и Курковичами, 18 — над
            # Курской областью" is another item's region)
            beyond = (held or not mention.region_attached) and _firmly_outside(
                text, mention, region
            )
            held = held or (bool(mention.candidates) and not _outside(mention, region))
    _attach_borders(text, found, groups, sentences)
    apart = sorted(m.end() for m in NAMESAKE_APART.finditer(text)) if breaks else []
    clause_breaks = [b for b in breaks if text[b] != ";"]
    # a region opening its sentence ("Dans l'oblast de Zaporijjia, ... tandis que Stepove,
    # près de Kamianské, reste disputé") frames it past a ", while": the other clause is
    # still there, and a place it cannot hold stops it
    while_breaks = {m.start() for m in _WHILE.finditer(text)} if clause_breaks else set()
    opening_breaks = [b for b in clause_breaks if b not in while_breaks]
    # a region said of the places before it ("освобождены Новоивановка и Полтавка Запорожской
    # области; уничтожены склад у Покровского") frames nothing past the next clause
    closing = {
        id(m.region)
        for m in found
        if m.region is not None and m.region_attached and m.region.start > m.start
    }
    earlier: Found | None = None
    earlier_index = -1
    heading: Found | None = None  # "📍 Днепропетровская область." on a line of its own
    lead = False  # whether the heading is a lead sentence's region (see _only_place_of_the_lead)
    for index, (mention, locates) in enumerate(zip(found, locating, strict=True)):
        if earlier is not None and (
            earlier.sentence != mention.sentence
            # ", while ...", "not to be confused with ..." end a frame, and a region describing
            # a namesake set apart ("not the Donetsk Oblast city of X") frames nothing after
            # it; a ";" does not ("На Чернігівщині ...; у Городні ...")
            or _any_between(
                breaks
                # (a border frames its clause: "На границе Донецкой и Днепропетровской
                # областей ВСУ отступили из Филии; в Запорожье ..." is the city)
                if id(earlier) in closing or id(earlier) in at_border
                else opening_breaks
                if _opens_sentence(earlier, sentences)
                else clause_breaks,
                earlier.end,
                mention.start,
            )
            or describes_namesake(text, apart, earlier)
            # a direction's frame ends where the next direction is named ("На Запорізькому
            # напрямку ... біля Малої Токмачки, а на Покровському — біля Новопавлівки")
            or (earlier.is_sector and not mention.is_region and _names_sector(text, mention))
        ):
            earlier = None
        if mention.is_region and locates and _alone_in_sentence(text, mention, sentences):
            heading, lead = mention, False
            continue
        if mention.is_region and locates and _only_place_of_the_lead(found, index):
            heading, lead = mention, True
            continue
        if mention.is_region:
            # "région de Soumy et près de X": a scene of its own, not the frame of X
            framing = locates and not COORDINATED_AFTER.match(text, mention.end)
            earlier, earlier_index = (mention, index) if framing else (None, -1)
        elif mention.region is None and earlier is not None:
            joined = _joined(found, groups, earlier_index)
            if not joined and _firmly_outside(text, mention, earlier):
                # "dans l'oblast de Kharkiv, près de Serebrianka au nord de Siversk, ... près
                # de Vorone": the list has left the region at the first place it cannot hold
                earlier = None
            else:
                mention.region, mention.region_before = earlier, True
                mention.joined_regions = joined
        elif (
            mention.region is None
            and heading is not None
            # (not the words about a namesake: "Не путать с Новопавловкой у Красноармейска!")
            and mention.aside < 0
            # (a lead's strikes on an oblast say nothing of where troops fight: "On the front
            # line, Russian troops attacked near Novopavlivka")
            and not (lead and mention.ground)
        ):
            if _outside(mention, heading):
                # "Донбасс. ДНР. ... работают по Орехову": a channel's heading, not where the
                # places are; it frames nothing from the first place of its country that
                # cannot lie in it (a strike on Belgorod says nothing of the heading)
                if _same_country(mention, heading):
                    heading = None
            else:
                mention.region, mention.region_before = heading, True
    _frame_by_closing_region(text, found, locating, sentences)


# A post this short whose one region closes it ("Климово, Погар, Севск — ночью снова
# беспилотники. Брянщина на передовой") names where its places are.
_SHORT_POST_SENTENCES = 3


def _frame_by_closing_region(
    text: str, found: list[Found], locating: list[bool], sentences: list[tuple[int, int]]
) -> None:
    """The one region of a short post, named in a sentence after its places, frames them
    loosely (as a heading would) — up to the first place it cannot hold."""
    regions = [m for m, locates in zip(found, locating, strict=True) if m.is_region and locates]
    if len(sentences) > _SHORT_POST_SENTENCES or len(regions) != 1 or regions[0] is not found[-1]:
        return
    region = regions[0]
    places = found[:-1]
    if _hashtag(text, region):
        # a tag closing a post tags all of it ("... уже в Варваровке и Доброполье (не путать с
        # Добропольем под Красноармейском!). #Запорожье"): each place it can hold, loosely —
        # unless a place it cannot hold (but in the words about a namesake) shows the post
        # covers more than its region
        apart = sorted(m.end() for m in NAMESAKE_APART.finditer(text))
        if any(_outside(m, region) and not describes_namesake(text, apart, m) for m in places):
            return
        for mention in places:
            if mention.region in (None, region) and not _outside(mention, region):
                mention.region, mention.region_before = region, True
                mention.region_attached = False
        return
    if any(
        m.sentence == region.sentence or m.region is not None or _outside(m, region) for m in places
    ):
        return
    # only when one of the places can lie nowhere else ("Севск"): else the closing sentence
    # may be news of its own ("... captured Andriivka. Sumy Oblast came under attack.")
    if not any(_inside(m, region) for m in places):
        return
    for mention in places:
        mention.region, mention.region_before = region, True


def _firmly_outside(text: str, mention: Found, region: Found) -> bool:
    """Whether a place named as written (not a transliteration's guess) cannot lie in a
    region — and is not the first of two regions named together ("along the Luhansk–Donetsk
    oblast line")."""
    return (
        bool(mention.candidates)
        and not mention.unknown
        and mention.candidates[0].reason in _AS_WRITTEN
        and _outside(mention, region)
        and not _REGIONS_GAP.fullmatch(text, mention.end, region.start)
    )


_AS_WRITTEN = frozenset((MatchReason.EXACT, MatchReason.INFLECTION, MatchReason.VARIANT))


def _same_country(mention: Found, region: Found) -> bool:
    country = region.candidates[0].place.country
    return any(c.place.country == country for c in mention.candidates)


def _inside(mention: Found, region: Found) -> bool:
    """Whether every settlement of a mention's name lies in a region."""
    codes = region.candidates[0].place.admin1_codes
    settlements = [c for c in mention.candidates if c.place.kind != "region"]
    return bool(settlements) and all(c.place.admin1_codes & codes for c in settlements)


def _outside(mention: Found, region: Found) -> bool:
    """Whether no settlement of a mention's name lies in a region."""
    codes = region.candidates[0].place.admin1_codes
    return not any(
        c.place.admin1_codes & codes for c in mention.candidates if c.place.kind != "region"
    )


# What ends the reach of a region named after a place: another clause ("; на Сумщині",
# ", while drones hit Nizhyn in the Chernihiv region") — not a dash or colon, which often
# introduce the place's own description ("Andriivka — a village in the Sumy region") — and
# a namesake set apart ("Dobropillia, a village of the same name as the Donetsk-region
# town", "à ne pas confondre avec ... du Donbass").
_REGION_BREAK = re.compile(
    # (", and that air defences downed drones over the Belgorod and Kursk regions": the
    # next thing said, with its own places)
    r";|,\s++(?:and\s+that|et\s+qu(?:e|['’])|und\s+dass|і\s+що|и\s+что)(?!\w)|"
    r",\s+(?:(?:while|whereas|während|wohingegen|тоді\s+як|тогда\s+как|"
    r"в\s+то\s+время\s+как)(?!\w)|(?:tandis|alors)\s+qu(?:e(?!\w)|['’]))|"
    # "bei Udatschne und Kotlyne sowie bei Nowopawliwka im Gebiet Dnipropetrowsk": another
    # group of places, with its own region
    r"(?<!\w)(?:as\s+well\s+as\s+|sowie\s+|ainsi\s+qu(?:e\s+|['’])|а\s+також\s+|"
    r"а\s+также\s+)(?:(?:near|in|at|"
    r"around|bei|in|im|près|dans|à|біля|у|в|поблизу|около|возле|в\s+районе|в\s+районах|"
    # (targets: "по аэродромам X и Y, а также по объектам … в Полтавской области")
    r"on|against|sur|contre|auf|gegen|по|на)\s|"
    # ", а также Вороное Днепропетровской области": the region is said of what follows
    r"(?=(?-i:[A-ZА-ЯІЇЄҐ])))|"
    # "Покровське на Синельниківщині — не Покровськ на Донеччині": a contrast's region;
    # "лежить за 7 км від Оріхова, а не на межі ... областей": a region denied
    r"[—–]\s*(?:не|not)\s+(?=(?-i:[A-ZА-ЯІЇЄҐ]))|"
    r"(?<!\w)(?:а\s+не|але\s+не|and\s+not|but\s+not|et\s+non|mais\s+pas|und\s+nicht|"
    r"aber\s+nicht)\s+(?:на|в|у|біля|on|in|at|near|à|sur|dans|an|bei)(?!\w)|"
    # "liegt nicht bei Saporischschja, sondern im Osten des Gebiets Dnipropetrowsk": what the
    # place is instead, said of the place named before the denial
    r",\s*sondern\s(?!auch\s)|"
    # "...: перша лежить у Запорізькій області, друга — на півночі Донеччини": each region
    # is said of one of the namesakes, not of the places before
    # (the ordinal as the subject, not "the first assault", "друга спроба")
    r"[:;,—–]\s*(?:the\s+(?:first|second|former|latter)|перш(?:ий|а|е)|друг(?:ий|а|е)|"
    r"перв(?:ый|ая|ое)|втор(?:ой|ая|ое)|l[ae]\s+(?:premi(?:er|ère)|seconde?|deuxième)|"
    r"(?:die|der|das)\s+(?:erste|zweite)|erstere[rs]?|letztere[rs]?)\s*,?\s*"
    r"(?:[—–-]|lies|is|liegt|ist|est|se\s+trouve|лежить|розташован\w*|знаходиться|лежит|"
    r"находится|расположен\w*|in|im|dans|en|у|в|на)(?!\w)|" + NAMESAKE_WORDS,
    re.IGNORECASE,
)


# (not "а також", "а затем", "а ще": the same clause goes on)
_CONTRAST = re.compile(
    r",\s*(?:[—–-]\s*)?а\s+(?!(?:також|также|тоже|теж|не|затем|потом|потім|згодом|ще|еще|ещё|и|і|й)(?!\w))"
    r"(?=\w)"
)
# "одна у X, вторая севернее, в Y области", "one near X, the other in Y Oblast": the second of
# two namesakes starts a clause whose region is its own
_THE_OTHER = re.compile(
    r",\s*(?:[—–-]\s*)?(?:втор(?:ая|ое|ой)|друг(?:ая|ое|ой|ий|е|а)|інш(?:а|е|ий)|"
    r"the\s+(?:other|second)|l['’]autre|la\s+seconde|le\s+second|"
    r"(?:die|das|der)\s+(?:andere|zweite))"
    # (said of where it lies, not "друга спроба за день": a second attempt)
    r"(?=\s*[,—–-]|\s+(?:у|в|біля|поблизу|під|на|около|возле|под|near|in|by|north|south|"
    r"east|west|farther|further|près|à|dans|au|bei|nahe|im|nördlich|südlich|östlich|"
    r"westlich|weiter|північніше|південніше|східніше|західніше|севернее|южнее|восточнее|"
    r"западнее|лежит|лежить|розташован\w*|находится|is|lies|est|se\s+trouve|liegt)(?!\w))",
    re.IGNORECASE,
)
_WHILE = re.compile(
    r",\s+(?:while|whereas|während|wohingegen|тоді\s+як|тогда\s+как|в\s+то\s+время\s+как|"
    r"(?:tandis|alors)\s+qu)",
    re.IGNORECASE,
)
_OPENING_REACH = 40  # how far into its sentence a region opens it ("Dans l'oblast de X, ...")


def _opens_sentence(region: Found, sentences: list[tuple[int, int]]) -> bool:
    return region.start - sentences[region.sentence][0] <= _OPENING_REACH


def _any_between(positions: list[int], start: int, end: int) -> bool:
    at = bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


# Between two regions named together: "Donetsk and Zaporizhzhia", "Сумській, Харківській".
_REGIONS_GAP = re.compile(
    r"\s*(?:[–—-]\s*|,\s*(?:(?:and|et|und|та|і|й|и|or|ou|oder|або|или)\s+)?|"
    r"(?:and|et|und|та|і|й|и|or|ou|oder|або|или)\s+)(?:de\s+|d['’]|von\s+)?",
    re.IGNORECASE,
)


# The state border, named without a region: "near the border", "près de la frontière",
# "біля кордону", "прикордонне село", "в приграничном селе".
# (Searched by its prefixes alone: over a whole report, only when it holds a border word.)
STATE_BORDER = prefixed(
    re.compile(
        r"(?:near|along|close\s+to|on)\s+the\s+(?:russian\s+|state\s+)?border(?!\s+(?:of|with|between))|"
        r"\bborder\s+(?:village|town|area|district)s?\b|près\s+de\s+la\s+frontière(?!\s+(?:de|d['’]|entre|avec))|"
        r"\bfrontali\w*|nahe\s+der\s+grenze(?!\s+(?:zu|zum|zur|mit|der|zwischen))|\bgrenzn\w*|\bgrenzort\w*|"
        r"\bgrenz(?:gebiet|region)\w*(?!\s+zwischen)|"
        r"(?<!\w)(?:біля|поблизу|вздовж)\s+кордону(?!\s+з)|прикордонн\w*|(?<!\w)(?:у|возле|вдоль)\s+границы(?!\s+с)|"
        r"приграничн\w*|"
        # "just south of the border", "au sud de la frontière", "на південь від кордону"
        r"(?:north|south|east|west)\s+of\s+the\s+(?:russian\s+|state\s+)?border(?!\s+(?:of|with|between))|"
        r"(?:nord|sud|est|ouest)\s+de\s+la\s+frontière(?!\s+(?:de|d['’]|entre|avec))|"
        r"(?:nördlich|südlich|östlich|westlich)\s+der\s+grenze(?!\s+(?:zu|zum|zur|mit|der|zwischen))|"
        r"на\s+(?:північ|південь|схід|захід)\s+від\s+кордону(?!\s+з)|"
        r"(?:к|на)\s+(?:северу|югу|востоку|западу|север|юг|восток|запад)\s+от\s+границы(?!\s+с)|"
        # "a few kilometres from the Russian border", "à 5 km de la frontière"
        r"(?:kilomet\w*|km|miles?)\s+from\s+the\s+(?:russian\s+|state\s+)?border(?!\s+(?:of|with|between))|"
        r"(?:kilomètres?|km)\s+de\s+la\s+frontière(?!\s+(?:de|d['’]|entre|avec))|"
        r"(?:kilometer|km)\s+von\s+der\s+grenze(?!\s+(?:zu|zum|zur|mit|der|zwischen))|"
        r"(?:км|кілометр\w*)\s+від\s+кордону(?!\s+з)|(?:км|километр\w*)\s+от\s+границы(?!\s+с)",
        re.IGNORECASE,
    ),
    indexed=False,
)
# The state border named by its country: "near the border with Russia", "nahe der Grenze zu
# Russland", "у границы с Украиной" — the place lies on the other side of it (a region's
# border is another cue).
COUNTRY_BORDER = prefixed(
    re.compile(
        r"border\s+with\s+(?:(?P<ru>russia)|ukraine)|"
        r"frontière\s+(?:avec\s+la|de\s+la)\s+(?:(?P<ru2>russie)|ukraine)|"
        r"frontière\s+(?:(?P<ru3>russe)|ukrainienne)|grenze\s+zu[mr]?\s+(?:(?P<ru4>russland)|ukraine)|"
        r"(?:(?P<ru5>russischen)|ukrainischen)\s+grenze|"
        r"кордон\w*\s+(?:з|із)\s+(?:(?P<ru6>росією|рф)|україною)|"
        r"границ\w*\s+с\s+(?:(?P<ru7>россией|рф)|украиной)|"
        # ("from the Russian border"; not "the Russian border region of Kursk": in Russia)
        r"(?P<ru8>russian)\s+border(?!\s+(?:regions?|villages?|towns?|areas?|districts?|cit\w+|oblasts?))",
        re.IGNORECASE,
    ),
    indexed=False,
)


# "de l'autre côté de la frontière russe", "across the Russian border": the place is beyond
# the border that phrase names, not on this side of it (not "fired from across the border at
# X": where fire came from, X on this side).
_ACROSS_BEFORE = re.compile(
    r"(?<!from\s)(?<!depuis\s)(?<!von\s)(?:de\s+l['’]autre\s+côté\s+de\s+la|across\s+the|"
    r"on\s+the\s+other\s+side\s+of\s+the|jenseits\s+der|auf\s+der\s+anderen\s+seite\s+der|"
    r"по\s+ту\s+сторону|по\s+той\s+бік|на\s+тому\s+боці)\s+$",
    re.IGNORECASE,
)
_ACROSS_REACH = 36


def _country_beyond(text: str, cue: re.Match) -> str:
    """The country a place named by a country's border cue is not in: "RU" for "the border
    with Russia" (the place is in Ukraine), "UA" for "across the Russian border"."""
    russia = any(cue.groupdict().values())
    if _ACROSS_BEFORE.search(text, max(0, cue.start() - _ACROSS_REACH), cue.start()):
        russia = not russia
    return "RU" if russia else "UA"


_STATE_BORDER_REACH = 40
# Between a border word and the place it is the kind of: "the border village of X", "прикордонне
# село X", "le village frontalier de X", "Grenzort X".
_BORDER_KIND_BETWEEN = re.compile(
    r"\s*(?:(?:(?:village|town|settlement)s?\s+)?of\s+|d[e'’]\s*|de\s+|"
    r"(?:село|селище|селі|села|селища|поселок|посёлок|селе|деревня|деревне|посёлке|поселке)\s+)?",
    re.IGNORECASE,
)
# Words one of which STATE_BORDER's every match contains (a cheap test before the regex).
_STATE_BORDER_WORDS = ("border", "frontière", "frontali", "grenz", "кордон", "границ", "граничн")


def _attach_borders(
    text: str,
    found: list[Found],
    groups: dict[int, tuple[int, ...]],
    sentences: list[tuple[int, int]],
) -> None:
    """ "on the border of the Donetsk and Dnipropetrovsk oblasts", "Калинівка біля адмінмежі з
    Дніпропетровщиною": the settlements of the sentence lie near the border named."""
    borders: dict[int, tuple[Found, ...]] = {}
    across: set[int] = set()  # sentences naming a border "with" a region
    for index, mention in enumerate(found):
        border = _border_of(text, mention) if mention.is_region else None
        if border is not None and _NEGATED_BEFORE.search(
            text, max(0, border.start() - 24), border.start()
        ):
            continue  # "... лежить за 7 км від Оріхова, а не на межі ... областей"
        if border is not None:
            group = groups.get(index, (index,))
            borders[mention.sentence] = borders.get(mention.sentence, ()) + tuple(
                found[j] for j in group
            )
            if _with(border):
                across.add(mention.sentence)
    lowered = text.lower()
    # each cue with the country across it when it names one ("RU" for "the border with
    # Russia": the place is in Ukraine)
    cues: list[tuple[int, int, str]] = []
    if any(word in lowered for word in _STATE_BORDER_WORDS):
        cues = [(*m.span(), "") for m in STATE_BORDER.finditer(text)]
        cues += [(*m.span(), _country_beyond(text, m)) for m in COUNTRY_BORDER.finditer(text)]
    for mention in found:
        if mention.is_region or mention.sentence in borders or not cues:
            continue
        # the cue right before or after the place ("the border town of X", "à X, près de la
        # frontière"), not in another clause of its sentence
        near = [
            country
            for cue_start, cue_end, country in cues
            if cue_start - _STATE_BORDER_REACH <= mention.start <= cue_end + _STATE_BORDER_REACH
            and ";" not in text[min(cue_end, mention.end) : max(cue_start, mention.start)]
        ]
        mention.state_border = bool(near)
        mention.border_beyond = next((country for country in near if country), "")
        mention.border_village = mention.state_border and any(
            0 <= mention.start - cue_end <= _STATE_BORDER_REACH
            and _BORDER_KIND_BETWEEN.fullmatch(text, cue_end, mention.start) is not None
            for _, cue_end, _ in cues
        )
    if not borders:
        return
    # No border is said across a ";" ("На границе Донецкой и Днепропетровской областей ...; в
    # Запорожье"); nor a border said of a place ("in Tyotkino, on the border with Sumy Oblast,
    # and Russian forces continued shelling Krasnopillia") across a clause with a subject of
    # its own — a border that is the scene ("Бої тривають на межі ... областей, а російські
    # війська атакували Іванівку") still is
    semicolons = [i for i, char in enumerate(text) if char == ";"]
    clauses = sorted([*semicolons, *(m.start() for m in _CLAUSE_WITH_SUBJECT.finditer(text))])
    places = [m for m in found if not m.is_region]

    held = {
        id(region)
        for regions in borders.values()
        for region in regions
        if any(
            p.sentence == region.sentence
            and p.end <= region.start
            and not _any_between(clauses, p.end, region.start)
            for p in places
        )
    }
    for mention in found:
        if not mention.is_region and mention.sentence in borders:
            regions = tuple(
                r
                for r in borders[mention.sentence]
                if not _any_between(
                    clauses if id(r) in held else semicolons,
                    min(r.end, mention.end),
                    max(r.start, mention.start),
                )
            )
            if regions:
                mention.border_regions = regions
                mention.border_with = mention.sentence in across


# A clause joined with its own subject: ", and Russian forces ...", ", а ворог ...".
_CLAUSE_WITH_SUBJECT = re.compile(
    # (", and that a guided bomb hit X": reported speech goes on with a clause of its own)
    r",\s+(?:and|et|und|і|й|та|и)\s+(?:that|que|qu['’]|dass|що|что)(?!\w)|"
    r",\s+(?:and|but|while|et|mais|und|aber|doch|і|й|та|а|але|и|но)\s+"
    r"(?:the\s+|les\s+|la\s+|le\s+|die\s+|der\s+)?"
    r"(?:Russian|Ukrainian|enemy|Russians|Ukrainians|russes?|ukrainiennes?|l['’]ennemi|"
    r"russische\w*|ukrainische\w*|Feind|російськ\w*|українськ\w*|ворог\w*|противник\w*|"
    r"российск\w*|украинск\w*|ВСУ|ЗСУ|ВС\s+РФ)(?!\w)",
    re.IGNORECASE,
)


_NEGATED_BEFORE = re.compile(
    r"(?<!\w)(?:не|not|non|pas|nicht)\s+(?:(?:на|в|у|біля|поблизу|on|at|near|à|sur|an|bei)\s+)?"
    r"(?:the\s+|la\s+|der\s+)?$",
    re.IGNORECASE,
)


def _region_groups(text: str, found: list[Found]) -> dict[int, tuple[int, ...]]:
    """Each region's index -> the indices of the regions named together with it."""
    groups: dict[int, tuple[int, ...]] = {}
    run: list[int] = []
    for index, mention in enumerate([*found, None]):
        if (
            mention is not None
            and mention.is_region
            and run
            and found[run[-1]].sentence == mention.sentence
            and _REGIONS_GAP.fullmatch(text, found[run[-1]].end, mention.start)
            and not (
                # "in the Donetsk region, Kharkiv region was also hit": two clauses
                text[found[run[-1]].end : mention.start].strip() == ","
                and (
                    _OWN_REGION_WORD.search(found[run[-1]].text)
                    or _OWN_REGION_WORD.search(mention.text)
                )
            )
        ):
            run.append(index)
            continue
        if len(run) > 1:
            groups.update(dict.fromkeys(run, tuple(run)))
        run = [index] if mention is not None and mention.is_region else []
    return groups


_OWN_REGION_WORD = re.compile(r"oblast|област|region|регіон|регион|gebiet", re.IGNORECASE)


def _joined(
    found: list[Found], groups: dict[int, tuple[int, ...]], index: int
) -> tuple[Found, ...]:
    """The regions named together with found[index] (not itself)."""
    return tuple(found[j] for j in groups.get(index, ()) if j != index)


# Between a place and a region after it: a conjunction makes them two of a kind.
_COORDINATED = re.compile(r"\s*(?:and|et|und|та|і|й|и|або|или|or)\s+", re.IGNORECASE)
# "à l'est de Houliaïpole, et, dans l'oblast de Dnipropetrovsk, près de X": the region opens the
# next group of places; it does not say where the place before it lies
_COORDINATED_IN = re.compile(
    r"\s*,?\s*(?:and|et|und|та|і|й|и|а|but|mais|aber|але|но)\s*,?\s*"
    r"(?:in|dans|en|im|in\s+der|у|в|на|along|on|across|sur|le\s+long\s+de|entlang|an\s+der|"
    r"вдоль|уздовж|по)\s*(?:the\s+|la\s+|le\s+|l['’]\s*|de\s+la\s+)?",
    re.IGNORECASE,
)


def _alone_in_sentence(text: str, region: Found, sentences: list[tuple[int, int]]) -> bool:
    """A region named by itself as a post's heading locates what the post says after it."""
    start, end = sentences[region.sentence]
    if any(c.isalnum() for c in text[start : region.start]):
        return False
    # (or opening a line of its own before a colon: "Чернігівщина за добу: 46 обстрілів")
    rest = text[region.end : end]
    return not any(c.isalnum() for c in rest) or _HEADING_COLON.match(rest) is not None


def _only_place_of_the_lead(found: list[Found], index: int) -> bool:
    """A region that is all a report's first sentence names ("Вночі ворог атакував
    Львівщину ударними дронами") locates what the report says after it, as a heading does —
    not a front's oblast where troops fight: "Russian forces advanced in eastern Zaporizhzhia
    Oblast" opens an account of a front that crosses oblast lines."""
    region = found[index]
    return (
        region.sentence == 0
        and not region.ground
        and all(m is region for m in found if m.sentence == 0)
    )


# A few words after a region opening a post, then a colon: "за добу:", "over the past day:"
_HEADING_COLON = re.compile(r"(?:[^\S\n]+[^\W\d_]+){0,4}[^\S\n]*:")


class _WordCounts:
    """Words between two offsets, and in the names of found[i:j], each in O(log n)."""

    def __init__(self, text: str, found: list[Found]) -> None:
        self.starts = [m.start() for m in _WORD.finditer(text)]
        self.in_names = [0]
        for mention in found:
            self.in_names.append(self.in_names[-1] + self.between(mention.start, mention.end))

    def between(self, start: int, end: int) -> int:
        return bisect_left(self.starts, end) - bisect_left(self.starts, start)


def _apart(counts: _WordCounts, found: list[Found], index: int, region_index: int) -> bool:
    """Whether more than a list stands between a place and the region named after it: the
    words between them, less the names of the places listed there."""
    words = counts.between(found[index].end, found[region_index].start)
    words -= counts.in_names[region_index] - counts.in_names[index + 1]
    return words > _LIST_WORDS


_WORD = re.compile(r"[^\W\d_]+")
# "X, Y and Z in R", "near X and the village of Y, both in R": a list's own words ("retook
# Lyman and pushed on toward Svatove in the Luhansk region" is more: another clause)
_LIST_WORDS = 5


def _border_of(text: str, region: Found) -> re.Match | None:
    """A border word before a region, or a direction toward it ("в сторону Днепропетровской
    области"): the region is across, not around."""
    window = max(0, region.start - 40)
    return (
        BORDER_BEFORE.search(text, window, region.start)
        or _TOWARD_BEFORE.search(text, window, region.start)
        or _FIRED_FROM_BEFORE.search(text, max(0, region.start - 160), region.start)
        or _BORDER_AFTER.match(text, region.end)
    )


# "toward the Dnipropetrovsk Oblast boundary", "the Sumy region border": the border named after
# (not "in the Sumy Oblast border area": inside the region, by the state border)
_BORDER_AFTER = re.compile(
    r"\s*(?:(?:administrative|regional)\s+)?(?:border|boundary)(?!\w)"
    r"(?!\s+(?:areas?|regions?|settlements?|villages?|towns?|communit\w*|zones?|districts?))",
    re.IGNORECASE,
)


# (not "attacked toward Luhansk Oblast's remaining sliver near X": there X is inside it)
_TOWARD_BEFORE = re.compile(
    r"(?:в\s+сторону|у\s+бік|в\s+бік|в\s+направлении|у\s+напрямку)\s+$", re.IGNORECASE
)
# ... or where fire comes from: "обстріляв Сеньківку та Грем'яч з території Брянської
# області" (after a word of fire: "вибито з території Дніпропетровської області" is a place's)
_FIRED_FROM_BEFORE = re.compile(
    r"(?:обстріл|обстрел|удар|вдари|shell|fire|struck|strike|bombard|beschoss|frapp)[^.;!?]*"
    r"(?:(?:з|із|зі|с|со)\s+(?:території|территории)|from\s+(?:the\s+)?territory\s+of"
    r"(?:\s+the)?|depuis\s+(?:le\s+)?territoire\s+de(?:\s+la)?|vom\s+Gebiet)\s+$"
    # "під обстрілами з Бєлгородської області", "shelling from Belgorod Oblast"
    r"|(?<!\w)(?:обстріл\w*|обстрел\w*|shell(?:s|ed|ing)?|fire[sd]?|bombard\w*|beschuss|frappes?|"
    r"tirs?)\s+(?:(?:з|із|зі|с|со)"
    r"(?:\s+(?:боку|стороны))?|from|depuis|aus)\s+(?:the\s+|la\s+|l['’]|dem\s+)?$",
    re.IGNORECASE,
)


def _with(border: re.Match) -> bool:
    """Whether a border word is "with" the region ("border with", "кордон з"): the region
    is the other side."""
    return bool(_BORDER_WITH.search(border.group()))


_BORDER_WITH = re.compile(r"\s(?:with|avec|mit|zu[mr]?|с|со|з|із)\s", re.IGNORECASE)


# "а в Курской — Суджа", "в Харьковской: Волчанск": a region's adjective without its noun
_ELLIPSIS_BEFORE = re.compile(r"(?<!\w)(?:в|у|на)\s+$", re.IGNORECASE)
_ELLIPSIS_AFTER = re.compile(r"\s*[—–:]")
_REGION_ADJECTIVE_CASE = re.compile(r"(?:ск|цк|ськ|цьк)(?:ой|ій|ая|а)$", re.IGNORECASE)


def _elided_regions(places: PlaceLookup, text: str, found: list[Found]) -> list[Found]:
    """A region's adjective said without its noun after "в" and before a pause ("В Сумской
    области обстрелян Хотень, а в Курской — Суджа") is the region, not a village of a name
    like it (Kurskaya, 1,000 km off)."""
    out = []
    for mention in found:
        if (
            not mention.is_region
            and _REGION_ADJECTIVE_CASE.search(mention.text)
            and _ELLIPSIS_AFTER.match(text, mention.end)
            and _ELLIPSIS_BEFORE.search(text, max(0, mention.start - 4), mention.start)
        ):
            for noun in ("области", "області"):
                regions = [
                    c
                    for c in places.lookup(f"{mention.text} {noun}")
                    if c.place.kind == PlaceKind.REGION
                ]
                if regions:
                    mention = Found(
                        mention.start, mention.end, mention.text, mention.sentence, regions
                    )
                    break
        out.append(mention)
    return out


def _attach_areas(
    places: PlaceLookup, text: str, found: list[Found], sentences: list[tuple[int, int]]
) -> None:
    """ "Іллінка ... Курахівської міської громади Покровського району": the hromada (or
    else the raion) its sentence names holds the settlements the sentence lists."""
    by_sentence: dict[int, list[Found]] = {}
    for mention in found:
        if not mention.is_region:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    asides: list[tuple[int, int]] | None = None  # (read once, when an area is named)
    for number, mentions in by_sentence.items():
        start, end = sentences[number]
        if _AREA_WORD.search(text, start, end) is None:
            continue  # (most sentences: no area word, which every area phrase holds)
        areas = [
            (match.start(), area)
            for match in _AREA_PHRASE.finditer(text, start, end)
            if not _city_district(text, match)
            and (area := places.area(f"{match.group(1)} {match.group(2)}")) is not None
        ]
        # ... and the unit's word first, framing the places after it: "Im Kreis Pokrowsk ...
        # aus Dörfern wie Schewtschenko", "Dans le district de Pokrovsk, ..." (not one said
        # of the place right before it: "Dobropillia, un village du district de Polohy")
        framing = [
            (match.start(), area, match.end())
            for pattern, kind, gap in _WORD_FIRST_UNITS
            for match in pattern.finditer(text, start, end)
            if not _apposed(text, mentions, match.start(), gap)
            and (area := places.area(f"{match.group(1)} {kind}")) is not None
            and _same_stem(match.group(1), area)
        ]
        _attach_apposed_areas(places, text, mentions, start, end)
        if not areas and not framing:
            continue
        breaks = sorted(m.start() for m in NAMESAKE_APART.finditer(text, start, end))
        if asides is None:
            asides = aside_spans(text, sentences, found)
        said: dict[str, list[int]] = {}
        for mention in mentions:
            said.setdefault(_key(mention), []).append(mention.start)
        for mention in mentions:
            if mention.is_sector:
                continue  # (a direction is its town's wherever its places lie, as with regions)
            # (not across a namesake set apart: "... - not the Uspenivka near Andriivka in the
            # Berdiansk district" says where the other Uspenivka is; nor out of the words
            # about it: "(not to be confused with X in Zaporizhzhia Raion), and attacked Y")
            own = [
                (at, area)
                # (a unit named word first frames what follows it, not its own name: "la
                # communauté de Semenivka")
                for at, area in areas + [(f[0], f[1]) for f in framing if f[2] <= mention.start]
                if not _any_between(breaks, min(at, mention.start), max(at, mention.end))
                # (nor across a ";": "a drone hit Pokrovske; another attack was recorded in the
                # Mezhova hromada")
                and ";" not in text[min(at, mention.end) : max(at, mention.start)]
                # (nor where people came from, after the place: "У Запоріжжі розгорнули пункт
                # для евакуйованих із Пологівського району")
                and not (at > mention.end and _CAME_FROM_BEFORE.search(text, max(0, at - 40), at))
                and _same_aside(asides, at, mention.start)
                and _said_of(at, mention, said[_key(mention)])
            ]
            if own:
                # the narrowest unit named: a hromada before a raion
                at, area = min(own, key=lambda a: (a[1][0] != "hromada", len(a[1][1])))
                if not _a_citys_district(text, mention, at, area):
                    mention.area = area
                    # "Миколаївської сільської громади Сумського району": a hromada's name
                    # recurs across raions; the raion named with it says which
                    mention.area_within = next(
                        (unit for _, unit in own if unit[0] == "raion" and area[0] == "hromada"),
                        None,
                    )


# the words between a place and a raion said of it alone ("X in the Y raion", "X у Y районі")
_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:(?:in|у|в|во|im|dans)\s+(?:the\s+|le\s+)?)?", re.IGNORECASE)
# (a city of this size has districts of its own; a place of fewer people is no rival of it)
CITY_WITH_DISTRICTS = 100_000
CITY_DISTRICT_HAMLET = 100


def _a_citys_district(text: str, mention: Found, at: int, area: tuple[str, frozenset[str]]) -> bool:
    """ "Запорожье — прилёты … в Днепровском районе": a raion named apart from a city, where
    only a hamlet of the city's name lies, is the city's own district of that name
    (Zaporizhzhia's Dniprovskyi), not the oblast raion where a hamlet of 25 people is called
    Zaporizhzhia. Said right after the name it is the hamlet's ("Рівне Пологівського району",
    "Rivne in the Polohivskyi raion")."""
    if area[0] != "raion" or (at > mention.start and _RIGHT_AFTER.fullmatch(text, mention.end, at)):
        return False
    inside = [c for c in mention.candidates if c.place.raion in area[1]]
    return (
        bool(inside)
        and all(0 < c.place.population < CITY_DISTRICT_HAMLET for c in inside)
        and any(
            c.main_name and c.place.population >= CITY_WITH_DISTRICTS for c in mention.candidates
        )
    )


def _key(mention: Found) -> str:
    return name_key(mention) if mention.candidates else mention.text


def _said_of(at: int, mention: Found, starts: list[int]) -> bool:
    """Whether an area named at `at` may be said of a mention whose name the sentence says
    at `starts`: of a name said twice ("село Покровське на Нікопольщині ... і селище
    Покровське в Синельниківському районі"), only of the one right before it."""
    if len(starts) < 2:
        return True
    following = [s for s in starts if s > mention.start]
    return mention.start < at and (not following or at < following[0])


def _same_aside(asides: list[tuple[int, int]], at: int, position: int) -> bool:
    """Whether a position lies in every span of words about a namesake that `at` lies in (an
    area named there is said of that namesake)."""
    return all(start <= position < end for start, end in asides if start <= at < end)


def _attach_sectors(places: PlaceLookup, text: str, found: list[Found]) -> None:
    """A direction named in a sentence locates the villages the sentence lists on it.
    A direction is named after a town: "на Лиманському напрямку" may be Lyman's, not
    only the village Lymanske's — the adjective's base is looked up too."""
    first: dict[int, Found] = {}  # each sentence's first direction
    for mention in found:
        if mention.is_region or not _names_sector(text, mention):
            continue
        mention.is_sector = True
        mention.candidates = places.sector_candidates(mention.text, mention.candidates)
        if REGION_SUFFIX.search(mention.text):
            # "на Бахмутщині" names where it is itself (no region of the sentence moves it),
            # and only locates: the town is not where the event was
            mention.region, mention.joined_regions, mention.region_before = None, (), False
            mention.reference = True
        first.setdefault(mention.sentence, mention)
    # a place lies on the direction named last before it ("in the Siversk direction near X;
    # in the Kramatorsk direction near Y"), or on the sentence's first when none precedes it
    current: Found | None = None
    for mention in found:
        if current is not None and current.sentence != mention.sentence:
            current = None
        if mention.is_sector:
            current = mention
        elif not mention.is_region:
            sector = current or first.get(mention.sentence)
            if sector is not None:
                mention.sector = sector


_AREA_PHRASE = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’-]++)\s++(?:(?:міськ|сільськ|селищн|городск|сельск|поселков)\w*+\s++)?"
    r"(громад\w*|район\w*|raion|rayon|rajon|hromada|district|community|municipality)(?!\w)",
    re.IGNORECASE,
)
# The area word every area phrase holds (searched by its prefixes, from the report index).
_AREA_WORD = re.compile(
    r"громад|район|raion|raïon|rayon|rajon|hromada|district|bezirk|kreis|community|communauté|"
    r"municipality|gemeinde",
    re.IGNORECASE,
)


# A city's own district, not an oblast's raion: "Kherson's Dniprovskyi district", "the
# Dniprovskyi district of Kherson", "районі міста Херсона" — not "the Kramatorsk district of
# Donetsk Oblast" ("районі Херсона" may be the oblast's too: left to the raion's name), "the
# Dniprovskyi district of the city" (a dateline's).
# (an oblast's is its raion: "Kharkiv Oblast's Kupiansk Raion")
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w-]*(?<!Oblast)(?<![Rr]egion)['’]s\s+$")
_CITY_AFTER = re.compile(
    r"\s+(?:of\s+(?:the\s+city(?!\w)|[A-Z][\w'’-]*(?![\w'’-]*\s+(?i:oblast|region|"
    r"province)))|de\s+la\s+ville|der\s+Stadt|(?:міста|города)\s|"
    # "Днепровского района Херсона": the city's name in the genitive right after (not the
    # oblast's adjective: "Бериславского района Херсонской области")
    r"[А-ЯІЇЄҐ][а-яіїєґ'’-]+[ауяі](?![а-яіїєґ'’-])(?!\s+(?i:област|обл\.)))"
)


_CAME_FROM_BEFORE = re.compile(
    r"(?:евакуйован\w*|эвакуирован\w*|переселенц\w*|вивезен\w*|вывезен\w*|evacu\w*|displaced|"
    r"мешканц\w*|жител\w*|residents|удар\w*|обстріл\w*|обстрел\w*|strikes|shelling)\s+"
    r"(?:\w+\s+)?(?:із|з|зі|из|от|від|from|aus)\s+$",
    re.IGNORECASE,
)


def _attach_apposed_areas(
    places: PlaceLookup, text: str, mentions: list[Found], start: int, end: int
) -> None:
    """ "Dobropillia, un village du district de Polohy": a unit named word first locates the
    place right before it (a sentence's other places may lie elsewhere)."""
    for pattern, kind, gap in _WORD_FIRST_UNITS:
        for match in pattern.finditer(text, start, end):
            area = places.area(f"{match.group(1)} {kind}")
            if area is None or not _same_stem(match.group(1), area):
                continue
            if _apposed(text, mentions, match.start(), gap):
                [m for m in mentions if m.end <= match.start()][-1].area = area


def _apposed(text: str, mentions: list[Found], at: int, gap: re.Pattern | None = None) -> bool:
    """Whether a unit named word first at `at` is said of the place right before it."""
    before = [m for m in mentions if m.end <= at]
    return bool(before) and (gap or _APPOSED_GAP).fullmatch(text, before[-1].end, at) is not None


# between a place and the unit it lies in: ", un village du", " im", ", einer Kleinstadt im
# besetzten"
_APPOSED_GAP = re.compile(r"[^.;:!?()]{0,45}")
# ... a hromada, by a comma or a preposition only (not "Briansk ont touché la communauté de X")
_APPOSED_HROMADA_GAP = re.compile(
    r"\s*,?\s*(?:(?:un|une|a|an|ein|eine|deux|two|zwei|les|the)\s+)?"
    r"(?:(?:villages?|localités?|dorf|dörfer|settlements?)\s+)?"
    r"(?:(?:in|im|dans|de|du|of|der|des|aus)\s+)?(?:the\s+|la\s+|le\s+|l['’]|der\s+)?",
    re.IGNORECASE,
)
# "un village du district de Polohy", "im Rajon Pokrowsk": the unit's word first
_AREA_WORD_FIRST = re.compile(
    r"(?<!\w)(?i:district|ra[iï]on|rajon|bezirk|kreis)\s++(?i:de\s++|du\s++|d['’])?"
    r"([A-ZÀ-ÖØ-Þ][\w'’-]++)"
)


# "le village d'Oleksandrivka, de la communauté de Stanislav", "in der Gemeinde Welyka
# Pyssariwka": a hromada, its word first
_HROMADA_WORD_FIRST = re.compile(
    r"(?<!\w)(?i:communauté|community|gemeinde|municipality)\s++(?i:de\s++|du\s++|d['’]|of\s++)?"
    r"([A-ZÀ-ÖØ-Þ][\w'’-]++)"
)


# The units named word first, and what may stand between a place and one said of it.
_WORD_FIRST_UNITS = (
    (_AREA_WORD_FIRST, "raion", _APPOSED_GAP),
    (_HROMADA_WORD_FIRST, "hromada", _APPOSED_HROMADA_GAP),
)


def _same_stem(name: str, area: tuple[str, frozenset[str]]) -> bool:
    """Whether the unit found is named after the name written (a transliteration may reach a
    village's raion instead: "Rajon Saporischschja" is not Synelnykivskyi Raion)."""
    return all(skeleton(name)[:3] == skeleton(unit)[:3] for unit in area[1])


def _city_district(text: str, match: re.Match) -> bool:
    before = text[max(0, match.start() - 30) : match.start()]
    return bool(_POSSESSIVE_BEFORE.search(before) or _CITY_AFTER.match(text, match.end()))


def _closes_aside(text: str, found: list[Found], index: int, region: int) -> bool:
    """Whether a bracket opened before found[index] closes before another place, named
    before the region (a list in brackets right before a region lies in it: "(Степове, Мала
    Токмачка) на Запоріжжі")."""
    start, end = found[index].end, found[region].start
    closing = text.find(")", start, end)
    if closing < 0 or "(" in text[start:closing]:
        return False
    return any(closing < m.start and not m.is_region for m in found[index + 1 : region])


def _names_sector(text: str, mention: Found) -> bool:
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(
        SECTOR_AFTER.match(text, mention.end)
        or SECTOR_BEFORE.search(before)
        or REGION_SUFFIX.search(mention.text)  # "на Бахмутщині": the town's surroundings
        or elided_sector(text, mention.start, mention.end)  # "; на Сіверському — X"
    )


# Tried only where one of their literal prefixes starts (they scan every whole report).
_REGION_BREAK = prefixed(_REGION_BREAK)
_AREA_WORD = prefixed(_AREA_WORD)
