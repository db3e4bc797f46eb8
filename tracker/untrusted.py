"""Untrusted text made safe to show: control, escape and invisible characters made visible
(terminals), Markdown made literal (the dashboard).

Text from reports, files and other analysts may hold terminal escape sequences (set the
window title, clear the screen), bidirectional overrides that reorder what a reader sees,
zero-width characters, lone surrogates, Rich markup or Markdown. Front ends show it through
these functions and nothing else.
"""

from __future__ import annotations

import re
import unicodedata

# Categories never shown as they are: controls (Cc), formats (Cf: bidi overrides, zero-width
# characters, BOM), surrogates (Cs), private use (Co), unassigned (Cn), line/paragraph seps.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _needs_escape(ch: str) -> bool:
    return not ch.isprintable() and unicodedata.category(ch) in _HIDDEN


_SUSPECT = re.compile(r"[^\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0400-\u052f]")


def visible(text: object, *, keep_newlines: bool = False) -> str:
    """`text` with every control, escape and invisible character written as `\\x1b`,
    `\\u202e`, ...; newlines kept when `keep_newlines` (else shown as `\\n`)."""
    text = "" if text is None else str(text)
    if not _SUSPECT.search(text):  # the common case: plain Latin or Cyrillic
        return text
    out = []
    for ch in text:
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif _needs_escape(ch):
            out.append(_escape(ch))
        else:
            out.append(ch)
    return "".join(out)


# What makes Markdown of a one-line text (CommonMark, GFM, Streamlit's directives), each
# defused with a backslash (CommonMark lets one escape any ASCII punctuation): code, emphasis,
# strikethrough, links and images, HTML and entities, math, email and URL autolinks,
# :directive[...] and :emoji:; at the start, headings, lists and quotes. Other punctuation
# stays as it is, so messages read as written.
_MARKDOWN_ALWAYS = re.compile(
    r"[\\`*~\[\]!<>$&@]"  # always
    r"|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])"  # emphasis (an intraword _ is none)
    r"|:(?=\S)"  # :emoji:, :red[...], scheme://
    r"|(?<=[wW]{3})\."  # www. autolinks
)
_MARKDOWN_START = re.compile(r"^(\s*)([#+=|-]|\d+[.)])")
# GFM's literal autolinks are found in the text after escapes are read (Streamlit 1.67 links
# "http\://x"): a word joiner, which shows nothing, parts "://", "www." and "@" instead.
_AUTOLINK_LITERAL = re.compile(r"(?<=:)(?=//)|(?<=[wW]{3})(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"


def markdown_literal(text: object, *, limit: int | None = None) -> str:
    """`text` as Markdown that renders as exactly that text, on one line: nothing in it
    becomes a link, an image, markup or a directive. Longer than `limit` → cut with '…'."""
    shown = visible(text)
    if limit is not None and len(shown) > limit:
        shown = shown[: max(0, limit - 1)] + "…"
    shown = _AUTOLINK_LITERAL.sub(WORD_JOINER, shown)
    shown = _MARKDOWN_ALWAYS.sub(lambda m: "\\" + m.group(0), shown)
    return _MARKDOWN_START.sub(
        lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], shown, count=1
    )


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no javascript: or data: links in popups)."""
    if url and str(url).strip().lower().startswith(("http://", "https://")):
        return str(url).strip()
    return None
