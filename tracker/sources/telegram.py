"""Telegram Desktop's JSON channel export (result.json): one item per message with text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from tracker.errors import InvalidInputError
from tracker.model import kyiv_today
from tracker.sources.items import Item


def message_text(text: object) -> str:
    """A message's text: a string, or a list of strings and entities ({"type", "text"})."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        parts = []
        for part in text:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    return ""


def _date(message: dict) -> date | None:
    raw = message.get("date")
    if isinstance(raw, str):
        try:
            return datetime.fromisoformat(raw).date()
        except ValueError:
            pass
    unix = message.get("date_unixtime")
    if isinstance(unix, str | int) and str(unix).isdigit():
        return datetime.fromtimestamp(int(unix)).date()
    return None


def channel_items(export: object, label: str) -> Iterator[Item]:
    """The messages of an export, oldest first as exported; service messages, empty texts and
    messages without a readable date are skipped."""
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        raise InvalidInputError(
            f"{label} is not a Telegram Desktop channel export (no 'messages' list)"
        )
    name = export.get("name") if isinstance(export.get("name"), str) else None
    name = (name or "").strip()[:200] or None
    username = export.get("username") if isinstance(export.get("username"), str) else None
    today = kyiv_today()
    for message in export["messages"]:
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        text = message_text(message.get("text")).strip()
        day = _date(message)
        if not text or day is None:
            continue
        url = None
        if username and str(message.get("id", "")).isdigit():
            url = f"https://t.me/{username.strip('@ ')}/{message['id']}"
        yield Item(
            text=text,
            published=min(day, today),
            origin=f"{label}#{message.get('id', '?')}",
            source_name=name,
            url=url,
            size=len(text.encode("utf-8", "surrogatepass")),  # (refused later, by name)
        )
