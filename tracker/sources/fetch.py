"""`tracker fetch`: read each source's new items into reports and review-queue proposals.

A feed is fetched with a conditional GET (its stored ETag / Last-Modified); an entry whose
link is already a report is skipped before its article is fetched; a source's error is
recorded and reported while the other sources go on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tracker.documents import html_to_text
from tracker.errors import TrackerError
from tracker.model import kyiv_today
from tracker.sources import batch
from tracker.sources.feeds import Entry, parse_feed
from tracker.sources.files import SUFFIXES, file_items, files_items
from tracker.sources.http import Fetcher
from tracker.sources.items import Item
from tracker.store.sources import Source, get_source, list_sources, record_fetch
from tracker.workspace import Workspace

FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"


@dataclass
class SourceResult:
    """One source's fetch: "ok", "not modified" or "error" (with its message)."""

    name: str
    status: str
    items: int = 0
    reports: int = 0
    proposals: int = 0
    skipped: int = 0
    corroborated: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "status": self.status,
            "items": self.items,
            "reports": self.reports,
            "proposals": self.proposals,
            "skipped": self.skipped,
            "corroborated": self.corroborated,
            "errors": list(self.errors),
        }


def fetch(
    workspace: Workspace,
    names: Iterable[str] | None = None,
    *,
    fetcher: Fetcher | None = None,
    by: str | None = None,
) -> list[SourceResult]:
    """Fetch the named sources (default: all) one after the other."""
    store = workspace.store
    chosen = [get_source(store, n) for n in names] if names else list_sources(store)
    fetcher = fetcher or Fetcher()
    results = []
    for source in chosen:
        try:
            results.append(_fetch_one(workspace, source, fetcher, by))
        except TrackerError as exc:
            record_fetch(store, source.name, error=str(exc), keep_validators=True)
            results.append(SourceResult(source.name, "error", errors=[str(exc)]))
    return results


def _fetch_one(workspace: Workspace, source: Source, fetcher: Fetcher, by) -> SourceResult:
    store = workspace.store
    result = SourceResult(source.name, "ok")
    etag = last_modified = None
    if source.kind in ("rss", "atom"):
        response = fetcher.get(
            source.location,
            etag=source.etag,
            last_modified=source.last_modified,
            accept=FEED_TYPES,
        )
        if response.status == 304:
            record_fetch(store, source.name, keep_validators=True)
            result.status = "not modified"
            return result
        _, entries = parse_feed(response.body, f"the feed of {source.name}")
        items: Iterable = _feed_items(workspace, source, entries, fetcher, result)
        etag, last_modified = response.etag, response.last_modified
    elif source.kind == "folder":
        folder = Path(source.location)
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
        items = files_items(paths, source_name=source.name)
    else:
        items = file_items(Path(source.location))
    done = batch.run(workspace, items, by=by)
    result.items += done.items
    result.reports, result.proposals = done.reports, done.proposals
    result.skipped += done.skipped
    result.corroborated = done.corroborated
    result.errors += done.errors
    # Validators only after every entry is in: an interrupted fetch reads the feed again.
    record_fetch(store, source.name, etag=etag, last_modified=last_modified)
    return result


def _feed_items(
    workspace: Workspace,
    source: Source,
    entries: list[Entry],
    fetcher: Fetcher,
    result: SourceResult,
) -> Iterator[Item | TrackerError]:
    today = kyiv_today()
    # Links handed on in this run: the batch writes them a chunk later (a repeat is not
    # fetched twice meanwhile).
    handed: set[str] = set()
    for entry in entries:
        if entry.link and (entry.link in handed or workspace.store.knows_report(url=entry.link)):
            result.items += 1
            result.skipped += 1
            continue
        text = "\n\n".join(p for p in (entry.title, entry.text) if p)
        if entry.link:
            try:
                article = fetcher.get(entry.link, accept="text/html, text/plain;q=0.9")
                text = _article_text(article.body, article.content_type) or text
            except TrackerError as exc:
                result.errors.append(f"{entry.link}: {exc} (the feed's summary was used)")
        if not text.strip():
            continue
        if entry.link:
            handed.add(entry.link)
        yield Item(
            text=text,
            published=min(entry.published or today, today),
            origin=entry.link or f"{source.name}: {entry.title[:60]}",
            source_name=source.name,
            url=entry.link,
            size=len(text.encode("utf-8", "surrogatepass")),
        )


def _article_text(body: bytes, content_type: str | None) -> str:
    kind = (content_type or "").lower()
    charset = "utf-8"
    if "charset=" in kind:
        charset = kind.split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    return text.strip() if kind.startswith("text/plain") else html_to_text(text)
