"""Who may do what: roles, identities, and the role a login maps to.

The store checks every write against the identity it acts for (`Store.acting_as`), so a page
that forgets to hide a button still cannot write; the dashboard only decides what to show.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from tracker.errors import InvalidInputError, PermissionDeniedError


class Role(IntEnum):
    """Ordered: each role may do everything the ones below it may."""

    VIEWER = 1  # read, filter, export
    ANALYST = 2  # also add, edit, delete, ingest, add places
    ADMIN = 3  # also restore deleted claims, import baselines and bulk files

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | Role) -> Role:
        if isinstance(value, Role):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            names = ", ".join(str(r) for r in cls)
            raise InvalidInputError(f"role {value!r} is not one of: {names}") from None


# The least role each operation needs (the single table the store and the UI consult).
REQUIRED_ROLE: dict[str, Role] = {
    "read": Role.VIEWER,
    "export": Role.VIEWER,
    "add": Role.ANALYST,
    "edit": Role.ANALYST,
    "delete": Role.ANALYST,
    "ingest": Role.ANALYST,
    "add_place": Role.ANALYST,
    "restore": Role.ADMIN,
    "import": Role.ADMIN,
    "baseline": Role.ADMIN,
}


@dataclass(frozen=True, slots=True)
class Identity:
    """Someone acting on the store: `name` is what history records as the author."""

    name: str
    role: Role
    email: str | None = None

    def can(self, operation: str) -> bool:
        return self.role >= REQUIRED_ROLE[operation]

    def require(self, operation: str) -> None:
        needed = REQUIRED_ROLE[operation]
        if self.role < needed:
            raise PermissionDeniedError(
                f"{self.name} is a {self.role} and may not {operation.replace('_', ' ')}; "
                f"that needs the {needed} role"
            )

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


def os_user() -> str:
    """$TRACKER_USER, else the login name, else "local"."""
    try:
        return os.environ.get("TRACKER_USER") or getpass.getuser() or "local"
    except (KeyError, OSError):
        return "local"


def local_identity(name: str | None = None, role: Role = Role.ADMIN) -> Identity:
    """The person at the keyboard of a laptop install (auth mode `none`) or on the CLI."""
    return Identity(name=(name or "").strip()[:100] or os_user(), role=role)


MODES = ("none", "oidc")


@dataclass(frozen=True)
class AccessConfig:
    """The `[access]` table of `.streamlit/secrets.toml` (see secrets.example.toml).

    Role rules are email addresses (`ana@example.org`) or domains (`@example.org`); the most
    specific match wins (an address before a domain), and among equals the highest role.
    """

    mode: str = "none"
    provider: str | None = None  # the [auth.<provider>] to log in with; None = the [auth] one
    local_role: Role = Role.ADMIN  # mode none: the role of whoever opens the dashboard
    default_role: Role | None = None  # mode oidc: a signed-in user matching no rule
    rules: dict[str, Role] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, raw: Mapping | None) -> AccessConfig:
        raw = dict(raw or {})
        mode = str(raw.pop("mode", "none")).strip().lower()
        if mode not in MODES:
            raise InvalidInputError(f"access mode {mode!r} is not one of: {', '.join(MODES)}")
        rules: dict[str, Role] = {}
        for key, role in (
            ("admins", Role.ADMIN),
            ("analysts", Role.ANALYST),
            ("viewers", Role.VIEWER),
        ):
            for entry in _entries(raw.pop(key, ()), key):
                rules[entry] = max(role, rules.get(entry, role))
        default = raw.pop("default_role", None)
        config = cls(
            mode=mode,
            provider=(str(raw.pop("provider")).strip() or None) if "provider" in raw else None,
            local_role=Role.parse(raw.pop("local_role", "admin")),
            default_role=None if default in (None, "", "none") else Role.parse(default),
            rules=rules,
        )
        if raw:
            raise InvalidInputError(f"unknown [access] setting(s): {', '.join(sorted(raw))}")
        return config

    def role_for(self, email: str | None) -> Role | None:
        """The role of a signed-in user, or None when the configuration gives them none."""
        email = (email or "").strip().lower()
        if "@" not in email:
            return self.default_role
        if email in self.rules:
            return self.rules[email]
        domain = "@" + email.rsplit("@", 1)[1]
        return self.rules.get(domain, self.default_role)


def _entries(value: Iterable[str] | str, key: str) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    out = []
    for item in items:
        entry = str(item).strip().lower()
        if "@" not in entry or entry.endswith("@") or " " in entry:
            raise InvalidInputError(
                f"[access] {key}: {item!r} is neither an address (ana@example.org) nor a "
                "domain (@example.org)"
            )
        out.append(entry)
    return out


# The placeholder of .streamlit/secrets.example.toml: public, so it signs nothing.
EXAMPLE_COOKIE_SECRET = (
    "a long random string: python -c 'import secrets; print(secrets.token_hex(32))'"
)
MIN_COOKIE_SECRET_BYTES = 32
MAKE_COOKIE_SECRET = "python -c 'import secrets; print(secrets.token_hex(32))'"


def check_cookie_secret(secret: object) -> None:
    """Refuse a sign-in cookie secret anyone could know or guess: missing, the example's
    placeholder, or shorter than 32 bytes. (Whoever knows it can sign an admin's cookie.)"""
    how = f"make one with `{MAKE_COOKIE_SECRET}` and set it as cookie_secret under [auth]"
    if not isinstance(secret, str) or not secret.strip():
        raise InvalidInputError(f"oidc mode needs a cookie_secret under [auth]; {how}")
    if secret.strip() == EXAMPLE_COOKIE_SECRET or "token_hex" in secret:
        raise InvalidInputError(
            "cookie_secret is the placeholder of secrets.example.toml, which is public: anyone "
            f"could sign a cookie with it; {how}"
        )
    size = len(secret.encode("utf-8"))
    if size < MIN_COOKIE_SECRET_BYTES:
        raise InvalidInputError(
            f"cookie_secret is {size} bytes long; it must be at least "
            f"{MIN_COOKIE_SECRET_BYTES} random bytes; {how}"
        )
