"""Finding the place names of a report: runs of capitalised words (up to four, with a region
word such as "Oblast" or "область" allowed inside) are looked up in the gazetteer, longest
first. Words that are never places alone (people, months, institutions, demonyms, ordinary
words that are also village names) are skipped unless the context insists; a name the
gazetteer lacks is kept where the sentence puts a place ("seized Sukhetske")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from tracker.case_forms import ADJECTIVE_CASE
from tracker.extract import abroad
from tracker.extract.claim_lexicon import GROUPINGS, dateline_end
from tracker.extract.found import Found
from tracker.extract.lexicon import (
    DIRECTION_OF,
    FUNCTION_WORDS,
    MEDIA_WORDS,
    NAME_ADJECTIVE,
    NAME_HEAD,
    RANKS,
    REGION_AFTER,
    REGION_BEFORE,
    REGION_BEFORE_HINTS,
    SECTOR_AFTER,
    SECTOR_AFTER_STARTS,
    TITLES,
    UNIT_AFTER,
    UNIT_WORD,
    elided_sector,
)
from tracker.extract.not_places import ADMIN_OR_RIVER_AFTER
from tracker.extract.place_lookup import PlaceLookup
from tracker.extract.region_lists import may_list_regions, region_list_spans, region_named
from tracker.extract.stopwords import is_given_name, stop_kind
from tracker.extract.text import QUOTES_OPEN, Token, previous_word, quoted, token_end
from tracker.gazetteer import EU_NEIGHBOURS, Candidate, MatchReason
from tracker.model import PlaceKind
from tracker.names import RUSSIAN_ONLY_LETTERS, UKRAINIAN_ONLY_LETTERS, has_cyrillic

MAX_WORDS = 4
LOCATIVE_BEFORE = (
    " in ",
    " near ",
    " at ",
    " bei ",
    " in der ",
    " у ",
    " в ",
    " біля ",
    " під ",
    " около ",
    " под ",
    " près de ",
    " à ",
    " dans ",
    # "Село Надія", "the village of Peremoha": a village word names the word after it
    " село ",
    " села ",
    " селі ",
    " селище ",
    " селища ",
    " поселок ",
    " посёлок ",
    " village of ",
    " village de ",
    " village d'",
    " villages of ",
    " villages de ",
    " villages d'",
    " dorf ",
    " dörfer ",
)


def _upper_class() -> str:
    """A regex character class body of the upper-case letters of the Basic Multilingual
    Plane, as ranges."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# An English possessive at the end of a word of a run: "Kyiv's", "Kherson’s".
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s$")
_LETTER = r"[^\W\d_]"
_WORD_REST = rf"(?:{_LETTER}|['’ʼ`](?={_LETTER})|-(?={_LETTER}))*"  # as text.tokens reads words
_UPPER = _upper_class()
_EX_PREFIX = r"(?<=(?<!\w)[eE]x-.)|(?<=(?<!\w)[еЕэЭ]кс-.)"
_REGION_WORDS = "|".join(sorted((w for w in REGION_AFTER if "'" not in w), key=len, reverse=True))
# A capitalised word at the start of a word (not after a letter, "letter-" or "letterʼ"), then
# up to three more words, each after one space or a hard line wrap ("Velyka\nNovosilka"):
# capitalised, or a region word ("Sumy oblast").
CAPITAL_RUN = re.compile(
    # ("ex-Dimitrov", "екс-Дзержинськ": a former name after "ex-" starts a word)
    rf"[{_UPPER}](?<!{_LETTER}.)(?:{_EX_PREFIX}|(?<!{_LETTER}-.))(?<!{_LETTER}[ʼ`].){_WORD_REST}"
    rf"(?:[ \u00a0\n](?:[{_UPPER}]{_WORD_REST}|(?i:{_REGION_WORDS})(?!{_LETTER}|['’ʼ`-]{_LETTER}))"
    rf"){{0,{MAX_WORDS - 1}}}"
)
_RUN_WORD = re.compile("[^ \u00a0\n]+")
# A surname's nominative after a Cyrillic title ("Губернатор Гладков", "мэр Терехов"): a
# place after a title is in the genitive ("мер Харкова"), which never ends so.
_SURNAME_FORM = re.compile(r"(?:ов|ев|ёв|єв|ин|ін|їн|енко|ук|юк|чук)$")
_ELISIONS = frozenset({"d", "l", "n", "j", "m", "s", "t", "c", "qu"})


def _in_dateline(text: str, sentence_start: int, at: int) -> bool:
    """Whether `at` lies in the dateline opening its sentence ("BERLIN/KIEW (dpa) -")."""
    end = dateline_end(text, sentence_start)
    return end is not None and at < end


def _elision_start(text: str, first: int) -> bool:
    """Whether the capital at `first`, after an apostrophe, begins a word once a French
    elision is set aside ("d'Avdiivka", not "aujourd'Hui")."""
    letters = first - 1
    while letters > 0 and text[letters - 1].isalpha():
        letters -= 1
    if text[letters : first - 1].lower() not in _ELISIONS:
        return False
    before = text[letters - 1 : letters]
    return not (before in "'’ʼ`-" and before and letters >= 2 and text[letters - 2].isalpha())


_BORDER_PREFIX = re.compile(r"border|boundary|grenze", re.IGNORECASE)


def _may_follow_region_word(text: str, first: int, sentence_start: int) -> bool:
    """Cheap test before REGION_BEFORE: what precedes ends like "de", "d'", "Oblast"."""
    before = text[first - 2 : first] if first >= 2 else ""
    if not (
        before[-1:] in ("'", "’")
        or (before[-1:].isspace() and (before[0] in "eatnkhfurmEATNKHFURM" or before[0].isspace()))
    ):
        return False
    tail = text[max(sentence_start, first - 12) : first].rstrip().lower()
    return tail.endswith(_REGION_WORD_TAILS)


_REGION_WORD_TAILS = (
    *("de", "d'", "d’", "la", "l'", "l’", "oblast", "gebiet", "region", "bezirk"),
    *("with", "of", "the", "zu", "zum", "zur", "mit", "dem"),  # "regional border with X"
)


# What joins the last item of a list to the one before: ", ", " and ", " і ", ", та ".
_GLUE = r"(?:,\s*(?:(?:and|et|und|та|і|й|и)\s+)?|\s+(?:and|et|und|та|і|й|и)\s+)"
_GLUE_BEFORE = re.compile(_GLUE + "$", re.IGNORECASE)
# What follows an item of a list: punctuation, its end, or the next item's "and" or "in".
_LIST_ITEM_END = re.compile(
    r"\s*(?:[.,;:!?)»”\"]|$|(?i:and|et|und|та|і|й|и|or|ou|oder|in|у|в|near|bei|près)(?!\w)|"
    rf"[{_UPPER}])"
)

# The compass adjectives that name operational directions ("Південний напрямок",
# "Южное направление"), not a town's.
COMPASS_ADJECTIVE = re.compile(
    r"(?:півден|північ|східн|західн|южн|северн|восточн|западн)[а-яіїєґ]*$", re.IGNORECASE
)


# Region adjectives sharing one plural region word: "Брянской, Курской и Белгородской
# областей", "Сумській та Харківській областях".
_SHARED_REGION_WORD = re.compile(
    r"(?:[А-ЯІЇЄҐ][\w'’-]++\s*+,\s*+){0,8}[А-ЯІЇЄҐ][\w'’-]++(?:\s++(?:и|і|та|й)\s++|\s*+,\s*+)"
    r"[А-ЯІЇЄҐ][\w'’-]++\s++"
    r"(?P<word>областей|областях|областями|областям|областю)(?!\w)"
)
_CAPITALISED = re.compile(r"[А-ЯІЇЄҐ][\w'’-]+")


# The word of an administrative unit, capitalised after its name ("Volnovakha Raion").
_UNIT_OF_LAND = re.compile(
    r"raion|rayon|rajon|raïon|oblast|hromada|district|region|province|krai|kreis|bezirk",
    re.IGNORECASE,
)
# Cities whose name after "на" in the locative is their oblast's ("на Запоріжжі"); the
# others have a -щина name of their own (на Харківщині), which the gazetteer knows.
REGION_BY_LOCATIVE = {"запоріжжі": "Запорізька область"}
# An adjective's ending before a name's noun (Vysokiy, Krutoy, Sukhyi, Крутой, Новой): the
# pair is one name.
_MASCULINE_ADJECTIVE = re.compile(r"(?:iy|yi|yy|oy|yj|ij|yï|iï|oï|ий|ый|ой|ій)$", re.IGNORECASE)


# A direction's adjective in lower case after "на" ("на купянском направлении"): only the
# directions the General Staff and the Russian MoD name after a town (an adjective in lower
# case is as often a sea's, a country's or an ordinary word's: "на азовському", "на польському",
# "на заводском участке"; "на гуляйпольском участке" is a front's sector. An oblast's front, "на
# курском направлении", is no point at its city).
_LOWERCASE_DIRECTION_GATE = re.compile(r"направлени|напрям|участк|ділянц")
_LOWERCASE_DIRECTION = re.compile(
    r"(?<![\w-])[Нн]а\s+("
    r"(?:куп['’]?янськ|купянск|лиманськ|лиманск|сіверськ|северск|"
    r"краматорськ|краматорск|костянтинівськ|константиновск|торецьк|торецк|покровськ|покровск|"
    r"красноармійськ|красноармейск|добропільськ|добропольск|новопавлівськ|новопавловск|"
    r"олександрівськ|александровск|гуляйпільськ|гуляйпольск|оріхівськ|ореховск|"
    r"степногірськ|степногорск|курахівськ|кураховск|времівськ|времевск|вугледарськ|угледарск|"
    r"бахмутськ|бахмутск|часовоярськ|часовоярск|авдіївськ|авдеевск|шахтарськ|шахтерск|"
    r"вовчанськ|волчанск|сватівськ|сватовск|кремінськ|кременск|придніпровськ|приднепровск)"
    r"(?:ому|ом))"
    r"(?=[ \u00a0]+(?:направлени|напрям|участк|ділянц))"
)


class NameFinder:
    """Finds the names of one report after another; remembers each distinct run of words."""

    def __init__(self, places: PlaceLookup) -> None:
        self.places = places
        # Runs of capitalised words as written -> what _analyse_run found, and whether the run
        # is inert (per name, not per text: the same few thousand words recur in every report).
        self._runs: dict[str, tuple[int, int, list[Candidate], list[Candidate], int, bool]] = {}
        self._generation = places.generation

    def find(self, text: str, sentences: list[tuple[int, int]]) -> list[Found]:
        """Runs of capitalised words, found by one regex per sentence (C speed); each distinct
        run is analysed once (longest gazetteer match first) and remembered."""
        found: list[Found] = []
        unordered = False  # regions found ahead of the sentence's other names
        search = CAPITAL_RUN.search
        runs = self._runs
        if self._generation != self.places.generation:
            runs.clear()  # its candidate lists are no longer the lookup's
            self._generation = self.places.generation
        # (a report without the letters of a region word lists no regions in any sentence)
        regions_shared = may_list_regions(text) or "област" in text
        for number, (start, end) in enumerate(sentences):
            position = start
            shared = self._shared_region_word(text, start, end, number) if regions_shared else []
            covered = shared[-1].end if shared else -1
            next_shared = 0
            if shared:
                found.extend(shared)
                unordered = True
            while True:
                match = search(text, position, end)
                if match is None:
                    break
                first = match.start()
                while next_shared < len(shared) and shared[next_shared].end <= first:
                    next_shared += 1
                if first < covered and next_shared < len(shared):
                    region = shared[next_shared]
                    if region.start <= first:
                        position = region.end
                        continue
                run = match.group()
                if (
                    len(run) <= 5
                    and run.isupper()
                    and (
                        first == start
                        or (text[first - 1] == "/" and _in_dateline(text, start, first))
                    )
                ):
                    dateline = self._dateline(text, start, first, run, number)
                    if dateline is not None:  # "SUMY (Reuters) -", "KIEW (dpa) -"
                        found.append(dateline)
                        position = dateline.end
                        continue
                if (
                    first >= 2
                    and text[first - 1] in "'’"
                    and not _elision_start(text, first)
                    and not self._old_name_in_single_quotes(text, first, match.group())
                ):
                    position = token_end(text, first, end)
                    continue
                analysed = runs.get(run)
                if analysed is None:
                    analysed = self._analysed(run)
                    if len(runs) > 200_000:
                        runs.clear()  # the lists it holds stay in _lookups
                    runs[run] = analysed
                first_end, multi_end, candidates, first_candidates, abroad_end, inert = analysed
                # (no word before a sentence's first: no title)
                title = (
                    previous_word(text, first, start).lower()
                    if first > start and not multi_end
                    else ""
                )
                if (
                    title in TITLES
                    and (not has_cyrillic(title) or _SURNAME_FORM.search(run.split(None, 1)[0]))
                ) or title in RANKS:
                    # "governor Syniehubov", "le maire Ivan Fedorov": a person, two words at
                    # most. (After a Cyrillic title a place may follow in the genitive, "мер
                    # Харкова Ігор Терехов": there the given-name rule finds the person.)
                    ends = [m.end() for m in _RUN_WORD.finditer(run)]
                    position = first + ends[min(1, len(ends) - 1)]
                    continue
                if abroad_end:
                    # "talks in Geneva", "à Berlin": a city the gazetteer does not cover.
                    position = first + abroad_end
                    word = run[:abroad_end]
                    if not quoted(text, Token(word, first, position)):
                        found.append(
                            Found(
                                first, position, word, number, self.places.lookup(word), abroad=True
                            )
                        )
                    continue
                if _may_follow_region_word(text, first, start):
                    hit = self._prefixed_match(text, first, run, start)
                    if hit is not None:
                        span_start, span_end, candidates = hit
                        found.append(
                            Found(
                                span_start, span_end, text[span_start:span_end], number, candidates
                            )
                        )
                        position = span_end
                        continue
                joined = (
                    _JOINED_NAME.match(text, first + len(run))
                    if not multi_end and text.startswith((" am ", " on "), first + len(run))
                    else None
                )
                if joined:
                    # "Rostow am Don", "Rostov on Don": one name with a small word inside
                    whole = text[first : joined.end()]
                    candidates = self.places.lookup(whole)
                    if candidates:
                        found.append(Found(first, joined.end(), whole, number, candidates))
                        position = joined.end()
                        continue
                if (
                    not multi_end
                    and " " in run
                    and run[: run.index(" ")].endswith(_RUSSIAN_ADJECTIVE_ENDINGS)
                ):
                    pair_end = self._russian_adjective_pair(run)
                    if pair_end:
                        # "Stepnaya Novoselovka": a two-word name in a Russian form the
                        # gazetteer lacks (Stepova Novoselivka), not "Stepnaya" and another name
                        position = first + pair_end
                        found.append(
                            Found(first, position, text[first:position], number, [], unknown=True)
                        )
                        continue
                if multi_end:
                    span_end = first + multi_end
                    found.append(Found(first, span_end, text[first:span_end], number, candidates))
                    position = span_end
                    continue
                position = first + first_end
                word = run[:first_end]
                sector_word = text.startswith(SECTOR_AFTER_STARTS, position) and bool(
                    SECTOR_AFTER.match(text, position)
                )
                if sector_word and COMPASS_ADJECTIVE.match(word):
                    continue  # "на Південному напрямку": the Southern direction, no town's
                direction = sector_word or elided_sector(text, first, position)
                if inert:
                    # a word that is no place as written, whatever surrounds it: only a
                    # direction named after it may still be one
                    if direction:
                        sector = self.places.sector_candidates(word, [])
                        if sector:
                            found.append(Found(first, position, word, number, sector))
                    continue
                if first_candidates and not direction:
                    # "біля Покровського" declines Покровське, never Покровськ ("на
                    # Покровському напрямку" is the town's direction: kept)
                    first_candidates = self.places.adjective_forms(word, first_candidates)
                    if (
                        _NOUN_CASE.search(word)
                        and not ADJECTIVE_CASE.search(word)
                        and _spelled_in_ukrainian(text, start, end)
                    ):
                        # "у Львові": Lviv; Ukrainian declines the village Львове as an
                        # adjective (у Львовому)
                        first_candidates = self.places.noun_forms(word, first_candidates)
                if first_candidates and word.isupper():
                    # A headline in capitals ("ЩО ВІДОМО ПРО БОЇ"): its ordinary words are
                    # capitals too; only a place in the war's theatre is read as one (or a
                    # dateline's large city: "ЛИПЕЦК, 2 марта.")
                    first_candidates = (
                        self._dateline_candidates(word, first_candidates)
                        if first == start and dateline_end(text, start) is not None
                        else self.places.in_theatre(word, first_candidates)
                    )
                region_name = REGION_BY_LOCATIVE.get(word.lower())
                if region_name and previous_word(text, first, start).lower() == "на":
                    # "Новоселівку на Запоріжжі": "на" + the locative names the oblast ("у
                    # Запоріжжі" is the city)
                    first_candidates = self.places.lookup(region_name)
                if first_candidates and self._may_stand_alone(
                    text, Token(word, first, position), start, first_candidates
                ):
                    found.append(Found(first, position, word, number, first_candidates))
                elif "-" in word and not any(
                    UNIT_WORD.fullmatch(piece) for piece in word.split("-")
                ):
                    # "the Pokrovsk-Myrnohrad agglomeration": each part may be a place — when
                    # every part is one: "Николаево-Дарьино" is one village the gazetteer
                    # lacks, not Mykolaiv.
                    parts = [p for p in _hyphen_parts(Token(word, first, position)) if p.text]
                    if all(p.capitalised for p in parts) and self._all_places(parts):
                        found.extend(
                            Found(p.start, p.end, p.text, number, self.places.lookup(p.text))
                            for p in parts
                            if self._may_stand_alone(text, p, start)
                        )
                        continue
                if not first_candidates and direction:
                    # "На Оріхівському напрямку": the direction's town, from the adjective's base
                    sector = self.places.sector_candidates(word, [])
                    if sector:
                        found.append(Found(first, position, word, number, sector))
                        continue
                if not first_candidates:
                    # (not "near Andriivka, Ukraine's military said": a possessive)
                    listed = (
                        bool(found)
                        and not _POSSESSIVE.search(run)
                        and _listed_after_place(text, found[-1], number, start, first)
                    )
                    unknown_end = _unknown_place(text, first, run, start, end, listed)
                    if unknown_end:
                        found.append(
                            Found(
                                first,
                                unknown_end,
                                text[first:unknown_end],
                                number,
                                [],
                                unknown=True,
                            )
                        )
                        position = max(position, unknown_end)
        lowercase = self._lowercase_directions(text, sentences)
        if lowercase:
            found.extend(lowercase)
            unordered = True
        return sorted(found, key=lambda f: f.start) if unordered else found

    def _lowercase_directions(self, text: str, sentences: list[tuple[int, int]]) -> list[Found]:
        """ "на гуляйпольском направлении": Russian (and at times Ukrainian) writes a
        direction's adjective in lower case; it is the town's direction all the same."""
        if not _LOWERCASE_DIRECTION_GATE.search(text):
            return []
        starts = [start for start, _ in sentences]
        found = []
        for match in _LOWERCASE_DIRECTION.finditer(text):
            word = match.group(1).capitalize()
            # (read as the capitalised adjective is: its own matches, then its base's)
            sector = self.places.sector_candidates(word, self.places.lookup(word))
            if sector:
                number = max(bisect_right(starts, match.start(1)) - 1, 0)
                start, end = match.span(1)
                found.append(Found(start, end, text[start:end], number, sector))
        return found

    def _old_name_in_single_quotes(self, text: str, first: int, run: str) -> bool:
        """ "the Soviet-era names 'Dzerzhinsk' and 'Artemovsk'": a town's old name opening a
        single quote (no letter before the mark), which a group's quoted name is not ('Vostok')."""
        if text[first - 2].isalpha():
            return False
        word = run[: _RUN_WORD.match(run).end()] if _RUN_WORD.match(run) else run
        return any(_former_town(word, c) for c in self.places.lookup(word))

    def _town_in_capitals(self, word: str) -> bool:
        """A short word in capitals that is a town's own name ("‼️ SUMY:", "ЛИМАН.", "in
        ODESA"), or a case of it in Cyrillic ("ВИБУХИ В ОДЕСІ"): the town, not an acronym (no
        town shares its letters with ZSU, ISW, NATO)."""
        inflected = len(word) >= 4 and has_cyrillic(word)
        return any(
            c.place.kind != PlaceKind.REGION
            and c.place.population >= CAPITALS_TOWN_POPULATION
            and (
                c.reason in (MatchReason.EXACT, MatchReason.VARIANT)
                or (inflected and c.reason == MatchReason.INFLECTION)
            )
            for c in self.places.lookup(word)
        )

    def _dateline(
        self, text: str, sentence_start: int, first: int, word: str, number: int
    ) -> Found | None:
        """A short city name in capitals in a dateline opening its sentence: a place, not an
        acronym."""
        if dateline_end(text, sentence_start) is None or abroad.is_abroad(word):
            return None  # ("PARIS (AFP) -": no Odesa village once named so)
        candidates = self._dateline_candidates(word, self.places.lookup(word))
        if not candidates:
            return None
        return Found(first, first + len(word), word, number, candidates)

    def _dateline_candidates(self, word: str, candidates: list[Candidate]) -> list[Candidate]:
        """A dateline's candidates: the war's theatre, else a large city of Russia or Ukraine
        ("ЛИПЕЦК, 2 марта.": a city the strikes reach) or a town by the border abroad
        ("RZESZÓW, Poland (Reuters)", "TULCEA, Romania")."""
        kept = self.places.in_theatre(word, candidates)
        return kept or [
            c
            for c in candidates
            if c.place.kind != PlaceKind.REGION
            and c.main_name
            and (
                (c.place.country in ("UA", "RU") and c.place.population >= _DATELINE_CITY)
                or (c.place.country in EU_NEIGHBOURS and c.place.population >= _BORDER_TOWN)
            )
        ]

    def _shared_region_word(self, text: str, start: int, end: int, number: int) -> list[Found]:
        """ "над территориями Брянской, Курской и Белгородской областей": adjectives sharing
        one plural region word are each a region; in Latin script too ("the Donetsk and
        Dnipropetrovsk oblasts", "les régions de Zaporijjia et de Dnipropetrovsk")."""
        regions = [
            Found(s, e, text[s:e], number, candidates)
            for s, e, candidates in region_list_spans(text, start, end, self.places.lookup)
        ]
        if "област" not in text[start:end]:
            return regions
        for group in _SHARED_REGION_WORD.finditer(text, start, end):
            for word in _CAPITALISED.finditer(text, group.start(), group.start("word")):
                for noun in ("области", "області"):
                    candidates = self.places.lookup(f"{word.group()} {noun}")
                    if candidates and candidates[0].place.kind == PlaceKind.REGION:
                        regions.append(
                            Found(word.start(), word.end(), word.group(), number, candidates)
                        )
                        break
        return regions

    def _russian_adjective_pair(self, run: str) -> int:
        """The end of a run's first two words when the first is a Russian adjective
        ("Stepnaya", "Степная") and the two are a two-word name spelled a little otherwise
        ("Stepnaya Novoselovka": Stepova Novoselivka), else 0."""
        words = list(_RUN_WORD.finditer(run))
        if len(words) < 2:
            return 0
        pair = f"{words[0].group()} {words[1].group()}"  # (a line may wrap between them)
        if any(" " in c.place.name for c in self.places.spelled_otherwise(pair)):
            return words[1].end()
        return 0

    def _all_places(self, parts: list[Token]) -> bool:
        """Whether each part of a hyphenated word names a place as written — only the last
        may be inflected ("Ивано" is no form of Ivannie: "Ивано-Дарьевка" is one name)."""
        for number, part in enumerate(parts):
            candidates = self.places.lookup(part.text)
            if number < len(parts) - 1:
                candidates = [c for c in candidates if c.reason != MatchReason.INFLECTION]
            if not candidates:
                return False
        return True

    def _analysed(self, run: str) -> tuple[int, int, list[Candidate], list[Candidate], int, bool]:
        """What `_analyse_run` finds, and whether the run is inert: its first word alone has no
        candidates, no several-word name or city abroad starts it, and nothing `find` reads
        from the word itself could make it a place (a hyphen's parts, a locative's region, a
        name the gazetteer lacks) — only the words around it may (a region or direction word)."""
        first_end, multi_end, candidates, first_candidates, abroad_end = self._analyse_run(run)
        word = run[:first_end]
        head = _unknown_head(run)
        inert = (
            not (multi_end or abroad_end or first_candidates)
            and "-" not in word
            and word.lower() not in REGION_BY_LOCATIVE
            and (head is None or _UNIT_OF_LAND.fullmatch(head) is not None)
        )
        return first_end, multi_end, candidates, first_candidates, abroad_end, inert

    def _analyse_run(self, run: str) -> tuple[int, int, list[Candidate], list[Candidate], int]:
        """(end of the first word, end of the longest several-word name or 0, its candidates,
        the first word's candidates, end of a city abroad or 0) of a run of capitalised words;
        offsets into the run.

        When the run starts with a name that is not a place — a given name and surname, a
        title and name ("Gouverneur Iwan Fedorow"), an outlet ("Kyiv Independent"), a unit
        ("Khortytsia Group") — the first offset is the end of that name and there are no
        candidates. A name ends at an English possessive ("Kyiv's Dniprovskyi district"): the
        "'s" is not part of it."""
        ends = [m.end() for m in _RUN_WORD.finditer(run)]
        for j, end in enumerate(ends):
            if _POSSESSIVE.search(run, 0, end) and not has_cyrillic(run[:end]):
                ends = [*ends[:j], end - 2]
                break
        first_word = run[: ends[0]]
        if (
            len(first_word) <= 5
            and first_word.isupper()
            and not (len(ends) > 1 and self.places.lookup(run[: ends[1]]))
            and not self._town_in_capitals(first_word)
        ):
            # an acronym (ZSU, ISW) starts no name ("ЧАСОВ ЯР", a name in capitals, does);
            # a region's letters name it (DPR, ЛНР)
            regions = [
                c
                for c in self.places.lookup(first_word)
                if c.place.kind == PlaceKind.REGION and first_word in c.place.alternate_names
            ]
            return ends[0], 0, [], regions, 0
        if len(ends) > 1 and run[ends[0] : ends[1]].strip().lower() in MEDIA_WORDS:
            return ends[1], 0, [], [], 0  # "Kyiv Independent", "Washington Post"
        for j in range(min(len(ends), abroad.MAX_WORDS) - 1, -1, -1):
            if abroad.is_abroad(run[: ends[j]]):
                return ends[0], 0, [], [], ends[j]
        person = is_given_name(first_word)
        if len(ends) > 1 and first_word.lower() in _FUNCTION_WORDS:
            return ends[0], 0, [], [], 0  # "Под Лиманом бои": a preposition opening a sentence
        for j in range(len(ends) - 1, 0, -1):
            candidates = self.places.lookup(run[: ends[j]])
            if candidates and not (
                person and all(c.reason != MatchReason.EXACT for c in candidates)
            ):
                # ("Andriy Shevchenko" is some village's listed name, but a person first)
                return ends[0], ends[j], candidates, [], 0
        if len(ends) > 1:
            second = run[ends[0] : ends[1]].strip().lower()
            if person:
                return ends[1], 0, [], [], 0  # "Ivan Fedorov", "Андрій Садовий"
            if first_word.lower() in TITLES:
                # "Gouverneur Fedorow": the title and the name after it. After a Cyrillic
                # title the next word may be a place in the genitive ("Мер Харкова Ігор
                # Терехов"): the title alone (the given name rule takes the person).
                # "Bürgermeister Ihor Terechow": the title, the given name and the surname.
                if is_given_name(run[ends[0] : ends[1]].strip()) and len(ends) > 2:
                    return ends[2], 0, [], [], 0
                return ends[0 if has_cyrillic(first_word) else 1], 0, [], [], 0
            if UNIT_WORD.fullmatch(second):
                return ends[1], 0, [], [], 0  # "Khortytsia Group"
            if NAME_HEAD.fullmatch(second) and (
                not self.places.lookup(first_word)
                or ADJECTIVE_CASE.search(first_word)
                or _MASCULINE_ADJECTIVE.search(first_word)
            ):
                # "к Коровьему Яру", "Зелёного Гая", "Vysokiy Yar": a two-word name the
                # gazetteer lacks in this form; neither its noun alone (Yar of Dnipropetrovsk
                # Oblast) nor its adjective (Vysokyi of Kharkiv Oblast) is the place
                return ends[1], 0, [], [], 0
            if NAME_ADJECTIVE.fullmatch(first_word) and run[ends[0] :].strip()[:1].isupper():
                # "Малой Локни", "Malaya Loknya": a two-word name the gazetteer lacks, not
                # the place its adjective alone might name
                return ends[1], 0, [], [], 0
        return ends[0], 0, [], self.places.lookup(first_word), 0

    def _prefixed_match(self, text: str, first: int, run: str, sentence_start: int):
        """ "région de Soumy", "Oblast Sumy": a region named with its region word before.
        At each length, longest first, the prefixed span is tried before the plain one."""
        window_start = max(sentence_start, first - 30)
        if not any(w in text[window_start:first] for w in REGION_BEFORE_HINTS):
            return None
        prefix = REGION_BEFORE.search(text, window_start, first)
        if prefix is None:
            return None
        plain_end = self._runs[run][1]
        ends = [m.end() for m in _RUN_WORD.finditer(run)]
        if len(run[: ends[0]]) <= 5 and run[: ends[0]].isupper():
            return None
        for j in range(len(ends) - 1, -1, -1):
            candidates = self.places.lookup(text[prefix.start() : first + ends[j]])
            if not candidates:
                # "région de Zaporojié": a spelling the region's own names lack
                candidates = region_named(run[: ends[j]], self.places.lookup)
            if candidates and candidates[0].place.kind == PlaceKind.REGION:
                # a border word stays outside the span: it says the place is across it
                start = first if _BORDER_PREFIX.search(prefix.group()) else prefix.start()
                return start, first + ends[j], candidates
            if j > 0 and plain_end == ends[j]:
                return None  # the plain several-word name at this length wins
        return None

    def _may_stand_alone(
        self,
        text: str,
        word: Token,
        sentence_start: int,
        candidates: list[Candidate] | None = None,
    ) -> bool:
        if len(word.text) <= 2:
            return False
        # (a town's old name quoted as the other side writes it: «Артемовск»,
        # «Дніпродзержинськом»)
        former = (
            candidates is not None
            and any(_former_town(word.text, c) for c in candidates)
            and not _CALL_SIGN_BEFORE.search(text, max(0, word.start - 60), word.start)
        )
        if quoted(text, word) and not former:
            return False  # «Восток», “Ukrainska Pravda”: names of groupings and media
        if (
            candidates is not None
            and not former
            and word.start > 0
            and text[word.start - 1] in QUOTES_OPEN
            and not any(
                c.reason in _AS_WRITTEN
                and (not has_cyrillic(word.text) or c.place.population >= _QUOTED_TOWN)
                for c in candidates
            )
        ):
            # a quotation's first word is capitalised as a sentence's is: only a name as
            # written ("Slavyansk will be next,", «Покровськ тримається»), not „Wir haben …“,
            # «Дорога на …», «Світле майбутнє …» (ordinary words that villages bear)
            return False
        kind = stop_kind(word.text)
        if kind == "common":
            before = " " + text[max(sentence_start, word.start - 12) : word.start].lower()
            # (a sentence's first word is as often the common one: "Победа под Покровском")
            return word.start > sentence_start and (
                before.endswith(LOCATIVE_BEFORE)
                or _COMMON_PLACE_BEFORE.search(
                    text, max(sentence_start, word.start - 30), word.start
                )
                is not None
                or self._listed(text, word.start, sentence_start, word.end)
                or (
                    _COMMON_PLACE_AFTER.match(text, word.end) is not None
                    and previous_word(text, word.start, sentence_start).lower()
                    not in _COMMON_WORD_BEFORE
                )
            )
        return kind is None

    def _listed(self, text: str, start: int, sentence_start: int, end: int) -> bool:
        """ "past Ocheretyne, Novobakhmutivka and Prohres", "пали Очеретине, Прогрес і
        Новогродівка", "near Ocheretyne and Prohres": an ordinary word inside a list of places
        — a place before it, and another before that, or a "near" before the list, or the
        item's end after it ("Kharkiv and Pravda reported" is no list)."""
        before = self._place_joined(text, start, sentence_start)
        if before is None:
            return False
        if self._place_joined(text, before, sentence_start) is not None:
            return True  # a list of three or more
        ahead = " " + text[max(sentence_start, before - 16) : before].lower()
        if ahead.endswith(LOCATIVE_BEFORE):
            return True  # "near Ocheretyne and Prohres": the list shares its "near"
        # "... and Pravda reported": a subject, not a list's last item
        return bool(_LIST_ITEM_END.match(text, end))

    def _place_joined(self, text: str, at: int, sentence_start: int) -> int | None:
        """The start of the place named just before `at`, joined to it by a comma or "and";
        None when there is none."""
        glue = _GLUE_BEFORE.search(text, max(sentence_start, at - 8), at)
        if glue is None:
            return None
        runs = list(
            CAPITAL_RUN.finditer(text, max(sentence_start, glue.start() - 40), glue.start())
        )
        if not runs or runs[-1].end() != glue.start() or not self.places.lookup(runs[-1].group()):
            return None
        return runs[-1].start()


# Words before a name that make it a place: "near X", "the village of X", "seized X",
# "біля X", "в районе X", "освободили X".
_PLACE_CUE_BEFORE = re.compile(
    r"(?<!\w)(?:near|outside|around|toward|towards|(?:village|settlement|town)\s+of|seized|"
    r"captured|liberated|recaptured|entered|(?:area|areas|outskirts)\s+of|"
    r"près\s+d[e'’]|(?:localité|village)\s+d[e'’]|libéré|vers|autour\s+d[e'’]|"
    r"bei|nahe|dorf|dorfes|ortschaft|richtung|"
    r"біля|поблизу|під|села|селища|пункту|районі|районах|звільнили|захопили|в\s+бік|"
    r"около|возле|под|поселка|посёлка|пункта|районе|освободили|захватили|в\s+сторону|"
    # "со стороны Плещеевки", "з боку Тернуватого", "from the direction of"
    r"стороны|боку|direction\s+of)"
    r"\s*$",
    re.IGNORECASE,
)
# An ordinary word that is a village's name is the village after these too: "освобождены
# Мирное", "la prise de Prohres", "bis Myrne vorgedrungen", "штурмують Надію".
_COMMON_PLACE_BEFORE = re.compile(
    r"(?:"
    + _PLACE_CUE_BEFORE.pattern.removesuffix(r"\s*$")
    + r"|(?<!\w)(?:освобожден\w*|звільнен\w*|взят\w*|штурму\w*|prise\s+d[e'’]|bis|"
    r"einnahme\s+von))\s*$",
    re.IGNORECASE,
)
# ... and before these: a relative cue from a named place says where it is ("Myrne, 16 km
# east-northeast of Pokrovsk", "Myrne bei Huljajpole", "Myrne, à 18 km au sud-ouest
# d'Orikhiv"; not "Druzhba, 10 km from the border").
_COMMON_PLACE_AFTER = re.compile(
    r"\s*[,(]?\s*(?:(?:some|about|around|à|environ|à\s+environ|etwa|rund|за|в)\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:km|kilom\w*|км|кілометр\w*|километр\w*)\s*"
    r"(?:\(\s*\d+\s*miles?\s*\)\s*)?"
    r"(?:(?:north|south|east|west|nord|sud|süd|ost|est|ouest|au|à|de|l['’]|-)+\w*\s*)*"
    r"(?:of|from|de|d['’]|von|від|от|(?:du\s+centre|de\s+la\s+ville)\s+d(?:e\s+|['’])|"
    r"к\s+(?:северу|югу|востоку|западу)\s+от)\s*"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+"
    r"|(?:nord|süd|ost|west)\w*lich\s+(?:von|der|des)\s+"
    r"|(?:au\s+(?:nord|sud)(?:-(?:est|ouest))?|à\s+l['’](?:est|ouest))\s+d(?:e\s+|['’])"
    r"|(?:near|bei|nahe|près\s+d(?:e\s+|['’])|біля|поблизу|під|возле|около|под)\s*"
    r"|(?:північніше|південніше|східніше|західніше|севернее|южнее|восточнее|западнее)\s+)"
    r"(?-i:[A-ZА-ЯІЇЄҐ])",
    re.IGNORECASE,
)
# A possessive, an adjective or a word for a person before an ordinary word: the word, or a
# person's name ("Наша Надія", "велика Перемога", "a medic named Nadiia").
_COMMON_WORD_BEFORE = frozenset(
    """наша наш наше наші моя мій велика великий велику нова our my great big named called
    notre nommée nommé unsere unser медсестра медик звати на ім'я""".split()
)
_APPOSED_CUE_AFTER = re.compile(
    r"\s*[,(]\s*(?:about\s+|some\s+|environ\s+|etwa\s+)?(?:\d+\s*km\s+)?"
)
_UNKNOWN_MAX_WORDS = 3
_FUNCTION_WORDS = frozenset(FUNCTION_WORDS)
# A name in capitals as short as an acronym is read as a town of at least this size.
CAPITALS_TOWN_POPULATION = 20_000
_DIRECTION_AT = re.compile(DIRECTION_OF.pattern.removesuffix("$"), re.IGNORECASE)


@lru_cache(maxsize=100_000)
def _unknown_head(run: str) -> str | None:
    """The first word of a run that may be a name the gazetteer lacks, as far as its words
    alone tell (not too many, no digits, no acronym, no person, title or ordinary word);
    None when they rule it out. Remembered per run: the same runs recur in every report."""
    words = run.split()
    if len(words) > _UNKNOWN_MAX_WORDS or any(ch.isdigit() for ch in run):
        return None
    head = words[0]
    if len(head) < 4 or (head.isupper() and len(head) <= 5):
        return None
    if any(stop_kind(w) is not None or is_given_name(w) for w in words):
        return None
    if head.lower() in TITLES:
        return None
    return head


_AS_WRITTEN = frozenset({MatchReason.EXACT, MatchReason.VARIANT})
_DATELINE_CITY = 100_000  # a dateline's city outside the war's theatre: a large one
_BORDER_TOWN = 2_000  # a dateline's town abroad by the border: not a village
_QUOTED_TOWN = 10_000  # a Cyrillic word opening a quotation: a town's name, not a village's


def _former_town(word: str, candidate: Candidate) -> bool:
    """A town of Ukraine matched by one of its other names, an old one above all (Artemovsk,
    «Дніпродзержинськом»), not by its own, nor an adjective or a group's name («Северный»,
    «Востока», «Днепр»)."""
    place = candidate.place
    if candidate.main_name or place.country != "UA" or place.population < _QUOTED_TOWN:
        return False
    lowered = word.lower()
    # (a group's name in a case form: «Востока»)
    return not (
        _ADJECTIVE_FORM.search(lowered)
        or any(lowered.startswith(g) and len(lowered) - len(g) <= 2 for g in GROUPINGS)
    )


# "з позивним «Шевченко»": a fighter's call sign
# (or a list of them: "з позивними «Бахмут» і «Дзержинськ»")
_CALL_SIGN_BEFORE = re.compile(
    r"(?:позивн\w*|позывн\w*|call\s*-?signs?|indicatifs?|rufnamen?)[^.!?\n]{0,40}$", re.IGNORECASE
)
_ADJECTIVE_FORM = re.compile(r"(?:[ыиі]й|ой|[ая]я|[ое]е|[ыи]е|ого|ому|[ыи]х|ije|yj|yi|ij)$")


# "Rostow am Don", "Rostov on Don": a name of two capitalised words joined by a small one
_JOINED_NAME = re.compile(r" (?:am|on) [A-Z][a-z]+\b")
# A Russian adjective's ending, in Cyrillic or transliterated ("Степная", "Stepnaya", "Krasnoye")
_RUSSIAN_ADJECTIVE_ENDINGS = tuple("aya aja oye oje yy iy yj ij ая ое ый ий ой".split())
# "возле Плещеевки и Ивановополья": the next name of a list a place cue opens
_LIST_JOIN = re.compile(r"\s*(?:,\s*|\s(?:and|et|und|и|і|та|й)\s+)", re.IGNORECASE)


def _listed_after_place(
    text: str, previous: Found, number: int, sentence_start: int, first: int
) -> bool:
    """Whether a word follows a place of its sentence in a list opened by a place cue."""
    return (
        previous.sentence == number
        and not previous.is_region
        and _LIST_JOIN.fullmatch(text, previous.end, first) is not None
        and _PLACE_CUE_BEFORE.search(
            text[max(sentence_start, previous.start - 30) : previous.start]
        )
        is not None
    )


def _unknown_place(
    text: str, first: int, run: str, sentence_start: int, end: int, listed: bool = False
) -> int:
    """The end of a name the gazetteer lacks that stands where a place stands ("seized
    Sukhetske", "X, northeast of Pokrovsk", "біля Зорянівки", "біля Плещіївки та X"), or 0."""
    head = _unknown_head(run)
    if head is None or _UNIT_OF_LAND.fullmatch(head):
        return 0  # (the "Raion" of "in Volnovakha Raion, 15 km northeast of Vuhledar")
    name_end = first + len(run.rstrip())
    # (where a place stands, first: most capitalised words stand nowhere a place does)
    if not listed and not _PLACE_CUE_BEFORE.search(text[max(sentence_start, first - 30) : first]):
        after = _APPOSED_CUE_AFTER.match(text, name_end)
        if not (after and _DIRECTION_AT.match(text, after.end())):
            return 0
    if (
        quoted(text, Token(head, first, first + len(head)))
        or UNIT_AFTER.match(text, name_end)
        or ADMIN_OR_RIVER_AFTER.match(text, name_end)
    ):
        return 0
    return name_end


def _hyphen_parts(word: Token) -> list[Token]:
    parts, offset = [], word.start
    for piece in word.text.split("-"):
        parts.append(Token(piece, offset, offset + len(piece)))
        offset += len(piece) + 1
    return parts


# A noun's locative or dative in Ukrainian (у Львові, Києві), never an adjective's (у Львовому;
# the genitive Львова is also Russian's of Львово: left to the resolver)
_NOUN_CASE = re.compile(r"(?:ові|еві|єві)$")
_UKRAINIAN_LETTER = re.compile(f"[{''.join(sorted(UKRAINIAN_ONLY_LETTERS))}]", re.IGNORECASE)
_RUSSIAN_LETTER = re.compile(f"[{''.join(sorted(RUSSIAN_ONLY_LETTERS))}]", re.IGNORECASE)


def _spelled_in_ukrainian(text: str, start: int, end: int) -> bool:
    """Whether a sentence is written in Ukrainian (a letter only Ukrainian has, none only
    Russian has)."""
    return bool(
        _UKRAINIAN_LETTER.search(text, start, end) and not _RUSSIAN_LETTER.search(text, start, end)
    )
