"""Helpers shared by the AppTest page tests: run one page module, fill and submit the claim
form."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

DASHBOARD = Path(__file__).resolve().parents[2] / "tracker" / "dashboard"


def run_page(module: str, query_params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD / module), default_timeout=60)
    for key, value in (query_params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def submit(at):
    next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:claim_form")).click()
    at.run()
    assert not at.exception
    return at


def fill(at, **values):
    for key, value in values.items():
        if key == "c_date":
            at.date_input(key=key).set_value(value)
        elif key in ("c_side", "c_action"):
            at.selectbox(key=key).set_value(value)
        elif key in ("c_quote", "c_notes"):
            at.text_area(key=key).input(value)
        else:
            at.text_input(key=key).input(value)
    return at


def claims_list(at):
    """The map page's list of the claims of the view (its widget is new after each map click)."""
    [radio] = [r for r in at.radio if str(r.key).startswith("claim_list_")]
    return radio
