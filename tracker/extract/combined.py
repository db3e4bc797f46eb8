"""Several rule patterns tried at one position in one C pass instead of one Python call each.

`either(a, b, c).match(text, at)` matches exactly where a loop `a.match(text, at) or
b.match(text, at) or c.match(text, at)` would, with the match of the first pattern that
matches: an alternation tries its branches in order and, with nothing after it, each branch
finds what its pattern alone finds. Each branch keeps its pattern's flags (as a scoped inline
group), so `^`, case and `\\b` read as they did.
"""

from __future__ import annotations

import re

# The flags a branch can carry as a scoped inline group ("(?im:...)"; not re.VERBOSE, whose
# comment would run past the group's end); re.UNICODE is the default of a str pattern.
_SCOPED = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s"}


def either(*patterns: re.Pattern) -> re.Pattern:
    """One pattern whose branches are `patterns`, in order (none may have groups: a
    numbered back-reference would point elsewhere in the whole)."""
    branches = []
    for pattern in patterns:
        pattern = getattr(pattern, "regex", pattern)  # (a `Prefixed`: its own pattern)
        flags = pattern.flags & ~re.UNICODE
        letters = "".join(letter for flag, letter in _SCOPED.items() if flags & flag)
        if flags & ~sum(_SCOPED) or pattern.groups:
            raise ValueError(f"{pattern.pattern[:40]!r} cannot be a branch of a combined pattern")
        branches.append(f"(?{letters}:{pattern.pattern})")
    return re.compile("|".join(branches))
