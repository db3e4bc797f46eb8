"""RSS 2.0 and Atom feeds to entries, with the standard library's XML parser. A feed with a
DOCTYPE is refused before parsing: no entity can expand (billion laughs) or reach outside."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from tracker.documents import html_to_text
from tracker.errors import InvalidInputError
from tracker.model import KYIV

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry: its link, title, date (None when the feed gives none) and text."""

    link: str | None
    title: str
    published: date | None
    text: str


def parse_feed(body: bytes, label: str = "the feed") -> tuple[str, list[Entry]]:
    """('rss' | 'atom', entries) of a feed document."""
    if _DOCTYPE.search(body[:65536]) or _DOCTYPE.search(body):
        raise InvalidInputError(f"{label} declares a DOCTYPE or entities; refused")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise InvalidInputError(f"{label} is not well-formed XML ({exc})") from None
    if root.tag == f"{ATOM}feed":
        return "atom", [_atom_entry(e) for e in root.iter(f"{ATOM}entry")]
    if root.tag == "rss" or root.tag.endswith("RDF"):
        return "rss", [_rss_item(i) for i in root.iter("item")]
    raise InvalidInputError(f"{label} is neither RSS 2.0 nor Atom (root <{root.tag[:60]}>)")


def _text(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext()).strip()


def _rss_item(item: ET.Element) -> Entry:
    link = _text(item.find("link")) or None
    guid = item.find("guid")
    if link is None and guid is not None and guid.get("isPermaLink", "true") != "false":
        link = _text(guid) or None
    body = _text(item.find(CONTENT)) or _text(item.find("description"))
    return Entry(
        link=_http(link),
        title=html_to_text(_text(item.find("title"))),
        published=_rfc822_date(_text(item.find("pubDate"))),
        text=html_to_text(body),
    )


def _atom_entry(entry: ET.Element) -> Entry:
    link = None
    for candidate in entry.findall(f"{ATOM}link"):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            link = candidate.get("href")
            break
    content = entry.find(f"{ATOM}content")
    if content is None:
        content = entry.find(f"{ATOM}summary")
    body = _text(content)
    if content is not None and content.get("type", "text") in ("html", "xhtml"):
        body = html_to_text(body) if content.get("type") == "html" else body
    stamp = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
    return Entry(
        link=_http(link),
        title=_text(entry.find(f"{ATOM}title")),
        published=_iso_date(stamp),
        text=body,
    )


def _http(link: str | None) -> str | None:
    link = (link or "").strip()
    return link[:2000] if re.match(r"https?://", link, re.IGNORECASE) else None


def _rfc822_date(text: str) -> date | None:
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return moment.astimezone(KYIV).date() if moment.tzinfo else moment.date()


def _iso_date(text: str) -> date | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(KYIV).date() if moment.tzinfo else moment.date()
