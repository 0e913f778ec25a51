"""Which tenants the bot serves, from TWELVECS_ALLOWED_TENANTS and the app registration."""

import pytest

from bot.settings import Settings

OWN = "aaaaaaaa-0000-4000-8000-000000000001"
PARTNER = "bbbbbbbb-0000-4000-8000-000000000002"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TWELVECS_ALLOWED_TENANTS", "MicrosoftAppTenantId", "MicrosoftAppType"):
        monkeypatch.delenv(name, raising=False)


def test_the_listed_tenants_are_served(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWELVECS_ALLOWED_TENANTS", f" {OWN}, {PARTNER} ,")
    monkeypatch.setenv("MicrosoftAppTenantId", OWN)
    assert Settings().tenant_allow_list == {OWN, PARTNER}


def test_a_single_tenant_app_serves_its_own_tenant_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MicrosoftAppTenantId", OWN)
    assert Settings().tenant_allow_list == {OWN}


def test_a_star_serves_any_tenant_even_for_a_single_tenant_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MicrosoftAppTenantId", OWN)
    monkeypatch.setenv("TWELVECS_ALLOWED_TENANTS", "*")
    assert Settings().tenant_allow_list is None


def test_with_no_tenant_named_any_tenant_is_served(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().tenant_allow_list is None
    monkeypatch.setenv("MicrosoftAppTenantId", OWN)
    monkeypatch.setenv("MicrosoftAppType", "MultiTenant")
    assert Settings().tenant_allow_list is None
