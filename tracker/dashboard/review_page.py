"""The review queue: proposed claims newest first, each with its sentence (the mention
marked), the place and why it was chosen, side, action, claimant, precision, date,
confidence, its sources side by side, contradictions and the status the evidence suggests;
accept, edit-then-accept or reject (with a reason) the current one by keyboard, or many."""

from __future__ import annotations

import html

import streamlit as st

from tracker.dashboard import auth, resources
from tracker.dashboard.state import ACTIONS, REVIEWED_STATUSES, SIDES, init_state
from tracker.errors import TrackerError
from tracker.store import review
from tracker.store.review_evidence import evidence_for
from tracker.untrusted import markdown_literal as md

PAGE_SIZE = 50
SIDE_BY_SIDE = 3  # sources per row in "who says what"
KEYS = {"next": "J", "previous": "K", "accept": "A", "reject": "X"}  # C and R are Streamlit's


def marked_quote(quote: str | None, mention: str | None) -> str:
    """The sentence escaped, the first occurrence of the mention in a <mark>."""
    quote = quote or ""
    at = quote.find(mention) if mention else -1
    if at < 0:
        return f"<div class='review-quote'>{html.escape(quote)}</div>"
    end = at + len(mention)
    return (
        f"<div class='review-quote'>{html.escape(quote[:at])}"
        f"<mark style='background:#ffe58a'>{html.escape(quote[at:end])}</mark>"
        f"{html.escape(quote[end:])}</div>"
    )


def source_card(source: dict) -> str:
    """One claimant's word: who, when, where from, and the sentence (all escaped)."""
    where = source.get("source_name") or source.get("source_url") or "no source named"
    return (
        "<div class='review-source' style='border-left:3px solid #888;padding-left:.5em'>"
        f"<b>{html.escape(str(source['claimant']))}</b> · {html.escape(source['event_date'])}"
        f" · {html.escape(str(where))}<br>"
        f"<q>{html.escape(source.get('quote') or '')}</q></div>"
    )


def suggestion_text(found) -> str:
    if found.suggested_status:
        return f"Suggested status: **{found.suggested_status}** ({md(found.because)})"
    return f"No status suggested ({md(found.because)})"


def move_to(claim_id: str) -> None:
    st.session_state.rv_current = claim_id


def pick_all(ids: list[str], value: bool) -> None:
    for claim_id in ids:
        st.session_state[f"rv_pick_{claim_id}"] = value


init_state()
state = st.session_state
auth.require("edit")
url = resources.db_url()
store = auth.writer_store(url)

st.title("Review queue")
if state.get("review_message"):
    st.success(md(state.pop("review_message")))

filters = st.columns([2, 2, 2])
source = filters[0].text_input("Source", key="rv_source", placeholder="name or URL")
place = filters[1].text_input(
    "Place",
    key="rv_place",
    placeholder="any spelling, or a place id",
    help="A place in any spelling (Koupiansk, Покровськ), found through the gazetteer",
)
low, high = filters[2].slider("Confidence", 0.0, 1.0, (0.0, 1.0), 0.05, key="rv_confidence")

place_text = place.strip()
places = resources.places_named(url, place_text) if place_text else None
proposals = review.queue(
    store,
    source=source.strip() or None,
    place=None if places else (place_text or None),
    places=(*places, place_text) if places else None,
    min_confidence=low if low > 0 else None,
    max_confidence=high if high < 1 else None,
    limit=PAGE_SIZE,
)
waiting = review.count(store)["proposed"]
st.caption(f"{waiting} proposal(s) wait; showing {len(proposals)}, newest first.")
if not proposals:
    st.info("Nothing to review with these filters.")
    st.stop()

evidence = evidence_for(store, [p.claim for p in proposals])
ids = [p.claim.id for p in proposals]
if state.get("rv_current") not in ids:
    state.rv_current = ids[0]
index = ids.index(state.rv_current)
current = proposals[index]
claim = current.claim
found = evidence[claim.id]

# -- the current proposal: everything about it, and the keyboard ------------------------------
st.subheader(f"Proposal {index + 1} of {len(ids)}")
st.caption(
    f"Keys (when no text field has the focus): {KEYS['next']} next · {KEYS['previous']} "
    f"previous · {KEYS['accept']} accept this proposal · {KEYS['reject']} reject it with the "
    "reason below."
)
nav = st.columns(4)
nav[0].button(
    "Previous",
    key="rv_prev",
    shortcut=KEYS["previous"],
    on_click=move_to,
    args=(ids[max(0, index - 1)],),
    disabled=index == 0,
)
nav[1].button(
    "Next",
    key="rv_next",
    shortcut=KEYS["next"],
    on_click=move_to,
    args=(ids[min(len(ids) - 1, index + 1)],),
    disabled=index == len(ids) - 1,
)
accept_one = nav[2].button("Accept", key="rv_accept_one", shortcut=KEYS["accept"], type="primary")
reject_one = nav[3].button("Reject", key="rv_reject_one", shortcut=KEYS["reject"])
one_reason = st.text_input("Why reject it", key="rv_one_reason", max_chars=review.MAX_REASON)
one_reason_error = st.empty()

with st.container(border=True, key="rv_current_card"):
    st.markdown(
        f"**{md(claim.name)}** · {claim.event_date.isoformat()} · {claim.side} {claim.action}"
        f" · claimant {md(claim.claimant)} · precision {int(claim.precision)} · confidence "
        f"{current.confidence if current.confidence is not None else '—'}"
    )
    st.html(marked_quote(claim.quote, current.mention))
    st.caption(md(f"Why this place: {current.why or '—'}."))
    st.markdown(suggestion_text(found))
    st.markdown(
        f"**Who says what**: {len(found.sources)} source(s), "
        f"{len(found.claimants)} independent claimant(s)"
    )
    for start in range(0, len(found.sources), SIDE_BY_SIDE):
        row = found.sources[start : start + SIDE_BY_SIDE]
        for column, item in zip(st.columns(SIDE_BY_SIDE), row, strict=False):
            column.html(source_card(item))
    if found.contradicted_by:
        st.markdown(f"**Contradicted by** {len(found.contradicted_by)} claim(s):")
        for other in found.contradicted_by:
            st.html(
                source_card(
                    {
                        "claimant": f"{other.claimant} ({other.side} {other.action})",
                        "event_date": other.event_date.isoformat(),
                        "source_name": other.source_name,
                        "source_url": other.source_url,
                        "quote": other.quote,
                    }
                )
            )
    with st.form("rv_edit_form"):
        st.markdown("**Edit, then accept** this proposal")
        cols = st.columns(3)
        e_date = cols[0].date_input(
            "Event date", value=claim.event_date, key=f"rv_e_date_{claim.id}", format="YYYY-MM-DD"
        )
        e_side = cols[1].selectbox(
            "Side", SIDES, index=SIDES.index(str(claim.side)), key=f"rv_e_side_{claim.id}"
        )
        e_action = cols[2].selectbox(
            "Action",
            ACTIONS,
            index=ACTIONS.index(str(claim.action)),
            key=f"rv_e_action_{claim.id}",
        )
        cols = st.columns(3)
        e_claimant = cols[0].text_input(
            "Claimant", value=claim.claimant, key=f"rv_e_claimant_{claim.id}", max_chars=200
        )
        e_precision = cols[1].selectbox(
            "Precision",
            [1, 2, 3],
            index=int(claim.precision) - 1,
            key=f"rv_e_precision_{claim.id}",
            help="1 the settlement itself, 2 near or part of it, 3 the region",
        )
        e_status = cols[2].selectbox("Status", REVIEWED_STATUSES, key=f"rv_e_status_{claim.id}")
        edit_error = st.empty()
        accept_edited = st.form_submit_button("Accept with these edits")

# -- the list, for picking many -----------------------------------------------------------------
st.subheader("The queue")
bulk = st.columns([1, 1, 4])
bulk[0].button("Pick all shown", key="rv_pick_all", on_click=pick_all, args=(ids, True))
bulk[1].button("Clear picks", key="rv_pick_none", on_click=pick_all, args=(ids, False))
picked: list[str] = []
for proposal in proposals:
    item = proposal.claim
    item_evidence = evidence[item.id]
    with st.container(border=True):
        top = st.columns([1, 11])
        if top[0].checkbox("Pick", key=f"rv_pick_{item.id}", label_visibility="collapsed"):
            picked.append(item.id)
        marker = "▶ " if item.id == claim.id else ""
        top[1].markdown(
            f"{marker}**{md(item.name)}** · {item.event_date.isoformat()} · {item.side} "
            f"{item.action} · claimant {md(item.claimant)} · precision {int(item.precision)}"
            f" · confidence {proposal.confidence if proposal.confidence is not None else '—'}"
        )
        top[1].html(marked_quote(item.quote, proposal.mention))
        top[1].caption(
            md(
                f"Why this place: {proposal.why or '—'}. Source: {item.source_name or '—'}. "
                f"{len(item_evidence.sources)} source(s), independent claimants: "
                f"{', '.join(item_evidence.claimants)}. Suggested: "
                f"{item_evidence.suggested_status or 'none'}"
                + (
                    f", contradicted by {len(item_evidence.contradicted_by)}"
                    if item_evidence.contradicted_by
                    else ""
                )
                + "."
            )
        )

st.subheader(f"{len(picked)} picked")
actions = st.columns(2)
with actions[0].form("rv_accept_form"):
    st.markdown("**Accept** (edit first if needed: the fields apply to every picked claim)")
    side = st.selectbox("Side", ["(as proposed)", *SIDES], key="rv_side")
    action = st.selectbox("Action", ["(as proposed)", *ACTIONS], key="rv_action")
    status = st.selectbox("Status", REVIEWED_STATUSES, key="rv_status")
    accept = st.form_submit_button("Accept picked", type="primary")
with actions[1].form("rv_reject_form"):
    st.markdown("**Reject**")
    reason = st.text_input("Reason", key="rv_reason", max_chars=review.MAX_REASON)
    reason_error = st.empty()
    reject = st.form_submit_button("Reject picked")


def after_current() -> str | None:
    """Where the keyboard goes once the current proposal has left the queue."""
    rest = ids[index + 1 :] or ids[:index]
    return rest[0] if rest else None


try:
    if accept_one or accept_edited:
        changes = {"status": "claimed"}
        if accept_edited:
            changes = {
                "event_date": e_date,
                "side": e_side,
                "action": e_action,
                "claimant": e_claimant,
                "precision": e_precision,
                "status": e_status,
            }
        done = review.accept(store, [claim.id], changes=changes)
        state.review_message = f"Accepted {claim.name} ({done[0].status})."
        state.rv_current = after_current()
    elif reject_one:
        if not one_reason.strip():
            one_reason_error.error("A rejection needs a reason: write it here, then press X.")
            st.stop()
        review.reject(store, [claim.id], reason=one_reason)
        state.review_message = f"Rejected {claim.name}."
        state.rv_current = after_current()
        state.pop("rv_one_reason", None)
    elif accept or reject:
        if not picked:
            st.warning("Pick at least one proposal first.")
            st.stop()
        if accept:
            changes = {"status": status}
            if side != "(as proposed)":
                changes["side"] = side
            if action != "(as proposed)":
                changes["action"] = action
            done = review.accept(store, picked, changes=changes)
            state.review_message = f"Accepted {len(done)} claim(s)."
        else:
            if not reason.strip():
                reason_error.error("A rejection needs a reason.")
                st.stop()
            done = review.reject(store, picked, reason=reason)
            state.review_message = f"Rejected {len(done)} claim(s)."
        for claim_id in picked:
            state.pop(f"rv_pick_{claim_id}", None)
        if claim.id in picked:
            state.rv_current = after_current()
    else:
        st.stop()
except TrackerError as exc:
    (edit_error if accept_edited else st).error(md(exc))
    st.stop()
resources.refresh_after_write()
st.rerun()
