"""Session state, initialised in one place, and the shareable filters mirrored in the URL."""

from __future__ import annotations

from datetime import date

import streamlit as st

from tracker.model import REVIEW_STATUSES, Action, Side, Status

WINDOWS = (1, 7, 30)
SIDES = [s.value for s in Side]
ACTIONS = [a.value for a in Action]
STATUSES = [s.value for s in Status]
# The statuses an analyst sets by hand: proposed and rejected belong to the review queue.
REVIEWED_STATUSES = [s.value for s in Status if s not in REVIEW_STATUSES]

# Widget key → (query parameter, kind)
URL_STATE = {
    "as_of": ("as_of", "date"),
    "window": ("window", "int"),
    "f_side": ("side", "list"),
    "f_action": ("action", "list"),
    "f_status": ("status", "list"),
    "f_claimant": ("claimant", "str"),
    "f_text": ("q", "str"),
    "counting": ("counting", "choice"),
    "show_proposals": ("proposals", "flag"),
}

DEFAULTS = {
    "window": 7,
    "f_side": [],
    "f_action": [],
    "f_status": [],
    "f_claimant": "",
    "f_text": "",
    "playing": False,
    "advance": False,
    "selected_claim": None,
    "last_click": None,
    "map_clicks": 0,
    "edit_claim_id": None,
    "form_errors": {},
    "form_message": None,
    "show_control": True,
    "show_proposals": False,
    "show_trends": False,
    "counting": "claimed",
    "ch_since": None,
}
COUNTINGS = {
    "confirmed": "assessed (baselines + confirmed)",
    "claimed": "assessed + claimed",
}


def _from_url(raw: str, kind: str, allowed: list[str] | None = None):
    if kind == "date":
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return None
    if kind == "int":
        return int(raw) if raw.isdigit() and int(raw) in WINDOWS else None
    if kind == "list":
        return [v for v in raw.split(",") if v and (allowed is None or v in allowed)]
    if kind == "flag":
        return {"1": True, "0": False}.get(raw)
    if kind == "choice":
        return raw if allowed is not None and raw in allowed else None
    return raw


def init_state() -> None:
    """Defaults, then the values the URL carries (once per session)."""
    state = st.session_state
    for key, value in DEFAULTS.items():
        if key not in state:
            state[key] = value.copy() if isinstance(value, list | dict) else value
    if state.get("_url_read"):
        return
    state["_url_read"] = True
    allowed = {
        "f_side": SIDES,
        "f_action": ACTIONS,
        "f_status": STATUSES,
        "counting": list(COUNTINGS),
    }
    for key, (param, kind) in URL_STATE.items():
        raw = st.query_params.get(param)
        if raw:
            value = _from_url(raw, kind, allowed.get(key))
            if value is not None:
                state[key] = value


def write_url(keys=URL_STATE) -> None:
    """Mirror the given widget values into st.query_params (empty ones removed)."""
    for key in keys:
        param, kind = URL_STATE[key]
        value = st.session_state.get(key)
        if kind == "list":
            value = ",".join(value or [])
        elif kind == "flag":
            value = "1" if value else ""
        elif value is not None:
            value = str(value)
        if value:
            if st.query_params.get(param) != value:
                st.query_params[param] = value
        elif param in st.query_params:
            del st.query_params[param]


def filter_widgets(claimant_options: list[str] | None = None, *, sidebar: bool = False) -> dict:
    """Side, action, status, claimant and text filters (in a row, or stacked in the sidebar);
    returns store query keywords."""
    cols = [st.sidebar] * 5 if sidebar else st.columns([1, 2, 2, 2, 2])
    cols[0].multiselect("Side", SIDES, key="f_side")
    cols[1].multiselect("Action", ACTIONS, key="f_action")
    cols[2].multiselect("Status", STATUSES, key="f_status")
    options = ["", *(claimant_options or [])]
    if st.session_state.get("f_claimant") and st.session_state.f_claimant not in options:
        options.append(st.session_state.f_claimant)
    cols[3].selectbox("Claimant", options, key="f_claimant", format_func=lambda v: v or "(any)")
    cols[4].text_input(
        "Place or text",
        key="f_text",
        help="A place in any spelling (Koupiansk, Покровськ), or words of the claimant, source "
        "or quote",
    )
    state = st.session_state
    from tracker.dashboard import resources  # (resources reads the store: imported late)

    text = state.f_text.strip() or None
    return {
        "side": tuple(state.f_side) or None,
        "action": tuple(state.f_action) or None,
        "status": tuple(state.f_status) or None,
        "claimant": state.f_claimant.strip() or None,
        "text": text,
        "text_places": resources.places_named(resources.db_url(), text) if text else None,
    }


def query_key(**filters) -> tuple:
    """Hashable, order-independent form of store query keywords (None values dropped)."""
    return tuple(sorted((k, v) for k, v in filters.items() if v is not None))


def plural(n: int, noun: str) -> str:
    """'1 claim', '2 claims', '1,234 claims'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def claim_label(record: dict) -> str:
    """One line that tells claims apart: date, place, side and action, claimant, short id."""
    return (
        f"{record['event_date']} · {record['name']} · {record['side']} {record['action']} · "
        f"{record.get('claimant') or '?'} · {str(record['id'])[:8]}"
    )
