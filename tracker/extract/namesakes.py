"""Namesakes a report sets apart: "Riwne, a village east of Pokrowsk — not to be confused with
the city of Riwne", "не путать со Степовым в Запорожской области", "il ne faut pas confondre X,
..., avec X". The words mark the other place of the name and the aside about it, whose places
and region say where that one is, not where the rest of the sentence is; "эту Федоровку" names
the place of that name said before."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tracker.extract.found import Found
from tracker.extract.lexicon import DIRECTION_OF, NEAR_OF
from tracker.extract.prefixed import prefixed


def name_key(mention: Found) -> str:
    """What two mentions share when they bear one name: their best candidate (a name's
    candidates come from one lookup, in one order)."""
    return mention.candidates[0].place.id


# "Dobropillia, a village of the same name as ...", "не путать с Каменкой под Изюмом", "а не
# у Каменки под Изюмом": what follows is another place of the name.
NAMESAKE_WORDS = (
    r"same\s+name\s+as|not\s+(?:to\s+)?be\s+confused|namesake|homonyme|"
    # "à ne pas confondre", "il ne faut pas confondre X avec", "ne doit pas être confondu avec"
    r"ne\s+(?:[^\W\d_]+\s+){0,2}pas\s+(?:être\s+)?confond\w*|"
    r"nicht\s+(?:zu\s+)?verwechseln|gleichnamig|"
    # "Datschne, das nicht mit dem 2024 eroberten Datschne ... verwechselt werden sollte"
    r"nicht\s+mit(?=[^.;:!?]{0,80}verwechsel)|"
    r"не\s+(?:(?:слід|варто|треба|потрібно|следует|стоит|надо|нужно)\s+)?(?:плута\w*|путат\w*)|"
    # "Владимировка под Угледаром ... не имеет отношения к Владимировке у Шахово"
    r"has\s+nothing\s+to\s+do\s+with|n['’]a\s+rien\s+à\s+voir|nichts\s+zu\s+tun|"
    r"не\s+має\s+(?:жодного\s+)?(?:стосунку|відношення)|не\s+имеет\s+(?:никакого\s+)?отношения|"
    r"тезк\w*|т[её]зок|однойменн\w*|одноим[её]нн\w*|"
    # "которое часто путают с Покровским", "often confused with"
    r"(?:путают|плутають)\s+(?:с|со|з|із)|(?:often|commonly)\s+confused\s+with|"
    r"souvent\s+confondu\w*\s+avec|oft\s+verwechselt|"
    # "- not the Uspenivka near Andriivka", "— не та Новоселівка, що під Покровськом", "(not
    # the Uspenivka west of Polohy)"
    # ("— не к той Катериновке, что под Угледаром": a preposition may stand between)
    r"[—–,(-]\s*(?:not\s+the|не\s+(?:(?:к|до|в|у|на|с|з|под|під|біля)\s+)?"
    r"(?:та|ту|той|те|тот|того|тому|тієї|тій))\s+(?=(?-i:[A-ZА-ЯІЇЄҐ]))"
    # (not "(not the Pokrovsk axis but the Lyman one)": a direction, no namesake)
    r"(?![\w'’-]+\s+(?:axis|direction|front|sector|напрям\w*|направлени\w*))|"
    # "Это не та Константиновка, что в ДНР.", "Це не те Зарічне": a sentence of its own
    # (with where the other one is: not "Это не тот Херсон, что был раньше")
    r"(?<!\w)(?-i:Это|Це)\s+не\s+(?:та|тот|те|той|ту|то)\s+(?=(?-i:[А-ЯІЇЄҐ])[\w'’-]+"
    r"(?:\s+(?-i:[А-ЯІЇЄҐ])[\w'’-]+)?,?\s+(?:(?:что|що|яка|який|яке|которая|который|которое)\s+)?"
    r"(?:в|у|на|под|під|біля|возле|около|близ|поблизу)\s)|"
    # "у Катериновки — это не Катериновка у Угледара", "— this is not the Katerynivka near"
    r"[—–,(-]\s*(?:это|це|this\s+is|that\s+is|c['’]est|ce\s+n['’]est|das\s+ist)\s+"
    r"(?:не|not|pas|nicht)\s+(?:the\s+|la\s+|le\s+|das\s+|die\s+|der\s+)?"
    # (the name and where that one lies: not "— this is not Russia's first attack on X")
    r"(?=(?-i:[A-ZА-ЯІЇЄҐ])[\w-]+\s+(?:(?:у|в|на|под|під|біля|возле|около|близ|near|by|in|"
    r"on|outside|bei|nahe|im|près|à|dans|sur|west|east|north|south)(?!\w)|"
    r"(?:nord|süd|sud|west|ost|півн|півд|захід|схід|север|юж|запад|восто)\w*\s))|"
    # "not the museum town of Zolochiv in Lviv Oblast", "села на Запоріжжі, не міста на
    # Донеччині": the other place of the name is the town (or the village)
    # (set off by a dash or comma: "elles ne contrôlent pas la ville de Pokrovsk", "but not the
    # town of X itself" deny something of the place itself)
    r"[—–,(-]\s*(?:(?:but|mais|aber|а|але|но)\s+)?"
    # ("..., not the one in Zaporizhzhia Oblast", "et non celui de la région de Donetsk"; at
    # worst "a bridge near X, not the one near Y" refuses X, never moves it)
    r"(?:not\s+the\s+(?:[a-z-]+\s+)?(?:town|city|village|ones?)|"
    r"(?:et\s+)?non\s+(?:pas\s+)?(?:cel(?:ui|le)s?|ceux)|"
    r"(?:pas|non)\s+(?:la\s+(?:[\w-]+\s+)?ville|le\s+(?:[\w-]+\s+)?village)|"
    # ("nicht die Bahnstadt Losowa", "nicht der Großstadt", "nicht das Nachbardorf")
    r"nicht\s+(?:(?:die|der|den)\s+[\w-]*[Ss]tadt|(?:das|dem)\s+[\w-]*[Dd]orf)|"
    r"не\s+(?:(?:та|ту|той|те|тот|того|тієї|тій)\s+)?(?:міст[оа]|сел[оа]|селище|город[а]?|деревн[яи]|"
    r"райцентр[а]?|районн(?:ий|ый)\s+центр))(?!\w)"
)
# The words of an aside about a namesake (not a bare "а не", "and not", which join clauses)
_ASIDE_WORDS = re.compile(NAMESAKE_WORDS, re.IGNORECASE)
NAMESAKE_APART = re.compile(
    NAMESAKE_WORDS + r"|(?<!\w)(?:а\s+не|and\s+not|et\s+non)(?!\w)", re.IGNORECASE
)


# "Інша Новоселівка, біля Межової, ...": another place of the name just said (the adjective
# agrees with the name it stands right before; "другие", "another Russian assault" are not it).
_ANOTHER = re.compile(
    r"(?<!\w)(?:[Іі]нш(?:а|ий|е|у|ої|ій|ого|ому|им)|[Дд]руг(?:ая|ой|ое|ую|ого|ом))\s+(?=[А-ЯІЇЄҐ])"
)
# Words that set a namesake apart only when the text then says where it is ("речь не о
# Новоселовке у Новобахмутовки", "the other Pavlivka near Lukianivske"): without that they
# deny or contrast something of the place itself ("Речь не о сдаче Покровска", "the other
# Pokrovsk sector villages").
_WEAK_APART = re.compile(
    r"(?<!\w)(?i:речь\s+не\s+(?:идёт\s+|идет\s+)?о|не\s+йдеться\s+про|йдеться\s+не\s+про|"
    r"il\s+ne\s+s['’]agit\s+pas\s+d(?:e|u|es)?|the\s+other|l['’]autre|"
    # "une autre Uspenivka, à une cinquantaine de kilomètres au sud de Polohy"
    r"une?\s+autre|another|a\s+different|eine?[nmrs]?\s+anderen?|"
    r"(?:das|dem|den|die|der)\s+anderen?|"
    # "есть еще Малиновка к югу, у Черниговки", "there is also a Pavlivka near Y"
    # (and its kind: "є ще селище Південне під Харковом", "there is also a village Pavlivka")
    r"(?:(?:есть|є|существует|існує)\s+(?:ещ[её]|ще|также|також)\s+(?:одна\s+|одно\s+|один\s+)?|"
    r"there\s+is\s+also\s+(?:a|another)|il\s+y\s+a\s+aussi\s+une?|"
    r"es\s+gibt\s+(?:auch\s+)?noch\s+ein(?:e|en)?)"
    r"(?:\s*(?:селище|село|місто|посёлок|поселок|село|деревня|город|village|town|hamlet|"
    r"localité|ville|Dorf|Ort|Stadt))?)\s*(?=[A-ZА-ЯІЇЄҐ])"
)


_COPULA = re.compile(
    r"(?<!\w)(?:це|это|this\s+is|it\s+is|c['’]est|das\s+ist|es\s+ist)\s+$", re.IGNORECASE
)


def _after_copula(text: str, position: int) -> bool:
    return _COPULA.search(text, max(0, position - 16), position) is not None


def mark_namesakes(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """ "Riwne, einem Dorf östlich von Pokrowsk — nicht zu verwechseln mit der Großstadt
    Riwne", "у Каменки на границе с Луганской, а не у Каменки под Изюмом", "Інша
    Новоселівка": the first place named after such words, when it bears a name said before,
    is another place than the one said before."""
    apart = [m.end() for m in NAMESAKE_APART.finditer(text)]
    # (not "X — це інша X, а не місто ...", "Это другое Доброполье, село ...": the name said
    # again is the one before, which the text sets apart from a better-known namesake)
    another = {m.end() for m in _ANOTHER.finditer(text) if not _after_copula(text, m.start())}
    weak = {m.end() for m in _WEAK_APART.finditer(text) if not _after_copula(text, m.start())}
    apart = sorted({*apart, *another, *weak})
    if not apart:
        return
    places = [m for m in found if not m.is_region and m.candidates]
    starts = [m.start for m in places]
    for position in apart:
        at = bisect_left(starts, position)
        if at == len(places) or places[at].start - position > _NAMESAKE_REACH:
            continue
        between = text[position : places[at].start]
        if any(mark in between for mark in ",.;:()") or (
            (position in another or position in weak) and between.strip()
        ):
            # "Un autre Myrne, au sud-ouest de X": Myrne is the other one, not X; "another
            # Russian attack on Andriivka" is no other Andriivka
            continue
        later = places[at]
        if DIRECTION_OF.search(text, position, later.start) or NEAR_OF.search(
            text, position, later.start
        ):
            # "nicht das gleichnamige Dorf südöstlich von Synelnykowe": the namesake is the
            # village the words name; the place after them locates it
            continue
        if position in weak and not _located_itself(text, later):
            continue  # "Речь не о сдаче Покровска": a denial about the place said before
        key = name_key(later)
        earlier = next((m for m in places[:at] if name_key(m) == key), None)
        if earlier is None:
            # a name of the same places in another form ("Покровское ... — не путать с
            # Покровском —": Pokrovsk, whose instrumental a village Pokrovske shares)
            readings = {c.place.id for c in later.candidates}
            earlier = next(
                (
                    m
                    for m in reversed(places[:at])
                    if m.sentence == later.sentence
                    and any(c.place.id in readings for c in m.candidates)
                ),
                None,
            )
        swapped = earlier is None
        if swapped:
            # "il ne faut pas confondre Kamianské, village ..., avec la ville de Kamianské":
            # the words stand before the first; the name said again later is the other one
            earlier, later = later, _said_again_after(places, at)
        if earlier is None or later is None:
            continue
        later.namesake_of = earlier
        later.aside_end = _aside_end(text, later.end, sentences[later.sentence][1])
        if swapped:
            # the words about the other one begin with it ("..., avec la ville de X")
            low = bisect_left(starts, later.start)
            for mention in places[low : bisect_left(starts, later.aside_end)]:
                mention.aside = later.start


def _located_itself(text: str, mention: Found) -> bool:
    """Whether the text says where a mention is: a cue's anchor, a region stated after it, or
    a place it is by ("о Новоселовке у Новобахмутовки")."""
    return (
        mention.anchor is not None
        or (mention.region is not None and mention.region.start > mention.start)
        or bool(_BY_A_PLACE.match(text, mention.end))
        # ("l'autre Pavlivka de l'oblast, au nord-est de Houliaïpole")
        or bool(_DIRECTION_AFTER.match(text, mention.end))
        # ("не про Микільське на Бериславщині": a town's surroundings)
        or bool(_SURROUNDINGS_AFTER.match(text, mention.end))
    )


_SURROUNDINGS_AFTER = re.compile(r"\s+(?:на|в|у)\s+[А-ЯІЇЄҐ][\w'’]*щин[іиеу](?!\w)")


_DIRECTION_AFTER = re.compile(
    r"[^.;:!?]{0,30}?(?:north|south|east|west|nord|sud|est|ouest|nördlich|südlich|östlich|"
    r"westlich|північ|півден|схід|захід|север|юг|восто|запад)[\w-]*\s+(?:of|de|d['’]|von|від|от)"
    r"(?!\w)",
    re.IGNORECASE,
)


_BY_A_PLACE = re.compile(
    # ("есть еще Малиновка к югу, у Черниговки": a bare side of the country first)
    r"(?:\s+(?:к|на)\s+(?:север|юг|запад|восток|північ|південь|захід|схід)\w*|"
    r"\s+(?:further\s+|to\s+the\s+)?(?:north|south|east|west)|"
    r"\s+(?:plus\s+)?au\s+(?:nord|sud|est|ouest))?"
    r"\s*,?\s+(?:у|под|возле|около|біля|під|поблизу|near|by|close\s+to|près\s+de|bei|nahe)\s+"
    r"(?-i:[A-ZА-ЯІЇЄҐ])",
    re.IGNORECASE,
)


def _said_again_after(places: list[Found], at: int) -> Found | None:
    """The next mention of places[at]'s name in its sentence — the name itself, not another
    name of the place ("Покровском (Красноармейском)")."""
    first = places[at]
    return next(
        (
            m
            for m in places[at + 1 :]
            if m.sentence == first.sentence
            and name_key(m) == name_key(first)
            and m.text[:4].lower() == first.text[:4].lower()
        ),
        None,
    )


def _aside_end(text: str, start: int, limit: int) -> int:
    """Where the words about a namesake end: a dash, ";", a bracket, ", and ...", or `limit`
    (the sentence's end)."""
    closing = _ASIDE_END.search(text, start, limit)
    return closing.start() if closing else limit


def mark_asides(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """The places named in the words about a namesake set apart, up to a dash or the end of
    the sentence ("Северск — не путать с одноимённым городом в Томской области — ...")."""
    starts = [m.start for m in found]
    for start, end in aside_spans(text, sentences, found):
        for mention in found[bisect_left(starts, start) : bisect_left(starts, end)]:
            mention.aside = start


def aside_spans(
    text: str, sentences: list[tuple[int, int]], found: list[Found]
) -> list[tuple[int, int]]:
    """Where the words about a namesake set apart start and end (a mention's `aside` is the
    start of the one it lies in)."""
    ends = [end for _, end in sentences]
    spans = []
    for words in _ASIDE_WORDS.finditer(text):
        if _names_this_one(text, words, found):
            continue
        number = bisect_right(ends, words.start())
        end = _aside_end(text, words.end(), ends[number] if number < len(ends) else len(text))
        spans.append((words.start(), end))
    return spans


# A demonstrative right before a name: the place just said ("эту Федоровку не следует путать
# с ...", "cette Fedorivka", "ce Katerynivka", "diese Iwaniwka"), not "this week" or "это
# Федоровка" (a copula).
_THIS = re.compile(
    r"(?<!\w)(?:this|cette|ce|cet|ladite|ledit|diese[mnrs]?|besagte[mnrs]?|ця|цю|цієї|цей|"
    r"цього|цьому|цим|цією|эта|эту|этой|этот|этого|этом|этим)\s+(?=(?-i:[A-ZА-ЯІЇЄҐ]))",
    re.IGNORECASE,
)
# ... or words right after it, with an article before: "la Fedorivka en question", "the
# Fedorivka in question" (not "Kamianka in question", doubtful)
_IN_QUESTION = re.compile(r"\s+(?:en|in)\s+question\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:the|la|le|l['’])\s*$", re.IGNORECASE)


def mark_said_again(text: str, found: list[Found]) -> None:
    """ "освободила Федоровку под Северском; эту Федоровку не следует путать с ...": a name
    after a demonstrative is the place of that name the text named before."""
    places = [m for m in found if not m.is_region and m.candidates]
    starts = [m.start for m in places]
    for match in _THIS.finditer(text):
        at = bisect_left(starts, match.end())
        if at < len(places) and places[at].start == match.end():
            _same_as_before(places, at)
    for at, place in enumerate(places):
        if _IN_QUESTION.match(text, place.end) and _ARTICLE_BEFORE.search(
            text, max(0, place.start - 4), place.start
        ):
            _same_as_before(places, at)


def _same_as_before(places: list[Found], at: int) -> None:
    key = name_key(places[at])
    places[at].same_as = next((m for m in reversed(places[:at]) if name_key(m) == key), None)


# "das gleichnamige Kamjanske liegt im Niemandsland", "однойменне село Кам'янське": the
# adjective names the place the sentence is about (the lesser-known bearer of a famous name),
# not another one beside it: no aside ("nicht das gleichnamige Dorf …" stays one)
_NAMES_THIS_ONE = re.compile(
    r"(?:gleichnamig\w*|однойменн\w*|одноим[её]нн\w*|homonyme|same-named)\s+"
    r"(?:(?:Dorf|Ort|село|селище|деревня|посёлок|поселок|village)\s+)?",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r"(?<!\w)(?:nicht|не|not|pas|non|ne|kein\w*|nothing|nichts|rien)(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)


def _names_this_one(text: str, words: re.Match, found: list[Found]) -> bool:
    """Whether namesake words are an adjective naming the place right after them, whose
    name no place said before bears, with no negation before them."""
    adjective = _NAMES_THIS_ONE.match(text, words.start())
    if adjective is None or _DENIED.search(text, max(0, words.start() - 24), words.start()):
        return False
    named = next((m for m in found if m.start == adjective.end()), None)
    return (
        named is not None
        and not named.is_region
        and bool(named.candidates)
        and not any(
            m.candidates and not m.is_region and name_key(m) == name_key(named)
            for m in found
            if m.start < named.start
        )
    )


# (", and attacked toward X": the report goes on; "— не та X, что у Y": still the aside)
_ASIDE_END = re.compile(
    r"[—–;()]|\s--?\s|,\s+(?:and|et|und|і|та|и|while|but|mais|aber|але|но)\s", re.IGNORECASE
)
# How far after the words the other place is named ("not to be confused with the big city of")
_NAMESAKE_REACH = 40


def describes_namesake(text: str, apart: list[int], region: Found) -> bool:
    """Whether a region is said of a namesake set apart ("не путать со Степовым в Запорожской
    области", "not the Donetsk Oblast city of X"): namesake words shortly before it, in its
    clause."""
    at = bisect_left(apart, region.start - _NAMESAKE_REACH)
    return (
        at < len(apart)
        and apart[at] < region.start
        and not any(mark in text[apart[at] : region.start] for mark in ",.;:()")
    )


# Tried only where one of their literal prefixes starts (they scan every whole report).
NAMESAKE_APART = prefixed(NAMESAKE_APART)
_ASIDE_WORDS = prefixed(_ASIDE_WORDS)
_THIS = prefixed(_THIS)
_ANOTHER = prefixed(_ANOTHER)
_WEAK_APART = prefixed(_WEAK_APART)
