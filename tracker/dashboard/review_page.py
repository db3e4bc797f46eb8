"""The review queue: proposed claims newest first, each with its sentence (the mention
marked), the place and why it was chosen, side, action, claimant, precision, date,
confidence and sources; accept, edit-then-accept or reject (with a reason) one or many."""

from __future__ import annotations

import html

import streamlit as st

from tracker.dashboard import auth, resources
from tracker.dashboard.state import ACTIONS, REVIEWED_STATUSES, SIDES, init_state
from tracker.errors import TrackerError
from tracker.store import corroboration, review
from tracker.untrusted import markdown_literal as md

PAGE_SIZE = 50


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
place = filters[1].text_input("Place", key="rv_place", placeholder="name or id")
min_confidence = filters[2].slider("Lowest confidence", 0.0, 1.0, 0.0, 0.05, key="rv_min")

proposals = review.queue(
    store,
    source=source.strip() or None,
    place=place.strip() or None,
    min_confidence=min_confidence or None,
    limit=PAGE_SIZE,
)
waiting = review.count(store)["proposed"]
st.caption(f"{waiting} proposal(s) wait; showing {len(proposals)}, newest first.")
if not proposals:
    st.info("Nothing to review with these filters.")
    st.stop()

records = {
    r["id"]: r for r in corroboration.with_sources(store, [p.claim.to_dict() for p in proposals])
}
picked: list[str] = []
for proposal in proposals:
    claim = proposal.claim
    record = records[claim.id]
    with st.container(border=True):
        top = st.columns([1, 11])
        if top[0].checkbox("Pick", key=f"rv_pick_{claim.id}", label_visibility="collapsed"):
            picked.append(claim.id)
        top[1].markdown(
            f"**{md(claim.name)}** · {claim.event_date.isoformat()} · {claim.side} "
            f"{claim.action} · claimant {md(claim.claimant)} · precision {int(claim.precision)}"
            f" · confidence {proposal.confidence if proposal.confidence is not None else '—'}"
        )
        top[1].html(marked_quote(claim.quote, proposal.mention))
        why = proposal.why or "—"
        sources = ", ".join(record["claimants"])
        top[1].caption(
            md(
                f"Why this place: {why}. Source: {claim.source_name or '—'}. "
                f"{len(record['sources'])} source(s), independent claimants: {sources}."
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

if accept or reject:
    if not picked:
        st.warning("Pick at least one proposal first.")
        st.stop()
    try:
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
    except TrackerError as exc:
        st.error(md(exc))
        st.stop()
    for claim_id in picked:
        state.pop(f"rv_pick_{claim_id}", None)
    resources.refresh_after_write()
    st.rerun()
