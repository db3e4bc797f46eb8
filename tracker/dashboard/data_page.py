"""The claims as a table: filters, history with restore, export, import, timeline."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from tracker.dashboard import auth, resources
from tracker.dashboard.actions import export_bytes, timeline_frame
from tracker.dashboard.state import claim_label, filter_widgets, init_state, plural, query_key
from tracker.errors import ImportRowsError, TrackerError
from tracker.io import EXPORT_FORMATS, export_format
from tracker.io.uploads import MAX_IMPORT_BYTES, import_upload
from tracker.map_styles import SIDE_COLOURS
from tracker.store.changes import summary as history_summary
from tracker.store.corroboration import with_sources
from tracker.untrusted import markdown_literal as md

TABLE_COLUMNS = [
    "event_date",
    "name",
    "side",
    "action",
    "status",
    "claimant",
    "source_name",
    "quote",
    "version",
    "id",
]

init_state()
state = st.session_state
url = resources.db_url()
store = resources.store(url)
rev = resources.revision(url)

st.title("Claims data")
filters = filter_widgets(resources.claimants(url, rev))
dates = st.columns([1, 1, 2])
since = dates[0].date_input("From", value=None, key="d_since", format="YYYY-MM-DD")
until = dates[1].date_input("To", value=None, key="d_until", format="YYYY-MM-DD")
deleted = dates[2].radio(
    "Deleted claims", ["hide", "include", "only"], key="d_deleted", horizontal=True
)
query = dict(
    filters,
    since=since,
    until=until,
    include_deleted=deleted == "include" or None,
    only_deleted=deleted == "only" or None,
)
key = query_key(**query)
records = resources.claim_records(url, key, rev)
st.markdown(f"**{plural(len(records), 'claim')}**")


@st.cache_data(show_spinner="Preparing the export…", max_entries=16)
def exported(url: str, key: tuple, rev: int, fmt: str) -> bytes:
    records = with_sources(resources.store(url), resources.claim_records(url, key, rev))
    return export_bytes(records, fmt, gazetteer=resources.store_gazetteer(url))


table = pd.DataFrame(records, columns=[*TABLE_COLUMNS, "deleted_at"])
st.dataframe(table, hide_index=True, width="stretch", key="d_table", height=320)

st.subheader("Export the selection")
# Two steps, so a file always holds the table above it: "Prepare" reruns the page with every
# filter as typed (a date still being typed is committed with the click), and the download
# button that appears is made from that run's table; a filter changed afterwards takes it away.
export_cols = st.columns([3, 2, 4])
fmt = export_cols[0].radio(
    "Format",
    EXPORT_FORMATS,
    key="d_format",
    horizontal=True,
    format_func=lambda name: export_format(name).label,
)
file_format = export_format(fmt)
if export_cols[1].button("Prepare the file", key="d_prepare", disabled=not records):
    state.d_prepared = (key, rev, fmt)
if records and state.get("d_prepared") == (key, rev, fmt):
    export_cols[2].download_button(
        f"⬇ claims{file_format.suffix} ({plural(len(records), 'claim')}, as in the table)",
        data=exported(url, key, rev, fmt),
        file_name=f"claims{file_format.suffix}",
        mime=file_format.mime,
        key=f"d_export_{fmt}",
    )
elif records:
    export_cols[2].caption("Prepare the file to download the claims in the table.")

st.subheader("Timeline")
frame = timeline_frame(records)
if len(frame):
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("event_date:T", title="event date", timeUnit="yearmonthdate"),
            y=alt.Y("sum(claims):Q", title="claims"),
            color=alt.Color(
                "side:N",
                scale=alt.Scale(domain=list(SIDE_COLOURS), range=list(SIDE_COLOURS.values())),
            ),
            tooltip=["event_date:T", "side:N", "action:N", "claims:Q"],
        )
        .properties(height=120)
        .facet(row=alt.Row("action:N", title=None))
    )
    st.altair_chart(chart, key="d_timeline")

st.subheader("History of a claim")
labels = {r["id"]: claim_label(r) for r in records}
if state.get("d_claim") not in labels:
    state.d_claim = None  # (deleted and hidden now, or filtered out: never another claim)
chosen = st.selectbox(
    "Claim", [None, *labels], key="d_claim", format_func=lambda i: "—" if i is None else labels[i]
)
if state.get("d_report"):
    st.success(md(state.pop("d_report")))
if chosen:
    claim = store.get_claim(chosen)
    history = store.history(chosen)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "version": h.version,
                    "op": h.op,
                    "by": h.author,
                    "at": h.at.isoformat(timespec="seconds"),
                    "changed": history_summary(h.before, h.after),
                }
                for h in history
            ]
        ),
        hide_index=True,
        key="d_history",
    )
    op = "restore" if claim.deleted else "delete"
    if auth.can(op):
        confirming = state.get("d_confirm") == (op, chosen)
        if not confirming and st.button(f"{op.capitalize()} this claim…", key=f"d_{op}"):
            state.d_confirm = (op, chosen)
            st.rerun()
        if confirming:
            st.warning(
                md(f"{op.capitalize()} claim {claim_label(claim.to_dict())}? ")
                + (
                    "It leaves the map and the exports; its history is kept and an admin "
                    "can restore it."
                    if op == "delete"
                    else "It returns to the map and the exports."
                ),
                icon="⚠️",
            )
            yes, no = st.columns([1, 5])
            if yes.button(f"Yes, {op}", key=f"d_{op}_yes", type="primary"):
                state.d_confirm = None
                writer = auth.writer_store(url)
                try:
                    if op == "delete":
                        done = writer.delete_claim(chosen, version=claim.version)
                    else:
                        done = writer.restore_claim(chosen, version=claim.version)
                except TrackerError as exc:
                    st.error(md(exc))
                else:
                    resources.refresh_after_write()
                    state.d_report = (
                        f"{'Deleted' if op == 'delete' else 'Restored'} claim "
                        f"{claim_label(done.to_dict())} (now version {done.version})."
                    )
                    st.rerun()
            if no.button("Cancel", key=f"d_{op}_no"):
                state.d_confirm = None
                st.rerun()


def import_section() -> None:
    """Bulk import (admins): all or nothing, with the per-row report."""
    st.subheader("Import claims")
    upload = st.file_uploader(
        "GeoJSON or CSV",
        type=["geojson", "json", "csv"],
        key="d_import",
        max_upload_size=MAX_IMPORT_BYTES // 1_000_000,
    )
    dry_run = st.checkbox("Check only (dry run)", key="d_dry_run")
    if upload is None or not st.button("Import", key="d_import_go"):
        return
    try:
        report = import_upload(
            auth.writer_store(url),
            upload.name,
            upload.getvalue(),
            gazetteer=resources.store_gazetteer(url),
            dry_run=dry_run,
        )
    except ImportRowsError as exc:
        st.error(md(exc))
        report = exc.report
    except TrackerError as exc:
        st.error(md(exc))
        report = None
    else:
        if not dry_run:
            resources.refresh_after_write()
        counts = report.counts()
        verb = "would be written" if dry_run else "written"
        st.success(
            f"{counts['new']} new claim(s) {verb}, {counts['unchanged']} unchanged "
            f"(already in the store)."
        )
    if report is not None:
        st.dataframe(
            pd.DataFrame([r.to_dict() for r in report.rows]), hide_index=True, key="d_import_rows"
        )


if auth.can("import"):
    import_section()
