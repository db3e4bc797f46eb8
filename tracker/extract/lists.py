"""Places named in one list ("в Харькове, Полтаве и Кременчуге", "near Ivanivka and
Petrivka"): a list names places of one scene and one kind."""

from __future__ import annotations

import re

from tracker.extract.found import Found

_CONJUNCTION = r"(?:and|et|und|і|й|та|и|or|ou|oder|або|или)"
# ", ", " and ", ", and ", " і ", " та ", " или "... and the preposition said again ("à Lviv et
# à Rivne", "в Харькове и в Полтаве")
_PREPOSITION = r"(?:à|au|in|im|at|в|у|на|по)"
_SEPARATOR = re.compile(
    rf"\s*(?:,\s*(?:{_CONJUNCTION}\s+)?|\s{_CONJUNCTION}\s+)(?:{_PREPOSITION}\s+)?",
    re.IGNORECASE,
)
_HEADING_END = re.compile(r"\s*:")
_JOINED = re.compile(rf"(?<!\w){_CONJUNCTION}\s", re.IGNORECASE)


def mark_lists(text: str, found: list[Found]) -> None:
    """Sets `listed_from` of each mention in a list of two or more places to the start of the
    list's first one. A list is closed by a conjunction ("A, B and C") or a colon ("A, B, C:"):
    places joined by commas alone may be clauses ("по Харкову, Кам'янське також під
    обстрілом")."""
    chain: list[Found] = []
    joined = False
    for mention in [*found, None]:
        previous = chain[-1] if chain else None
        separator = (
            _SEPARATOR.fullmatch(text, previous.end, mention.start)
            if previous is not None
            and mention is not None
            and previous.sentence == mention.sentence
            and not mention.is_region
            else None
        )
        if separator is not None:
            chain.append(mention)
            joined = joined or bool(_JOINED.search(separator.group()))
            continue
        # (or closed by a colon: a heading of names, "Toula, Riazan, Orel : …")
        if len(chain) > 1 and (joined or _HEADING_END.match(text, chain[-1].end)):
            for member in chain:
                member.listed_from = chain[0].start
        chain = [mention] if mention is not None and not mention.is_region else []
        joined = False
