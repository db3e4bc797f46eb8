"""Word lists and patterns for reading reports in English, French, German, Ukrainian, Russian.

Written for this project. Kept apart from the logic so linguists can extend them.
"""

from __future__ import annotations

import re

from tracker.extract.prefixed import prefixed

# Capitalised words that are never place mentions on their own: people, institutions,
# months and weekdays, countries and demonyms, sentence-initial function words, and
# ordinary words that are also village names (Mir, Pobeda, Druzhba ...). Folded (lowercase).
PEOPLE = """
putin zelensky zelenskyy zelenskyi zelenskiy witkoff kushner umerov syrskyi syrsky gerasimov
shoigu belousov lavrov peskov zakharova budanov yermak trump vance rubio macron merz scholz
starmer erdogan orban lukashenko kadyrov prigozhin surovikin zaluzhnyi zaluzhny madyar
sybiha shmyhal svyrydenko dmitriev kellogg hegseth makhno machno pushilin saldo balitsky
путін путин зеленський зеленский віткофф уиткофф кушнер умєров умеров сирський сырский
герасимов шойгу бєлоусов белоусов лавров пєсков песков захарова буданов єрмак ермак трамп
макрон лукашенко кадиров кадыров пригожин залужний залужный мадяр махно пушилин сальдо
балицкий
""".split()
INSTITUTIONS = """
kremlin pentagon nato isw ctp mod deepstate acled osce iaea un eu rosatom wagner akhmat
general staff interfax reuters tass ria novosti ukrinform suspilne pravda meduza
кремль пентагон нато генштаб генштабу міноборони минобороны зсу всу рф тасс риа
интерфакс укрінформ суспільне правда
republic république republik республіка республика federation fédération föderation
федерація федерация
""".split()
MONTHS = """
january february march april may june july august september october november december
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
décembre decembre januar februar märz maerz juni juli oktober dezember
січень лютий березень квітень травень червень липень серпень вересень жовтень листопад
грудень січня лютого березня квітня травня червня липня серпня вересня жовтня листопада
грудня январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi
vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag
понеділок вівторок середа четвер пʼятниця пятниця субота неділя понеділка вівторка
середу четверга суботу неділю понедельник вторник среда четверг пятница суббота
воскресенье понедельника среду субботу воскресенья
""".split()
COUNTRIES = """
ukraine russia belarus moldova europe america china iran poland germany france
ukrainian ukrainians russian russians belarusian european american
ukrainienne ukrainiennes ukrainien ukrainiens russe russes ukrainische ukrainischen
ukrainischer russische russischen russischer russland ukrainer russen
україна україни україні україну росія росії росію росіяни росіян російські російських
російська білорусь україн украина украины украине украину россия россии россию
российские российских российская беларусь русские
""".split()
COMMON_WORD_VILLAGES = """
mir pobeda peremoha druzhba zoria zorya sonyachne soniachne pravda nadiia nadiya nadezhda
svoboda zaria zarya slava myr vilne volia volya pryvillia zhovten oktiabr oktyabr
progress proletar pershe travnia komunar chervone krasnoe spartak start pioner pionerske
mirnoe myrne mirne pobieda rassvet svitanok dobre novyi novyy stary staryi marine
мир перемога перемоги перемогу победа победы победу дружба дружби дружбы зоря зоря
сонячне правда надія надежда свобода слава воля мирне мирное рассвет світанок
головна пряма колона деревня щастя счастье партизани партизаны
патріоти патріотів патриоты патриотов
""".split()
FUNCTION_WORDS = """
the a an in on at near of and or but by from to for with after before during since while
many here viele
as this that these those there their its his her our we they he she it geolocated
footage published russian ukrainian forces troops military army according reports report
reportedly sources source local officials official head governor mayor spokesperson
spokesman statement elements units unit brigade brigades battalion regiment division
le la les un une des du de d l au aux dans près pres selon entre sur sous vers et ou
mais avec sans les forces armée armee ukrainienne l'armée il ils elle elles on nous
der die das ein eine einer eines dem den des im am bei nahe nach von vom zum zur und oder
aber mit ohne laut russische ukrainische streitkräfte truppen armee einheiten
у в на біля під поблизу від до за з із та і й але як що це ці цей ця російські українські
сили війська окупанти ворог противник підрозділи бригада бригади також водночас крім того
штурмові штурмовики штурмовi загони групи бої боях бойові зіткнення наступ оборона
зранку вранці вдень ввечері вночі сьогодні вчора учора нині протягом упродовж минулої
утром днем вечером ночью сегодня вчера накануне ранее позднее today yesterday overnight
aujourd hier morgens heute gestern nachts
steve jared donald emmanuel keir friedrich recep
штурмовые штурмовики группы отряды бои боях боевые столкновения наступление оборона
у в на около возле под от до за с и а но как что это эти этот эта российские украинские
во со ко из изо над перед при про после между через по об обо вдоль вблизи близ недалеко
неподалеку після між вздовж неподалік коло понад police polizei
силы войска подразделения бригада также кроме того при этом по данным
бійці бійців хлопці військові захисники оборонці воїни атаку атаки удар удари усі всі
все всё весь
інша інший інше інші другая другой другое другие another autre anderes andere anderen
год рік город місто ville stadt
бойцы бойцов ребята военные военнослужащие штурмовики атаку атаки удар удары
below above along beyond across behind inside outside around
schlag schläge angriff angriffe lage
два дві три чотири четыре пʼять п'ять пять шість шесть десять сто
тоді потім зараз однак проте тогда потом сейчас однако впрочем порт
село селище села сёла поселок посёлок парни пацаны
рядом поруч поряд неподалік неподалеку недалеко вблизи далее дальше затем згодом тоже
теперь здесь там тут ближе выше ниже вокруг навколо внутри всередині весной навесні осенью
восени летом влітку зимой взимку короче разом без огляд обзор поліція полиция боевики
schäden schaden
хартія хартії хартію хартією хартия хартии хартию ранок ранку sparta спарта спарты мати
ударными ударных ударные ударными ударні ударних ударними
пожежа пожежу пожежі пожар пожара пожаре
беженцы беженцев біженці біженців
""".split()

# Common Ukrainian and Russian given names in the spellings reports use (English, French,
# German, Polish-style, Ukrainian, Russian). A given name is never a place alone, and the
# capitalised word after it is a surname ("Ivan Fedorov", "Андрій Садовий"), even when a
# village shares it (Sadove). Names that are also notable places (Anna, Stepan, Roman) are
# in GIVEN_NAMES_ALSO_PLACES: they make the next word a surname but may stand alone.
GIVEN_NAMES = frozenset(
    """
oleksandr oleksandra oleksii oleksiy andriy andrii serhiy serhii mykola dmytro
yuriy yurii kyrylo valerii valeriy rustem denys olena iryna viktor vitalii vitaliy vitali
vadym vadim vasyl vasyl' vasily vasiliy ivan iwan petro petr pyotr pjotr mykhailo mykhaylo
mikhail michail oleh oleg ihor igor taras bohdan bogdan anatolii anatoliy anatoly pavlo pavel
maksym maksim maxim mykyta nikita yevhen yevgeniy evgeni jewgeni artem artyom illia ilya
ilja fedir fyodor fedor kostiantyn konstantin hennadii gennady gennadi ruslan vladyslav
vladislav yaroslav jaroslaw borys boris hryhorii grigory mariia mariya yuliia yulia tetiana
tatiana natalia nataliya olha olga kateryna ekaterina svitlana svetlana oksana liudmyla
lyudmila volodimir wolodymyr oleksandr wiktor witalij wadym wassyl iwan petro michail
sergej sergiy jurij juri dmitri dmitrij andrej andrij alexandr alexander aleksandr sergei
sergey dmitry andrei valery yevgeny evgeny vladimir denis viacheslav vyacheslav viatcheslav
wjatscheslaw alexei aleksei alexey timur tymur nikolai nikolay nikolaj nikolaï sergueï
andreï alexeï iouri evgueni guennadi kirill leonid ramzan
олександр олексій андрій сергій микола дмитро юрій кирило валерій рустем денис
олена ірина віктор віталій вадим василь іван петро михайло олег ігор тарас богдан анатолій
павло максим микита євген артем ілля федір костянтин геннадій руслан владислав ярослав
в'ячеслав в’ячеслав вячеслав тимур
борис григорій марія юлія тетяна наталія ольга катерина світлана оксана людмила
владимир александр алексей андрей сергей николай дмитрий юрий кирилл валерий денис елена
ирина виктор виталий василий иван пётр петр михаил игорь анатолий павел никита евгений
артём артем илья фёдор федор константин геннадий владислав ярослав григорий мария юлия
татьяна наталья екатерина светлана людмила
""".split()
)
GIVEN_NAMES_ALSO_PLACES = frozenset(
    # (Volodymyr, once Volodymyr-Volynskyi, is a town of 38,000 in Volyn Oblast)
    "anna stepan roman volodymyr анна степан роман володимир".split()
)

# Military ranks: the capitalised word after one is a person in any script ("Генерал
# Шевченко"), never a place in the genitive as after "мер Харкова".
RANKS = frozenset(
    """
генерал генерал-лейтенант генерал-майор генерал-полковник полковник підполковник
подполковник майор капітан капитан лейтенант старший сержант солдат рядовий
oberst oberstleutnant hauptmann colonel lieutenant-colonel
""".split()
)

# Titles before a name: the capitalised words after them are a person ("Gouverneur Iwan
# Fedorow", "governor Syniehubov", "губернатор Гладков").
TITLES = frozenset(
    """
governor mayor spokesperson spokesman spokeswoman commander president minister
gouverneur maire porte-parole commandant président ministre général bürgermeister
sprecher sprecherin kommandeur präsident minister gouverneurin
губернатор голова глава мер мэр речник речниця командувач командир командующий президент
міністр министр генерал очільник начальник пресс-секретарь представник представитель
""".split()
)

NOT_PLACES = frozenset(
    w
    for w in PEOPLE
    + INSTITUTIONS
    + MONTHS
    + COUNTRIES
    + COMMON_WORD_VILLAGES
    + FUNCTION_WORDS
    + sorted(GIVEN_NAMES)
)
# Comparative directions ("Западнее Покровска ..."): never places, compared as written (their
# stems are villages': Западное, Восточное).
COMPARATIVE_DIRECTIONS = frozenset(
    """севернее южнее западнее восточнее северо-западнее северо-восточнее юго-западнее
    юго-восточнее північніше південніше західніше східніше""".split()
)
# Ordinary words whose stems are villages' (Світле, Светлое), compared as written: "Світла
# немає" is "there is no power".
# The Ukrainian and Russian adjectives "Ukrainian": compared as written, not by stem, whose
# bare form is the town Українськ (Украинск).
UKRAINIAN_ADJECTIVES = frozenset(
    """
українська український українське українські українського української українському
українським українських українською українську українськими
украинская украинский украинское украинские украинского украинской украинскому украинским
украинских украинскую украинскими украинском
""".split()
)
# Words no place only as written: their stems are places' ("крім", except, stems as Крим:
# "в Криму" is Crimea)
STEMS_OF_PLACES = frozenset("крім кроме".split())
NOT_PLACES_AS_WRITTEN = (
    COMPARATIVE_DIRECTIONS
    | UKRAINIAN_ADJECTIVES
    | STEMS_OF_PLACES
    # ("Цели удара достигнуты": the strike's targets, not a Zakarpattia village Сіль)
    | frozenset("світла світло света свет цели цель ціль цілі".split())
    # (a mine, a decision: not Shakhty, whose "Шахты" is as written, nor Rishyn; a nursery,
    # looms: not Jasło, Krosno)
    | frozenset(
        """шахта шахту шахтою шахте рішення рішенням решение решения решением ясла яслі ясли
        ясел кросна""".split()
    )
    # a verb, an ordinal, an adjective and the compass points opening a sentence: "Горіли
    # будинки" (houses burned, not Horile), "Первыми восстановят школы", "Старші люди",
    # "Південь Дніпропетровщини" (the south of, not Pivdenne)
    | frozenset(
        """горів горіла горіло горіли горел горела горело горели первыми первые первых перші
        першими перших старші старших старшие південь північ схід захід юг север
        восток запад""".split()
    )
    # numbers opening a sentence ("Сім атак відбито": seven, not Sim of Chelyabinsk Oblast)
    | frozenset(
        """два дві две три чотири четыре п'ять п’ять пять шість шесть сім семь вісім восемь
        дев'ять дев’ять девять десять""".split()
    )
)
# Words that are village names only when the context insists (see COMMON_WORD_VILLAGES).
AMBIGUOUS_COMMON = frozenset(COMMON_WORD_VILLAGES)

# A place named as a speaker is an actor, not a scene: "Selon Moscou", "Kyiv said".
ACTOR_BEFORE = re.compile(
    r"(?:according\s+to|selon|laut|за\s+словами|по\s+словам|по\s+данным|за\s+даними)\s+$",
    re.IGNORECASE,
)
ACTOR_AFTER = re.compile(
    r"\s+(?:said|says|claimed|claims|announced|stated|denied|insists|a\s+annoncé|affirme|"
    r"a\s+affirmé|déclare|erklärte|behauptet|teilte|заяви\w*|повідоми\w*|сообщи\w*)\b",
    re.IGNORECASE,
)

# Region words that follow or precede a region's name ("Sumy Oblast", "région de Soumy").
REGION_AFTER = frozenset(
    "oblast oblast' oblasts region province область області областю обл региона региону"
    " регіону регіоні регіон район районі району области областью края крае край краем краї"
    " краю krai".split()
)

# Names of units, groupings and ships, and outlets, not places: "the Azov and Khartiia
# brigades", "Khortytsia group", "le groupement « Dniepr »", "cruiser Moskva", "бригада
# «Азов»", "Kyiv Independent". A unit or vessel word right before the name (quotes allowed),
# or a unit word right after it (after "X and Y" too), or a media word as the next
# capitalised word.
_UNIT_WORDS = (
    r"brigades?|regiments?|battalions?|groups?|groupings?|divisions?|corps|units?|formations?|"
    r"battle\s?groups?|bataillons?|régiments?|groupements?|groupes?|"
    r"brigaden?|regimenter?|bataillone?|gruppen?|gruppierung(?:en)?|divisionen?|korps|"
    r"бригад\w*|полк\w*|батальйон\w*|батальон\w*|угруповання|угрупованн\w*|"
    r"группировк\w*|дивізі\w*|дивизи\w*|корпус\w*|осув|оту|truppengrupp\w*|"
    # "the Donetsk OTG" (Ukrainian operational-tactical groups, as English writes them)
    r"otg|otu|osg|osgt|osgv|osuv|осгв|"
    # the brigades' abbreviations: "93-ї ОМБр «Холодний Яр»"
    r"омбр|ошбр|огшбр|одшбр|омпбр|оабр|обро|ombr|oshbr|"
    # "the Leningrad Military District"; "дрони Третьої штурмової" (the brigade left out)
    r"military\s+districts?|militärbezirk\w*|военн\w+\s+округ\w*|військов\w+\s+округ\w*|"
    r"штурмов(?:а|ої|ій|у|ою|ая|ой|ую)|"
    # its people: "Vostok boys", "Бійці Азову", "бойцы «Днепра»"
    r"boys|guys|lads|fighters|бійці|бійців|бойцы|бойцов|"
    # "the Pskov paratroopers", "die Pskower Fallschirmjäger", "псковские десантники"
    r"paratroopers|marines|fallschirmjäger|десантник\w*|морпіх\w*|морпех\w*"
)
_VESSEL_WORDS = (
    r"cruiser|flagship|frigate|corvette|destroyer|submarine|vessel|tanker|ship|"
    r"croiseur|frégate|corvette|navire|sous-marin|pétrolier|vedettes?|patrouilleurs?|"
    r"kreuzer|fregatte|korvette|\w*schiff|u-boot|\w*boot|tanker|landing\s+ship|patrol\s+boat|"
    r"крейсер\w*|фрегат\w*|корвет\w*|корабл\w*|корабель|човен|човн\w*|лодк\w*|танкер\w*|"
    r"судн\w*|судов?"
)
# The word right before a name (quotes set aside) names a unit or a vessel.
UNIT_OR_VESSEL_WORD = re.compile(rf"(?:{_UNIT_WORDS}|{_VESSEL_WORDS})", re.IGNORECASE)
UNIT_WORD = re.compile(_UNIT_WORDS, re.IGNORECASE)
UNIT_AFTER = re.compile(
    # possessive and atomic: runs of spaces must not be tried every way (linear time)
    r"(?:\s*+[»”\"›])?(?>\s++(?:and|et|und|та|і|й|и)\s++[^\W\d_][\w'’-]*+)?"
    # "the Khortytsia operational-strategic group", "ОСУВ «Хортиця»" is before the name
    r"(?>\s++(?:operational-strategic|operational-tactical|operational|operativ\w*|"
    r"opérationnel\w*|оперативно-\w+|оперативн\w+))?"
    # "Третя штурмова бригада": the kind of unit between
    r"(?>\s++(?:окрем\w*|отдельн\w*|separate))?"
    r"(?>\s++(?:штурмов\w*|механізован\w*|механизированн\w*|десантно-штурмов\w*|"
    r"мотострілец\w*|мотострелков\w*|assault|mechani[sz]ed|airborne|motori[sz]ed))?"
    rf"(?:\s++|-)(?:{_UNIT_WORDS})(?!\w)",
    re.IGNORECASE,
)
MEDIA_WORDS = frozenset(
    "independent post times herald pravda press daily today online insider tribune "
    "telegraph gazette news journal review tv radio inform media".split()
)
# Reporting verbs (with an optional title) right before a name at the end of a clause: the
# name is the speaker ("заявил Сальдо.", "said Saldo", "a indiqué Ivan Fedorov").
SPEAKER_BEFORE = re.compile(
    r"(?<!\w)(?:said|says|told|stated|wrote|added|a\s+(?:indiqué|déclaré|précisé|affirmé|"
    r"annoncé|ajouté|écrit)|sagte|meldete|erklärte|schrieb|заяв\w+|повідоми\w+|сказа\w+|"
    r"написа\w+|зазначи\w+|сообщи\w+|отмети\w+|рассказа\w+|доповіл?\w*)"
    r"(?:\s+(?:the\s+)?(?:міськ\w+\s+|городск\w+\s+)?(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True))
    + r"))?\s+$",
    re.IGNORECASE,
)
SPEAKER_LAST_WORDS = (
    frozenset(
        """said says told stated wrote added indiqué déclaré précisé affirmé annoncé ajouté écrit
    sagte meldete erklärte schrieb""".split()
    )
    | TITLES
)
SPEAKER_LAST_PREFIXES = (
    "заяв",
    "повідоми",
    "сказа",
    "написа",
    "зазначи",
    "сообщи",
    "отмети",
    "рассказа",
    "доповіл",
    "доповів",
)

REGION_BEFORE = re.compile(
    r"(?:région|oblast|province|department)(?:\s+(?:ukrainienne|russe|frontalière|voisine))?"
    r"\s+d(?:e\s+|['’])(?:la\s+|l['’])?$"
    r"|(?:\bGrenzgebiet|\bGrenzregion|Oblast|Gebiet|Region|Bezirk)\s+$"
    # "close to the regional border with Dnipropetrovsk": the oblast, not the city
    r"|(?:regional|administrative|oblast)\s+(?:border|boundary)\s+(?:with|of)\s+(?:the\s+)?$"
    r"|(?:Gebiets|Verwaltungs)grenze\s+(?:zu[mr]?|mit)\s+(?:dem\s+)?$",
    re.IGNORECASE,
)

# Cheap substring tests that must pass before the patterns below are tried (speed).
REGION_BEFORE_HINTS = (
    "Grenz",
    "de ",
    "d'",
    "d’",
    "Oblast",
    "Gebiet",
    "Region",
    "Bezirk",
    "oblast",
    "région",
    "region",
    "province",
    "border",
    "boundary",
    "grenze",
)

# Directions that make a relative cue: "southwest of Pokrovsk", "à l'est de Koupiansk",
# "nördlich von Charkiw", "північніше Покровська", "южнее Покровска".
# "north of the city of Sumy", "au nord de la ville de Soumy", "північніше міста Суми".
_CITY_OF = (
    # ("the Ukrainian city of Kupiansk", "the frontline town of")
    r"(?:(?:the\s+)?(?:[^\W\d_][\w-]*\s+)?(?:city|town|village)\s+of\s+|"
    r"la\s+ville\s+d(?:e\s+|['’])|"
    r"(?:du\s+)?village\s+d(?:e\s+|['’])|der\s+stadt\s+|(?:міста|села|селища|города|"
    r"посёлка|поселка)\s+)?"
)
DIRECTION_OF = re.compile(
    r"(?:(?:(?:north|south|east|west)-?(?=[ns]))?(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?"
    r"|(?:au|à\s+l['’]|au\s+)?(?:(?:nord|sud|est|ouest)-(?=[ns]))?"
    r"(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)\s+d(?:e\s+|['’])"
    r"|(?:nord|süd|ost|west)?(?:nördlich|südlich|östlich|westlich|nordöstlich|nordwestlich|"
    r"südöstlich|südwestlich)\s+(?:von\s+)?"
    r"|(?:північніше|південніше|східніше|західніше|на\s+північ\s+від|на\s+південь\s+від|"
    r"на\s+схід\s+від|на\s+захід\s+від|північно-східніше|південно-західніше|"
    r"північно-західніше|південно-східніше)\s+"
    r"|(?:севернее|южнее|восточнее|западнее|северо-восточнее|юго-западнее|северо-западнее|"
    r"юго-восточнее|к\s+северу\s+от|к\s+югу\s+от|к\s+востоку\s+от|к\s+западу\s+от)\s+"
    r"|на\s+(?:північний|південний)[\s-]+(?:схід|захід)\s+від\s+"
    # "на південному сході від Великої Новосілки", "на півночі від"
    r"|на\s+(?:(?:північному|південному)[\s-]+)?(?:сході|заході|півночі|півдні)\s+від\s+"
    r"|к\s+(?:(?:северо|юго|востоко|западо)-)?(?:северо|юго)-(?:востоку|западу)\s+от\s+)"
    + _CITY_OF
    + "$",
    re.IGNORECASE,
)

# The English verbs that push troops out of a place ("pushed the occupiers out of X")
PUSHING_VERBS = r"pushed|drove|driven|forced|knocked|kicked"
# The words of an operational direction or sector, after the town it is named for: "the
# Lyman direction", "на Лиманському напрямку", "на Купянском направлении", "на Покровській
# ділянці", "Richtung Kupjansk". (Claims also read a raion or district this way; places do
# not: a raion is an area, found by its own phrase.)
DIRECTION_WORDS = (
    r"direction|axis|sector|front|направлени\w*|напрям\w*|участк\w*|ділянц\w*|"
    r"Frontabschnitt|Abschnitt|Richtung"
)
# (the plural too: "in the Kupiansk and Lyman directions" names Lyman's sector)
SECTOR_AFTER = re.compile(
    rf"[ \u00a0]+(?:{DIRECTION_WORDS}|directions|axes|sectors)\b", re.IGNORECASE
)
SECTOR_AFTER_STARTS = (" ", "\u00a0")  # (what a match of it starts with: a cheap look first)
# A bulletin's next direction with its noun left out: "...; на Сіверському — 11 атак біля X",
# "на Покровском: ..." (an adjective after "на", then a dash or colon).
_ELIDED_BEFORE = re.compile(r"(?:^|[\s;,.])[Нн]а\s+$")
_ELIDED_WORD = re.compile(r"\w+(?:ському|цькому|ском|цком)$")
_ELIDED_LAST = ("у", "м", "у\n", "м\n")  # (`$` may stand before a last newline)
_ELIDED_AFTER = re.compile(r"\s*(?:[—–:]|-\s)")


def elided_sector(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a direction named without its noun (see above)."""
    if start >= 0 and not text.endswith(_ELIDED_LAST, start, end):
        return False  # (a cheap look first: how a word _ELIDED_WORD matches ends)
    return bool(
        _ELIDED_WORD.match(text, start, end)
        and _ELIDED_AFTER.match(text, end)
        and _ELIDED_BEFORE.search(text, max(0, start - 4), start)
    )


# ... and before it: "direction de Koupiansk", "Richtung Kupjansk", "im Raum Pokrowsk".
SECTOR_BEFORE = re.compile(
    # (not "les assauts en direction de Kamianské": towards a place, no direction's name)
    r"(?:(?<!\ben\s)direction|axe|secteur|front|Richtung|Frontabschnitt|Abschnitt|Raum)"
    r"\s+(?:de\s+|d['’]\s*)?$",
    re.IGNORECASE,
)

# "the twin city of", "la ville jumelle de", "Nachbarstadt": a town that only locates another.
TWIN_CITY_OF = (
    r"(?:(?:the\s+|a\s+)?(?:twin|sister|neighbou?ring)\s+(?:city|town)\s+of|"
    r"(?:la\s+)?ville\s+(?:jumelle|voisine)\s+d(?:e|['’])|(?:zwillings|nachbar|schwester)stadt"
    r"(?:\s+von)?|місто-супутник|город-спутник)"
)

# Nearness that anchors a place to the next one in apposition: "Oleksiivka, near Yunakivka",
# "Kamianka, un village à quelques kilomètres d'Izioum", "Федоровку под Северском".
NEAR_OF = re.compile(
    r"(?:(?<!\w)(?:near|close\s+to|not\s+far\s+from|outside|"
    r"on\s+the\s+(?:(?:northern|southern|eastern|western)\s+)?approaches\s+to|"
    r"(?:a\s+few|several|\d+)\s+(?:km|kilometers|kilometres|miles)\s+(?:from|of)"
    r"(?:\s+(?:central|downtown))?)\s+"
    r"|(?<!\w)(?:près|proches?|voisine?s?|à\s+proximité|non\s+loin|"
    r"(?:à|a)\s+(?:quelques|\d+)\s+(?:km|kilomètres)|"
    r"(?:à\s+la\s+)?(?:sortie|périphérie|lisière)(?:\s+(?:nord|sud|est|ouest))?|aux\s+abords)"
    r"\s+d(?:e\s+|['’])"
    r"|(?<!\w)(?:on|at)\s+the\s+(?:(?:northern|southern|eastern|western)\s+)?"
    r"(?:outskirts|edge|exit)\s+of\s+"
    r"|(?<!\w)(?:на\s+(?:\w+\s+)?(?:околиці|околицях|окраине|окраинах|виїзді\s+з|выезде\s+из))\s+"
    rf"|(?<!\w){TWIN_CITY_OF}\s*"
    # ("am Stadtrand von Torezk", "am östlichen Rand von Pokrowsk")
    r"|(?<!\w)(?:bei|nahe|unweit|in\s+der\s+nähe|wenige\s+kilometer|\d+\s+kilometer|"
    r"am\s+(?:[a-zäöü]+en\s+)?(?:stadt|orts)?rand)\s+"
    r"(?:von\s+)?"
    r"|(?<!\w)(?:біля|поблизу|неподалік\s+від|неподалік|під|за\s+кілька\s+кілометрів\s+від|"
    # "за 3 км від Березового", "в 5 км от Покровска"
    r"(?:за|в)\s+\d+(?:[.,]\d+)?\s*(?:км|кілометр\w*|километр\w*)\s+(?:від|от)|"
    r"на\s+підступах\s+до|на\s+подступах\s+к|"
    r"около|возле|под|вблизи|близ|недалеко\s+от|неподалеку\s+от|"
    r"в\s+нескольких\s+километрах\s+от)\s+)" + _CITY_OF + "$",
    re.IGNORECASE,
)

# "near X", "outskirts of X", "northern X": the claim is about the vicinity or a part.
NEAR_BEFORE = re.compile(
    r"(?:near|around|outskirts\s+of|vicinity\s+of|direction|towards|toward|parts?\s+of|"
    r"périphérie(?:\s+(?:nord|sud|est|ouest))?\s+de|faubourgs\s+de|parties?\s+de|"
    r"ortsrand\s+von|stadtrand\s+von|teile[nr]?\s+von|(?:in\s+den|im)\s+(?:norden|süden|osten|westen)\s+von|"
    r"(?:north|south|east|west)(?:ern)?(?:\s+part\s+of)?|"
    r"près\s+de|pres\s+de|aux\s+abords\s+de|abords\s+de|autour\s+de|direction\s+de|"
    r"dans\s+le\s+(?:nord|sud|est|ouest)\s+de|"
    r"bei|nahe|nahe\s+von|rund\s+um|in\s+der\s+nähe\s+von|richtung|im\s+(?:norden|süden|osten|westen)\s+von|"
    r"біля|поблизу|під|околиці|околицях|в\s+районі|у\s+районі|на\s+напрямку|напрямку|"
    r"в\s+напрямку|у\s+напрямку|неподалік|"
    r"около|возле|под|вблизи|окраин[аеуы]|окраинах|в\s+районе|на\s+направлении|направлении|"
    r"в\s+направлении)"
    r"(?:\s+(?:de|d['’]|of|the|von|der|des|la|le))?\s*$",
    re.IGNORECASE,
)

# How the text before a place ends when NEAR_BEFORE may match (a cheap test first).
NEAR_TAILS = tuple(
    """near around of direction towards toward north south east west ern de d' d’ bei nahe
    von um richtung біля поблизу під околиці околицях районі напрямку неподалік около возле
    под вблизи окраина окраине окраину окраины окраинах районе направлении the der des la
    le""".split()
)

# Damage words the strike lexicon holds: a strike only with a weapon named in their clause,
# and no word of fighting (a damaged power line in Ripky is no sign of a front)
DAMAGE_WORD = re.compile(r"damaged|endommag\w*|beschädigt\w*", re.IGNORECASE)
# The names of Russia's groups of forces (Ukraine's have others: Khortytsia, Tavria, Dnipro).
_RUSSIAN_GROUPS = (
    r"центр|юг|запад|север|восток|днепр|centre|center|zentrum|tsentr|sud|süd|south|yug|jug|"
    r"ouest|west|zapad|sapad|nord|north|sever|sewer|est|east|ost|vostok|wostok|dnepr|dnjepr"
)
# ... as English, French and German write them untranslated ("Zapad group"; not "West": the
# word is everyone's)
_RUSSIAN_GROUP_NAMES = r"Zapad|Sapad|Vostok|Wostok|Tsentr|Zentr|Yug|Jug|Sever|Sewer|Dnepr|Dnjepr"
# Places named like the Russian groups: "Кафе «Север»", "ТЦ «Центр»"
_NAMED_BUSINESSES = (
    "кафе",
    "тц",
    "трц",
    "жк",
    "магазин",
    "супермаркет",
    "гостиница",
    "отель",
    "рынок",
    "стадион",
    "кинотеатр",
    "санаторий",
    "ресторан",
    "банк",
    "клуб",
    "завод",
    "компания",
)
_NOT_UKRAINIAN = "".join(
    f"(?<!{word} )"
    for word in ("ukrainian", "ukraine's", "ukrainische", "ukrainischen", "ukrainien")
)
# A route, not a place of its own: "through Crimea", "via Kalanchak", "через Крым", "par la
# Crimée", "über die Krim"
ROUTE_BEFORE = re.compile(
    r"(?<!\w)(?:through|via|через|крізь|par|über|durch)\s+(?:the\s+|la\s+|le\s+|l['’]|die\s+)?$",
    re.IGNORECASE,
)
# Where fire or drones come from ("загрозу з боку Брянщини", "з території Курської області",
# "from the Bryansk region", "со стороны Белгородской области"): a region said so frames no
# place of its sentence.
REGION_ORIGIN_BEFORE = re.compile(
    r"(?<!\w)(?:з\s+боку|з\s+території|з\s+напрямку|зі\s+сторони|со\s+стороны|с\s+территории|"
    r"с\s+направления|из|depuis|(?:du\s+)?territoire\s+d[eu]|aus|"
    # (not whom people came from: "Firefighters from Kharkiv Oblast helped … in Ivanivka")
    r"(?<!fighters\s)(?<!rescuers\s)(?<!residents\s)(?<!people\s)(?<!volunteers\s)"
    r"from(?:\s+the\s+(?:direction|territory)\s+of)?)\s+(?:the\s+|la\s+|le\s+|l['’]|dem\s+|der\s+)?$",
    re.IGNORECASE,
)
# Sides: whose forces act.
SIDE_RU = re.compile(
    r"\b(?:russian|russia's|russia\b|russie|russe|russes|russisch\w*|russland\w*|moscow|kremlin|"
    r"moscou|moskau\w*)"
    r"|\b(?:росі|російськ|россий|росси|рф\b|окупант|оккупант|ворог|вс\s*рф|армия\s+россии|"
    r"агресор|загарбник|рашист|орк[иіа]\b|"
    r"occupants?\b|occupiers?\b|invaders?\b|envahisseurs?\b|besatzer|"
    r"группировк\w*\s+войск|\bрус|средствами\s+(?:пво|противовоздушной)|силы\s+пво)|🇷🇺|"
    # a Russian group of forces by its name: "groupement « Ouest »", "Gruppierung „Süd“"
    # (not Ukraine's commands of the same names: "die ukrainische Gruppierung „Süd“")
    rf"{_NOT_UKRAINIAN}\b(?:группировк\w*|groupement|gruppierung|grouping|group|truppengrupp\w*|"
    rf"gruppe)\s+"
    rf"(?:russe\s+|of\s+forces\s+)?[«\"“„']\s*(?:{_RUSSIAN_GROUPS})(?!\w)|"
    rf"{_NOT_UKRAINIAN}[«\"“„'](?:{_RUSSIAN_GROUPS})[»\"”“']\s+group|"
    # ... or by its Russian name unquoted: "units of the Zapad group", "groupement Vostok"
    rf"\b(?-i:{_RUSSIAN_GROUP_NAMES})\s+(?:group|grouping|battlegroup|gruppe|gruppierung)|"
    rf"\b(?:groups?|groupement|gruppe|gruppierung|grouping)\s+(?:of\s+forces\s+)?(?-i:{_RUSSIAN_GROUP_NAMES})\b|"
    # a Russian channel's bare «Центр» (not «Днепр»: Ukraine has a Dnipro command too)
    # (at a clause's start or before its verb: not "Супермаркет «Центр»", "ЖК «Север»")
    r"(?:(?<![\w,]\s)(?<![\w,])[«„]\s*(?-i:Центр|Юг|Запад|Север|Восток)\s*[»“]|"
    + "".join(f"(?<!{noun}\\s)" for noun in _NAMED_BUSINESSES)
    + r"[«„]\s*(?-i:Центр|Юг|Запад|Север|Восток)\s*[»“]"
    r"(?=\s+[а-яё]+(?:л|ла|ли|ло|ёл|ел|ес|ёс|ся|сь|ет|ют|ит|ят|ут|ат)\b))|"
    # weapons only Russia fires at Ukraine name the attacker
    r"\b(?:shahed\w*|geran\w*|iskander\w*|kinzhal\w*|kalibr\w*|шахед\w*|герань\w*|"
    r"искандер\w*|іскандер\w*|кинжал\w*|кинджал\w*|калибр\w*|калібр\w*)",
    re.IGNORECASE,
)
SIDE_UA = re.compile(
    r"\b(?:ukrain\w*|ukrainien\w*|ukrainisch\w*|kyiv's|kiev's|afu\b|azov(?!\s+sea)|azow|"
    r"khartiia|азов(?!ск)|хартія|хартии|kyiv\s+regime|kiev\s+regime|kiewer\s+regime|"
    # the Defence Forces, as Ukrainian posts call their own ("Сили оборони") — not air defence
    r"(?<!air\s)(?<!russian\s)defen[cs]e\s+forces|forces\s+de\s+défense(?!\s+a[ée]rienne)|"
    r"verteidigungskräfte|"
    r"régime\s+de\s+kiev|"
    # (the defending side of this war, as the General Staff's relays call it)
    r"(?:les\s+|the\s+)(?:défenseurs|defenders)\b(?!\s+(?:of|de|des|du|von|der)\b))"
    r"|\b(?:україн|украин|зсу|всу|сил(?:[иа]|ам\w*)?\s+оборони|оборонц|захисник|сил[иа]\s+ппо|"
    # what Russian channels call them: "Хохлы опять долбят Горловку"
    r"хохл|укроп|всушник|киевск\w*\s+режим|київськ\w*\s+режим|"
    # partisans and the defence intelligence behind their raids in occupied towns
    r"партизан|атеш|рух\w*\s+опору|гур\b|патріот)"
    r"|\b(?:partisan\w*|partisanen\w*|atesh\b|hur\b|gur\b)"
    r"|🇺🇦",
    re.IGNORECASE,
)

# Words of fighting that name no action of their own, said of where it goes on ("fighting near
# X", "бои в районе X", "Kämpfe bei X", "combats autour de X"): a sentence with them is about the
# front, as one with an action is. Only with the word of place after them: "the fight against
# corruption", "combat sports", "фронтмен", "боевик", "бой курантов" are no fighting.
_WHERE_AFTER = (
    r"(?:near|around|outside|on\s+the\s+outskirts|in\s+the\s+(?:area|direction|vicinity)|"
    r"près|autour|aux\s+abords|dans\s+(?:la\s+région|le\s+secteur|les\s+environs)|"
    r"bei|um|nahe|nördlich|südlich|östlich|westlich|"
    r"біля|поблизу|за|під|в\s+районі|на\s+околиц\w*|у\s+напрямку|"
    r"у|под|возле|около|в\s+районе|на\s+окраин\w*|на\s+подступах|на\s+підступах)\b"
)
FIGHTING_RE = re.compile(
    r"\b(?:(?:heavy|fierce|intense|ongoing)\s+fighting|fighting|battles?|combats?|"
    r"kämpfen?|kampf|gefechten?|kampfhandlungen|бо[їи]|боях|бойові\s+дії|боевые\s+действия)"
    r"(?:\s+(?:continues?|continued|raged?|se\s+poursuivent|dauern\s+an|тривають|точаться|"
    r"йдуть|идут|продолжаются|ведутся))?"
    # ("бои идут также на подступах к …", "бої тривають також біля …")
    r"(?:\s+(?:також|также|тоже|ще|ещё|еще|вже|уже|also|still|aussi|encore|auch|noch))?\s+"
    + _WHERE_AFTER
    # (one "бій у Дніпрі" may be a boxer's: the singular only for a place fought for or by)
    + r"|\b(?:бій|бой)\s+(?:за|біля|поблизу|під|возле|под|в\s+районі|в\s+районе)\b"
    # the verb first, the place before it: "Біля Кам'янського тривають бої"
    r"|\b(?:тривають|тривали|точаться|точилися|йдуть|ідуть|йшли|ішли|идут|шли|продолжаются|"
    r"продолжались|ведутся|велись|велися)\s+(?:\w+\s+)?(?:бої|бои)\b",
    re.IGNORECASE,
)

# Clashes are attacks whose side no one names; pushing back is an advance told by the pushed.
CLASH_WORDS = r"clashes|affrontements?|gefechte|боєзіткнен\w*|боестолкновени\w*"
PUSHED_BACK_WORDS = r"zurückgedrängt|zurückgeworfen|vertrieben"

# Actions, with the verbs and nouns that express them; where two start at the same place the
# earlier one in this list wins. One combined pattern with a named group per action.
ACTION_RE = re.compile(
    r"\b(?:"
    + "|".join(
        f"(?P<{action}>{pattern})"
        for action, pattern in (
            (
                "withdraw",
                r"withdr[ae]w\w*|retreat\w*|pulled\s+back|pull(?:s|ing)?\s+back|"
                r"se\s+sont\s+retir\w*|s['’]être\s+retir\w*|"
                # "avoir retiré ses troupes de X", "ont quitté X", "отвод подразделений из X"
                r"retir(?:é|ée|és|ées)\s+(?:ses|leurs|les)\s+(?:troupes|forces|unités|soldats)|"
                # (a place or a village right after: not "ont quitté les ports d'Odessa")
                r"(?:ont|a|avoir)\s+quitté(?=\s+(?:leurs\s+positions|la\s+ville|le\s+village|"
                r"la\s+localité|(?-i:[A-ZÀ-Þ])))|відвели|отвели|відвод\w*|отвод\w*|"
                r"se\s+retir\w*|repli\w*|zurückgezogen|rückzug|zogen\s+sich|"
                r"відійшли|відступ\w*|вийшли\s+з|отступ\w*|отошли|отош[её]л\w*|отход\w*|відход\w*|відхід|"
                r"abgezogen|"
                r"вышли\s+из|retrait|geräumt|"
                r"recul\w*|"
                r"залишили|покинули|оставили|вытеснен\w*|витіснен\w*|выбит[ыа]?\b|вибит[іо]?\b|"
                r"pushed\s+out|driven\s+out|forced\s+out|chassé\w*|délogé\w*|verdrängt\w*|"
                # "pushed the occupiers out of X", "knocked the enemy out of positions near X"
                # (troops out of a place, not "knocked two tanks out of action")
                rf"(?:{PUSHING_VERBS})\s+(?:the\s+)?(?:enemy|occupiers|"
                r"invaders|russians|ukrainians|(?:russian|ukrainian)\s+(?:troops|forces|units|"
                r"infantry|soldiers|assault\s+groups?))\s+out(?=\s+of\s+(?:(?:the\s+|several\s+|"
                r"two\s+|three\s+|some\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?"
                r"(?:parts?|positions?|outskirts|edge|areas?|sections?)\s+(?:of|near|in|around)\s+)?"
                r"(?-i:[A-Z]))|"
                r"pulled\s+(?:\w+\s+){0,2}out|abandon\w*",
            ),
            (
                "repel",
                r"repel\w*|repuls\w*|fought\s+off|beat(?:en)?\s+(?:off|back)|repouss\w*|abgewehrt|"
                r"zurückgeschlagen|wehrt\w*|"
                # "ont stoppé sept assauts", "stopped two attacks" (not "the shelling stopped")
                r"stopp(?:é|ée|és|ées|aient|ent)\s+(?:\w+\s+){0,2}(?=assauts?|attaques?|offensives?)|"
                r"stopped\s+(?:\w+\s+){0,2}(?=assaults?|attacks?|advances?)|"
                # German separable verbs: "schlugen ... Angriffe bei X zurück"
                r"schlugen(?=[^.;]{0,100}\bzurück\b)|schlagen(?=[^.;]{0,100}\bzurück\b)|"
                r"abwehr\w*|відбили|відбито|відбити|відбив\w*|отразил\w*|отбил\w*|отбит\w*|отражен\w*|"
                r"pushed\s+back|shot\s+down|shoot(?:s|ing)?\s+down|downed|intercept\w*|abattu\w*|abgeschossen|"
                r"abgefangen|fing\w*|schoss(?:en)?(?=(?:(?!\bauf\s+(?-i:[A-ZÄÖÜ]))[^.;]){0,120}\bab\b(?!\s+(?:\d|dem\b|der\b|den\b|"
                r"sofort|heute|morgen|jetzt|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
                r"sonntag|mitte|ende|anfang)))|сбит\w*|сбил\w*|збил\w*|збит\w*|перехопил\w*|перехоплен\w*|"
                r"перехвач\w*|знешкод\w*|зупинили|зупинено|зупинив\w*|відкинул\w*|відкинут\w*|"
                r"отбросил\w*|остановил\w*|stopped|halted|gestoppt",
            ),
            (
                "capture",
                r"captur\w*|seiz\w*|took\s+(?:control|over)|liberat\w*|regained\s+control|"
                r"(?:had|have|has|had\s+been|have\s+been|has\s+been|was|were)\s+taken\b(?!\s+(?:prisoner|captive|part|to))|"
                r"відновили\s+контроль|восстановили\s+контроль|repris\s+le\s+contrôle|"
                r"pris\b(?!\s+pied)|prise\b|s['’]empar\w*|emparé\w*|libér\w*|"
                r"eingenommen|erober\w*|einnahme|einzunehmen|befrei\w*|"
                r"захопил\w*|захопле\w*|взял\w*|звільнил\w*|окупува(?:ли|ла|в)\b|окупувал\w*|"
                r"выбили|вибили|вытеснили|витіснили|выдавили|видавили|"
                r"захватил\w*|взяли|освободил\w*|освобожд\w*|занял\w*|"
                r"fell\s+to|occupied|nahmen(?=[^.;]{0,100}\bein\b)|nimmt(?=[^.;]{0,100}\bein\b)|recaptur\w*|retook|retaken|"
                r"repris\b|reprise\s+d|"
                r"zurückerobert\w*|overran|"
                # (not a held town cleared of infiltrators: "cleared Kupiansk of DRG groups")
                r"(?:cleared|cleaned\s+up|mopped\s+up|nettoy[ée]\w*)(?!\s+(?:[\w'’-]+\s+){0,3}"
                r"(?:of|des|de|d['’])\s+(?:\w+\s+)?(?:groups?|groupes?|saboteurs?|infiltr\w*|sabotage|"
                r"drg|diversion\w*))|"
                r"gained\s+control|"
                r"conqu\w*|occup[ée]\w*|besetzt\w*|eroberten|"
                r"зачист\w*|взят\w*|перешл\w*\s+под\s+контроль|перейшл\w*\s+під\s+контроль|"
                r"переш[её]л\w*\s+под\s+контроль|перейш\w*\s+під\s+контроль|"
                r"флаг\w*\s+(?:водруж[её]н|поднят|установлен)\w*|(?:водрузил|подняли|установили)\w*\s+флаг|"
                r"підняли\s+прапор|прапор\w*\s+(?:встановлен|піднят)\w*|raised\s+(?:a|the)\s+flag|"
                r"звільнен\w*|окупован\w*|оккупирова\w*",
            ),
            (
                "control",
                # (not a "drone control point", "command and control post")
                r"(?<!price\s)(?<!prices\s)"
                r"control\w*(?!\s+(?:points?|posts?|cent(?:er|re)s?|rooms?|stations?|on\s+prices)\b)|"
                r"hold\w*|held\b|remain\w*\s+in|contrôl\w*|controle\w*|tien\w*|tenai\w*|"
                r"tenir|restent|subsist\w*|kontroll\w*|gehalten|контрол\w*|утриму\w*|"
                r"(?:halten|hielten|hielt|hält)(?!\s+(?:es|dies|das)\s+für)(?!\s+an\b)|"
                r"operat\w*\s+in|opèrent|діють|действуют|"
                r"удержива\w*|удерживают|остаются|залишаються",
            ),
            (
                "advance",
                r"advanc\w*|progress\w*|gain\w*|pushed|progress\w*|avanc\w*|moved\s+forward|"
                r"moved\s+(?:toward|towards|closer)|pris\s+pied|"
                # "percer nos défenses" (with "tenté de": an attack), "ont percé"
                r"percer|(?:ont|a|avaient|avait)\s+percé\w*|"
                r"entr[ée]e?s?\s+(?:dans|à)|" + PUSHED_BACK_WORDS + "|"
                r"boden\s+gewonnen|rücken(?=[^.;]{0,60}\bzu\b)|"
                r"vorgerückt|vorgestoßen|vorgedrungen|vorrück\w*|vorzurücken|vorzustoßen|vormarsch|"
                r"vorstoß\w*|vorstöße\w*|eingedrungen|einzudringen|"
                r"stießen(?=[^.;]{0,100}\bvor\b)|stößt(?=[^.;]{0,100}\bvor\b)|"
                r"rückten(?=[^.;]{0,100}\bvor\b)|rückt(?=[^.;]{0,100}\bvor\b)|"
                r"просунул\w*|просунув\w*|просунут\w*|просуван\w*|продвинул\w*|продвинут\w*|"
                r"продвиг\w*|продвижени\w*|відтіснил\w*|оттеснил\w*|інфільтр\w*|инфильтр\w*|"
                r"pouss(?:e|ent|é|és|ée|ées)\s+vers|pushing\s+(?:toward|towards|into|on)\b|"
                r"geländegewinn\w*|потіснил\w*|потеснил\w*|закріпил\w*|закрепил\w*|rücken(?=(?:(?!\bnicht\b(?!\s+(?:nur|mehr\s+nur|schnell|langsam)))[^.;]){0,100}\bvor\b)|"
                # DeepState's "the enemy has had success near X"
                r"ма(?:є|ють|в|ли)\s+успіх|имее?т\s+успех|имел\w*\s+успех|"
                r"entered|pénétr\w*|eingedrungen|broke\s+into|broken\s+into|reached|atteint\w*|"
                r"sneak(?:ed|ing|s)?\s+into|snuck\s+into|"
                # the MoD's formula: "improved their tactical position", "amélioré leur position"
                r"improv\w*\s+(?:their\s+|its\s+)?(?:tactical\s+)?positions?|"
                r"покращенн\w*\s+(?:тактичного\s+)?положенн\w*|"
                r"улучшени\w*\s+(?:тактического\s+)?положени\w*|"
                r"amélior\w*\s+(?:leur\s+|sa\s+|leurs\s+)?positions?(?:\s+tactiques?)?|"
                r"(?:taktische\w*\s+)?(?:lage|position\w*)\s+(?:\w+\s+){0,3}?verbessert|"
                # (the verbs, not "cleared Kupiansk of infiltrators")
                r"infiltr(?:at(?:ed|ing|es?|ion(?!\s+(?:groups?|teams?|units?)))|é\w*|ent|ieren|"
                r"iert\w*)|просоч\w*|regain\w*|"
                r"franchi\w*|crossed|rückt\w*|erreicht\w*|прорва\w*|прорвал\w*|"
                r"улучшил\w*\s+(?:тактическое\s+)?положение|покращи\w*\s+(?:тактичне\s+)?положення|зайшли|увійшли|зашли|вошли|вклинил\w*|"
                r"зайшла|зайшов|увійшла|увійшов|зашла|зашел|зашёл|вошла|вошел|вошёл|заходят|заходять|"
                r"вклинил\w*|закріпил\w*|закрепил\w*|закрепля\w*|закріплю\w*|закрепит\w*|закріпит\w*",
            ),
            (
                "attack",
                r"attack\w*|assault\w*|offensive|counter-?attack\w*|contre-attaqu\w*|"
                # "намагався витіснити наші підрозділи з позицій" (the infinitive: tried)
                r"витіснити|вытеснить|"
                r"gegenangriff\w*|gegenoffensive|контратак\w*|контрнаступ\w*|тисне|давит|pressing|"
                r"пре(?![\w'’])|прут(?!\w)|ведут\s+бо[йи]|вели\s+бо[йи]|ведуть\s+бо[їй]|вели\s+бо[їй]|"
                r"attaqu\w*|assaut\w*|"
                r"angriff\w*|angegriffen|anzugreifen|greifen|greift|griffen|griff|"
                # (not a unit: "die 3. Sturmbrigade")
                r"sturm(?!brigade|bataillon|regiment)\w*|stürmt\w*|gestürmt|атак\w*|штурм(?!ов(?:ые|і|ики|ик)\b)\w*|"
                # (not Ukrainian "наступн-", next: "наступною ціллю може стати X")
                r"наступ(?!н)\w*|"
                r"наступал\w*|наступа\w*|висадит\w*|висадк\w*|высадит\w*|высадк\w*|"
                r"landing\s+attempt\w*|débarqu\w*|anlanden|landungsversuch\w*|" + CLASH_WORDS,
            ),
            (
                "strike",
                r"struck|strike\w*|hit\b|destroy\w*|détrui\w*|visé\w*|zerstör\w*|getroffen|"
                # damage done by a weapon the clause names (claims.py keeps it only then)
                r"damaged|endommag\w*|beschädigt\w*|"
                # sabotage and arson, as partisans and intelligence claim them
                r"set\s+fire(?=\s+to\b)|set\s+(?:\w+\s+){1,3}(?:on\s+fire|ablaze)|sabotaged|"
                r"sabot(?:é|ée|és|ées)\b|sabotiert\w*|incendi(?:é|ée|és|ées)\b|"
                r"in\s+Brand\s+(?:gesetzt|gesteckt)|blew\s+up|blown\s+up|fait\s+sauter|gesprengt|"
                r"sprengten|підпал(?:или|ив|ила|ено)\b|подожгл\w*|подожж[её]н\w*|підірвал\w*|"
                r"подорвал\w*|вивели\s+з\s+ладу|вывели\s+из\s+строя|"
                # "Hits were recorded in Odesa and Kharkiv", "des impacts ont été enregistrés à"
                r"hits\s+(?:were|was|have\s+been)\s+(?:recorded|registered|reported)|"
                r"impacts?\s+(?:ont\s+été\s+|were\s+)?(?:enregistrés?|recorded)|"
                r"(?:trafen|traf)\b(?!\s+(?:sich|die|eine|keine)\b)"
                # (not "trafen bei X auf Widerstand", "trafen nahe X, wie … mitteilte, auf …")
                r"(?!(?:\s+[^\s,.;]+){0,4}(?:\s*,\s*(?:so|wie)\b[^,.;]{0,50},)?"
                r"\s+auf\s+(?:\w+\s+)?(?:widerstand|gegenwehr))|влуч\w*|einschläge\w*|"
                # (not "попадание в окружение/плен": being encircled, taken prisoner)
                r"попадани[еяй]\w*+(?!\s+(?:в|во)\s+(?:окружени|плен|котел|котёл|засад))|"
                r"(?:бити|б['’]ють|били|бьют|бил[иао]?)\s+по\b|"
                r"touchée?s?\b|inflicted\s+(?:\w+\s+){0,2}losses|infligé\s+(?:\w+\s+){0,2}pertes|"
                r"завда\w*\s+(?:\w+\s+)?втрат|нанес\w*\s+(?:\w+\s+)?потер\w*|"
                r"drohnenangriff\w*|gleitbomben|zerschlagen|"
                # "In Dnipro schlug eine Rakete in ein Wohnhaus ein", "Treffer in Kiew"
                r"schlug(?:en)?(?=[^.;]{0,100}\bein(?=\s*(?:[,.;:!?]|$)))|eingeschlagen|"
                r"(?:drohnen|raketen)?treffer\b|"
                # "Під вогнем були Херсон, Білозерка", "под огнем", "sous le feu"
                r"(?:під|под)\s+(?:ворожим\s+|вражеским\s+)?(?:вогнем|огнем|огн[её]м)|sous\s+le\s+feu|"
                # "…: постраждали Нікополь, Марганецька та Покровська громади", "Найбільше
                # постраждали Одеса та Ізмаїл": places named right after it (not "постраждали
                # від повені", "У ДТП постраждали четверо")
                r"(?:постраждал[иа]|пострадал[иа])(?=\s+(?-i:[А-ЯІЇЄҐ]))|знищил\w*|знищен\w*|уничтож\w*|ліквідува\w*|"
                r"вдарил\w*|вдарив|вдарит\w*|авіаудар\w*|нанес\w*\s+поражени\w*|поражен[ыао]?\b|уразил\w*|уражен\w*|поразил\w*|shell\w*|drone\s+attack|missile(?!\s+(?:alerts?|threats?|danger))|bomb\w*|frapp\w*|"
                r"bombard\w*|pilonn\w*|beschoss\w*|beschuss|artilleriebeschuss|luftangriff\w*|удар\w*|обстріл\w*|"
                # (not "Ракетная опасность", "ракетна небезпека": an alert)
                r"обстрел\w*|артобстріл\w*|артобстрел\w*|ракетн\w*+(?!\s+(?:опасност\w*|небезпек\w*|тревог\w*|тривог\w*))|"
                r"raketenangriff\w*|artilleriefeuer|"
                # "скинули авіабомби на", "бьют по", "Герани отработали по"
                r"скину(?:л\w*|в)\s+(?:\w+\s+)?(?:(?:авіа|авиа|кер\w+\s+)?бомб\w*|каб\w*|фаб\w*)|"
                r"сбросил\w*\s+(?:\w+\s+)?(?:(?:авиа)?бомб\w*|каб\w*|фаб\w*)|"
                r"(?:бьют|б['’]ють|били|бив|бил)\s+(?:(?:з|из|с)\s+[\w-]+(?:\s+(?:та|і|и)\s+[\w-]+)?\s+)?по|"
                r"долб\w*|"
                r"(?:выпустил\w*|випустил\w*)\s+(?:\w+\s+){0,3}?по|"
                r"отработал\w*\s+по|відпрацювал\w*\s+по",
            ),
        )
    )
    + ")",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:did\s+not|didn't|failed\s+to|no\s+confirmed|not\s+advanc\w*|n['’]ont\s+pas|"
    r"sans\s+succès|ne\s+sont\s+pas|nicht|keine|kein)\b|(?:\bне\s+|безуспішн|безуспешн)",
    re.IGNORECASE,
)
HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|possibly|likely|unconfirmed|isolated|small\s+groups?|"
    r"infiltrat\w*|prétend\w*|isolé\w*|auraient|aurait|angeblich|vermutlich|"
    r"ймовірно|імовірно|нібито|невеликі\s+групи|вероятно|якобы|небольшие\s+группы)\b",
    re.IGNORECASE,
)

# Who asserts the claim. The last two name forces that speak for themselves ("Les forces
# russes disent ..."): they are claimants only where the sentence has a saying verb.
CLAIMANT_PATTERNS: tuple[tuple[str, str], ...] = tuple(
    (pattern, label)
    for pattern, label in (
        (
            r"russian\s+(?:ministry\s+of\s+defen[cs]e|mod|defen[cs]e\s+ministry)|"
            r"ministère\s+russe\s+de\s+la\s+défense|russische\w*\s+verteidigungsminister\w*|"
            r"міноборони\s+(?:рф|росії)|минобороны(?:\s+(?:рф|россии))?|"
            r"министерство\s+обороны\s+(?:рф|россии)",
            "Russian MoD",
        ),
        (
            r"(?:ukrainian\s+)?general\s+staff|état-major\s+ukrainien|état-major|"
            r"generalstab|генштаб\w*|генеральн\w+\s+штаб\w*",
            "Ukrainian General Staff",
        ),
        (
            r"milblogger\w*|war\s*correspondent|blogueur\w*|militärblogger\w*|"
            r"мілблогер\w*|воєнкор\w*|военкор\w*|милблогер\w*",
            "Russian milblogger",
        ),
        (
            r"\bISW\b|institute\s+for\s+the\s+study\s+of\s+war|think\s+tank|"
            r"institut\s+(?:américain\s+)?(?:pour\s+l['’])?étude\s+de\s+la\s+guerre|"
            r"інститут\s+вивчення\s+війни|институт\s+изучения\s+войны",
            "ISW",
        ),
        (r"deepstate", "DeepState"),
        (
            r"ukrainian\s+(?:military|army|forces|officials|command)|armée\s+ukrainienne|"
            r"forces\s+ukrainiennes|ukrainische\w*\s+(?:armee|militär|streitkräfte)|"
            r"сили\s+оборони|зсу|командуванн\w*",
            "Ukrainian military",
        ),
        (
            r"russian\s+(?:forces|troops|military|sources)|forces\s+russes|troupes\s+russes|"
            r"russische\w*\s+(?:truppen|streitkräfte|armee)|российск\w+\s+(?:войска|силы)|"
            r"вс\s+рф",
            "Russian forces",
        ),
    )
)
# One pattern, a group per claimant (c0, c1 ...), in the priority order above.
CLAIMANT_RE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<c{i}>{pattern})" for i, (pattern, _) in enumerate(CLAIMANT_PATTERNS))
    + ")",
    re.IGNORECASE,
)
SAYS = re.compile(
    r"\b(?:claim\w*|said|says|stated|reported|report|assert\w*|announc\w*|according|"
    r"disent|affirm\w*|revendiqu\w*|annonc\w*|selon|déclar\w*|behaupt\w*|erklärt\w*|"
    r"meldet\w*|berichtet\w*|laut|заяв\w*|повідом\w*|стверджу\w*|сообщ\w*|утвержда\w*|"
    r"по\s+данным|за\s+даними)",
    re.IGNORECASE,
)
# A force named as the claimant speaks for itself only with one of these verbs.
SAID = re.compile(r"claim\w*|said|affirm\w*|disent|заяв\w*|утвержда\w*|behaupt\w*", re.I)


# The adjective that opens a two-word settlement name (Мала, Велика, Нова, Казача, Malaya, ...).
NAME_ADJECTIVE = re.compile(
    r"(?:мал|велик|нов|стар|верхн|нижн|красн|бел|біл|больш|черн|чорн|зелен|золот|казач|козач|"
    r"сух|крив)(?:а|ая|ой|ую|ий|ый|ое|е|у|ої|ій|ого|ому|ей|ья|ью|ьей|ьи|і|и|ые|ие|их|ых|ім|ым|им)"
    r"|(?:mal|velyk|velik|nov|star|verkhn|nyzhn|nizhn|krasn|bil|bel|bolsh|chern|chorn|zelen|"
    r"zolot|kazach|kozach|sukh|kryv|kriv|"
    # German spellings: Welykyj Burluk, Nowa Kachowka, Werchnja Tersa
    r"welyk|welik|now|werchn|nyschn|nischn|tschern|tschorn|selen|solot|kosatsch|kasatsch|"
    r"such|kryw|kriw)(?:a|aya|aia|aja|ya|ia|ja|yi|iy|yy|ij|yj|e|oye|oe|oje|ye|iye|o|i|"
    # French spellings: Malé Chtcherbaky, Velykaïa, Malyïe
    r"é|aïa|ïa|ïé|yïe|iïe|ïe|yje|ije)",
    re.IGNORECASE,
)
# The nouns that close two-word settlement names, never a place alone, in their case forms:
# Часів Яр, Зелений Гай, Вільне Поле.
NAME_HEAD = re.compile(
    r"(?:яр|гай|поле|кут|балка|роги|хутори|хутора|yar|iar|jar|hai|gai|haj|pole)"
    r"(?:а|у|ом|і|е|ю|ем|я|ах|ів|ов|ам|и)?"
    r"|гаю|гая|гаї|гае|гаем|поля|полі|полю|полем|балки|балці|балке|yaru|kut|balka",
    re.IGNORECASE,
)


# The patterns read in the words before a place ("near", "north of", "the region of"): tried
# only where one of their literal prefixes starts (`prefixed`; `re` would try every position
# of the window).
REGION_BEFORE, DIRECTION_OF, SECTOR_BEFORE, NEAR_BEFORE, NEAR_OF, HEDGES = map(
    prefixed, (REGION_BEFORE, DIRECTION_OF, SECTOR_BEFORE, NEAR_BEFORE, NEAR_OF, HEDGES)
)
