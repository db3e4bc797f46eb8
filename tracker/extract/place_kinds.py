"""What kind of place the text says a name is: "the western city of Rivne", "le village de X",
"Rivne, a village between Pokrovsk and Myrnohrad", "у селі X", a dateline's city. A place of
the other size is then a weaker reading of the name (resolving weighs it)."""

from __future__ import annotations

import re

from tracker.extract.claim_lexicon import dateline_end
from tracker.extract.found import Found
from tracker.extract.namesakes import name_key
from tracker.model import PlaceKind

# A railway hub ("rail hub", "nœud ferroviaire", "Bahnknoten", "залізничний вузол"): what
# reports call a town (not "a logistics hub", said of villages too).
_HUB = (
    r"(?:rail(?:way)?\s+(?:hub|junction|depot)|(?:nœud|carrefour|dépôt)\s+ferroviaire|"
    r"(?:Eisen)?[Bb]ahn(?:knoten|depot|betriebswerk)\w*|"
    r"(?:залізничн|железнодорожн)\w*\s+(?:вуз\w*|узел|узл\w*|депо))"
)
# What kind of place the words right before or after a name say it is.
_TOWN_BEFORE = re.compile(
    r"(?:(?<!\w)(?:city|town)\s+of|(?<!\w)ville\s+(?:[^\W\d_]+\s+)?d(?:e\s+|['’])|"
    r"(?<!\w)(?:Stadt|Großstadt|Industriestadt)|(?<!\w)(?:міст[оаіу]|город[аеу]?|городом)|"
    # "the regional capital Zaporizhzhia", "le chef-lieu", "обласний центр"
    r"(?<!\w)capital|chef-lieu(?:\s+régional)?|(?:Gebiets)?[Hh]auptstadt|"
    # ... and "the railway hub of Lozova", "le nœud ferroviaire de Lozova", "залізничний вузол
    # Лозова": a hub is a town
    r"(?:обласн|областн)\w*\s+центр\w*|столиц\w*|"
    + _HUB
    # ("the railway hub of Lozova", "un dépôt ferroviaire à Lozova", "вузол у Гребінці")
    + r"(?:\s+(?:of|in|d(?:e\s+|['’])|à|von|у|в))?)\s*$",
    re.IGNORECASE,
)
# "the port of Pivdenne", "Hafenstadt Ismajil", "порт Южный": a sea or river port is a town,
# often under the name it had before (Russian reports keep Южный, Ильичёвск)
_PORT_BEFORE = re.compile(
    r"(?<!\w)(?:port|Hafen(?:stadt)?|порт(?:[уіае]|ом)?)(?:\s+(?:of|d(?:e\s+|['’])|von))?\s*$",
    re.IGNORECASE,
)
# "аэродрому Озерное", "the airfield at Kulbakino", "la base aérienne de Saky": an airfield's
# place is no hamlet of a few dozen people
_AIRFIELD_BEFORE = re.compile(
    r"(?:airfield|air\s*base|aérodrome|base\s+aérienne|Flugplatz|Fliegerhorst|"
    r"Luftwaffenstützpunkt|аэродром\w*|аеродром\w*|авиабаз\w*|авіабаз\w*)"
    r"(?:\s+(?:of|at|near|in|de|d['’]|von|bei|в|у|под|біля|возле))?\s*[«\"“„]?\s*$",
    re.IGNORECASE,
)
# A kind word in the plural before a list: every place of the list is of that kind ("по
# аэродромам Староконстантинов, Миргород и Озерное", "the villages of Pokrovka and Vasylivka")
_PLURAL_KIND_BEFORE = re.compile(
    r"(?:(?P<airfield>airfields|air\s+bases|aérodromes|bases\s+aériennes|Flugplätzen?|"
    r"Luftwaffenstützpunkte\w*|аэродром(?:ы|ам|ами|ах)|аеродром(?:и|ам|ами|ах)|"
    r"авиабаз(?:ы|ам|ами|ах)|авіабаз(?:и|ам|ами|ах))|"
    r"(?P<village>villages|hamlets|hameaux|Dörfer\w*|сел(?:ам|ами|ах)|деревн(?:и|ям|ями|ях)))"
    # (not "the villages near Lyman": the place named is no village of them)
    r"(?:\s+(?:of|in|de|d['’]|von|в|у))?\s*$",
    re.IGNORECASE,
)
# Between two places of one list
_IN_A_LIST = re.compile(r"\s*(?:,|and|et|und|і|й|та|и)\s*", re.IGNORECASE)
_VILLAGE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:village|hamlet)\s+of|(?<!\w)(?:village|hameau)\s+(?:[^\W\d_]+\s+)?"
    r"d(?:e\s+|['’])|(?<!\w)Dorf(?:es)?|(?<!\w)(?:сел[оаіуе]|селом|деревн[яиеюй]|деревню))\s*$",
    re.IGNORECASE,
)
# (an article in Latin script: "X, a village", not "X, city officials said")
_KIND_AFTER = re.compile(
    r"\s*(?:,|—|–|-)\s*(?:(?:a|an|un|une|ein|eine|einem|einer|the|la|le|die|der|das)\s+"
    # ("Kamianske, la grande ville industrielle de l'oblast")
    r"(?:(?:small|tiny|petit|kleine[ns]?|front-?line|frontline|railway|mining|industrial|"
    r"border|frontier|river|port|garrison|large|big|major|grande?|große[ns]?|"
    r"industrielle)\s+){0,2}(?P<kind>village|hamlet|town|"
    r"city|ville|Dorf|Stadt|Kleinstadt|Großstadt)|"
    r"(?P<word>village|ville|Dorf|сел[оа]|міст[оа]|город|деревн\w*))"
    # (not another place's kind: "..., the city of Selydove", nor "the town hall", "town's")
    r"(?!\w|['’]s|\s+(?:of|de|d['’]|du|von)\s*(?-i:[A-ZÀ-ÞА-ЯІЇЄҐ])|"
    r"\s+(?:hall|council|centre|center|administration|authorities|officials|mayor|limits|"
    r"outskirts|square)\b)",
    re.IGNORECASE,
)
# "Lozova, a railway hub about 140 km to the south", "Lozova, nœud ferroviaire du sud"
_HUB_AFTER = re.compile(
    r"\s*(?:,|—|–|-)\s*(?:(?:a|an|the|un|une|le|la|ein|eine|der)\s+)?"
    r"(?:(?:key|major|main|important|grand|wichtige[rn]?|важлив\w*|важн\w*|крупн\w*)\s+)?" + _HUB,
    re.IGNORECASE,
)
# "Lozova, a railway hub of 50,000 people": tens of thousands of people are a town's
_POPULOUS_AFTER = re.compile(
    r"\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){1,3}of\s+(?:about\s+|some\s+|nearly\s+|around\s+)?"
    r"\d{2,3}[,. \u00a0]\d{3}\s+(?:people|inhabitants|residents)(?!\w)",
    re.IGNORECASE,
)
# "südwestlich der Stadt Synelnykowe und Wiltscha": the city a cue refers to, then a name
_CUE_TOWN_BEFORE = re.compile(r"(?:lich|von|nahe|bei)\s+der\s+Stadt\s*$", re.IGNORECASE)
_TOWN_WORDS = ("town", "city", "ville", "stadt", "kleinstadt", "großstadt", "міст", "город")
# One of which every match of _TOWN_BEFORE or _VILLAGE_BEFORE contains (a cheap test first).
_KIND_WORDS = (
    *_TOWN_WORDS,
    "capital",
    "chef-lieu",
    "hauptstadt",
    "центр",
    "столиц",
    "villag",
    "hamlet",
    "hameau",
    "dorf",
    "сел",
    "деревн",
    "port",
    "hafen",
    "порт",
    "aérodrome",
    "airfield",
    "air base",
    "airbase",
    "base aérienne",
    "flugplatz",
    "fliegerhorst",
    "luftwaffenstützpunkt",
    "аэродром",
    "аеродром",
    "авиабаз",
    "авіабаз",
    "hub",
    "junction",
    "depot",
    "dépôt",
    "депо",
    "nœud",
    "carrefour",
    "knoten",
    "вуз",
    "узел",
    "узл",
)


# Any of them as a substring: one search instead of a look per word.
_KIND_WORD = re.compile("|".join(re.escape(word) for word in _KIND_WORDS))

# "Кам'янське (не плутати з містом на Дніпропетровщині)", "X, not to be confused with the city
# in ...": the namesake set apart is the city, so this one is a village. (Not when the words
# name it, "… avec la ville de Lyman": the namesakes' reading of the name said again.)
_NOT_THE_CITY_AFTER = re.compile(
    r"\s*+[(,—–-]?\s*+(?:"
    r"not\s+(?:to\s+be\s+)?confused\s+with\s+the\s+(?:[\w-]+\s+)?(?:city|town)|"
    r"не\s+(?:(?:слід|варто|треба|следует|стоит|надо|нужно)\s+)?(?:плутати|путать)\s+"
    r"(?:з|із|зі|с|со)\s+(?:[\w-]+\s+)?(?:містом|городом)|"
    r"(?:à\s+)?ne\s+pas\s+confondre\s+avec\s+la\s+(?:[\w-]+\s+)?ville|"
    r"nicht\s+(?:zu\s+verwechseln\s+)?mit\s+der\s+(?:[\w-]+\s+)?(?:Groß|Industrie)?[Ss]tadt"
    r")(?=\s*+(?:$|[)\].,;:—–]|of\s+the\s+same\s+name|du\s+même\s+nom|"
    r"(?:на|в|у|во|in|im|am|an|dans|près|near|bei|під|под|біля|возле)\s))",
    re.IGNORECASE,
)

_IN_REGION = re.compile(
    r"\s*(?:на|в|у|во|in|im|dans\s+la|de\s+la)\s+(?:région\s+de\s+)?", re.IGNORECASE
)


def _region_right_after(text: str, found: list[Found], position: int) -> Found | None:
    """The region named right after a position ("… з містом на Дніпропетровщині")."""
    for mention in found:
        if mention.start >= position and mention.is_region and mention.candidates:
            gap = _IN_REGION.match(text, position)
            return mention if gap is not None and gap.end() == mention.start else None
        if mention.start >= position:
            return None
    return None


def attach_kinds(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """ "the western city of Rivne", "Rivne, a village between Pokrovsk and Myrnohrad", "у
    селі X", a dateline's city: the kind of place the text says a name is."""
    datelines: dict[int, int | None] = {}
    dateline_places: list[Found] = []
    for mention in found:
        if mention.is_region:
            continue
        before = text[max(0, mention.start - 40) : mention.start]
        named = _KIND_WORD.search(before.lower()) is not None
        after = _KIND_AFTER.match(text, mention.end)
        if named and _PORT_BEFORE.search(before):
            mention.kind = "port"
        elif named and _AIRFIELD_BEFORE.search(before):
            mention.kind = "airfield"
        elif named and _TOWN_BEFORE.search(before) and not _CUE_TOWN_BEFORE.search(before):
            mention.kind = "town"
        elif named and _VILLAGE_BEFORE.search(before):
            mention.kind = "village"
        elif after:
            word = (after.group("kind") or after.group("word")).lower()
            mention.kind = "town" if word.startswith(_TOWN_WORDS) else "village"
        elif _POPULOUS_AFTER.match(text, mention.end) or _HUB_AFTER.match(text, mention.end):
            mention.kind = "town"
        elif (apart := _NOT_THE_CITY_AFTER.match(text, mention.end)) is not None:
            # (said of the place this one locates: "Каменское под Запорожьем не стоит путать с
            # одноимённым городом")
            located = next((m for m in found if m.anchor is mention), mention)
            region = _region_right_after(text, found, apart.end())
            if region is not None:
                # "… з містом на Дніпропетровщині": not that oblast's town of the name (a town
                # elsewhere may be meant: "Первомайськ, не плутати з містом на Миколаївщині")
                located.not_town_in = region.candidates[0].place.admin1_codes
                if located.region is region:
                    # (the region is the other one's, not where this one lies)
                    located.region = None
                    located.region_attached = located.region_before = False
                    located.joined_regions = ()
            else:
                located.kind = located.kind or "village"
        else:
            if mention.sentence not in datelines:
                datelines[mention.sentence] = dateline_end(text, sentences[mention.sentence][0])
            dateline = datelines[mention.sentence]
            if dateline is not None and mention.end <= dateline:
                mention.kind = "town"
                mention.in_dateline = True
                dateline_places.append(mention)
    for mention in dateline_places:
        _same_as_the_dateline(found, mention)
    _kinds_of_lists(text, found)


def _kinds_of_lists(text: str, found: list[Found]) -> None:
    """ "по аэродромам Староконстантинов, Миргород и Озерное": a plural kind word before a
    list says the kind of each place in it."""
    kind = ""
    for previous, mention in zip([None, *found], found, strict=False):
        listed = previous is not None and _IN_A_LIST.fullmatch(text, previous.end, mention.start)
        if kind and listed:
            mention.kind = mention.kind or kind
            continue
        plural = _PLURAL_KIND_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        kind = plural.lastgroup if plural is not None else ""
        if kind and not mention.is_region:
            mention.kind = mention.kind or kind


def _same_as_the_dateline(found: list[Found], dateline: Found) -> None:
    """ "ZAPORIZHZHIA, Dec 2 (AP) — ... struck Zaporizhzhia overnight": the dateline's city
    said again bare is that city (not a village of the name a raion of the report holds)."""
    if not dateline.candidates:
        return
    key = name_key(dateline)
    for mention in found:
        if (
            mention.start > dateline.start
            and mention.candidates
            and not mention.is_region
            and mention.same_as is None
            and mention.namesake_of is None
            and mention.anchor is None
            and not mention.region_attached
            and mention.aside < 0
            and mention.kind != "village"  # ("Rivne, a village between Pokrovsk and ...")
            and name_key(mention) == key
        ):
            mention.same_as = dateline


def read_villages_said(text: str, found: list[Found]) -> None:
    """A name read as a region that the text calls a village is the village ("в селе Крым
    Ростовской области": Krym of Rostov Oblast, not Crimea)."""
    for mention in found:
        if not mention.is_region or not _VILLAGE_BEFORE.search(
            text, max(0, mention.start - 24), mention.start
        ):
            continue
        villages = [c for c in mention.candidates if c.place.kind != PlaceKind.REGION]
        if villages:
            mention.candidates, mention.is_region = villages, False
