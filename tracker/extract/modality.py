"""Whether a sentence asserts what it says happened: not a demand, condition, question, plan,
forecast, negation, piece of history, photo caption or byline."""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.claim_lexicon import (
    ATTEMPT,
    BYLINE,
    CAPTION,
    CONDITION,
    CONTINUE,
    DEMAND,
    MODAL,
    NEGATION,
    SINCE,
    YEAR,
    YEARS_AGO,
    dateline_at,
)
from tracker.extract.dates import dates_in
from tracker.extract.prefixed import Family

# How far before an action its modal or negation may stand ("has not yet fully captured").
_WINDOW = 60


def asserts(text: str, start: int, end: int, report_date: date) -> bool:
    """False for a question, a condition, a caption, a byline or history in the sentence
    text[start:end]."""
    sentence = text[start:end]
    stripped = sentence.rstrip(" \n\t\"'»”)")
    body = dateline_at(sentence, 0) or 0  # "Sudzha, Feb 11 - A photo shows ..."
    if (
        stripped.endswith("?")
        or CAPTION.search_window(text, start + body, end)
        or BYLINE.match(sentence[body:])  # (`^` of the rest, not of the sentence)
    ):
        return False
    if CONDITION.search_window(text, start, end):
        return False
    return not _history(text, start, end, report_date)


def called_untrue(text: str, start: int, end: int) -> re.Match | None:
    """Where the clause text[start:end] calls what it tells untrue, if it does."""
    return _UNTRUE.search(text, start, end)


def called_fake_after(text: str, end: int) -> bool:
    """Whether a verdict after a dash closes the clause ending at `end`: "… про висадку ДРГ у
    Краматорську — фейк." (a rumour nobody claims is no claim; a side's claim so called still
    counts as theirs)."""
    return bool(_UNTRUE_AFTER.match(text, end))


_UNTRUE_AFTER = re.compile(
    r"\s*[—–-]\s*(?:(?:це|это|c['’]est|das\s+ist|it['’]s|this\s+is)\s+)?(?:(?:un|une|a|ein|eine)\s+)?"
    # (the verdict closes the sentence: not "— фейк-ньюс про евакуацію …", "— faux drones")
    r"(?:фейк|fake|неправда|ложь|брехня|faux|fausse|falsch|lie|lüge)\s*(?:[.!?…]|$)",
    re.IGNORECASE,
)
# A claim called untrue after it: "заяви окупантів про «захоплення» X не відповідають
# дійсності", "reports of the capture of X do not correspond to reality".
_UNTRUE = re.compile(
    r"не\s+відповіда\w*\s+дійсності|не\s+соответству\w*\s+действительности|"
    r"(?:do|does|did)\s+not\s+(?:correspond\s+to|reflect)\s+reality|"
    r"ne\s+correspond\w*\s+pas\s+à\s+la\s+réalité|"
    r"entspr\w*\s+nicht\s+der\s+(?:wahrheit|realität|wirklichkeit)",
    re.IGNORECASE,
)


def retracted(text: str, start: int, end: int, next_end: int | None) -> tuple[int, bool] | None:
    """Where whoever told what the sentence text[start:end] tells takes it back, in it or in
    the sentence after (ending at `next_end`), and whether what is taken back follows ("withdrew
    his claim that troops had taken X") rather than came before ("claimed the capture of X, but
    later deleted the post", "… avant de retirer cette mention", "Пост позже удалили")."""
    stop = end if next_end is None else next_end
    lowered = text[start:stop].lower()
    # (a look for the letters first: almost no text has any)
    if not any(word in lowered for word in _RETRACTED_LETTERS):
        return None
    match = _RETRACTED.search(lowered)
    if match is None:
        return None
    return start + match.start(), bool(match.group("what"))


_RETRACTED_LETTERS = (
    "delet", "retract", "withdr", "walked back", "remov", "taken down", "retir", "supprim",
    "effac", "lösch", "zurück", "удал", "видал", "отозва", "відклика", "помилков", "ошибочн",
    "прибра", "убра", "karte",
)  # fmt: skip
# What was said: a post, a claim (what is taken back, not "removed mines", "withdrew from X",
# "zog sich zurück")
_SAID_THING = (
    r"(?:post|posts|claim|claims|report|message|statement|mention|entry|tweet|"
    r"publication|affirmation|annonce|beitrag|meldung|behauptung|angabe|nachricht|"
    r"пост\w*|сообщени\w*|публикаци\w*|запис\w*|заявлени\w*|допис\w*|повідомлен\w*|"
    r"публікаці\w*|заяв\w*)"
)
_TAKEN_BACK = (
    r"(?:deleted|removed|retracted|withdrew|withdrawn|walked\s+back|taken\s+down|"
    r"retiré\w*|supprimé\w*|effacé\w*|löschte\w*|gelöscht|zurückgezogen|"
    r"удалил\w*|удален\w*|удалён\w*|видалив\w*|видалил\w*|видален\w*|видалено|"
    r"отозвал\w*|відкликав\w*|відкликал\w*)"
)
# A word between what was said and its verb, not a negation ("the post was not deleted")
_WORD = r"(?!(?:not|never|nicht|nie|pas)\s)[\w'’]+\s+"
# Words between the verb and what was said ("deleted the post", "удалил свой пост"; not
# "withdrew from X, the report said")
_DETERMINER = (
    r"(?:the|its|his|her|their|that|this|a|an|later|quickly|quietly|subsequently|le|la|les|"
    r"son|sa|ses|leur|cette|ce|den|die|das|seinen|seine|ihren|ihre|später|его|её|свой|свою|"
    r"своє|свій|цей|цю|этот|эту|позже|згодом|потом|затем|потім)"
)
_CYRILLIC_WORD = r"(?!(?:не|ні)\s)[а-яіїєґё]+\s+"
_RETRACTED = re.compile(
    # the verb, then (after at most three words) what was said; what was said, then a passive
    # ("the post was later deleted") or a Cyrillic verb ("пост позже удалили") — not a post
    # about something else ("deleted the post with the casualty figures")
    rf"(?<!\w){_TAKEN_BACK}\s+(?:{_DETERMINER}\s+){{0,3}}?{_SAID_THING}(?!\w)"
    r"(?!,?\s+(?:with|showing|containing|avec|mit|з|із|с)\s)"
    # (what it said may follow: "withdrew his claim that …", "відкликало повідомлення про …")
    # (not after a comma: "deleted the post, claiming …" says something new)
    r"(?P<what>\s+(?:about|claiming|saying|that|of|sur|selon\s+laquelle|qui|über|wonach|"
    r"про|о|об|що|что|в\s+котором|де|где)\s)?|"
    rf"(?<!\w){_SAID_THING}\s+(?:{_WORD}){{0,2}}?"
    r"(?:was|were|has\s+been|had\s+been|have\s+been|wurde|wurden|a\s+été|ont\s+été)\s+"
    rf"(?:{_WORD})?{_TAKEN_BACK}(?!\w)|"
    rf"(?<!\w)(?=[а-яіїєґё]){_SAID_THING}\s+(?:{_CYRILLIC_WORD}){{0,2}}?{_TAKEN_BACK}(?!\w)|"
    r"\bretracted\s+it\b|"
    # a map's correction: "просування … було позначено помилково, його прибрано з мапи"
    r"(?:позначен\w*|відображен\w*|нанесен\w*)\s+помилково|помилково\s+позначен\w*|"
    r"ошибочно\s+(?:отмечен\w*|нанесен\w*)|(?:отмечен\w*|нанесен\w*)\s+ошибочно|"
    r"(?:прибрано|прибрали|видалено|видалили|удален\w*|удалили|убран\w*|убрали)\s+з\s+мап\w*|"
    r"(?:удален\w*|удалили|убран\w*|убрали)\s+с\s+карт\w*|"
    r"\b(?:removed|deleted)\s+from\s+the\s+map\b|"
    r"\b(?:retiré\w*|supprimé\w*)\s+de\s+la\s+carte\b|\bvon\s+der\s+karte\s+(?:genommen|entfernt)\b|"
    r"\bavant\s+de\s+(?:la|le|l['’])\s*(?:retirer|supprimer|effacer)\b|"
    rf"\bavant\s+de\s+(?:retirer|supprimer|effacer)\s+(?:\w+\s+){{0,2}}?{_SAID_THING}(?!\w)|"
    rf"\bzog\s+(?:\w+\s+){{0,2}}?{_SAID_THING}\s+(?:\w+\s+){{0,2}}?zurück\b"
)


def demand_at(text: str, start: int, end: int) -> int | None:
    """Where a demand starts in the clause text[start:end] (from its start): nothing after it
    is a claim."""
    match = DEMAND.search_window(text, start, end)
    if match is None:
        return None
    # German closes the clause with its participle: "hat den Rückzug aus X gefordert"
    return 0 if match.group().lower() in _VERB_LAST else match.start()


_VERB_LAST = frozenset({"gefordert", "verlangt", "aufgefordert"})


def blocked(text: str, clause_start: int, action_start: int) -> bool:
    """A negation or a modal in the words just before the action ("did not advance", "could
    capture", "Kiev dément avoir perdu"); in German also a modal closing the action's clause
    after it, or a "dass" clause that says what is thought likely."""
    start = max(clause_start, action_start - _WINDOW)
    while clause_start < start < action_start and text[start - 1].isalnum():
        start += 1  # (from a whole word: the tail of "Robotyne" is no French "ne")
    if _german_modal(text, action_start) or _not_ruled_out(text, action_start):
        return True
    for restart in _ASSERTING_AFTER_DENIAL.finditer(text, start, action_start):
        start = restart.end()  # "a démenti, assurant que ses troupes tenaient X": asserted
    if not _NEGATION_OR_MODAL.may_match(text, start, action_start):
        return False  # (most actions: none of their words before it, seen in one look)
    return bool(
        NEGATION.search_window(text, start, action_start)
        or MODAL.search_window(text, start, action_start)
    )


def _german_modal(text: str, action_start: int) -> bool:
    """ "…, dass Russland … eine Offensive beginnen könnte": verb-final; "halten es für
    möglich, dass Russland auf X vorrückt": what is thought likely. (A look for their letters
    first: most texts have none.)"""
    after = min(len(text), action_start + 100)
    if any(text.find(word, action_start, after) >= 0 for word in _GERMAN_MODAL_LETTERS) and (
        _GERMAN_MODAL_AFTER.match(text, action_start)
    ):
        return True
    if text.find("zurückgewiesen", action_start, after + 60) >= 0 and _REPORTS_OF.search(
        text, max(0, action_start - 60), action_start
    ):
        return True  # "Berichte über einen Rückzug aus X als „Fälschung“ zurückgewiesen"
    before = max(0, action_start - 150)
    return text.find("dass", before, action_start) >= 0 and bool(
        _THOUGHT_LIKELY.search(text, before, action_start)
    )


def _not_ruled_out(text: str, action_start: int) -> bool:
    """ "« Une offensive sur Zaporijjia n'est pas exclue »", "an attack on X is not ruled out":
    what may come, said after the action. (A look for the words' letters first.)"""
    after = min(len(text), action_start + _NOT_RULED_OUT_REACH)
    return any(text.find(word, action_start, after) >= 0 for word in _RULED_OUT_LETTERS) and bool(
        _NOT_RULED_OUT.match(text, action_start, after)
    )


_NOT_RULED_OUT_REACH = 80
_RULED_OUT_LETTERS = ("exclu", "ruled out", "ausgeschlossen", "виключ", "исключ")
_NOT_RULED_OUT = re.compile(
    r"[^.;:!?,]*?(?:n['’]est\s+pas\s+exclue?s?|ne\s+sont\s+pas\s+exclue?s|"
    r"(?:is|are|was|were|be)\s+not\s+(?:been\s+)?ruled\s+out|cannot\s+be\s+ruled\s+out|"
    r"(?:ist|sei|wäre)\s+nicht\s+ausgeschlossen|не\s+виключ\w*|не\s+исключ\w*)",
    re.IGNORECASE,
)


# A denial's speaker asserting what is so: the denial negates nothing after it
_ASSERTING_AFTER_DENIAL = re.compile(
    r",\s*(?:assurant|affirmant|insistant|soulignant|précisant|ajoutant)\s+qu(?:e\s|['’])|"
    r",\s*(?:insisting|saying|stating|adding|asserting)\s+(?:that\s)?|"
    r",\s*(?:заявивши|наголосивши|запевнивши|додавши|заявив|сообщив|подчеркнув|добавив)"
    r"\s*,?\s*(?:що|что)\s",
    re.IGNORECASE,
)
_GERMAN_MODAL_LETTERS = ("önnte", "ürfte", "ürde")
# Reports of the action, rejected after it in the clause
_REPORTS_OF = re.compile(
    r"\b(?:berichte|meldungen|angaben|behauptungen|darstellungen)\s+(?:über|von|zu)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


_THOUGHT_LIKELY = re.compile(
    r"(?:für\s+(?:möglich|wahrscheinlich|denkbar)|gehen\s+davon\s+aus|rechne\w*\s+damit|"
    r"befürchte\w*|erwarte\w*|vermute\w*)\s*,\s*dass\b"
    # (the "dass" clause goes on past a comma, not past "doch", "aber": "…, dass Russland Sumy
    # angreift, doch Charkiw wurde heute beschossen")
    r"(?:[^.;:!?,]|,(?!\s*(?:doch|aber|jedoch|während|sondern|und)\b))*$",
    re.IGNORECASE,
)
# A German clause's modal at its end, after the action: "eine Offensive … beginnen könnte",
# "vorrücken dürften" (the action word, then at most a few words before the clause ends)
_GERMAN_MODAL_AFTER = re.compile(
    r"[\w-]+(?:\s+(?!(?:als|wie|dass|ob|wenn|weil)\b)[^\W\d_][\w-]*){0,6}?\s+"
    r"(?:könnte|könnten|dürfte|dürften|würde|würden)"
    r"(?=\s*(?:[.,;:!?)]|$))",
    re.IGNORECASE,
)


_NEGATION_OR_MODAL = Family(NEGATION, MODAL)


def not_waged_after(text: str, action_end: int, clause_end: int) -> bool:
    """ "ворог наступальних дій не вів", "активных наступательных действий не вел": the
    negation after the action's noun."""
    return bool(_NOT_WAGED_AFTER.match(text, action_end, clause_end))


_NOT_WAGED_AFTER = re.compile(
    r"(?:\s+[^\W\d_]+){0,2}?\s+(?:не|ні)\s+(?:вів|вела|вели|вёл|вел|веде|ведуть|ведет|ведут|"
    r"проводив|проводили|проводил\w*|здійснював|здійснювали|осуществлял\w*)(?!\w)",
    re.IGNORECASE,
)


def attempted(text: str, clause_start: int, action_start: int) -> bool:
    """ "attempted to advance", "a tenté à trois reprises de percer": an attack, not an
    advance (not across "and": "tried to advance near X and captured Y")."""
    window = text[max(clause_start, action_start - 40) : action_start]
    return bool(ATTEMPT.search(_AND.split(window)[-1]))


def continuing(text: str, clause_start: int, action_start: int) -> bool:
    """ "continued clearing", "продолжили зачистку": going on, not done."""
    window = text[max(clause_start, action_start - 25) : action_start]
    # "продолжили наступление и освободили X": the going on was the offensive's
    window = _AND.split(window)[-1]
    return bool(CONTINUE.search(window))


_AND = re.compile(r"\s(?:and|et|und|и|і|та)\s", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


_SINCE_BEFORE = re.compile(rf"(?<!\w){SINCE}\s+(?:[^\W\d_]+\s+)?$", re.IGNORECASE)


def _history(text: str, start: int, end: int, report_date: date) -> bool:
    """A year before the report's that is not part of a full date in the sentence
    text[start:end], or years counted back ("three years ago")."""
    if YEARS_AGO.search_window(text, start, end):
        return True
    digit = _DIGIT.search(text, start, end)
    if digit is None:
        return False  # (a year is written in digits)
    # (from the sentence's first digit on: a year starts at one, and the lookbehind still sees
    # the letter before it)
    sentence = text[start:end]
    years = [
        m
        for m in YEAR.finditer(sentence, digit.start() - start)
        if int(m.group()) < report_date.year
        # ("a town Russian forces have been trying to take since 2022": counted up to now)
        and not _SINCE_BEFORE.search(sentence, max(0, m.start() - 18), m.start())
    ]
    if not years:
        return False
    dated = dates_in(text, report_date, start, end)
    return any(not any(s <= m.start() < e for s, e, _ in dated) for m in years)
