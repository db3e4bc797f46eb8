"""Places that only say who speaks: the city an administration or an official is named after
("a rapporté l'administration militaire régionale de Soumy", "Kharkiv's regional governor said",
"des Gouverneurs des Gebiets X"), and a place in the words naming a spokesperson ("a spokesperson
for the brigade in Kupiansk said"). Claims read them as seats, not scenes."""

from __future__ import annotations

import re

from tracker.extract.types import Mention

# The administration named after its city, as the speaker: "a rapporté l'administration
# militaire régionale de Soumy", "according to the military administration of Kherson" (not
# "des missiles ont frappé l'administration régionale de Mykolaïv": the building hit).
_BODY_OF = re.compile(
    r"(?:administration(?:\s+(?:militaire|régionale|municipale))*|verwaltung|behörden|"
    r"authorities)\s+(?:de|d['’]|du|of|von|der)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SPEAKING_BEFORE = re.compile(
    r"(?:a\s+(?:annoncé|rapporté|indiqué|déclaré|précisé|affirmé|signalé|ajouté)|selon|"
    r"d['’]après|according\s+to|said|says|reported|laut|nach\s+angaben|chef|head|leiter|"
    r"teilte|erklärte|meldete)\b[^.;:]{0,25}$",
    re.IGNORECASE,
)


# ... or a person's title: "the mayor of Kharkiv said", "des Gouverneurs des Gebiets X"
_TITLE_OF = re.compile(
    r"(?:mayor|maire|bürgermeister\w*|governor|gouverneur\w*|head|chef|leiter\w*)\s+"
    r"(?:of|de|d['’]|du|von|des|der)\s+(?:the\s+|la\s+|l['’]|gebiets?\s+|region\s+|"
    r"(?:la\s+)?région\s+d(?:e\s+|['’]))?$",
    re.IGNORECASE,
)


_POSSESSOR_OF_TITLE = re.compile(
    r"['’]s\s+(?:regional\s+|oblast\s+|city\s+)?(?:governor|mayor|military\s+administration)\b",
    re.IGNORECASE,
)


# ... or the officials named after it speaking: "Odesa regional officials said", "according to
# Kherson city authorities" (not "Odesa's port")
_BODY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:regional|city|oblast|local|military|district)\s+)*"
    r"(?:officials|authorities|administration|governor|mayor|police|prosecutors?)\b",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"(?:according\s+to|citing)\s+(?:the\s+)?$", re.IGNORECASE)
_SAID_AFTER = re.compile(r"\s+(?:said|say|says|reported|report|told|stated|added)\b", re.IGNORECASE)


def speaking_body_of(text: str, start: int, mention: Mention, others: bool) -> bool:
    """Whether the place only names who speaks: an administration said to speak, or a
    person's title where the sentence names another place (alone, "le maire de Kharkiv a
    fait état de frappes sur le quartier de Kyïvskyï" is about the mayor's city)."""
    if others and (
        _TITLE_OF.search(text, max(start, mention.start - 40), mention.start)
        or _POSSESSOR_OF_TITLE.match(text, mention.end)
    ):
        return True
    body_after = _BODY_AFTER.match(text, mention.end) if others else None
    if body_after and (
        _SAID_AFTER.match(text, body_after.end())
        or _ACCORDING_TO.search(text, max(start, mention.start - 20), mention.start)
    ):
        return True
    body = _BODY_OF.search(text, max(start, mention.start - 60), mention.start)
    return body is not None and bool(
        _SPEAKING_BEFORE.search(text, max(start, body.start() - 40), body.start())
    )


# A place in the words that name a speaker, before their verb and no comma between: "a
# spokesman for a brigade fighting near X said …", "Ein Sprecher einer … Brigade erklärte".
_IN_THE_SPEAKER = re.compile(
    r"[^,;:.]*?\b(?:said|says|told|stated|reported|erklärte|sagte|teilte|meldete|berichtete|"
    r"a\s+(?:déclaré|indiqué|affirmé)|заявив|заявил|повідомив|сообщил)\b",
    re.IGNORECASE,
)


_SPOKESPERSON = re.compile(
    r"\b(?:spokes(?:man|woman|person)|sprecher\w*|porte-parole|речни\w+|представник\w*|"
    r"представител\w*|пресс-секретар\w*|прессекретар\w*)\b[^,;:.]*$",
    re.IGNORECASE,
)


def in_the_speakers_words(text: str, mention: Mention, first_act: int) -> bool:
    """ "Ein Sprecher einer bei Pokrowsk kämpfenden Brigade erklärte, …", "a spokesperson for
    the brigade in Kupiansk said …": the place names who speaks, before the clause's first
    action (`first_act`, its position)."""
    return (
        mention.start < first_act
        and _SPOKESPERSON.search(text, max(0, mention.start - 60), mention.start) is not None
        and _IN_THE_SPEAKER.match(text, mention.start, first_act) is not None
    )
