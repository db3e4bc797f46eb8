"""A renaming the text states: "la ville de Pervomaïsky s'appelle désormais Zlatopil",
"Toretsk (formerly Dzerzhinsk)", "Бахмут (колишній Артемівськ)". The old name is the place the
new one names, whatever other place bears it now."""

from __future__ import annotations

import re
from itertools import pairwise

from tracker.extract.found import Found

# old name, these words, new name: a renaming said in words ("s'appelle désormais", "renamed",
# "перейменовано на"), or "now" in parentheses ("Dzerzhinsk (now Toretsk)") — a bare ", now X"
# may be the front moving on ("Артёмовск, Часов Яр, теперь Константиновка")
_NOW = re.compile(
    r"\s*[,(]?\s*(?:(?:which|qui|das|die|der|який|яке|яка|который|которое|которая)\s+)?"
    r"(?:(?:is|was|has\s+been|a\s+été|wurde)\s+)?(?:"
    r"now\s+called|since\s+renamed(?:\s+to)?|renamed(?:\s+to)?|"
    r"s['’]appelle\s+désormais|est\s+devenue?|rebaptisée?(?:\s+en)?|"
    r"heißt\s+(?:jetzt|heute|nun)|umbenannt\s+in|"
    r"тепер\s+називається|перейменован\w*\s+на|теперь\s+называется|переименован\w*\s+в|"
    # "Першотравенськ став Шахтарським" (a name after it: "став мішенню" is no renaming)
    r"(?:став|стал|became)(?=\s+(?-i:[A-ZА-ЯІЇЄҐ])))"
    r"\s*[:—–-]?\s*"
    r"|\s*\(\s*(?:now|désormais|aujourd['’]hui|heute|тепер|нині|теперь|ныне)\s+",
    re.IGNORECASE,
)
# what stands between a place and a region said with it
_REGION_WITH = re.compile(r"\s*(?:(?:in|у|в|на|im|in\s+der|dans\s+l['’])\s*)?", re.IGNORECASE)
# new name, these words, old name
# ... or said with the year: "Лиман до 2016 року називався Красний Лиман", "Lyman was called
# Krasnyi Lyman until 2016", "hieß bis 2016"
_UNTIL = r"(?:до|until|bis|jusqu['’]en)\s+\d{4}(?:\s*(?:року|года|г\.))?"
_FORMERLY = re.compile(
    r"\s*[,(—–]\s*(?:formerly|anciennement|ancienne|ehemals|früher|"
    r"колишн\w*|раніше|бывш\w*|ранее)\s+"
    # "Еленоконстантиновка (до 2016 года — Октябрьское)"
    rf"|\s*\(\s*{_UNTIL}\s*[:—–-]?\s*"
    # "Shakhtarske, ex-Pershotravensk"
    r"|\s*[,(—–]\s*ex-",
    re.IGNORECASE,
)
_CALLED_THEN = (
    r"(?:назива[вл]\w*|называл\w*|was\s+called|hie(?:ß|ss)|s['’]appelait|"
    # "до 1962 года носивший название Станислав", "bore the name", "trug den Namen"
    r"носи(?:л|вш)\w*\s+(?:название|назву)|мав\s+назву|имел\s+название|"
    r"bore\s+the\s+name|portait\s+le\s+nom|trug\s+den\s+Namen)"
)
# (the year is what says it: "Pokrovsk was called Bakhmut by bloggers" renames nothing)
_WAS_CALLED = re.compile(
    # (or in a relative clause: "Південне, яке до 2024 року називалося Южне")
    r"\s*,?\s*(?:(?:який|яке|яка|который|которое|которая|which|that|qui|das|der|die)\s+)?"
    rf"(?:{_UNTIL}\s+{_CALLED_THEN}|{_CALLED_THEN}\s+{_UNTIL}"
    # "Lyman, known until 2016 as Krasnyi Lyman", "відомий до 2016 року як"
    rf"|(?:known|connue?|відом\w*|известн\w*)\s+{_UNTIL}\s+"
    r"(?:as|sous\s+le\s+nom\s+de|comme|як|как))\s+",
    re.IGNORECASE,
)
# ... with an article, closing the clause: "Schachtarske, dem früheren Perschotrawensk,", "the
# former Pershotravensk" (not "the former Shakhtarske front's rear")
_THE_FORMER = re.compile(
    r"\s*[,(—–]\s*(?:the|dem|der|das|des|l['’]|le|la)\s*"
    r"(?:former|ancien(?:ne)?|früher\w*|ehemalig\w*)\s+",
    re.IGNORECASE,
)


# a name, who calls it so, another name closing the clause: "а Нью-Йорк окупанти називають
# Новгородським.", "Niu-York, which Russian sources call Novgorodskoye," — a relative clause or
# no comma at all ("After Avdiivka, analysts call Pokrovsk the next target" renames nothing, nor
# "Дзержинске, как в Москве называют Бахмут и Торецк": names of a list, each for one of the next)
_CALLED = re.compile(
    r"(?:\s*,\s*(?:which|that|qui|que|das|den|die|який|яке|яку|яка|который|которое|которую|"
    r"которая)\s+|\s+)(?:(?!(?:как|як|as|comme|wie)\s)[^\W\d_]+\s+){0,3}(?:називають|"
    r"называют|іменують|именуют|звуть|зовут|calls?|appellent|appelle|nennen|nennt)\s+"
    r"(?:its?\s+|le\s+|la\s+|es\s+|ihn\s+)?",
    re.IGNORECASE,
)
_CLAUSE_CLOSES = re.compile(r"\s*(?:[.,;:!?)»“”\"—–]|$)")
# the verb first, then the place and its other name quoted: "окупанти називають Покров
# «Орджонікідзе»", "Russian sources call Toretsk “Dzerzhinsk”"
_CALLS_BEFORE = re.compile(
    r"(?<!\w)(?:називають|називали|називає|называют|называли|называет|іменують|именуют|calls?|"
    r"called|appellent|"
    r"nennen|nennt)\s+$",
    re.IGNORECASE,
)
_QUOTE_OPENS = re.compile(r"\s*[«“„\"]\s*")


def mark_renamings(text: str, found: list[Found]) -> None:
    """Sets `renamed_as` of an old name the text says another name replaced."""
    for first, second in pairwise(found):
        if first.sentence != second.sentence or first.is_region or second.is_region:
            continue
        if _NOW.fullmatch(text, first.end, second.start):
            first.renamed_as = second
        elif (
            (
                # "окупанти називають Покров «Орджонікідзе»": the verb, the place, its other name
                _QUOTE_OPENS.fullmatch(text, first.end, second.start)
                and _CALLS_BEFORE.search(text, max(0, first.start - 16), first.start)
            )
            or _FORMERLY.fullmatch(text, first.end, second.start)
            or _WAS_CALLED.fullmatch(text, first.end, second.start)
            or (
                (
                    _CALLED.fullmatch(text, first.end, second.start)
                    or _THE_FORMER.fullmatch(text, first.end, second.start)
                )
                and _CLAUSE_CLOSES.match(text, second.end)
            )
        ):
            second.renamed_as = first
    # a region said with the first does not part them: "Голубівкою на Луганщині — колишнім
    # Кіровськом"
    for first, region, second in zip(found, found[1:], found[2:], strict=False):
        if (
            region.is_region
            and not (first.is_region or second.is_region)
            and first.sentence == second.sentence
            and _REGION_WITH.fullmatch(text, first.end, region.start)
            and _FORMERLY.fullmatch(text, region.end, second.start)
        ):
            second.renamed_as = first
