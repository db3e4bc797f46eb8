"""Turn resolved mentions in sentences that assert military activity into proposed claims.

Per clause: the action nearest before the place (else after), unless negated ("did not
advance"); the side whose forces act is the side named nearest before that action (its
subject), else anywhere in the clause, else the claimant's; who says it from the sentence;
precision from "near"/"outskirts"/"northern" wording or a region mention; the date written in
the sentence, else the report's; confidence lowered by hedges ("reportedly", "isolated").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from tracker.extract.dates import dates_in
from tracker.extract.lexicon import (
    CLAIMANT_LABELS,
    CLAIMANT_PATTERNS,
    NEAR_BEFORE,
    NEAR_TAILS,
    NEGATION,
    NEGATION_HINTS,
)
from tracker.extract.scan import scan_claim_words, scan_lexicon
from tracker.extract.text import clause_spans
from tracker.extract.types import Mention, ProposedClaim
from tracker.model import Action, Precision, Side

CLAIMANT_SIDE = {
    "Russian MoD": Side.RU,
    "Russian milblogger": Side.RU,
    "Russian forces": Side.RU,
    "Ukrainian General Staff": Side.UA,
    "Ukrainian military": Side.UA,
}
BASE_CONFIDENCE = 0.75


def _in_range(matches: list[re.Match], starts: list[int], start: int, end: int):
    return matches[bisect_left(starts, start) : bisect_left(starts, end)]


def _actions(
    text: str, start: int, end: int, scanned: tuple[list[re.Match], list[int]]
) -> list[tuple[int, Action]]:
    found: list[tuple[int, Action]] = []
    for match in _in_range(*scanned, start, end):
        window = text[max(start, match.start() - 25) : match.start()]
        if not (_NEGATION_HINT.search(window) and NEGATION.search(window)):
            found.append((match.start(), _ACTIONS[match.lastgroup]))
    return found


_ACTIONS = {action.value: action for action in Action}
# Any of NEGATION_HINTS (a cheap test before NEGATION), as one pattern.
_NEGATION_HINT = re.compile("|".join(re.escape(hint) for hint in NEGATION_HINTS))


def _sides(
    start: int,
    end: int,
    ru: tuple[list[re.Match], list[int]],
    ua: tuple[list[re.Match], list[int]],
) -> list[tuple[int, Side]]:
    marks = [(m.start(), Side.RU) for m in _in_range(*ru, start, end)]
    marks += [(m.start(), Side.UA) for m in _in_range(*ua, start, end)]
    return sorted(marks)


SPEAKING_FORCES = {"Ukrainian military", "Russian forces"}


def _claimant(claimants: list[re.Match], says: bool) -> str | None:
    """The first claimant in CLAIMANT_PATTERNS' priority order that the sentence names
    (`claimants`: the sentence's CLAIMANT_RE matches; `says`: it has a saying verb)."""
    named = {CLAIMANT_LABELS[m.lastgroup] for m in claimants}
    if named & SPEAKING_FORCES and not says:
        named -= SPEAKING_FORCES
    for _, label in CLAIMANT_PATTERNS:
        if label in named:
            return label
    return None


def _pick_action(actions: list[tuple[int, Action]], position: int) -> tuple[int, Action] | None:
    before = [a for a in actions if a[0] < position]
    chosen = before[-1] if before else (actions[0] if actions else None)
    if chosen and chosen[1] == Action.ATTACK:
        # "repelled Russian assaults near X": the claim is the repelling.
        repel = [a for a in before if a[1] == Action.REPEL]
        if repel:
            chosen = repel[-1]
    return chosen


def _pick_side(sides: list[tuple[int, Side]], action_at: int, action: Action) -> Side | None:
    before = [s for s in sides if s[0] <= action_at]
    if before:
        return before[-1][1]
    if action in (Action.ATTACK, Action.STRIKE, Action.ADVANCE) and sides:
        return sides[0][1]  # "assaults by Russian forces", "frappes russes"
    return sides[0][1] if sides else None


_LIST_GLUE = re.compile(
    r"^(?:[\s,]|\b(?:and|or|et|ou|de|d['’]|of|und|oder|von|та|і|й|або|и|или|а\s+также)\b)*$",
    re.IGNORECASE,
)


def _precision(
    text: str, mention: Mention, clause_start: int, previous: tuple[Mention, Precision] | None
) -> Precision:
    if mention.level == "region":
        return Precision.REGION
    # (30 characters hold the longest cue: "dans le nord de la", "in der Nähe von der")
    window = text[max(clause_start, mention.start - 30) : mention.start]
    if window.rstrip().lower().endswith(NEAR_TAILS) and NEAR_BEFORE.search(window):
        return Precision.NEAR
    # "aux abords de Kostiantynivka, de Pokrovsk et de Houliaïpolé": a list shares its "near".
    if previous and _LIST_GLUE.match(text[previous[0].end : mention.start]):
        return previous[1]
    return Precision.SETTLEMENT


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
    ru_scan = _positions(scans["ru"])
    ua_scan = _positions(scans["ua"])
    claims: list[ProposedClaim] = []
    scenes = [m for m in mentions if m.place is not None and not m.reference]
    starts = [m.start for m in scenes]
    words: dict[str, tuple[list[re.Match], list[int]]] | None = None
    for start, end in sentences:
        in_sentence = scenes[bisect_left(starts, start) : bisect_left(starts, end)]
        if not in_sentence or not _in_range(*action_scan, start, end):
            continue
        if words is None:  # claimants, saying verbs, hedges: one pass over the whole text
            words = {name: _positions(found) for name, found in scan_claim_words(text).items()}
        sentence = text[start:end]
        claimant = _claimant(
            [m for m in _in_range(*words["claimant"], start, end) if m.end() <= end],
            bool(_in_range(*words["says"], start, end)),
        )
        said = bool(_in_range(*words["said"], start, end))
        quote = " ".join(sentence.split())
        written_dates = dates_in(sentence, report_date)
        for clause_start, clause_end in clause_spans(text, start, end):
            actions = _actions(text, clause_start, clause_end, action_scan)
            if not actions:
                continue
            sides = _sides(clause_start, clause_end, ru_scan, ua_scan)
            hedged = bool(_in_range(*words["hedges"], clause_start, clause_end))
            previous: tuple[Mention, Precision] | None = None
            for mention in in_sentence:
                if not clause_start <= mention.start < clause_end:
                    continue
                precision = _precision(text, mention, clause_start, previous)
                previous = (mention, precision)
                picked = _pick_action(actions, mention.start)
                if picked is None:
                    continue
                action_at, action = picked
                side = _pick_side(sides, action_at, action) or CLAIMANT_SIDE.get(claimant or "")
                if side is None:
                    continue
                confidence = BASE_CONFIDENCE * max(mention.confidence, 0.3)
                confidence += 0.1 if claimant else 0.0
                confidence -= 0.25 if hedged else 0.0
                claims.append(
                    ProposedClaim(
                        place=mention.place,
                        mention=mention,
                        event_date=_event_date(written_dates, mention.start - start, report_date),
                        side=side,
                        action=action,
                        claimant=claimant or _said_by(said, side) or source or "media",
                        precision=precision,
                        quote=quote,
                        confidence=max(0.05, min(0.99, confidence)),
                        source_name=source,
                    )
                )
    return claims


def _positions(matches: list[re.Match]) -> tuple[list[re.Match], list[int]]:
    return matches, [m.start() for m in matches]


def _event_date(written: list[tuple[int, int, date]], offset: int, report_date: date) -> date:
    """The date written nearest before the place in the sentence, else the first, else the
    report's."""
    if not written:
        return report_date
    before = [d for s, _, d in written if s < offset]
    return before[-1] if before else written[0][2]


def _said_by(said: bool, side: Side) -> str | None:
    """ "Russian forces claim ...": a side speaking for itself (`said`: the sentence has
    lexicon.SAID)."""
    if said:
        return "Russian forces" if side == Side.RU else "Ukrainian military"
    return None
