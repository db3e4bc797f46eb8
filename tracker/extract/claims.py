"""Turn place mentions in sentences that assert military activity into proposed claims.

A sentence that asks, demands, sets a condition, forecasts, recalls history or captions a
photo makes no claim (`modality`). Per clause, each place that is a scene (`scenes`) takes
the action nearest before it (else after), unless negated or modal; the side is whose forces
do it (the subject, a passive's agent, the side after an action noun), else the claimant's;
a repel is two claims (the attack and its repelling). The claimant is who asserts the action
(`claimants`), else the outlet; the date is written in the sentence, else the report's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date

from tracker import front_line
from tracker.extract.claim_lexicon import (
    AGENT_BEFORE,
    AIR_WEAPON,
    ATTEMPT,
    BOTH_TOWNS_ANAPHOR,
    CONTINUE,
    DIRECTION_AFTER,
    ENEMY,
    GOVERNMENT_SEATS,
    LAUNCH_LIST_WORD,
    LAUNCHED_FROM,
    NOUN_ACTION,
    ORIGIN_BEFORE,
    REGIONS_AFTER,
    RU_WORDS,
    SPEAKERS_SEAT_BEFORE,
    STRUCK_TARGET,
    TOWN_ANAPHOR,
    TOWNS_ANAPHOR,
    UA_WORDS,
    dateline_end,
)
from tracker.extract.claimants import (
    CLAIMANT_SIDE,
    OWN_ACCOUNT,
    PRONOUN,
    REGIONAL_VOICES,
    SUBJUNCTIVE,
    assertions,
    claimant_at,
    paragraph_speaker,
    signoff_speaker,
    voice_of,
)
from tracker.extract.dates import dates_in, relative_dates
from tracker.extract.lexicon import (
    ACTION_RE,
    CLASH_WORDS,
    DAMAGE_WORD,
    DIRECTION_OF,
    HEDGES,
    PUSHED_BACK_WORDS,
    PUSHING_VERBS,
    REGION_ORIGIN_BEFORE,
    ROUTE_BEFORE,
)
from tracker.extract.modality import (
    asserts,
    attempted,
    blocked,
    called_fake_after,
    called_untrue,
    continuing,
    demand_at,
    not_waged_after,
    retracted,
)
from tracker.extract.no_events import no_event
from tracker.extract.prefixed import Family, prefixed
from tracker.extract.scan import scan_lexicon
from tracker.extract.scenes import (
    is_scene_of,
    may_be_scene,
    precision,
    republic_region,
    sector,
)
from tracker.extract.sentences import bulleted
from tracker.extract.speaker_places import in_the_speakers_words, speaking_body_of
from tracker.extract.text import UKRAINIAN_LETTERS, clause_spans, token_end
from tracker.extract.types import Mention, ProposedClaim
from tracker.gazetteer import EU_NEIGHBOURS, TOWN_POPULATION
from tracker.model import Action, Precision, Side
from tracker.names import has_cyrillic

OTHER = {Side.RU: Side.UA, Side.UA: Side.RU}
_UNIT = "Ukrainian unit"
_ACTIONS = {action.value: action for action in Action}


@dataclass(frozen=True, slots=True)
class _Act:
    at: int
    end: int
    action: Action
    word: str
    blocked: bool = False


@dataclass(slots=True)
class _Report:
    """What every clause of a report reads: its text and scans, its voice, where it is from."""

    text: str
    action_scan: tuple
    side_scan: tuple
    voice_side: Side | None
    source: str | None
    report_date: date
    issuer: str | None  # who issues the bulletin the text's formula says it is


# The voices whose formula names the bulletin's issuer
_ISSUING_VOICES = frozenset({"Russian MoD", "Ukrainian General Staff", "DeepState"})


@dataclass(slots=True)
class _Sentence:
    """One sentence's span, places, speakers, dates and quote, shared by its clauses."""

    start: int
    end: int
    places: list[Mention]
    said: list
    written: list
    quote: str
    ukrainian: bool  # written in Ukrainian (not Russian): whose voice an unattributed text is
    after_strikes: bool  # the sentence before told of strikes (an item of damage may follow)
    scene: tuple[Mention, object] | None = None  # the last place a clause made a scene
    denied_until: int = -1  # where a clause calling a claim untrue ends (its claimant's)


def propose_claims(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    *,
    report_date: date,
    source: str | None,
    scans: dict[str, list[re.Match]] | None = None,
) -> list[ProposedClaim]:
    """`scans`: the action and side matches of the text (`scan.scan_lexicon`), if the caller
    has them."""
    if scans is None:
        scans = scan_lexicon(text)
    action_scan = _positions(scans["action"])
    marks = [(m.start(), Side.RU) for m in scans["ru"]]
    side_scan = _positions(sorted(marks + [(m.start(), Side.UA) for m in scans["ua"]]))
    # (a place abroad by the border is no scene of the war's claims: jets scrambled from
    # Rzeszów, debris fallen near Isaccea)
    places = [
        m
        for m in mentions
        if m.place is not None and not m.reference and m.place.country not in EU_NEIGHBOURS
    ]
    starts = [m.start for m in places]
    # (where a place is named at all, resolved or not: a sentence naming one the gazetteer
    # could not place answers no attacks of the sentence before)
    named_at = sorted(m.start for m in mentions if m.level != "region")
    claims: list[ProposedClaim] = []
    # A bulletin's formula or a channel's "наши штурмовики" tells whose forces the text's
    # unattributed actions are; who asserts them is what the text or its source names.
    voice = voice_of(text)
    voice_side = CLAIMANT_SIDE.get(voice or "")
    # (a bulletin's formula also names who issues it, when nothing else does: "Оперативна
    # інформація станом на 08:00 …" is the General Staff's, "мапу оновлено" DeepState's)
    issuer = voice if voice in _ISSUING_VOICES else None
    report = _Report(text, action_scan, side_scan, voice_side, source, report_date, issuer)
    attacked: tuple[int, list[ProposedClaim]] = (-2, [])  # the last sentence's claims
    struck = -2  # the last sentence that told of a strike
    strike_scan = _positions([m for m in scans["action"] if m.lastgroup == "strike"])
    action_starts = action_scan[1]
    for number, (start, end) in enumerate(sentences):
        # (most sentences name no action: one look, and nothing else read for them)
        low = bisect_left(action_starts, start)
        # (a list of what strikes did follows the sentence that told of them, item by item)
        after_strikes = struck == number - 1
        if _in_range(*strike_scan, start, end):
            struck = number
        if (low == len(action_starts) or action_starts[low] >= end) and not (
            after_strikes
            and (listed := _listed_item(text, start, end)) is not None
            and _damage_item(text, listed, end) is not None
        ):
            continue
        in_sentence = places[bisect_left(starts, start) : bisect_left(starts, end)]
        named_before = False  # whether its places are the sentence before's ("both villages")
        if not in_sentence and number:
            # "... positions in Sudzha. Milbloggers claimed Russian forces advanced into the
            # southern outskirts of the town.": the one town of the sentence before
            before = _towns(text, sentences[number - 1], places, starts)
            in_sentence = _named_before(text, start, end, before)
            named_before = bool(in_sentence)
        if not in_sentence:
            if attacked[0] == number - 1 and not _in_range(named_at, named_at, start, end):
                claims.extend(
                    _repelled_next(text, start, end, attacked[1], action_scan, report_date)
                )
            continue
        first_new = len(claims)
        sentence = text[start:end]
        if not asserts(text, start, end, report_date) or _CREDIT_AFTER.match(text, end):
            continue  # (a photo's credit after it: "... am 30. November. (Foto: dpa)")
        said = assertions(text, start, end, _last_speaker(text, sentences, number))
        written = sorted(
            dates_in(text, report_date, start, end) + relative_dates(text, report_date, start, end)
        )
        quote = " ".join(sentence.split())
        sentence_info = _Sentence(
            start, end, in_sentence, said, written, quote, _ukrainian(sentence), after_strikes
        )
        clauses = _listed_after_colon(
            text, _headed(text, clause_spans(text, start, end)), action_scan
        )
        for clause_start, clause_end in clauses:
            made = len(claims)
            _clause_claims(report, sentence_info, clause_start, clause_end, claims)
            if made == len(claims) and made > first_new:
                # "... griffen bei X und Y an; sämtliche Angriffe seien abgewehrt worden"
                claims.extend(
                    _repelled_in_clause(
                        report, in_sentence, clause_start, clause_end, claims[first_new:]
                    )
                )
        if claims[first_new:] and (
            taken_back := retracted(text, start, end, _told_after(report, sentences, number))
        ):
            # ("… but later deleted the post"): what its clause and the one before told, or
            # what it says was said ("withdrew his claim that troops had taken X")
            at, forward = taken_back
            since, until = (
                (at, _said_until(text, at, min(end, at + _RETRACTED_REACH)))
                if forward
                else (_clause_before(clauses, min(at, end - 1)), at)
            )
            claims[first_new:] = [
                c for c in claims[first_new:] if not since <= c.mention.start < until
            ]
        if named_before:
            # "… attacked X and Y. Ukrainian troops repelled the assaults on both villages": the
            # attacks were claimed with the places named
            told = {(c.place, c.side, c.action) for c in claims[:first_new]}
            claims[first_new:] = [
                c for c in claims[first_new:] if (c.place, c.side, c.action) not in told
            ]
        attacked = (number, claims[first_new:])
        if any(c.action == Action.STRIKE for c in claims[first_new:]):
            struck = number
    # ("Five years ago … occupied Bucha and Irpin", "when Ukrainian troops retook Robotyne in
    # August 2023": history a report recalls, not what it reports)
    return [c for c in claims if (report_date - c.event_date).days <= HISTORY_DAYS]


# How far after "withdrew his claim that" what it said may be named
_RETRACTED_REACH = 120


def _said_until(text: str, at: int, stop: int) -> int:
    """Where what a retraction says was said ends: at the next verb phrase joined on ("deleted
    the post about Toretsk and claimed …")."""
    joined = _JOINED_ON.search(text, at, stop)
    return joined.start() if joined else stop


_JOINED_ON = re.compile(
    r"[,;]|\s(?:and|but|while|et|mais|und|aber|і|та|але|а|и|но)\s", re.IGNORECASE
)


def _clause_before(clauses: list[tuple[int, int]], position: int) -> int:
    """Where the clause before the one holding `position` starts (the first's start)."""
    holding = next((i for i, (_, stop) in enumerate(clauses) if position < stop), len(clauses) - 1)
    return clauses[max(0, holding - 1)][0]


def _told_after(report: _Report, sentences: list[tuple[int, int]], number: int) -> int | None:
    """Where the sentence after sentence `number` ends, if it tells of no action of its own
    (what it says of a post is about the sentence before's: "The post was later deleted.")."""
    if number + 1 == len(sentences):
        return None
    start, end = sentences[number + 1]
    return None if _in_range(*report.action_scan, start, end) else end


# An event dated further back than this before its report is history the report recalls.
HISTORY_DAYS = 90


# A modal verb whose subject is an action noun: "L'offensive ... devrait viser X".
_MODAL_VERB = prefixed(
    re.compile(
        r"\b(?:could|might|would|will|should|pourr\w+|devr\w+|va|vont|könnte\w*|dürfte\w*|"
        r"soll\w*|wird|werden|може|можуть|буде|будуть|может|могут|будет|будут)\b",
        re.IGNORECASE,
    )
)


# How far before a place the words of a launch may stand ("launched ... from the directions of
# Kursk, Oryol, and Millerovo cities and Primorsko-Akhtarsk")
_LAUNCH_REACH = 120
_LIST_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _launch_site(text: str, mention: Mention) -> bool:
    """Whether a place is named as where drones or missiles were launched from: the launch
    words, then only a list of such places up to it."""
    # (past the clause: "з Брянської області, а також з окупованого Криму" is one list)
    start = max(0, mention.start - _LAUNCH_REACH)
    launched = list(LAUNCHED_FROM.finditer(text, start, mention.start))
    if not launched:
        return False
    between = text[launched[-1].end() : mention.start]
    if any(stop in between for stop in ".;:!?"):
        return False
    return all(LAUNCH_LIST_WORD.fullmatch(word) for word in _LIST_WORDS.findall(between))


def _imminent(text: str, mention: Mention, in_sentence: list[Mention], end: int) -> bool:
    """Whether the place (with the places listed after it) is said to be about to fall."""
    if _IMMINENT_BEFORE.search(text, max(0, mention.start - 45), mention.start):
        return True  # "the imminent fall of X", "die bevorstehende Einnahme von X"
    last = mention.end
    for other in in_sentence:  # "die Einnahme von X und Y stehe unmittelbar bevor"
        if other.start >= last and _LISTED.fullmatch(text, last, other.start):
            last = other.end
    imminent = _IMMINENT.match(text, last, min(end, last + 45))
    # (not "captured X — a matter of weeks after the assault began")
    return imminent is not None and not _SINCE.match(text, imminent.end())


_SINCE = re.compile(
    r"['\"»”“]?\s*(?:after|since|après|depuis|nach|seit|после|після|з\s+моменту)\b", re.I
)


# What is about to happen: "the fall of X is a matter of days", "die Einnahme von X stehe
# unmittelbar bevor", "взятие X — вопрос нескольких дней"
_IMMINENT = re.compile(
    r"[\s'\"«»„“”—–-]*(?:(?:is|was|will\s+be|would\s+be|est|était|sera|serait|ist|sei|wäre|"
    r"stehe|steht|є|буде|будет|было)\s+)?(?:only\s+|seulement\s+|nur\s+|noch\s+|лишь\s+|"
    r"лише\s+|уже\s+|вже\s+|just\s+|unmittelbar\s+|kurz\s+|direkt\s+)?(?:the\s+|une?\s+|eine\s+)?['\"«»„“”]*"
    r"(?:(?:a\s+)?matter\s+of\s+(?:days|weeks|hours|time)|imminent\w*|"
    r"(?:une\s+)?question\s+de\s+(?:jours|semaines|temps|quelques)|"
    r"Frage\s+(?:von\s+)?(?:Tagen|Wochen|Stunden|der\s+Zeit)|bevor(?:steht|stehe|stünde)?\b|"
    r"вопрос\w*\s+(?:нескольких\s+|считанных\s+)?(?:дней|недель|часов|времени)|"
    r"питання\s+(?:кількох\s+)?(?:днів|тижнів|годин|часу)|не\s+за\s+горами|"
    r"неизбежн\w*|неминуч\w*|неминуем\w*)",
    re.IGNORECASE,
)
_IMMINENT_BEFORE = re.compile(
    r"(?:imminent\w*|bevorstehend\w*|неминуч\w*|неминуем\w*|неизбежн\w*)\s+"
    r"(?:[\w-]+\s+){0,2}(?:of|de|d['’]|von|der|des)?\s*$",
    re.IGNORECASE,
)
_LISTED = re.compile(r"\s*(?:,|and|et|und|и|і|та)\s*(?:(?:and|et|und|и|і|та)\s+)?")
# A perfective future is no event yet: "Можливо, ворог ударить по Києву", "Россия ударит".
_FUTURE_FORM = re.compile(
    r"ударит|ударят|вдарить|вдарять|захватит|захватят|захопить|возьм[её]т|возьмут|візьме|"
    r"візьмуть|освободит|освободят|звільнить|атакуют\s+завтра",
    re.IGNORECASE,
)
_UNREAD = object()  # (a value not read yet)
# (or an agency's photo credit: "... December 20, 2025. REUTERS/Staff")
_CREDIT_AFTER = re.compile(
    r"\s*\((?:photo|foto|фото)\s*:|"
    r"\s*(?-i:REUTERS|Reuters|AFP|EPA|AP\s+Photo)\s*/\s*[\w '’-]{1,40}(?:\n|$)",
    re.IGNORECASE,
)


def _clause_claims(
    report: _Report, sentence: _Sentence, clause_start: int, clause_end: int, claims: list
) -> None:
    """The claims one clause makes, appended to `claims` (the report's so far: a place named
    twice in one breath is claimed once)."""
    text, start, end = report.text, sentence.start, sentence.end
    in_sentence, said, written, quote = (
        sentence.places,
        sentence.said,
        sentence.written,
        sentence.quote,
    )
    voice_side, source, report_date = (
        report.voice_side,
        report.source,
        report.report_date,
    )
    action_scan, side_scan = report.action_scan, report.side_scan
    untrue = called_untrue(text, clause_start, clause_end)
    if untrue is not None:
        # "заяви про «захоплення» X не відповідають дійсності" — and "the village" after it is X
        denied = [
            m
            for m in sentence.places
            if clause_start <= m.start < untrue.start() and m.level == "settlement" and m.place
        ]
        if len(denied) == 1:
            sentence.scene = (denied[0], denied[0].place)
        # (what a spaced hyphen adds after the verdict is a clause of its own: "… does not
        # correspond to reality - the village remains under the control of …")
        dash = text.find(" - ", untrue.end(), clause_end)
        sentence.denied_until = clause_end if dash < 0 else dash
        if dash >= 0:
            _clause_claims(report, sentence, dash + 3, clause_end, claims)
        return
    # ("ворог" is only Ukrainian: its enemy is Russia, whoever holds the place; a Ukrainian
    # outlet's "противник" may be TASS's, relayed)
    enemy_named = (
        sentence.ukrainian and _ENEMY_UA.search(text, clause_start, clause_end) is not None
    )
    demand = demand_at(text, clause_start, clause_end)
    limit = clause_end if demand is None else clause_start + demand
    every = _acts(text, clause_start, limit, action_scan)
    acts = [a for a in every if not a.blocked]
    # (an item of a post's list: "🔻 Алешки — повреждены жилой дом", "Каховка — обстрел")
    listed = _listed_item(text, clause_start, limit)
    if not acts:
        item = _damage_item(text, listed, limit) if listed and sentence.after_strikes else None
        if item is None:
            return
        every = acts = [item]
    spoken = [a.speaker for a in said]
    sources = _SOURCE_WORDS.may_match(text, clause_start, clause_end)  # (most clauses: none)
    # (a dateline's country is where the story was filed: "ZAPORIJJIA (Ukraine), 10 décembre")
    dateline = (dateline_end(text, start) or start) if clause_start == start else clause_start
    sides = [
        s
        for s in _in_range(*side_scan, max(clause_start, dateline), clause_end)
        if not any(a <= s[0] < b for a, b in spoken)  # "laut ukrainischem Militär"
        and not _names_a_region(text, s[0], clause_start)
        # (nor a place's own name: "the Moscow region", "Подмосковье", "in Moscow")
        and not any(m.start <= s[0] < m.end for m in in_sentence)
        and not (sources and _names_the_source(text, s[0], clause_start))
        # (whom a target served: "цистерни з пальним для російських військ", "ein Zug mit
        # Munition für die russischen Truppen")
        and not _FOR_BEFORE.search(text, max(clause_start, s[0] - 12), s[0])
        # (nor a leader's nationality where the leader is no subject: "la ville natale du
        # président ukrainien", "the hometown of the Ukrainian president")
        and not _OF_LEADER_BEFORE.search(text, max(clause_start, s[0] - 24), s[0])
        and not (
            _LEADER_AFTER.match(text, s[0])
            and _OF_BEFORE.search(text, max(clause_start, s[0] - 8), s[0])
        )
    ]
    if not sides and not said and called_fake_after(text, clause_end):
        return  # "Інформація в пабліках про нібито висадку ДРГ у Краматорську — фейк."
    enemies = [m.start() for m in ENEMY.finditer(text, clause_start, clause_end)]
    ours = [m.start() for m in _OURS.finditer(text, clause_start, clause_end)]
    owners = _owners(text, [p for p, _ in sides] + enemies, acts, clause_start, clause_end)
    hedged = bool(HEDGES.search(text, clause_start, clause_end))
    previous: tuple[Mention, Precision] | None = None
    previous_end: int | None = None
    last_scene: tuple[Mention, object] | None = None
    unnamed = _UNREAD  # the sentence's own account or paragraph speaker, read once if needed
    shared: dict[tuple, list[tuple[Side, Action]]] = {}  # the events, per action and claimant
    # ("🔵 Lyman : la 63e brigade … a repoussé un assaut près de Torske": a heading is the
    # sector of an item whose first words name a place of their own; not "Купянск: наши
    # группы закрепились у вокзала, противник подтягивает резервы из Купянска-Узлового")
    heading_end = clause_start
    if listed is not None:
        first_words = _FIRST_WORDS.match(text, listed, limit)
        if not _BACK_TO_HEADING.search(text, listed, first_words.end()) and any(
            m.level == "settlement"
            and listed <= m.start < first_words.end()
            # (not where the attack came from: "Siversk: enemy groups from Zvanivka tried to
            # enter the town")
            and not ORIGIN_BEFORE.search(text, max(listed, m.start - 25), m.start)
            for m in in_sentence
        ):
            heading_end = listed
    for mention in in_sentence:
        if not heading_end <= mention.start < limit:
            continue
        place_precision = precision(text, mention, clause_start, previous)
        previous = (mention, place_precision)
        chosen = _pick(text, every, mention.start)
        if chosen is None:
            continue  # "may intensify attacks on X"
        if _frames_others(text, mention, place_precision, in_sentence, clause_start, limit, chosen):
            continue
        if (
            _where_clause_frames(text, mention, in_sentence, limit, chosen)
            or _direction_frame(text, mention, in_sentence, clause_start, limit, chosen, every)
            or _near_frame(text, mention, in_sentence, clause_start, limit, chosen)
        ):
            continue
        neighbour = _NEIGHBOUR_AFTER.match(text, mention.end)
        if neighbour and any(o.start == neighbour.end() for o in in_sentence):
            continue  # "a drone hit a bus in Orikhiv's neighbour Mala Tokmachka": it locates
        if _imminent(text, mention, in_sentence, end):
            continue  # "the fall of X is a matter of days": what is to come has not happened
        if mention.level == "region" and _unknown_village_before(
            text, mention, clause_start, in_sentence
        ):
            continue  # "die Einnahme von Swanowka im Gebiet Donezk": it locates the village
        if mention.level == "region" and REGION_ORIGIN_BEFORE.search(
            text, max(0, mention.start - 28), mention.start
        ):
            continue  # "обстріляв Шостку та Глухів з боку Брянської області": where fire came from
        if _launch_site(text, mention):
            continue  # "drones launched from Russia's Kursk region and from occupied Crimea"

        named = claimant_at(said, chosen.at)
        if named == _UNIT and voice_side == Side.RU:
            named = None  # "отражены контратаки ... 68-й бригады": the MoD's target
        if not named and unnamed is _UNREAD:
            unnamed = _own_account(text, start, end, sides) or _post_speaker(text, start)
        claimant = named or unnamed
        # The events depend on the place only through the action chosen for it, who claims
        # it and whether it is a Russian place struck: places sharing those share them (a
        # clause of real reporting names two or three places, most with one action).
        struck_at_home = _struck_at_home(mention, chosen)
        struck_by = _unnamed_striker(
            text,
            mention,
            chosen,
            claimant,
            voice_side,
            bool(sides or enemies or ours),
            sentence.ukrainian,
        )
        official = claimant in REGIONAL_VOICES or claimant in _OFFICIALS_OF_A_SIDE
        if (
            chosen.action == Action.STRIKE
            and not (sides or enemies or ours)
            # (a bulleted item in an administration's post: what it suffered, not what its own
            # side did, as an MoD's "✈️ … нанесен удар по аэродрому" is)
            and (listed or (official and bulleted(text, clause_start)))
        ):
            # the post said who strikes before its list ("ВСУ выпустили … 🔻 Алешки — …",
            # "Consequences of Russian attacks: • Kharkiv: …")
            struck_by = _last_striker(claims, side_scan, clause_start) or struck_by
        # (whether Russia holds the place: the attacks a Russian official names no side for
        # there are Ukraine's; on a Ukrainian-held town they are Russia's offensive)
        russian_held = mention.place is not None and (
            mention.place.country == "RU" or front_line.held_by_russia(mention.place) is True
        )
        key = (id(chosen), claimant, struck_at_home, struck_by, russian_held)  # (`every`: acts)
        events = shared.get(key)
        if events is None:
            own = CLAIMANT_SIDE.get(claimant or "") or (voice_side if not claimant else None)
            fallback = own or _worded_side(chosen.word, sentence.ukrainian)
            if own and _ACCUSES.search(text, clause_start, chosen.at):
                # "Moscou a accusé Kiev d'avoir bombardé X": the accused did it, not who speaks
                fallback = OTHER[own]
            # "зафіксовано 3 атаки в районі X", "18 affrontements près de X" in a Ukrainian
            # voice: attacks nobody is named for are the enemy's
            # a Ukrainian claimant, or an unattributed Ukrainian-language sentence
            ukrainian_voice = own == Side.UA or (own is None and sentence.ukrainian)
            # (and in a Russian official's: "Balizki meldete Stromausfälle in Berdjansk nach
            # Angriffen auf Umspannwerke")
            attacker = (
                Side.RU
                if ukrainian_voice and _lexicon_action(chosen.word) == "attack"
                else Side.UA
                if official
                and own == Side.RU
                and russian_held
                and _lexicon_action(chosen.word) == "attack"
                else fallback
            )
            defender = fallback or (Side.UA if ukrainian_voice else None)
            if (
                fallback is None
                and chosen.action == Action.REPEL
                and _AIR_DEFENCE.search(chosen.word)
            ):
                # "Над Белгородской областью сбиты 12 беспилотников": who holds the sky there
                defender = _holder(mention) or defender
            speaker = own or (Side.UA if enemy_named else None) or struck_at_home
            actors = _turned(_with_enemy(sides, enemies, speaker, ours, text, own), owners)
            attacker = struck_by or attacker
            events = _events(text, acts, actors, chosen, fallback, attacker, defender, official)
            shared[key] = events
        place, place_precision = _place(text, mention, place_precision, previous_end)
        previous_end = mention.end
        if place is None:
            continue
        if (
            SPEAKERS_SEAT_BEFORE.search_window(text, max(start, mention.start - 30), mention.start)
            or _seat_opening(text, start, mention, in_sentence)
            or speaking_body_of(text, start, mention, len(in_sentence) > 1)
            or in_the_speakers_words(text, mention, every[0].at)
        ):
            # "l'état-major à Kiev", "officials in Kherson said": where the speakers sit, no
            # scene — unless "the city" after says it is ("… said shelling hit the city"; a
            # capital's institutions speak for the country: their "city" is the story's)
            if place.name not in GOVERNMENT_SEATS and place_precision != Precision.REGION:
                last_scene = last_scene or (mention, place)
            continue
        on_axis = place_precision == Precision.REGION and sector(text, mention, clause_start)
        scene = None  # whether the place may be a scene of any action (read once, if asked)
        for side, action in events:
            if on_axis and action == Action.CONTROL:
                action = Action.ATTACK  # "operations in the Huliaipole direction": no holding
            if scene is None:
                scene = may_be_scene(text, mention, start)
            if not scene or not is_scene_of(text, mention, start, action):
                continue
            if any(
                c.quote == quote and c.place == place and (c.side, c.action) == (side, action)
                for c in claims[-8:]
            ):
                continue  # "Мирноград (Димитров)": one place named twice
            claims.append(
                ProposedClaim(
                    place=place,
                    mention=mention,
                    event_date=_event_date(written, mention.start - start, report_date),
                    side=side,
                    action=action,
                    claimant=claimant or source or report.issuer or "media",
                    precision=place_precision,
                    quote=quote,
                    confidence=_confidence(mention, claimant, hedged, place_precision),
                    source_name=source,
                )
            )
            if place_precision != Precision.REGION:  # (no town "the town" means: a direction)
                last_scene = (mention, place)
    if last_scene is not None and last_scene[0].start < clause_start:
        last_scene = None
    if last_scene is None and not any(clause_start <= m.start < limit for m in in_sentence):
        # "Während Moskau Fedoriwka meldete, erklärte die Armee, ihre Truppen hielten den Ort"
        last_scene = sentence.scene
    elif last_scene is not None:
        sentence.scene = last_scene
    # "... most of Kupiansk, and that Russian groups remain in the north of the town"
    for anaphor in TOWN_ANAPHOR.finditer(text, clause_start, limit):
        if last_scene is None:
            continue
        mention, place = last_scene
        chosen = _pick(text, every, anaphor.start())
        # (the act after the place: before "the town" or right after it, "the village
        # remains under the control of …")
        if chosen is None or not mention.end < chosen.at:
            continue
        # (not whose claim the sentence called untrue before: "the MoD's claim … does not
        # correspond to reality - the village remains under the control of …")
        heard = [a for a in said if a.at >= sentence.denied_until]
        claimant = claimant_at(heard, chosen.at) or _post_speaker(text, start)
        own = CLAIMANT_SIDE.get(claimant or "") or (voice_side if not claimant else None)
        sides_here = _turned(_with_enemy(sides, enemies, own, ours, text, own), owners)
        near = precision(text, _at(mention, anaphor), clause_start, None)
        struck_by = _unnamed_striker(
            text, mention, chosen, claimant, voice_side, bool(sides or enemies), sentence.ukrainian
        )
        for side, action in _events(text, acts, sides_here, chosen, own, struck_by):
            # (a strike the sentence already gave the place decided its side: "Енергодара
            # заявляє, що місто «атаковано українськими дронами»" is one strike)
            if any(
                c.place == place
                and c.action == action
                and (c.side == side or (action == Action.STRIKE and c.quote == quote))
                for c in claims[-8:]
            ):
                continue
            claims.append(
                ProposedClaim(
                    place=place,
                    mention=mention,
                    event_date=_event_date(written, anaphor.start() - start, report_date),
                    side=side,
                    action=action,
                    claimant=claimant or source or report.issuer or "media",
                    precision=near,
                    quote=quote,
                    confidence=_confidence(mention, claimant, hedged, near) - 0.05,
                    source_name=source,
                )
            )


def _towns(
    text: str, sentence: tuple[int, int], places: list[Mention], starts: list[int]
) -> list[Mention]:
    """The settlements a sentence names (after its dateline: a dateline's city is where the
    story was filed, no town a later "the city" means; not a reference: "liberated
    Kivsharivka, southeast of Kupiansk-Vuzlovyi" names one; nor a direction named after a
    town: "Іванопілля на Костянтинівському напрямку" names one)."""
    start, end = sentence
    towns = [
        m
        for m in places[bisect_left(starts, start) : bisect_left(starts, end)]
        if m.level == "settlement" and not m.reference and not sector(text, m, start)
    ]
    if not towns:
        return towns
    dateline = dateline_end(text, start) or start
    return [m for m in towns if m.start >= dateline]


def _headed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Vovtchansk, Vovtchanski Khoutory et Ohirtseve : l'état-major affirme avoir repoussé
    onze assauts", "Kostjantyniwka: Die Stadt liegt unter Beschuss", an administration's item
    "🔴 Золочів — удар КАБом по приватному сектору": a heading that only names places belongs
    to the clause after its colon or dash."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        if (
            merged
            and _LIST_MARK.match(text, merged[-1][1])
            and _HEADING.fullmatch(text, *merged[-1])
        ):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _listed_after_colon(
    text: str, spans: list[tuple[int, int]], action_scan: tuple[list, list[int]]
) -> list[tuple[int, int]]:
    """ "перехвачены и уничтожены 87 беспилотников: 34 — над территорией Брянской области, 21
    — над Курской областью": after an action and its colon, the clauses that name no action
    of their own list where it happened."""
    merged: list[tuple[int, int]] = []
    listing = False  # (after such a colon, until a clause names an action)
    for span in spans:
        acts = bool(_in_range(*action_scan, *span))
        item_end = len(text[: span[1]].rstrip(".!?…"))
        item = (
            _LIST_ITEM.match(text, *span)
            or _HEADING.fullmatch(text, span[0], item_end)
            # ("4 авіаудари — по Степногірську, Малій Токмачці та Приморському"; a list: not an
            # ellipsis, "…, а українські – біля Куп'янська")
            or (
                _LISTED_TARGETS.fullmatch(text, span[0], item_end)
                and _MORE_THAN_ONE.search(text, span[0], item_end)
            )
        )
        if (
            merged
            and not acts
            and item
            and (
                listing
                # (a colon or a dash: "Під ударами — Запоріжжя, Оріхів")
                or (_LIST_MARK.match(text, merged[-1][1]) and _in_range(*action_scan, *merged[-1]))
            )
        ):
            merged[-1] = (merged[-1][0], span[1])
            listing = True
        else:
            merged.append(span)
            listing = False
    return merged


_LIST_MARK = re.compile(r"\s{0,2}[:—–]")
_FIRST_WORDS = re.compile(r"[^,;]*")
# Words of an item that point back to its heading's town: the town itself ("attacked the city"),
# or a district of it ("м. Харків — ворог атакував Шевченківський район")
_BACK_TO_HEADING = re.compile(
    r"(?<!\w)(?:the\s+(?:city|town)|la\s+ville|die\s+stadt|der\s+stadt|міст[оау]|місті|город\w*|"
    r"район\w*|district|raion|quartier|bezirk|stadtteil)(?!\w)",
    re.IGNORECASE,
)


def _listed_item(text: str, start: int, end: int) -> int | None:
    """Where the words of a list's item start, after the places it opens with and their colon
    or dash ("🔹 Краматорськ: пошкоджено …"); None when the clause is no such item."""
    head = _HEADING.match(text, start, end)
    if head is None or head.end() == start:
        return None
    mark = _LIST_MARK.match(text, head.end())
    return mark.end() if mark else None


def _last_striker(claims: list[ProposedClaim], side_scan, before: int) -> Side | None:
    """The side that struck last in the report: a side named after the last strike claimed
    (a heading's "Russian attacks"), else that claim's."""
    last = next((c for c in reversed(claims) if c.action == Action.STRIKE), None)
    marks = _in_range(*side_scan, last.mention.end if last else 0, before)
    if marks:
        return marks[-1][1]
    return last.side if last else None


def _damage_item(text: str, start: int, end: int) -> _Act | None:
    """ "🔹 Краматорськ: пошкоджено 3 приватні будинки": an item naming a place and what
    strikes did there (in a post that told of strikes before it) is a strike there; `start`
    is where the item's words start."""
    damage = _DAMAGE.search(text, start, end)
    if damage is None:
        return None
    return _Act(damage.start(), damage.end(), Action.STRIKE, damage.group())


_DAMAGE = re.compile(
    r"(?<!\w)(?:пошкоджен\w*|зруйнован\w*|поранен\w*|загинул\w*|загинув|травмован\w*|"
    r"поврежден\w*|разрушен\w*|ранен[аыо]?|погиб\w*|пострадал\w*|постраждал\w*|"
    r"damaged|destroyed|injured|wounded|killed|beschädigt|zerstört|verletzt|getötet|"
    r"endommagée?s?|détruite?s?|blessée?s?|tuée?s?)(?!\w)",
    re.IGNORECASE,
)
# An item of such a list: a count ("34 — над территорией Брянской области") or where in the
# sky (not a clause of its own: "погибли двое мирных жителей Белгорода")
_LIST_ITEM = re.compile(r"\s*(?:\d|(?:над|понад|over|über|au-dessus)(?!\w))", re.IGNORECASE)
# Capitalised names joined by commas and "and": nothing else.
_HEADING = re.compile(
    # ("…, Chornobaïvka et la ville de Kherson elle-même")
    r"[\W_]*(?:(?:la\s+ville\s+d(?:e\s+|['’])|the\s+(?:city|town)\s+of\s+|die\s+Stadt\s+|"
    r"місто\s+|город\s+)?[A-ZА-ЯІЇЄҐ][\w'’-]*(?:\s+[A-ZА-ЯІЇЄҐ][\w'’-]*)?"
    r"(?:\s+(?:elle-même|itself|selbst))?"
    # (an administration's unit: "• Марганецька громада — атака дрона")
    # (not a city's district: "▪️ Київський район — вибух", a Kharkiv district, no village)
    r"(?:\s+(?:громад[аи]|громад[аы]|община|community|hromada))?"
    r"(?:\s*,\s*|\s+(?:and|et|und|та|і|и)\s+)?)+\s*",
)

# Places after a preposition and nothing else: the targets an action before listed
_MORE_THAN_ONE = re.compile(r",|\s(?:and|et|und|та|і|и)\s")
_TARGET_PREPOSITION = (
    r"(?:по|на|у|в|біля|під|под|около|возле|on|at|in|near|sur|à|près\s+de|auf|bei)\s+"
)
# (the preposition may be said again: "ein: in Balabyne, in Kuschuhum und in Malokaterynivka")
_LISTED_TARGETS = re.compile(
    r"\s*(?:"
    + _TARGET_PREPOSITION
    + _HEADING.pattern
    + r"(?:(?:,\s*|\s+(?:and|et|und|та|і|и)\s+)"
    + _TARGET_PREPOSITION
    + _HEADING.pattern
    + r")*)"
)


def _repelled_in_clause(
    report: _Report,
    in_sentence: list[Mention],
    start: int,
    end: int,
    before: list[ProposedClaim],
) -> list[ProposedClaim]:
    """A clause of the sentence that names no place and only repels answers the attacks of
    the clauses before it — not when the attackers' side repels there ("…; Russian forces also
    repelled Ukrainian counterattacks": they repel someone else)."""
    if any(start <= m.start < end for m in in_sentence):
        return []
    attackers = {c.side for c in before if c.action == Action.ATTACK}
    if any(side in attackers for _, side in _in_range(*report.side_scan, start, end)):
        return []
    return _repelled_next(report.text, start, end, before, report.action_scan, report.report_date)


def _repelled_next(
    text: str, start: int, end: int, before: list[ProposedClaim], scanned, report_date: date
) -> list[ProposedClaim]:
    """ "The enemy stormed our positions near X. Every wave was repelled.": a sentence that
    names no place and only repels answers the attacks of the sentence before it."""
    attacks = [c for c in before if c.action == Action.ATTACK]
    if not attacks or not asserts(text, start, end, report_date):
        return []
    acts = [a for a in _acts(text, start, end, scanned) if not a.blocked]
    # the attacks it names are what was repelled ("stopped every assault")
    if (
        not any(a.action == Action.REPEL for a in acts)
        or any(
            a.action not in (Action.REPEL, Action.ATTACK) or _AIR_DEFENCE.search(a.word)
            for a in acts
        )
        or AIR_WEAPON.search(text, start, end)  # "air defence repelled the drones"
    ):
        return []
    quote = " ".join(text[start:end].split())
    answered = {(c.place, c.side) for c in before if c.action == Action.REPEL}
    return [
        replace(
            c,
            side=OTHER[c.side],
            action=Action.REPEL,
            quote=f"{c.quote} {quote}",
            confidence=c.confidence - 0.05,
        )
        for c in attacks
        if (c.place, OTHER[c.side]) not in answered
    ]


def _named_before(text: str, start: int, end: int, before: list[Mention]) -> list[Mention]:
    """The towns of the sentence before that this one names by "the town" (one town),
    "both villages" (two) or "these villages" (two or more), as if written there."""
    if len(before) == 1:
        anaphor = TOWN_ANAPHOR.search(text, start, end)
        if anaphor and _VILLAGE_WORD.search(anaphor.group()) and _a_town(before[0]):
            anaphor = None  # "südlich der Stadt Siwersk … den Westteil des Dorfes": no town
    elif len(before) == 2:
        anaphor = BOTH_TOWNS_ANAPHOR.search(text, start, end) or TOWNS_ANAPHOR.search(
            text, start, end
        )
    else:
        anaphor = TOWNS_ANAPHOR.search(text, start, end) if before else None
    return [_at(town, anaphor) for town in before] if anaphor is not None else []


_VILLAGE_WORD = re.compile(r"village|dorf|село|села|селі|селе|селом", re.IGNORECASE)


def _a_town(mention: Mention) -> bool:
    return mention.place is not None and mention.place.population >= TOWN_POPULATION


def _at(mention: Mention, anaphor: re.Match) -> Mention:
    """The mention as if written where "the town" stands (for the words before it)."""
    return replace(mention, start=anaphor.start(), end=anaphor.end(), level="settlement")


def _own_account(text: str, start: int, end: int, sides: list[tuple[int, Side]]) -> str | None:
    """ "Ukrainische Truppen haben nach eigenen Angaben ...": the side that acts speaks."""
    if not sides or not OWN_ACCOUNT.search(text, start, end):
        return None
    return "Ukrainian military" if sides[0][1] == Side.UA else "Russian forces"


def _last_speaker(text: str, sentences: list[tuple[int, int]], number: int) -> str | None:
    """Who was named as speaking in the three sentences before ("..., it said")."""
    start, end = sentences[number]
    if not (PRONOUN.search(text, start, end) or SUBJUNCTIVE.search(text, start, end)):
        return None
    for before in range(number - 1, max(-1, number - 4), -1):
        said = assertions(text, *sentences[before])
        if said:
            return said[-1].label
    return None


def _place(text: str, mention: Mention, place_precision: Precision, previous_end: int | None):
    """The place a claim is about: the oblast for "the Donetsk People's Republic", unless
    it only locates the place before it ("Шевченко Донецкой Народной Республики")."""
    region = republic_region(text, mention)
    if region is False:
        return mention.place, place_precision
    if previous_end is not None and not REGIONS_AFTER.match(text, mention.end):
        return None, place_precision  # the republic locates the place named before it
    return region, Precision.REGION


# A town said again, then its region: "cette ville ferroviaire de la région de Kharkiv", "the
# town in the Kharkiv region", "цього міста на Харківщині"
_ANAPHOR_OF_REGION = re.compile(
    r"(?:\b(?:cette|la)\s+(?:ville|localité|commune)|\b(?:this|the)\s+(?:town|city|village)|"
    r"\b(?:diese[rsmn]?|der|die)\s+(?:Stadt|Ortschaft)|(?:цього|этого)\s+(?:міста|села|города|"
    r"поселка|посёлка)|(?:це|это)\s+(?:місто|село|город))"
    r"(?:\s+[^\W\d_]+){0,2}\s+(?:de\s+la|du|in\s+the|of\s+the|im|in\s+der|des|на|в|у)\s*$",
    re.IGNORECASE,
)
_LOCATING = re.compile(
    r"[\s,(]*(?:(?:in|of|de|la|der|im|dans|в|у|на)\s+)?(?:the\s+|la\s+|le\s+)?"
    # "... від Покровського на межі Дніпропетровської та Запорізької областей"
    r"(?:(?:на\s+(?:межі|границе|кордоні)|on\s+the\s+border\s+(?:of|between)|à\s+la\s+limite\s+des|"
    r"an\s+der\s+Grenze\s+(?:der|zwischen))\s+(?:the\s+)?"
    # ("an der Grenze der Gebiete Donezk und Dnipropetrowsk")
    r"(?:(?:Gebiete|regions|oblasts|régions)\s+(?:de\s+|of\s+)?)?)?"
    # (after the pair's first region: "на межі Дніпропетровської та")
    r"(?:[A-ZА-ЯІЇЄҐ][\w'’-]+\s+(?:та|і|и|and|et|und)\s+)?",
    re.IGNORECASE,
)


# A name shaped like a village's, just before a region that locates it: the gazetteer did not
# place it, and the region is not where the event happened.
_UNKNOWN_VILLAGE_BEFORE = re.compile(
    r"(?<![\w'’-])(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]*(?:[oei]wka|[oei]vka|ivka|iwka|jewka|sk|ske|skoje|"
    r"[iy]no|[oe]vo|[oe]ye|ино|ово|ево|ое|"
    r"ове|ово|ево|ка|ки|ськ|ське|ское|ск)[\s,(]+(?:(?:in|of|de|la|der|im|dans|в|у|на)\s+)?"
    r"(?:the\s+|la\s+|le\s+)?$"
)


def _seat_opening(text: str, start: int, mention: Mention, in_sentence: list[Mention]) -> bool:
    """ "In Sumy, governor Hryhorov reported shelling of X and Y": the town opening the sentence
    before its officials is where they sit, when the sentence names other places."""
    end = in_sentence[-1].end
    return (
        _OPENING_IN.fullmatch(text, start, mention.start) is not None
        and _OFFICIALS_AFTER.match(text, mention.end) is not None
        and any(o.start > mention.end and o.level == "settlement" for o in in_sentence)
        # ("… said drones struck the city and Chuhuiv", "… hit the Kyivskyi district")
        and not TOWN_ANAPHOR.search(text, mention.end, max(end, mention.end + 200))
        and not _DISTRICT.search(text, mention.end, max(end, mention.end + 200))
    )


_DISTRICT = re.compile(r"district|quartier|arrondissement|bezirk|stadtteil|район|микрорайон", re.I)


_NEIGHBOUR_AFTER = re.compile(
    r"['’]s\s+(?:neighbou?r(?:ing)?|suburb|satellite|twin)\s+"
    r"(?:(?:village|town|city|settlement)\s+(?:of\s+)?)?"
)
_OPENING_IN = re.compile(r"[\W_]*(?i:in|à|im|в|у)\s+")
_OFFICIALS_AFTER = re.compile(
    r"\s*,\s*(?:the\s+|le\s+|la\s+|les\s+|der\s+|die\s+)?(?:regional\s+|local\s+|city\s+)?"
    r"(?i:governor|gouverneur\w*|mayor|maire|bürgermeister\w*|head\s+of|chef\s+de|officials|"
    r"authorities|autorités|behörden|губернатор\w*|мэр\w*|мер\w*|голов[аи]|глав[аы]|"
    r"начальник\w*|влад[аиі]|власти)(?!\w)"
)


def _unknown_village_before(
    text: str, mention: Mention, clause_start: int, places: list[Mention]
) -> bool:
    """Whether a village the gazetteer did not find is named right before the region (not
    a place found: "au-dessus des régions de Briansk, de Koursk")."""
    village = _UNKNOWN_VILLAGE_BEFORE.search(
        text, max(clause_start, mention.start - 40), mention.start
    )
    return village is not None and not any(p.start <= village.start() < p.end for p in places)


# "на територію Сумщини поблизу Могриці", "in Sumy Oblast near Yunakivka": the place after
# the region, by a near cue, is where it happened.
_NEAR_NEXT = re.compile(
    r"[\s,(]*(?:(?:near|close\s+to|outside|près\s+d[e'’]|bei|nahe|unweit|біля|поблизу|під|"
    r"неподалік\s+від|около|возле|под|вблизи)\s+(?:the\s+(?:village\s+of\s+)?|de\s+)?|"
    # "а також по Запорізькій області — Кам'янське та Степногірськ": the places it holds
    r"[—–:]\s*(?:по\s+|на\s+|у\s+|в\s+)?)",
    re.IGNORECASE,
)


def _frames_others(
    text: str,
    mention: Mention,
    place_precision: Precision,
    in_sentence: list[Mention],
    clause_start: int,
    clause_end: int,
    chosen: _Act,
) -> bool:
    """ "На Покровському напрямку ... біля Родинського", "Dans la région de Soumy, ... près de
    Iounakivka", "Отрадное в Днепропетровской области": a direction or region that frames or
    locates the places the clause names is a claim only when it is the only place."""
    if place_precision != Precision.REGION:
        return False
    if mention.level == "region" and (
        _ANAPHOR_OF_REGION.search(text, max(clause_start, mention.start - 60), mention.start)
        or (
            chosen.action in (Action.WITHDRAW, Action.ADVANCE)
            and ROUTE_BEFORE.search(text, max(clause_start, mention.start - 12), mention.start)
        )
    ):
        # "… de cette ville ferroviaire de la région de Kharkiv": the town's frame; "withdrew
        # through Crimea": a route (an attack "через Херсонщину" is fought there)
        return True
    others = [
        other
        for other in in_sentence
        if other is not mention
        and clause_start <= other.start < clause_end
        and other.level != "region"
        and not DIRECTION_AFTER.match(text, other.end)
    ]
    if not others:
        return False
    if mention.level != "region":
        return sector(text, mention, clause_start)  # not "в районе населенных пунктов X и Y"
    if mention.start < chosen.at:
        return True  # "Dans la région de Soumy, les forces russes ont attaqué près de ..."
    if _SETTLEMENT_WORDS.search(text, clause_start, mention.start):
        return True  # "two more villages in the Donetsk region, Novopavlivka and Sofiivka"
    return any(
        (o.end <= mention.start and _LOCATING.fullmatch(text[o.end : mention.start]))
        or (o.start >= mention.end and _NEAR_NEXT.fullmatch(text[mention.end : o.start]))
        for o in others
    )


def _post_speaker(text: str, start: int) -> str | None:
    """Who speaks for a sentence no speaker is named in: the one its paragraph opens with
    ("Генштаб ЗСУ: …") or the post signs off with ("… — Сумська ОВА") — or, in a post, the one
    the post opens with ("Харківська ОВА: Наслідки обстрілів 👇\n\n🔴 Золочів — …")."""
    return (
        paragraph_speaker(text, start)
        or signoff_speaker(text, start)
        or (
            paragraph_speaker(text, _first_paragraph_end(text))
            if len(text) <= _POST_CHARS
            else None
        )
    )


def _first_paragraph_end(text: str) -> int:
    end = text.find("\n\n")
    return end if end > 0 else len(text)


_POST_CHARS = 2_000  # (a post, not an article whose paragraphs each have their voice)


def _near_frame(
    text: str,
    mention: Mention,
    in_sentence: list[Mention],
    clause_start: int,
    limit: int,
    chosen: _Act,
) -> bool:
    """ "Под Купянском подразделения освободили Песчаное", "Під Покровськом бійці вибили
    ворога з Котлиного": a town opening the clause after "під", "near" only frames the places
    named after the action."""
    return (
        _OPENING_NEAR.fullmatch(text, clause_start, mention.start) is not None
        and mention.end < chosen.at
        and any(
            o.level != "region" and chosen.at < o.start < limit
            for o in in_sentence
            if o is not mention
        )
    )


# ("Под X", "Поблизу X", "Near X," opening a clause)
_OPENING_NEAR = re.compile(
    r"[\s\W]*(?:під|под|біля|поблизу|возле|около|вблизи|near|bei|nahe|près\s+d(?:e\s+|['’]))\s*",
    re.IGNORECASE,
)


def _where_clause_frames(
    text: str, mention: Mention, in_sentence: list[Mention], limit: int, chosen: _Act
) -> bool:
    """ "les combats se concentrent autour de Lyman, où les forces russes ont progressé vers
    Zaritchne": a place whose "where" clause tells the action and names where it went only
    frames it (not "Kupiansk, where Ukrainian forces hold the centre, faces attacks from X":
    the other place lies outside the clause)."""
    return (
        chosen.at > mention.end
        and _WHERE_CLAUSE.match(text, mention.end) is not None
        and any(
            chosen.at < other.start < limit and "," not in text[chosen.end : other.start]
            for other in in_sentence
        )
    )


def _direction_frame(
    text: str,
    mention: Mention,
    in_sentence: list[Mention],
    clause_start: int,
    limit: int,
    chosen: _Act,
    acts: list[_Act],
) -> bool:
    """ "nördlich von Charkiw … einen Angriff bei Wiltscha abgewehrt", "north of Kharkiv it
    repelled an assault near Vilcha", "À Stepnohirsk, sur la ligne de front au sud de
    Zaporijjia, … repousser": a town a compass word puts before the action, with other places
    in the clause, only says where they are (not "advanced west of Pokrovsk and took X": the
    action comes first)."""
    cue = DIRECTION_OF.search(text, max(clause_start, mention.start - 30), mention.start)
    if cue is None:
        return False
    if mention.start > chosen.at:
        # "la prise de X et de Y, deux villages …, à l'est de Houliaïpole": set off after the
        # places it locates (not a list of directions: "north of X, south of Y")
        before = [
            other
            for other in in_sentence
            if chosen.at < other.start < mention.start and other.level != "region"
        ]
        return (
            bool(before)
            and _APPOSED_CUE.search(text, max(clause_start, cue.start() - 40), cue.start())
            is not None
            and not DIRECTION_OF.search(
                text, max(clause_start, before[-1].start - 30), before[-1].start
            )
        )
    if _LISTED_NEXT.match(text, mention.end):
        return False  # "North of Kharkiv and near Kupiansk, Russian troops attacked": a list
    return any(
        other is not mention
        and clause_start <= other.start < limit
        and other.level != "region"
        # (not a place of the next action, nor another frame: "attacked, and west of Kreminna
        # they shelled Y")
        and not any(
            chosen.end <= act.at < other.start and _NEXT_CLAUSE.search(text, chosen.end, act.at)
            for act in acts
        )
        and not DIRECTION_OF.search(text, max(clause_start, other.start - 30), other.start)
        for other in in_sentence
    )


_APPOSED_CUE = re.compile(
    r"[,(—–]\s*(?:(?:just|some|about|roughly|around|environ|rund|etwa)\s+)?"
    r"(?:(?:à\s+)?\d+\s*(?:km|kilomet\w*|kilomèt\w*|kilometer)\s+)?$",
    re.IGNORECASE,
)
_WHERE_CLAUSE = re.compile(r"\s*,\s*(?:où|where|wo|де|где)\b", re.IGNORECASE)
_ENEMY_UA = re.compile(r"(?<!\w)воро[гж]\w*", re.IGNORECASE)
# (words that say a place was hit: "Під вогнем були X", "постраждали X")
_SUFFERED_WORDS = r"постраждал|пострадал"
_UNDER_FIRE = re.compile(rf"(?:під|под|sous)\s|{_SUFFERED_WORDS}", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r"[,;]|\b(?:and|et|und|та|і|и|й)\b", re.IGNORECASE)
# (the next word no name: "north of X and near Y", not "north of X and Y")
_LISTED_NEXT = re.compile(
    r"\s*,?\s*(?:and|et|und|та|і|и|й)\s+(?=(?-i:[a-zäöüéèàâçа-яіїєґё]))", re.IGNORECASE
)


# Settlements counted before a region that then names them: the region only locates them.
_SETTLEMENT_WORDS = prefixed(
    re.compile(
        r"\b(?:villages|towns|settlements|localités|villages|ortschaften|dörfer|orte)\b|"
        r"(?<!\w)(?:населённ\w+\s+пункт\w*|населенн\w+\s+пункт\w*|населен\w+\s+пункт\w*|сёл|сел|"
        r"сіл|сёла|села)(?!\w)",
        re.IGNORECASE,
    )
)


# A side's adjective that names a territory, not an actor: "la région russe de Koursk", "im
# russischen Gebiet Kursk", "Russia's Kursk region", "на російській території".
_REGION_OF_SIDE = prefixed(
    re.compile(
        r"(?:région|territoire|sol)\s+(?:russe|ukrainien\w*)|"
        r"(?:russisch|ukrainisch)\w*\s+(?:gebiet|territorium|staatsgebiet|grenzgebiet)|"
        r"(?:russian|ukrainian)\s+(?:territory|soil|region\s+of|border\s+region)|"
        r"(?:російськ|українськ|российск|украинск)\w*\s+(?:територі|территори|област|регион)\w*|"
        # the part of the country a place lies in: "das Dorf Fedoriwka im Osten der Ukraine"
        r"(?:osten|westen|norden|süden|nordosten|südosten)\s+(?:der\s+ukraine|russlands)|"
        r"(?:east|west|north|south|north-?east|south-?east)(?:ern)?\s+(?:ukraine|russia)\b|"
        r"(?:est|ouest|nord|sud|nord-est|sud-est)\s+de\s+(?:l['’]ukraine|la\s+russie)|"
        r"(?:сході|заході|півночі|півдні)\s+(?:україни|росії)|"
        r"(?:востоке|западе|севере|юге)\s+(?:украины|россии)",
        re.IGNORECASE,
    )
)


def _names_a_region(text: str, position: int, clause_start: int) -> bool:
    """Whether the side's word at `position` is part of a region's name ("Russian territory",
    "im Osten der Ukraine"), not who acts ("Im Norden der Ukraine haben russische Drohnen …")."""
    return any(
        match.start() <= position < match.end()
        for match in _REGION_OF_SIDE.finditer(text, max(clause_start, position - 25), position + 25)
    )


# A side's adjective that names where the news comes from, not who acts: "nach ukrainischen
# Angaben", "according to Ukrainian officials", "selon des sources russes", "по данным
# украинской стороны".
_SOURCE_BEFORE = prefixed(
    re.compile(
        r"(?:\b(?:nach|laut|gemäß|according\s+to|selon|d['’]après|citing)|(?<!\w)(?:по\s+данным|"
        r"за\s+даними|по\s+информации|за\s+інформацією|по\s+словам|за\s+словами|"
        r"со\s+ссылкой\s+на|з\s+посиланням\s+на))\s+(?:[^\W\d_]+\s+){0,2}$",
        re.IGNORECASE,
    )
)
# "nach Angaben des ukrainischen Analyseprojekts": the phrase itself says it is a source.
_SOURCE_PHRASE_BEFORE = re.compile(
    r"\b(?:nach\s+angaben|laut\s+angaben|according\s+to\s+(?:data|information|reports?)\s+from|"
    r"selon\s+(?:des\s+)?(?:sources|informations|données)|"
    # whose claims the text contradicts: "вопреки заявлениям ВСУ, … под нашим контролем"
    r"contrary\s+to\s+(?:the\s+)?(?:claims|statements)\s+(?:by|of)|"
    r"contrairement\s+aux\s+(?:affirmations|déclarations)\s+(?:de\s+|des\s+|du\s+)?|"
    r"entgegen\s+(?:den\s+)?(?:angaben|behauptungen)|"
    r"(?<!\w)(?:вопреки\s+заявлениям|всупереч\s+заявам))\s+(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)
# Whether a clause may hold any of those words (`_names_the_source` reads none otherwise).
_SOURCE_WORDS = Family(_SOURCE_BEFORE, prefixed(_SOURCE_PHRASE_BEFORE))
_SOURCE_AFTER = re.compile(
    r"[^\W\d_]*\s+(?:angaben|quellen|sources?|officials|data|estimates|données|"
    r"сторон\w*|источник\w*|джерел\w*|даних|данных|сми|змі|media|médias|medien|outlets)\b",
    re.IGNORECASE,
)


def _names_the_source(text: str, position: int, clause_start: int) -> bool:
    start = max(clause_start, position - 40)
    if _SOURCE_PHRASE_BEFORE.search(text[start:position]):
        return True
    return bool(
        _SOURCE_BEFORE.search_window(text, start, position) and _SOURCE_AFTER.match(text, position)
    )


def _with_enemy(
    sides: list[tuple[int, Side]],
    enemies: list[int],
    own: Side | None,
    ours: list[int] = (),
    text: str = "",
    ours_of: Side | None = None,
) -> list[tuple[int, Side]]:
    """ "the enemy attacked", "противник атаковал": the other side of who speaks (a
    Ukrainian voice when nobody is named); "наши штурмовые группы", "our troops": the side of
    who speaks, when known."""
    if not enemies and not ours:
        return sides
    enemy = OTHER[own] if own else Side.RU
    marks = {position: side for position, side in sides}
    marks.update((position, enemy) for position in enemies)
    for position in ours:
        # whose voice it is: who speaks (not whose town is struck), else the word's script (a
        # Russian "наши" is Russia's side, a Ukrainian "наші" Ukraine's)
        side = ours_of or _ours_by_script(text, position)
        if side:
            marks[position] = side
    return sorted(marks.items())


# A German zu-infinitive of an action ("vorzurücken", "vorzustoßen", "einzunehmen",
# "einzudringen"): the verb that governs it stands before the places.
_ZU_INFINITIVE = re.compile(r"\w+zu(?:rück|sto|neh|drin)\w*", re.IGNORECASE)
# A side accusing the other: "accused Kyiv of shelling", "werfen der Ukraine vor".
_ACCUSES = re.compile(
    r"(?<!\w)(?:accus\w*|beschuldig\w*|werf\w*\s+(?:\w+\s+){1,3}vor|обвини\w*|обвиня\w*|"
    r"звинуват\w*|звинувачу\w*)",
    re.IGNORECASE,
)
_OURS_BY_SCRIPT = {"наши": Side.RU, "наші": Side.UA}  # (the nominatives)


def _ours_by_script(text: str, position: int) -> Side | None:
    """Whose "our" a Cyrillic word is: the nominative says ("наши", "наші"); the other cases
    ("наших", "нашим") are spelled alike in both languages, and the text around says."""
    word = text[position : token_end(text, position, len(text))].lower()
    if word in _OURS_BY_SCRIPT:
        return _OURS_BY_SCRIPT[word]
    if not word.startswith("наш"):
        return None
    return Side.UA if _ukrainian(text[max(0, position - 150) : position + 150]) else Side.RU


# "наши штурмовые группы продвигаются", "our troops repelled": the speaker's own forces.
_OURS = prefixed(
    re.compile(
        # "Наши продвинулись в Мирнограде": the word alone before a past-tense verb
        # (not what befell them: "Наші потрапили під обстріл")
        r"(?<!\w)(?:наши|наші)(?=\s+(?!потрапил|попал|опинил|оказал|зазнал|понесл|отрима|получи)"
        r"[а-яіїєё]+(?:ли|лись|лися)(?!\w))|"
        r"(?<!\w)(?:наши|наших|нашим|наші|нашi|our|nos|notre|unsere\w*)\s+(?:[\w-]+\s+)?"
        r"(?:штурмов\w*|бойц\w*|бійц\w*|войск\w*|військ\w*|подразделени\w*|підрозділ\w*|"
        r"групп\w*|груп[иа]\b|захисник\w*|воїн\w*|десантник\w*|оператор\w*|пілот\w*|пилот\w*|"
        r"troops|forces|units|soldiers|defenders|drone\s+pilots|troupes|soldats|unités|"
        r"pilotes|truppen|soldaten|einheiten|verteidiger|drohnenpilot\w*)",
        re.IGNORECASE,
    )
)


def _acts(text: str, start: int, end: int, scanned) -> list[_Act]:
    """The actions of text[start:end]; one negated or modal ("may intensify attacks on X")
    stays in the list as `blocked`, so that it speaks for the places after it."""
    found = []
    # (words of trying or going on, of drones or missiles: most clauses have none of them)
    trying = _TRYING.may_match(text, start, end)
    by_air = _BY_AIR_WORDS.may_match(text, start, end)
    for match in _in_range(*scanned, start, end):
        if (
            blocked(text, start, match.start())
            or not_waged_after(text, match.end(), end)
            or _FUTURE_FORM.fullmatch(match.group())
            # (Ukrainian "ударить" will strike; the Russian is the infinitive: "смогли ударить")
            or (match.group().lower() == "ударить" and _ukrainian(text[start:end]))
        ):
            found.append(_Act(match.start(), match.end(), _ACTIONS[match.lastgroup], "", True))
            continue
        action = _ACTIONS[match.lastgroup]
        if NOUN_ACTION.fullmatch(match.group()) and _MODAL_VERB.search(
            text, match.end(), min(end, match.end() + 30)
        ):
            # "L'offensive russe d'hiver devrait viser X": the noun's verb is modal
            found.append(_Act(match.start(), match.end(), action, "", True))
            continue
        if _occupied_attribute(text, match):
            continue  # "in occupied Horlivka", "в оккупированной Горловке": a state, no event
        if DAMAGE_WORD.fullmatch(match.group()) and not (
            by_air and _BY_AIR.search(text, start, end)
        ):
            continue  # "damaged", "beschädigte": by a drone or a missile only, not by floods
        if no_event(text, start, end, match, action):
            continue  # "price rises of 8 %", "the situation is under control", …
        if (
            trying
            and action in (Action.ADVANCE, Action.CAPTURE)
            and (
                attempted(text, start, match.start())
                # German puts the places between: "versucht, bei X und Y vorzurücken"
                or (
                    _ZU_INFINITIVE.search(match.group())
                    and ATTEMPT.search(text, max(start, match.start() - 90), match.start())
                )
            )
        ):
            action = Action.ATTACK  # "attempted to advance near X"
        elif trying and action == Action.CAPTURE and continuing(text, start, match.start()):
            action = Action.ATTACK  # "continued clearing Siversk": not taken yet
        if (
            action == Action.STRIKE
            and match.group().lower() == "zerschlagen"
            and _smashed_an_attack(text, start, match.start())
        ):
            action = Action.REPEL  # "einen russischen Angriff … zerschlagen" (not a column)
        if action == Action.ATTACK and (
            (by_air and _BY_AIR.search(text, max(start, match.start() - 30), match.start()))
            or _WITH_AIR.match(text, match.end(), end)
        ):
            action = Action.STRIKE  # "Дрони РФ атакують Межову", "drones attacked Sumy"
        elif action == Action.ATTACK and (
            _AIR_ATTACK_BEFORE.search(text, max(start, match.start() - 30), match.start())
            or _AIR_ATTACK_AFTER.match(text, match.end(), end)
        ):
            action = Action.STRIKE  # "one of its largest combined attacks on Kyiv overnight"
        elif (
            action == Action.STRIKE
            and _SUFFERED.match(match.group())
            and _OTHER_CAUSE.search(text, start, end)
        ):
            continue  # "Від повені постраждали Херсон і Гола Пристань": not a strike
        elif action == Action.ATTACK and _SUBJECTED_AFTER.match(text, match.end(), end):
            action = Action.STRIKE  # "атакам подверглись Льгов и Глушково": places hit
        elif (
            action == Action.STRIKE
            and by_air
            and _DESTROYED.fullmatch(match.group())
            and _DRONES_AFTER.match(text, match.end(), end)
        ):
            action = Action.REPEL  # "над Ростовской областью уничтожены 27 украинских БПЛА"
        found.append(_Act(match.start(), match.end(), action, match.group()))
    return found


def _pick(text: str, acts: list[_Act], position: int) -> _Act | None:
    """The action nearest before the place, else the first after it (a verb after its
    subject: "In Pokrowsk halten sich ... Einheiten"); None when that action is negated or
    modal. A German auxiliary after the action before starts a new verb phrase: "eingedrungen
    und haben Marfopil eingenommen" takes the participle after the place."""
    before = [a for a in acts if a.at < position]
    chosen = before[-1] if before else acts[0]
    if before and _CONJUNCTION.search(text, chosen.end, min(position, chosen.end + 60)):
        after = next((a for a in acts if a.at > position), None)
        if (
            after is not None
            and not after.blocked
            and not _PUNCTUATION.search(text, position, after.at)
        ):
            chosen = after
    return None if chosen.blocked else chosen


def _events(
    text: str,
    acts: list[_Act],
    sides: list[tuple[int, Side]],
    chosen: _Act,
    fallback: Side | None,
    attacker: Side | None = None,
    defender: Side | None = None,
    told_by_region: bool = False,
) -> list[tuple[Side, Action]]:
    """(side, action) pairs the sentence gives for a place: "Ukrainian forces repelled Russian
    assaults near X" is an RU attack and a UA repel."""
    repel = next((a for a in acts if a.action == Action.REPEL), None)
    if repel is not None and chosen.action == Action.ADVANCE and NOUN_ACTION.fullmatch(chosen.word):
        attack = replace(chosen, action=Action.ATTACK)  # "einen russischen Vorstoß abgewehrt"
        acts = [attack if a is chosen else a for a in acts]
        chosen = attack
    if repel is not None and _advanced_and_repelled(text, acts, chosen, repel):
        # the advance at X, and the other side's attacks there
        side = _actor(text, acts, sides, chosen) or fallback
        return [(side, Action.ADVANCE), (OTHER[side], Action.ATTACK)] if side else []
    if repel is not None and chosen.action == Action.STRIKE and 0 <= chosen.at - repel.end <= 25:
        # "відбили атаку дрона біля X": the drone's strike repelled
        side = _defender(text, acts, sides, repel, defender or fallback)
        return [(side, Action.REPEL), (OTHER[side], Action.STRIKE)] if side else []
    if chosen.action == Action.REPEL or (chosen.action == Action.ATTACK and repel is not None):
        # "відбито 2 атаки в районі X" in a Ukrainian voice: Ukraine's forces repelled
        side = _defender(text, acts, sides, repel or chosen, defender or fallback)
        if side is None:
            return []
        answered = Action.STRIKE if _AIR_DEFENCE.search((repel or chosen).word) else Action.ATTACK
        return [(side, Action.REPEL), (OTHER[side], answered)]
    if chosen.action == Action.WITHDRAW and (
        _FORCED_OUT.match(chosen.word) or _PUSHED_SOMEONE_OUT.match(chosen.word)
    ):
        # "ВСУ выбиты из X", "pushed out of X": one side's withdrawal, the other's capture
        if _PUSHED_SOMEONE_OUT.match(chosen.word):
            # "the Defence Forces pushed the occupiers out of X": the pusher's gain, of the
            # place or of part of it (the subject, else the enemy of whom it names inside)
            pushed = next((s for p, s in sides if chosen.at < p < chosen.end), None)
            pusher = _actor(text, acts, sides, chosen) or (OTHER[pushed] if pushed else fallback)
            gained = Action.ADVANCE if _OUT_OF_PART.match(text, chosen.end) else Action.CAPTURE
            return [(pusher, gained)] if pusher else []
        side = _actor(text, acts, sides, chosen) or fallback
        return [(side, Action.WITHDRAW), (OTHER[side], Action.CAPTURE)] if side else []
    if _CLASHES.fullmatch(chosen.word):
        # "the General Staff recorded 159 clashes near X": whoever registers them, the
        # attacks are the enemy's
        return [(attacker, Action.ATTACK)] if attacker else []
    side = _actor(text, acts, sides, chosen)
    if side is not None and _PUSHED_BACK.fullmatch(chosen.word):
        side = OTHER[side]  # "habe die russischen Truppen aus X zurückgedrängt": the pushed
    if side is None and told_by_region and chosen.action == Action.STRIKE:
        # a governor's word is no side: the striker named after the strike is ("une attaque
        # de bombes planantes russes sur X", "beschoss das russische Militär X")
        side = next((s for p, s in sides if p >= chosen.end), None)
    struck = chosen.action == Action.STRIKE and attacker is not None
    side = side or (attacker if chosen.action == Action.ATTACK or struck else fallback)
    if side is None:
        # the subject after its verb: "frappes ... russes", "In Pokrowsk halten sich noch
        # ukrainische Einheiten", "kontrollieren russische Truppen 70 Prozent von X" — or
        # what was hit: "поражены пункты дислокации ВСУ" is a strike on them
        # (not across "und": "Lage verbessert und Formationen von vier ukrainischen Brigaden
        # … geschlagen" names whom the next verb defeated)
        side = next(
            (s for p, s in sides if p >= chosen.end and not _AND_OF.search(text, chosen.end, p)),
            None,
        )
    return [(side, chosen.action)] if side else []


def _lexicon_action(word: str) -> str | None:
    """The action a word names in the lexicon (before any reading of its context)."""
    match = ACTION_RE.fullmatch(word)
    return match.lastgroup if match else None


def _ukrainian(text: str) -> bool:
    """Ukrainian letters, or the apostrophe before я/ю/є/ї that Russian never writes."""
    if text.isascii():
        return False  # (both are Cyrillic letters, which no ASCII letter folds to)
    return bool(_UKRAINIAN_LETTER.search(text) or _APOSTROPHE.search(text))


_UKRAINIAN_LETTER = re.compile(f"[{UKRAINIAN_LETTERS}]")  # one C pass, not a loop per letter
_APOSTROPHE = re.compile(r"[а-яіїєґ]['’ʼ][яюєї]", re.IGNORECASE)


# A strike told in the passive, no agent named: "Sumy was shelled", "Харків зазнав обстрілу",
# "Белгород подвергся обстрелу", "a été bombardée", "wurde beschossen"
_PASSIVE_BEFORE = re.compile(
    r"(?:(?:was|were|been|being|got|a\s+été|ont\s+été|été|wurde|wurden|worden|зазна\w*|"
    r"подверг\w*|піддал\w*|піддав\w*|зафіксован\w*|зафиксирован\w*)\s+(?:[^\W\d_]+\s+)?|"
    # "came under fire", "потрапили під удари", "попал под обстрел", "unter Beschuss"
    # ("came under heavy enemy shelling", "під масованим ворожим обстрілом")
    # (not "під час повторного удару": "during")
    r"(?<!\w)(?:under|unter|під|под)\s+(?!час\s)(?:[^\W\d_]+\s+){0,2})$",
    re.IGNORECASE,
)

# Places that suffered from something else than the war's fire.
_SUFFERED = re.compile(_SUFFERED_WORDS, re.IGNORECASE)
_OTHER_CAUSE = re.compile(
    r"(?<!\w)(?:від|от|через|из-за)\s+(?:\w+\s+)?(?:повен|повін|паводк|негод|непогод|мороз|"
    r"посух|засух|наводнен|стихі|стихи|снігопад|снегопад|злив|ураган|пожеж|пожар|спек|війн|войн)",
    re.IGNORECASE,
)

# Subjected to (hits, attacks): "подверглись", "піддалися"
_SUBJECTED = r"(?:подверг(?:лись|лась|лось|ся)|підда(?:лися|лася|лося|вся))\b"
# What a place was subjected to, right after the attack's noun: "атакам подверглись X",
# "атаці піддалися X"
_SUBJECTED_AFTER = re.compile(
    rf"\s+{_SUBJECTED}\s+"
    r"(?:(?:посёлок|поселок|село|город|місто|селище)\s+)?(?-i:[А-ЯІЇЄҐ])",
    re.IGNORECASE,
)

# The shelling of a place as a noun, the place right after it: "Внаслідок обстрілу X
# пошкоджено школу", "после обстрела X" (not "открылось в Сумах после обстрела").
_SHELLING_OF_BEFORE = re.compile(
    r"\s*,?\s*(?<!\w)(?:внаслідок|унаслідок|в\s+результаті|в\s+результате|після|после)\s+"
    r"(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)
_PLACE_RIGHT_AFTER = re.compile(r"\s+(?:[^\W\d_]+\s+)?$")
_TARGET_NAMED_AFTER = re.compile(
    # (a name, not a weapon's letters: "удару КАБом")
    r"\s+(?:(?:по|на|у|в|во)\s+)?(?:[^\W\d_]+\s+){0,2}?[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’]"
)
_OPENS_IN = re.compile(r"(?:^|[.!?:]\s+|\n)(?:[УуВв]|Во|во)\s+$")

# What "zerschlagen" smashed: the last of these nouns before it in its clause.
_SMASHED = re.compile(
    r"(?<!mit )\b(?:(?P<attack>angriff|vorstoß|vorstoss|attacke|sturm)|kolonne|konvoi|gruppe|"
    r"stellung|depot|lager|fahrzeug|panzer)\w*",
    re.IGNORECASE,
)


def _smashed_an_attack(text: str, start: int, verb: int) -> bool:
    """ "Den Angriff auf Torezk haben ukrainische Truppen zerschlagen": a repel; "eine
    russische Kolonne … zerschlagen" (also "nach dem Angriff … eine Kolonne"): a strike."""
    found = list(_SMASHED.finditer(text, max(start, verb - 120), verb))
    return bool(found) and found[-1].group("attack") is not None


# A passive told after its verb: hits recorded by who tallies them ("Влучання зафіксовано в
# X", "Попадания зафиксированы"), a German perfect ("sei … getroffen worden").
_PASSIVE_AFTER = re.compile(
    r"\s+(?:зафіксован\w*|зафиксирован\w*|were\s+recorded|recorded|enregistr\w+|registriert|"
    r"worden\b|wurden?\b|"
    # "удары пришлись по X", "уражень зазнали X", "атакам подверглись X": where the hits fell
    rf"приш(?:л(?:ись|ось|ась)|[её]лся)|прийшл(?:ися|ося|ася)|прийшовся|зазнал[иао]?\b|зазнав\b|"
    rf"{_SUBJECTED})",
    re.IGNORECASE,
)


# Officials unnamed: like a governor's, their word is no side of a strike; the striker named
# after it is ("beschossen russische Truppen nach Angaben der Behörden X").
_OFFICIALS_OF_A_SIDE = frozenset({"Ukrainian officials", "Russian officials"})


def _unnamed_striker(
    text: str,
    mention: Mention,
    act: _Act,
    claimant: str | None,
    voice: Side | None,
    sided: bool,
    ukrainian: bool,
) -> Side | None:
    """Who struck a place a strike names with no striker (told in the passive, or "strikes hit
    X, the governor said"): the side that does not hold it ("Sumy was shelled": Russia;
    "Белгород подвергся обстрелу", "a depot in Melitopol was hit": Ukraine); by the line of
    contact, where the map does not say, the other side of whoever tells it in the passive
    ("під удари потрапили Гуляйполе", the General Staff: Russia's). None when nobody's word
    says it, or the place lies by the line and the strike is told actively."""
    place = mention.place
    if act.action != Action.STRIKE or place is None:
        return None
    if (
        place.country == "RU"
        and not sided
        and _DRONE_WORD.search(text, max(0, act.at - 80), act.end + 80)
        and not _RUSSIAN_AIR_WORD.search(text, max(0, act.at - 80), act.end + 80)
    ):
        # ("У Підмосков'ї вибухи після атаки дронів": nobody else sends drones there; not
        # "Наша авиация нанесла удар по Судже", "КАБи вдарили по Суджі")
        return Side.UA
    passive = (
        _PASSIVE_BEFORE.search(text, max(0, act.at - 24), act.at) is not None
        or (
            _SHELLING_OF_BEFORE.search(text, max(0, act.at - 30), act.at) is not None
            and (
                (
                    act.end <= mention.start
                    and _PLACE_RIGHT_AFTER.fullmatch(text, act.end, mention.start) is not None
                )
                # "В Рыльске в результате удара по подстанции …": the place opens the sentence
                or (
                    mention.end <= act.at
                    and _OPENS_IN.search(text, max(0, mention.start - 8), mention.start) is not None
                    and _SHELLING_OF_BEFORE.fullmatch(text, mention.end, act.at) is not None
                    # (not where the news of another place's shelling was met: "У Києві
                    # внаслідок удару по Харкову оголосили жалобу")
                    and _TARGET_NAMED_AFTER.match(text, act.end) is None
                )
            )
        )
        or _PASSIVE_AFTER.match(text, act.end) is not None
        or _UNDER_FIRE.match(act.word) is not None  # "Під вогнем були X"
    )
    own = CLAIMANT_SIDE.get(claimant or "") or (voice if not claimant else None)
    if not (passive or own):
        return None  # (nobody's word for it: "Kharkiv subit des frappes quasi quotidiennes")
    if not passive and sided:
        return None  # (whose troops were hit says it: "Strikes hit Ukrainian militants near X")
    if place.country == "RU":
        return Side.UA
    held = front_line.held_by_russia(place)
    if held is not None:
        # (told actively too, by someone who says it: "Strikes hit energy facilities in the
        # Odesa region, the governor said")
        return Side.UA if held else Side.RU
    if own is None and passive and ukrainian and not sided:
        # a Ukrainian-language account of places shelled ("під удари потрапили Оріхів та
        # Степногірськ"): Russia's strikes, by the line too (not when it names who fired:
        # "Під ударами Сил оборони опинилися …")
        return Side.RU
    # a governor, a mayor, an occupation head: the strikes on their region they tell of are
    # the other side's, in any voice ("внаслідок обстрілу Херсона, повідомив Прокудін")
    # (Ukraine's unnamed officials too: their places are Ukraine's; Russia's speak of places on
    # both sides of the line)
    regional = claimant in REGIONAL_VOICES or claimant == "Ukrainian officials"
    return OTHER[own] if own and (passive or regional) else None


def _struck_at_home(mention: Mention, act: _Act) -> Side | None:
    """Who speaks of "the enemy" striking a place: the side that holds it ("Противник
    обстрелял Белгород", "Противник нанёс удар по Горловке": a Russian voice — Ukraine's own
    reports do not strike Russian or occupied towns as "the enemy"); None near the line."""
    if act.action != Action.STRIKE:
        return None
    return _holder(mention)


def _holder(mention: Mention) -> Side | None:
    """The side that holds a place (Russia's own, and the occupied by the line of contact);
    None near the line."""
    if mention.place is None:
        return None
    if mention.place.country == "RU":
        return Side.RU
    held = front_line.held_by_russia(mention.place)
    return None if held is None else (Side.RU if held else Side.UA)


def _owners(text: str, positions: list[int], acts: list[_Act], start: int, end: int) -> set[int]:
    """The side marks that name the owner of what the action is done to ("russische
    Stellungen", "склад боеприпасов 57-й бригады ВСУ", "обороны противника"): the other side
    is the actor. Only a noun phrase owns: no punctuation and no action word between."""

    def joined(a: int, b: int) -> bool:
        return not _PUNCTUATION.search(text, a, b) and not any(a <= act.at < b for act in acts)

    # "объектам энергетики, используемым в интересах ВСУ": whom the target serves
    owners = {p for p in positions if _serves(text, start, p)}
    if not _TARGETS.may_match(text, start, end):
        return owners  # (most clauses name no target: nothing is owned)
    for position in positions:
        word_end = token_end(text, position, end)
        after = STRUCK_TARGET.search(text, word_end, min(end, word_end + 25))
        before = _last_target(text, max(start, position - 45), position)
        # the side's adjective before its noun: "Russian (ammunition) depot", not "ukrainiens
        # visent les positions"
        if (
            after is not None
            and len(text[word_end : after.start()].split()) <= 1
            and joined(word_end, after.start())
            # (not a subject and its verb's object: "Die Verteidigungskräfte haben Stellungen")
            and not _AUXILIARY.search(text, word_end, after.start())
        ) or (
            before is not None
            and joined(before, position)
            # (not whose attack hit it: "ein Treibstofflager nach einem ukrainischen Angriff")
            and not _CAUSE_BETWEEN.search(text, before, position)
        ):
            owners.add(position)
    return owners


def _serves(text: str, start: int, position: int) -> bool:
    """Whether the side named at `position` is whom a target serves ("an airfield used by
    Russian aviation"; not a weapon used by a side, which fired it: "glide bombs used by
    Russian forces struck Kharkiv")."""
    serving = _INTERESTS_BEFORE.search(text, max(start, position - 20), position)
    return serving is not None and not _WEAPON_BEFORE.search(
        text, max(start, serving.start() - 25), serving.start()
    )


_INTERESTS_BEFORE = re.compile(
    r"(?:в\s+интересах|в\s+інтересах|у\s+інтересах|in\s+the\s+interests?\s+of|"
    r"au\s+profit\s+(?:de|des)|used\s+by|utilisée?s?\s+par)\s+(?:the\s+|des\s+|de\s+la\s+|les\s+)?$",
    re.IGNORECASE,
)
_WEAPON_BEFORE = re.compile(
    r"(?:drones?|missiles?|rockets?|bombs?|shells?|artillery|tanks?|shaheds?|glide\s+bombs?|"
    r"munitions?|obus|bombes?|chars?)\s+$",
    re.IGNORECASE,
)
_TARGETS = Family(STRUCK_TARGET)  # (`_owners` reads them in a clause)


_AUXILIARY = re.compile(
    r"(?<!\w)(?:haben|hat|hatten|hätten|habe|have|has|had|ont|avaient|sind|ist)(?!\w)",
    re.IGNORECASE,
)
_CAUSE_BETWEEN = re.compile(
    r"(?<!\w)(?:nach|after|by|par|durch|infolge|після|внаслідок|после|в\s+результате)(?!\w)",
    re.IGNORECASE,
)


def _turned(sides: list[tuple[int, Side]], owners: set[int]) -> list[tuple[int, Side]]:
    return [(p, OTHER[s] if p in owners else s) for p, s in sides] if owners else sides


def _last_target(text: str, start: int, end: int) -> int | None:
    """Where the last target noun of text[start:end] ends, if any."""
    last = None
    for match in STRUCK_TARGET.finditer(text, start, end):
        last = match.end()
    return last


def _occupied_attribute(text: str, match: re.Match) -> bool:
    """ "in occupied Horlivka", "Russian-occupied Polohy", "в оккупированной Горловке",
    "im besetzten Polohy": a state named with the place, not an event ("occupied Robotyne in
    August" is one)."""
    word = match.group()
    if not _OCCUPIED.fullmatch(word):
        return False
    if _OCCUPIED_AREA_BEFORE.search(text, max(0, match.start() - 14), match.start()):
        return True  # "la partie occupée de la région"
    if _NAME_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        return True  # "à Melitopol occupée", "Enerhodar (occupée)": French puts it after
    area = _OCCUPIED_AREA_AFTER.match(text, match.end())  # "the occupied part of the region"
    if not area and not _ATTRIBUTE_NEXT.match(text, match.end()):
        return False
    if _OCCUPIED_ADJECTIVE.fullmatch(word):
        return True  # a declined adjective: окупованому, оккупированной, besetzten
    before = text[max(0, match.start() - 12) : match.start()]
    return before.endswith("-") or bool(_ARTICLE_BEFORE.search(before))


_OCCUPIED = re.compile(r"occupied|occup[ée]e?s?|besetzte[nmrs]?|окупован\w+|оккупированн\w+", re.I)
_OCCUPIED_ADJECTIVE = re.compile(
    r"besetzte[nmrs]?|окупован(?:ому|ого|ій|ої|их|ім|ий|е|а|і)|оккупированн\w+", re.I
)
# the part of a region it describes: "occupied parts of", "besetzten Gebiete", "окупованої
# частини", and French after the noun: "la partie occupée de"
_OCCUPIED_AREA_AFTER = re.compile(
    r"\s+(?:parts?|territor\w+|areas?|regions?|teile?n?|gebiet\w*|частин\w*|територі\w*|"
    r"территори\w*|район\w*)(?!\w)",
    re.I,
)
_OCCUPIED_AREA_BEFORE = re.compile(
    r"(?:parties?|territoires?|zones?|régions?|ville|localité|village)\s+$", re.I
)  # (and "À Horlivka, ville occupée de la région de Donetsk")
# a French adjective after the town's name (no auxiliary: "Melitopol a été occupée" is an event)
_NAME_BEFORE = re.compile(r"(?:\b(?:à|de|d['’]|dans|sur|vers)\s+)(?-i:[A-Z][\w'’-]+)\s+\(?$", re.I)
_ARTICLE_BEFORE = re.compile(
    r"\b(?:in|the|of|from|near|at|into|temporarily|said|says|la|le|les|de|du|des|à|dans|im|der|"
    r"den)\s+$",
    re.I,
)
# the word after it: a name (capitalised), or a noun and then a name ("occupied city of X")
_ATTRIBUTE_NEXT = re.compile(r"\s+(?:[^\W\d_]+\s+(?:of\s+|de\s+|d['’])?)?(?-i:[A-ZА-ЯІЇЄҐ])")
# German: "... eingedrungen und haben X eingenommen": the auxiliary starts a verb phrase
# whose participle closes it.
_CONJUNCTION = re.compile(
    r"\s(?:und|sowie)\s+(?:haben|hat|habe|hätten|sind|ist|seien|wurden|wurde)\s", re.IGNORECASE
)
_PUNCTUATION = re.compile(r"[,.;:!?()«»\"]|\s[–—-]\s")


def _advanced_and_repelled(text: str, acts: list[_Act], chosen: _Act, repel: _Act) -> bool:
    """Whether an advance and a repel of attacks are told of one place: "improved their
    tactical position near X and repelled three counterattacks", "ont repoussé deux
    contre-attaques et amélioré leur position près de X" (not "відкинули ворога", no attacks;
    nor "… and repelled attacks near Y", a place of its own)."""
    if chosen.action != Action.ADVANCE or NOUN_ACTION.fullmatch(chosen.word):
        return False
    low, high = min(chosen.end, repel.end), max(chosen.at, repel.end + 40)
    if not any(a.action == Action.ATTACK and low <= a.at <= high for a in acts):
        return False
    if repel.at > chosen.end:
        return bool(_AND_THEN_REPELLED.match(text, chosen.end, repel.at)) and not (
            _PLACE_AFTER_REPEL.match(text, repel.end)
        )
    return (
        repel.end < chosen.at
        and bool(_AND_THEN_REPELLED.match(text, repel.end, chosen.at))
        and not _PLACE_AFTER_REPEL.match(text, repel.end, chosen.at)
    )


# An advance, its place, then "and repelled …": the repelled attacks were there
_AND_THEN_REPELLED = re.compile(
    r"[^.;:!?]{0,120}?(?:,\s*)?\s(?:and|et|und|и|і|та|й)\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE
)
# ... unless the repel names a place of its own ("… and repelled attacks near Y")
_PLACE_AFTER_REPEL = re.compile(
    r"[^.;:!?]{0,80}?\s(?:near|at|in|around|outside|près\s+d(?:e|u|es)?|à|dans|bei|nahe|um|"
    r"біля|поблизу|у|в|під|около|возле|под|районі|районе|района|direction\s+of|direction\s+d[eu]|"
    r"richtung|напрямку|направлении)\s*['’]?\s*(?:la\s+|le\s+)?"
    r"[A-ZА-ЯІЇЄҐ]"
)


# A German active perfect between a side and its repel: "… haben … einen Angriff abgewehrt".
# (in the same clause as the repel: no comma between, no passive after it)
_GERMAN_ACTIVE_PERFECT = re.compile(r"\b(?:haben|hat|habe|hatten|hätten)\b[^,;]*$")
_GERMAN_PASSIVE_AFTER = re.compile(r"\s+(?:wurden?|worden|werden)\b", re.IGNORECASE)


def _defender(
    text: str,
    acts: list[_Act],
    sides: list[tuple[int, Side]],
    repel: _Act,
    fallback: Side | None,
) -> Side | None:
    if _AIR_DEFENCE.search(repel.word):
        # "shot down 40 Ukrainian drones", "ukrainische Drohnen abgeschossen"
        for position, side in sides:
            if AIR_WEAPON.match(text, position + len(text[position:].split(maxsplit=1)[0]) + 1):
                return OTHER[side]
    before = [s for s in sides if s[0] < repel.at]
    if before:
        position, side = before[-1]
        attacks = any(a.action == Action.ATTACK and position < a.at < repel.at for a in acts)
        # ("einen Vorstoß ukrainischer Sabotagegruppen … abgewehrt", "атаку окупантів відбито":
        # the side right after the attack word is whose attack it was)
        attacks = attacks or any(
            a.action == Action.ATTACK and 0 <= position - a.end <= 2 for a in acts
        )
        # "Russian assaults were repelled"; "Russian troops were beaten back": the subject of
        # a passive repel is who attacked
        passive = not repel.word.lower().endswith("ing") and _PASSIVE_REPEL.search(
            text, max(position, repel.at - 30), repel.at
        )
        if (
            attacks
            and not passive
            and _GERMAN_ACTIVE_PERFECT.search(text, position, repel.at)
            and not _GERMAN_PASSIVE_AFTER.match(text, repel.end)
        ):
            # "Ukrainische Einheiten haben bei Torezk einen Angriff abgewehrt": the attack is
            # the object of who repelled (not "einen russischen Angriff": the adjective owns it)
            word_end = token_end(text, position, len(text))
            owned = any(a.action == Action.ATTACK and position < a.at <= word_end + 1 for a in acts)
            return OTHER[side] if owned else side
        return OTHER[side] if attacks or passive else side
    after = [s for s in sides if s[0] > repel.at]
    if after:
        position, side = after[0]
        if "\U0001f1e6" <= text[position] <= "\U0001f1ff":
            return side  # a flag after the sentence is its author's: "відбили штурм ... 🇺🇦"
        attacks = any(abs(a.at - position) < 25 and a.action == Action.ATTACK for a in acts)
        if (
            attacks
            or _ENGLISH_VERB.match(repel.word)
            or _AIR_DEFENCE.search(repel.word)
            or has_cyrillic(repel.word)
        ):
            return OTHER[side]  # "repelled Russian assaults", "відбили спробу ДРГ противника"
        return side  # the subject after its verb: "wehrten ukrainische Truppen ... ab"
    return fallback


# What strikes Russia's own places from Ukraine: drones, missiles, shelling (not the glide bombs
# of Russia's own aviation: "КАБи вдарили по Суджі")
_DRONE_WORD = re.compile(
    r"(?<!\w)(?:drones?|uavs?|drohnen?|дрон\w*|бпла|беспилотн\w*|безпілотн\w*|missiles?|"
    r"rockets?|raketen?|ракет\w*|обстрел\w*|обстріл\w*|shelling|atacms|himars)(?!\w)",
    re.IGNORECASE,
)
_RUSSIAN_AIR_WORD = re.compile(
    r"(?<!\w)(?:каб\w*|авиабомб\w*|авіабомб\w*|glide\s+bombs?)(?!\w)", re.I
)
_PASSIVE_REPEL = re.compile(
    r"\b(?:was|were|been|being|wurden?|worden|a\s+été|ont\s+été|été)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# Air defence repels strikes, not assaults ("shot down 40 Ukrainian drones over Kursk").
_AIR_DEFENCE = re.compile(
    r"shot|shoot|downed|intercept|abattu|abgeschossen|abgefangen|fing|schoss|сбит|сбил|збил|збит|перехоп|перехват|"
    r"знешкод|уничтож|знищ|destroy|détrui|zerstör|перехвач",
    re.IGNORECASE,
)
# Drones destroyed are drones shot down: the words, and the drones right after them.
_DESTROYED = re.compile(r"уничтож\w*|знищ\w*|destroy\w*|détrui\w*|zerstör\w*", re.IGNORECASE)
_DRONES_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:drones?|uavs?|missiles?|drohnen|raketen|дрон\w*|ракет\w*|бпла|"
    r"беспилотн\w*|безпілотн\w*|шахед\w*|shahed\w*)(?!\w)"
    # (not what serves them: "a drone control point", "Drohnenwerkstatt")
    r"(?!\s+(?:control|operators?|crews?|teams?|launch(?:ing)?\s+(?:sites?|pads?|points?)|"
    r"depots?|workshops?|factor\w*|warehouses?|positions?|base|bases|пункт\w*|склад\w*))",
    re.IGNORECASE,
)
# Drones and missiles next to an attack verb make it a strike.
_BY_AIR = re.compile(
    r"(?<!\w)(?:drones?|missiles?|uavs?|shahed\w*|drohnen|raketen|дрон\w*|ракет\w*|бпла|"
    r"шахед\w*|беспилотник\w*|безпілотник\w*)(?!\w)",
    re.IGNORECASE,
)
_WITH_AIR = re.compile(
    r"\s+(?:"
    # (a place and when between: "griff Charkiw in der Nacht mit Drohnen an")
    r"(?:[^\W\d_]+\s+){0,4}?(?:by|with|mit|avec)\s+(?:\w+\s+)?(?:drones?|missiles?|uavs?|"
    r"drohnen|raketen)(?!\w|\s+(?:support|cover|backing))|"
    # (a place and a weapon's adjective between: "атакувала Київ балістичними ракетами")
    r"(?:[^\W\d_]+\s+){0,2}?(?:дронами|дроном|ракетами|ракетою|ракетой|беспилотниками|"
    r"беспилотником|безпілотниками|безпілотником|шахедами|шахедом|бпла|"
    # "атаки дронів", "атака беспилотников", "une attaque de drones", "an attack of drones"
    r"(?:of|de|d['’]|des)\s+(?:drones?|missiles?)|[\w-]*дрон(?:ів|ов|а)|безпілотник(?:ів|а)|"
    r"беспилотник(?:ов|а)|"
    # "атаковал с помощью FPV-дронов", "за допомогою дронів"
    r"(?:с\s+помощью|за\s+допомогою)\s+(?:[\w-]+\s+)?(?:[\w-]*дрон\w*|беспилотн\w*|безпілотн\w*|"
    r"бпла)|"
    r"шахедів|шахедов|ракет))(?!\w)",
    re.IGNORECASE,
)
# ... and whether a clause holds any of their words (`_acts` looks before each action only then;
# also for `attempted` and `continuing`, whose words it reads in the clause before it).
_BY_AIR_WORDS = Family(prefixed(_BY_AIR))
# An attack by air by its adjective: "combined attacks on Kyiv", "une attaque combinée contre
# Kyiv", "масована атака на Київ" (not "a massive assault on Pokrovsk")
_AIR_ATTACK_BEFORE = re.compile(
    r"(?<!\w)(?:combined|aerial|missile-and-drone|kombiniert\w*|масован\w*|комбінован\w*|"
    r"комбинированн\w*|массированн\w*)\s+"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_AIR_ATTACK_AFTER = re.compile(r"\s+(?:combinées?|aériennes?)(?!\w)", re.IGNORECASE)
_TRYING = Family(prefixed(ATTEMPT), prefixed(CONTINUE))
_FORCED_OUT = re.compile(
    r"вытеснен|витіснен|выбит|вибит|pushed\s+out|driven\s+out|forced\s+out|chassé|délogé|"
    r"verdrängt",
    re.IGNORECASE,
)
# ... told with whom it pushed between the verb and "out": the subject pushed
_PUSHED_SOMEONE_OUT = re.compile(rf"(?:{PUSHING_VERBS})\s+(?!out\b)\S")
# ... out of part of the place: "out of parts of Kupiansk", "out of Dobropillia's outskirts"
_OUT_OF_PART = re.compile(
    r"\s+of\s+(?:(?:the|several|some|a\s+few|\w+)\s+)?(?:(?:northern|southern|eastern|western|"
    r"central)\s+)?(?:parts?|positions?|areas?|sections?|outskirts|edge)\b|"
    r"\s+of\s+\S+['’]s\s+(?:outskirts|edge)\b",
    re.IGNORECASE,
)
_CLASHES = re.compile(CLASH_WORDS, re.IGNORECASE)
# A passive's agent a few words before the side's mark: "by a dozen Russian drones".
_AGENT_PHRASE = re.compile(r"\b(?:by|par|von|durch)\s+(?:[^\W\d_]+\s+){0,4}$", re.IGNORECASE)
# An advance told by who was pushed: the side named with it gave ground.
_PUSHED_BACK = re.compile(PUSHED_BACK_WORDS, re.IGNORECASE)
_ENGLISH_VERB = re.compile(r"repel|repuls|fought", re.IGNORECASE)


def _actor(text: str, acts: list[_Act], sides: list[tuple[int, Side]], act: _Act) -> Side | None:
    after = [s for s in sides if s[0] >= act.end]
    if after:
        position, side = after[0]
        gap = text[act.end : position]
        # (not across "and": "Lage verbessert und Formationen von vier ukrainischen Brigaden
        # … geschlagen" names whom the next verb defeated)
        joined = _AND_GAP.search(gap) is not None
        if AGENT_BEFORE.search(gap[-25:]) and len(gap) < 40 and not joined:
            return side  # "captured by Russian forces", "Pokrovsk fell to Russian forces"
        if _AGENT_PHRASE.search(gap) and len(gap) < 60 and not joined:
            return side  # "visée dans la nuit par une trentaine de drones Shahed"
        if act.word.lower().endswith(" to") and len(gap) < 15:
            return side
        if act.action == Action.CONTROL and _CONTROL_OF.fullmatch(gap):
            return side  # "remains under the control of Ukrainian forces": whose control
        if not gap.strip() and _AGENT_NOUN_AFTER.match(text, position):
            return side  # German puts the subject after its verb: "trafen russische Drohnen"
        if NOUN_ACTION.fullmatch(act.word) and len(gap) < 15 and not _PLACE_WORD.search(gap):
            # "attaques russes", "атаки окупантів" (not "infiltration behind Russian lines")
            return side
    # The subject: the side nearest before, unless it qualifies another action noun
    # ("Ukrainian forces repelled Russian attacks and advanced near X").
    before = [s for s in sides if s[0] < act.at]
    for position, side in reversed(before):
        qualifies = any(
            position < a.at < act.at and a.at - position < 25 and a.action == Action.ATTACK
            for a in acts
        )
        # nor the object of another action before it ("відтіснили ворога від X та звільнили
        # Y", "repelled Russian troops and advanced")
        if not qualifies and not _object_of(text, acts, act, position):
            return side
    # (every side before qualifies an action or is an object: the first that is no object,
    # "Russian forces attacked Ukrainian positions and advanced"; none when all are, as in
    # "відкинули противника … і закріпилися")
    return next(
        (side for position, side in before if not _object_of(text, acts, act, position)), None
    )


_AND_GAP = re.compile(r"\s(?:and|und|et)\s", re.IGNORECASE)
# ... and a side named as whose men another verb's object are ("und Formationen von vier")
_AND_OF = re.compile(
    r"\s(?:and|und|et)\s[^.;:!?]*\s(?:of|von|de|des)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
_CONTROL_OF = re.compile(
    r"\s*(?:of|de|des|du|der|von)?\s*(?:the\s+|les\s+|la\s+|le\s+|l['’]\s*)?", re.IGNORECASE
)
_LEADER_WORDS = (
    r"(?:president|président|präsident\w*|президент\w*|prime\s+minister|premier\s+ministre|"
    r"leader|лідер\w*|лидер\w*)"
)
_OF_BEFORE = re.compile(r"(?<!\w)(?:of\s+the|of|du|de\s+la|des|der)\s+$", re.IGNORECASE)
_OF_LEADER_BEFORE = re.compile(
    rf"(?<!\w)(?:of\s+the|du|des|der)\s+{_LEADER_WORDS}\s+$", re.IGNORECASE
)
_LEADER_AFTER = re.compile(rf"[^\W\d_]+\s+{_LEADER_WORDS}(?!\w)", re.IGNORECASE)
_FOR_BEFORE = re.compile(
    r"(?<!\w)(?:for|pour|für|для|на\s+потреби|на\s+нужды)\s+(?:the\s+|les\s+|la\s+|le\s+|"
    r"die\s+|den\s+|der\s+)?$",
    re.IGNORECASE,
)
# A side's adjective and a noun that only acts (no target is called so)
_AGENT_NOUN_AFTER = re.compile(
    r"\w+\s+(?:Drohnen|Raketen|Truppen|Einheiten|Streitkräfte|Soldaten|Kampfflugzeuge|"
    r"Kampfjets|Bomber|Marschflugkörper|Gleitbomben|Artillerie)\b"
)


def _object_of(text: str, acts: list[_Act], act: _Act, position: int) -> bool:
    """Whether the side named at `position` is the object of an action before `act` (or
    inside one: "knocked the enemy out of X and entered Y")."""
    return any(
        a.at < position < a.end and a.action != act.action for a in acts if a.at < act.at
    ) or any(
        0 <= position - a.end <= 40
        and _ARTICLE_GAP.fullmatch(text, a.end, position)
        # a verb's object, or whose another action is ("repoussé des contre-attaques
        # ukrainiennes et frappé X"); not a weapon's maker ("une frappe de missile russe")
        and (
            _VERB_FORM.search(a.word)
            or (a.action != act.action and NOUN_ACTION.fullmatch(a.word.rsplit("-", 1)[-1]))
        )
        for a in acts
        if a.at < act.at
    )


_PLACE_WORD = re.compile(r"\b(?:behind|into|toward|towards|near|on|against)\b", re.IGNORECASE)
# A verb's form (past, infinitive, present plural) in the five languages, and English's
# irregular pasts: what takes an object.
_VERB_FORM = re.compile(
    r"(?:ed|ли|ла|ло|ти|ть|ють|ять|ил|ал|ыл|ув|ав|ив|é|és|ée|ées|ert|iert|t|en)$|"
    r"^(?:struck|hit|took|drove|beat|shot|fought|overran|retook)$",
    re.IGNORECASE,
)


# Between a verb and its object: a space and at most an article ("repelled the Russian ...";
# not "retreated, Russian forces captured", "struck and Russian troops")
# ... or an indefinite article and a word or two of the noun it modifies ("incendié un camion
# militaire russe", "set fire to a Russian truck")
_ARTICLE_GAP = re.compile(
    r"\s+(?:(?:the|les|la|le|des|die|den|der|das)\s+|"
    r"(?:an?|une?|eine[nm]?)\s+(?:[^\W\d_]+\s+){0,2})?",
    re.IGNORECASE,
)


def _worded_side(word: str, ukrainian: bool = False) -> Side | None:
    """ "освободили", "зачистили": Russian usage; "звільнили": Ukrainian (Ukrainian "зачистки"
    are anyone's)."""
    if RU_WORDS.fullmatch(word) and not (ukrainian and word.lower().startswith("зачист")):
        return Side.RU
    if UA_WORDS.fullmatch(word):
        return Side.UA
    return None


def _confidence(
    mention: Mention, claimant: str | None, hedged: bool, place_precision: Precision
) -> float:
    confidence = 0.75 * max(mention.confidence, 0.3)
    confidence += 0.1 if claimant else 0.0
    confidence -= 0.25 if hedged else 0.0
    return max(0.05, min(0.99, confidence))


def _in_range(items: list, starts: list[int], start: int, end: int) -> list:
    return items[bisect_left(starts, start) : bisect_left(starts, end)]


def _positions(items: list) -> tuple[list, list[int]]:
    return items, [i[0] if isinstance(i, tuple) else i.start() for i in items]


def _event_date(written: list[tuple[int, int, date]], offset: int, report_date: date) -> date:
    """The date written nearest before the place in the sentence, else the first, else the
    report's."""
    if not written:
        return report_date
    before = [d for s, _, d in written if s < offset]
    return before[-1] if before else written[0][2]
