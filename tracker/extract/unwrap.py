"""Names cut by a hard line wrap at a hyphen ("Seredyna-\\nBuda", "Juna-\\nkiwka"), read whole.

The name finder reads a word within one line, so a wrap at a hyphen cuts a name in two: the
first half may then be a place of its own far away. Mentions are found in a view of the report
with such wraps closed, and their spans are mapped back, so a mention still quotes the report
as written."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from tracker.extract.types import Mention, ProposedClaim

_WRAP_START = re.compile(r"-[ \t]*\r?\n")  # a cheap look before the full pattern
_HYPHEN_WRAP = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_WORD_BEFORE = re.compile(r"[^\W\d_][\w'’ʼ-]*$")
_WORD_AFTER = re.compile(r"[^\W\d_][\w'’ʼ]*")
# Words a dash at a line's end may stand before: a place then ends at the dash, its halves
# are no name ("Покровська-\nу місті", "Часового Яру-\nта Костянтинівки", "Sumy-\nan").
_SHORT_WORDS = frozenset(
    """a an and the of in on at to et de la le les du des und der die das im am zu
    у в і й та на а з із до від по під за и с к о от при но не ні ще вже же ж бы б ли то
    це як що чи""".split()
)


@dataclass(frozen=True)
class Unwrapped:
    """The report with wraps at hyphens closed; `cuts` holds, for each closed wrap, the view
    position after it and how many characters the view lacks up to there."""

    text: str
    cuts: tuple[tuple[int, int], ...]

    def original(self, position: int) -> int:
        """The report's position of the view's character at `position`."""
        at = bisect_right(self.cuts, (position, len(self.text) + 1)) - 1
        return position + (self.cuts[at][1] if at >= 0 else 0)

    def as_written(
        self, report: str, mentions: list[Mention], claims: list[ProposedClaim]
    ) -> tuple[list[Mention], list[ProposedClaim]]:
        """Mentions and claims found in the view, with the report's spans and text."""
        written = [self._written(m, report) for m in mentions]
        by_span = {(m.start, m.end): w for m, w in zip(mentions, written, strict=True)}
        return written, [
            replace(
                c,
                mention=by_span.get((c.mention.start, c.mention.end))
                or self._written(c.mention, report),
            )
            for c in claims
        ]

    def _written(self, mention: Mention, report: str) -> Mention:
        start = self.original(mention.start)
        end = self.original(mention.end - 1) + 1 if mention.end > mention.start else start
        return replace(mention, text=report[start:end], start=start, end=end)


def unwrap_hyphens(text: str, is_name: Callable[[str], bool]) -> Unwrapped | None:
    """The view of `text` with each wrap at a hyphen inside a capitalised word closed, or None
    when there is none. "Seredyna-\\nBuda" keeps its hyphen (two capitalised halves of a name
    `is_name` knows); "Juna-\\nkiwka" drops it when `is_name("Junakiwka")` (a word split
    to fit the line; not before a preposition: "Покровська-\\nу місті"); anything else is
    left as written ("Kyiv-\\nbased" stays Kyiv)."""
    if _WRAP_START.search(text) is None:
        return None
    pieces: list[str] = []
    cuts: list[tuple[int, int]] = []
    removed = 0
    copied = 0
    for wrap in _HYPHEN_WRAP.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, wrap.start() - 60), wrap.start())
        after = _WORD_AFTER.match(text, wrap.end())
        if before is None or after is None or not before.group()[:1].isupper():
            continue
        first, second = before.group(), after.group()
        if second[:1].isupper():
            # one hyphenated name ("Seredyna-Buda") or two places ("Pokrovsk-Myrnohrad"),
            # not a town's compound ("Charkiw-\nOffensive": Kharkiv stays found)
            if not (is_name(f"{first}-{second}") or is_name(second)):
                continue
            keep = "-"
        elif second.lower() not in _SHORT_WORDS and is_name(first + second):
            # a word split to fit the line; a place before a dash and a short word is not
            # ("Покровська-\nу місті", "Часового Яру-\nта Костянтинівки")
            keep = ""
        else:
            continue
        pieces.append(text[copied : wrap.start()] + keep)
        removed += len(wrap.group()) - len(keep)
        copied = wrap.end()
        cuts.append((copied - removed, removed))
    if not cuts:
        return None
    pieces.append(text[copied:])
    return Unwrapped("".join(pieces), tuple(cuts))
