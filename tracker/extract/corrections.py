"""A name the text corrects to a village: "Dobropillia — not the town in the Donetsk region,
sorry, the village west of Huliaipole", "la Kostiantynivka frappée n'est pas la ville du
Donbass, mais un petit village au sud-est de Kourakhové", "Не Кам'янське на Дніпропетровщині,
а однойменне село біля Степногірська". The name is a village; the words after the correction
locate it, and a region said in the words it denies does not."""

from __future__ import annotations

import re

from tracker.extract.found import Found
from tracker.extract.lexicon import DIRECTION_OF, NEAR_OF

_NOT_A_TOWN = re.compile(
    r"(?<!\w)(?:not|non|nicht|n['’]est\s+pas|ist\s+nicht|не|ні)\s+(?:[^\W\d_]+\s+){0,2}?"
    r"(?:town|city|ville|Stadt|місто|міста|город|города)(?!\w)",
    re.IGNORECASE,
)
_VILLAGE_WORD = r"(?:village|hamlet|hameau|Dorf|сел[оаіу]|селом|селище|деревн\w*|пос[её]лок)(?!\w)"
# the word "village" right after a contrast, a pause or a copula: "— the village west of Y",
# ", mais un petit village", "sorry, the village in Zaporizhzhia oblast", "ist hier ein Dorf"
_A_VILLAGE = re.compile(
    r"(?:[,—–:;(]|(?<!\w)(?:but|mais|sondern|а|але|но|und|and|is|ist|est|це|это|є))\s*"
    r"(?:[^\W\d_]+\s+){0,3}?" + _VILLAGE_WORD,
    re.IGNORECASE,
)
# "не Кам'янське", "not Dobropillia"; with a word between ("not on Kostiantynivka ..., but on a
# village of the same name", "не по Костянтинівці ..., а по однойменному селу") only a village
# of the name corrects it ("did not hit Poltava, but a village near Kremenchuk" denies the city)
_NOT_BEFORE = re.compile(
    r"(?:^|[\s(«\"])(?:не|not|nicht|pas)\s+(?P<word>(?:hit|strike|on|in|at|near|à|sur|auf|bei|по|"
    r"у|в|на|біля|під|под|около)\s+)?$",
    re.IGNORECASE,
)
_SAME_NAME = re.compile(
    r"same\s+name|même\s+nom|homonyme|gleichnamig|однойменн|одноим[её]нн|тезк", re.IGNORECASE
)
_BUT_A_VILLAGE = re.compile(
    r"[^.;!?]{0,60}?,\s*(?:а|але|но|but|mais|sondern)\s+(?:[^\W\d_]+\s+){0,2}?" + _VILLAGE_WORD,
    re.IGNORECASE,
)
# what may stand between the word "village" or "town" and a name it introduces
_INTRODUCES = re.compile(r"\s*(?:of|de|d['’]|von)?\s*", re.IGNORECASE)
_REACH = 160  # how far after the name its correction may run
_CUE_REACH = 50  # how far before a reference its cue may begin ("au sud-ouest de")


def read_corrections(text: str, found: list[Found], sentences: list[tuple[int, int]]) -> None:
    """Makes each name a correction follows a village, placed by the correction's words."""
    for index, mention in enumerate(found):
        if mention.is_region or mention.unknown or mention.reference:
            continue  # (a cue's reference is no name corrected: "11 km east of Pokrovsk — ...")
        # the correction follows the name it corrects: no other place comes between them
        # but a cue's reference
        following = next(
            (m.start for m in found[index + 1 :] if not (m.is_region or m.reference)),
            sentences[mention.sentence][1],
        )
        words = _correction(text, mention, sentences[mention.sentence][1], following)
        if words is None:
            continue
        denied, village, town = words
        if _names_another(text, found, mention, village) or _names_another(
            text, found, mention, town
        ):
            continue  # "the village of Torske", "not the town of Marhanets": other places
        mention.kind = "village"
        after = [
            m for m in found[index + 1 :] if m.sentence == mention.sentence and m.start > village
        ]
        region = mention.region
        if region is None or denied[0] <= region.start < denied[1]:
            # the region of the words it denies ("not the town in the Donetsk region") gives
            # way to the one the correction names ("... but the village in Kharkiv Oblast")
            mention.region = next(
                (m for m in after if m.is_region and not denied[0] <= m.start < denied[1]), None
            )
            mention.region_attached = False
            mention.joined_regions = ()
        for other in found:
            if (
                other is not mention
                and mention.region is not None
                and other.region is mention.region
                and denied[0] <= other.start < denied[1]
            ):
                # "did not hit Andriivka near Kostiantynivka, but a village of the same name in
                # Sumy Oblast": the region is the village's, not the denied words' places'
                other.region, other.region_attached = None, False
        anchor = mention.anchor
        if anchor is not None and denied[0] <= anchor.start < denied[1]:
            mention.anchor, mention.cue = None, ""  # "not the town near Sloviansk"
        if mention.anchor is None:
            for other in after:
                if other.is_region:
                    continue
                if (
                    other.anchor is not None
                    and other.text == mention.text
                    and not denied[0] <= other.start < denied[1]
                ):
                    # "— не місто, а село Костянтинівка під Вугледаром": the name said again
                    # is the village, and its cue places both
                    mention.anchor, mention.cue = other.anchor, other.cue
                    break
                window = max(village, other.start - _CUE_REACH)
                cue = DIRECTION_OF.search(text, window, other.start) or NEAR_OF.search(
                    text, window, other.start
                )
                if cue is not None and not text[cue.end() : other.start].strip(" '’"):
                    mention.anchor, mention.cue = other, text[cue.start() : other.start]
                    other.reference = True
                break


def _names_another(text: str, found: list[Found], mention: Found, position: int) -> bool:
    """Whether a place of another name than `mention`'s follows right at `position` (after
    "village of", "das Dorf", "село")."""
    if position < 0:
        return False
    after = _INTRODUCES.match(text, position).end()
    return any(
        m.start == after
        and not m.is_region
        and m.candidates
        and m.text != mention.text
        and not (mention.candidates and m.candidates[0].place.id == mention.candidates[0].place.id)
        for m in found
    )


def _correction(
    text: str, mention: Found, sentence_end: int, following: int
) -> tuple[tuple[int, int], int, int] | None:
    """Where the words a correction denies lie, where its word "village" ends and where its
    word "town" ends (-1 when none), or None when the words after a name do not correct it to
    a village (`following`: where the next place's name starts)."""
    end = min(sentence_end, mention.end + _REACH)
    denied = _NOT_BEFORE.search(text, max(0, mention.start - 14), mention.start)
    if denied:
        match = _BUT_A_VILLAGE.match(text, mention.end, end)
        if match is None or (
            denied.group("word")
            and not _SAME_NAME.search(text, mention.end, min(end, match.end() + 30))
        ):
            return None
        return (mention.start, match.end()), match.end(), -1
    denial = _NOT_A_TOWN.search(text, mention.end, end)
    village = _A_VILLAGE.search(text, mention.end, end)
    if denial is None or village is None or min(denial.start(), village.start()) > following:
        return None
    # "not the town ..., the village ..." or "the village ..., not the town ..."
    denied_end = village.start() if denial.start() < village.start() else end
    return (denial.start(), denied_end), village.end(), denial.end()
