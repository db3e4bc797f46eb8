"""Places named in one list ("в Харькове, Полтаве и Кременчуге", "near Ivanivka and
Petrivka"): a list names places of one scene and one kind, so its members are each other's
first neighbours."""

from __future__ import annotations

import re

from tracker.extract.found import Found

# ", ", " and ", ", and ", " і ", " та ", " или "...
_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:(?:and|et|und|і|й|та|и|or|ou|oder|або|или)\s+)?"
    r"|\s(?:and|et|und|і|й|та|и|or|ou|oder|або|или)\s+)",
    re.IGNORECASE,
)


def mark_lists(text: str, found: list[Found]) -> None:
    """Sets `listed_from` of each mention in a list of two or more places to the start of the
    list's first one."""
    previous: Found | None = None
    for mention in found:
        if (
            previous is not None
            and previous.sentence == mention.sentence
            and not previous.is_region
            and not mention.is_region
            and _SEPARATOR.fullmatch(text, previous.end, mention.start)
        ):
            if previous.listed_from < 0:
                previous.listed_from = previous.start
            mention.listed_from = previous.listed_from
        previous = mention
