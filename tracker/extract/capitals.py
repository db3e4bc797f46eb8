"""Capitals named for their governments ("Moscow said", "Kiev dément", "Москва вимагає").

Reports name Kyiv and Moscow far more often as actors than as scenes. A capital is read as a
place only in a scene frame: after a locative or target word ("in Kyiv", "sur Kiev", "над
Києвом", "по Москве", "struck Kyiv"), and not as the speaker of the clause ("у Києві це
заперечили"). Anywhere else — subject, object of a demand, "par Moscou", "aus Kiew", a
dateline — it names the government and is no place (no mention, no claim).
"""

from __future__ import annotations

import re

from tracker.extract.claim_lexicon import dateline_end
from tracker.extract.lexicon import DIRECTION_OF

# (country, gazetteer name) of the seats of government in the gazetteer's countries.
CAPITALS = frozenset({("UA", "Kyiv"), ("RU", "Moscow"), ("BY", "Minsk"), ("MD", "Chisinau")})

# A word before the capital that makes it a scene: prepositions of place and direction, and
# the verbs of strikes whose object is a place.
SCENE_BEFORE = frozenset(
    """
    in into on onto over near at around outside across toward towards against
    à au aux sur dans près vers contre autour
    im auf über bei nach gegen um nahe
    у в на над по під біля до поблизу навколо
    во под около возле к вокруг
    struck hit attacked targeted shelled bombed bombarded
    frappé visé bombardé attaqué touché frappée visée bombardée attaquée touchée
    getroffen angegriffen beschossen bombardiert beschoss bombardierte
    атакували атакував обстріляли обстріляла вдарили вдарила
    атаковали атаковал обстреляли обстреляла ударили ударила
    """.split()
)
# Verbs of attack also said of words ("Москва атакувала Київ дипломатичною нотою", "griff Kiew
# scharf an"): a scene only with the weapons that struck it in the sentence
ARMED_SCENE_BEFORE = frozenset("атакувала атаковала griff griffen".split())
_WEAPON_AFTER = re.compile(
    r"(?:ракет|дрон|шахед|бпла|беспилотн|безпілотн|drohne|rakete|marschflugk|gleitbomb|"
    r"missile|drone|уламк|обломк|trümmer|debris|вибух|взрыв|explosion)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;\n]|$")
# "from X to Y": a route between places ("a statement from Kyiv" is its government)
_FROM = frozenset("from з із зі из от de d aus von".split())
# (not to another capital: "signals from Moscow to Kyiv" are the governments')
_ROUTE_TO = re.compile(
    r"\s+(?:to|до|à|bis|nach|к|в|у)\s+(?!(?i:kyiv|kiev|kiew|moscow|moscou|moskau|minsk|київ|"
    r"києв|киев|москв|мінськ|минск))(?-i:[A-ZА-ЯІЇЄҐ])",
    re.IGNORECASE,
)
# Words between a scene word and the capital that keep the frame: "in the capital Kyiv",
# "à la capitale Kiev", "у столиці Києві".
TRANSPARENT = frozenset(
    """
    the capital city la le capitale ville die der den dem hauptstadt stadt
    столиці столиця столицю місті місто столице столица столицу городе город
    """.split()
)
# A reporting verb soon after the capital: its people speak there ("у Києві це заперечили",
# "in Moscow, officials said").
SPEAKER_AFTER = re.compile(
    r"^[\s,]*(?:[^\s.;!?]+\s+){0,2}?"
    r"(?:said|says|say|claimed|claims|denied|denies|rejected|rejects|dismissed|announced|"
    r"dément|démenti|affirme|affirmé|déclare|déclaré|annonce|annoncé|"
    r"bestätigte|bestreitet|dementierte|erklärte|sprach|meldete|meldet|hieß|"
    r"заперечили|заперечують|заперечує|заявили|заявляють|повідомили|"
    r"заявляют|сообщили|опровергли|отрицают)\b",
    re.IGNORECASE,
)
# "пока в Москве говорят о мире", "как в Москве называют Бахмут": its people in power speak
# (only right after the name: "по Києву, у КМВА називають ..." is a scene).
_SPEAK_VERBS = r"(?:говорят|говорять|называют|називають|утверждают|стверджують|считают|вважають)"
_SPEAK_RIGHT_AFTER = re.compile(rf"^[ \u00a0]+{_SPEAK_VERBS}\b", re.IGNORECASE)
_SPEAK_VERB = re.compile(_SPEAK_VERBS, re.IGNORECASE)  # "утверждают в Москве"
# Institutions whose seat a capital names: "the ministry in Moscow" is the government.
_SEATED = (
    "ministry",
    "ministère",
    "ministerium",
    "міністерство",
    "министерство",
    "officials",
    "authorities",
    "autorités",
    "behörden",
    "embassy",
    "ambassade",
    "botschaft",
)
# "Киев. 9 февраля.", "Kyiv, 9 December": a date right after the capital opening a report
_DATE_AFTER = re.compile(r"[.,]\s+\d{1,2}\s+[^\W\d_]{3,}\.?(?:\s|$)")
_WORD_EDGES = ".,;:()[]\"'«»“”„‹›!?"
_WINDOW = 60


def _spoken(text: str, words: list[str], end: int) -> bool:
    """Whether the institution before the capital speaks: a reporting verb before it in the
    sentence or right after the capital."""
    return _speaks_after(text, end) or any(
        SPEAKER_AFTER.match(word) or word in _SPOKE_BEFORE for word in words[:-2]
    )


def _speaks_after(text: str, end: int) -> bool:
    """Whether a reporting verb follows the capital named before `end`."""
    after = text[end : end + _WINDOW]
    return bool(SPEAKER_AFTER.match(after) or _SPEAK_RIGHT_AFTER.match(after))


# German reporting verbs whose particle comes last ("teilte ... mit", "gab ... bekannt").
_SPOKE_BEFORE = frozenset({"teilte", "gab", "gaben", "teilten"})


def is_capital_candidate(country: str, name: str) -> bool:
    return (country, name) in CAPITALS


# A city's mayor named with it: the city, not its government
_MAYOR = re.compile(
    r"(?:mayor\s+of|maire\s+de|bürgermeister\s+von|мер\w*|мэр\w*|міськ\w+\s+голов\w+)\s+$",
    re.IGNORECASE,
)
_MAYOR_AFTER = re.compile(r"\s+(?:mayor|city\s+hall)\b", re.IGNORECASE)
# What a government's possessive owns when it speaks: "Moscow's statements", "Kyiv's claims"
_VOICE_AFTER = re.compile(
    r"['’]s\s+(?:[^\W\d_]+\s+)?(?:statements?|claims?|reports?|version|accounts?|narrative|"
    r"propaganda|rhetoric|officials?|spokes(?:man|men|woman|person)|bulletins?|"
    r"announcements?|words)\b",
    re.IGNORECASE,
)


def names_government(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the capital named at text[start:end] stands for its government, not a scene.
    A dateline ("KYIV, Jan 12 (Reuters) -", "МОСКВА, 12 ноя —") names where the report was
    filed: a place, though never a claim's."""
    opening = text[sentence_start:start].strip()
    if not opening or opening.endswith("/"):  # ("BERLIN/KYIV (Reuters) -": the second city too)
        dateline = dateline_end(text, sentence_start)
        if dateline is not None and end <= dateline:
            return False
        if not opening and text[start:end].isupper() and text[end : end + 1] == ".":
            return False  # "КИЇВ. У Дарницькому районі …": a dateline of its own
        if not opening and _DATE_AFTER.match(text, end):
            return False  # "Киев. 9 февраля. ИНТЕРФАКС-УКРАИНА –": an agency's dateline
    if DIRECTION_OF.search(text, max(sentence_start, start - 50), start) or _MAYOR.search(
        text, max(sentence_start, start - 20), start
    ):
        # "à 160 km au sud-ouest de Moscou", "south of Kyiv": a reference point; "Мэр Москвы",
        # "the mayor of Kyiv": the city
        return False
    if _MAYOR_AFTER.match(text, end):
        return False  # "Moscow Mayor Sergei Sobyanin"
    if _VOICE_AFTER.match(text, end):
        return True  # "still called Krasny Liman in Moscow's statements": whose words
    before = text[max(sentence_start, start - _WINDOW) : start].split()
    words = [w.strip(_WORD_EDGES).lower() for w in before]
    while words and (not words[-1] or words[-1] in TRANSPARENT):
        words.pop()
    if words and words[-1] in _FROM and _ROUTE_TO.match(text, end):
        return False  # "з Києва до Фастова", "from Kyiv to Fastiv": a route's end, a scene
    if words and words[-1] in ARMED_SCENE_BEFORE:
        sentence_end = _SENTENCE_END.search(text, end).start()
        return _WEAPON_AFTER.search(text, end, sentence_end) is None
    if not words or words[-1] not in SCENE_BEFORE:
        return True
    if len(words) > 1 and (SPEAKER_AFTER.match(words[-2]) or _SPEAK_VERB.fullmatch(words[-2])):
        return True  # "сообщили в Киеве", "said in Kyiv": where they spoke
    if len(words) > 1 and words[-2].endswith(_SEATED) and _spoken(text, words, end):
        # "teilte das Verteidigungsministerium in Moskau mit", "the ministry in Moscow said"
        # (not "drones hit the defence ministry in Kyiv": there Kyiv is the scene)
        return True
    return _speaks_after(text, end)
