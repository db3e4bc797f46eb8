"""Ingest a report: paste or upload it, see the place mentions, correct the proposed claims,
accept them with the report in one transaction."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from tracker import ingest
from tracker.dashboard import auth, resources
from tracker.dashboard.state import ACTIONS, REVIEWED_STATUSES, SIDES, init_state
from tracker.documents import report_text
from tracker.errors import TrackerError
from tracker.model import MAX_REPORT_BYTES, MAX_REPORT_CHARS, kyiv_today
from tracker.report_html import highlighted_report
from tracker.untrusted import markdown_literal as md

ACCEPT_CONFIDENCE = 0.8  # pre-ticked from here (proposals below are often wrong)
PRECISIONS = {1: "1 · the settlement", 2: "2 · near it / part of it", 3: "3 · the region"}
PRECISION_CODES = {label: code for code, label in PRECISIONS.items()}


def place_cue(proposed, place) -> str:
    """Why this place: the mention as written and the evidence that resolved it."""
    cue = proposed.mention.reason or "—"
    if place is not proposed.place:
        return "chosen by hand"
    return f"“{proposed.mention.text}”: {cue}"


def approximate_note(place) -> str:
    if place.radius_km:
        return f"Approximate point: within {place.radius_km:.0f} km (the hromada's centre)."
    return "Approximate point."


init_state()
state = st.session_state
auth.require("ingest")
url = resources.db_url()
workspace = auth.writer_workspace(url)

st.title("Ingest a report")
if state.pop("i_clear", False):
    state.i_text = ""
upload = st.file_uploader(
    "Upload a report (.txt, .md, .html)",
    type=["txt", "md", "html", "htm"],
    max_upload_size=MAX_REPORT_BYTES // 1_000_000,
)
pasted = st.text_area("…or paste its text", key="i_text", height=160, max_chars=MAX_REPORT_CHARS)
meta = st.columns([1, 2, 3])
published = meta[0].date_input("Published", key="i_date", value=kyiv_today(), format="YYYY-MM-DD")
source_name = meta[1].text_input("Source", key="i_source")
source_url = meta[2].text_input("URL", key="i_url", placeholder="https://…")

text = pasted
if upload is not None:
    try:
        text = report_text(upload.name, upload.getvalue())
    except TrackerError as exc:
        st.error(md(exc))
        st.stop()
if state.get("ingest_message"):
    st.success(md(state.pop("ingest_message")))
if not text.strip():
    st.info("Paste or upload a report to see its places and proposed claims.")
    st.stop()
if len(text) > MAX_REPORT_CHARS:
    st.error(
        f"This report is {len(text):,} characters long; the store keeps reports of up to "
        f"{MAX_REPORT_CHARS:,}. Split it into parts and ingest each."
    )
    st.stop()

try:
    result = ingest.propose(
        text, published=published, source_name=source_name.strip() or None, workspace=workspace
    )
except TrackerError as exc:
    st.error(md(exc))
    st.stop()


st.subheader(f"Places mentioned ({len(result.mentions)}; language {md(result.lang)})")
st.html(highlighted_report(text, result.mentions))

digest = hashlib.sha256(f"{text}|{published}|{source_name}".encode()).hexdigest()[:12]
overrides: dict[int, object] = state.setdefault("i_overrides", {}).setdefault(digest, {})
tick_all = st.toggle(
    "Tick every proposal",
    key="i_tick_all",
    help=f"Otherwise only those with a confidence of {ACCEPT_CONFIDENCE} or more are ticked.",
)
rows = []
for i, proposed in enumerate(result.claims):
    place = overrides.get(i, proposed.place)
    rows.append(
        {
            # Only confident proposals are ticked (see "Claims from real reporting").
            "accept": tick_all or proposed.confidence >= ACCEPT_CONFIDENCE,
            "place": place.name,
            "oblast": place.admin1 or place.country,
            "why": place_cue(proposed, place),
            "precision": PRECISIONS[int(proposed.precision)],
            "approximate": place.approximate,
            "event_date": proposed.event_date,
            "side": str(proposed.side),
            "action": str(proposed.action),
            "status": proposed.status,
            "claimant": proposed.claimant,
            "confidence": round(proposed.confidence, 2),
            "quote": proposed.quote,
        }
    )
st.subheader(f"Proposed claims ({len(rows)})")
if not rows:
    st.info("No claims proposed: the report names no action at a resolved place.")
    st.stop()
edited = st.data_editor(
    pd.DataFrame(rows),
    key=f"i_claims_{digest}_{int(tick_all)}",
    hide_index=False,
    num_rows="fixed",
    disabled=["place", "oblast", "why", "confidence"],
    column_config={
        "accept": st.column_config.CheckboxColumn(
            "accept", help=f"Ticked when the confidence is {ACCEPT_CONFIDENCE} or more"
        ),
        "why": st.column_config.TextColumn(
            "why this place", help="How the name was read and the evidence that chose the place"
        ),
        "precision": st.column_config.SelectboxColumn(
            "precision", options=list(PRECISIONS.values()), required=True
        ),
        "approximate": st.column_config.CheckboxColumn(
            "approximate", help="The point is only known roughly (a hromada's centre)"
        ),
        "event_date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
        "side": st.column_config.SelectboxColumn("side", options=SIDES, required=True),
        "action": st.column_config.SelectboxColumn("action", options=ACTIONS, required=True),
        "status": st.column_config.SelectboxColumn(
            "status", options=REVIEWED_STATUSES, required=True
        ),
    },
    width="stretch",
)

with st.expander("Change the place of a row"):
    row = st.selectbox(
        "Row", list(range(len(rows))), key="i_row", format_func=lambda i: f"{i}: {rows[i]['place']}"
    )
    query = st.text_input("Search the gazetteer", key="i_place_query")
    if query.strip():
        try:
            found = workspace.gazetteer().candidates(query, limit=8)
        except TrackerError as exc:
            st.error(md(exc))
            found = []
        if found:
            labels = [md(f"{c.place.name} — {c.place.admin1 or c.place.country}") for c in found]
            choice = st.radio("Candidates", labels, key="i_candidate")
            if st.button("Use this place for the row", key="i_use_place"):
                overrides[row] = found[labels.index(choice)].place
                st.rerun()
        else:
            st.info("No match.")

accepted = edited[edited["accept"]]
if st.button(f"Accept the report and {len(accepted)} claim(s)", key="i_accept", type="primary"):
    claims = []
    for i, values in accepted.iterrows():
        place = overrides.get(i, result.claims[i].place)
        proposed = result.claims[i]
        claims.append(
            {
                "event_date": values["event_date"],
                "place_id": place.id,
                "name": place.name,
                "lat": place.lat,
                "lon": place.lon,
                "precision": PRECISION_CODES[values["precision"]],
                "notes": approximate_note(place) if values["approximate"] else None,
                "side": values["side"],
                "action": values["action"],
                "status": values["status"],
                "claimant": values["claimant"],
                "quote": values["quote"],
            }
        )
    try:
        written = ingest.accept(
            workspace,
            text,
            published=published,
            source_name=source_name,
            source_url=source_url,
            language=result.lang,
            claims=claims,
        )
    except TrackerError as exc:
        st.error(f"Nothing was written: {md(exc)}")
    else:
        state.ingest_message = (
            f"Recorded report {written.report.id} and {len(written.claims)} claim(s)."
        )
        state.i_clear = True
        resources.refresh_after_write()
        st.rerun()
