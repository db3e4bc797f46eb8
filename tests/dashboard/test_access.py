"""Who may do what in the dashboard, with AppTest's simulated users (mode oidc) and the
local user (mode none); two analysts editing the same claim."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import DASHBOARD, claims_list, fill, submit
from tracker.store import Store

APP = Path(__file__).resolve().parents[2] / "app.py"
ACCESS = {
    "mode": "oidc",
    "admins": ["boss@example.org"],
    "analysts": ["@example.org"],
    "viewers": ["@partner.test"],
}


COOKIE_SECRET = "3f1c9a7e5b2d8c4f6a0e1b3d5c7f9a2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a"


def signed_in(email: str | None) -> dict:
    return {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}


def app(script: Path, email: str | None, access: dict | None = ACCESS, **params) -> AppTest:
    at = AppTest.from_file(str(script), default_timeout=60)
    if access is not None:
        at.secrets["access"] = access
        at.secrets["auth"] = {"cookie_secret": COOKIE_SECRET}
    at.user = signed_in(email)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def page(module: str, email: str | None, **params) -> AppTest:
    return app(DASHBOARD / module, email, **params)


def texts(at) -> str:
    return " ".join(str(e.value) for kind in (at.markdown, at.warning, at.error) for e in kind)


def test_signed_out_users_see_the_sign_in_screen_and_no_claims(db_url):
    at = app(APP, None)
    assert [t.value for t in at.title] == ["Frontline Tracker"]
    assert [b.label for b in at.button] == ["Sign in"]
    assert not at.dataframe and "claims" not in texts(at).replace("see the claims", "")


def test_a_user_without_a_role_is_told_so(db_url):
    at = app(APP, "stranger@elsewhere.test")
    # (Markdown-escaped: the address is shown as text, not as a mailto link)
    assert "stranger\\@\u2060elsewhere.test has no role on this tracker" in at.error[0].value
    assert [b.label for b in at.button] == ["Sign out"]
    assert [t.value for t in at.title] == ["Frontline Tracker"]


def test_viewer_reads_but_cannot_reach_the_write_pages(db_url):
    at = app(APP, "reader@partner.test")
    assert at.title[0].value == "Claims map"
    assert "reader\\@\u2060partner.test" in at.sidebar.caption[0].value
    assert "viewer" in at.sidebar.caption[0].value
    # The pages a viewer may not use are not registered in the navigation at all.
    for module in ("claim_form.py", "ingest_page.py", "review_page.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page") as missing:
            at.switch_page(str(DASHBOARD / module))
        assert "data_page.py" in str(missing.value) and "map_page.py" in str(missing.value)
    analyst = app(APP, "desk@example.org")
    analyst.switch_page(str(DASHBOARD / "claim_form.py")).run()
    assert analyst.title[0].value == "Add a claim"


def test_write_pages_refuse_a_viewer_even_when_opened_directly(db_url):
    with Store(db_url) as store:
        before = store.count_claims()
    for module in ("claim_form.py", "ingest_page.py", "review_page.py"):
        at = page(module, "reader@partner.test")
        assert "needs the **analyst** role; you are signed in as a viewer" in at.warning[0].value
        assert not at.text_area and not at.button, module  # no form, no accept button
    at = page("claim_form.py", None)
    assert "sign in first" in at.warning[0].value
    with Store(db_url) as store:
        assert store.count_claims() == before


def test_data_page_shows_each_role_its_own_buttons(db_url):
    with Store(db_url) as store:
        claim = store.claims()[0]
        gone = store.claims()[1]
        store.delete_claim(gone.id)
    seen = {}
    for email in ("reader@partner.test", "desk@example.org", "boss@example.org"):
        at = page("data_page.py", email)
        at.selectbox(key="d_claim").set_value(claim.id).run()
        keys = {b.key for b in at.button}
        at.radio(key="d_deleted").set_value("only").run()
        at.selectbox(key="d_claim").set_value(gone.id).run()
        keys |= {b.key for b in at.button}
        keys |= {"d_import"} if any(u.key == "d_import" for u in at.get("file_uploader")) else set()
        seen[email] = keys & {"d_delete", "d_restore", "d_import"}
    assert seen == {
        "reader@partner.test": set(),
        "desk@example.org": {"d_delete"},
        "boss@example.org": {"d_delete", "d_restore", "d_import"},
    }
    # Exports stay open to viewers.
    at = page("data_page.py", "reader@partner.test")
    at.button(key="d_prepare").click().run()
    assert at.get("download_button"), "viewers may export"


def test_writes_are_attributed_to_the_signed_in_analyst(db_url):
    at = page("claim_form.py", "desk@example.org")
    fill(
        at,
        c_name="Pokrovsk",
        c_lat="48.282",
        c_lon="37.176",
        c_date=date(2025, 12, 1),
        c_side="RU",
        c_action="attack",
        c_claimant="Russian MoD",
    )
    submit(at)
    assert "Added Pokrovsk" in at.success[0].value, [e.value for e in at.error]
    with Store(db_url) as store:
        claim = store.get_claim(at.session_state.last_added_id)
        assert claim.created_by == "desk@example.org"
        assert [(h.op, h.author) for h in store.history(claim.id)] == [
            ("insert", "desk@example.org")
        ]
    data = page("data_page.py", "desk@example.org")
    data.selectbox(key="d_claim").set_value(claim.id).run()
    data.button(key="d_delete").click().run()
    with Store(db_url) as store:
        assert store.history(claim.id)[-1].author == "desk@example.org"


def test_two_analysts_edit_the_same_claim_the_second_sees_the_first_change(db_url):
    with Store(db_url) as store:
        claim = store.claims()[0]
    ana = page("claim_form.py", "ana@example.org", id=claim.id)
    ben = page("claim_form.py", "ben@example.org", id=claim.id)
    ana.selectbox(key="c_status").set_value("confirmed")
    submit(ana)
    assert "Saved" in ana.success[0].value
    ben.text_area(key="c_notes").input("seen on drone footage")
    submit(ben)
    assert any("someone else changed this claim" in e.value for e in ben.error)
    changes = next(d.value for d in ben.dataframe if "was" in d.value.columns)
    assert changes[["by", "field", "was", "now"]].values.tolist() == [
        ["ana@example.org", "status", "claimed", "confirmed"]
    ]
    with Store(db_url) as store:
        current = store.get_claim(claim.id)
        assert (current.status, current.notes) == ("confirmed", claim.notes)  # ben's not written
    ben.button(key="reload_claim").click().run()
    ben.text_area(key="c_notes").input("seen on drone footage")
    submit(ben)
    with Store(db_url) as store:
        current = store.get_claim(claim.id)
        assert (current.status, current.notes) == ("confirmed", "seen on drone footage")
        assert [h.author for h in store.history(claim.id)][-2:] == [
            "ana@example.org",
            "ben@example.org",
        ]


def test_mode_none_is_the_local_user_as_admin(db_url, monkeypatch):
    monkeypatch.setenv("TRACKER_USER", "field-laptop")
    at = app(APP, None, access=None)
    assert at.title[0].value == "Claims map"
    assert "field-laptop" in at.sidebar.caption[0].value and "admin" in at.sidebar.caption[0].value
    kiosk = app(DASHBOARD / "claim_form.py", None, access={"local_role": "viewer"})
    assert "needs the **analyst** role" in kiosk.warning[0].value


def test_wrong_access_settings_stop_with_a_clear_message(db_url):
    at = app(APP, "boss@example.org", access={"mode": "ldap"})
    assert "access settings are wrong: access mode 'ldap'" in at.error[0].value
    assert not [t for t in at.title if t.value == "Claims map"]


def test_the_map_offers_editing_only_to_those_who_may_edit(db_url):
    with Store(db_url) as store:
        claim = store.claims()[-1]
    for email, offered in (("reader@partner.test", False), ("desk@example.org", True)):
        at = page("map_page.py", email)
        claims_list(at).set_value(claim.id).run()
        assert not at.exception
        assert any(b.key == "edit_selected" for b in at.button) is offered, email


def test_a_store_whose_claims_share_one_day_still_opens_the_map(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'one-day.db'}"
    monkeypatch.setenv("TRACKER_DB", url)
    with Store(url) as store:
        store.add_claim(
            {
                "event_date": "2025-12-01",
                "name": "Pokrovsk",
                "lat": 48.282,
                "lon": 37.176,
                "side": "RU",
                "action": "attack",
                "claimant": "Russian MoD",
            }
        )
    at = app(APP, None, access=None)
    assert at.title[0].value == "Claims map"
    assert at.slider(key="as_of").value == date(2025, 12, 1)


@pytest.mark.parametrize(
    "secret, words",
    [
        (None, "needs a cookie_secret"),
        ("", "needs a cookie_secret"),
        ("short-secret", "12 bytes long"),
        ("x" * 31, "31 bytes long"),
        ("EXAMPLE", "placeholder of secrets.example.toml"),
    ],
)
def test_oidc_mode_refuses_a_guessable_cookie_secret(db_url, secret, words):
    import tomllib

    if secret == "EXAMPLE":  # the placeholder as the example file ships it
        example = Path(APP).parent / ".streamlit" / "secrets.example.toml"
        secret = tomllib.loads(example.read_text(encoding="utf-8"))["auth"]["cookie_secret"]
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets["access"] = ACCESS
    at.secrets["auth"] = {} if secret is None else {"cookie_secret": secret}
    at.user = signed_in("boss@example.org")  # even an admin's valid session gets nothing
    at.run()
    assert not at.exception, at.exception
    error = at.error[0].value
    assert words in error and "secrets.token_hex(32)" in error, error
    assert not at.dataframe and not at.button and "Claims map" not in [t.value for t in at.title]
