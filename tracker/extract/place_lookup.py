"""The gazetteer's candidates for names as reports write them, remembered across reports."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.case_forms import case_form_test
from tracker.errors import TrackerError
from tracker.extract import capitals
from tracker.gazetteer import (
    BORDER_REGIONS,
    EU_NEIGHBOURS,
    Candidate,
    Gazetteer,
    MatchReason,
    spelled_in_ukrainian,
)
from tracker.geo import haversine_km
from tracker.model import Place, PlaceKind
from tracker.names import UKRAINIAN_ONLY_LETTERS, has_cyrillic

ACCEPTED_REASONS = frozenset(
    {MatchReason.EXACT, MatchReason.VARIANT, MatchReason.TRANSLITERATION, MatchReason.INFLECTION}
)
# Every homonym is weighed: the codifier lists 80 villages named Andriivka.
CANDIDATE_LIMIT = 250
FOREIGN_VILLAGE = 10_000  # (a place abroad below this is no rival of a region)
BASE_FACTOR = 0.97  # a direction's town found from the adjective's base (Лиманському → Лиман)
# The Russian regions the war reaches (strikes, fighting, the border).
STRIKE_REGIONS = frozenset({"RU.09", "RU.10", "RU.41", "RU.86", "RU.61", "RU.38"})
# A city's district lies within this distance of the city's centre.
CITY_REACH_KM = 20.0
CITY_POPULATION = 100_000
_CITY_NEIGHBOURS = 60
# A Ukrainian or Russian genitive plural with a fleeting vowel: Олешок (Олешки), Гірок (Гірки).
_PLURAL_GENITIVE = re.compile(r"([бвгґджзйклмнпрстфхцчшщ])[оеє]к$", re.IGNORECASE)
# A Cyrillic name ending in a hard consonant: perhaps a plural's genitive (Печеніг, Олешок)
# (six letters or more: not a first name, "Остап", "Семен", nor a noun, "Рак")
_ZERO_ENDING = re.compile(r"^\w{4,}[а-яіїєґ][бвгґдзклмнпрстфх]$")
# A town whose country a "-щина" names (Бахмутщина, Покровщина): a raion centre's size.
TOWN_AREA = 5_000
# A Russian ordinal closing a two-word name ("Лиман Первый", "Лимана Первого") and the
# Ukrainian stem the gazetteer's name has ("Лиман Перший").
_RUSSIAN_ORDINAL = re.compile(r"\s(Перв|Втор)(ый|ого|ом|ому|ая|ой|ую|ое)$")
_UKRAINIAN_ORDINAL = {"перв": "Перш", "втор": "Друг"}
_ORDINAL_ENDING = {
    "ый": "ий",
    "ого": "ого",
    "ом": "ому",
    "ому": "ому",
    "ая": "а",
    "ой": "ої",
    "ую": "у",
    "ое": "е",
}
# A German genitive of a town: Pokrowsks, Kupjansks, Charkiws ("westlich Pokrowsks", "die Lage
# Kupjansks"): a Latin name ending in a consonant, then s.
_GERMAN_GENITIVE = re.compile(r"(?<=[a-z][bcdfghjklmnprtvwz])s$")
# A masculine genitive with a fleeting о: Берестка (Бересток), Хуторка (Хуторок).
_FLEETING_O = re.compile(r"([бвгґджзйлмнпрстфхцчшщ])ка$")
# The Ukrainian names of regions (and of a town's country) after their centres: Харківщина,
# Донеччина, Сумщині, Бахмутщина.
REGION_SUFFIX = re.compile(r"(?:щин|ччин)[аиіуою]{1,2}$", re.IGNORECASE)
# The adjective ending of a direction named after a town: Лиманському → Лиман, Купянском →
# Купян(ськ); the base is looked up too.
_ADJECTIVE_SUFFIX = re.compile(r"(?:ськ|цьк|ск|цк)\w*$|(?:ський|ському|ського|ском|ского|ский)$")

_KA_STEM = re.compile(r"(?:ів|їв|ов|ев|ин|ын)$")


# A "-щина" stem's ending -> the town's: Курахівщина (Курахове, adjective Курахівський),
# Костянтинівщина (Костянтинівка), Пологівщина (Пологи), Лозівщина (Лозова), Шосткинщина
# (Шостка), Добропільщина (Добропілля), Гуляйпільщина (Гуляйполе), Роменщина (Ромни),
# Тростянеччина (Тростянець), Тореччина (Торецьк), Балаклійщина (Балаклія)
_STEM_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ів", ("ове", "івка", "и", "ова")),
    ("їв", ("ове", "ївка", "ї")),
    ("ин", ("ка",)),
    ("іль", ("ілля", "оле")),
    ("ен", ("ни",)),
    ("еч", ("ець", "ецьк")),
    ("й", ("я",)),
)


def _town_names(stem: str) -> list[str]:
    """The names whose country a "-щина" stem may be: the stem itself (Бахмут), with -ськ
    (Покровськ) or -ка (Охтирка), and by the endings above."""
    names = [stem, stem + "ськ", stem + "ка"]
    for ending, replacements in _STEM_ENDINGS:
        if stem.endswith(ending):
            names += [stem[: -len(ending)] + r for r in replacements]
    return names


# Russia beyond this distance from Ukraine's middle (Siberia, the Far East): a small town there
# is what an ordinary word's case form resembles ("Черги" → Cherga of the Altai Republic,
# "Його" → Okha on Sakhalin), never what a report about the war means by it: a word whose only
# readings are such guesses is no name. A name as written still reaches the town, and a city
# (Tyumen, struck by drones) keeps its case forms.
REMOTE_KM = 1_800.0  # (Yelabuga, struck for its drone plant, lies 1,610 km off)
_UKRAINE_MIDDLE = (48.5, 31.5)
_REMOTE_TOWN = 100_000


def _remote_guess(candidate: Candidate) -> bool:
    place = candidate.place
    return (
        candidate.reason not in (MatchReason.EXACT, MatchReason.VARIANT)
        and place.kind != PlaceKind.REGION  # ("в Башкирии": a region struck, not a town)
        and place.country == "RU"
        and place.population < _REMOTE_TOWN
        and haversine_km(_UKRAINE_MIDDLE, place.point) > REMOTE_KM
    )


def _weak_neighbour(candidate: Candidate, name: str) -> bool:
    """A place of Poland, Romania, Hungary or Slovakia reached only by a respelling or a case
    form that no Cyrillic name of its own supports ("Sicht" is no spelling of Sighet), or by a
    word under four letters."""
    place = candidate.place
    if place.country not in EU_NEIGHBOURS:
        return False
    if len(name) < 4:
        return True
    if candidate.reason in (MatchReason.EXACT, MatchReason.VARIANT):
        return False
    return not (has_cyrillic(name) and any(has_cyrillic(n) for n in place.alternate_names))


class PlaceLookup:
    """Candidate lists for names, kept so that the same list object answers the same name:
    scores elsewhere are remembered by a list's identity. `generation` grows whenever the
    lists are dropped, and with it every cache keyed by them must go."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.generation = 0
        self._lookups: dict[str, list[Candidate]] = {}
        self._sector_pools: dict[tuple[str, int], list[Candidate]] = {}
        self._theatre: dict[str, list[Candidate]] = {}
        self._areas: dict[str, tuple[str, frozenset[str]] | None] = {}
        self._adjectives: dict[str, list[Candidate]] = {}
        self._nouns: dict[str, list[Candidate]] = {}
        self._tags: dict[str, list[Candidate]] = {}
        self._spellings: dict[str, list[Candidate]] = {}
        self._hromadas: dict[str, list[Candidate]] = {}
        self._centres: dict[str, list[Place]] | None = None  # hromada label -> its centres
        self._cities_of: dict[str, tuple[Place, ...]] = {}

    def _clear(self) -> None:
        self._lookups.clear()
        self._hromadas.clear()
        self._sector_pools.clear()
        self._theatre.clear()
        self._areas.clear()
        self._adjectives.clear()
        self._nouns.clear()
        self._tags.clear()
        self._spellings.clear()
        self._cities_of.clear()
        self.generation += 1

    def lookup(self, name: str) -> list[Candidate]:
        """The candidates a name as written may mean (exact, variant, transliteration or
        inflection), remembered."""
        name = name.replace("\n", " ")  # a name wrapped across lines
        cached = self._lookups.get(name)
        if cached is None:
            found = self._candidates(name, fuzzy=False)
            cached = [c for c in found if c.reason in ACCEPTED_REASONS]
            if spelled_in_ukrainian(name) and any(c.reason == MatchReason.EXACT for c in cached):
                # a Ukrainian spelling some place bears as written: another Ukrainian place
                # whose name only transliterates alike is another name (Хрінівка is no
                # Грінівка); a place abroad is written so in Ukrainian (Строїтель, Ліски)
                cached = [
                    c
                    for c in cached
                    if c.reason != MatchReason.TRANSLITERATION or c.place.country != "UA"
                ]
            if _ZERO_ENDING.search(name) and not any(
                c.reason in (MatchReason.EXACT, MatchReason.VARIANT) for c in cached
            ):
                # "з боку Печеніг": a plural name's genitive has no ending (Печеніги), which
                # stemming cannot undo; a name the plural is, as written, comes first (not
                # where the name as written is one: Лиман, not Лимани)
                plural_forms = [
                    replace(c, reason=MatchReason.INFLECTION, score=c.score * 0.99)
                    for c in self.lookup(name + "и")
                    if c.reason == MatchReason.EXACT and c.place.kind != PlaceKind.REGION
                ]
                if plural_forms:
                    taken = {c.place.id for c in plural_forms}
                    cached = plural_forms + [c for c in cached if c.place.id not in taken]
            plural = _PLURAL_GENITIVE.search(name) if not cached else None
            if plural is not None:
                # "мирне населення Олешок": the genitive plural of Олешки drops its ending and
                # takes a fleeting vowel, which stemming cannot undo.
                nominative = name[: plural.start()] + plural.group(1) + "ки"
                cached = [
                    replace(c, reason=MatchReason.INFLECTION, score=c.score * 0.95)
                    for c in self.lookup(nominative)
                ]
            ordinal = _RUSSIAN_ORDINAL.search(name) if not cached else None
            if ordinal is not None:
                # "у Лимана Первого": the Russian of a Ukrainian "Лиман Перший"
                stem, ending = ordinal.group(1).lower(), ordinal.group(2)
                # ("Второй" is a masculine nominative, "Первой" a feminine genitive)
                ending = "ий" if (stem, ending) == ("втор", "ой") else _ORDINAL_ENDING[ending]
                ukrainian = _UKRAINIAN_ORDINAL[stem] + ending
                cached = [
                    replace(c, reason=MatchReason.INFLECTION, score=c.score * 0.97)
                    for c in self.lookup(name[: ordinal.start(1)] + ukrainian)
                ]
            if not cached and _GERMAN_GENITIVE.search(name):
                cached = [
                    replace(c, reason=MatchReason.INFLECTION, score=c.score * 0.95)
                    for c in self.lookup(name[:-1])
                    if c.place.kind != PlaceKind.REGION
                    and c.place.country == "UA"  # (not "Orlows Bericht": Orlov in Russia)
                    # (a town's: German puts villages after "von", and a village named like a
                    # town's stem plus s would be a worse guess than none)
                    and c.place.population >= TOWN_AREA
                    # (a capital's is its government's: "Kiews Truppen", "Moskaus Bulletins")
                    and not capitals.is_capital_candidate(c.place.country, c.place.name)
                ]
            fleeting = _FLEETING_O.search(name)
            if fleeting is not None:
                # "в районі Берестка": the genitive of Бересток drops its о; the nominative is
                # read too, beside the plural Берестки the stem also finds
                nominative = name[: fleeting.start()] + fleeting.group(1) + "ок"
                known = {c.place.id for c in cached}
                cached = cached + [
                    replace(c, reason=MatchReason.INFLECTION, score=c.score * 0.97)
                    for c in self.lookup(nominative)
                    if c.place.id not in known and c.place.kind != PlaceKind.REGION
                ]
            if any(
                c.place.kind == PlaceKind.REGION and c.place.country == "UA" for c in cached
            ) and all(
                c.place.kind == PlaceKind.REGION
                or (c.place.country != "UA" and c.place.population < FOREIGN_VILLAGE)
                for c in cached
            ):
                # a region of Ukraine before villages abroad that bear its name ("в Криму",
                # "в Крыму": Crimea, not Krym of Rostov Oblast — unless the text says a village:
                # `context.read_villages_said`)
                cached = sorted(cached, key=lambda c: c.place.kind != PlaceKind.REGION)
            region_suffix = REGION_SUFFIX.search(name)
            if region_suffix:
                # "на Харківщині" is the oblast, though a village in Sumy Oblast bears the name;
                # "на Бахмутщині", "на Покровщині" the country around a town (a direction)
                regions = [c for c in cached if c.place.kind == PlaceKind.REGION]
                # (Тореччина: the stem is Тореч)
                stem = name[: region_suffix.start()]
                if region_suffix.group().lower().startswith("ччин"):
                    stem += name[region_suffix.start()]
                cached = regions or self._town_country(stem) or cached
            if any(_weak_neighbour(c, name) for c in cached):
                cached = [c for c in cached if not _weak_neighbour(c, name)]
            if cached and all(_remote_guess(c) for c in cached):
                cached = []  # (an ordinary word's case form: see REMOTE_KM)
            if len(self._lookups) > 200_000:
                self._clear()
            self._lookups[name] = cached
        return cached

    def _town_country(self, stem: str) -> list[Candidate]:
        """The towns (raion centres' size) of the names `_town_names` gives for a stem."""
        if len(stem) < 3:
            return []
        towns = {
            c.place.id: replace(c, reason=MatchReason.INFLECTION, score=c.score * 0.95)
            for name in _town_names(stem)
            for c in self.lookup(name)
            if c.place.kind != PlaceKind.REGION and c.place.population >= TOWN_AREA
        }
        return sorted(towns.values(), key=lambda c: -c.score)

    def adjective_forms(self, word: str, candidates: list[Candidate]) -> list[Candidate]:
        """An adjective's case form (Покровського, Курахівської, Боровского) is a form of a
        name declined as an adjective (Покровське, Борова), not of a noun ending in a
        consonant (Покровськ); an accusative in -у (Межову) is of a feminine (Межова), never
        of a neuter (Межове, whose accusative is itself), nor is a town's -ська/-ске
        (Сіверська, Волчанске: Сіверськ, Волчанск, not Сіверське, Волчанское). Those
        candidates go when others remain (kept: scores are cached by the list's identity)."""
        fits = case_form_test(word)
        if fits is None:
            return candidates
        kept = self._adjectives.get(word)
        if kept is None:
            kept = [
                c
                for c in candidates
                if c.reason != MatchReason.INFLECTION
                or _name_fits(word, c, fits)
                or _russian_locative_of(word, c.place)
            ]
            if not kept or len(kept) == len(candidates):
                kept = candidates
            self._adjectives[word] = kept
        return kept

    def noun_forms(self, word: str, candidates: list[Candidate]) -> list[Candidate]:
        """A noun's locative in a Ukrainian sentence (у Львові) is not of a neuter adjective's
        name (Львове, which Ukrainian declines у Львовому). Those candidates go when others
        remain (kept: scores are cached by the list's identity)."""
        kept = self._nouns.get(word)
        if kept is None:
            kept = [
                c
                for c in candidates
                if c.reason != MatchReason.INFLECTION or not _neuter_adjective(c.place)
            ]
            if not kept or len(kept) == len(candidates):
                kept = candidates
            self._nouns[word] = kept
        return kept

    def in_theatre(self, word: str, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates in Ukraine, the Russian regions the war reaches and the capitals
        (kept: scores are cached by the list's identity)."""
        kept = self._theatre.get(word)
        if kept is None:
            kept = self._theatre[word] = [
                c
                for c in candidates
                if c.place.country == "UA"
                or c.place.admin1_code in STRIKE_REGIONS
                or capitals.is_capital_candidate(c.place.country, c.place.name)
            ]
        return kept

    def sector_candidates(self, name: str, candidates: list[Candidate]) -> list[Candidate]:
        """The adjective's own candidates and its base's (kept: scores are cached by the
        list's identity)."""
        key = (name, len(candidates))  # the adjective alone, or with its own matches
        pool = self._sector_pools.get(key)
        if pool is None and (town := _named_direction(name)) is not None:
            # "на Придніпровському напрямку": a direction named after no town
            pool = self._sector_pools[key] = [
                c for c in self.lookup(town) if _is_direction_town(town, c.place)
            ]
        if pool is None:
            pool = list(candidates)
            base = _ADJECTIVE_SUFFIX.sub("", name)
            known = {c.place.id for c in pool}
            ceiling = max((c.score for c in pool), default=1.0)
            bases = [base] if base != name and len(base) >= 3 else []
            if bases and _KA_STEM.search(base):
                bases.append(base + "ка")  # Костянтинівському: Kostiantyniv or -ivka
            for candidate in (c for b in bases for c in self.lookup(b)):
                if candidate.main_name and candidate.place.id not in known:
                    # matched through a derived base: weaker than the adjective's own matches
                    pool.append(
                        replace(
                            candidate,
                            reason=MatchReason.INFLECTION,
                            score=min(candidate.score, ceiling) * BASE_FACTOR,
                        )
                    )
            self._sector_pools[key] = pool
        return pool

    def spelled_otherwise(self, name: str) -> list[Candidate]:
        """The places whose names differ from `name` by a letter or two (the gazetteer's fuzzy
        matches only), remembered."""
        cached = self._spellings.get(name)
        if cached is None:
            found = self._candidates(name, fuzzy=True)
            cached = self._spellings[name] = [c for c in found if c.reason == MatchReason.FUZZY]
        return cached

    def _candidates(self, name: str, *, fuzzy: bool) -> list[Candidate]:
        """The gazetteer's answer for a name as written ([] for a name it cannot read)."""
        try:
            return self.gazetteer.candidates(
                name, limit=CANDIDATE_LIMIT, fuzzy=fuzzy, by_case_form=False
            )
        except TrackerError:
            return []

    def direction_regions(self, name: str) -> list[Candidate]:
        """The oblast a direction is named after ("на Запорізькому напрямку": the front across
        Zaporizhzhia Oblast, not a point), or [] for a direction named after a town."""
        town = _named_direction(name)
        if town is None:
            return []
        pool = self.sector_candidates(name, [])
        return pool if pool and all(c.place.kind == PlaceKind.REGION for c in pool) else []

    def tag_regions(self, name: str, candidates: list[Candidate]) -> list[Candidate]:
        """The regions a post's tag may name ("#Zaporozhye", "#Donbas": the oblast, never a
        village of the name); [] when none bears it. (Remembered: scores elsewhere are cached
        by the list's identity.)"""
        regions = self._tags.get(name)
        if regions is None:
            # (not a region of Russia's rear: "#Krasnodar" is the city the drones hit)
            regions = self._tags[name] = [
                c
                for c in candidates
                if c.place.kind == PlaceKind.REGION
                and (c.place.country != "RU" or c.place.admin1_code in BORDER_REGIONS)
            ]
        return regions

    def hromada_centres(self, name: str) -> list[Candidate]:
        """The centres of the hromadas a name may be ("Марганецька", "Pokrovske"): one per
        oblast and raion that has a hromada of that name, whose own name begins as it does
        (remembered: scores elsewhere are cached by the list's identity)."""
        cached = self._hromadas.get(name)
        if cached is None:
            area = self.area(f"{name} {'громада' if has_cyrillic(name) else 'hromada'}")
            if self._centres is None:
                self._centres = _hromada_centres(self.gazetteer)
            labels = sorted(area[1]) if area is not None and area[0] == "hromada" else []
            cached = self._hromadas[name] = [
                Candidate(place, 1.0, MatchReason.INFLECTION, main_name=True)
                for label in labels
                for place in self._centres.get(label, ())
                if _begins_alike(name, place)
            ]
        return cached

    def cities_of_district(self, place: Place) -> tuple[Place, ...]:
        """The cities a Ukrainian place without a code of Ukraine's codifier may be a district
        of (GeoNames lists cities' districts as places of their own): the codifier's cities
        near it, largest first; none for a settlement of the codifier or abroad."""
        if place.country != "UA" or place.katottg or place.kind != PlaceKind.SETTLEMENT:
            return ()
        if place.id not in self._cities_of:
            nearest = self.gazetteer.nearest(*place.point, limit=_CITY_NEIGHBOURS)
            cities = [
                other
                for other, km in nearest
                if km <= CITY_REACH_KM and other.katottg and other.population >= CITY_POPULATION
            ]
            self._cities_of[place.id] = tuple(sorted(cities, key=lambda c: -c.population))
        return self._cities_of[place.id]

    def area(self, phrase: str) -> tuple[str, frozenset[str]] | None:
        if phrase not in self._areas:
            try:
                self._areas[phrase] = self.gazetteer.area(phrase)
            except TrackerError:
                self._areas[phrase] = None
        return self._areas[phrase]


def _neuter_adjective(place: Place) -> bool:
    """Whether a place's Ukrainian name is a neuter adjective (Львове, Покровське), not a noun
    in -о (Шевченко, Дніпро: Шевченка)."""
    return (place.name_uk or place.name).split()[-1][-1:].lower() in "еє"


def _hromada_centres(gazetteer: Gazetteer) -> dict[str, list[Place]]:
    """Each hromada label's centres: in each oblast and raion, the settlement whose name the
    label begins with (Semenivka of Semenivska hromada), the most populous first."""
    units: dict[tuple[str, str, str], list[Place]] = {}
    for place in gazetteer.places:
        if place.hromada and place.kind != PlaceKind.REGION:
            units.setdefault((place.hromada, place.admin1, place.raion or ""), []).append(place)
    centres: dict[str, list[Place]] = {}
    for (label, _, _), members in units.items():
        named = [p for p in members if _names_hromada(p, label)]
        if named:
            centres.setdefault(label, []).append(max(named, key=lambda p: p.population))
    return centres


def _begins_alike(name: str, centre: Place) -> bool:
    """Whether a hromada's name as written begins as its centre's does (Білопільська,
    Белопольська: Білопілля; Marhanets: Marhanets), its front vowels folded alike — not a
    community's adjective that the area index, reading consonants (`_names_hromada`), takes
    for some hromada's ("Англійська": not Inhulka's)."""
    own = (centre.name_uk or centre.name) if has_cyrillic(name) else centre.name
    return _folded(name)[:3] == _folded(own)[:3]


def _folded(word: str) -> str:
    return _FRONT_VOWELS.sub("e", _APOSTROPHES.sub("", word.lower()))


_FRONT_VOWELS = re.compile(r"[іїиыеєэё]")
_APOSTROPHES = re.compile(r"['’ʼ]")


def _names_hromada(place: Place, label: str) -> bool:
    """Whether a settlement's name begins as its hromada's does, consonant for consonant
    (Bilopillia of Bilopilska, Velyka Pysarivka of Velykopysarivska, Kurakhove of Kurakhivska:
    the adjective changes the vowels and joins the words)."""
    stem = _skeleton(_HROMADA_ENDING.sub("", label.split()[0].lower()))
    name = _skeleton(place.name.lower())
    shorter, longer = sorted((stem, name), key=len)
    return len(shorter) >= 2 and longer.startswith(shorter)


_HROMADA_ENDING = re.compile(r"(?:ts|s|z)?k(?:a|yi|e)$")
_NOT_CONSONANT = re.compile(r"[aeiouy\W\d_]+")


def _skeleton(word: str) -> str:
    return _NOT_CONSONANT.sub("", word)


# Directions named after no town, and the town in their middle (the Dnipro front below
# Kherson), after an oblast ("на Запорізькому напрямку": the front across Zaporizhzhia Oblast,
# not a village Zaporizke), or after a town whose adjective's base is not its name ("на
# Одеському" is no Odesskoye in Omsk).
_NAMED_DIRECTIONS = (
    (r"придніпровськ|приднепровск|prydniprovsk|pridneprovsk", "Херсон"),
    (r"запорізьк", "Запорізька область"),
    (r"криворізьк|криворожск", "Кривий Ріг"),
    (r"часовоярськ|часовярск|часовоярск", "Часів Яр"),
    (r"одеськ|одесск", "Одеса"),
    (r"черкаськ|черкасск", "Черкаси"),
    (r"вінницьк|винницк", "Вінниця"),
    (r"рівненськ|ровенск", "Рівне"),
    (r"курахівськ|кураховск", "Курахове"),
    (r"гуляйпільськ|гуляйпольск", "Гуляйполе"),
    # the General Staff's direction on the Dnipropetrovsk-Zaporizhzhia border since 2025 (a
    # district of Donetsk and Zaporizhzhia's old name Oleksandrivsk bear the adjective too)
    (r"олександрівськ|александровск|oleksandri[vw]k|aleksandrovk", "Олександрівка"),
)
# The one of several namesakes a direction is named after: (oblast, hromada).
_DIRECTION_TOWN_WHERE = {"Олександрівка": ("Dnipropetrovsk Oblast", "Pokrovska hromada")}
# All of them in one pattern, a group each (one look per name, not one per direction; the
# first that matches wins, as a loop over them would)
_NAMED_DIRECTION = re.compile(
    "|".join(f"({pattern})" for pattern, _ in _NAMED_DIRECTIONS), re.IGNORECASE
)


def _named_direction(name: str) -> str | None:
    match = _NAMED_DIRECTION.match(name)
    return None if match is None else _NAMED_DIRECTIONS[match.lastindex - 1][1]


def _is_direction_town(town: str, place: Place) -> bool:
    where = _DIRECTION_TOWN_WHERE.get(town)
    return where is None or (place.admin1, place.hromada) == where


def _name_fits(word: str, candidate: Candidate, fits) -> bool:
    """Whether the name the word declines can take its case form: the place's own name, or
    for a place found by another name the Cyrillic names it bore with the word's stem
    ("Новгородському" is Новгородське, now Niu-York, which takes no adjective's ending;
    "Кировского" is no Кировск, now Holubivka)."""
    place = candidate.place
    if not candidate.main_name:
        stem = word.lower()[: max(4, len(word) - 3)]
        former = [
            name
            for name in place.alternate_names
            if has_cyrillic(name) and " " not in name and name.lower().startswith(stem)
        ]
        if former:
            return any(fits(replace(place, name_uk=n, alternate_names=())) for n in former)
    return fits(place)


def _russian_locative_of(word: str, place: Place) -> bool:
    """Whether a word is the Russian locative of one of a place's names ending in a hard
    consonant ("в Стаханове": Стаханов, Kadiivka's name until 2016), whatever its current
    Ukrainian name declines like."""
    lowered = word.lower()
    if not lowered.endswith("е"):
        return False
    stem = lowered[:-1]
    # (a Russian name: "Покровськ" + е is the Ukrainian village Покровське, no locative)
    if (
        stem[-1:] in "ьаеиоуыэюяіїєй"
        or "ь" in stem[-3:]
        or not UKRAINIAN_ONLY_LETTERS.isdisjoint(stem)
    ):
        return False
    return any(name.lower() == stem for name in place.alternate_names)
