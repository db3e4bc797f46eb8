"""What a batch's extraction workers share before they start: imported by the forkserver they
are forked from (`tracker.sources.batch`), it imports the library, loads the shipped
gazetteer, works out its settlements' distances to the front line and reads a few lines in
each language, so the rule patterns' prefix automata are built. Each worker then starts with
all of it, instead of spending about a CPU second on it (as a spawned process does). It
changes no extraction: every cache it fills gives the same answer filled or not."""

from __future__ import annotations

from datetime import date

# Lines written for this warm-up, in the five languages the rules read.
_LINES = (
    "Russian forces captured Andriivka near Pokrovsk in Donetsk Oblast, the Russian Ministry "
    "of Defence claimed on 3 December; the Ukrainian General Staff said its units repelled "
    "12 attacks near Kupiansk.",
    "Les forces ukrainiennes ont repoussé des assauts près de Houliaïpole, selon l'état-major.",
    "Russische Truppen rückten bei Siwersk vor, teilte das Verteidigungsministerium mit.",
    "Сили оборони відбили атаки біля Костянтинівки Донецької області, повідомив Генштаб.",
    "Подразделения группировки войск «Центр» освободили населённый пункт Родинское.",
)


def warm() -> None:
    """Load and build what every worker needs (errors are left to the workers, which load
    the same things and report them)."""
    try:
        from tracker import front_line, ingest  # noqa: F401  (the modules a worker imports)
        from tracker.extract import extract
        from tracker.gazetteer import default_gazetteer
        from tracker.model import PlaceKind

        gazetteer = default_gazetteer()
        # (each worker met ~12,000 of these per 10 MB, walking the lines for each)
        front_line.remember_distances(
            place.point for place in gazetteer.places if place.kind == PlaceKind.SETTLEMENT
        )
        for line in _LINES:
            extract(line, report_date=date(2025, 12, 3))
    except Exception:  # (a worker meets the same error and reports it)
        return


warm()
