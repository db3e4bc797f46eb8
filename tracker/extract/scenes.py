"""Whether a place mention is where the sentence says the activity happened, and how
precisely: not an anchor of a relative cue, a government acting, a unit, an outlet, a hashtag
or a dateline; a direction or sector only locates within a region."""

from __future__ import annotations

import re

from tracker.errors import TrackerError
from tracker.extract.claim_lexicon import (
    APPOSED_DIRECTION,
    AREA_BEFORE,
    AUTHORITY_AFTER,
    AUTHORITY_BEFORE,
    DESTINATION_BEFORE,
    DIRECTION_AFTER,
    DIRECTION_BEFORE,
    FACILITY_AFTER,
    FACILITY_BEFORE,
    GOVERNMENT_SEATS,
    GROUPINGS,
    OPPOSITE_BEFORE,
    ORIGIN_BEFORE,
    OUTLET_AFTER,
    PEOPLES_REPUBLIC,
    PEOPLES_REPUBLIC_BEFORE,
    REGIONS_AFTER,
    RIVER_AFTER,
    RIVER_BEFORE,
    RIVER_NAMES,
    RIVER_PAIR_AFTER,
    RIVER_PAIR_BEFORE,
    RIVER_SPELLINGS,
    ROAD_BEFORE,
    SEAT_SPELLINGS,
    SETTLEMENTS_AREA,
    STRIKE_ON,
    TOWN_ANAPHOR,
    TOWNS_OF,
    TWIN_BEFORE,
    UNIT_BEFORE,
    UNIT_NAMED_AFTER,
    dateline_end,
)
from tracker.extract.combined import either
from tracker.extract.hromadas import names_hromada
from tracker.extract.lexicon import DIRECTION_OF, NEAR_BEFORE, NEAR_OF, NEAR_TAILS, TITLES
from tracker.extract.prefixed import Family
from tracker.extract.text import previous_word
from tracker.extract.types import Mention
from tracker.model import Action, Place, Precision

_QUOTES = "«»“”„\"'‹›"
_LIST_GLUE = re.compile(
    r"^(?:[\s,]|\b(?:and|or|et|ou|de|d['’]|of|und|oder|von|та|і|й|або|и|или|а\s+также)\b)*$",
    re.IGNORECASE,
)


_REGIONAL = re.compile(r"régional|regional|oblast|militär|militaire|military|gebiet", re.I)
_STRUCK_BEFORE = re.compile(
    r"(?<!\w)(?:frapp\w*|touch\w*|visé\w*|hit|struck|strikes?\s+on|getroffen|trafen|traf|"
    r"siège\s+de|building\s+of|gebäude\s+der|будівл\w*|здани\w*)\s+(?:the\s+|l['’]|la\s+|le\s+|die\s+)?\w*\s*$",
    re.I,
)


def is_scene(text: str, mention: Mention, sentence_start: int, action: Action) -> bool:
    """Whether the place is where the sentence says `action` happened."""
    return may_be_scene(text, mention, sentence_start) and is_scene_of(
        text, mention, sentence_start, action
    )


def may_be_scene(text: str, mention: Mention, sentence_start: int) -> bool:
    """The tests of `is_scene` that do not depend on the action (read once per place, however
    many events the sentence gives it)."""
    if mention.reference or mention.place is None:
        return False
    near = max(sentence_start, mention.start - 30)  # the words just before the place
    before = text[near : mention.start]
    # (most places have none of the words the tests below look for just before them)
    quiet = not _WORDS_BEFORE.may_match(text, near, mention.start)
    # (and most have none of the words read right after them: one look for all)
    after = _WORDS_AFTER.match(text, mention.end) is not None
    if APPOSED_DIRECTION.search(text, max(sentence_start, mention.start - 60), mention.start):
        return False  # the anchor of "Kindrashivka, a village just north of Kupiansk"
    if before.endswith("#"):
        return False  # a hashtag tags the post; it does not say where
    if _unit(text, mention, before, near, quiet, after):
        return False
    if (
        after
        and OUTLET_AFTER.match(text, mention.end)
        and text[mention.end + 1 : mention.end + 2].isupper()
    ):
        return False  # "New York Post", "Kyiv Independent"
    dateline = dateline_end(text, sentence_start)
    if dateline is not None and mention.end <= dateline:
        return False
    if after and AUTHORITY_AFTER.match(text, mention.end):
        return False  # "the Dnipropetrovsk regional governor said"
    if (after and FACILITY_AFTER.match(text, mention.end)) or (
        not quiet and FACILITY_BEFORE.search_window(text, near, mention.start)
    ):
        return False  # "the Zaporizhzhia nuclear plant" is in Enerhodar, not Zaporizhzhia
    if not quiet and TWIN_BEFORE.search_window(text, near, mention.start):
        return False  # "..., ville jumelle de Pokrovsk": the twin locates the town before
    if not quiet and OPPOSITE_BEFORE.search_window(text, near, mention.start):
        return False  # "en face de Kherson": the town across the river locates the scene
    if _wished_protected(text, mention, sentence_start):
        return False  # "needs interceptors to protect Kharkiv and Odesa": a wish, no event
    if _city_district(mention) or _region_adjective(text, mention):
        return False
    if mention.level == "region" and (
        previous_word(text, mention.start, sentence_start).lower() in TITLES
    ):
        return False  # "Губернатор Белгородской области"
    authority = None if quiet else AUTHORITY_BEFORE.search_window(text, near, mention.start)
    if authority and (
        mention.level == "region"
        or (
            _REGIONAL.search(authority.group())
            # (not the administration struck: "ont frappé l'administration régionale de X")
            # (the match's positions are its window's)
            and not _STRUCK_BEFORE.search(
                text, max(0, near + authority.start() - 30), near + authority.start()
            )
        )
    ):
        # "die Militärverwaltung des Gebiets", "selon l'administration régionale de
        # Dnipropetrovsk": whose administration speaks, not where (a town's own head speaks
        # of it: "Глава Энергодара … жителей города")
        return False
    if _river(text, mention, near, quiet, after):
        return False
    # (no "la route vers Zaporijjia")
    return quiet or not ROAD_BEFORE.search_window(text, near, mention.start)


def is_scene_of(text: str, mention: Mention, sentence_start: int, action: Action) -> bool:
    """The tests of `is_scene` that depend on the action (after `may_be_scene`)."""
    near = max(sentence_start, mention.start - 30)
    if (
        action in (Action.ATTACK, Action.ADVANCE, Action.REPEL)
        and (
            _origin_before(text, near, mention.start)
            # (the list after it too: "attacked toward Borova from Novoplatonivka and X")
            or _origin_list_before(text, mention, sentence_start)
        )
        and not _cue_before(text, mention, sentence_start)
    ):
        return False  # "контратакует от Доброполья": where the attack comes from
    if (
        action == Action.STRIKE
        and _PROTECT_BEFORE.search(text, max(sentence_start, mention.start - 60), mention.start)
        # (not the sky its air defence keeps: "units protecting Odesa shot down 10 drones")
        and not _SHOT_DOWN.search(text, sentence_start, mention.end + 120)
        # (unless the sentence comes back to it: "struggles to protect Kharkiv, where a glide
        # bomb hit a school", "… to protect Sumy, which Russia shelled", "… hit the city")
        and not _BACK_REFERENCE.search(text, mention.end, mention.end + 150)
    ):
        return False  # "Patriot systems to protect Kyiv, Kharkiv and Odesa from Russian strikes"
    if action in (Action.STRIKE, Action.REPEL) and _fired_from(text, mention, near, sentence_start):
        return False  # "drones launched from Kursk Oblast", "ракетами з Курська" (or shot down)
    if action == Action.WITHDRAW and DESTINATION_BEFORE.search(
        text, max(sentence_start, mention.start - 60), mention.start
    ):
        return False  # "відступили в бік Володимирівки": where the retreat goes
    if mention.place.name in GOVERNMENT_SEATS or mention.text.lower() in SEAT_SPELLINGS:
        # Moscow, Kyiv, Washington act; they are scenes only of strikes on them.
        return action == Action.STRIKE and bool(STRIKE_ON.search_window(text, near, mention.start))
    return True


def _fired_from(text: str, mention: Mention, near: int, sentence_start: int) -> bool:
    """Where drones and missiles were fired from: a launch named as such ("launched from Kursk
    Oblast", "з напрямків Курськ, Брянськ"), or a place in Russia right after "from" ("Обстріл
    Суми ракетами з Курська")."""
    return bool(
        _LAUNCHED_FROM.search(text, max(sentence_start, mention.start - 80), mention.start)
        or (mention.place.country == "RU" and _FROM_BEFORE.search(text, near, mention.start))
        or (
            # "from the Kursk, Bryansk and Oryol directions"
            _FROM_THE_BEFORE.search(text, max(sentence_start, mention.start - 60), mention.start)
            and _DIRECTIONS_AFTER.match(text, mention.end)
        )
    )


def _origin_before(text: str, near: int, at: int) -> bool:
    """ "контратакует от Доброполья": where an attack comes from (not "відкинули противника
    від Сухого Яру": where it was stopped)."""
    origin = ORIGIN_BEFORE.search_window(text, near, at)
    if origin is None:
        return False
    begins = near + origin.start()  # (the window's positions are its own)
    return not _PUSHED_BACK_BEFORE.search(text, max(0, begins - 40), begins)


def _origin_list_before(text: str, mention: Mention, sentence_start: int) -> bool:
    """ "attacked toward Borova from Novoplatonivka and X": X is where the attack came from
    (not "pushed the enemy back from Kupiansk and X": where it was stopped)."""
    origin = _ORIGIN_LIST_BEFORE.search(
        text, max(sentence_start, mention.start - 70), mention.start
    )
    return origin is not None and not _PUSHED_BACK_BEFORE.search(
        text, max(sentence_start, origin.start() - 40), origin.start()
    )


_PROTECT_BEFORE = re.compile(
    r"(?:\bprotect(?:s|ed|ing)?|\bprotég\w*|\bschützen|\bschützt|(?<!\w)захист(?:ити|ять|ить)|"
    r"(?<!\w)защит(?:ить|ят|ит)|(?<!\w)захищати|(?<!\w)защищать)\s+"
    r"(?:[\w'’-]+(?:\s*,\s*|\s+))?(?:[\w'’-]+(?:\s*,\s*|\s+(?:and|et|und|і|та|и)\s+|\s+)){0,5}$",
    re.IGNORECASE,
)
# the sentence coming back to a place: "where", "which", "the city"
_BACK_REFERENCE = either(
    TOWN_ANAPHOR,
    re.compile(
        r"\b(?:where|which|there|that|où|qui|wo|dort|де|там|где|который\w*|котор\w+|який|яка|яке|"
        r"які|яку|якому)\b",
        re.IGNORECASE,
    ),
)
# "from X" (not "near X", "5 km from X", "недалеко от X")
_FROM_BEFORE = re.compile(
    r"(?<!недалеко\s)(?<!неподалік\s)(?<!поблизу\s)(?<!вблизи\s)(?<!км\s)(?<!km\s)(?<!far\s)"
    r"(?<!\w)(?:з|із|зі|из|от|від|from|depuis|aus)\s+$",
    re.IGNORECASE,
)
_SHOT_DOWN = re.compile(
    r"shot\s+down|downed|intercept\w*|сбил\w*|сбит\w*|збил\w*|збит\w*|abgeschossen|abgefangen|"
    r"abattu\w*",
    re.IGNORECASE,
)
_PUSHED_BACK_BEFORE = re.compile(
    r"(?:back|pushed|відтіснил\w*|відкинул\w*|оттеснил\w*|отбросил\w*|repouss\w*|"
    r"zurückgedrängt|zurückgeworfen)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_ORIGIN_LIST_BEFORE = re.compile(
    r"(?:\bfrom|\bdepuis|(?<!\w)(?:від|от|из|з))\s+(?:(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]*"
    r"(?:\s+(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]*)?\s*(?:,\s*|\s+(?:and|et|und|та|і|и)\s+)){1,3}$",
    re.IGNORECASE,
)
# Where drones and missiles are launched from, and the list of such places that follows.
_LAUNCHED_FROM = re.compile(
    # ("launched 64 Shahed-type drones from Kursk, Bryansk and Primorsko-Akhtarsk")
    r"(?:(?:launched|fired)(?:\s+[^\s.;:]+){0,6}?\s+from|from\s+the\s+directions?\s+of|"
    r"(?:lancé\w*|tiré\w*|missiles?|drones?)(?:\s+[^\s.;:,]+){0,8}?\s+depuis"
    r"(?:\s+(?:les|la|le))?(?:\s+régions?)?|"
    r"з\s+напрямк\w*|"
    r"з\s+напрямку|с\s+направлени\w*|depuis\s+la\s+direction\s+de|aus\s+(?:der\s+)?Richtung)"
    r"\s+(?:(?:de\s+|d['’])?[A-ZА-ЯІЇЄҐ][\w'’-]*(?:\s+(?:Oblast|region|області|области))?\s*"
    # (", and from Hvardiiske", "et de Briansk")
    r"(?:,\s*)?(?:(?:and|і|та|и|et|und)\s+)?(?:(?:from|de|d['’])\s*)?)*(?:de\s+|d['’])?$"
)


_FROM_THE_BEFORE = re.compile(r"\bfrom\s+the\s+(?:[A-Z][\w'’-]*\s*(?:,|\s(?:and|or)(?=\s))?\s*)*$")
_DIRECTIONS_AFTER = re.compile(
    r"(?:\s*,\s*[A-Z][\w'’-]*|\s+(?:and|or)\s+[A-Z][\w'’-]*)*\s+directions\b"
)


# The patterns `is_scene` reads in the words just before every place (not those it reads for
# some actions, whose words are common: "from", "in", "at").
_WORDS_BEFORE = Family(
    AUTHORITY_BEFORE,
    FACILITY_BEFORE,
    OPPOSITE_BEFORE,
    RIVER_BEFORE,
    RIVER_PAIR_BEFORE,
    ROAD_BEFORE,
    TWIN_BEFORE,
    UNIT_BEFORE,
)


# ... and those it reads right after every place.
_WORDS_AFTER = either(
    UNIT_NAMED_AFTER, OUTLET_AFTER, AUTHORITY_AFTER, FACILITY_AFTER, RIVER_PAIR_AFTER, RIVER_AFTER
)


def _cue_before(text: str, mention: Mention, sentence_start: int) -> bool:
    """Whether a direction or distance cue ends before the place ("на південь від X", "3 km
    from X"): its "від", "from" are not an origin."""
    start = max(sentence_start, mention.start - 45)
    return bool(
        DIRECTION_OF.search(text, start, mention.start)
        or NEAR_OF.search(text, start, mention.start)
    )


def _city_district(mention: Mention) -> bool:
    """ "у Дніпровському районі" of a city: a district (which city's, the sentence says
    elsewhere), not a settlement to put a claim on."""
    place = mention.place
    return place is not None and place.kind == "settlement" and place.name.endswith(" raion")


def _region_adjective(text: str, mention: Mention) -> bool:
    """ "в Запорожской области, а также ... в Днепропетровской": an oblast's adjective with
    its noun left out, read as the city it is named after."""
    place = mention.place
    return (
        place is not None
        and place.kind == "settlement"
        and mention.text.endswith(_FEMININE_LAST)  # (a cheap look first)
        and _FEMININE_ADJECTIVE.search(mention.text) is not None
        and not place.name.endswith("ska")
        and not PEOPLES_REPUBLIC.match(text, mention.end)  # the republic is read apart
        and not names_hromada(text, mention.start, mention.end)  # (its noun is there)
    )


_FEMININE_ADJECTIVE = re.compile(r"(?:ской|ській|ської|цкой|цькій|цької)$", re.IGNORECASE)
# How a word it matches ends (`$` may stand before a last newline; `re` folds no other letter
# to these)
_FEMININE_LAST = ("й", "Й", "ї", "Ї", "\n")


def _river(text: str, mention: Mention, near: int, quiet: bool = False, after: bool = True) -> bool:
    """A river named like a place (`near`: where the words read before it start; `quiet`:
    none of `_WORDS_BEFORE` there; `after`: False when none of `_WORDS_AFTER` follows)."""
    if mention.text.lower() in RIVER_SPELLINGS:
        return True
    if (after and RIVER_PAIR_AFTER.match(text, mention.end)) or (
        not quiet and RIVER_PAIR_BEFORE.search_window(text, near, mention.start)
    ):
        return True  # the Siverskyi Donets
    if mention.place is None or mention.place.name not in RIVER_NAMES:
        return False
    return bool(
        (not quiet and RIVER_BEFORE.search_window(text, near, mention.start))
        or (after and RIVER_AFTER.match(text, mention.end))
    )


def _unit(
    text: str, mention: Mention, before: str, near: int, quiet: bool = False, after: bool = True
) -> bool:
    """A unit or grouping named like a place: "the Azov brigade", "«Центр»", "the
    'Kharkiv' group", "Khortytsia OSG" (`before`: the words before it, from `near`; `quiet`:
    none of `_WORDS_BEFORE` there; `after`: False when none of `_WORDS_AFTER` follows)."""
    if (after and UNIT_NAMED_AFTER.match(text, mention.end)) or (
        not quiet and UNIT_BEFORE.search_window(text, near, mention.start)
    ):
        return True
    quoted = before.rstrip()[-1:] in _QUOTES and text[mention.end : mention.end + 1] in _QUOTES
    return quoted and mention.text.lower() in GROUPINGS


def precision(
    text: str, mention: Mention, clause_start: int, previous: tuple[Mention, Precision] | None
) -> Precision:
    if mention.level == "region":
        return Precision.REGION
    near = max(clause_start, mention.start - 40)
    window = text[near : mention.start]
    quiet = not _PRECISION_BEFORE.may_match(text, near, mention.start)
    if DIRECTION_AFTER.match(text, mention.end) or (
        not quiet and DIRECTION_BEFORE.search_window(text, near, mention.start)
    ):
        return Precision.REGION  # "the Pokrovsk direction": somewhere along that axis
    if not quiet and AREA_BEFORE.search_window(text, near, mention.start):
        return Precision.NEAR
    if names_hromada(text, mention.start, mention.end):
        return Precision.NEAR  # "Марганецьку громаду": somewhere around its centre
    towns = None if quiet else TOWNS_OF.search_window(text, near, mention.start)
    if towns:
        window = window[: towns.start()] + " "  # "near the towns of X": "near X"
        if window.rstrip().lower().endswith(NEAR_TAILS) and NEAR_BEFORE.search(window[-30:]):
            return Precision.NEAR
    elif window.rstrip().lower().endswith(NEAR_TAILS) and NEAR_BEFORE.search_window(
        text, max(near, mention.start - 30), mention.start
    ):
        return Precision.NEAR
    # "aux abords de Kostiantynivka, de Pokrovsk et de Houliaïpolé": a list shares its "near".
    if (
        previous
        and previous[0].level == mention.level
        and _LIST_GLUE.match(text[previous[0].end : mention.start])
    ):
        return previous[1]
    return Precision.SETTLEMENT


_PRECISION_BEFORE = Family(AREA_BEFORE, DIRECTION_BEFORE, TOWNS_OF)


def sector(text: str, mention: Mention, clause_start: int) -> bool:
    """ "the Pokrovsk direction", "im Abschnitt Huliaipole": an axis, not a settlement."""
    if DIRECTION_AFTER.match(text, mention.end):
        return True
    window = text[max(clause_start, mention.start - 40) : mention.start]
    return bool(DIRECTION_BEFORE.search(window)) and not SETTLEMENTS_AREA.search(window)


def republic_region(text: str, mention: Mention) -> Place | bool | None:
    """For "the Donetsk People's Republic" or "the Kursk and Belgorod regions" the oblast
    (None when unknown); False when the mention does not name one that way."""
    before = text[max(0, mention.start - 30) : mention.start]
    if not (
        PEOPLES_REPUBLIC.match(text, mention.end)
        or PEOPLES_REPUBLIC_BEFORE.search(before)
        or (mention.level != "region" and REGIONS_AFTER.match(text, mention.end))
    ):
        return False
    if mention.place is None or not mention.place.admin1:
        return None
    from tracker.gazetteer import default_gazetteer

    try:
        return default_gazetteer().region_for(mention.place.admin1)
    except TrackerError:
        return None


def _wished_protected(text: str, mention: Mention, sentence_start: int) -> bool:
    """Whether the place is what someone needs or wants something to protect: "Kyiv wants new
    systems to protect Kharkiv and Odesa", "man wolle Städte wie Charkiw … besser schützen"
    (not "air defence protecting Odesa shot down …", "despite efforts to protect Kharkiv")."""
    start = max(sentence_start, mention.start - 120)
    stop = min(len(text), mention.end + 80)
    # (one look for the verbs' letters first, whatever their case, with no copy of the text:
    # this runs for every place of a claim's sentence, and almost none has any)
    if all(text.find(letters, start, stop) < 0 for letters in _PROTECT_LETTERS):
        return False
    protect = _TO_PROTECT_BEFORE.search(text, max(start, mention.start - 70), mention.start)
    if protect is not None:
        return bool(_WISH_BEFORE.search(text, start, protect.start()))
    return bool(_WISH_BEFORE.search(text, start, mention.start)) and bool(
        _SCHUETZEN_AFTER.match(text, mention.end)
    )


_PROTECT_LETTERS = ("rotect", "rotég", "chütz", "ROTECT", "ROTÉG", "CHÜTZ")
# "to protect" (a list's places between): "to protect the Druzhkivka–Kostiantynivka road"
_TO_PROTECT_BEFORE = re.compile(
    r"(?<!\w)(?:to\s+protect|pour\s+protéger)\s+[^.;:!?]{0,50}?$", re.IGNORECASE
)
# ... after a need or a wish
_WISH_BEFORE = re.compile(
    r"(?<!\w)(?:needs?|needed|wants?|wanted|asks?|asked|requests?|requested|seeks?|sought|"
    r"besoin|demande\w*|veut|souhaite\w*|wolle\w*|will|möchte\w*|braucht|benötigt)(?!\w)",
    re.IGNORECASE,
)
_SCHUETZEN_AFTER = re.compile(r"[^.;:!?]{0,80}?(?<!\w)(?:zu\s+)?schützen(?!\w)", re.IGNORECASE)
