"""Where the Russian groups of forces fight: a bulletin of the «Восток» group speaks of villages
on the Huliaipole and Velyka Novosilka axes, not of their namesakes near Kupiansk. A group
named in a sentence pulls its homonyms toward the group's zone (2024–2025 areas of
responsibility, as the Russian MoD's bulletins and ISW describe them)."""

from __future__ import annotations

import re

from tracker.extract.prefixed import Prefixed, prefixed

# name forms -> points along the group's stretch of the front
Zone = tuple[tuple[float, float], ...]
_ZONES: tuple[tuple[str, Zone], ...] = (
    # Kursk and Belgorod border, Sumy and Kharkiv north: Sudzha, Yunakivka, Vovchansk
    (r"север|sever|north|nord|sewer", ((51.19, 35.27), (51.1, 35.0), (50.29, 36.94))),
    # Kupiansk, Borova, north of Lyman
    (r"запад|zapad|west|ouest|sapad", ((49.71, 37.62), (49.38, 37.63), (49.1, 37.9))),
    # Siversk, Chasiv Yar, Toretsk, Kostiantynivka
    (r"юг|южн\w*|yug|yuzhnaya|south|sud|süd|jug", ((48.87, 38.1), (48.59, 37.83), (48.45, 37.75))),
    # Pokrovsk, Dobropillia, Kurakhove
    (r"центр|tsentr|center|centre|zentrum|zentr", ((48.28, 37.18), (48.47, 37.08), (47.98, 37.28))),
    # Velyka Novosilka, the Dnipropetrovsk border, Huliaipole
    (r"восток|vostok|wostok|east|est|ost", ((47.84, 36.83), (47.95, 36.5), (47.66, 36.26))),
    # Kherson's left bank, Kamianske and Stepnohirsk on the Kakhovka reservoir
    (r"днепр|dnepr|dnipro|dniepr|dnjepr", ((46.6, 33.0), (47.55, 35.35))),
)
_GROUP = (
    r"(?:группировк\w*(?:\s+войск)?|угруповання(?:\s+військ)?|group(?:ing)?\s+of\s+forces|"
    r"battle\s?group|group(?:ing)?|groupement(?:\s+de\s+forces)?|gruppierung|truppengruppe)"
)
# The group's name is quoted or capitalised ("группировка «Восток»", "Gruppierung Wostok",
# the "Tsentr" group) and no compass word ("a group east of Pokrovsk").
_NAMES = "|".join(name for name, _ in _ZONES)
# (searched where one of its literal prefixes starts: every sentence of a report is read)
ZONE_OF_GROUP = prefixed(
    re.compile(
        rf"(?i:{_GROUP})\s*(?:[«\"“„']\s*(?i:({_NAMES}))|(?=[A-ZА-ЯІЇЄҐ])(?i:({_NAMES})))(?!\w)"
        rf"(?!\s+(?i:of|von|de|du|від|от)\b)"
        rf"|[«\"“„'](?i:({_NAMES}))[»”\"“']\s+(?i:{_GROUP})"
    )
)
_COMPILED = [(re.compile(rf"(?:{name})$", re.IGNORECASE), point) for name, point in _ZONES]


# The Ukrainian General Staff's two border directions name their stretch too.
_BORDER_DIRECTIONS: tuple[tuple[Prefixed, Zone], ...] = (
    (
        prefixed(
            re.compile(
                r"північно-слобожанськ\w*|северо-слобожанск\w*|north(?:ern)?\s+slobozhansk\w*",
                re.I,
            )
        ),
        ((51.19, 35.27), (51.1, 35.0), (50.95, 34.6), (51.6, 34.3)),  # Sumy's border
    ),
    (
        prefixed(
            re.compile(
                r"південно-слобожанськ\w*|южно-слобожанск\w*|south(?:ern)?\s+slobozhansk\w*",
                re.I,
            )
        ),
        ((50.29, 36.94), (50.1, 37.3), (50.0, 36.6)),  # Vovchansk, the Kharkiv border
    ),
)


def zone_in(text: str, start: int, end: int) -> Zone | None:
    """The zone of the first Russian group of forces (or Ukrainian border direction) named
    in text[start:end]."""
    match = ZONE_OF_GROUP.search(text, start, end)
    if match is None:
        return next(
            (zone for pattern, zone in _BORDER_DIRECTIONS if pattern.search(text, start, end)),
            None,
        )
    name = match.group(1) or match.group(2) or match.group(3)
    return next(point for pattern, point in _COMPILED if pattern.match(name))
