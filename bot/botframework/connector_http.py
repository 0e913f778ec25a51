"""Bot Connector calls sent on the event loop through one shared aiohttp session.

Why: msrest's default async sender runs `requests` in an executor thread for every call; at
50 simultaneous Start presses the two calls a Start makes were 41 % of its CPU (py-spy,
bench/results/journey-start-profile.txt). This sender cuts the bot's CPU per call to a third
(1.1 to 0.36 ms, 50 calls at a time against the bench's fake connector). msrest's own
`AioHTTPSender` cannot stand in: it sends neither the headers nor the body of a request.

What stays msrest's: the pipeline (user agent, credentials, raw deserializer, HTTP logger)
and RetryingSender (connector_retry.py) around this sender. msrest's credentials policy
signs the `requests.Session` of the request's context (`signed_session` sets the bearer token
there, or removes it when authentication is off); this sender sends that header.

What this module decides, as urllib3 did before (RetryingSender's one loop acts on it): a
connection that fails before the request is sent may be sent again for any method, one
dropped after sending only for idempotent methods (a POST may have been delivered: sending
it twice could post a message twice), and idempotent calls answered 500, 503 or 506+ are
sent again (Teams' own statuses are the retry policy's); at most 2 more tries, after 0 and
0.8 s. This sender makes one attempt per call.

Timeouts: 3 s to connect (a lost SYN is sent again after 1 s, so one lost packet still
connects), 10 s for the whole answer. Teams shows an error on an Action.Execute after ~10 s
and drops any answer after 15 s, so waiting longer helps no one (msrest's default was 100 s);
three failed connects still end within 10 s.
"""

from __future__ import annotations

import urllib.request
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import requests
from msrest.exceptions import ClientRequestError
from msrest.pipeline import Request, Response
from msrest.pipeline.async_abc import AsyncHTTPSender
from msrest.pipeline.requests import RequestsContext
from msrest.universal_http import ClientRequest
from msrest.universal_http.async_abc import AsyncClientResponse
from multidict import CIMultiDict

from bot.botframework.retry_policy import RETRY_STATUSES

CONNECT_TIMEOUT_SECONDS = 3.0
ANSWER_TIMEOUT_SECONDS = 10.0
BACKOFF_SECONDS = (0.0, 0.8)
MAX_RETRIES = len(BACKOFF_SECONDS)
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
SENT_AGAIN = frozenset(range(500, 999)) - {501, 505} - RETRY_STATUSES  # urllib3's, for msrest


class ConnectorSession:
    """The one aiohttp session of every connector client: opened in the loop on first use."""

    def __init__(
        self, connect_timeout_seconds: float = CONNECT_TIMEOUT_SECONDS,
        answer_timeout_seconds: float = ANSWER_TIMEOUT_SECONDS,
    ) -> None:
        self._timeout = aiohttp.ClientTimeout(
            total=answer_timeout_seconds, connect=connect_timeout_seconds
        )
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    def get(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    def proxy_for(self, url: str) -> str | None:
        """HTTP(S)_PROXY / NO_PROXY as requests honoured them, read once per host.

        Not aiohttp's trust_env: that reads ~/.netrc in an executor thread on every request.
        """
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self._proxies:
            bypass = bool(urllib.request.proxy_bypass(key[1]))
            self._proxies[key] = None if bypass else urllib.request.getproxies().get(key[0])
        return self._proxies[key]

    async def close(self) -> None:
        """Close the session (on app shutdown); a later call opens a new one."""
        if self._session is not None:
            await self._session.close()
            self._session = None


class _Answer(AsyncClientResponse):
    """An answer read whole: connector answers are small JSON documents."""

    def __init__(self, request: ClientRequest, answer: aiohttp.ClientResponse, body: bytes):
        super().__init__(request, answer)
        self.status_code = answer.status
        self.headers = CIMultiDict(answer.headers)
        self.reason = answer.reason
        self._body = body

    def body(self) -> bytes:
        return self._body

    def stream_download(self, chunk_size: Any = None, callback: Any = None) -> Any:
        raise NotImplementedError("connector answers are read whole")


class TransportError(ClientRequestError):
    """The call failed below HTTP; `send_again` when sending it again cannot post twice."""

    def __init__(self, message: str, *, send_again: bool) -> None:
        super().__init__(message)
        self.send_again = send_again


def retries_status(method: str, status: int) -> bool:
    """Whether the call is sent again after this answer (urllib3's rule for msrest clients)."""
    return method in IDEMPOTENT and status in SENT_AGAIN


def _retries_error(method: str, error: Exception) -> bool:
    if isinstance(error, aiohttp.ClientSSLError):
        return False
    if isinstance(error, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
        return True  # the request never left
    return method in IDEMPOTENT and isinstance(error, aiohttp.ServerDisconnectedError)


class AiohttpSender(AsyncHTTPSender[Any, Any]):
    """Sends msrest requests with `session`; `signing` is what the credentials policy signs."""

    def __init__(self, session: ConnectorSession) -> None:
        self._session = session
        self._signing = requests.Session()

    async def __aenter__(self) -> AiohttpSender:
        return self

    async def __aexit__(self, *exc_details: Any) -> None:
        return None

    def build_context(self) -> RequestsContext:
        return RequestsContext(session=self._signing)  # type: ignore[no-untyped-call]

    async def send(self, request: Request[Any], **config: Any) -> Response[Any, Any]:
        http: ClientRequest = request.http_request
        signed = getattr(request.context, "session", self._signing)
        headers = dict(http.headers)
        if "Authorization" in signed.headers:
            headers["Authorization"] = signed.headers["Authorization"]
        if http.files:
            raise ClientRequestError("multipart bodies are not sent to the Bot Connector")
        method = http.method.upper()
        try:
            session = self._session
            async with session.get().request(
                method, http.url, headers=headers, data=http.data, proxy=session.proxy_for(http.url)
            ) as answer:
                return Response(request, _Answer(http, answer, await answer.read()))
        except (TimeoutError, aiohttp.ClientError) as error:
            message = f"Error occurred in request: {type(error).__name__}"
            raise TransportError(message, send_again=_retries_error(method, error)) from error
