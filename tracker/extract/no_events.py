"""Action words that tell of no event here: a figure's growth ("ont progressé de 8 %"), a
situation "under control" with no one holding it, a way taken ("einen neuen Kurs
eingeschlagen"), shelling given as the reason for an evacuation."""

from __future__ import annotations

import re

from tracker.extract.claim_lexicon import SINCE
from tracker.model import Action

# A figure's growth: "ont progressé de 8 %", "gained 5 percent", "um 3 Prozent".
_BY_A_SHARE = re.compile(
    r"\s+(?:de|by|um|на|of)\s+(?:\w+\s+)?\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent|pour\s+cent|"
    r"prozent|відсотк\w*|процент\w*)",
    re.IGNORECASE,
)
_UNDER = re.compile(r"(?:under|unter|sous|під|под)\s+$", re.IGNORECASE)
_BECAUSE_OF = re.compile(
    r"(?:через|из-за|because\s+of|due\s+to|en\s+raison\s+d(?:es|u|e)|à\s+cause\s+d(?:es|u|e)|"
    r"wegen(?:\s+de[sr])?)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_EVACUATION = re.compile(r"евакуац|эвакуац|evacuat|évacu|evakuier", re.IGNORECASE)
# "einschlagen" as taking a way: "einen neuen Weg eingeschlagen", "die Richtung X ein"
_NEW_PATH = re.compile(
    r"\b(?:weg|wege|kurs|richtung|pfad|strategie|linie|laufbahn)\b", re.IGNORECASE
)
_OWNER_AFTER = re.compile(
    r"\w*\s+(?:of\s+(?:the\s+)?)?(?:ukrain|russ|kyiv|kiev|moscow|зсу|всу|сил|рф|росі|россi|"
    r"украин|україн|ukrainien|russe|des\s+forces|de\s+l['’]armée|der\s+ukrain|der\s+russ|"
    r"окупант|оккупант|ворог|противник|наш|our)",
    re.IGNORECASE,
)
_CONTROLLED = re.compile(
    r"контрольован\w*|контролируем\w*|контролир\w*|controlled|contrôlée?s?|kontrolliert",
    re.IGNORECASE,
)
_SINCE_A_YEAR = re.compile(
    rf"\s+(?:[^\W\d_]+\s+){{0,3}}?{SINCE}\s+(?:[^\W\d_]+\s+)?(?:19|20)\d\d(?!\d)", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"\s*(?:[.!?;]|$)")
# ("Russian-controlled", "підконтрольн…": who holds it is said)
_OWNER_BEFORE = re.compile(r"(?:russian|ukrainian|kremlin|kyiv|kiev)-?\s*$", re.IGNORECASE)
_SITUATION = re.compile(
    r"\b(?:situation|lage|ситуаці\w*|ситуаци\w*|обстановк\w*)(?!\w)", re.IGNORECASE
)


def no_event(text: str, start: int, end: int, match: re.Match, action: Action) -> bool:
    """Whether the action word `match` in the clause text[start:end] tells of no event."""
    if action == Action.STRIKE:
        if match.group()[:4].lower() in ("schl", "eing") and _NEW_PATH.search(
            text, max(start, match.start() - 60), min(end, match.end() + 100)
        ):
            return True  # "schlugen die Richtung Dnipro ein", "einen anderen Kurs eingeschlagen"
        # "через постійні обстріли оголошено евакуацію з X, Y": why, not where
        return bool(
            _BECAUSE_OF.search(text, max(start, match.start() - 30), match.start())
            and _EVACUATION.search(text, start, end)
        )
    if action == Action.ADVANCE:
        return bool(_BY_A_SHARE.match(text, match.end()))  # "ont progressé de 8 %"
    if action == Action.CAPTURE and _SINCE_A_YEAR.match(
        text, match.end(), min(end, match.end() + 30)
    ):
        return True  # "окуповане ще з 2024 року", "occupied since 2014": a state, no capture now
    if action == Action.CONTROL:
        # "the situation is difficult but under control": no one holds a place (not "the
        # situation is hard, but the town is under the control of the ZSU")
        # ("Ситуація в місті контрольована": the participle alone says it too)
        return bool(
            (
                _UNDER.search(text, max(start, match.start() - 8), match.start())
                or (
                    _CONTROLLED.fullmatch(match.group())
                    and _CLAUSE_END.match(text, match.end())
                    and not _OWNER_BEFORE.search(
                        text, max(start, match.start() - 24), match.start()
                    )
                )
            )
            and not _OWNER_AFTER.match(text, match.end())
            and _SITUATION.search(text, start, match.start())
        )
    return False
