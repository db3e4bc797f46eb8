"""A local HTTP server on 127.0.0.1 serving feeds and articles the tests generate: ETag and
Last-Modified answered with 304 when the client already has them, failures on demand."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

from tests.support.local_http import LocalHTTPServer


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: datetime | None = None
    status: int = 200
    fail_first: int = 0  # answer 503 this many times first
    headers: list[dict[str, str]] = field(default_factory=list)  # requests' headers, in order


class FeedServer(LocalHTTPServer):
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.hits: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits[self.path] += 1
                page = server.pages.get(self.path)
                if page is None:
                    return self._send(404, b"not found", "text/plain")
                page.headers.append(dict(self.headers))
                if page.fail_first > 0:
                    page.fail_first -= 1
                    return self._send(503, b"busy", "text/plain")
                if page.status != 200:
                    return self._send(page.status, b"no", "text/plain")
                modified = page.last_modified and format_datetime(page.last_modified, usegmt=True)
                if (page.etag and self.headers.get("If-None-Match") == page.etag) or (
                    modified and self.headers.get("If-Modified-Since") == modified
                ):
                    return self._send(304, b"", None, page)
                self._send(200, page.body, page.content_type, page)

            def _send(self, status, body, content_type, page=None) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if page is not None and page.etag:
                    self.send_header("ETag", page.etag)
                if page is not None and page.last_modified:
                    stamp = format_datetime(page.last_modified, usegmt=True)
                    self.send_header("Last-Modified", stamp)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        super().__init__(Handler)


def rss(items: list[tuple[str, str, str, str]]) -> bytes:
    """An RSS 2.0 document of (title, link, pubDate, description) items."""
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<pubDate>{escape(d)}</pubDate><description>{escape(s)}</description></item>"
        for t, link, d, s in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Test wire</title>{body}</channel></rss>"
    ).encode()


def atom(entries: list[tuple[str, str, str, str]]) -> bytes:
    """An Atom document of (title, link, updated, html content) entries."""
    from xml.sax.saxutils import escape, quoteattr

    body = "".join(
        f"<entry><title>{escape(t)}</title><link rel='alternate' href={quoteattr(link)}/>"
        f"<updated>{escape(u)}</updated><content type='html'>{escape(c)}</content></entry>"
        for t, link, u, c in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Test</title>{body}</feed>"
    ).encode()


def now() -> datetime:
    return datetime(2025, 12, 4, 12, 0, tzinfo=UTC)
