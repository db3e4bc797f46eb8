"""Find the place names in a report and decide which place each one means: finding
(`finding`), reading their context (`context`, `anchors`, `not_places`), resolving
(`resolving`, `refusals`), over one remembered gazetteer lookup (`place_lookup`)."""

from __future__ import annotations

import re
import threading

from tracker.extract.context import attach_context
from tracker.extract.finding import NameFinder
from tracker.extract.found import Found
from tracker.extract.hromadas import hromada_mentions
from tracker.extract.place_lookup import PlaceLookup
from tracker.extract.resolving import Resolver
from tracker.extract.sentences import join_wrapped_names, sentence_spans
from tracker.extract.types import Mention
from tracker.gazetteer import Gazetteer
from tracker.model import PlaceKind


class MentionFinder:
    """Finds and resolves mentions with one gazetteer; caches lookups across reports."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.lock = threading.Lock()  # one report at a time: the caches are shared
        self.places = PlaceLookup(gazetteer)
        self._names = NameFinder(self.places)
        self._resolver = Resolver(self.places)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """The report's sentences, rejoined where a line break cut a place's two-word name."""
        return join_wrapped_names(text, sentence_spans(text), self._two_word_name)

    def _two_word_name(self, name: str) -> bool:
        with self.lock:
            return any(
                c.place.kind != PlaceKind.REGION and " " in c.place.name
                for c in self.places.lookup(name)
            )

    def find(self, text: str, sentences: list[tuple[int, int]]) -> list[Found]:
        found = self._names.find(text, sentences)
        hromadas = hromada_mentions(text, sentences, self.places, found)
        return sorted(found + hromadas, key=lambda m: m.start) if hromadas else found

    def attach_context(
        self,
        text: str,
        found: list[Found],
        sentences: list[tuple[int, int]],
        scans: dict[str, list[re.Match]] | None = None,
    ) -> list[Found]:
        return attach_context(self.places, text, found, sentences, scans)

    def resolve(self, found: list[Found], front: list[tuple[float, float]] | None) -> None:
        self._resolver.resolve(found, front)

    @staticmethod
    def to_mentions(found: list[Found]) -> list[Mention]:
        return [
            Mention(
                text=m.text,
                start=m.start,
                end=m.end,
                level="region" if m.is_region else "settlement",
                place=m.choice.place if m.choice else None,
                candidates=len(m.candidates),
                confidence=m.confidence,
                reason=m.reason,
                reference=m.reference,
                approx=m.approx,
            )
            for m in found
        ]
