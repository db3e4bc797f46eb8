"""Who asserts a claim: the subject of the reporting verb nearest before the action (the
innermost of a relay: "ISW reported that Russian forces claimed ..." → Russian forces), else
the speaker named after it ("..., the General Staff said"); None when the outlet speaks in its
own voice."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.claim_lexicon import STRUCK_TARGET
from tracker.extract.officials import OFFICIALS, TITLE_WORDS
from tracker.extract.prefixed import Family, Prefixed, prefixed
from tracker.model import Side

_I = re.IGNORECASE

# What a numbered unit is ("the 93rd Brigade", "47-ма бригада"): the only speaker that starts
# at a digit.
_UNIT_NOUNS = (
    r"\w*brigade|\w*brigaden?|бригад\w*|corps|korps|корпус\w*|battalion|bataillon|батальйон\w*|"
    r"regiment|régiment|полк\w*|ошбр|омбр|огшбр|одшбр|омпбр|оабр|ошп|ошб|омпб|обро"
)

# (label, pattern, needs a reporting verb next to it). Institutions are claimants wherever a
# sentence names them; forces and governments only as the subject of a reporting verb.
SPEAKERS: tuple[tuple[str, str, bool], ...] = (
    (
        "Russian MoD",
        r"russian\s+(?:ministry\s+of\s+defen[cs]e|mod|defen[cs]e\s+ministry)|"
        r"russia['’]s\s+(?:ministry\s+of\s+defen[cs]e|mod|defen[cs]e\s+ministry)|"
        r"(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)\s+of\s+(?:the\s+)?(?:russian\s+federation|russia)|"
        r"ministère\s+de\s+la\s+défense\s+de\s+(?:la\s+)?(?:fédération\s+de\s+)?russie|"
        r"ministère\s+russe\s+de\s+la\s+défense|ministère\s+de\s+la\s+défense\s+russe|"
        r"russisch\w*\s+verteidigungsminister\w*|moskauer\s+verteidigungsministerium|"
        r"verteidigungsministeri\w*\s+in\s+moskau|"
        r"міноборони\s+(?:рф|росії)|міністерство\s+оборони\s+(?:рф|росії)|"
        r"російськ\w+\s+міноборони|минобороны(?:\s+(?:рф|россии))?|"
        r"министерств\w+\s+обороны\s+(?:рф|россии|российской\s+федерации)|мо\s+рф",
        False,
    ),
    (
        "Ukrainian General Staff",
        r"(?:ukrainian\s+|ukraine['’]s\s+)?general\s+staff|état-major(?:\s+ukrainien)?|"
        r"(?:ukrainisch\w*\s+)?generalstab\w*|генштаб\w*(?:\s+(?:зсу|всу))?|"
        r"генеральн\w+\s+штаб\w*(?:\s+(?:зсу|всу))?",
        False,
    ),
    (
        "Russian milblogger",
        r"(?:russian\s+)?milbloggers?|(?:russian\s+)?war\s*correspondents?|"
        r"(?:russian\s+)?military\s+bloggers?|blogueurs?\s+(?:militaires?\s+)?russes?|"
        r"blogueurs?\s+militaires?|(?:russisch\w*\s+)?militärblogger\w*|мілблогер\w*|"
        r"воєнкор\w*|военкор\w*|милблогер\w*|z-блогер\w*|rybar|рыбарь|рибар|"
        r"two\s+majors|два\s+майора|wargonzo|readovka|colonelcassad|"
        r"военн\w+\s+хроник\w*|voenn?a[yi]a\s+khronika|military\s+chronicle|подоляк\w*|"
        r"podolyak\w*|старше\s+эдды|полковник\w*\s+кассад\w*|операци\w+\s+z|"
        r"(?:russian\s+)?telegram\s+channels?|russian\s+sources",
        False,
    ),
    (
        "ISW",
        r"ISW|institute\s+for\s+the\s+study\s+of\s+war|"
        r"institut\s+(?:américain\s+)?(?:pour\s+l['’])?étude\s+de\s+la\s+guerre|"
        r"institut\s+für\s+kriegsstudien|інститут\s+вивчення\s+війни|"
        r"институт\s+изучения\s+войны|geolocated\s+(?:footage|video\w*|imagery|images)|"
        r"(?:footage|imagery)\s+(?:\w+\s+){0,3}geolocated|"
        r"(?:images|vidéos?)\s+géolocalisé\w*|geolokalisiert\w*\s+(?:aufnahmen|videos?|bilder)|"
        r"геолокован\w+\s+(?:відео|кадр\w*)|геолокализованн\w+\s+(?:видео|кадр\w*)",
        False,
    ),
    ("DeepState", r"deep\s?state|діпстейт|дипстейт", False),
    (
        "Joint Forces Task Force",
        r"joint\s+forces\s+(?:task\s+force|group\w*|command)|task\s+force|угрупован\w+\s+об['’ʼ]?єднаних\s+сил|"
        r"об['’ʼ]?єднан\w+\s+сил\w*|объединенн\w+\s+сил\w*|"
        r"force\s+opérationnelle\s+(?:interarmées|conjointe)|forces\s+conjointes|"
        r"vereinigt\w+\s+(?:kräfte|streitkräfte)|gemeinsam\w+\s+streitkräfte",
        False,
    ),
    (
        "Khortytsia group",
        r"khortytsi?a|хортиц[яі]|хортица|chortyzja|khortytsa",
        False,
    ),
    (
        "Southern Defense Forces",
        r"southern\s+defen[cs]e\s+forces|сил\w*\s+оборони\s+півдня|сил\w*\s+обороны\s+юга|"
        r"forces\s+de\s+défense\s+du\s+sud|forces\s+ukrainiennes\s+du\s+sud|"
        r"verteidigungskräfte\s+des\s+südens|ukrainisch\w*\s+südkommando",
        False,
    ),
    (
        "Ukrainian unit",
        r"\d+(?:st|nd|rd|th|e|\.|-?(?:та|тя|а|я|ї|й|ша|га|му|го|ій|ої))?\s+(?:[\w'’-]+\s+){0,3}"
        rf"(?:{_UNIT_NOUNS})|"
        r"(?:azov|azow|азов|khartiia|хартія)\s+brigade|"
        r"бригад\w+\s+[«\"“](?:азов|хартія|khartiia|azov)",
        False,
    ),
    (
        "Ukrainian military",
        r"(?:ukrainian|ukraine['’]s)\s+(?:military|army|forces|officials|command|commanders?|troops|"
        r"armed\s+forces)|armée\s+ukrainienne|forces\s+ukrainiennes|"
        r"ukrainische\w*\s+(?:armee|militär|streitkräfte|truppen|kommando)|"
        r"сил\w*\s+оборони|зсу|всу|командуванн\w*|українськ\w+\s+військов\w*|"
        r"українськ\w+\s+(?:сили|військ\w*)|украинск\w+\s+(?:военн\w*|войск\w*|сил\w*)|"
        r"commandement\s+militaire\s+ukrainien|syrsk\w*|сирськ\w*|сырск\w*|"
        r"commander-in-chief|oberbefehlshaber|головнокомандувач\w*",
        True,
    ),
    (
        "Ukrainian Air Force",
        r"(?:ukrainian\s+|ukraine['’]s\s+)?air\s+force|armée\s+de\s+l['’]air(?:\s+ukrainienne)?|"
        r"(?:ukrainisch\w*\s+)?luftwaffe|luftstreitkräfte|повітрян\w+\s+сил\w*(?:\s+зсу)?|"
        r"пс\s+зсу|воздушн\w+\s+сил\w*\s+(?:всу|украин\w*)",
        False,
    ),
    (
        "State Border Guard Service",
        r"(?:state\s+)?border\s+guard(?:\s+service)?s?|gardes?-frontières(?:\s+ukrainiens)?|"
        r"grenzschutz\w*|grenzsoldaten|дпсу|прикордонн\w+\s+служб\w*|прикордонник\w*|"
        r"госпогранслужб\w*",
        False,
    ),
    # governors, mayors and occupation heads by name, as the subject of a reporting verb (or
    # their title is: "a annoncé le gouverneur régional Ivan Fedorov")
    *((official.label, official.pattern, True) for official in OFFICIALS),
    (
        "Ukrainian officials",
        r"(?:\w+\s+)?(?:oblast|regional|city)\s+military\s+administration|(?:the\s+)?(?:regional\s+)?governor|"
        r"(?:local|regional|ukrainian)\s+(?:officials|authorities)|city\s+council|"
        r"autorités\s+(?:régionales|locales|ukrainiennes)|gouverneur(?:\s+régional)?|"
        r"administration\s+(?:militaire\s+)?(?:régionale|municipale)(?:\s+(?:de\s+|d['’])[^\W\d_][\w'’-]*)?|"
        r"administration\s+militaire(?:\s+(?:de\s+|d['’])[^\W\d_][\w'’-]*)?|"
        r"municipalité|militärverwaltung|gebietsverwaltung|stadtverwaltung|"
        r"ukrainisch\w*\s+behörden|українськ\w+\s+влад\w*|украинск\w+\s+власт\w*|"
        r"ова|(?-i:РВА|МВА)|(?:обласн|районн|міськ)\w+\s+військов\w+\s+адміністрац\w*|"
        r"district\s+military\s+administration|губернатор\w*|мер|мэр|"
        r"міськ\w+\s+голов\w*|глав\w+\s+ова|начальник\w*\s+ова",
        True,
    ),
    (
        "Russian officials",
        r"russian(?:-installed|-appointed)?\s+(?:officials|authorities)|"
        r"occupation\s+(?:officials|authorities)|autorités\s+(?:russes|d['’]occupation)|"
        r"russisch\w*\s+behörden|besatzungsbehörden|"
        r"окупаційн\w+\s+(?:влад\w*|адміністрац\w*)|оккупационн\w+\s+(?:власт\w*|администрац\w*)|"
        r"российск\w+\s+власт\w*|російськ\w+\s+влад\w*|"
        # "у Росії повідомили", "в России заявили": Russia's officials, not its forces acting
        r"(?:у|в)\s+(?:росії|россии|рф)(?=,?\s+(?:повідомили|заявили|сообщили|заявляют|"
        r"заявляють|стверджують|утверждают|визнали|признали)\b)",
        True,
    ),
    (
        "Russian forces",
        r"russian\s+(?:forces|troops|military|army|command)|forces\s+russes|troupes\s+russes|"
        r"armée\s+russe|russische\w*\s+(?:truppen|streitkräfte|armee|militär)|"
        r"российск\w+\s+(?:войск\w*|сил\w*|военн\w*)|вс\s+рф|російськ\w+\s+(?:військ\w*|сил\w*)|"
        r"окупант\w*|оккупант\w*",
        True,
    ),
    (
        "Russian government",
        r"moscow|kremlin|kreml|moscou|moskau|москва|кремль|кремл\w+|russia|la\s+russie|russland|"
        r"росія|россия",
        True,
    ),
    (
        "Ukrainian government",
        r"kyiv|kiev|kiew|київ|киев|ukraine|l['’]ukraine|україна|украина",
        True,
    ),
)
# "it said", "the ministry said": the speaker named last before.
PRONOUN = prefixed(
    re.compile(
        r"(?<!\w)(?:it|he|she|they|the\s+(?:ministry|statement|command|staff|report|spokesman|"
        r"spokesperson)|il|elle|er|sie|він|вона|вони|он|она|они)\s+(?:also\s+)?"
        r"(?:said|says|added|claimed|reported|a\s+ajouté|a\s+indiqué|fügte|sagte|додав|"
        r"додала|заяви\w*|повідоми\w*|добавил\w*|сообщи\w*)(?!\w)"
        # a relay of the one named before: "Einschläge gab es demnach in X"
        r"|(?<!\w)(?:demnach|(?:ihm|ihr|ihnen)\s+zufolge|according\s+to\s+(?:it|him|her|them)|"
        r"selon\s+(?:lui|elle|eux|elles)|за\s+(?:його|її|їхніми|їх)\s+(?:даними|словами)|"
        r"по\s+(?:его|её|ее|их)\s+(?:данным|словам))(?!\w)",
        _I,
    )
)
# German reported speech with no speaker of its own: the one named before says it ("Der
# Generalstab meldete 152 Gefechte. Bei Kupjansk seien vier Angriffe abgewehrt worden.")
SUBJUNCTIVE = re.compile(r"(?<!\w)(?:sei|seien|habe|hätten)(?!\w)", re.IGNORECASE)
OFFICIAL_SIDE = {official.label: official.side for official in OFFICIALS}
CLAIMANT_SIDE = {
    "Russian MoD": Side.RU,
    "Russian milblogger": Side.RU,
    "Russian forces": Side.RU,
    "Russian government": Side.RU,
    "Russian officials": Side.RU,
    "Ukrainian General Staff": Side.UA,
    "Ukrainian military": Side.UA,
    "Ukrainian government": Side.UA,
    "Joint Forces Task Force": Side.UA,
    "Khortytsia group": Side.UA,
    "Southern Defense Forces": Side.UA,
    "Ukrainian unit": Side.UA,
    "Ukrainian officials": Side.UA,
    "Ukrainian Air Force": Side.UA,
    "State Border Guard Service": Side.UA,
    **OFFICIAL_SIDE,
}
# Who speaks for a region by name (a governor, a mayor): the strikes they tell of with no
# striker are the other side's. ("Ukrainian officials" also tell of their own drones' strikes.)
REGIONAL_VOICES = frozenset(OFFICIAL_SIDE)
SPEAKER_RE = prefixed(
    re.compile(
        r"(?<!\w)(?:"
        + "|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern, _) in enumerate(SPEAKERS))
        + r")(?!\w)",
        _I,
    ),
    # (read where a unit's noun is, and in short heads: it finds its prefixes there alone,
    # and a report's index need not gather its starts at every digit)
    indexed=False,
)
# The speakers but at digits, for a clause without a unit's noun (its dates' digits were
# most of the speaker pattern's failed trials): only a numbered unit starts at a digit, and
# its match holds its noun, which holds the noun's literal letters (`\w*` and `n?` aside).
_SPEAKER_NOT_AT_DIGITS = prefixed(SPEAKER_RE.regex, digits=False)
_UNIT_NOUN_WORDS = Family(
    prefixed(
        re.compile(
            "|".join(
                dict.fromkeys(
                    noun.removeprefix(r"\w*").removesuffix(r"\w*").removesuffix("n?")
                    for noun in _UNIT_NOUNS.split("|")
                )
            ),
            _I,
        )
    )
)
# Reporting verbs after their subject ("ISW assessed", "Москва заявила", "Kiev dément").
VERB_AFTER = prefixed(
    re.compile(
        r"(?:claim\w*|said|says|say|stated|states|reported|reports|report|assert\w*|announc\w*|"
        r"accus\w*|beschuldig\w*|обвини\w*|обвиня\w*|звинуват\w*|звинувачу\w*|"
        r"assess\w*|indicat\w*|show\w*|confirm\w*|told|wrote|posted|published|observed|"
        r"acknowledg\w*|admitt?\w*|reconn\w*|räumt\w*|eingeräumt|визна\w*|призна\w*|"
        r"disent|dit|disait|affirm\w*|revendiqu\w*|annonc\w*|déclar\w*|assur\w*|indiqu\w*|rapport\w*|"
        r"fait\s+état|dément\w*|signal\w*|"
        r"behaupt\w*|erklär\w*|meld\w*|bericht\w*|teilt\w*|sagt\w*|bestätig\w*|"
        r"заяв\w*|повідом\w*|стверджу\w*|інформу\w*|пиш\w*|написа\w*|зазнач\w*|підтверд\w*|"
        r"доповід\w*|сообщ\w*|утвержда\w*|доложи\w*|отчита\w*|подтверд\w*|информиру\w*|"
        r"отмечa\w*|отмеча\w*)(?!\w)",
        _I,
    )
)
# Before the speaker: "according to", "selon", "laut", "за даними".
RELAY_BEFORE = prefixed(
    re.compile(
        r"(?:according\s+to|selon|d['’]après|laut|zufolge|nach\s+angaben|за\s+даними|"
        r"за\s+словами|за\s+інформацією|по\s+данным|по\s+словам|по\s+информации)\s+"
        # ("nach Angaben von Gouverneur Kiper", "nach Angaben vom Generalstab")
        r"(?:von\s+|vom\s+)?"
        r"(?:the\s+|l['’]|le\s+|la\s+|les\s+|des\s+|du\s+|dem\s+|der\s+)?$",
        _I,
    )
)
# A reporting verb before a speaker that ends the clause: "..., said the Russian MoD."
SAID_BEFORE = prefixed(
    re.compile(
        r"(?:said|says|claimed|reported|stated|"
        r"a\s+(?:indiqué|déclaré|affirmé|annoncé|rapporté|précisé|ajouté|signalé|écrit)|"
        r"sagte|erklärte|teilte(?:\s+mit)?|meldete|berichtete|schrieb|повідоми\w*|заяви\w*|сообщи\w*|"
        r"пише|пишет|визна\w*|призна\w*|додав\w*|добавил\w*|говорит|говорят|каже|кажуть|"
        r"сказал\w*|сказав\w*|"
        r"повідомляє|сообщает)\s+(?:the\s+|l['’]|le\s+|la\s+|les\s+|der\s+|die\s+|das\s+)?$",
        _I,
    )
)
_DASH_BEFORE = re.compile(r"[,.]?\s+[—–]\s+$")
# "nach eigenen Angaben", "by its own account": the subject speaks for itself.
OWN_ACCOUNT = re.compile(
    r"nach\s+eigenen\s+angaben|by\s+(?:its|their)\s+own\s+account|"
    r"selon\s+(?:leurs|ses)\s+propres\s+(?:dires|affirmations)|за\s+власними\s+даними|"
    r"по\s+собственным\s+данным",
    _I,
)
# (German's separable verb ends after the speaker: "teilte Gouverneur Fedorow mit.")
_CLAUSE_END_AFTER = re.compile(r"(?:\s+mit)?[^\w]*?(?:[.,;:!?]|$)")


@dataclass(frozen=True, slots=True)
class Assertion:
    label: str
    at: int  # where the assertion is made (its verb, else the speaker)
    speaker: tuple[int, int] = (0, 0)  # where the speaker is named
    spoken: bool = True  # with a reporting verb, not merely named (a unit, an institution)


def assertions(text: str, start: int, end: int, last_speaker: str | None = None) -> list[Assertion]:
    """Who asserts what in text[start:end], in order (`last_speaker`: the one named last
    before, whom "it said" means)."""
    found: list[Assertion] = []
    taken = -1
    if last_speaker is not None:
        pronoun = PRONOUN.search(text, start, end)
        if pronoun is not None:
            found.append(Assertion(last_speaker, pronoun.start()))
    speakers = (
        SPEAKER_RE if _UNIT_NOUN_WORDS.may_match(text, start, end) else _SPEAKER_NOT_AT_DIGITS
    )
    for match in speakers.finditer(text, start, end):
        index = int(match.lastgroup[1:])
        label, _, needs_verb = SPEAKERS[index]
        if label.endswith("government") and _LOCATIVE.search(
            text, max(start, match.start() - 4), match.start()
        ):
            continue  # "the General Staff in Kyiv said": a place, not the speaker
        named = match.span()
        if label in OFFICIAL_SIDE:
            official = _official_named(text, match, start)
            if official is None:
                continue  # "Minister Mykhailo Fedorov", "a soldier named Dmitry Fedorov"
            named = official
            if found and found[-1].label in _TITLED and found[-1].speaker[0] >= named[0]:
                found.pop()  # the title read alone first: the official's
                taken = found[-1].at if found else -1
        verb_at = _verb_after(text, match.end(), end)
        if verb_at is None and label in OFFICIAL_SIDE and text.startswith(", ", match.end()):
            verb_at = _verb_after(text, match.end() + 2, end)  # "the governor, Ivan Fedorov, said"
        if verb_at is None and _named_after_verb(text, named, start, end):
            verb_at = named[0]
        if verb_at is None and text[match.end() : match.end() + 2].startswith(":"):
            verb_at = match.end()  # "Генштаб ЗСУ: ..."
        if verb_at is None and needs_verb:
            continue
        if (
            label == "Ukrainian unit"
            and verb_at is None
            and STRUCK_TARGET.search(text, max(start, match.start() - 50), match.start())
        ):
            continue  # "уничтожен склад 57-й бригады": what was hit, not who speaks
        if label == "Ukrainian unit" and _RUSSIAN_BEFORE.search(
            text, max(start, match.start() - 20), match.start()
        ):
            label = "Russian forces"  # "the Russian 20th Motorized Rifle Regiment"
        if label == "Ukrainian officials" and _russian_region_official(text, match, start, end):
            label = "Russian officials"  # "the Belgorod governor", "мэр Курска"
        at = verb_at if verb_at is not None else match.start()
        if at <= taken:
            continue
        found.append(Assertion(label, at, named, spoken=verb_at is not None))
        taken = at
    if not found and last_speaker is not None:
        relayed = SUBJUNCTIVE.search(text, start, end)
        if relayed is not None:
            found.append(Assertion(last_speaker, relayed.start()))
    return sorted(found, key=lambda a: a.at)


def _official_named(text: str, match: re.Match, start: int) -> tuple[int, int] | None:
    """Where an official is named, with the title before the name ("le gouverneur régional
    Ivan Fedorov"); None when another given name says it is another person."""
    if (
        not _WITH_GIVEN_NAME.search(match.group())
        and _OTHER_GIVEN_NAME.search(text, max(start, match.start() - 20), match.start())
        and not _TITLE_OF_PLACE.search(text, max(start, match.start() - 45), match.start())
    ):
        return None
    title = _TITLE_BEFORE.search(text, max(start, match.start() - 45), match.start())
    return (title.start() if title else match.start(), match.end())


# The generic speakers a title reads as: "le gouverneur régional Ivan Fedorov", "governor
# Vyacheslav Gladkov", "губернатор Гладков" are the official, not "officials".
_TITLED = frozenset({"Ukrainian officials", "Russian officials"})
# An official's title right before the name (their given name is part of the name's pattern).
_TITLE_BEFORE = re.compile(
    r"(?<!\w)(?:(?:regional|oblast|city|russian-installed|occupation)\s+)?(?:gov\.|governor|official|"
    r"gouverneur\w*(?:\s+régional)?|mayor|maire|bürgermeister|oberbürgermeister|"
    r"(?:chef|head)\s+(?:de\s+l['’]administration\s+régionale|"
    r"of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:region|oblast|administration|city))|"
    r"губернатор\w*|мэр\w*|мер\w*|голов[аи]\s+(?:\w+\s+)?ова|глав[аы]\s+(?:\w+\s+)?(?:ова|региона)|"
    r"начальник\w*\s+(?:\w+\s+)?ова)\s*,?\s+$",
    _I,
)
_WITH_GIVEN_NAME = re.compile(r"\s")
# "Мэр Севастополя Развожаев", "Governor of Zaporizhzhia Fedorov": the word before is the
# title's place, not a given name
_TITLE_OF_PLACE = re.compile(
    rf"(?<!\w)(?:{TITLE_WORDS}|head|chef)\s+(?:(?:of|de|du|von|des)\s+(?:la\s+)?)?"
    r"(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]+\s+$",
    _I,
)
# A capitalised word right before a surname that is not the official's given name (nor a title
# or a verb): another person of that name.
_OTHER_GIVEN_NAME = re.compile(
    r"(?<![\w.])(?!(?i:selon|laut|according|nach|gov|governor|gouverneur|mayor|maire|head|chef|"
    r"bürgermeister|губернатор|мэр|мер|глава|голова|начальник|за|по|as|wie|як|как)\s)"
    r"(?-i:[A-ZА-ЯІЇЄҐ][a-zа-яіїєґё]+)\s+$"  # (not "Belgorod's Gladkov")
)


_LOCATIVE = re.compile(r"(?:\bin|\bà|\bв|\bу)\s+$", _I)
# The Russian regions and cities whose governors and mayors the news quotes, and the ones the
# occupation installed: "the Belgorod governor", "губернатор Курской области", "мэр
# Севастополя" (a word of its own: not "кримінальна", "Горлівка").
_RUSSIAN_REGION = (
    r"(?:belgorod|бєлгород|белгород|kursk|koursk|курськ|курск|bryansk|briansk|brjansk|брянськ|"
    r"брянск|rostov|ростов|voronezh|voronej|woronesch|воронеж|oryol|orel|orjol|орловск|орл[её]|"
    r"krasnodar|краснодар|lipetsk|липецк|moscow|moscou|moskau|москв|sevastopol|sébastopol|"
    r"sewastopol|севастопол|crimea|crimée|krim|крим|крым)\w*"
)
# ... right before the title ("the Belgorod governor", "Бєлгородський губернатор"), or right
# after it ("governor of Kursk Oblast", "le gouverneur de la région de Koursk", "губернатор
# Курской области", "мэр Севастополя"); not later in the clause ("the Sumy governor said
# drones from the Kursk region hit Shostka")
_RUSSIAN_REGION_BEFORE = re.compile(rf"(?<!\w){_RUSSIAN_REGION}(?:['’]s)?\s+(?:\w+\s+)?$", _I)
_RUSSIAN_REGION_AFTER = re.compile(
    r"\s+(?:(?:of|de|du|des|der|von|des\s+gebiets)\s+(?:the\s+|la\s+|l['’]|le\s+)?"
    r"(?:(?:russian\s+)?(?:région|region|oblast|province|city)\s+(?:russe\s+)?(?:de\s+|d['’]|of\s+)?)?)?"
    rf"{_RUSSIAN_REGION}",
    _I,
)


def _russian_region_official(text: str, match: re.Match, start: int, end: int) -> bool:
    """Whether a governor, a mayor or local authorities are those of a Russian region or
    city ("the Belgorod governor", "le gouverneur de la région de Koursk"); a Ukrainian
    institution's name ("oblast military administration", "ОВА") never is."""
    if re.search(r"military|військов|ова", match.group(), _I):
        return False
    return bool(
        _RUSSIAN_REGION_BEFORE.search(text, max(start, match.start() - 30), match.start())
        or _RUSSIAN_REGION_AFTER.match(text, match.end(), end)
        # one the occupation installed: "Назначенный Москвой губернатор Херсонской области",
        # or who speaks as Moscow does ("Губернатор …: киевский режим продолжает террор")
        or _INSTALLED_BEFORE.search(text, max(start, match.start() - 40), match.start())
        or _MOSCOW_S_WORDS.search(text, start, min(len(text), end + 200))
    )


_INSTALLED_BEFORE = re.compile(
    r"(?:назначенн\w*\s+москвой|пророссийск\w*|russian-installed|moscow-installed|"
    r"pro-russian|kremlin-installed|prorusse|von\s+moskau\s+eingesetzt\w*|"
    r"призначен\w*\s+(?:москвою|окупантами)|окупаційн\w*|оккупационн\w*)\s+(?:\w+\s+){0,2}$",
    _I,
)
# How far into a post its heading speaker's words are read for Moscow's
_VOICE_REACH = 400
# Words only Moscow's officials use of Ukraine's government and forces
_MOSCOW_S_WORDS = re.compile(
    # (not quoted: "Российская пропаганда называет это ударом по «боевикам ВСУ»")
    r"(?<![«\"„“'])(?:киевск\w*\s+режим\w*|kyiv\s+regime|kiev\s+regime|régime\s+de\s+kiev|kiewer\s+regime|"
    r"неонацист\w*|боевик\w*\s+всу|украинск\w*\s+боевик\w*)",
    _I,
)


_RUSSIAN_BEFORE = re.compile(r"russ|росі|росси|российск", _I)


CHANNEL_VOICE = "Russian milblogger"
# Texts that name no speaker but speak in a recognisable voice: the Russian MoD's bulletin
# formula, the first person plural of Ukrainian military summaries, DeepState's map updates.
VOICES: tuple[tuple[str, re.Pattern | Prefixed], ...] = (
    (
        "Russian MoD",
        prefixed(
            re.compile(
                r"подразделени\w+\s+группировк\w+\s+войск|группировк\w+\s+войск\s+[«\"]|"
                # the bulletin's daily formulas
                r"оперативно-тактическ\w+\s+авиаци\w+|средствами\s+пво\s+(?:за\s+сутки\s+)?сбит\w*|"
                r"пункт\w*\s+временной\s+дислокаци\w+|поражение\s+живой\s+сил\w+|"
                r"освобожд[её]н\w*\s+населённ\w+\s+пункт\w*|"
                r"(?:units|troops)\s+of\s+the\s+\w+\s+group\s+of\s+forces|"
                r"unités\s+du\s+groupement|einheiten\s+der\s+truppengruppe",
                _I,
            )
        ),
    ),
    (
        # the General Staff's daily formulas
        "Ukrainian General Staff",
        prefixed(
            re.compile(
                r"бойов\w+\s+зіткнен\w+|оперативн\w+\s+інформаці\w+\s+станом|"
                r"combat\s+(?:clashes|engagements)",
                _I,
            )
        ),
    ),
    (
        "Ukrainian military",
        prefixed(
            re.compile(
                r"наш\w*\s+(?:захисник\w*|військ\w*|оборонц\w*|воїн\w*|підрозділ\w*|бійц\w*)|"
                r"our\s+(?:defenders|troops|soldiers|units)|nos\s+(?:défenseurs|troupes|soldats)|"
                r"unsere\w*\s+(?:verteidiger|truppen|soldaten)",
                _I,
            )
        ),
    ),
    (
        # Russian "наши" (Ukrainian writes "наші"): a Russian channel's own troops
        CHANNEL_VOICE,
        prefixed(
            re.compile(
                r"(?<!\w)наши\s+(?:штурмовик\w*|бойц\w*|подразделени\w*|войск\w*|парни|ребята|позици\w*|"
                r"десантник\w*|разведчик\w*|штурмов\w+\s+отряд\w*|вошли|зашли)|"
                r"(?<!\w)наш(?:их|им)\s+(?:источник\w*|бойц\w*|штурмовик\w*|подразделени\w*)|"
                # words for Ukrainian soldiers that only a Russian channel uses
                r"(?<!\w)(?:укроп\w*|всушник\w*)|"
                # and its sign-off: "Glory to Russia!", "Слава России!"
                r"\bglory\s+to\s+russia\b|(?<!\w)слава\s+россии\b|\bgloire\s+à\s+la\s+russie\b",
                _I,
            )
        ),
    ),
    (
        "DeepState",
        prefixed(
            re.compile(
                r"(?:мап|карт)[уаі]\s+оновлен\w*|оновлен\w*\s+(?:мап|карт)[уиі]|"
                r"оновлення\s+(?:мапи|карти)",
                _I,
            )
        ),
    ),
)


def voice_of(text: str) -> str | None:
    """Who speaks in a text that names no speaker, from its formula (None: the outlet)."""
    for label, pattern in VOICES:
        if pattern.search(text):
            return label
    return None


def paragraph_speaker(text: str, start: int) -> str | None:
    """The speaker a paragraph opens with ("Генштаб ЗСУ:", "Russian MoD:"): a bulletin's
    sentences are theirs."""
    opening = max(text.rfind("\n\n", 0, start), 0)
    raw = text[opening : min(start, opening + 100)]
    head = raw.lstrip()
    at = opening + len(raw) - len(head)  # where the head starts in the text
    colon = head.find(":")
    line = head.split("\n", 1)[0]
    # (a post's first paragraph, a title line of its own: "Сумська ОВА", "Kharkiv Regional
    # Military Administration — daily update")
    paragraph = text[opening:start].strip()
    title = text.startswith("\n\n", start) and "\n" not in paragraph and len(paragraph) <= 120
    lead = _LEAD_SENTENCE.match(head)
    if lead is not None and any(
        _only_the_speaker(lead.group(1), match) for match in SPEAKER_RE.finditer(lead.group(1))
    ):
        # a post opening with its speaker alone: "Нікопольська РВА. Ворог продовжує терор."
        head, colon, title = lead.group(1), len(lead.group(1)), False
    elif (piped := _PIPED_TITLE.match(head)) is not None and (
        speaking := _speaking_part(piped.group(1), piped.group(2))
    ):
        # a post's signature line: "Іван Федоров | Запорізька ОВА", "Oleh Syniehubov |
        # Kharkiv Regional Military Administration", "Генштаб ЗСУ | 01.12.2026"
        head, colon, title = speaking, -1, True
    elif 0 <= colon < 60:
        head = head[:colon]  # "ISW Key Takeaways, December 4:", "Генштаб ЗСУ повідомляє:"
    elif 60 <= colon < 100 and (comma := head.find(",", 0, 60)) > 0:
        # "Generalstab der ukrainischen Streitkräfte, Lagebericht vom 7. Dezember:": the
        # speaker before the comma, what they issue after it
        head, colon = head[:comma], comma
    elif len(line) < 40 and "\n" in head:
        head = line  # "Сводка Минобороны РФ."
    elif title:
        head = _TITLE_TAIL.split(paragraph, maxsplit=1)[0]
    else:
        return None
    profile = (0 <= colon < 60 and _PROFILE_AFTER.match(text, at + colon + 1)) or (
        title and _PROFILE_WORDS.search(paragraph)
    )
    heading = not profile and (0 <= colon < 60 or title)
    named = None  # (the last body a heading names: "Kyiv City Military Administration")
    for match in SPEAKER_RE.finditer(head):
        label, _, needs_verb = SPEAKERS[int(match.lastgroup[1:])]
        if not needs_verb:
            return label
        # (a body that is the whole head before a colon, or a title, speaks: "Харківська ОВА:",
        # "Губернатор Херсонской области")
        if heading and _only_the_speaker(head, match):
            named = label
            if label == "Ukrainian officials" and (
                _russian_region_official(head, match, 0, len(head))
                or _MOSCOW_S_WORDS.search(text, at, min(len(text), at + _VOICE_REACH))
            ):
                named = "Russian officials"  # "Губернатор Курской области:"
    if named is not None:
        return named
    if 0 <= colon < 60 and not profile:
        # a named official opening the post: "Олег Григоров: …" (not a headline about them:
        # "Олег Григоров: хто він і чому його призначили")
        for found in assertions(text, at, at + colon + 1):
            if found.spoken:
                return found.label
    return None


# A post's first line of two parts: a person and their office, a body and a date
_PIPED_TITLE = re.compile(r"([^\n|]{2,40})\|([^\n|]{2,70})\n")
_GOVERNMENTS = frozenset({"Ukrainian government", "Russian government"})


def _speaking_part(*parts: str) -> str | None:
    """The first part of a signature line that names its speaker alone (not a capital:
    "Reuters | Kyiv"), if any."""
    for part in parts:
        part = part.strip()
        for match in SPEAKER_RE.finditer(part):
            label = SPEAKERS[int(match.lastgroup[1:])][0]
            if label not in _GOVERNMENTS and _only_the_speaker(part, match):
                return part
    return None


# A post's first sentence, short, ended by a full stop
_LEAD_SENTENCE = re.compile(r"([^.:\n]{3,40})\.\s")
# What a title line adds after its speaker: "— daily update", "| evening summary"
_TITLE_TAIL = re.compile(r"\s+[—–|]\s+")


def _signs(line: str) -> bool:
    """Whether a last line is a signature ("Олег СИНЄГУБОВ, начальник Харківської ОВА",
    "— Вячеслав Гладков"), not a sentence about an actor ("По Херсону окупанти били з лівого
    берега"): it has no verb."""
    return _PAST_OR_PRESENT_VERB.search(line) is None


# A Ukrainian or Russian past or present verb, an English past
_PAST_OR_PRESENT_VERB = re.compile(
    r"(?<!\w)(?:[а-яіїєґё]{2,}(?:ли|ла|ло|ють|ять|ают|яют|ует|ує)|[a-z]{3,}ed)(?!\w)"
)


def _only_the_speaker(head: str, match: re.Match) -> bool:
    """Whether a heading names only its speaker, with its region's name ("Харківська ОВА",
    "Губернатор Херсонской области", "Militärverwaltung des Gebiets Sumy"; emoji and marks
    aside)."""
    before, after = head[: match.start()], re.findall(r"[\w'’.]+", head[match.end() :])
    return (
        len(re.findall(r"\w+", before)) <= 1
        and len(after) <= 3
        and all(_REGION_WORD.fullmatch(word) for word in after)
    )


# The words of a region's name after a speaker: "Херсонской области", "des Gebiets Sumy"
_REGION_WORD = re.compile(
    r"[A-ZА-ЯІЇЄҐ][\w'’.-]*|област\w*|oblast|region|région|de|du|des|d['’]\w+|la|of|the"
)


# ... or anywhere in a title line: "Сумська ОВА: Олег Григоров — біографія нового голови"
_PROFILE_WORDS = re.compile(
    r"(?<!\w)(?:біографі\w*|биографи\w*|biograph\w*|досьє|досье|profile|portrait|хто|кто|who)"
    r"(?!\w)",
    re.IGNORECASE,
)
_PROFILE_AFTER = re.compile(
    r"\s*(?:хто|що|кто|что|who|what|біографі|биографи|biograph|досьє|досье|портрет|profile)",
    re.IGNORECASE,
)


def signoff_speaker(text: str, start: int) -> str | None:
    """The speaker a post signs off with, after a dash at its paragraph's end ("...
    пошкоджено підприємство. — Дніпропетровська ОВА") or as its own last line ("\n\nГенштаб
    ЗСУ", "\n\n— Вячеслав Гладков", "\n\n#DeepStateUA"): the post's sentences are theirs."""
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    spans = []
    signed = _SIGNOFF.search(text, max(start, end - 90), end)
    if signed is not None:
        spans.append((*signed.span("who"), False))
    last = _SIGNATURE_LINE.search(text, max(end, len(text) - _SIGNATURE_REACH))
    if last is not None:
        spans.append((*last.span("who"), True))
    for first, stop, line in spans:
        spoken = next(iter(assertions(text, first, stop)), None)
        if spoken is not None:
            return spoken.label
        for match in SPEAKER_RE.finditer(text, first, stop):
            label = SPEAKERS[int(match.lastgroup[1:])][0]
            if label.endswith("government"):
                continue  # a slogan's country, not a signature: "Россия своих не бросает"
            if line and not _signs(text[first:stop]):
                continue  # a last sentence naming an actor: "По Херсону окупанти били ..."
            if label == "Ukrainian officials" and _russian_region_official(
                text, match, first, stop
            ):
                return "Russian officials"  # "Губернатор Брянской области Александр Богомаз"
            return label
    return None


# A post's last words after a dash, once its last sentence has ended.
# (not a credit: "— Фото: Сумська ОВА")
_CREDIT = r"(?!(?i:фото|photo|foto|відео|видео|video|джерело|источник|source|quelle|credit)\b)"
_SIGNOFF = re.compile(rf"[.!?…»\"”)]\s*+[—–]\s*+{_CREDIT}(?P<who>[^.\n—–!?]{{3,70}}?)[.\s]*$")
_SIGNATURE_REACH = 130
# ... or a short last paragraph of its own, a dash or a tag before it (a tag's "UA" set aside:
# "#DeepStateUA")
_SIGNATURE_LINE = re.compile(
    rf"\n\s*\n[ \t]*(?:[—–-]\s*|#)?{_CREDIT}(?P<who>[^\n.!?:]{{3,70}}?)(?:UA)?[.\s]*"
    # (the channel's link under it: "t.me/chernigivskaODA"; its tags: "#Zaporizhzhia #Stepnohirsk")
    r"(?:\n[ \t]*(?:https?://|t\.me/|@)\S+[ \t]*)?(?:\n[ \t]*(?:#\w+[ \t]*)+)?\s*$"
)


def _named_after_verb(text: str, named: tuple[int, int], start: int, end: int) -> bool:
    """ "according to the General Staff", "..., said the Russian MoD."."""
    first, last = named
    near = max(start, first - 30)
    if RELAY_BEFORE.search_window(text, near, first):
        return True
    if _DASH_BEFORE.search(text[near:first]) and _CLAUSE_END_AFTER.match(text[last:end][:8] or ""):
        return True  # "..., — ОВА.", "... — Угруповання об'єднаних сил."
    return bool(SAID_BEFORE.search_window(text, near, first)) and bool(
        _CLAUSE_END_AFTER.match(text[last:end][:8] or "")
    )


def _verb_after(text: str, position: int, end: int) -> int | None:
    """Where a reporting verb starts within a few words after a speaker."""
    verb = VERB_AFTER.search(text, position, min(end, position + 45))
    if verb is None:
        return None
    between = text[position : verb.start()]
    if any(mark in between for mark in ",.;:!?") or len(between.split()) > 4:
        return None
    speakers = (
        SPEAKER_RE
        if _UNIT_NOUN_WORDS.may_match(text, position, verb.start())
        else _SPEAKER_NOT_AT_DIGITS
    )
    if speakers.search_window(text, position, verb.start()):
        return None
    return verb.start()


def claimant_at(found: list[Assertion], action_at: int) -> str | None:
    """The assertion nearest before the action, else the first after it. A speaker with a
    reporting verb outranks one merely named: in "milbloggers claimed that elements of the
    506th Regiment seized X" the regiment is the actor, the milbloggers the claimant."""
    before = [a for a in found if a.at <= action_at]
    if before:
        spoken = [a for a in before if a.spoken]
        return (spoken or before)[-1].label
    return found[0].label if found else None
