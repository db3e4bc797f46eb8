"""A batch of items → reports and review-queue proposals, through `tracker.ingest.queue_many`.

Extraction runs in `jobs` processes (each with its own workspace on the same database), which
also build each report's part of the rows the writer writes (`ingest.prepare`); the writes
stay in this one, while the workers extract the next chunk. Items go in chunks (two at a
time), each chunk written in one transaction, so memory stays bounded however long the
batch, and proposals are matched against the stored claims in memory
(`tracker.store.matching`, one index for the whole batch). A report already stored (same URL
or text) is skipped before it is extracted (one query per chunk), so a batch run again after
an interruption adds nothing twice (an interruption loses at most the chunk being written;
on SQLite the batch commits with `synchronous = NORMAL`, `Store.bulk_commits`, so a power
loss may lose the last chunks too, which a run again writes again). One item's error is
reported and the batch goes on."""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import count, islice

from tracker import ingest
from tracker.errors import TrackerError
from tracker.sources.items import Item
from tracker.store.matching import EventIndex
from tracker.workspace import Workspace

CHUNK = 64


@dataclass
class BatchResult:
    """What a batch did: items read, reports written, proposals queued, items skipped as
    known, and one line per failed item or file."""

    items: int = 0
    reports: int = 0
    proposals: int = 0
    skipped: int = 0
    corroborated: int = 0
    bytes: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "items": self.items,
            "reports": self.reports,
            "proposals": self.proposals,
            "skipped": self.skipped,
            "corroborated": self.corroborated,
            "bytes": self.bytes,
            "errors": list(self.errors),
        }


Progress = Callable[[Item], None]

_worker: Workspace | None = None
# The store as the worker's current chunk reads it: (chunk number, reading).
_reading: tuple[int, ingest.StoreReading] | None = None
_chunk_numbers = count()  # (the writer's: a worker knows a new chunk by its number)


def _start_worker(url: str) -> None:
    global _worker
    _collector.collect_less()  # (for the worker's whole life: it only extracts)
    _worker = Workspace(url)


class _Collector:
    """The cycle collector during a batch: its youngest generation collected after
    GC_THRESHOLD new containers rather than Python's 700. Extraction and the writer make
    millions of short-lived tuples, lists and match objects and next to no reference cycles;
    collecting them every 700 took ~5 % of a compiled extraction's CPU. Cycles are still
    collected, a little later (at most GC_THRESHOLD objects more stay tracked meanwhile); no
    output depends on when. The process's own setting comes back when its last batch ends."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.before: tuple[int, ...] = ()

    def collect_less(self) -> None:
        with self.lock:
            self.running += 1
            if self.running == 1:
                self.before = gc.get_threshold()
                first, *rest = self.before
                if 0 < first < GC_THRESHOLD:  # (0: collection is off; a higher one is kept)
                    gc.set_threshold(GC_THRESHOLD, *rest)

    def restore(self) -> None:
        with self.lock:
            self.running -= 1
            if self.running == 0 and self.before:
                gc.set_threshold(*self.before)


GC_THRESHOLD = 10_000
_collector = _Collector()


def _extract(item: Item, reading: ingest.StoreReading | int):
    """What the writer needs of the item's extraction (`ingest.Proposals`, with the part of
    the rows it will write built here: `ingest.prepare`), or the error. `reading`: the
    store as the item's chunk reads it, or in a worker the chunk's number."""
    if isinstance(reading, int):
        reading = _worker_reading(reading)
    workspace = reading.workspace
    try:
        extraction = ingest.propose(
            item.text,
            published=item.published,
            source_name=item.source_name,
            lang=item.language,
            reading=reading,
        )
        return ingest.prepare(workspace, _incoming(item, ingest.proposals_of(extraction)))
    except TrackerError as exc:
        return exc


def run(
    workspace: Workspace,
    items: Iterable[Item | BaseException],
    *,
    by: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    result: BatchResult | None = None,
) -> BatchResult:
    """Queue every item; an exception in `items` (a file that could not be read) is
    recorded as an error like a failed item."""
    result = result or BatchResult()
    store = workspace.store
    index = EventIndex(store)  # the store's claims near the batch's events, for corroboration
    pool = None
    if jobs > 1:
        # An executor, not multiprocessing.Pool: a worker that cannot start or dies breaks it
        # with an error, where a Pool would start workers again forever and the batch hang.
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=_pools.start(),
            initializer=_start_worker,
            initargs=(workspace.url,),
        )
    waiting = None  # the previous chunk: (items, their extractions, pending in the pool)
    _collector.collect_less()

    def write(todo: list[Item], extractions) -> None:
        incoming, written = [], []
        for item, extraction in zip(todo, extractions, strict=True):
            if isinstance(extraction, TrackerError):
                result.errors.append(f"{item.origin}: {extraction}")
                if progress:
                    progress(item)
                continue
            incoming.append(_incoming(item, extraction))
            written.append(item)
        done = ingest.queue_many(workspace, incoming, by=by, index=index, read_back=False)
        for item, queued in zip(written, done, strict=True):
            _count(item, queued, result)
            if progress:
                progress(item)

    try:
        with store.bulk_commits():
            for chunk in _chunks(items, CHUNK):
                read = [item for item in chunk if not isinstance(item, BaseException)]
                result.errors += [str(item) for item in chunk if isinstance(item, BaseException)]
                known = store.known_reports([(item.text, item.url) for item in read])
                todo: list[Item] = []
                for item, stored in zip(read, known, strict=True):
                    result.items += 1
                    result.bytes += item.size
                    if stored:
                        result.skipped += 1
                        if progress:
                            progress(item)
                    else:
                        todo.append(item)
                if pool is None:
                    reading = ingest.StoreReading(workspace)
                    write(todo, [_extract(item, reading) for item in todo])
                    continue
                # The workers extract this chunk while the previous one is written here.
                extracting = (todo, _submit(pool, todo, next(_chunk_numbers)))
                if waiting is not None:
                    write(waiting[0], _results(waiting[1]))
                waiting = extracting
            if waiting is not None:
                write(waiting[0], _results(waiting[1]))
    finally:
        _collector.restore()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            _pools.stop()
    return result


class _Pools:
    """How the workers start: forked from a forkserver that has imported the library and
    loaded the gazetteer once (`tracker.sources.preload`), else (where there is no fork)
    spawned, each loading them itself. The forkserver is stopped when the last batch using
    it ends (nothing stays loaded; its CPU time and its workers' are then the batch
    process's children's)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0

    def start(self) -> multiprocessing.context.BaseContext:
        if "forkserver" not in multiprocessing.get_all_start_methods():
            return multiprocessing.get_context("spawn")
        context = multiprocessing.get_context("forkserver")
        with self.lock:
            if self.running == 0:
                context.set_forkserver_preload([_PRELOAD])
            self.running += 1
        return context

    def stop(self) -> None:
        if "forkserver" not in multiprocessing.get_all_start_methods():
            return
        with self.lock:
            self.running -= 1
            if self.running == 0:
                from multiprocessing import forkserver

                stop = getattr(forkserver._forkserver, "_stop", None)  # (no public way)
                if stop is not None:
                    stop()


_PRELOAD = "tracker.sources.preload"
_pools = _Pools()


def _worker_reading(chunk: int) -> ingest.StoreReading:
    """The store as this worker reads it for `chunk`: read again at each new chunk."""
    global _reading
    if _reading is None or _reading[0] != chunk:
        _reading = (chunk, ingest.StoreReading(_worker))
    return _reading[1]


# Items handed to a worker at once: one task per item cost the writer's process ~1 ms each
# (the executor's threads pickle, send and wake for every task); a chunk still goes to both
# workers in several tasks, so neither waits while the other has several items left.
TASK = 8


def _extract_many(items: list[Item], chunk: int) -> list:
    return [_extract(item, chunk) for item in items]


def _submit(pool: ProcessPoolExecutor, todo: list[Item], chunk: int) -> list[Future]:
    # (workers that cannot start may break the pool before the chunk is all handed over)
    try:
        return [
            pool.submit(_extract_many, todo[start : start + TASK], chunk)
            for start in range(0, len(todo), TASK)
        ]
    except BrokenProcessPool as exc:
        raise _stopped(exc) from None


def _results(futures: list) -> list:
    """The items' results in order (each task's, one after the other)."""
    try:
        return [done for future in futures for done in future.result()]
    except BrokenProcessPool as exc:
        raise _stopped(exc) from None


def _stopped(exc: BrokenProcessPool) -> TrackerError:
    return TrackerError(
        f"the extraction processes stopped ({exc}); nothing of this chunk was written, "
        "run the same command again to resume"
    )


def _incoming(item: Item, extraction) -> ingest.Incoming:
    return ingest.Incoming(
        text=item.text,
        published=item.published,
        extraction=extraction,
        source_name=item.source_name,
        source_url=item.url,
        language=item.language,
    )


def _count(item: Item, done, result: BatchResult) -> None:
    if isinstance(done, TrackerError):
        result.errors.append(f"{item.origin}: {done}")
    elif done.skipped:
        result.skipped += 1
    else:
        result.reports += 1
        result.proposals += len(done.proposals)
        result.corroborated += done.sources


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
