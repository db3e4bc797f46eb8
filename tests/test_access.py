"""Roles, identities and the login → role mapping."""

from __future__ import annotations

import pytest

from tracker.access import REQUIRED_ROLE, AccessConfig, Identity, Role, local_identity
from tracker.errors import InvalidInputError, PermissionDeniedError


def test_roles_are_ordered_and_each_operation_has_a_least_role():
    assert Role.VIEWER < Role.ANALYST < Role.ADMIN
    viewer = Identity("v", Role.VIEWER)
    analyst = Identity("a", Role.ANALYST)
    admin = Identity("x", Role.ADMIN)
    assert [op for op in REQUIRED_ROLE if viewer.can(op)] == ["read", "export"]
    assert {op for op in REQUIRED_ROLE if analyst.can(op)} == {
        "read",
        "export",
        "add",
        "edit",
        "delete",
        "ingest",
        "add_place",
    }
    assert all(admin.can(op) for op in REQUIRED_ROLE)
    with pytest.raises(PermissionDeniedError, match=r"v is a viewer and may not add; .* analyst"):
        viewer.require("add")
    analyst.require("delete")  # no error


def test_parse_role():
    assert Role.parse(" Analyst ") is Role.ANALYST
    with pytest.raises(InvalidInputError, match="viewer, analyst, admin"):
        Role.parse("superuser")


def test_local_identity_is_the_os_user_as_admin(monkeypatch):
    monkeypatch.setenv("TRACKER_USER", "field-laptop")
    assert local_identity() == Identity("field-laptop", Role.ADMIN)
    assert local_identity("  ana  ").name == "ana"


def test_mapping_by_address_and_domain():
    config = AccessConfig.from_mapping(
        {
            "mode": "oidc",
            "admins": ["boss@example.org"],
            "analysts": ["@example.org", "Freelancer@Mail.test"],
            "viewers": ["@partner.test", "boss@example.org"],
        }
    )
    assert config.mode == "oidc"
    assert config.role_for("boss@example.org") is Role.ADMIN  # highest of its two rules
    assert config.role_for("BOSS@example.org ") is Role.ADMIN
    assert config.role_for("desk@example.org") is Role.ANALYST
    assert config.role_for("freelancer@mail.test") is Role.ANALYST
    assert config.role_for("reader@partner.test") is Role.VIEWER
    assert config.role_for("someone@elsewhere.test") is None  # no default role: no access
    assert config.role_for("desk@sub.example.org") is None  # a domain rule is exact
    assert config.role_for(None) is None


def test_default_role_and_local_role():
    config = AccessConfig.from_mapping({"mode": "oidc", "default_role": "viewer"})
    assert config.role_for("anyone@anywhere.test") is Role.VIEWER
    laptop = AccessConfig.from_mapping(None)
    assert laptop.mode == "none" and laptop.local_role is Role.ADMIN
    kiosk = AccessConfig.from_mapping({"local_role": "viewer"})
    assert kiosk.local_role is Role.VIEWER


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"mode": "ldap"}, "access mode 'ldap' is not one of: none, oidc"),
        ({"admins": ["boss"]}, "neither an address"),
        ({"analysts": ["a b@example.org"]}, "neither an address"),
        ({"default_role": "god"}, "role 'god'"),
        ({"admin": ["x@example.org"]}, "unknown \\[access\\] setting"),
    ],
)
def test_bad_configuration_is_refused_clearly(raw, message):
    with pytest.raises(InvalidInputError, match=message):
        AccessConfig.from_mapping(raw)


def test_the_committed_secrets_example_is_a_valid_configuration():
    import tomllib
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / ".streamlit" / "secrets.example.toml"
    settings = tomllib.loads(example.read_text(encoding="utf-8"))
    config = AccessConfig.from_mapping(settings["access"])
    assert config.mode == "oidc"
    assert config.role_for("lead@newsroom.example") is Role.ADMIN
    assert config.role_for("reporter@newsroom.example") is Role.ANALYST
    assert config.role_for("desk@partner.example") is Role.VIEWER
    assert config.role_for("anyone@else.example") is None
    assert {"redirect_uri", "cookie_secret", "client_id", "server_metadata_url"} <= set(
        settings["auth"]
    )
