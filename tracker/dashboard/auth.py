"""Who is using the dashboard: the access mode, the signed-in user and their role.

Mode `none` (no `[access]` in secrets.toml): whoever opens the dashboard is the local user
with `local_role` (admin by default — a laptop install). Mode `oidc`: Streamlit's `st.login`
against the organisation's OpenID Connect provider (`[auth]` in secrets.toml), and the role
comes from the `[access]` rules by email address or domain. The UI hides what a role may not
do; the store refuses it anyway (`writer_store`).
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from tracker.access import (
    REQUIRED_ROLE,
    AccessConfig,
    Identity,
    Role,
    check_cookie_secret,
    local_identity,
)
from tracker.dashboard import resources
from tracker.errors import InvalidInputError
from tracker.store import Store
from tracker.untrusted import markdown_literal as md
from tracker.workspace import Workspace


def access_config() -> AccessConfig:
    """The `[access]` table of secrets.toml; none there (or no secrets file) means mode none.
    Mode oidc with a guessable cookie secret (the example's, or short) is refused."""
    try:
        raw = st.secrets.get("access")
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        raw = None
    config = AccessConfig.from_mapping(raw.to_dict() if hasattr(raw, "to_dict") else raw)
    if config.mode == "oidc":
        login = st.secrets.get("auth") or {}
        check_cookie_secret(login.get("cookie_secret") if hasattr(login, "get") else None)
    return config


def _signed_in_email() -> str | None:
    user = st.user
    if not user.get("is_logged_in"):
        return None
    return str(user.get("email") or "").strip() or None


def identity() -> Identity | None:
    """The person using this session, or None (signed out, or signed in with no role)."""
    config = access_config()
    if config.mode == "none":
        return local_identity(role=config.local_role)
    email = _signed_in_email()
    role = config.role_for(email)
    if email is None or role is None:
        return None
    return Identity(name=email, role=role, email=email)


def can(operation: str) -> bool:
    who = identity()
    return who is not None and who.can(operation)


def gate() -> Identity:
    """Run first on every page view: without a role, show the sign-in screen and stop."""
    try:
        config = access_config()
    except InvalidInputError as exc:
        st.error(f"The access settings are wrong: {md(exc)}. Fix `[access]` in secrets.toml.")
        st.stop()
    who = identity()
    if who is None:
        _sign_in_screen(config)
        st.stop()
    with st.sidebar:
        st.caption(f"Signed in as **{md(who.name)}** · {who.role}")
        if config.mode == "oidc":
            st.button("Sign out", key="sign_out", on_click=st.logout)
    return who


def _sign_in_screen(config: AccessConfig) -> None:
    st.title("Frontline Tracker")
    email = _signed_in_email()
    if email is None:
        st.write("Sign in with your organisation's account to see the claims.")
        args = (config.provider,) if config.provider else ()
        st.button("Sign in", key="sign_in", type="primary", on_click=st.login, args=args)
    else:
        st.error(
            f"{md(email)} has no role on this tracker. Ask an admin to add your address or domain "
            "to the `[access]` rules."
        )
        st.button("Sign out", key="sign_out", on_click=st.logout)


def require(operation: str) -> Identity:
    """Stop the page with a message unless the user may do `operation`."""
    who = identity()
    if who is None or not who.can(operation):
        needed = REQUIRED_ROLE[operation]
        st.warning(
            f"This page needs the **{needed}** role"
            + (f"; you are signed in as a {who.role}." if who else "; sign in first.")
        )
        st.stop()
    return who


def writer_workspace(url: str | None = None) -> Workspace:
    """The shared workspace, acting as the signed-in user: their role is checked on each write
    and their name is the history's author. Without a role: a viewer that can write nothing."""
    who = identity() or Identity(name="signed-out", role=Role.VIEWER)
    return resources.workspace(url).acting_as(who)


def writer_store(url: str | None = None) -> Store:
    """`writer_workspace`'s store."""
    return writer_workspace(url).store
