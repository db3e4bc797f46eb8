"""HTTP for feeds and articles: conditional GET (ETag / Last-Modified), a timeout, retries
with exponential backoff on network errors, 429 and 5xx, and a polite delay between two
requests to the same host. `sleep` and `clock` are injectable so tests never wait."""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from tracker import __version__
from tracker.control.fetch.http import server_text
from tracker.errors import TrackerError

USER_AGENT = f"frontline-tracker/{__version__} (feed fetch)"
MAX_BYTES = 20 * 1024 * 1024
MAX_RETRY_AFTER = 60.0


class FetchError(TrackerError, RuntimeError):
    """A feed or article could not be fetched (after the retries)."""


@dataclass(frozen=True, slots=True)
class Response:
    status: int  # 200, or 304 (not modified: empty body)
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None


class _NoRedirectToOtherSchemes(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_NoRedirectToOtherSchemes())


class Fetcher:
    """GETs with retries and a per-host delay (`delay` seconds between two requests to one
    host)."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        retries: int = 2,
        backoff: float = 1.0,
        delay: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout, self.retries, self.backoff, self.delay = timeout, retries, backoff, delay
        self.sleep, self.clock = sleep, clock
        self._last: dict[str, float] = {}

    def _polite(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"{server_text(url, 160)!r} is not an http(s) URL")
        headers = {"User-Agent": USER_AGENT, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self._backoff(attempt, problem))
            self._polite(parts.netloc.lower())
            try:
                request = urllib.request.Request(url, headers=headers)
                with _opener.open(request, timeout=self.timeout) as response:
                    body = response.read(MAX_BYTES + 1)
                    if len(body) > MAX_BYTES:
                        raise FetchError(f"{_short(url)} sent more than {MAX_BYTES >> 20} MB")
                    return Response(
                        response.status,
                        body,
                        response.headers.get("ETag"),
                        response.headers.get("Last-Modified"),
                        response.headers.get("Content-Type"),
                    )
            except urllib.error.HTTPError as exc:
                if exc.code == 304:
                    return Response(304, b"", etag, last_modified, None)
                problem = f"HTTP {exc.code} {server_text(exc.reason, 60)}"
                if exc.code != 429 and exc.code < 500:
                    break
                retry_after = exc.headers.get("Retry-After") if exc.headers else None
                if retry_after and retry_after.strip().isdigit():
                    problem = f"{problem}|{min(float(retry_after), MAX_RETRY_AFTER)}"
            except (TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                timed_out = isinstance(reason, TimeoutError) or "timed out" in str(reason)
                problem = (
                    f"no answer within {self.timeout:g} s"
                    if timed_out
                    else f"cannot connect: {server_text(reason, 100)}"
                )
        tries = attempt + 1
        raise FetchError(
            f"{_short(url)}: {problem.split('|')[0]} ({tries} attempt{'s' if tries > 1 else ''})"
        )

    def _backoff(self, attempt: int, problem: str) -> float:
        if "|" in problem:  # the server's Retry-After
            return float(problem.rsplit("|", 1)[1])
        return self.backoff * 2 ** (attempt - 1)


def _short(url: str) -> str:
    return server_text(url, 160)
