"""A report as HTML with its place mentions marked, for the ingest page: the report is
untrusted, so every character of it is escaped and only our own markup remains."""

from __future__ import annotations

import html


def highlighted_report(text: str, mentions) -> str:
    """`text` escaped, each mention (with `.start`, `.end`, `.place`, `.reason`) in a <mark>
    whose title names the resolved place; overlapping mentions keep the first."""
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos:
            continue
        out.append(html.escape(text[pos : m.start]))
        where = f"{m.place.name}, {m.place.admin1 or m.place.country}" if m.place else "unresolved"
        colour = "#ffe58a" if m.place else "#ddd"
        title = html.escape(f"{where} · {m.reason}", quote=True)
        out.append(
            f"<mark style='background:{colour}' title='{title}'>"
            f"{html.escape(text[m.start : m.end])}</mark>"
        )
        pos = m.end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return f"<div class='report-text' style='line-height:1.6'>{body}</div>"
