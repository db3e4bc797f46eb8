"""Transport for baseline fetches: GET with a timeout, one clear error per failure, and a cache
of what was fetched (so an import never asks a provider twice for the same map)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tracker import __version__
from tracker.errors import TrackerError
from tracker.gazetteer import data_dir

DEFAULT_TIMEOUT = 60.0
MAX_BYTES = 200 * 1024 * 1024  # a whole-country layer is a few MB; refuse anything absurd
USER_AGENT = f"frontline-tracker/{__version__} (baseline fetch)"


class BaselineFetchError(TrackerError, RuntimeError):
    """A baseline could not be fetched or read (network, HTTP status, format); nothing was
    written."""


def get_json(url: str, *, timeout: float = DEFAULT_TIMEOUT, what: str = "the server") -> object:
    """GET `url` and parse its JSON body; every failure is a BaselineFetchError naming `what`."""
    return parse_json(get_bytes(url, timeout=timeout, what=what), what=what)


def get_bytes(url: str, *, timeout: float = DEFAULT_TIMEOUT, what: str = "the server") -> bytes:
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme not in ("http", "https"):
        raise BaselineFetchError(f"{url!r} is not an http(s) URL")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise BaselineFetchError(
            f"{what} answered HTTP {exc.code} {server_text(exc.reason, 80)} for {_short(url)}; "
            "nothing was written"
        ) from None
    except (TimeoutError, OSError) as exc:  # URLError is an OSError; socket timeouts too
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise BaselineFetchError(
                f"{what} did not answer within {timeout:g} s ({_short(url)}); nothing was "
                "written. Try again later or raise --timeout"
            ) from None
        raise BaselineFetchError(
            f"cannot reach {what} ({_short(url)}): {server_text(reason)}; nothing was written"
        ) from None
    if len(body) > MAX_BYTES:
        raise BaselineFetchError(f"{what} sent more than {MAX_BYTES // 2**20} MB; refused")
    return body


def parse_json(body: bytes, *, what: str) -> object:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineFetchError(
            f"{what} did not send JSON ({exc}); its format may have changed; nothing was written"
        ) from None


def server_text(value: object, limit: int = 200) -> str:
    """Text a server sent, made inert for one line of output: control and invisible characters
    dropped, whitespace collapsed, cut at `limit` characters."""
    text = "".join(
        ch if ch.isprintable() else " " for ch in str(value) if unicodedata.category(ch) != "Cf"
    )
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(url: str) -> str:
    return server_text(url, 160)


# -- cache --------------------------------------------------------------------------------------


def cache_dir() -> Path:
    """Where fetched layers are kept: <data dir>/baselines (never inside the repository)."""
    return data_dir() / "baselines"


def cache_path(provider: str, key: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in key)[:80]
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    return cache_dir() / f"{provider}-{safe}-{digest}.json"


def read_cache(provider: str, key: str) -> bytes | None:
    try:
        return cache_path(provider, key).read_bytes()
    except OSError:
        return None


def write_cache(provider: str, key: str, body: bytes) -> Path:
    """Keep `body` (written whole or not at all)."""
    path = cache_path(provider, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".fetch-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(body)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return path
