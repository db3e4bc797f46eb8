"""A place name found in a report, while it is being resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.gazetteer import Candidate
from tracker.model import Place

UNKNOWN_REASON = (
    "not in the gazetteer: a place by its position in the sentence (add it as a custom place)"
)


# Crimea's peninsula holds Sevastopol, a region of its own in the codifier.
_CRIMEA, _SEVASTOPOL = "UA.11", "UA.20"


@dataclass(slots=True)
class Found:
    """A mention while it is being resolved."""

    start: int
    end: int
    text: str
    sentence: int
    candidates: list[Candidate]
    anchor: Found | None = None
    region: Found | None = None
    region_attached: bool = False  # "X in Sumy Oblast": the region is stated for X itself
    region_before: bool = False  # the region is named before X in its sentence (looser)
    # regions named together with `region` ("in the Donetsk and Zaporizhzhia oblasts",
    # "on the border of Kharkiv and Sumy oblasts"): the place is in one of them
    joined_regions: tuple[Found, ...] = ()
    # regions whose border its sentence names ("on the border of X and Y", "біля адмінмежі з
    # X"): the place lies near it
    border_regions: tuple[Found, ...] = ()
    border_with: bool = False  # "near the border with X": the place lies outside X
    state_border: bool = False  # "near the border", "прикордонне село": the Russian border
    # a post's closing tag that repeats a city the post names ("... in Charkiw ... #Charkiw"):
    # the region frames the post, the tag itself is that city
    repeats: Found | None = None
    border_beyond: str = ""  # ... named by its country ("with Russia": RU), the place not in it
    border_village: bool = False  # ... said of it as its kind: "the border village of X"
    # "X ... not to be confused with X near Y": the earlier mention of the name, another place
    namesake_of: Found | None = None
    # "X, not the one near Y", "X, а не то, что под Y": Y lies by the X not meant
    not_near: Found | None = None
    # "..., et non près de Y", "а не біля Y": a place the text says the scene is not by (no
    # neighbour of the sentence's homonyms)
    denied_near: bool = False
    # "эту Федоровку", "this Fedorivka": the mention of the name before, the same place
    same_as: Found | None = None
    # the start of the namesake words whose aside it is named in ("— не путать с одноимённым
    # городом в Томской области —"), or -1: such places say nothing of those outside it
    aside: int = -1
    # where the words about that other place end ("— не путать со Степовым в Запорожской
    # области —"): what follows is the first one's scene again
    aside_end: int = 0
    listed_from: int = -1  # the start of the first place of the list it is named in, or -1
    renamed_as: Found | None = None  # "X s'appelle désormais Y": the name that replaced it
    sector: Found | None = None  # "на Лиманському напрямку ... біля X": the axis X lies on
    area: tuple[str, frozenset[str]] | None = None  # a raion or hromada its sentence names
    area_within: tuple[str, frozenset[str]] | None = None  # ... and the raion of that hromada
    # a reference read as the namesake by which the village it locates lies, the only place of
    # its name, where none lay by its first reading ("біля Малих Щербаків, поблизу
    # Кам'янського"): the report's other places do not move it again
    read_with_place: bool = False
    zone: tuple[tuple[float, float], ...] | None = None  # where its sentence's group fights
    # "the city of X", "le village de X", "X — села на ...", a dateline: what kind of place the
    # text says it is ("town", "village"), or ""
    kind: str = ""
    # "X (не плутати з містом на Дніпропетровщині)": the oblasts whose town of the name it is not
    not_town_in: frozenset[str] = frozenset()
    # named in the dateline ("DNIPRO (dpa) -"): where the story was written, not a neighbour
    # of the places it reports
    in_dateline: bool = False
    # the city of its report's dateline, unless a capital: a light pull to that city's oblast
    dateline: Place | None = None
    # ... set by an oblast's administration or head opening the post, who writes of the oblast
    # only (a town elsewhere is no more his than a village)
    dateline_oblast_only: bool = False
    part: tuple[float, float] | None = None  # "in the east of the region": the part's middle
    # "in western Ukraine": the oblasts of the part of the country said of it
    country_part: frozenset[str] | None = None
    # the text calls it a district ("the Kyivskyi district"): the places the report names
    # (the district's city must be among them), else None
    district_of: frozenset[str] | None = None
    is_sector: bool = False  # names an operational direction ("the Lyman direction")
    reference: bool = False  # serves as another mention's anchor
    military: bool = False  # its sentence reports fighting (an action or a side)
    strike_only: bool = False  # ... and its only action is a strike (which reaches the rear)
    # ... and it reports ground fighting (an advance, a capture, an assault, a withdrawal)
    ground: bool = False
    russian: bool = False  # its sentence is in Russian (ы, э, ъ, ё): "в Димитрове" is a case form
    choice: Candidate | None = None
    confidence: float = 0.0
    reason: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    # The best-scoring candidate far from the choice, and by how much the choice beat it.
    rival: tuple[Candidate, float] | None = None
    by_context: bool = False  # the report's other places changed its choice

    is_region: bool = False
    hromada: bool = False  # a hromada named as a scene, read as its centre (`hromadas`)
    abroad: bool = False  # named like a well-known city outside the gazetteer's countries
    abroad_unresolved: bool = False  # ... and nothing in the text places it inside them
    unknown: bool = False  # a name in a place's position that the gazetteer lacks
    cue: str = ""  # the words of the cue that locates it ("12 km northeast of")
    approx: tuple[float, float, float] | None = None  # (lat, lon, radius km) from its cue

    def __post_init__(self) -> None:
        self.is_region = bool(self.candidates) and self.candidates[0].place.kind == "region"

    def in_area(self, place: Place) -> bool:
        """Whether a place lies in the raion or hromada its sentence names (False if none)."""
        if self.area is None or getattr(place, self.area[0]) not in self.area[1]:
            return False
        within = self.area_within
        return within is None or getattr(place, within[0]) in within[1]

    def settlement_candidates(self) -> int:
        """How many settlements (not regions) the name may be."""
        return sum(c.place.kind != "region" for c in self.candidates)

    def region_codes(self) -> frozenset[str] | None:
        """The admin1 codes of the region(s) the text puts this place in, if any."""
        if self.region is None or self.region.choice is None:
            return None
        codes = self.region.choice.place.admin1_codes
        for other in self.joined_regions:
            if other.choice is not None:
                codes = codes | other.choice.place.admin1_codes
        if _CRIMEA in codes and not any(c.place.admin1_code == _CRIMEA for c in self.candidates):
            codes = codes | {_SEVASTOPOL}  # ("SEVASTOPOL, Crimea": the city on its peninsula)
        return codes

    def region_names(self) -> str:
        """ "Zaporizhzhia Oblast or Dnipropetrovsk Oblast": the regions it is placed in."""
        regions = [self.region, *self.joined_regions]
        return " or ".join(r.choice.place.name for r in regions if r and r.choice)
