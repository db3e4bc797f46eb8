"""The "Fetch a baseline" panel of the map page (admins): the same fetch as
`tracker baseline fetch`, with a progress bar, the licence shown, and errors beside the form."""

from __future__ import annotations

from datetime import date

import streamlit as st

from tracker.control.fetch import LICENCES, fetch_baseline
from tracker.dashboard import auth, resources
from tracker.errors import TrackerError

PROVIDERS = {
    "deepstate": "DeepStateMap (history API: the map of a date)",
    "isw": "ISW/CTP assessed Russian control (current layer)",
}


def fetch_panel(url: str, *, default_day: date) -> None:
    """An expander with the provider, the date and a button; only for roles that may import
    baselines (the store checks again on write)."""
    if not auth.can("baseline"):
        return
    with st.expander("Fetch a baseline (admins)", expanded=False):
        with st.form("baseline_fetch"):
            provider = st.selectbox(
                "Provider", list(PROVIDERS), format_func=PROVIDERS.get, key="bf_provider"
            )
            day = st.date_input(
                "Map of (DeepStateMap only; the newest map on or before it)",
                value=default_day,
                format="YYYY-MM-DD",
                key="bf_day",
            )
            st.caption(
                "Licences: " + " · ".join(f"**{name}**: {text}" for name, text in LICENCES.items())
            )
            submitted = st.form_submit_button("Fetch and import")
        if submitted:
            _run(url, provider, day)
        message = st.session_state.pop("bf_message", None)
        if message:
            if message[0] == "error":  # may quote what a server sent
                st.error(inert_markdown(message[1]))
            else:
                st.success(message[1])


MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!<>|~$:")


def inert_markdown(text: str) -> str:
    """Text (which may quote a server) shown as itself by Streamlit's markdown."""
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)


def _run(url: str, provider: str, day: date) -> None:
    bar = st.progress(0.0, text="Starting…")

    def progress(fraction: float, text: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=text)

    try:
        record, area, _layer = fetch_baseline(
            auth.writer_store(url),
            provider,
            day=day if provider == "deepstate" else None,
            progress=progress,
        )
    except TrackerError as exc:
        bar.empty()
        st.session_state.bf_message = ("error", str(exc))
        return
    resources.refresh_after_write()
    st.session_state.bf_message = (
        "ok",
        f"Imported baseline {record.id}: {record.side} holds {area:,.0f} km² on "
        f"{record.day.isoformat()} ({record.source}). Licence: {record.licence}",
    )
    st.rerun()
