"""Capitalised names that are not places where they stand: a capital speaking for its
government ("Moscow said"), a unit or ship named like a place ("cruiser Moskva", "Khortytsia
group"), a river or an administrative unit ("the Vovcha River", "Покровського району"), a
person after a reporting verb, a name inside a quoted title, and a capitalised adjective
opening a sentence ("Нове укриття")."""

from __future__ import annotations

import re

from tracker.extract import capitals
from tracker.extract.combined import either
from tracker.extract.found import Found
from tracker.extract.lexicon import (
    ACTOR_AFTER,
    ACTOR_BEFORE,
    SPEAKER_BEFORE,
    SPEAKER_LAST_PREFIXES,
    SPEAKER_LAST_WORDS,
    UNIT_AFTER,
    UNIT_OR_VESSEL_WORD,
)
from tracker.extract.officials import QUOTED_PEOPLE, TITLE_WORDS
from tracker.extract.text import previous_word
from tracker.gazetteer import TOWN_POPULATION
from tracker.names import has_cyrillic, skeleton

# How the text before a mention ends when ACTOR_BEFORE may match there: a cheap test that
# spares the regex search for most mentions.
ACTOR_TAILS = ("to", "selon", "laut", "словами", "словам", "данным", "даними")


# A preposition right before a name: "officials in Pavlohrad said", "residents of X said" —
# the place where the speakers are, not a speaker
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?<!\w)(?:in|of|from|at|near|à|de|d['’]|aus|im|bei|в|у|из|із|з|под|під)\s*$", re.IGNORECASE
)


def is_actor(text: str, mention: Found) -> bool:
    """A capital named as the speaker: "Selon Moscou", "Moscow claimed", "Kyiv says"."""
    if ACTOR_AFTER.match(text[mention.end : mention.end + 20]):
        return _a_capital(mention) or not _PLACE_PREPOSITION_BEFORE.search(
            text, max(0, mention.start - 12), mention.start
        )
    tail = text[max(0, mention.start - 20) : mention.start]
    return tail.rstrip().lower().endswith(ACTOR_TAILS) and bool(ACTOR_BEFORE.search(tail))


# Cyrillic adjective endings (nominative): Нове, Морський, Черноморский, Ударні.
# (and a Ukrainian plural after a consonant: «Морські дрони …», "Нові укриття …" — not after
# ц, ч, ш, щ, which plural towns end in: "Липці сьогодні …", "Дергачі вночі …")
_ADJECTIVE_END = re.compile(r"(?:ий|ій|ый|ой|ое|ее|е|є|ні|ые|ие|ая|яя|(?<=[бвгґджзклмнпрстфх])і)$")
# How a lower-case word after it may show it is a verb or an adverb, so the capitalised
# word is the subject ("Курахове залишається ...", "Мирне знову ..."), not an adjective.
_VERB_END = re.compile(
    r"(?:ся|сь|ть|ти|в|л|ла|ло|ли|є|ють|ять|ує|ює|ить|ет|ут|ют|ат|ят|но|то|ем|им|ом|ою|ки)$"
)
_NOT_NOUNS = frozenset(
    """і й та а але або чи й під над на в у з із до біля від також знову досі вже ще майже
    нині наразі повністю частково остаточно фактично и но или под над на в с со к от около
    также тоже снова уже ещё еще почти сейчас полностью частично окончательно фактически
    без теж навіть тепер знов опять вновь даже теперь
    —""".split()
)


def initial_adjective(text: str, mention: Found, sentence_start: int) -> bool:
    """A capitalised adjective at the start of a sentence before the noun it qualifies:
    "Нове укриття ...", "Морський дрон ...", "Черноморский флот ..." — capitalised only by
    its position. A place there is followed by a verb, an adverb or a conjunction."""
    # (a quotation's first word too: «Удачне рішення», "lucky decision")
    if text[sentence_start : mention.start].strip(" \u00a0\n\t«“\"'„-–—") and not (
        mention.start > 0 and text[mention.start - 1] in '«“„"'
    ):
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
    if following in _KIND_NOUNS:
        # "Прикордонне село Хотінь", "Старе село між …": "село" ends like a verb, but names a
        # kind — unless the word is a town's name and no name follows ("Курахове місто вже
        # зруйноване" is the town)
        rest = after[1].split(maxsplit=1) if len(after) > 1 else []
        named = bool(rest) and rest[0][:1].isupper()
        return named or not any(c.place.population >= TOWN_POPULATION for c in mention.candidates)
    return following not in _NOT_NOUNS and not _VERB_END.search(following)


_KIND_NOUNS = frozenset("село селище місто містечко поселок посёлок город".split())


_LIST_SEPARATOR = re.compile(
    r"\s*(?:,|and|et|und|і|й|та|и|or|ou|oder|або|или|"
    r",?\s*(?:as\s+well\s+as|ainsi\s+que|sowie|а\s+також|а\s+также))\s*",
    re.IGNORECASE,
)


def listed_with_places(text: str, found: list[Found], index: int) -> bool:
    """Named in a list with other settlements ("aus Kiew, Lwiw und Luzk"): a place. Two
    capitals side by side ("Moscow and Kyiv traded accusations") are still two governments."""
    mention = found[index]
    neighbours = found[max(0, index - 1) : index] + found[index + 1 : index + 2]
    for other in neighbours:
        if other.sentence != mention.sentence or other.is_region or not other.candidates:
            continue
        if other.abroad:
            continue  # "Washington, Berlin as well as Kyiv condemned …": governments
        place = other.candidates[0].place
        if capitals.is_capital_candidate(place.country, place.name):
            continue
        first, second = sorted((other, mention), key=lambda m: m.start)
        if _LIST_SEPARATOR.fullmatch(text, first.end, second.start):
            return True
    return False


def _a_capital(mention: Found) -> bool:
    """Whether a mention may be a capital ("die Führung in Moskau behauptet": its government)."""
    if mention.is_region or not mention.candidates:
        return False
    place = mention.candidates[0].place
    return capitals.is_capital_candidate(place.country, place.name)


def names_government(text: str, mention: Found, sentence_start: int) -> bool:
    """A capital standing for its government ("Moscow said", "Kiew bestätigte")."""
    return _a_capital(mention) and capitals.names_government(
        text, mention.start, mention.end, sentence_start
    )


# After a name: a river ("the Vovcha River", "Dnipro-Ufer"), or an administrative unit that an
# adjective names ("Сумської громади", "Грайворонского округа", "Покровського району").
ADMIN_OR_RIVER_AFTER = re.compile(
    r"(?:\s+(?:river|rivière)|-(?:ufer|fluss))\b|"
    r"\s+(?:міськ\w+\s+|сільськ\w+\s+|селищн\w+\s+|городск\w+\s+|муниципальн\w+\s+)?"
    r"(?:громад[аиіуые]|громадою|громадой|район[уіае]?|районом|району|районах|районов|округ[ауе]?|"
    r"округом|district|"
    r"hromada|community|municipality|raion|rayon|rajon)(?!\w)|"
    # "Сумська ОВА", "Донецької ОДА": the regional administration speaking
    r"\s+(?-i:ОВА|ОДА|МВА|РВА|ВЦА)(?!\w)|"
    # "Харківська міська військова адміністрація", "Сумська районна військова адміністрація"
    r"\s+(?:міськ|районн|обласн|селищн|сільськ)\w*\s+(?:військов\w+\s+)?адміністрац\w*",
    re.IGNORECASE,
)
# "Херсонська обласна прокуратура", "Белгородской областной думы": the oblast's body, after
# the oblast's adjective (not "у Харкові обласна лікарня", "Куп'янськ обласного значення")
_OBLAST_BODY_AFTER = re.compile(r"\s+(?:обласн|областн)\w*", re.IGNORECASE)
_ADJECTIVE_ENDING = re.compile(
    r"(?:ськ|цьк|зьк)(?:а|ої|у|ій|ою|ий|ого|ому|им)$|(?:ск|цк)(?:ая|ой|ую|ий|ого|ому|им|ом)$",
    re.IGNORECASE,
)
_MEDIA_AFTER = re.compile(r"\s+(?:Times|Post|Herald|Tribune|Daily)\b")
_EMBANKMENT_AFTER = re.compile(r"\s+(?:embankment|riverbank|river\s+bank)\b", re.IGNORECASE)
# Names only rivers bear in reports (not "Dnipro", a city too, nor the Oskil, whose village
# lies on it by the towns a text names with it)
_RIVERS_ONLY = "Dnieper|Dniepr|Desna|Donets|Inhulets|Psel|Vorskla"
_RIVER_NAME = re.compile(f"Dnipro|Dnepr|Oskil|{_RIVERS_ONLY}")
# A river with its article ("sur la Volga", "an der Wolga", "on the Dnieper"): not the villages
# of its name.
_RIVER_WITH_ARTICLE = re.compile(
    r"(?:\b(?:sur|de|à)\s+(?:la|le|l['’])\s*|\b(?:on|along|across)\s+the\s+|"
    r"\b(?:an|auf|entlang)\s+der\s+|\bam\s+)$",
    re.IGNORECASE,
)
_RIVER_ONLY = re.compile(f"Volga|Wolga|{_RIVERS_ONLY}")
# A Russian krai the gazetteer does not hold, named by its adjective or its Latin name
_KRAI_AFTER = re.compile(r"\s+(?:кра[йяюе]|краї|краєм|краем|krai|kray)(?!\w)", re.IGNORECASE)
# (an adjective's ending: "Краснодарском", "Запорізького"; not a town's "від Покровська краєм")
_REGION_ADJECTIVE = re.compile(
    r"(?:ск|цк)(?:ий|ом|ого|ому|им)$|(?:ськ|цьк|зьк)(?:ий|ого|ому|ім|им)$|^[A-Za-z]", re.IGNORECASE
)
_FORCES_GROUP_BEFORE = re.compile(
    r"(?:groupement|group|grouping|gruppierung|gruppe)\s+(?:de\s+forces|des\s+forces|"
    r"of\s+forces|der\s+streitkräfte)(?:\s+(?:ukrainien|russe|ukrainisch\w*|russisch\w*))?"
    r"\s+[«\"„“(]?\s*$|"
    r"(?:группировк\w*|угрупованн\w*)\s+(?:войск|військ)\s+[«\"„“]?\s*$",
    re.IGNORECASE,
)
# How the text before a name ends when those may match (a cheap test before the regex).
_FORCES_TAILS = ("forces", "streitkräfte", "войск", "військ", "ukrainien", "russe")
_OF_TAILS = ("of", "the", "de", "la", "l'", "l’", "d'", "d’", "von", "du", "der")
# A bridge named by a place's adjective ("Антонівський міст"; "the Antonivka bridge area" is
# by Antonivka)
_BRIDGE_AFTER = re.compile(
    r"\s+(?:міст|мосту|моста|мостом|мості|мост|мосте|bridge|pont|brücke)(?!\w)", re.IGNORECASE
)
# What a place's adjective names rather than the place: a street, a road, a fleet, a
# channel's wind ("на Херсонській вулиці", "силами Черноморского флота", «Кримський вітер»)
_THING_AFTER_ADJECTIVE = re.compile(
    r"\s+(?:вулиц[яіюе]\w*|улиц[аеуы]\w*|провулк\w*|переулк\w*|проспект\w*|шосе|шоссе|"
    r"траси|трассы|трасі|трассе|флот\w*|вітер|ветер)(?!\w)",
    re.IGNORECASE,
)
_PLACE_ADJECTIVE = re.compile(r"(?:ськ|цьк|ск|цк)\w*$|(?:sk|zk|sky|skyi|skyy|skiy)$", re.IGNORECASE)
_DISTRICT_WORD = re.compile(r"(?<!\w)(?:район\w*|district|raion|rajon)(?!\w)", re.IGNORECASE)
# a city's name in the genitive right after (not an oblast's adjective)
_CITY_GENITIVE_AFTER = re.compile(
    r"\s+[А-ЯІЇЄҐ][а-яіїєґ'’-]+[ауяі](?![а-яіїєґ'’-])(?!\s+(?i:област|обл\.))|"
    r"\s+(?:of|de|von)\s+(?-i:[A-Z])[\w'’-]+(?!\s+(?i:oblast|region|province))"
)


def _another_city_after(text: str, mention: Found) -> bool:
    """Whether the city named right after a district is not the one the gazetteer's
    districts of that name lie in ("Київському району Харкова"; not "Шевченківському району
    Києва", Kyiv's own)."""
    city = _CITY_GENITIVE_AFTER.match(text, mention.end)
    if city is None:
        return False
    first = skeleton(city.group().split()[-1])[:1]
    return not any(skeleton(c.place.admin1 or "")[:1] == first for c in mention.candidates)


_NAMED_AFTER = re.compile(r"(?<!\w)(?:імені|имени)\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)
# A river's bank right before a name: "the left bank of the", "la rive ouest de la", "am
# Ufer des", "на правому березі", "западный берег"
_BANK_BEFORE = re.compile(
    r"(?:\bbanks?\s+of\s+(?:the\s+)?|\brives?\s+(?:\w+\s+)?(?:de\s+la\s+|du\s+|de\s+l['’]|d['’]|de\s+)|"
    r"(?:\b|nord|süd|ost|west|links|rechts)ufers?\s+(?:des|der)\s+|"
    r"(?<!\w)(?:берег|берега|берегу|березі|берегах)\s+)$",
    re.IGNORECASE,
)
_RIVER_WORDS = frozenset(
    "river rivière fluss fleuve річка річки річці річку река реки реке реку".split()
)
# The Dnipro, river and city: after these words the river ("riverain du Dniepr", "across the
# Dnipro", "на лівому березі Дніпра", "обстріли через Дніпро", "über den Dnipro").
_DNIPRO = re.compile(
    r"(?:dnipro|dnipra|dniepr|dnepr|dnjepr|дніпр[оауі]?|днепр[аеуо]?)$", re.IGNORECASE
)
# ... and the Dnipro's alone ("die Inselviertel am Dnipro", "along the Dnipro", "le long du
# Dniepr"): the town on the Oskil is told by its river, the city of Dnipro is no river's
_ON_THE_DNIPRO_BEFORE = re.compile(
    # (German gives the river an article, never the city: "über dem Dnipro", "den Dnipro")
    r"(?<!\w)(?:am|along\s+the|le\s+long\s+du|au\s+bord\s+du|dem|den|des|vom|zum|beim)\s*$",
    re.IGNORECASE,
)
_ROAD_TO = re.compile(r"\s+(?:à|vers|jusqu['’]à)\s", re.IGNORECASE)
# French gives the river an article and its own spelling, the city neither: "de l'autre côté du
# Dniepr", "à Dnipro"
_FRENCH_RIVER = re.compile(r"dniepr|dnepr", re.IGNORECASE)
# ("dans la direction du Dniepr" is the General Staff's Prydniprovske direction: the river's)
_FRENCH_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:du|le|au|sur\s+le)\s*$", re.IGNORECASE)
# ... unless the city's road, axis or list follows ("along the Dnipro-Zaporizhzhia highway",
# "along the Dnipro, Kryvyi Rih and Pavlohrad axis", "the Dnipro city's riverfront")
_DNIPRO_CITY_AFTER = re.compile(
    r"(?:[-–‑](?=[^\W\d_])|\s+city\b|['’]s\b|,\s*[^\W\d_][^,.;]{0,30}\s(?:and|et|und|і|и|та)\s)",
    re.IGNORECASE,
)
_RIVER_CONTEXT_BEFORE = re.compile(
    r"(?:riverain\w*|rives?|berges?|banks?|ufer|delta|deltas|islands|îles|inseln|"
    r"across\s+the|über\s+den|à\s+travers|берег|березі|берега|берегу|береге|берегом|через|вздовж|"
    # ("правый берег Днепра", "лівобережжя Дніпра", "левобережье Днепра")
    r"вдоль|дельт\w*|(?:право|ліво|лево)бережж?ь?[яеію]\w*|"
    r"островах|острови|острова)"
    r"(?:\s+(?:droite|gauche|left|right|east|west|eastern|western|лівому|правому|левом|правом))?"
    r"\s+(?:of\s+the|of|the|du|de\s+la|des|den|dem)?\s*$",
    re.IGNORECASE,
)
# Rivers along the front named like villages (Oskil, Vovcha), and the words that read them as
# the river: a side of it ("east of the Oskil", "на схід від Осколу", "восточнее Оскола")
_FRONT_RIVER = re.compile(
    r"(?:oskil|oskol|oskils|оскіл|осколу|оскол[аеуом]?|осколі|vovcha|вовч[аиіуою]|волч[ьея]\w*)$",
    re.IGNORECASE,
)
# "в районе Степного и Каменского у Днепра": a place "у" the Dnipro is by the river
# (a genitive after a place named within the sentence, not "Вибухи у Дніпрі" or "РЛС у Днепра")
_PLACE_BY_THE_RIVER = re.compile(r"(?:[а-яіїєґ]\s+|,\s*)[А-ЯІЇЄҐ][а-яіїєґё'’-]+\s+у\s+$")
_COMPASS_OF_BEFORE = re.compile(
    r"(?:(?:east|west|north|south)(?:ern)?(?:\s+bank)?\s+of\s+(?:the\s+)?|"
    r"(?:на|в|у)\s+(?:схід|захід|північ|південь)\s+від\s+|"
    r"(?:восточнее|западнее|севернее|южнее|на\s+(?:восток|запад)\s+от)\s+|"
    r"à\s+l['’](?:est|ouest)\s+de\s+l['’]|(?:östlich|westlich)\s+(?:des|der|von)\s+)$",
    re.IGNORECASE,
)
_AUTHORITY_OF = re.compile(
    r"(?:administration|authorities|autorités(?:\s+\w+)?|governor|gouverneur|verwaltung|"
    r"gebietsverwaltung|militärverwaltung|behörden|stadtverwaltung)\s+(?:of|de|d['’]|von|du)"
    r"\s+(?:the\s+|la\s+|l['’]|der\s+)?$",
    re.IGNORECASE,
)


# ("Вербное воскресенье", "Palm Sunday"; not French or German, where a day follows a place:
# "a touché Zaporojie dimanche", "Kiew am Sonntag")
_FEAST_DAY_AFTER = re.compile(
    r"\s+(?:воскресень\w*|неділ[яюі]|sunday|суббот\w*|субот[аиу])\b", re.IGNORECASE
)


# "Тим часом", "Тим більше", "Тем временем", "Тем не менее": "meanwhile", "all the more",
# "nevertheless", not Tim (Kursk Oblast)
_TIM_PHRASE = re.compile(
    r"\s+(?:часом|самим|більше|не\s+менш\w*|временем|не\s+менее|самым|более)(?!\w)",
    re.IGNORECASE,
)


# The last word of a city part's two-word name ("le quartier de Kholodna Hora": Hora is no
# village; "le quartier d'Antonivka" names one). Ukrainian and Russian put the city's genitive
# after the part ("мікрорайон Північний Краматорська"): not read there.
_CITY_PART_BEFORE = re.compile(
    r"(?:quartier|neighbou?rhood|stadtteil|stadtbezirk)\s+(?:(?:de|d['’]|du|of|von)\s*)?"
    r"(?-i:[A-Z])[\w'’-]*\s+$",
    re.IGNORECASE,
)


def names_other_thing(text: str, mention: Found) -> bool:
    """A unit, grouping or ship named like a place ("cruiser Moskva", "le groupement
    « Dniepr »", "the Azov and Khartiia brigades", "Khortytsia group"), or a person named
    right after a reporting verb at the end of a clause ("заявил Сальдо.", "a indiqué Ivan
    Fedorov", "повідомив міський голова Андрій Садовий")."""
    if mention.hromada:
        return False  # "Марганецьку громаду": the words after it name what it is
    if (
        _CLUB.fullmatch(mention.text)
        and _TOWN_AFTER_CLUB.match(text, mention.end)
        and not _VILLAGE_WORD_BEFORE.search(text, max(0, mention.start - 16), mention.start)
    ) or _CLUB_BEFORE.search(text, max(0, mention.start - 14), mention.start):
        return True  # "Shakhtar Donetsk", "Динамо Київ": a football club
    if _REGIME_AFTER.match(text, mention.end) and (
        _CAPITAL_ADJECTIVE.search(mention.text) or not has_cyrillic(mention.text)
    ):
        return True  # "Киевский режим", "the Kyiv regime" (not "В Киеве режим тревоги")
    if _SEA.fullmatch(mention.text) and (
        _SEA_BEFORE.search(text, max(0, mention.start - 24), mention.start)
        or _SEA_AFTER.match(text, mention.end)
    ):
        return True  # "the Sea of Azov", "la côte d'Azov", "побережье Азова": the sea
    if _FORCING_BEFORE.search(text, max(0, mention.start - 24), mention.start):
        return True  # "форсувати Оскіл", "franchi l'Oskil": a river crossed
    if mention.text.casefold() in _SEA_WORDS:
        return True  # "over the Black Sea": the word is no place of its own
    if mention.text in ("Port", "Порт") and _NAME_AFTER.match(text, mention.end):
        return True  # "die Fähre von Port Kawkas": the word for a port, not the Odesa village
    if _BLACK.match(mention.text) and _SEA_WORD_AFTER.match(text, mention.end):
        return True  # "над акваторией Чёрного моря", "Чорне море": the Black Sea, not Chorne
    if QUOTED_PEOPLE.fullmatch(mention.text) and _quoted(text, mention):
        return True  # "Терехов: влучання в багатоповерхівку", "Военкор Поддубный: ..."
    # (one look for the words read right after the name: most names are followed by none)
    after = _ANY_AFTER.match(text, mention.end) is not None
    if after and (
        UNIT_AFTER.match(text, mention.end) or ADMIN_OR_RIVER_AFTER.match(text, mention.end)
    ):
        return True
    if (
        after
        and _OBLAST_BODY_AFTER.match(text, mention.end)
        and _ADJECTIVE_ENDING.search(mention.text)
    ):
        return True
    if _RIVER_ONLY.fullmatch(mention.text) and _RIVER_WITH_ARTICLE.search(
        text, max(0, mention.start - 12), mention.start
    ):
        return True  # "la raffinerie de Saratov, sur la Volga"
    if after and _EMBANKMENT_AFTER.match(text, mention.end) and _RIVER_NAME.fullmatch(mention.text):
        return True  # "the Dnipro embankment" (not "the Kherson embankment": the city's)
    if after and _MEDIA_AFTER.match(text, mention.end):
        return True  # "the New York Times", "The Moscow Times", "Kyiv Post"
    if _MEDIA_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return True  # "Suspilne Kherson", "Суспільне Харків": a broadcaster's regional desk
    if after and _KRAI_AFTER.match(text, mention.end) and _REGION_ADJECTIVE.search(mention.text):
        return True  # "в Краснодарском крае", "Krasnodar Krai" (not "краєм лісосмуги")
    if mention.text.lower() in ("тим", "тем") and _TIM_PHRASE.match(text, mention.end):
        return True
    if after and _FEAST_DAY_AFTER.match(text, mention.end):
        return True  # "в Вербное воскресенье", "Palm Sunday": a feast, not the village Verbne
    tail = text[max(0, mention.start - 12) : mention.start].rstrip(' «"„“(').lower()
    if (
        not mention.is_region
        and tail.endswith(_OF_TAILS)
        and _AUTHORITY_OF.search(text, max(0, mention.start - 40), mention.start)
    ):
        # "die Gebietsverwaltung von Sumy", "les autorités régionales de Soumy" (but "le
        # gouverneur de la région de Tchernihiv" names the region, which frames the sentence)
        return True
    if tail.endswith(_FORCES_TAILS) and _FORCES_GROUP_BEFORE.search(
        text, max(0, mention.start - 45), mention.start
    ):
        return True  # "le groupement de forces Vostok", "the Group of Forces Tsentr"
    if _DISTRICT_WORD.search(mention.text) and _another_city_after(text, mention):
        return True  # "по Київському району Харкова": Kharkiv's district, not Donetsk's
    previous = previous_word(text, mention.start, 0).lower()
    if _NAMED_AFTER.search(text, max(0, mention.start - 30), mention.start):
        return True  # "24-ї ОМБр імені короля Данила": whom a unit is named after
    if previous in _RIVER_WORDS:
        return True  # "the river Vovcha", "річки Вовча"
    if _CITY_PART_BEFORE.search(text, max(0, mention.start - 40), mention.start) and not any(
        c.place.population >= TOWN_POPULATION for c in mention.candidates
    ):
        # "le quartier de Kholodna Hora": a city's part (not "den Stadtteil Saltiwka Charkiws":
        # the city after its part)
        return True
    if (
        not mention.is_region
        and _BANK_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        and not _SEA_WORD_AFTER.match(text, mention.end)
        # a river after a Cyrillic bank is in the genitive ("берег Гайчура"; "з лівого берега
        # Садове": the village shelled from it)
        and (mention.text[-1:].lower() in "аяуюіїи" or not has_cyrillic(mention.text))
        and not any(c.place.population >= TOWN_POPULATION for c in mention.candidates)
    ):
        # "на западный берег Гайчура", "the east bank of the Oskil": a river (not a town seen
        # across one: "видят с правого берега Энергодар")
        return True
    if after and _BRIDGE_AFTER.match(text, mention.end) and _PLACE_ADJECTIVE.search(mention.text):
        return True  # "біля Антонівського мосту", "the Antonivskyi Bridge": a bridge
    if (
        after
        and has_cyrillic(mention.text)
        and _PLACE_ADJECTIVE.search(mention.text)
        and _THING_AFTER_ADJECTIVE.match(text, mention.end)
    ):
        return True
    if _PLANT_NAMESAKE.match(mention.text) and (
        (after and _PLANT_AFTER.match(text, mention.end))
        or _PLANT_BEFORE.search(text, max(0, mention.start - 32), mention.start)
    ):
        # "the Zaporizhzhia nuclear power plant", «Запорізька АЕС», "AKW Saporischschja":
        # a plant named after a city or region it does not stand in (Enerhodar, Kurchatov)
        return True
    street = _STREET_BEFORE_RE.search(text, max(0, mention.start - 20), mention.start)
    if (
        street
        and not (
            street.group().lower().startswith("chaussée") and _ROAD_TO.match(text, mention.end)
        )
    ) or (after and _STREET_AFTER.match(text, mention.end)):
        # "на вулиці Шевченка", "rue de Kharkiv", "Shevchenko Street" (not "la chaussée de
        # Kostiantynivka à Droujkivka": a road between towns)
        return True
    if _DNIPRO.match(mention.text) and (
        _RIVER_CONTEXT_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        or (
            (
                _ON_THE_DNIPRO_BEFORE.search(text, max(0, mention.start - 16), mention.start)
                or (
                    _FRENCH_RIVER.fullmatch(mention.text)
                    and _FRENCH_ARTICLE_BEFORE.search(
                        text, max(0, mention.start - 12), mention.start
                    )
                )
            )
            and not _DNIPRO_CITY_AFTER.match(text, mention.end)
        )
        or (
            mention.text.lower().endswith("а")
            and _PLACE_BY_THE_RIVER.search(text, max(0, mention.start - 40), mention.start)
        )
    ):
        return True  # "le village riverain du Dniepr", "обстріли через Дніпро": the river
    if _FRONT_RIVER.match(mention.text) and (
        _RIVER_CONTEXT_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        or _COMPASS_OF_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    ):
        return True  # "Іванівки (на схід від Осколу)", "east of the Oskil": the river
    if (
        UNIT_OR_VESSEL_WORD.fullmatch(previous) or _ORDINAL.fullmatch(previous)
    ) and not _ENDS_BEFORE.search(text, max(0, mention.start - 4), mention.start):
        # "cruiser Moskva"; "the 76th Pskov division": nothing ordinal is a place (not a word
        # that ends the sentence before: "… says the Kupiansk OTG. Kivsharivka was shelled")
        return True
    if inside_title(text, mention):
        return True
    if _MINE_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return True
    if _NAMED_THING_BEFORE.search(
        text, max(0, mention.start - 20), mention.start
    ) or _PIPELINE_AFTER.match(text, mention.end):
        return True  # "l'oléoduc Droujba", "the Druzhba pipeline", "ЗРК «Тор»": named things
    if _UNIT_TITLE_BEFORE.search(text, max(0, mention.start - 48), mention.start):
        return True
    if mention.is_region:
        return False  # "сообщил губернатор Брянской области.": the governor's region
    if not (previous in SPEAKER_LAST_WORDS or previous.startswith(SPEAKER_LAST_PREFIXES)):
        return False
    after = text[mention.end : mention.end + 2]
    if not (after == "" or after[0] in '.,;:!?)»”"\n' or after[1:].isupper()):
        return False
    return bool(SPEAKER_BEFORE.search(text[max(0, mention.start - 60) : mention.start]))


_ENDS_BEFORE = re.compile(r"[.!?;:]\s*$")
# Football clubs named after their towns (the club's word, then the town).
# (capitalised: "молодий шахтар Покровськ" is a miner; not a village of the name: "село Зоря")
_CLUB_WORDS = (
    r"Shakhtar|Schachtar|Chakhtar|Шахтар|Шахтёр|Шахтер|Dynamo|Dinamo|Динамо|Zorya|Sorja|Зоря|"
    r"Заря|Metalist|Металіст|Металлист|Vorskla|Ворскла|Kryvbas|Кривбас|Obolon|Оболонь|"
    r"Polissia|Polissja|Polissya|Полісся|Полесье"
)
_CLUB = re.compile(_CLUB_WORDS)
_VILLAGE_WORD_BEFORE = re.compile(r"(?<!\w)(?:село|селі|селище|селища|village\s+of)\s+$", re.I)
_TOWN_AFTER_CLUB = re.compile(r"[»”\"]?\s+[A-ZА-ЯІЇЄҐ]")
_CLUB_BEFORE = re.compile(
    rf"(?<!\w)(?<!село )(?<!селі )(?<!селище )(?<!village of )(?:{_CLUB_WORDS})[»”\"]?\s+$"
)
_CAPITAL_ADJECTIVE = re.compile(r"(?:ский|ський|ского|ського|ском|ському)$", re.IGNORECASE)
_REGIME_AFTER = re.compile(r"\s+(?:режим\w*|regimes?|régimes?)(?!\w)", re.IGNORECASE)


def frames_its_people(text: str, mention: Found, found: list[Found]) -> bool:
    """ "Под Угледаром бойцы взяли под контроль Константиновку": a place before the fighters
    who fought by it and the place they took — a frame, not the "Vostok boys" unit."""
    unit = UNIT_AFTER.match(text, mention.end)
    return (
        unit is not None
        and _PEOPLE_WORD.search(unit.group()) is not None
        and _PLACE_PREPOSITION.search(text, max(0, mention.start - 8), mention.start) is not None
        and any(
            m.sentence == mention.sentence and m.start > mention.end and not m.is_region
            for m in found
        )
    )


_PEOPLE_WORD = re.compile(r"(?:boys|guys|lads|fighters|бійці|бійців|бойцы|бойцов)$", re.IGNORECASE)
_PLACE_PREPOSITION = re.compile(
    r"(?<!\w)(?:під|под|біля|возле|около|near|bei|près\s+de)\s+$", re.IGNORECASE
)


# A street, square or avenue named after a place or a person: "на вулиці Шевченка", "по
# улице Харьковской", "rue de Kyiv", "Shevchenko Street", "Charkiwer Straße".
_STREET_BEFORE = frozenset(
    """вулиця вулиці вулицю вулицею провулок провулку провулка проспект проспекті
    проспекту площа площі площу бульвар бульварі майдан майдані узвіз улица улице улицу
    улицей переулок переулке проспекте площадь площади бульваре rue avenue boulevard chaussée
    """.split()
)
# (the street word right before the name, only spaces between: "кожну вулицю, Покровськ",
# "rue par rue. Koupiansk" are no streets)
_STREET_BEFORE_RE = re.compile(
    r"(?<!\w)(?:(?:" + "|".join(sorted(_STREET_BEFORE, key=len, reverse=True)) + r")[ \u00a0]+"
    r"|(?:вул|ул)\.[ \u00a0]*)(?:de\s+|d['’])?$",
    re.IGNORECASE,
)
# Capitalised, as a street's name is written ("Shevchenko Street"; not "street fighting").
_STREET_AFTER = re.compile(
    r"(?:\s+|-)(?:Street|Avenue|Square|Boulevard|Str\.|Straße|Strasse|Platz|Allee)(?!\w)"
)
# An ordinal number written with digits: 76th, 2nd, 155e, 3ème, 47-я, 92-ї, 1-й.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|re|ème|eme|-?(?:а|я|й|ї|го|та|ша|ма))")
_TITLE_MAX_CHARS = 40
_MEDIA_BEFORE = re.compile(r"(?<!\w)(?:suspilne|суспільне)[ \u00a0]+$", re.IGNORECASE)
# Nuclear plants named after a city or region away from the town they stand in (Zaporizhzhia's
# at Enerhodar, Kursk's at Kurchatov, Khmelnytskyi's at Netishyn, Rivne's at Varash; South
# Ukraine's stands in Pivdennoukrainsk)
_PLANT_NAMESAKE = re.compile(
    r"zapori|zaporo|saporo|sapori|запорі|запоро|kursk|koursk|курськ|курск|khmelny|chmelny|"
    r"хмельниц|rivne|riwne|рівнен|ровенс",
    re.IGNORECASE,
)
_PLANT_AFTER = re.compile(
    r"[\s-]+(?:nuclear\s+(?:power\s+)?(?:plant|station)|npp|n\.p\.p\.|аес|аэс|akw)(?!\w)",
    re.IGNORECASE,
)
_PLANT_BEFORE = re.compile(
    r"(?:centrale\s+nucléaire\s+(?:\(?\w+\)?\s+)?d(?:e\s+|['’])|"
    r"(?:kernkraftwerk\w*|atomkraftwerk\w*|akw)\s+)$",
    re.IGNORECASE,
)
# A mine or pit named after a village, the name right after its word ("la mine « Pokrovske »",
# "шахта «Покровське»", "die Zeche Pokrowske"): the mine, wherever it stands; not a mine at
# a place ("шахта в Покровську", "the mine near Udachne")
_MINE_BEFORE = re.compile(
    r"(?<!\w)(?:mine|colliery|zeche|bergwerk|шахт[аиуіеою]|шахтою|рудник\w*)\s*[«\"„“]\s*$",
    re.IGNORECASE,
)
# A pipeline's name after its word, a weapon system's quoted name after its ("l'oléoduc
# Droujba", "нефтепровод «Дружба»", "ЗРК «Тор»", "комплекс «Бук»")
_NAMED_THING_BEFORE = re.compile(
    r"(?<!\w)(?:(?:oléoduc|gazoduc|pipeline|нафтопровід\w*|нафтопроводу|нефтепровод\w*|"
    r"газопровід\w*|газопроводу|газопровод\w*|ölpipeline|erdölleitung)\s*[«\"„“]?|"
    r"(?:ЗРК|ЗРПК|ПЗРК|комплекс\w*|систем\w*|SAM|system|système)\s*[«\"„“])\s*$",
    re.IGNORECASE,
)
_PIPELINE_AFTER = re.compile(
    r"[»\"”“]?(?:\s+(?:oil\s+|gas\s+)?[Pp]ipeline|-(?:Pipeline|Leitung))\b"
)
# ... and a unit's quoted name after its words ("la 93e brigade mécanisée « Kholodnyi Yar »",
# "бригада «Холодний Яр»", "the 3rd Assault Brigade \"Azov\"")
_UNIT_TITLE_BEFORE = re.compile(
    r"(?<!\w)(?:brigade|brigada|regiment|régiment|battalion|bataillon|division|бригад\w*|"
    r"полк\w*|батальйон\w*|батальон\w*|дивізі\w*|дивизи\w*)(?:\s+[^\W\d_][\w-]*){0,2}"
    r"\s*[«\"„“]\s*$",
    re.IGNORECASE,
)
# Whether any of the patterns `names_other_thing` reads right after a name matches there.
_ANY_AFTER = either(
    UNIT_AFTER,
    ADMIN_OR_RIVER_AFTER,
    _EMBANKMENT_AFTER,
    _OBLAST_BODY_AFTER,
    _MEDIA_AFTER,
    _KRAI_AFTER,
    _FEAST_DAY_AFTER,
    _BRIDGE_AFTER,
    _STREET_AFTER,
    _PLANT_AFTER,
    _THING_AFTER_ADJECTIVE,
)


# The Sea of Azov named by its name alone (Azov is also a hamlet of 156 people by Berdiansk).
_SEA = re.compile(r"azov|asow|azow|азов[аіуе]?|азовськ\w*|азовск\w*", re.IGNORECASE)
_SEA_BEFORE = re.compile(
    r"(?:\bsea\s+of|\bmer\s+d['’]|\bcôte\s+d['’]|\blittoral\s+d['’]|\bbords?\s+d['’]|"
    r"(?<!\w)(?:побережж\w*|побережь\w*|узбережж\w*|берег\w*|мор\w+))\s*$",
    re.IGNORECASE,
)
_SEA_AFTER = re.compile(
    r"[\s-]+(?:sea|coast\w*|shore\w*|littoral|region|meer\w*|küste|море|моря|морі|побережж\w*|"
    r"узбережж\w*)(?!\w)",
    re.IGNORECASE,
)
_SEA_WORDS = frozenset({"sea", "meer", "mer"})
# Forcing a river: what comes next is the river ("форсувати Оскіл", "форсирования Днепра")
_FORCING_BEFORE = re.compile(
    r"(?<!\w)(?:(?:форсува\w*|форсуванн\w*|форсирова\w*|форсировани\w*)\s+(?:річк\w+\s+|рек\w+\s+)?|"
    # ... or crossing it, with its article ("franchi l'Oskil", "crossed the Oskil")
    r"(?:franchi\w*|traversé\w*|franchir|traverser)\s+l['’]\s*|(?:crossed|crossing|cross)\s+the\s+)$",
    re.IGNORECASE,
)
# The Black Sea by its adjective and the word: "Чёрного моря", "Чорне море".
_NAME_AFTER = re.compile(r"[ \u00a0]+[A-ZА-ЯІЇЄҐ]")
_BLACK = re.compile(r"чорн|чёрн|черн|black|schwarz", re.IGNORECASE)
_SEA_WORD_AFTER = re.compile(r"\s+(?:мор[еяію]|морем|sea|meer\w*)(?!\w)", re.IGNORECASE)
# A person speaking: the name before a colon or a reporting verb, or after a title.
_SPEAKS_AFTER = re.compile(
    r"\s*:|\s+(?:said|says|told|added|wrote|claimed|a\s+(?:dit|indiqué|déclaré|annoncé|affirmé)|"
    r"sagte|erklärte|teilte|schrieb|meldete|заяв\w+|повідоми\w+|сообщи\w+|написа\w+|"
    r"зазначи\w+|отмети\w+|додав\w*|добавил\w*|уточни\w+)(?!\w)",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(
    rf"(?<!\w)(?:{TITLE_WORDS}|gov\.|военкор\w*|воєнкор\w*|war\s+correspondent|blogger|"
    r"blogueur|milblogger)\s+$",
    re.IGNORECASE,
)


def _quoted(text: str, mention: Found) -> bool:
    return bool(
        _SPEAKS_AFTER.match(text, mention.end)
        or _TITLE_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    )


def inside_title(text: str, mention: Found) -> bool:
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
