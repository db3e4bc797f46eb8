"""Word patterns that decide whether a sentence makes a claim, about what and by whom, in
English, French, German, Ukrainian and Russian. Written for this project; kept apart from
the logic so that linguists can extend them."""

from __future__ import annotations

import re

from tracker.extract.combined import either
from tracker.extract.lexicon import DIRECTION_WORDS, TWIN_CITY_OF
from tracker.extract.officials import QUOTED_PEOPLE
from tracker.extract.prefixed import prefixed

_I = re.IGNORECASE

# -- no claim ---------------------------------------------------------------------------------

# Demands and calls: what follows is wanted, not done ("Russia calls on Ukraine to give up all
# of Donbas, including the parts its army does not control").
DEMAND = prefixed(
    re.compile(
        r"\b(?:demand\w*|calls?\s+(?:up)?on|called\s+(?:up)?on|call(?:s|ed|ing)?\s+for|"
        r"urg(?:es|ed|ing)|insist\w*|"
        r"ultimatum|wants?\s+(?:ukraine|kyiv|russia|moscow)\s+to|give\s+up|cede|hand\s+over|"
        r"expect\w*\s+(?:ukraine|kyiv|kiev|russia|moscow)\s+to|"
        r"exig\w*|réclam\w*|appel\w*\s+(?:l['’]ukraine|kiev|kyiv|la\s+russie|moscou)\s+à|"
        r"somm\w*\s+(?:l['’]ukraine|kiev)|céder|renoncer\s+à|"
        r"forder\w*|gefordert|verlang\w*|ruft\w*|rief\w*|abtreten|aufgeben|"
        r"вимага\w*|вимог\w*|заклика\w*|наполяга\w*|віддати|"
        r"требова\w*|требу\w*|призыва\w*|призвал\w*|настаива\w*|отдать|уступить)",
        _I,
    )
)
# Conditions and questions: nothing asserted.
CONDITION = prefixed(
    re.compile(
        r"(?:\b(?:if|unless|in\s+case|should\s+(?:russia|ukraine|kyiv|moscow)|si|s['’]il|"
        r"wenn|falls|sofern|якщо|якби|у\s+разі|если|в\s+случае)\b)|"
        # German puts "sollte" first in a condition: "Sollte Pokrowsk fallen, …"
        r"(?:^|(?<=[.!?]\s))(?-i:Sollte|Sollten)\b",
        _I,
    )
)
# Plans, forecasts, abilities and attempts that have not happened ("could fall", "aims to
# seize", "plans to encircle"), in the words just before the action. Lower-case "may" only:
# "May" is the month.
MODAL = prefixed(
    re.compile(
        r"(?:\b(?:could|might|would|will|shall|can|likely\s+to|unlikely|prepar\w*|prépar\w*|"
        r"concentrat\w*|"
        # forces gathered for what is to come: "concentre des forces … en vue d'une contre-attaque"
        r"concentre(?:nt)?\s+(?:des|de\s+nouvelles|ses|leurs)\s+(?:\w+\s+)?(?:forces|troupes|"
        r"réserves|unités|effectifs)|en\s+vue\s+d|"
        r"mass\w*\s+(?:forces|troops)|for\s+(?:a\s+)?(?:new|further|renewed)|pour\s+une?\s+nouv\w*|"
        r"für\s+(?:eine?n?\s+)?(?:neue\w*|weitere\w*)|для\s+(?:нового|нових|новых|подальш\w*)|"
        r"готу\w*|готов\w*|накопич\w*|накаплива\w*|стяг\w*|aims?\s+to|aiming\s+to|"
        r"bereite\w*|vorbereit\w*|"
        r"aimed\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intended\s+to|"
        r"seeks?\s+to|seeking\s+to|sought\s+to|hopes?\s+to|hoping\s+to|wants?\s+to|threat\w*|"
        r"expected\s+to|set\s+to|poised\s+to|about\s+to|goal|objective|in\s+order\s+to|risks?|"
        # what must still be done, what was promised: "сначала придётся взять Дружковку",
        # "a promis que Kramatorsk et Sloviansk seraient libérées"
        r"придётся|придется|доведеться|have\s+to|has\s+to|faudra|müssen|"
        r"promis\w*|promised?|versprach\w*|versprochen|пообіця\w*|пообеща\w*|"
        r"consider\w*|weigh\w*|"
        # intent right before its action ("ВСУ хотели ударить по X"; not "жители хотели
        # эвакуироваться, но войска обстреляли X")
        r"(?:решил\w*|хотел[иао]?|захотел\w*|вирішил\w*|хотіл[иао]?)(?=\s+(?:[\w'’-]+\s+)?$)|"
        # a fear that governs the action ("Ukraine fears a new Russian offensive near X",
        # "craint que les forces russes n'attaquent X"; not "fears grew after … captured X")
        r"(?:fears?|craint\w*|craign\w*|redoute\w*|befürcht\w*|боїт\w*|боятся|опасаются)"
        r"(?!\s+(?:grew|grow|rose|rise|mount\w*|are|were|is|was|of|for|about|over)\b)"
        r"(?=[\s,]+(?:(?:that|que|що|dass|что)\s+|qu['’]\s*)?(?:[\w'’-]+\s+){0,4}(?:n['’]|ne\s+)?$)|"
        # what might come: "une éventuelle offensive", "возможное наступление"
        r"éventuel(?:le|les|s)?\b|potential|mögliche\w*|für\s+(?:möglich|wahrscheinlich)|"
        # (not "dès que possible", "as soon as possible", "tout leur possible")
        r"(?<!que )(?<!as )(?<!leur )(?<!son )possibles?\b|"
        r"можлив(?:е|а|ий|ого|ої|у|ому|ім|і|их)\b|возможн(?:ое|ая|ый|ого|ой|ую|ом|ые|ых)\b|"
        # a Russian or Ukrainian future: "продолжит наступление", "продовжить штурми"
        r"продолжит|продолжат|продовжить|продовжать|"
        # forecasts, not "as expected", "wie erwartet", "как и ожидалось", "вопреки прогнозам"
        r"expect(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}(?:to|that)|"
        r"forecast\w*\s+(?:that|to|an?|new|more)\b|predicts?\s+that|"
        r"s['’]attend\w*\s+(?:\w+\s+){0,2}à|rechne\w*\s+damit|prognose\b|prognostizier\w*|"
        r"erwarte(?:n|t|te|ten)?\s*,?\s*(?:dass|neue\w*|weitere\w*|eine[nm]?|den|die|das)\b|"
        r"очіку\w*\s*,?\s*(?:що|нов\w*|подальш\w*)|"
        r"очікується|ожидается|"
        r"ожида\w*\s*,?\s*(?:что|нов\w*|дальнейш\w*)|"
        r"прогноз(?:\s+(?:isw|ісв|исв)|\s*:)|прогнозу\w*|прогнозиру\w*|"
        r"pourr\w+|va|vont|devr\w+|compte|vise|visent|cherche\w*\s+à|prévoi\w*|envisag\w*|"
        r"risqu\w*|menac\w*|objectif|"
        r"könnte\w*|dürfte\w*|will|wollen|wollte\w*|plan\w*|beabsichtig\w*|ziel\w*|droht|drohen|"
        # ("Ob die Ukraine Huljajpole halten kann": whether; "befohlen, X einzunehmen")
        r"говорить\s+о|говорити\s+про|"  # ("говорить о взятии города пока рано")
        r"soll\w*|ob|whether|unclear\s+if|(?:ignore|sait\s+pas|clair|certain)\s+si|"
        r"(?:невідомо|неясно|незрозуміло|неизвестно|непонятно)\s*,?\s*(?:чи|ли)|"
        r"befohl\w*|ordered\s+(?:\w+\s+){0,3}to|ordonn\w*\s+(?:\w+\s+){0,3}d|"
        r"приказал\w*|наказал\w*|"
        r"може|можуть|міг\s+би|могли\s+б|планує\w*|планують|має\s+намір|мають\s+намір|хоче|"
        r"хочуть|прагн\w*|загрожу\w*|буде|будуть|збира\w*|мета|"
        r"может|могут|мог\s+бы|могли\s+бы|планиру\w*|намерен\w*|стрем\w*|хочет|хотят|будет|"
        r"будут|собира\w*|угрожа\w*|рассчитыва\w*|цель|"
        # "ВСУ могли начать отвод", "могли вже почати": may have (not "смогли", managed)
        r"(?<!с)могл[иа]\s+(?:уже\s+|вже\s+)?[\w-]+(?:ть|ти))\b|(?-i:\bmay\b)|"
        # ... or right before the action it expects: "expects a Russian assault on X",
        # "очікують наступу на X" (not "expected more attacks after ... captured")
        r"\b(?<!wie\s)(?:expect(?:s|ing)?|erwarte[nt]?|очіку\w*|ожида\w*)\s+(?:[\w-]+\s+){0,2}$|"
        # what a rumour says, right before the action ("rumours circulating on Telegram that
        # Russian troops had entered X", "слухи о том, что ВСУ вошли"; not "despite rumours of
        # encirclement, Ukrainian forces still hold X")
        r"\b(?:rumou?rs?|rumeurs?|gerücht\w*)(?:\s+[\w'’-]+){0,3}?\s*,?\s+(?:that|of|about|"
        r"selon\s+lesquelles|que|qu['’]|dass|wonach|über)\s+(?:[\w'’-]+\s+){0,5}$|"
        r"(?<!\w)(?:слух\w*|чутк\w*)(?:\s+[\w'’-]+){0,3}?\s+(?:(?:о|об|про)\s+(?:то[мй]\s*,\s*)?)?"
        r"(?:что|що|будто|ніби)\s+(?:[\w'’-]+\s+){0,5}$)",
        _I,
    )
)
# A capture still going on is an attack ("continued clearing Siversk").
CONTINUE = re.compile(
    r"\b(?:continu\w*|ongoing|poursui\w*|fortgesetzt|fortsetz\w*|продолж\w*|продовжу\w*|"
    r"продовжил\w*|трива\w*)",
    _I,
)
# The action was tried, not achieved: an attack ("attempted to advance near X").
ATTEMPT = re.compile(
    r"\b(?:attempt\w*|tried|trying|tent\w*\s+(?:à\s+\w+\s+reprises\s+)?de|essay\w*\s+de|versuch\w*|намага\w*|"
    r"намагал\w*|спроб\w*|пыта\w*|пытал\w*|попытк\w*)\b",
    _I,
)
# Negations and denials in the words before the action ("has not captured", "Kiev dément").
NEGATION = prefixed(
    re.compile(
        r"\b(?:not|never|no\s+longer|yet\s+to|n['’]|ne|pas|jamais|nicht|kein\w*|nie|"
        r"deni\w*|dément\w*|démenti\w*|dementi\w*|bestr\w*|refut\w*|false\w*|fake|"
        r"faux|falsch\w*|zurück\s*,\s*(?:wonach|dass)|"
        # a report rejected, not attacks repelled ("Angriffe wurden zurückgewiesen")
        r"(?:berichte|vorwürfe|angaben|behauptungen)\s+(?:\w+\s+){0,4}zurückgewiesen)\b|"
        # a claim called a lie: "lying about the capture", "брешуть про «захоплення»"
        r"\b(?:lie|lies|lying|lied)\s+about\b|\bmentent\b|\blügen\b|"
        r"(?:\b|^)(?:не|ні|ни|ніколи|никогда|спростува\w*|заперечу\w*|"
        r"опроверг\w*|отрица\w*|фейк\w*|брешуть|брешут|брехн\w*|лгут|лжут|вигаду\w*|"
        r"выдумыва\w*)(?=[\s,.;:]|$)|"
        # "ніч минула без влучань", "обошлось без попаданий"
        r"(?<!\w)без\s+$|"
        # "No attacks on Kryvyi Rih today", "aucune frappe sur": no action right before it
        r"\b(?:no|aucune?)\s+(?!(?:fewer|less|more|moins|plus)\s)(?:[\w-]+\s+)?$",
        _I,
    )
)
# History: "in 2022 Russia occupied ..." (a year before the report's, not in a full date).
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# History without a year: "three years ago", "un an après", "vor drei Jahren", "рік тому",
# "since" before a year: a span counted up to now ("trying to take since 2022")
SINCE = r"(?:since|depuis|seit|с|со|з|із|від|от)"
# "ровно год, как наши зашли", "годовщина".
YEARS_AGO = prefixed(
    re.compile(
        r"\b(?:years?\s+ago|anniversary|"
        # "It has been two years since …", "Cela fait deux ans que …", "Es ist zwei Jahre her"
        r"it(?:\s+has|['’]s)\s+been\s+(?:\w+\s+){1,2}(?:years?|months)\s+since|"
        r"cela\s+fait\s+(?:\w+\s+){1,2}ans\s+que|es\s+ist\s+(?:\w+\s+){1,2}jahre\s+her|il\s+y\s+a\s+(?:\w+\s+){1,2}ans?|ans?\s+après|"
        r"vor\s+(?:\w+\s+){1,2}jahr\w*|"
        r"jahrestag)\b|(?<!\w)(?:рок[иі]?\s+тому|років\s+тому|річниц\w*|рік\s+тому|"
        r"год[а]?\s+назад|лет\s+назад|годовщин\w*|ровно\s+год|рівно\s+рік|"
        r"(?:год|рік|года|роки|лет|років)\s*,\s*(?:как|відколи|як)|"
        # "Минуло майже чотири роки відтоді, як …", "Прошло два года с тех пор, как …"
        r"(?:рок[иі]?|років|рік|года?|лет)\s+(?:відтоді|з\s+тих\s+пір|с\s+тех\s+пор)\s*,\s*"
        r"(?:як|коли|как|когда))(?!\w)",
        _I,
    )
)
# Photo captions and bylines.
CAPTION = prefixed(
    re.compile(
        r"^\s*(?:(?:a|the|this|une|la|cette|ein|das|dieses)\s+(?:photo|picture|image|video|"
        r"vidéo|foto|bild)\w*\s+(?:\S+\s+){0,8}?(?:shows?|montre\w*|zeigt)\b|на\s+фото|"
        r"sur\s+(?:la|cette)\s+photo|auf\s+dem\s+(?:foto|bild))|"
        r"^\s*(?:photo|pictured|picture|image|illustration|caption|фото|ілюстра\w*|"
        r"иллюстра\w*|foto|bild)\b|\((?:photo|фото|foto)\b|\b(?:photo|foto)\s*:|"
        r"getty\s+images|ap\s+photo|afp\s+photo|/\s*(?:afp|reuters|ap|epa|dpa)\b|©",
        _I,
    )
)
BYLINE = re.compile(r"^\s*(?:by|par|von|автор:?|written\s+by)\s+[A-ZА-ЯІЇЄ][\w'’.-]+", re.M)
# "POKROVSK, Ukraine (AP) —": the place of the dateline is where the story was written.
DATELINE = re.compile(
    r"^[^\n]{0,60}\((?:AP|AFP|Reuters|dpa|Interfax|TASS|ANSA|EFE|UNIAN)\)\s*[-–—]", re.M
)

# -- places that are not scenes ---------------------------------------------------------------

# Seats of government that report verbs make actors; they are scenes only of strikes. By
# name or by how the text spells them (the spelling may resolve to a village of that name).
GOVERNMENT_SEATS = frozenset({"Kyiv", "Kyiv City", "Moscow", "Washington", "Minsk", "Brussels"})
SEAT_SPELLINGS = frozenset(
    """kyiv kiev kiew kijów київ києві києва київі киев киеве киева moscow moscou moskau
    москва москве москвы москві москви washington вашингтон minsk мінськ минск""".split()
)
# Rivers that share a city's name: "the Dnipro", "rive gauche du Dniepr", "Dnipro-Ufer",
# "на левом берегу Днепра".
# Rivers that share a settlement's name: a river only after a river word ("the Oskil", "am
# Oskil", "за Оскол").
RIVER_NAMES = frozenset({"Dnipro", "Oskil", "Haichur", "Zherebets", "Vovcha", "Seim", "Desna"})
RIVER_SPELLINGS = frozenset("dnieper dniepr dnjepr днепр днепра днепре дніпр".split())
RIVER_BEFORE = prefixed(
    re.compile(
        r"(?:\bthe|\bacross|\bdu|\bdes\s+rives\s+du|\bam|\bdes|\brive\s+(?:droite|gauche)\s+de\s+l['’]|"
        r"берег\w*|берега|бережж\w*|через|дельт\w*|\bdelta|"
        r"за|лівобережж\w*|левобережь\w*)\s*$",
        _I,
    )
)
RIVER_AFTER = re.compile(r"(?:-ufer|\s+river|-fluss|\s+rive)", _I)
# The Siverskyi Donets: "am Siwerskyj Donez", "the Siverskyi Donets", "Сіверський Донець".
RIVER_PAIR_AFTER = re.compile(r"[\s-]+(?:donets|donez|donetz|донець|донц[яюі]|донец|донца)\b", _I)
RIVER_PAIR_BEFORE = prefixed(
    re.compile(r"(?:sivers\w*|siwers\w*|severs\w*|сіверськ\w*|северск\w*)[\s-]+$", _I)
)
# "the military administration of", "die Militärverwaltung des": the region is whose, not where.
AUTHORITY_BEFORE = prefixed(
    re.compile(
        r"(?:administration|authorities|governor|verwaltung|militärverwaltung|gebietsverwaltung|"
        r"gouverneur|préfecture|адміністрац\w*|администрац\w*|губернатор\w*|голов[аиі]|глав[аы])"
        r"\s+(?:(?:(?:militaire|régionale|municipale|regional|military|oblast)\s+){0,2}"
        r"(?:of|de|des|der|von|du)\s+)?(?:the\s+|la\s+|l['’])?$",
        _I,
    )
)
# Who speaks, and where they sit: "the General Staff in Kyiv", "l'état-major à Kiev",
# "Besatzungsbehörden in Melitopol", "officials in Kherson said" — the speakers' town, no scene.
SPEAKERS_SEAT_BEFORE = prefixed(
    re.compile(
        r"(?:general\s+staff|état-major|generalstab\w*|officials|authorities|autorités|behörden|"
        r"besatzungsbehörden|verwaltung|administration|ministry|ministère|ministerium\w*|"
        r"spokes(?:man|woman|person)|porte-parole|sprecher\w*|генштаб\w*|міноборони|"
        r"минобороны|влад[аиі]|власт[иь]|посадовц\w*|чиновник\w*|адміністрац\w+|"
        r"администраци\w+|выступая|виступаючи|speaking|s['’]exprimant)\s+(?:in|à|en|im|aus|в|у|из|із)\s+$",
        _I,
    )
)
# "the Dnipropetrovsk regional governor", "the Kharkiv oblast administration": an actor.
# ... and "Belgorod's Gladkov": a governor by name, the place his.
AUTHORITY_AFTER = re.compile(
    r"\s+(?:regional\s+|oblast\s+|city\s+)?(?:governor|administration|authorities|"
    r"military\s+administration|council|police|mayor)\b|"
    rf"['’]s\s+(?:{QUOTED_PEOPLE.pattern})(?!\w)",
    _I,
)
# "the town" for the settlement named before it in the sentence.
TOWN_ANAPHOR = prefixed(
    re.compile(
        # (not a speaker: "the city council said", "the town's mayor")
        r"\b(?:the|this)\s+(?:town|city|village)\b(?!['’]s|\s+(?:council|hall|authorities|"
        r"administration|officials|mayor|government|police|prosecutors?)\b)|"
        r"\bla\s+ville\b|\b(?:der|die)\s+stadt\b|"
        r"\b(?:stadtzentrum|stadtgebiet|stadtrand)\b|\ble\s+village\b|\b(?:dem|das)\s+dorf\b|"
        r"\b(?:den|der|dem)\s+ort\b|\b(?:die|der)\s+ortschaft\b|\bla\s+localité\b|"
        r"\b(?:міста|місті|місто|місту|города|городе|город|городу|селища|поселка|посёлка|"
        r"посёлок|поселок|посёлке|поселке|село|села|селі|селе|селом)\b|"
        # (a village: "continue to control the settlement", "Stellungen … des Dorfes")
        r"\b(?:the|this)\s+settlement\b|\bdes\s+(?:dorfes|ortes)\b|"
        r"\bнаселен(?:ий|ого|ому|ым|ом|ный|ного|ному)\s+пункт\w*|\bнаселённ\w+\s+пункт\w*",
        _I,
    )
)
# "both villages" for the two settlements named in the sentence before ("Обидва населені
# пункти залишаються під контролем ЗСУ"); "these villages" for all of them.
BOTH_TOWNS_ANAPHOR = re.compile(
    r"\bboth\s+(?:towns|villages|settlements|localities)\b|"
    r"\b(?:ces|les)\s+deux\s+(?:localités|villages|villes)\b|"
    r"\bbeide(?:n)?\s+(?:orte|ortschaften|dörfer|städte|siedlungen)\b|"
    r"\b(?:обидва|обох|обома)\s+(?:населен\w+\s+пункт\w*|сел\w*|міст\w*|селищ\w*)|"
    r"\b(?:оба|обоих|обоими)\s+(?:населён\w+\s+пункт\w*|населен\w+\s+пункт\w*|сёл\w*|"
    r"сел\w*|город\w*|пос[её]лк\w*)",
    _I,
)
TOWNS_ANAPHOR = re.compile(
    r"\b(?:these|the\s+two)\s+(?:towns|villages|settlements|localities)\b|"
    r"\bces\s+(?:localités|villages|villes)\b|"
    r"\bdiese(?:n)?\s+(?:orte|ortschaften|dörfer|städte|siedlungen)\b|"
    r"\b(?:ці|цих|цими)\s+(?:населен\w+\s+пункт\w*|сел\w*|міст\w*|селищ\w*)|"
    r"\b(?:эти|этих|этими)\s+(?:населён\w+\s+пункт\w*|населен\w+\s+пункт\w*|сёл\w*|"
    r"сел\w*|город\w*|пос[её]лк\w*)",
    _I,
)
# What air defence shoots down: the side named with it is the attacker.
AIR_WEAPON = re.compile(
    r"drones?|missiles?|uavs?|drohnen|raketen|marschflugkörper|беспилотник\w*|безпілотник\w*|"
    r"дрон\w*|ракет\w*|бпла|shahed\w*|шахед\w*|geran\w*",
    _I,
)
# "the enemy", "противник": the other side of whoever speaks.
ENEMY = prefixed(
    re.compile(
        r"\b(?:the\s+enemy|enemy|l['’]ennemi|ennemi\w*|feind\w*|противник\w*|ворог\w*|ворож\w*|"
        r"вражеск\w*|враг|врага|врагу|врагом|occupiers|occupants)\b",
        _I,
    )
)
# A dateline at the start of a story: "POKROVSK, Ukraine (AP) —", "МОСКВА, 3 декабря.",
# "SAPORISCHSCHJA -", "BERLIN/KIEW (dpa) -", "КИЇВ. Уряд …": a place in capitals (or two, by a
# slash) before a comma, a dash, or a full stop that opens a sentence.
DATELINE_CAPS = re.compile(
    r"^\s*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ'’ /-]{2,}"
    r"(?=\s*(?:\([^()\n]{1,30}\)\s*)?(?:,|\s[-–—]|\.\s+[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ]))"
)
# "Sudzha, Feb 11 -", "Koupiansk, 3 décembre (AFP) —": a place, a date, a dash.
DATELINE_DATE = re.compile(
    r"^\s*[A-ZА-ЯІЇЄҐ][\w'’ -]{2,30},\s*"
    r"(?:[^\W\d]{3,10}\.?\s+\d{1,2}|\d{1,2}\.?\s+[^\W\d]{3,10}\.?)"
    r"(?:,?\s*\d{4})?\s*(?:\([^()\n]{1,20}\))?\s*[-–—]\s"
)


def dateline_end(text: str, start: int) -> int | None:
    """Where a dateline opening text[start:] ends ("KYIV, Jan 12 (Reuters) -"), if any."""
    # (asked again for each place and event of a sentence: remembered for the last text)
    global _DATELINES
    known, ends = _DATELINES
    if known is not text:
        ends = {}
        _DATELINES = (text, ends)
    if start in ends:
        return ends[start]
    end = ends[start] = dateline_at(text, start)
    return end


def dateline_at(text: str, start: int) -> int | None:
    """`dateline_end` without remembering it: for a string read once (a sentence cut out of
    its report, which would push the report's datelines out)."""
    match = _ANY_DATELINE.match(text, start)
    return match.end() if match else None


# (the three in one look, the first that matches winning)
_ANY_DATELINE = either(DATELINE, DATELINE_CAPS, DATELINE_DATE)


# the text last read, and the datelines found in it by start
_DATELINES: tuple[str | None, dict[int, int | None]] = (None, {})


# Where an attack comes from ("контратакует от X", "з боку X", "from the direction of X") and
# where a retreat goes ("відступили в бік X", "отступил на позиции в районе X"): not scenes.
ORIGIN_BEFORE = prefixed(
    re.compile(
        r"(?:\bfrom(?:\s+the\s+direction\s+of)?|\bdepuis|\baus\s+richtung|(?<!\w)(?:з\s+боку|"
        r"з\s+напрямку|від|со\s+стороны|с\s+направления|от|из))\s+$",
        _I,
    )
)
# Where drones or missiles were launched from ("drones launched overnight from Russia's Kursk
# region and from occupied Crimea", "lancés depuis les régions russes de Koursk et de
# Briansk", "запущених з Брянської області"): the launch sites, no scene of a claim.
LAUNCHED_FROM = prefixed(
    re.compile(
        r"(?:\blaunch(?:ed|ing)|\bfired|\blancé(?:e|s|es)?|\btiré(?:e|s|es)?|"
        r"\babgefeuert|(?<!\w)(?:запущен\w*|випущен\w*|выпущен\w*|запуска\w*))"
        r"[^.;:!?]{0,50}?(?<!\w)(?:from|depuis|aus|von|з|із|зі|с|со|из)\s",
        _I,
    )
)
# What may stand between the launch words and each site of their list: names, "and", the words
# for regions, directions and cities, "occupied".
LAUNCH_LIST_WORD = re.compile(
    r"(?:and|et|und|та|і|й|и|а|також|также|also|ainsi|que|as|well|"
    r"from|depuis|aus|von|з|із|зі|с|со|из|"
    r"the|la|le|les|l['’]|des|de|du|d['’]|of|der|den|dem|"
    r"directions?|régions?|regions?|region's|oblasts?|cities|city|villes?|territor\w*|"
    r"russian|russes?|russia['’]s|russischen|occupied|occupée|besetzten|annexed|"
    r"напрям\w*|направлен\w*|област\w*|територі\w*|территори\w*|окупован\w*|"
    r"оккупированн\w*|російськ\w*|российск\w*|"
    r"(?-i:[A-ZÀ-ÞА-ЯІЇЄҐ])[\w'’-]*)",
    _I,
)
DESTINATION_BEFORE = prefixed(
    re.compile(
        r"(?:\b(?:to|toward|towards|vers|nach|in\s+richtung)|(?<!\w)(?:в\s+бік|в\s+сторону|к|до|"
        r"на\s+(?:[\w-]+\s+){0,3}(?:позиц\w+|рубеж\w*)(?:\s+(?:в\s+районе|у\s+районі|біля|у|около))?))"
        r"\s+$",
        _I,
    )
)
# "the road to X", "трасса на X": a road's name, not a scene.
ROAD_BEFORE = prefixed(
    re.compile(
        r"(?:\b(?:road|highway|route|chaussée|straße|strasse)|(?<!\w)(?:трас\w*|дорог\w*|шосе|шоссе))"
        r"\s+(?:\w+\s+)?(?:to|toward|towards|from|vers|de|d['’]|nach|на|до|к|в\s+бік)\s+(?:the\s+)?$",
        _I,
    )
)
# Words before a place that make it the scene of a strike on it.
STRIKE_ON = prefixed(
    re.compile(
        r"(?:\b(?:in|on|over|at|against|struck|attacked|targeted|hit|shelled|bombed|sur|à|"
        r"contre|frappé|visé|bombardé|attaqué|auf|über|gegen|in|griff|griffen|beschoss|"
        r"по|на|над|у|в|атакува\w*|обстріля\w*|вдари\w*|атакова\w*|обстреля\w*|удари\w*)"
        r"\s+(?:the\s+)?)$",
        _I,
    )
)
# Operational directions and sectors: "the Pokrovsk direction", "на Покровському напрямку",
# "dans le secteur de Koupiansk", "im Frontabschnitt Pokrowsk".
DIRECTION_AFTER = re.compile(
    rf"[\s»”\"-]*(?:{DIRECTION_WORDS}|Front\w*|"
    r"district|raion|rayon|район[іуе]?|района|kreis|bezirk)\b",
    _I,
)
DIRECTION_BEFORE = prefixed(
    re.compile(
        r"(?:\b(?:(?:sur|dans)\s+la\s+direction\s+(?:de|d['’])|secteur\s+(?:de|d['’])|axe\s+(?:de|d['’])|"
        r"front\s+(?:de|d['’])|(?:front)?abschnitt(?:s)?(?:\s+von)?|frontabschnitt|(?:in\s+)?richtung|"
        r"sector|axis|direction)|"
        r"н\.\s?п\.|нп)\s*[«\"“]?\s*$",
        _I,
    )
)
# "в районе населенных пунктов X и Y": several settlements, not an axis.
SETTLEMENTS_AREA = re.compile(r"район\w*\s+насел[её]н+\w*\s+пункт\w*|н\.\s?п\.|\bнп\b", _I)
# "in the area of X", "в районе X", "у районі X", "dans la zone de X", "im Raum X".
AREA_BEFORE = prefixed(
    re.compile(
        r"(?:\bin\s+the\s+(?:areas?|vicinity)\s+of|\bdans\s+(?:la\s+zone|le\s+secteur)\s+d(?:e|['’])|"
        r"\bim\s+(?:raum|gebiet)(?:\s+um|\s+von)?|(?:^|\s)(?:в|у)\s+район[іе]|"
        r"(?:^|\s)(?:в|у)\s+район\w*\s+насел[её]н+\w*\s+пункт\w*)\s*$",
        _I,
    )
)
# "near the towns of X and Y": the words between a cue and the names.
TOWNS_OF = prefixed(
    re.compile(
        r"\s*(?:the\s+)?(?:towns?|cities|city|villages?|settlements?)\s+of\s*$|"
        r"\s*(?:des\s+)?(?:villes?|villages?|localités?)\s+d(?:e|['’])\s*$|"
        r"\s*(?:den\s+)?(?:orten?|städten?|dörfern?)\s*$",
        _I,
    )
)
# "the Kursk and Belgorod regions": regions named by a plural region word.
REGIONS_AFTER = re.compile(
    r"(?:\s+(?:and|et|und|та|і|и)\s+[\w'’-]+)?\s+(?:regions|oblasts|régions|regionen|"
    r"gebiete|областями|областях|областей|областях)\b",
    _I,
)
# A relative cue in apposition: "Kindrashivka, a village just north of Kupiansk".
APPOSED_DIRECTION = re.compile(
    # lower-case words between ("a village just", "about 6 km"): not ", south of Vovchansk and
    # east of", a list
    r"[,(]\s*(?:(?-i:[a-z0-9])[\w'’.-]*\s+){1,6}?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?$",
    _I,
)
# "the Donetsk People's Republic", "ДНР": a region, never the city of Donetsk.
PEOPLES_REPUBLIC = re.compile(
    r"\s*(?:people['’]s\s+republic|peoples?\s+republic|volksrepublik|"
    r"народн\w+\s+республі?и?к\w*)",
    _I,
)
PEOPLES_REPUBLIC_BEFORE = re.compile(
    r"(?:république\s+populaire\s+d(?:e\s+|['’])|volksrepublik\s+|"
    r"народн\w+\s+республі?и?к\w*\s+)$",
    _I,
)
# Names of groupings used alone or quoted ("«Центр»", "Tsentr", "Khortytsia").
GROUPINGS = frozenset(
    """azov азов khortytsia khortytsa хортиця хортица chortyzja tsentr centre zentrum центр
    vostok восток zapad запад sever север yug юг dnepr dnipro дніпро днепр tavria таврія
    таврия kharkiv харків харьков kupiansk luhansk donetsk sumy""".split()
)
UNIT_BEFORE = prefixed(
    re.compile(
        r"(?:group(?:ing)?\s+of\s+forces|groupement|gruppierung|угруповання(?:\s+військ)?|"
        r"группировк\w+(?:\s+войск)?|осув|оту|osg|otu|brigade|бригад\w*|corps|корпус\w*)"
        r"\s*[«\"“„']?\s*$",
        _I,
    )
)
# A unit or group named after a place, for claims (looser than lexicon.UNIT_AFTER, which
# decides whether a capitalised word is a place at all): "the Kharkiv group", "Azov fighters".
UNIT_NAMED_AFTER = re.compile(
    r"[»”\"']?\s*(?:osg|otu|осув|оту|group|grouping|groupement|gruppe|угруповання|"
    r"группировк\w*|brigade|бригад\w*|fighters|soldiers|regiment)\b",
    _I,
)
# A facility named after a place it may lie far from: "the Zaporizhzhia nuclear plant",
# "Запорізька АЕС", "Kyiv airport" (a refinery or an airfield lies at its town: a scene).
FACILITY_AFTER = re.compile(
    r"[\s-]+(?:reservoir|water\s+reservoir|bridge|forest|stausee|talsperre|brücke|"
    r"водосховищ\w*|мост\w*|міст(?:у|а|і)?|лісництв\w*|лесничеств\w*|nuclear\s+(?:power\s+)?plant|npp|power\s+plant|thermal\s+power\s+plant|tpp|"
    r"hpp|dam|airport|kernkraftwerk|akw|atomkraftwerk|"
    r"wasserkraftwerk|flughafen|centrale(?:\s+nucléaire)?|aéroport|"
    # (a Cyrillic refinery's adjective is no town's name: "Саратовський НПЗ" is not the
    # Krasnodar village Saratovskaya)
    r"аес|аэс|тес|тэс|гес|гэс|аеропорт\w*|аэропорт\w*|нпз|нафтопереробн\w*|нефтеперерабат\w*)\b",
    _I,
)
# ... and before it: "la centrale nucléaire (occupée) d'Enerhodar", "Kernkraftwerk
# Saporischschja", "le réservoir de Kakhovka", "Kachowka-Stausee" (after, above).
FACILITY_BEFORE = prefixed(
    re.compile(
        r"(?:\b(?:centrale(?:\s+nucléaire|\s+thermique|\s+hydro\w*)?|barrage|réservoir|pont|"
        r"aéroport)(?:\s+\w+)?\s+d(?:e\s+|['’])|"
        r"\b(?:kernkraftwerk\w*|atomkraftwerk\w*|akw|flughafen|staudamm|stausee)\s+)$",
        _I,
    )
)
# "en face de Kherson", "opposite Kherson", "напротив Херсона": the place across, not the scene.
OPPOSITE_BEFORE = prefixed(
    re.compile(
        r"(?:\b(?:en\s+face\s+d(?:e\s+|['’])|face\s+à\s+|opposite\s+|across\s+from\s+|"
        r"gegenüber(?:\s+von)?\s+)|(?<!\w)(?:напротив|навпроти)\s+)$",
        _I,
    )
)
# "Myrnohrad (Dimitrov en russe), ville jumelle de Pokrovsk": the twin locates.
TWIN_BEFORE = prefixed(re.compile(rf"{TWIN_CITY_OF}\s*$", _I))
OUTLET_AFTER = re.compile(
    r"\s+(?:post|times|independent|herald|pravda|press|daily|tribune|telegraph|gazette|"
    r"journal|review|insider|inform|news|tv|radio)\b",
    _I,
)

# -- sides ------------------------------------------------------------------------------------

# An action noun whose side follows it ("attaques russes", "атаки окупантів", "Angriffe der
# russischen Truppen"); in English the side comes first or after "by".
NOUN_ACTION = re.compile(
    r"(?:attaques?|assauts?|frappes?|bombardements?|offensives?|angriff\w*|vorst(?:o|ö)\w*|vormarsch|"
    r"seizures?|prise|einnahme|eroberung|захоплення|infiltrations?|"
    r"avancées?|progression|продвижени\w*|просуванн\w*|"
    r"атак[аиуі]?|штурм(?:и|ів|ы|ов)?|наступ|наступление|удар(?:и|ів|ы|ов)?|"
    r"обстріл(?:и|ів)?|обстрел(?:ы|ов)?)",
    _I,
)
# What an action is done to, owned by the side named with it: "поражены пункты временной
# дислокации ВСУ", "склад боеприпасов 57-й бригады ВСУ", "russische Stellungen ...
# zurückerobert", "вглубь обороны противника": that side is the object, not the actor.
STRUCK_TARGET = prefixed(
    re.compile(
        r"(?:\b(?:positions?|depots?|stores?|concentrations?|command\s+posts?|manpower|equipment|"
        r"stellungen|depots?|lager|konzentration\w*|gefechtsstand|dépôts?|concentrations?|"
        # (German compounds: "ein ukrainisches Munitionslager", "Treibstofflager")
        r"(?:munitions|treibstoff|waffen|material|tank|öl|benzin|diesel|drohnen)"
        r"(?:lager|depots?)|"
        r"technik|militärtechnik|matériel|effectifs|columns?|convoys?|kolonnen?|konvois?|"
        r"colonnes?|convois|"
        # ("deep into the enemy's defence", "la défense ennemie", "die Verteidigung des Feindes":
        # not the Defence Forces, "les forces de défense ukrainiennes")
        r"(?<=enemy['’]s\s)defen[cs]es?|(?<=profondeur\sde\sla\s)défense|"
        r"(?<=tiefe\sder\s)verteidigung|(?<=in\sdie\s)verteidigung|"
        r"poste\s+de\s+commandement)\b|"
        r"(?<!\w)(?:пункт\w*\s+(?:временной\s+|тимчасової\s+)?дислокаци\w*|"
        r"пункт\w*\s+(?:тимчасового\s+)?базуван\w*|мест\w*\s+дислокаци\w*|склад(?:а|ы|и|ів|ов|ах|ам|ом|у)?(?!\w)|позици\w*|"
        r"позиці\w*|живой\s+сил\w*|живій\s+сил\w*|техник\w*|технік\w*|скоплени\w*|скупчен\w*|"
        r"командн\w+\s+пункт\w*|пункт\w*\s+управлени\w*|пункт\w*\s+управлінн\w*|"
        r"опорн\w+\s+пункт\w*|укреплени\w*|укріплен\w*|"
        r"(?:вглубь|в\s+глубь|в\s+глубин\w*|углиб|у\s+глибин\w*|прорвал\w*|прорвав\w*|прорыв\w*|"
        r"прорив\w*)\s+оборон\w*))",
        _I,
    )
)
AGENT_BEFORE = re.compile(
    r"(?:\b(?:by|par|von|durch)\s+(?:the\s+|les\s+|des\s+|den\s+|der\s+|l['’])?|з\s+боку\s+|"
    r"со\s+стороны\s+)$",
    _I,
)
# Verbs and nouns that name their side by who uses them: Russian reports "liberate" and
# "clear", Ukrainian reports "liberate" (звільнити), either side's opponent "occupies".
RU_WORDS = re.compile(
    r"(?:освобо\w+|зачист\w+|окупува\w*|окупован\w*|оккупир\w*|окупац\w*|оккупац\w*)", _I
)
UA_WORDS = re.compile(r"(?:звільн\w+|деокупова\w*)", _I)
