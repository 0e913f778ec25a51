"""A CloudAdapter that reuses its Bot Connector clients instead of rebuilding them every turn.

Why: botbuilder 4.17.1's CloudAdapter builds a new ConnectorClient and UserTokenClient for
every activity. Each builds an msrest `Configuration` whose `ClientRetryPolicy()` makes its
retry status list with a quadratic scan (`[i for i in range(999) if i not in safe_codes]`,
~500,000 comparisons): 6.4 of the 8 ms of CPU a bare echo turn costs here (py-spy; see
bench/README.md). Each also opens a new requests Session (no connection reuse) and, with
authentication on, new credentials whose MSAL app starts with an empty token cache, so a
token would be fetched again, blocking the event loop, on every turn.

What: `CachingBotFrameworkAuthentication` wraps the stock authentication and keeps the
clients the stock factories build, keyed by what their construction depends on: (app id,
service URL, audience) for connector clients, the app id for user-token clients. They are
built once by botbuilder's own code, so user agent, credentials and connection settings are
exactly the stock ones. Inbound authentication is ours (inbound_auth.py): botbuilder's
answers 500 for many bad tokens and fetches keys blocking the loop. The other changes: each
connector client sends on one shared aiohttp session on the event loop instead of `requests`
in an executor thread
(connector_http.py), retries as Teams asks (429/412/502/504 with backoff,
connector_retry.py), and each inbound activity starts the retry budget its turn's calls
share. Concurrent turns share a client safely: the one per-request mutation, the
Authorization header msrest's credentials policy sets on the client's signing session, is
the same for a key and is read before the next await. The session opens on first use (inside
the running loop) and `connector_session_context` closes it when the app shuts down.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)

from bot.botframework.connector_http import ConnectorSession
from bot.botframework.connector_retry import RetryPolicy, begin_turn, install_retry
from bot.botframework.direct_conversations import install_direct_conversations
from bot.botframework.fast_body import install_fast_body
from bot.botframework.inbound_auth import InboundTokenValidator
from bot.botframework.signing_keys import SigningKeys

T = TypeVar("T")
ANONYMOUS = AuthenticationConstants.ANONYMOUS_AUTH_TYPE
PUBLIC_OPENID_METADATA_URL = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL

DEFAULT_MAX_CLIENTS = 128
"""Distinct (app, service URL, audience) clients kept (~42 KB each, measured). Teams uses a
handful of service URLs per tenant, so this bounds memory without evicting in practice."""


class _ClientCache(Generic[T]):
    """A small thread-safe LRU of built clients; a race builds twice and keeps the first."""

    def __init__(self, max_size: int) -> None:
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()
        self._max_size = max_size

    async def get(self, key: Hashable, build: Callable[[], Awaitable[T]]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        built = await build()  # outside the lock: building awaits the credentials factory
        with self._lock:
            kept = self._items.setdefault(key, built)
            self._items.move_to_end(key)
            while len(self._items) > self._max_size:
                self._items.popitem(last=False)
            return kept


def app_id_of(claims_identity: ClaimsIdentity) -> str | None:
    """The bot app id the stock factories use for these claims (audience, else appid)."""
    audience = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    if audience is not None:
        return str(audience)
    app_id = claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return None if app_id is None else str(app_id)


class _CachingConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    """Hands out the stock factory's client for a (service URL, audience), built once."""

    def __init__(
        self, inner: ConnectorFactory, cache: _ClientCache[ConnectorClient], app_id: str | None,
        retry: RetryPolicy, session: ConnectorSession,
    ) -> None:
        self._inner = inner
        self._cache = cache
        self._app_id = app_id
        self._retry = retry
        self._session = session

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        async def build() -> ConnectorClient:
            client = await self._inner.create(service_url, audience)
            sending = install_fast_body(install_retry(client, self._retry, self._session))
            return install_direct_conversations(sending)

        return await self._cache.get((self._app_id, service_url, audience), build)


class CachingBotFrameworkAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """Stock outbound authentication with its clients kept and reused; inbound tokens checked
    by `validator` (None: authentication off, every request is anonymous as in botbuilder)."""

    def __init__(
        self, inner: BotFrameworkAuthentication, max_clients: int = DEFAULT_MAX_CLIENTS,
        retry: RetryPolicy | None = None, validator: InboundTokenValidator | None = None,
    ) -> None:
        self._inner = inner
        self.validator = validator
        self._retry = retry or RetryPolicy()
        self.session = ConnectorSession()
        self._connectors: _ClientCache[ConnectorClient] = _ClientCache(max_clients)
        self._token_clients: _ClientCache[UserTokenClient] = _ClientCache(max_clients)

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        """Replaces botbuilder's `_ParameterizedBotFrameworkAuthentication.authenticate_request`
        for the channel path and builds the same result: claims, audience, caller id and
        connector factory. Raises `Unauthorized` (a PermissionError) for a refused token."""
        begin_turn()  # the budget counts from arrival: Teams' clock started before ours
        result = AuthenticateRequestResult()
        if self.validator is None:
            result.claims_identity = ClaimsIdentity({}, True, ANONYMOUS)
            result.caller_id = None
        else:
            claims = await self.validator.claims(
                auth_header, activity.channel_id, activity.service_url
            )
            result.claims_identity = ClaimsIdentity(claims, True)
            result.caller_id = CallerIdConstants.public_azure_channel
        result.audience = self.get_originating_audience()
        result.connector_factory = self.create_connector_factory(result.claims_identity)
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        inner = self._inner.create_connector_factory(claims_identity)
        return self._wrap(inner, claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        async def build() -> UserTokenClient:
            return await self._inner.create_user_token_client(claims_identity)

        return await self._token_clients.get(app_id_of(claims_identity), build)

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return str(self._inner.get_originating_audience())

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)

    def _wrap(self, inner: ConnectorFactory, claims: ClaimsIdentity) -> ConnectorFactory:
        return _CachingConnectorFactory(inner, self._connectors, app_id_of(claims), self._retry,
                                        self.session)


@dataclass(frozen=True)
class _BotConfiguration:
    """The attribute names botbuilder's configuration readers look for."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


def create_cloud_adapter(
    app_id: str | None, app_password: str | None, app_type: str, tenant_id: str | None,
    retry: RetryPolicy | None = None, signing_keys: SigningKeys | None = None,
) -> CloudAdapter:
    """A CloudAdapter with reused connector clients; authentication is off when no app id.

    `app_type` is the Bot Framework's MicrosoftAppType (SingleTenant, MultiTenant,
    UserAssignedMSI); a single-tenant bot gets credentials issued by `tenant_id`. `retry`
    (default `RetryPolicy()`) is how its outgoing calls retry; tests shorten the waits.
    With an app id, inbound tokens are checked against `signing_keys` (default: the Bot
    Framework's public OpenID metadata).
    """
    validator = None
    if app_id:
        keys = signing_keys or SigningKeys(PUBLIC_OPENID_METADATA_URL)
        validator = InboundTokenValidator(app_id, keys)
    if not app_id:
        app_type, app_password, tenant_id = "MultiTenant", None, None
    config = _BotConfiguration(app_id or "", app_password or "", app_type, tenant_id or "")
    return CloudAdapter(CachingBotFrameworkAuthentication(
        ConfigurationBotFrameworkAuthentication(config), retry=retry,
        validator=validator,
    ))


async def connector_session_context(adapter: CloudAdapter) -> AsyncIterator[None]:
    """For aiohttp's cleanup_ctx: the connector session opens on first use, closes at exit."""
    yield
    auth = adapter.bot_framework_authentication
    if isinstance(auth, CachingBotFrameworkAuthentication):
        await auth.session.close()
        if auth.validator is not None:
            await auth.validator.keys.close()
