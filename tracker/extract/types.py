"""What extraction returns: place mentions with spans, and proposed claims."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tracker.model import Action, Place, Precision, Side

MentionLevel = str  # "settlement" | "region"


def place_summary(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {
        "id": place.id,
        "geonameid": place.geonameid,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        # Only the hromada's centroid is known: the place lies within radius_km of the point.
        "approximate": place.approximate,
        "radius_km": place.radius_km,
    }


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in the text. `text == source[start:end]`."""

    text: str
    start: int
    end: int
    level: MentionLevel
    place: Place | None
    candidates: int
    confidence: float
    reason: str = ""  # why it resolved (or did not)
    reference: bool = False  # only a reference point ("southwest of Pokrovsk"), not a scene
    # Where a cue puts a name the gazetteer lacks: (lat, lon, radius km), else None.
    approx: tuple[float, float, float] | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "level": self.level,
            "place": place_summary(self.place),
            "candidates": self.candidates,
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
            "reference": self.reference,
            "approximate_location": (
                None
                if self.approx is None
                else {"lat": self.approx[0], "lon": self.approx[1], "radius_km": self.approx[2]}
            ),
        }


@dataclass(frozen=True, slots=True)
class ProposedClaim:
    """A claim the text makes about a resolved place, for an analyst to accept or correct."""

    place: Place
    mention: Mention
    event_date: date
    side: Side
    action: Action
    claimant: str
    precision: Precision
    quote: str
    confidence: float
    status: str = "claimed"
    source_name: str | None = None

    def to_dict(self) -> dict:
        return {
            "place": place_summary(self.place),
            "name": self.place.name,
            "event_date": self.event_date.isoformat(),
            "side": str(self.side),
            "action": str(self.action),
            "claimant": self.claimant,
            "status": self.status,
            "precision": int(self.precision),
            "quote": self.quote,
            "confidence": round(self.confidence, 3),
            "source_name": self.source_name,
            "mention": {
                "text": self.mention.text,
                "start": self.mention.start,
                "end": self.mention.end,
            },
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    lang: str
    mentions: list[Mention] = field(default_factory=list)
    claims: list[ProposedClaim] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "lang": self.lang,
            "mentions": [m.to_dict() for m in self.mentions],
            "claims": [c.to_dict() for c in self.claims],
        }
