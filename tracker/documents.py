"""Report files to text: plain text and Markdown as they are, HTML without its markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import PurePath

from tracker.errors import InvalidInputError
from tracker.model import MAX_REPORT_BYTES, MAX_REPORT_CHARS
from tracker.textfile import decode_utf8

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm"}
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
}


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def report_text(name: str, data: bytes) -> str:
    """The text of an uploaded or read report file; raises with a clear message otherwise."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InvalidInputError(
            f"{PurePath(name).name!r} is not a text report: use .txt, .md or .html"
        )
    if len(data) > MAX_REPORT_BYTES:
        raise too_big(len(data))
    text = decode_utf8(data, "the report")
    return html_to_text(text) if suffix in HTML_SUFFIXES else text


def too_big(size: int) -> InvalidInputError:
    """The message for a report file over the limit (the CLI says it before reading one)."""
    return InvalidInputError(
        f"the report is {size / 1e6:.1f} MB; the limit is {MAX_REPORT_BYTES / 1e6:.0f} MB "
        f"(and {MAX_REPORT_CHARS:,} characters of text) — split it into several reports"
    )
