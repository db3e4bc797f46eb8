"""Relative cues: "Udachne (southwest of Pokrovsk)", "Borova, east of Izium", "Федоровку под
Северском" — the place a cue is taken from (the anchor) locates the place named before it,
and serves only as a reference."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from tracker.extract.found import Found
from tracker.extract.lexicon import DIRECTION_OF, NEAR_BEFORE, NEAR_OF
from tracker.extract.namesakes import NAMESAKE_APART, name_key
from tracker.extract.prefixed import prefixed
from tracker.gazetteer import TOWN_POPULATION, haversine_km
from tracker.model import PlaceKind

ANCHOR_SCALE_KM = 40.0
_APPROX = (
    r"(?:(?:about|some|roughly|around|approximately|environ|à(?:\s+une?)?|à\s+peine|"
    r"à\s+moins\s+de|moins\s+de|less\s+than|under|etwa|rund|"
    r"ungefähr|knapp|приблизно|близько|около|примерно|за|в|"
    # "the Kamianka just south of Izium"
    r"just|immediately|right|directly|juste|unmittelbar|direkt|одразу|безпосередньо|сразу|"
    r"непосредственно)\s+)"
)
# "12 km", "une quinzaine de kilomètres", "sechs Kilometer", "a few kilometres"
_DISTANCE = (
    r"(?:(?:\d+(?:[.,]\d+)?|(?:une?\s+|a\s+)?[^\W\d_]+)\s*(?:de\s+)?(?:km|kilomet\w*|kilomèt\w*|"
    r"км|кілометр\w*|километр\w*))"
)
# How many live there, said of the place before its cue: "of about 15,000 people", "de 15 000
# habitants", "mit rund 15.000 Einwohnern"
_HOW_MANY_LIVE = (
    r"(?:\s+(?:of|de|d['’]|mit)\s+(?:(?:about|some|around|roughly|nearly|environ|quelque|près\s+de|"
    r"rund|etwa|knapp)\s+)?[\d][\d,.\s\u00a0\u202f]*\s*(?:people|inhabitants|residents|habitants|"
    r"âmes|einwohner\w*)(?:\s*,)?)"
)
# "та", "ту", "тієї": the one (of the name) that ...
_THAT_ONE = r"(?:та|ту|той|те|тот|то|тієї|тій)"
_APPOSED_NOUN = (
    r"(?:both|all|each|located|"
    # "X, which lies near Y", "X, qui se trouve près de Y", "X, що розташоване біля Y"
    r"(?:which|that)\s+(?:lies|sits|is\s+(?:located|situated))|which\s+is|that\s+is|"
    r"qui\s+(?:se\s+trouve|est\s+situ\w*)|"
    r"(?:що|яке|який|яка|что|которое|который|которая)\s+(?:розташован\w*|знаходиться|"
    r"находится|расположен\w*|лежить|лежит)|"
    # ("Mykolaivka, the thermal-power-plant town just south of Sloviansk")
    r"(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:village|town|settlement|city)(?:\s+(?:located|situated))?"
    # ("Mykolaiv, a town of about 15,000 people some 35 km south of Lviv")
    rf"{_HOW_MANY_LIVE}?|"
    # ("Dobropillia, village au nord de Houliaïpole": the article may go; "Zolotchiv, petite
    # ville de Galicie à une soixantaine de kilomètres à l'est de Lviv": its land may follow)
    r"(?:une?\s+)?(?:(?:petite?|grande?)\s+)?(?:village|bourg|hameau|localité|ville)"
    # ("une petite ville minière au nord de Pokrovsk")
    r"(?:\s+(?:minière|industrielle|agricole|frontalière|portuaire|côtière|rurale))?"
    rf"{_HOW_MANY_LIVE}?"
    # ("un village au bord du réservoir de Kakhovka, à moins de 30 kilomètres au sud de Y")
    r"(?:\s+(?:au\s+bord|sur\s+les?\s+rives?)\s+d(?:u|e\s+la|e\s+l['’]|es)\s*[\w'’-]+"
    r"(?:\s+(?:de|d['’])\s*[\w'’-]+)?\s*,?)?"
    r"(?:\s+(?:de|du|d['’])\s*(?-i:[A-ZÀ-Þ])[\w'’-]+)?"
    # ("Novoselivka, un village de la région de Donetsk au nord-ouest de Lyman")
    r"(?:\s+(?:de|dans)\s+(?:la\s+région|l['’]oblast)\s+d(?:e\s+|['’])\s*(?-i:[A-ZÀ-Þ])[\w'’-]+)?"
    r"(?:\s+situé\w*)?|"
    r"tous\s+deux|situé\w*|beide|liegt|"
    # "deux localités situées à l'est d'Orikhiv", "two villages north of Y"
    r"(?:deux|trois|two|three|zwei|drei)\s+(?:villages|localités|bourgs|towns|settlements|"
    r"dörfer|ortschaften)(?:\s+(?:situé\w*|located|situated|lying|gelegen))?|"
    r"gelegen|(?:ein|eine|einer|einem|eines)\s+(?:dorf(?:es)?|(?:klein)?stadt|ortschaft|siedlung)|"
    r"обидва|обидві|розташован\w*|що|яке|який|яка|"
    r"село|селище|села|селища|оба|обе|"
    r"расположен\w*|что|"
    # "Новоселовка — та, что северо-западнее Лимана", "не ту Новоселівку, що під Лиманом"
    rf"{_THAT_ONE}\s*,\s*(?:что|що)|"
    r"которое|который|которая|деревня|посёлок|поселок|"
    # "X, à la sortie nord de Y": the exit or edge of Y, on the side the direction says
    r"(?:à\s+la\s+)?(?:sortie|périphérie|lisière)|"
    # "Kamianka, on the international border some 33 km east of Y"
    r"(?:on|at)\s+the\s+(?:(?:international|state|russian)\s+)?border|"
    r"(?:sur|à)\s+la\s+frontière|an\s+der\s+(?:staats)?grenze|на\s+(?:державному\s+)?кордоні|"
    r"на\s+(?:государственной\s+)?границе)"
)
# "Kostiantynivka : il s'agit du village voisin de Vouhledar", "X — йдеться про село біля Y":
# the words after the colon or dash say which place the name is
_EXPLAINED = (
    r"(?:[:—–-]\s*(?:il\s+s['’]agit\s+d(?:u|e\s+la|e\s+l['’]|['’])|c['’]est|this\s+is|it\s+is|"
    r"(?:that|this)\s+means|gemeint\s+ist|es\s+handelt\s+sich\s+um|йдеться\s+про|мова\s+про|"
    r"ідеться\s+про|речь\s+ид[её]т\s+о|имеется\s+в\s+виду)\s*"
    r"(?:village|localité|the\s+village|(?:das|dem|ein|einem)\s+dorf|село|селище|селе|"
    r"пос[её]лке|деревне)?\s*)"
)
# "X, dans la région de Donetsk, à 15 km à l'est de Y": the region said with X first
_REGION_ASIDE = (
    r"(?:\s*,\s*(?:(?:dans\s+la\s+(?:région|province|oblast)\s+d(?:e\s+|['’])|"
    r"im\s+Gebiet\s+|in\s+der\s+Region\s+)[^\W\d_][\w'’ -]{1,30}?|"
    # ("in Dnipropetrovsk Oblast", "in the Sumy region": a region's word said, not "in
    # particular", "in the early morning")
    r"in\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+\s+(?:Oblast|region|Region|raion|Raion|hromada))"
    r"(?=\s*,)|"
    # "Новопавлівка на Дніпропетровщині, поблизу Межової"
    r"\s+(?:на|у|в)\s+[А-ЯІЇЄҐ][\w'’-]{2,30}(?:\s+област[іи])?(?=\s*,))?"
)
# One bearing of two the cue names: "au nord et au nord-est de X", "north and northeast of X"
_OTHER_BEARING = (
    r"(?:(?:(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?|(?:nord|süd|ost|west)?"
    r"(?:nördlich|südlich|östlich|westlich))\s+(?:and|or|et|ou|und|oder)\s+)"
)
_TWO_BEARINGS = re.compile(_OTHER_BEARING, re.IGNORECASE)
# "deux villages situés respectivement au sud et au sud-est de Siversk"
_RESPECTIVELY = r"(?:(?:respectivement|respectively|jeweils|відповідно|соответственно)\s+)"
APPOSITION = re.compile(
    # ("à environ 14 km": two approximating words)
    rf"{_REGION_ASIDE}\s*(?:{_EXPLAINED}|[,(–—-]?\s*(?:{_APPOSED_NOUN}\s+)?){_RESPECTIVELY}?{_OTHER_BEARING}?{_APPROX}{{0,2}}(?:{_DISTANCE}\s*)?(?:{_APPOSED_NOUN})?\s*$",
    re.IGNORECASE,
)
# "..., beide nordöstlich von Y", "..., both south of Y": the two places named before.
BOTH_AFTER_CLAUSE = re.compile(
    r"[^.;:!?\n]{0,60}[,—–]\s*(?:both|beide|tous\s+deux|toutes\s+deux|обидва|обидві|оба|обе)\s*$",
    re.IGNORECASE,
)
# "X vorgedrungen, rund sechs Kilometer südlich von Y": a distance after a clause's end locates
# the place the clause named last.
DISTANCE_AFTER_CLAUSE = re.compile(
    rf"[^.;:!?\n,]{{1,30}},\s*{_APPROX}?{_DISTANCE}\s*$",
    re.IGNORECASE,
)
# How the text before a mention ends when DIRECTION_OF or NEAR_OF may match there: a cheap
# test that spares the regex search for most mentions.
ANCHOR_TAILS = (
    *("of", "the", "de", "d'", "d’", "lich", "von", "ше", "від", "ее", "от"),
    *("near", "to", "from", "outside", "bei", "nahe", "unweit", "біля", "поблизу"),
    *("неподалік", "під", "около", "возле", "под", "вблизи", "stadt", "міста", "села"),
    *("селища", "города", "посёлка", "поселка", "близ", "proche", "proximité"),
    *("central", "downtown", "до", "к"),
)
_TAG = re.compile(r"<[^<>]{0,40}>")  # "<b>Stepova Novoselivka</b>, southeast of Kupiansk"
_APPOSED_NEAR = re.compile(r"\s*,?\s*$")
# "у" alone between two places: "к северу от X у Y", "а не X у Y" ("у" as "под")
_U_BETWEEN = re.compile(r"\s+у\s+")
# "не ту Новониколаевку, что у Гуляйполя": "у" after "что" says where the denied one is
_WHICH_U_BETWEEN = re.compile(r"\s*,\s*(?:что|що|которая|которое|который|яка|яке|який)\s+у\s+")
# "X and Y", "X et de Y", "X та Y": two places joined as one list
_LIST_AND = re.compile(
    r"\s*,?\s*(?:and|et|und|та|і|й|и|ta)\s+(?:de\s+|d['’]\s*|von\s+)?$", re.IGNORECASE
)
_DISTANCE_WORD = re.compile(_DISTANCE, re.IGNORECASE)
_KM_NUMBER = re.compile(r"\d")  # a distance given in figures
_NEAR_NEXT_SCENE = re.compile(
    r"\s*(?:(?:near|close\s+to|around|bei|nahe|unweit|біля|поблизу|в\s+районі|около|возле|"
    r"вблизи|в\s+районе)(?!\w)|près\s+d(?:e\s|['’]))",
    re.IGNORECASE,
)
_CLAUSE_TO_CUE = re.compile(r"[^.;:!?\n]{0,40},\s*$")


# A village the text does not name, right before a cue: "captured village near Kupiansk",
# "Einnahme von Dorf bei Pokrowsk", "das gleichnamige Dorf südlich von Synelnykowe" — the town
# is a reference (not "struck a village near Chuhuiv": a strike near the town is said so; nor
# "le village voisin de Bilozerka", which is Bilozerka)
_STRUCK_BEFORE = re.compile(
    r"(?<!\w)(?:struck|strikes?|hit|hits|shelled|shelling|attacked|bombed|frapp\w*|bombard\w*|"
    r"pilonn\w*|getroffen|beschoss\w*|angegriffen|удар\w*|обстріл\w*|обстрел\w*|атакува\w*|"
    r"атаковал\w*|вдарил\w*|ударил\w*)(?!\w)",
    re.IGNORECASE,
)
_UNNAMED_SETTLEMENT = re.compile(
    r"(?<!\w)(?:villages?|settlements?|hamlets?|dorf|dörfer|dorfes|ortschaft(?:en)?|"
    r"siedlung(?:en)?|localités?|bourgs?|hameaux?|hameau|село|села|селище|селища|деревн\w+|"
    r"населен\w*\s+пункт\w*|населён\w*\s+пункт\w*|населений\s+пункт|населені\s+пункти)"
    r"(?:\s+(?:situé\w*|located|situated|gelegen|розташован\w*|расположен\w*))?\s*,?\s*$",
    re.IGNORECASE,
)


# An unnamed village in a region: "village in Dnipropetrovsk region", "un village de la région
# de", "ein Dorf im Gebiet", "село в Харківській області"
_UNNAMED_IN_REGION = re.compile(
    r"(?<!\w)(?:(?:a|one|another|the)\s+)?(?:village|settlement|hamlet)\s+in\s+(?:the\s+)?$|"
    r"(?<!\w)(?:un|une|d['’]un)\s+(?:village|localité|hameau)\s+(?:de|dans)\s+(?:la\s+)?"
    r"(?:région|province|oblast)\s+d(?:e\s+|['’])$|"
    r"(?<!\w)(?:ein|eine|einem|eines)\s+(?:dorf|dorfes|ortschaft|siedlung)\s+(?:im|in\s+der)\s+"
    r"(?:gebiet|region)\s+$|"
    r"(?<!\w)(?:село|селище|населений\s+пункт|населенный\s+пункт|деревню|деревня)\s+(?:в|у|на)\s+$",
    re.IGNORECASE,
)


def _mark_unnamed_villages_reference(text: str, found: list[Found]) -> None:
    """The place a cue after an unnamed village takes is only a reference: that village is
    the scene, and the claim is not moved onto the town it is near."""
    for index, mention in enumerate(found):
        if mention.reference:
            continue
        if mention.is_region:
            # "retook village in Dnipropetrovsk region", "un village de la région de Donetsk":
            # the village is the scene, not the region (a struck one's region stays)
            unnamed = _UNNAMED_IN_REGION.search(text, max(0, mention.start - 40), mention.start)
            if unnamed and not _STRUCK_BEFORE.search(
                text, max(0, unnamed.start() - 40), unnamed.start()
            ):
                mention.reference = True
            continue
        tail = text[max(0, mention.start - 14) : mention.start].rstrip().lower()
        if not tail.endswith(ANCHOR_TAILS):
            continue
        before = _previous_in_sentence(found, index)
        window_start = max(before.end if before else 0, mention.start - 50)
        cue = DIRECTION_OF.search(text, window_start, mention.start) or NEAR_OF.search(
            text, window_start, mention.start
        )
        if cue is None or cue.group().lower().startswith("voisin"):
            continue
        unnamed = _UNNAMED_SETTLEMENT.search(text, max(window_start, cue.start() - 40), cue.start())
        if unnamed and not _STRUCK_BEFORE.search(
            text, max(0, unnamed.start() - 40), unnamed.start()
        ):
            mention.reference = True


def attach_anchors(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """Sets each mention's anchor from the cue that follows it, and marks the anchors as
    references; a name the gazetteer lacks keeps the words of its cue."""
    for index, mention in enumerate(found):
        if mention.is_region:
            continue
        target = _previous_in_sentence(found, index)
        if target is None:
            continue  # a cue anchors the place named just before it in the sentence
        if target.candidates and mention.candidates and name_key(target) == name_key(mention):
            continue  # "in Toretsk northwest of Toretsk": no place lies off itself
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
        between = _TAG.sub("", text[target.end : cue.start()])
        both = BOTH_AFTER_CLAUSE.match(between)
        if not (APPOSITION.match(between) or DISTANCE_AFTER_CLAUSE.match(between) or both):
            continue
        if both:
            # "in Nowouspeniwske eingedrungen und haben Marfopil eingenommen, beide nordöstlich
            # von Huljajpole": the place before shares the cue
            earlier = _place_before(found, index, target)
            if earlier is not None and earlier.anchor is None:
                earlier.anchor = mention
        between = text[target.end : cue.start()]
        if (
            nearness
            and not between.strip(" ,(–—-\u00a0")
            and "," in between  # "в районе Песчаного под Купянском" is one place
            and _near_cue_before(text, target, sentences[target.sentence][0])
            # (a distance in km locates: "біля Степового, за 3 км від Березового", unless the
            # place is itself another's reference: "Андріївці біля Костянтинівки, за 5 км ...")
            and not (_KM_NUMBER.search(cue.group()) and not target.reference)
        ):
            continue
        if (
            not nearness
            and "(" not in between  # ("west of Andriivka (west of Kurakhove)": its own cue)
            and _direction_before(text, target.start)
            and not _may_be_near(target, mention)
        ):
            continue  # "north of Kupiansk, south of Vovchansk": a list of two scenes
        if not nearness and between.strip() and _heads_next_scene(text, found, index):
            # (a place right before the direction is its own: "the Shevchenko north of
            # Pokrovsk near Hryshyne")
            continue
        target.anchor = mention
        mention.reference = True
        _share_with_coordinated(text, found, index, target, mention)
    _mark_unnamed_villages_reference(text, found)
    _anchor_forward(text, found)
    _anchor_denied_namesake(text, found)
    _mark_not_near(text, found)
    _mark_denied_near(text, found)
    _anchor_not_but(text, found)
    _anchor_opening_frame(text, found, sentences)
    _anchor_to_the_city(text, found)
    for mention in found:
        if mention.anchor is not None and not mention.cue:
            # (long enough for "about 13 kilometres north-northwest of the town of")
            start = max(mention.end, mention.anchor.start - 70)
            mention.cue = text[start : mention.anchor.start]


# "Lozova – nicht die Bahnstadt im Süden des Gebiets Charkiw, sondern das Dorf nordöstlich von
# Borowa", "X — not the town in ..., but the village north of Y": what X is, said after a denial
_NOT_BUT = re.compile(
    # (past a relative clause: "Щербаки, про які пишуть у зведеннях, — це не село ...")
    r"(?:\s*,\s*(?:про|о|об|which|that|dont|über|які|яке|який|яка|которые|которое|который|"
    r"которая)\s[^,;.!?()]{0,40},)?"
    r"(?:\s*[–—,(-]\s*(?:(?:це|это)\s+)?|\s+(?:is|ist|n['’]est|это|це|—)\s+)"
    r"(?:nicht|not|pas|не|ни)\s[^;.!?()]{0,90}?"
    r"\s(?:sondern|but|mais|а|но)\s",
    re.IGNORECASE,
)


def _anchor_not_but(text: str, found: list[Found]) -> None:
    """ "X — not A, but the village northeast of Y": Y's direction locates X."""
    places = [m for m in found if not m.is_region]
    for index, first in enumerate(places):
        if first.anchor is not None:
            continue
        denial = _NOT_BUT.match(text, first.end)
        if denial is None:
            continue
        second = next((m for m in places[index + 1 :] if m.start >= denial.end()), None)
        if second is None or second.sentence != first.sentence:
            continue
        window = max(denial.end(), second.start - 40)
        # ("... а однойменне село під Оріховом": a near cue says it as well)
        cue = DIRECTION_OF.search(text, window, second.start) or NEAR_OF.search(
            text, window, second.start
        )
        if cue is None:
            continue
        first.anchor = second
        first.cue = text[cue.start() : second.start]
        second.reference = True


# "... а не Успеновка у Покровска", "не ту Новониколаевку": a namesake denied, then "у" and
# the place it is by
_DENIED_BEFORE = re.compile(rf"(?<!\w)(?:не|ні)\s+(?:{_THAT_ONE}\s+)?$", re.IGNORECASE)


def _anchor_denied_namesake(text: str, found: list[Found]) -> None:
    """ "это село в 17 км от Гуляйполя, а не Успеновка у Покровска", "не ту Новониколаевку,
    что у Гуляйполя": "у" after a denied name says which namesake is meant, as "под" would
    (elsewhere "у" is "at": "у Успеновки", "Херсон, що у Дніпра")."""
    for first, second in pairwise(found):
        if first.sentence != second.sentence or first.is_region or second.is_region:
            continue
        if first.anchor is not None or first.reference:
            continue
        if (
            _U_BETWEEN.fullmatch(text, first.end, second.start)
            or _WHICH_U_BETWEEN.fullmatch(text, first.end, second.start)
        ) and _DENIED_BEFORE.search(text, max(0, first.start - 12), first.start):
            first.anchor = second
            second.reference = True


# "Dobropillia, not the one near Pokrovsk", "Добропілля — не того, що біля Покровська", "pas
# celle près de", "nicht das bei": the place is another of its name than the one by the place
# named next. In Cyrillic the pronoun stands alone before a comma or the preposition ("не та,
# що біля", "не то, что под"): "не то что", "не те що" (let alone) are no such words.
_THE_OTHER_ONE = (
    r"(?:not\s+the\s+one|"
    rf"не\s+(?:(?:к|до|в|у|с|з|із)\s+)?(?:{_THAT_ONE}|того|тому|тим|тем)(?=\s*,|\s+(?:під|біля|"
    r"поблизу|под|у|возле|около|вблизи|близ)\s)|"
    r"(?:et\s+)?(?:pas|non)\s+(?:celui|celle)|nicht\s+(?:das|die|der|dem|den|jenes|jene|jener))"
)
# "у" is "near" here as after any pronoun of a namesake ("не та, что у Гуляйполя")
_NEAR_WORD = (
    r"(?:near|by|outside|close\s+to|під|біля|поблизу|под|у|возле|около|вблизи|близ|bei|nahe|"
    r"unweit|(?:près|à\s+côté)\s+d(?:e\s+|['’]))"
)
_NOT_THE_ONE_NEAR = re.compile(
    r"\s*[,—–(-]\s*(?:(?:а|але|но|but|and|et|mais|und|aber|sondern)\s+)?"
    + _THE_OTHER_ONE
    + r"\s*,?\s*(?:(?:что|що|which|that|qui|das|die|der)\s+)?"
    r"(?:(?:lies|is|est|se\s+trouve|liegt|лежить|лежит|находится|знаходиться|розташован\w*|"
    r"расположен\w*)\s+)?" + _NEAR_WORD + r"\s*",
    re.IGNORECASE,
)


def _mark_not_near(text: str, found: list[Found]) -> None:
    """ "X, not the one near Y": Y is where X is not (a reference, not X's anchor), and X
    said again bare is the same X."""
    for first, second in pairwise(found):
        if first.sentence != second.sentence or first.is_region or second.is_region:
            continue
        if first.settlement_candidates() < 2:
            continue  # a name no other place bears ("a new brigade, not the one near ...")
        if _NOT_THE_ONE_NEAR.fullmatch(text, first.end, second.start):
            first.not_near = second
            second.reference = True
            if first.anchor is second:
                first.anchor = None
            key = name_key(first)
            for later in found:
                if (
                    later.start > first.end
                    and later.candidates
                    and not later.is_region
                    and name_key(later) == key
                    and later.anchor is None
                    and later.namesake_of is None
                    and later.same_as is None
                    and later.not_near is None
                ):
                    later.same_as = first


# "nicht das bei Tokmak", "not the one near Y", "не тієї, що біля Y": the place after the words
# is by the namesake not meant
_THE_ONE_NOT_NEAR = re.compile(
    r"(?<!\w)not\s+the\s+one\s+(?:near|by|outside)\s+(?:the\s+)?|"
    r"(?<!\w)(?:non|pas)\s+cel(?:ui|le)\s+(?:près|à\s+côté)\s+d(?:e\s+|['’])|"
    r"(?<!\w)nicht\s+(?:das|die|der|dem|den)\s+(?:bei|nahe|in\s+der\s+Nähe\s+von)\s+|"
    r"(?<!\w)не\s+(?:та|ту|той|те|тот|то|тієї|тій|того)\s*,?\s*(?:(?:що|что)\s+)?"
    r"(?:біля|під|поблизу|коло|под|около|возле|близ|вблизи)\s+",
    re.IGNORECASE,
)
# ... and, where the report speaks of namesakes, a contrast ("celui visé se trouve près
# d'Ouspenivka, et non près de Novoïakovlivka") or "far from" ("loin du front de Lyman"; not
# "not far from", "non loin de": near) — elsewhere they say where the front is not yet
_NOT_NEAR = re.compile(
    r"(?<!\w)(?:and|but|rather\s+than)\s+not\s+(?:near|by|outside)\s+(?:the\s+)?|"
    r"(?<!\w)(?:et|mais)\s+(?:non|pas)\s+(?:pas\s+)?(?:près|à\s+côté)\s+d(?:e\s+|['’])|"
    r"(?<!\w)(?:und|aber)\s+nicht\s+(?:bei|nahe|in\s+der\s+Nähe\s+von)\s+|"
    r"(?<!\w)(?:а|але|но)\s+не\s+(?:біля|під|поблизу|коло|под|около|возле|близ|вблизи)\s+|"
    r"(?<!not\s)(?<!non\s)(?<!\w)(?:far\s+from\s+(?:the\s+)?|"
    r"loin\s+d(?:e\s+|u\s+|['’])(?:(?:front|secteur)\s+d(?:e\s+|['’]))?|"
    r"(?<!nicht\s)weit\s+(?:weg\s+)?von\s+|(?<!не)(?<!не\s)далеко\s+(?:від|от)\s+)",
    re.IGNORECASE,
)
_NAMESAKE_TALK = re.compile(
    r"homonym|namesake|same\s+name|share\s+the\s+name|two\s+villages|the\s+other\s+(?-i:[A-Z])|"
    r"même\s+nom|nommés|deux\s+villages|l['’]autre\s+(?-i:[A-Z])|namens|gleichnamig|"
    r"zwei\s+Dörfer|heißen|однойменн|одноим[её]нн|тезк|два\s+сел|інш\w+\s+(?-i:[А-ЯІЇЄҐ])|"
    r"друг\w+\s+(?-i:[А-ЯІЇЄҐ])",
    re.IGNORECASE,
)
# "not near Kramatorsk yet", "ещё не под Константиновкой": where the front has not got to
_YET_AFTER = re.compile(
    r"\s*(?:yet|anymore|any\s+more|encore|noch|ще|ещё|еще)(?!\w)", re.IGNORECASE
)


def _mark_denied_near(text: str, found: list[Found]) -> None:
    """ "nicht das bei Tokmak", "..., et non près de Novoïakovlivka": the place named right
    after the denial is no neighbour of the scene (it lies by the namesake not meant)."""
    denials = {m.end() for m in _THE_ONE_NOT_NEAR.finditer(text)}
    contrasts = {m.end() for m in _NOT_NEAR.finditer(text)}
    if contrasts and _NAMESAKE_TALK.search(text) is not None:
        denials |= contrasts
    if not denials:
        return
    for mention in found:
        if (
            mention.start in denials
            and not mention.is_region
            and mention.anchor is None
            and not _YET_AFTER.match(text, mention.end)
        ):
            mention.denied_near = True
            mention.reference = True


_THE_ONE_NOT_NEAR = prefixed(_THE_ONE_NOT_NEAR, indexed=False)
_NOT_NEAR = prefixed(_NOT_NEAR, indexed=False)


def _anchor_opening_frame(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """ "Près de Koupiansk, à Synkivka et Holoubivka, ...", "South of Kostiantynivka, Russian
    forces push toward Zoria": a sentence that opens with a cue and a place, then a comma,
    locates the places it goes on to name by that place."""
    aparts: list[int] | None = None  # where namesakes are set apart, found once if needed
    for index, (first, second) in enumerate(pairwise(found)):
        if first.sentence != second.sentence or first.is_region or second.is_region:
            continue
        if second.anchor is not None or first.anchor is not None:
            continue
        sentence_start = sentences[first.sentence][0]
        if first.start - sentence_start > _OPENING_MAX or not text.startswith(",", first.end):
            continue  # the cue and the place open the sentence
        cue = DIRECTION_OF.search(text, sentence_start, first.start) or NEAR_OF.search(
            text, sentence_start, first.start
        )
        if cue is None or text[sentence_start : cue.start()].strip(_OPENING_MARKS):
            continue
        same = _same_place(first, second)  # (its other name: the frame goes on past it)
        if not same and not _may_be_near(first, second, ANCHOR_SCALE_KM):
            continue
        if not same:
            second.anchor = first
        first.reference = True
        # (up to a namesake set apart: "... ; à ne pas confondre avec Dobropillia, village au
        # nord de Houliaïpole" is not near the opening place)
        if aparts is None:
            aparts = [m.start() for m in NAMESAKE_APART.finditer(text)]
        at = bisect_right(aparts, second.end)
        apart = aparts[at] if at < len(aparts) else len(text)
        clause_end = text.find(";", second.end)  # (nor past the clause: "...; the X in Y")
        if clause_end != -1:
            apart = min(apart, clause_end)
        for later in found[index + 2 :]:
            if later.sentence != first.sentence or later.start > apart:
                break
            if (
                later.anchor is None
                and not later.is_region
                and _may_be_near(first, later)
                and not _same_place(first, later)
            ):
                later.anchor = first


# "Karlivka, a town east-southeast of the regional centre", "Antonivka, east of the city",
# "у Добропіллі за 14 км на північ від міста": the city the report named before.
_THE_CITY = re.compile(
    r"(?:the\s+(?:city|town|regional\s+(?:centre|center|capital))|la\s+ville|"
    r"(?:der|die)\s+(?:stadt|gebietshauptstadt)|міста|обласного\s+центру|города|"
    r"областного\s+центра)(?!\w)",
    re.IGNORECASE,
)
# "Antonivka and Sadove, east of the city": a town listed with the place is not the city
_LISTED_WITH = re.compile(r"[\s,]*(?:(?:and|et|und|та|і|й|и|or|ou|oder|або|или)\s+)?")


_CITY_WORD = re.compile(r"\bcity\b", re.IGNORECASE)  # (English keeps "town" for the smaller)
_CITY_SIZE = 100_000


def _population(mention: Found) -> int:
    return mention.candidates[0].place.population if mention.candidates else 0


def _anchor_to_the_city(text: str, found: list[Found]) -> None:
    """A village of several namesakes in apposition with a cue taken from "the city" is
    located by the town named last before it in its sentence or the one before (not one
    listed with it; that town stays a scene of its own), else by the report's dateline city.
    A unique name keeps its place: a wrong guess at the city must not refuse it."""
    dateline = found[0] if found and found[0].start < 3 and found[0].text.isupper() else None
    town: Found | None = None
    big: Found | None = None  # the last city of _CITY_SIZE named
    for index, mention in enumerate(found):
        if mention.is_region:
            continue
        near_town = town if town and mention.sentence - town.sentence <= 1 else None
        city = near_town or dateline
        if mention.anchor is None and city is not None and mention.settlement_candidates() > 1:
            the_city = _THE_CITY.search(text, mention.end, min(len(text), mention.end + 90))
            if (
                the_city is not None
                and _CITY_WORD.search(the_city.group())
                and _population(city) < _CITY_SIZE
            ):
                # "the city" is a city: the last one named ("… Sevastopol … near Balaklava
                # and on the road to Kacha, north of the city"), else the dateline's
                # ("ZAPORIZHZHIA … assault on Huliaipole … near Prymorske, on the southern
                # approaches to the city")
                near_city = big if big and mention.sentence - big.sentence <= 1 else None
                if near_city is None and dateline and _population(dateline) >= _CITY_SIZE:
                    near_city = dateline
                city = near_city or city
            cue = the_city and (
                DIRECTION_OF.search(text, mention.end, the_city.start())
                or NEAR_OF.search(text, mention.end, the_city.start())
            )
            between = _TAG.sub("", text[mention.end : cue.start()]) if cue else None
            following = found[index + 1] if index + 1 < len(found) else None
            if following is not None and cue is not None and following.start < cue.start():
                # another place stands between this one and the cue: the cue is that place's
                # ("Гуляйполя и ведут бои у Зелёного Гая, в 10 км к востоку от города")
                between = None
            if (
                between is not None
                and (APPOSITION.match(between) or DISTANCE_AFTER_CLAUSE.match(between))
                and not _LISTED_WITH.fullmatch(text, city.end, mention.start)
                # (nor two bearings heading the next scene: "near Serebrianka and Hryhorivka,
                # southeast and south of the town near Vyimka")
                and not (
                    _TWO_BEARINGS.search(between) and _NEAR_NEXT_SCENE.match(text, the_city.end())
                )
            ):
                mention.anchor = city
                mention.cue = text[mention.end : the_city.start()]  # its direction counts
            elif near_town is not None:
                direction = _direction_of_the_city_before(text, mention)
                if direction is not None:
                    mention.anchor, mention.cue = near_town, direction
        top = mention.candidates[0].place if mention.candidates else None
        if top is not None and top.population >= TOWN_POPULATION and mention.anchor is None:
            town = mention
            if top.population >= _CITY_SIZE:
                big = mention


# "east of the town near Zarichne", "à l'est de la ville près de Zaritchné": the town's
# direction, then "near" and the place
_NEAR_AFTER_THE_CITY = re.compile(
    r"\s*,?\s*(?:near|close\s+to|près\s+d(?:e\s+|['’])|bei|nahe|біля|поблизу|около|возле|под|у)"
    r"\s*$",
    re.IGNORECASE,
)


def _direction_of_the_city_before(text: str, mention: Found) -> str | None:
    """The direction words of "east of the town near X" before X, or None."""
    window = max(0, mention.start - 80)
    the_city = max(
        _THE_CITY.finditer(text, window, mention.start), key=re.Match.start, default=None
    )
    if the_city is None or not _NEAR_AFTER_THE_CITY.fullmatch(text, the_city.end(), mention.start):
        return None
    cue = DIRECTION_OF.search(text, max(window, the_city.start() - 40), the_city.start())
    if cue is None or cue.end() != the_city.start():
        return None
    return text[cue.start() : the_city.start()]


_OPENING_MARKS = " \u00a0\n\t\"'«“„-–—•*>#"
_OPENING_MAX = 60  # how far into its sentence the opening cue's place may stand


def _share_with_coordinated(
    text: str, found: list[Found], index: int, target: Found, anchor: Found
) -> None:
    """ "near Novoselivka and Zatyshshia north of Huliaipole", "біля Новоселівки та Затишшя на
    північ від Гуляйполя": the cue after two places joined by "and" locates both, when some
    reading of the first lies near the anchor. A distance ("X and Y, 6 km east of X") measures
    from one place only."""
    if _DISTANCE_WORD.search(text, target.end, anchor.start):
        return
    earlier = _place_before(found, index, target)
    if earlier is None or earlier.anchor is not None or earlier.reference:
        return
    top = earlier.candidates[0].place if earlier.candidates else None
    if top is not None and top.population >= TOWN_POPULATION:
        return  # a town is its own reference ("Kharkiv and Vovchansk, north of Lyptsi")
    if _names_alike(earlier, anchor):
        return
    if not _LIST_AND.match(text, earlier.end, target.start):
        return
    # (any of its readings: the cue is what says which of a common name's namesakes is meant)
    if _may_be_near(earlier, anchor, candidates=len(earlier.candidates)):
        earlier.anchor = anchor


def _heads_next_scene(text: str, found: list[Found], index: int) -> bool:
    """ "north of Lyman near Stavky and Novoselivka, east of Lyman near Torske": a direction
    whose place is followed by "near" and another place heads the next scene (not "north of
    Siversk near the forest")."""
    near = _NEAR_NEXT_SCENE.match(text, found[index].end)
    if near is None or index + 1 >= len(found):
        return False
    return not text[near.end() : found[index + 1].start].strip()


def _near_cue_before(text: str, target: Found, sentence_start: int) -> bool:
    """Whether the place itself follows a "near" ("near Pokrovsk, near Lyman" is a list of two
    scenes, not one place located by the other)."""
    window = text[max(sentence_start, target.start - 30) : target.start]
    return bool(NEAR_OF.search(window) or NEAR_BEFORE.search(window))


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
        if not (
            (cue is not None and _APPOSED_NEAR.match(text[first.end : cue.start()]))
            or _U_BETWEEN.fullmatch(text, first.end, second.start)  # "к северу от X у Y"
        ):
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


def _may_be_near(
    a: Found, b: Found, limit_km: float = ANCHOR_SCALE_KM, candidates: int = 3
) -> bool:
    """Whether some reading of the two names (of `a`, among its first `candidates`) puts them
    close together."""
    points_a = [
        c.place.point for c in a.candidates[:candidates] if c.place.kind != PlaceKind.REGION
    ]
    points_b = [c.place.point for c in b.candidates[:3] if c.place.kind != PlaceKind.REGION]
    return any(haversine_km(p, q) <= limit_km for p in points_a for q in points_b)


def _names_alike(a: Found, b: Found) -> bool:
    """Whether the two mentions name the same place or namesakes."""
    names_a = {c.place.name for c in a.candidates[:3]}
    return any(c.place.name in names_a for c in b.candidates[:3])


def _same_place(a: Found, b: Found) -> bool:
    """Whether `b` may name `a`'s own place ("Kostjantyniwka, das Moskaus Bulletins
    Konstantinowka nennen"): no place is near itself."""
    ids = {c.place.id for c in a.candidates[:1]}
    return any(c.place.id in ids for c in b.candidates[:3])


def _place_before(found: list[Found], index: int, target: Found) -> Found | None:
    """The settlement named before `target`, the place the cue at `index` locates (a few
    steps back: regions may stand between)."""
    at = index - 1
    while found[at] is not target:
        at -= 1
    return _previous_in_sentence(found, at)


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
