"""The fast adapter reuses connector clients without changing how they behave, except that
they send on the event loop (bot/botframework/connector_http.py) and retry what Teams asks
bots to retry (bot/botframework/connector_retry.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.auth import (
    BotFrameworkAuthentication,
    ClaimsIdentity,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
)

from bot.botframework.cloud_adapter import CachingBotFrameworkAuthentication, create_cloud_adapter
from bot.botframework.connector_http import AiohttpSender, retries_status
from bot.botframework.connector_retry import installed_policy, installed_sender

EMEA = "https://smba.trafficmanager.net/emea/"
AMER = "https://smba.trafficmanager.net/amer/"
METHODS = ("GET", "POST", "PUT", "DELETE")


def stock_auth() -> BotFrameworkAuthentication:
    config = SimpleNamespace(APP_ID="", APP_PASSWORD="", APP_TYPE="MultiTenant")
    return ConfigurationBotFrameworkAuthentication(config)


def fast_auth() -> BotFrameworkAuthentication:
    return create_cloud_adapter(None, None, "SingleTenant", None).bot_framework_authentication


async def client_for_turn(auth: BotFrameworkAuthentication, service_url: str = EMEA) -> Any:
    """The connector client the adapter would put on a turn for an inbound activity."""
    activity = Activity(type="message", channel_id="msteams", service_url=service_url)
    result = await auth.authenticate_request(activity, "")
    return await result.connector_factory.create(service_url, result.audience)


def config_facts(client: Any) -> dict[str, Any]:
    """What the pipeline still takes from msrest's configuration (the sender is ours)."""
    return {"base_url": client.config.base_url, "user_agent": client.config.user_agent}


def retried_by_urllib3(client: Any) -> set[tuple[str, int, bool]]:
    """(method, status, has Retry-After) answers urllib3 retries for a stock client."""
    policy = client.config.retry_policy()
    return {
        (method, code, retry_after) for method in METHODS for code in range(100, 1000)
        for retry_after in (False, True) if policy.is_retry(method, code, retry_after)
    }


def retried_by_sender(client: Any) -> set[tuple[str, int, bool]]:
    """(method, status, has Retry-After) answers the client's aiohttp sender sends again."""
    assert isinstance(installed_sender(client), AiohttpSender), "the client sends with requests"
    return {
        (method, code, retry_after) for method in METHODS for code in range(100, 1000)
        for retry_after in (False, True) if retries_status(method, code)
    }


def retried_by_connector_retry(client: Any) -> set[tuple[str, int, bool]]:
    policy = installed_policy(client)
    assert policy is not None, "the client has no connector retry"
    return {
        (method, code, retry_after) for method in METHODS for code in range(100, 1000)
        for retry_after in (False, True) if policy.retries(method, code)
    }


async def reused_and_stock_clients() -> tuple[Any, Any]:
    auth = fast_auth()
    await client_for_turn(auth)
    return await client_for_turn(auth), await client_for_turn(stock_auth())


async def test_reused_client_retries_what_stock_did_but_4xx_plus_what_teams_asks() -> None:
    """Stock retries, minus 408 and Retry-After 413/429 (4xx other than Teams' own), plus
    429/412/502/504 for every method: the only differences from a stock client."""
    reused, stock = await reused_and_stock_clients()
    teams = {(m, c, ra) for m in METHODS for c in (412, 429, 502, 504) for ra in (False, True)}
    stock_without_4xx = {item for item in retried_by_urllib3(stock) if not 400 <= item[1] < 500}
    retried = retried_by_sender(reused) | retried_by_connector_retry(reused)
    assert retried == stock_without_4xx | teams
    assert {code for _, code, _ in retried if code < 500} == {412, 429}


async def test_no_answer_is_retried_by_both_layers() -> None:
    reused, _ = await reused_and_stock_clients()
    assert not retried_by_sender(reused) & retried_by_connector_retry(reused)


async def test_reused_client_is_configured_like_a_stock_client() -> None:
    stock = await client_for_turn(stock_auth())
    auth = fast_auth()
    for _ in range(3):
        reused = await client_for_turn(auth)
    assert config_facts(reused) == config_facts(stock)


async def test_a_later_turn_on_the_same_service_url_reuses_the_client() -> None:
    auth = fast_auth()
    assert await client_for_turn(auth) is await client_for_turn(auth)


async def test_each_service_url_gets_a_client_for_that_url() -> None:
    auth = fast_auth()
    emea, amer = await client_for_turn(auth, EMEA), await client_for_turn(auth, AMER)
    assert (emea.config.base_url, amer.config.base_url) == (EMEA, AMER)


async def test_least_recently_used_clients_are_dropped_beyond_the_limit() -> None:
    auth = CachingBotFrameworkAuthentication(stock_auth(), max_clients=2)
    first = await client_for_turn(auth, EMEA)
    await client_for_turn(auth, AMER)
    await client_for_turn(auth, "https://smba.trafficmanager.net/apac/")
    assert await client_for_turn(auth, EMEA) is not first


class TwoBotsCredentials(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """Accepts two app ids, as a host serving two bot registrations would."""

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id in {"bot-a", "bot-b"}

    async def is_authentication_disabled(self) -> bool:
        return False

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> MicrosoftAppCredentials:
        return MicrosoftAppCredentials(app_id, "secret", None, oauth_scope)


def two_bots_auth() -> CachingBotFrameworkAuthentication:
    config = SimpleNamespace(APP_ID="bot-a", APP_PASSWORD="secret", APP_TYPE="MultiTenant")
    credentials = TwoBotsCredentials()
    inner = ConfigurationBotFrameworkAuthentication(config, credentials_factory=credentials)
    return CachingBotFrameworkAuthentication(inner)


def claims_for(app_id: str) -> ClaimsIdentity:
    return ClaimsIdentity({"aud": app_id}, True)


async def test_clients_are_never_shared_between_bot_app_ids() -> None:
    auth = two_bots_auth()
    clients = [
        await auth.create_connector_factory(claims_for(app)).create(EMEA)
        for app in ("bot-a", "bot-b", "bot-a")
    ]
    app_ids = [c.config.credentials.microsoft_app_id for c in clients]
    assert app_ids == ["bot-a", "bot-b", "bot-a"]
    assert clients[0] is clients[2] and clients[0] is not clients[1]


async def test_user_token_client_is_reused_per_bot_app_id() -> None:
    auth = two_bots_auth()
    a1 = await auth.create_user_token_client(claims_for("bot-a"))
    b = await auth.create_user_token_client(claims_for("bot-b"))
    a2 = await auth.create_user_token_client(claims_for("bot-a"))
    assert a1 is a2 and a1 is not b


async def test_single_tenant_bot_gets_credentials_from_its_own_tenant() -> None:
    adapter = create_cloud_adapter("app-id", "secret", "SingleTenant", "tenant-1")
    factory = adapter.bot_framework_authentication.create_connector_factory(claims_for("app-id"))
    credentials = (await factory.create(EMEA)).config.credentials
    assert (credentials.microsoft_app_id, credentials.tenant) == ("app-id", "tenant-1")


async def test_without_an_app_id_requests_need_no_token() -> None:
    activity = Activity(type="message", channel_id="msteams", service_url=EMEA)
    result = await fast_auth().authenticate_request(activity, "")
    assert result.claims_identity.is_authenticated


async def test_with_an_app_id_requests_without_a_token_are_refused() -> None:
    adapter = create_cloud_adapter("app-id", "secret", "SingleTenant", "tenant-1")
    activity = Activity(type="message", channel_id="msteams", service_url=EMEA)
    with pytest.raises(PermissionError):
        await adapter.bot_framework_authentication.authenticate_request(activity, "")
