"""Where reports come from: files in a batch, folders, Telegram channel exports, RSS and Atom
feeds. Each yields `Item`s; `batch` turns items into reports and review-queue proposals
through `tracker.ingest`."""

from tracker.sources.items import Item

__all__ = ["Item"]
