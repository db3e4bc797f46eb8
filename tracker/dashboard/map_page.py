"""The map: claims as of a date, the last days highlighted, filters, play, details on click."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from tracker.dashboard import auth, map_data, resources
from tracker.dashboard.baseline_fetch import fetch_panel
from tracker.dashboard.map_component import claims_map
from tracker.dashboard.state import (
    COUNTINGS,
    WINDOWS,
    filter_widgets,
    init_state,
    plural,
    query_key,
    write_url,
)
from tracker.errors import StoreError
from tracker.map_styles import (
    CONTROL_LAYER_NAMES,
    FRONTLINE_LAYER_NAME,
    REGION_OUTLINE_STYLE,
    chart_colours,
)
from tracker.untrusted import markdown_literal as md
from tracker.untrusted import safe_url

PLAY_STEP_SECONDS = 1.0
LIST_HEIGHT = 260  # px of the sidebar's list of claims (it scrolls)
DETAIL_OPTIONS = 300  # the newest claims offered in the details box (a click selects any)

init_state()
state = st.session_state
url = resources.db_url()
rev = resources.revision(url)

# A laptop screen (1366×768): less space above the title, so the slider and the map show
# together (the filters are in the sidebar).
st.html(
    "<style>[data-testid='stMainBlockContainer']{padding-top:3.5rem}"
    "[data-testid='stMainBlockContainer'] h1{padding:0 0 .25rem 0}</style>"
)
st.title("Claims map")


def _count_line(where, sel: map_data.Selection, as_of: date, window: int) -> None:
    window_start = as_of - timedelta(days=window - 1)
    total, recent, start, later = sel.counts_as_of(as_of, window_start)
    start = start or as_of
    where.markdown(
        f"**{plural(total, 'claim')}, {start.isoformat()} → {as_of.isoformat()}** · "
        f"{recent:,} in the last {plural(window, 'day')}"
        + (f" · {plural(later, 'more claim')} dated by then, reported later" if later else ""),
        help="Claims that had happened and been reported by the as-of date.",
    )


@st.fragment(run_every=resources.WATCH_SECONDS)
def _live_map(key: tuple, as_of: date, window: int, span: tuple, view: tuple, slot: dict) -> None:
    """The claims count and the map, redrawn on their own every WATCH_SECONDS: another
    analyst's write reaches an idle map (within STATE_TTL_SECONDS + WATCH_SECONDS) without
    running the whole page again (the selection grows by the new claims: map_data). The
    page runs whole when the new claims move the slider's range, when a newer control model's
    areas of the date are ready (other analysts' claims reach the areas too), or a claim is
    clicked."""
    model, ckey, counting, selected, proposals_on = view  # (widget values: read in the page's run)
    try:
        rev = resources.revision(url)
        everything = map_data.selection(url, (), rev)
    except StoreError:  # the database stopped answering: the next full run says so
        return
    sel = everything if not key else map_data.selection(url, key, rev)
    if not state.get("page_running") and everything.columns.visible_span() not in (span, None):
        st.rerun(scope="app")  # the new claims moved the slider's range
    if model is not None and not state.get("page_running"):
        # (starts a newer model in the background once the store has moved on)
        newest = resources.control_key(url)
        if newest != model and (
            resources.control_day_key(url, counting, as_of.isoformat(), newest) != ckey
        ):
            st.rerun(scope="app")  # the newer model's areas of the date are ready
    count_col, figures_col = st.columns([1, 1])
    _count_line(count_col, sel, as_of, window)
    proposals = None
    if proposals_on:  # the review queue, a dimmed layer of its own: never counted above
        queued = map_data.selection(url, query_key(**{**dict(key), "status": ("proposed",)}), rev)
        proposals = {"url": map_data.claims_url(queued), "digest": queued.digest}
        shown = int(queued.columns.shown(as_of).sum())
        count_col.caption(
            f"{plural(shown, 'proposal')} shown dimmed (awaiting review; not counted)"
        )
    slot["figures"] = figures_col.empty()
    if ckey is not None and state.get("figures_line"):
        slot["figures"].markdown(state.figures_line[0], help=state.figures_line[1])
    # A click in the map (the component's value, known before it is drawn again) selects
    # that claim; its quote and source go back to the popup as `detail`.
    click = state.get("claims_map")
    if click and click != state.last_click:
        state.last_click = click
        i = click.get("i")
        if click.get("digest") == sel.digest and isinstance(i, int) and 0 <= i < len(sel.columns):
            state.selected_claim = selected = sel.columns.ids[i]
            state.map_clicks += 1  # a new list widget shows it (below)
        if not state.get("page_running"):  # the details and the list are outside: run all
            st.rerun(scope="app")
    position = sel.position(selected)
    detail = None
    if position is not None:
        chosen = resources.store(url).get_claim(selected)
        detail = {
            "i": position,
            "digest": sel.digest,
            "quote": chosen.quote,
            "source_name": chosen.source_name,
            "source_url": safe_url(chosen.source_url),
        }
    claims_map(
        claims_url=map_data.claims_url(sel),
        digest=sel.digest,
        as_of=as_of.isoformat(),
        window=window,
        regions_url=map_data.regions_url(),
        # The areas of a new date take a moment: the map fetches them once they are written
        # below, so the claims of the date show first.
        control_url=(
            map_data.control_url(url, counting, as_of.isoformat(), ckey)
            if ckey is not None
            else None
        ),
        selected=position,
        detail=detail,
        proposals=proposals,
    )


# Every claim of the store (any filter, any date): the slider's range and the claimants.
everything = map_data.selection(url, (), rev)
# The slider runs over the days claims become visible (a claim dated on the first day but
# reported the next shows from the next: a slider starting earlier would open on nothing).
span = everything.columns.visible_span()
if span is None:
    st.info("The store holds no claims yet: add one on the “Add claim” page or ingest a report.")
    st.stop()
first, last = span
first = min(first, last - timedelta(days=1))  # a slider needs two days, even if claims span one

# Play: the previous run asked to step one day (before the slider exists in this run).
if state.get("as_of") is None:
    state.as_of = last
elif not first <= state.as_of <= last:  # a date from the URL outside the data: its nearest end
    state.as_of = min(max(state.as_of, first), last)
elif state.get("as_of_bounds") not in (None, (first, last)):
    # Another analyst's claims moved the range; to Streamlit a slider with new bounds is a new
    # widget, which opens on its first day: the date set here is the one it keeps. (Only
    # then: a date set from here overrides the browser's, and keys pressed on the slider
    # meanwhile would be lost.)
    state.as_of = state.as_of
state.as_of_bounds = (first, last)
if state.pop("restart", False):
    state.as_of = first
if state.advance:
    state.advance = False
    if state.as_of >= last:
        state.playing = False
    else:
        state.as_of = state.as_of + timedelta(days=1)

top = st.columns([6, 2, 1])
top[0].slider(
    "As of", min_value=first, max_value=last, key="as_of", format="YYYY-MM-DD", step=timedelta(1)
)
top[1].radio(
    "Highlight the last", WINDOWS, key="window", horizontal=True, format_func=lambda d: f"{d} d"
)
if top[2].button("⏸ Pause" if state.playing else "▶ Play", key="play"):
    state.playing = not state.playing
    state.restart = state.playing and state.as_of >= last
    st.rerun()

# Filters and layers in the sidebar: the slider and the map share a laptop's screen. First
# in the sidebar, beside the map: the claims of the view as a list a keyboard can walk
# (filled once the selection is known).
list_box = st.sidebar.container()
filters = filter_widgets(sorted(set(everything.columns.claimants)), sidebar=True)

as_of: date = state.as_of
key = query_key(**filters)
# The selection holds every date; the browser shows what is visible as of the slider's date.
sel = everything if not key else map_data.selection(url, key, rev)
# Control areas and the frontline for the as-of date (from every claim that counts, not
# only the filtered ones): one model per store state, one cached payload per date.
st.sidebar.toggle("Control areas", key="show_control", help="RU / UA / contested areas, frontline")
st.sidebar.toggle(
    "Show proposals",
    key="show_proposals",
    help="The review queue's proposed claims as a separate, dimmed layer: not in the claims "
    "count, the control areas or the km² figures",
)
st.sidebar.radio(
    "Counting",
    list(COUNTINGS),
    key="counting",
    format_func=COUNTINGS.get,
    help="Which claim statuses decide who holds a place.",
)
write_url()
control = None
ckey = dkey = None
figures = None
if state.show_control:
    ckey = resources.control_key(url)
    # The areas of this date: the newest model's, or an earlier one's already computed while
    # the newest's are computed in the background.
    dkey = resources.control_day_key(url, state.counting, as_of.isoformat(), ckey)
    state.control_layer_names = [*CONTROL_LAYER_NAMES.values(), FRONTLINE_LAYER_NAME]

with st.container():
    slot: dict = {}
    state.page_running = True  # (the fragment's own runs see False)
    try:
        view = (ckey, dkey, state.counting, state.selected_claim, state.show_proposals)
        _live_map(key, as_of, state.window, span, view, slot)
    finally:
        state.page_running = False
figures = slot.get("figures")

if ckey is not None:
    control = resources.control_summary(url, state.counting, as_of.isoformat(), dkey)
    map_data.publish_control(url, state.counting, as_of.isoformat(), dkey)
    # Prepare the next date in the direction the slider last moved (both ways at first).
    previous, state.control_previous_day = state.get("control_previous_day"), as_of
    neighbours = [as_of - timedelta(days=1), as_of + timedelta(days=1)]
    if previous is not None and previous != as_of:
        neighbours = [neighbours[as_of > previous]]
    map_data.prefetch_control(
        url, state.counting, [d.isoformat() for d in neighbours if first <= d <= last], ckey
    )
    state.control_figures = {"date": control["date"], "areas_km2": control["areas_km2"]}
    state.figures_line = (
        " · ".join(f"**{side}** {km2:,.0f} km²" for side, km2 in control["areas_km2"].items())
        + f" · frontline {control['frontline_km']:,.0f} km",
        f"Geodesic km² as of the slider date, counting {control['counts']} "
        "(as `tracker control --json`). Unknown: no claim and no baseline says who holds it.",
    )
    if figures is not None:
        figures.markdown(state.figures_line[0], help=state.figures_line[1])
    if control["notice"]:
        st.info(control["notice"], icon="ℹ️")
else:
    state.figures_line = None

# The details box offers the newest claims as of the date (and the one selected).
shown = sel.columns.shown(as_of)
labels = {
    sel.columns.ids[i]: sel.columns.label(i)
    for i in map_data.recent_positions(sel, as_of, DETAIL_OPTIONS)
}
position = sel.position(state.selected_claim)
if position is not None and shown[position]:
    labels.setdefault(state.selected_claim, sel.columns.label(position))
if state.selected_claim not in labels:
    state.selected_claim = None


def _chose_from_list(key: str) -> None:
    state.selected_claim = state[key]


# The list is a view of the selection, not its owner: a new widget after each click in the
# map. A value set through a widget's key is lost to any rerun the browser asks for before it
# has drawn that value (the map's fragment asks every WATCH_SECONDS), so a click would at times
# show no record; a new widget has no earlier value in the browser to send back, and the
# same widget between clicks keeps the keyboard's focus while arrow keys walk the list.
options = [None, *labels]
list_key = f"claim_list_{state.map_clicks}"
with list_box.container(height=LIST_HEIGHT):
    st.radio(
        f"Claims of the view, newest first ({min(len(labels), DETAIL_OPTIONS)} shown; or click a "
        "marker)",
        options,
        index=options.index(state.selected_claim),
        key=list_key,
        on_change=_chose_from_list,
        args=(list_key,),
        # radio options render Markdown: the labels carry analysts' text
        format_func=lambda i: "— none selected" if i is None else md(labels[i]),
        help="Arrow keys move through the list; the chosen claim's record opens below.",
    )
if state.selected_claim:
    claim = resources.store(url).get_claim(state.selected_claim)
    record = claim.to_dict()
    st.subheader(f"{md(claim.name)} — {claim.event_date.isoformat()}")
    st.dataframe(
        pd.DataFrame({"field": list(record), "value": [str(v) for v in record.values()]}),
        hide_index=True,
        width="stretch",
        key="claim_record",
    )
    history = resources.store(url).history(claim.id)
    st.markdown("**History**")
    st.dataframe(
        pd.DataFrame(
            [
                {"version": h.version, "op": h.op, "by": h.author, "at": h.at.isoformat()}
                for h in history
            ]
        ),
        hide_index=True,
        key="claim_history",
    )
    if auth.can("edit") and st.button("Edit this claim", key="edit_selected"):
        state.edit_claim_id = claim.id
        st.switch_page("tracker/dashboard/claim_form.py")

if control is not None:
    st.subheader("Control areas")
    st.caption(f"km² count {control['counts']}.")
    cols = st.columns(len(control["areas_km2"]))
    for col, (side, km2) in zip(cols, control["areas_km2"].items(), strict=True):
        col.metric(
            f"{side} km²",
            f"{km2:,.0f}",
            delta=f"{control['change_km2'][side]:+,.0f} since the day before",
            delta_color="off",
        )
    claimed_only = {k: v for k, v in control["claimed_only_km2"].items() if v}
    if claimed_only:
        st.caption(
            "Claimed only, not assessed (hatched on the map): "
            + ", ".join(f"{k} {v:,.0f} km²" for k, v in claimed_only.items())
        )
    if control["baselines"]:
        st.markdown(f"**Baselines behind the map on {control['date']}**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "source": b["source"],
                        "date": b["date"],
                        "side": b["side"],
                        "covers": "whole country" if b["coverage"] == "country" else "its extent",
                        "decides km²": round(b["decides_km2"]),
                        "licence": b["licence"] or "",
                    }
                    for b in control["baselines"]
                ]
            ),
            hide_index=True,
            key="baselines_behind",
        )
    fetch_panel(url, default_day=as_of)

    # The chart and the table load heavy browser libraries (Vega, the data grid): on request.
    st.toggle(
        "Area over time and places that changed hands",
        key="show_trends",
        help="A chart of km² per side over the whole period and a table of changes since a date.",
    )
    if state.show_trends:
        rows = resources.area_rows(url, state.counting, first.isoformat(), last.isoformat(), ckey)
        if rows:
            import altair as alt

            frame = pd.DataFrame(rows)
            frame["date"] = pd.to_datetime(frame["date"])
            frame["as_of"] = pd.Timestamp(as_of)
            sides = ["RU", "UA", "contested", "unknown"]
            colours = alt.Scale(domain=sides, range=chart_colours(sides))
            line = (
                alt.Chart()
                .mark_line(point=True)
                .encode(
                    x=alt.X("date:T", title=None),
                    y=alt.Y("km2:Q", title="km²", scale=alt.Scale(zero=False)),
                    color=alt.Color("side:N", scale=colours, legend=None),
                    tooltip=["date:T", "side:N", alt.Tooltip("km2:Q", format=",.0f")],
                )
            )
            rule = (
                alt.Chart()
                .mark_rule(color=REGION_OUTLINE_STYLE["color"], strokeDash=[4, 3])
                .encode(x="as_of:T")
            )
            chart = (
                alt.layer(line, rule, data=frame)
                .properties(height=110)
                .facet(row=alt.Row("side:N", title=None))
                .resolve_scale(y="independent")
            )
            st.markdown("**Area over time** (km² per side; the dashed line is the as-of date)")
            st.altair_chart(chart, key="area_chart")

        if state.ch_since is None or state.ch_since > as_of:
            state.ch_since = max(first, as_of - timedelta(days=7))
        st.date_input("Changed hands since", key="ch_since", max_value=as_of, format="YYYY-MM-DD")
        since = state.ch_since
        changes = resources.changed_hands(
            url, state.counting, as_of.isoformat(), since.isoformat(), ckey
        )
        changed = changes["changed_hands"]
        st.markdown(
            f"**{len(changed)} place{'s' if len(changed) != 1 else ''} changed hands** (RU ↔ UA) "
            f"between {since.isoformat()} and {as_of.isoformat()}"
        )
        if changed:
            st.dataframe(pd.DataFrame(changed), hide_index=True, key="changed_hands")
        contested = changes["contested"]
        st.markdown(
            f"**{len(contested)} place{'s' if len(contested) != 1 else ''} became or stopped "
            "being contested**"
        )
        if contested:
            st.dataframe(pd.DataFrame(contested), hide_index=True, key="contested_changes")

if state.playing:
    time.sleep(PLAY_STEP_SECONDS)
    state.advance = True
    st.rerun()
