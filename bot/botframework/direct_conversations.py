"""The Bot Connector calls of every card message and chat opening, without msrest's layers.

Replaces: botbuilder's `ConversationsOperations.create_conversation`, `send_to_conversation`
and `reply_to_activity` (msrest code generated from the connector's Swagger). For each call
those quote the URL's parameters through msrest's `Serializer.url`, build a `ClientRequest`,
run it through msrest's policy pipeline (user agent, credentials, HTTP logger, raw
deserializer) and read the answer with msrest's `Deserializer`.

Why: a first Start opens the 1:1 chat and sends the agency card there, and with 50 Starts at
one instant each Start waits for the others' CPU. Measured with 50 calls at once against the
bench's fake connector, CPU a call: a card message 430 -> 352 µs, a chat opening 341 -> 274 µs
(an aiohttp POST of the same JSON alone: ~280 µs).

What stays as it was: the URL (parameters quoted as msrest quotes them, joined to the client's
base URL by msrest's own `format_url`), the headers (Accept, Content-Type,
x-ms-conversation-id on a reply, the client's User-Agent, and the bearer token its
credentials sign into the sender's session, as msrest's credentials policy does), the body
(msrest's JSON, from `fast_body`), the sender (`RetryingSender` over `AiohttpSender`: the
same retries and timeouts), and an error answer raises msrest's `ErrorResponseException`
built the stock way (`refusals.py` reads its status). The answer's model comes from
`fast_body`'s planned deserializer. Calls with custom headers, `raw=True` or per-call
configuration, and clients whose HTTP logger is on, go the stock way.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from botbuilder.schema import (
    Activity,
    ConversationParameters,
    ConversationResourceResponse,
    ResourceResponse,
)
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.models import ErrorResponseException
from msrest.pipeline import Request
from msrest.universal_http import ClientRequest

from bot.botframework.fast_body import deserialize_model

OK = (200, 201, 202)
ACTIVITIES = "/v3/conversations/{conversationId}/activities"
CONVERSATIONS = "/v3/conversations"


class DirectConversations(ConversationsOperations):  # type: ignore[misc]
    """A client's conversation operations, three of them sent straight to its sender."""

    def __init__(self, stock: ConversationsOperations, client: ConnectorClient) -> None:
        super().__init__(stock._client, stock.config, stock._serialize, stock._deserialize)
        self._credentials = client.config.credentials
        self._user_agent = str(client.config.user_agent_policy.user_agent)
        self._sender = client.config.pipeline._sender

    async def create_conversation(
        self, parameters: ConversationParameters, custom_headers: Any = None, raw: bool = False,
        **operation_config: Any,
    ) -> Any:
        if custom_headers or raw or operation_config:
            return await super().create_conversation(
                parameters, custom_headers, raw, **operation_config
            )
        body = self._serialize.body(parameters, "ConversationParameters")
        url = self._client.format_url(CONVERSATIONS)
        return await self._post(url, {}, body, ConversationResourceResponse)

    async def send_to_conversation(
        self, conversation_id: str, activity: Activity, custom_headers: Any = None,
        raw: bool = False, **operation_config: Any,
    ) -> Any:
        if custom_headers or raw or operation_config:
            return await super().send_to_conversation(
                conversation_id, activity, custom_headers, raw, **operation_config
            )
        url = self._client.format_url(ACTIVITIES, conversationId=_quoted(conversation_id))
        return await self._post(url, {}, self._serialize.body(activity, "Activity"),
                                ResourceResponse)

    async def reply_to_activity(
        self, conversation_id: str, activity_id: str, activity: Activity,
        custom_headers: Any = None, raw: bool = False, **operation_config: Any,
    ) -> Any:
        if custom_headers or raw or operation_config:
            return await super().reply_to_activity(
                conversation_id, activity_id, activity, custom_headers, raw, **operation_config
            )
        url = self._client.format_url(
            ACTIVITIES + "/{activityId}",
            conversationId=_quoted(conversation_id), activityId=_quoted(activity_id),
        )
        headers = {"x-ms-conversation-id": conversation_id}
        return await self._post(url, headers, self._serialize.body(activity, "Activity"),
                                ResourceResponse)

    async def _post(self, url: str, headers: dict[str, str], body: Any, model: type) -> Any:
        """POST `body` as msrest would; the answer as `model`, or msrest's error."""
        request = ClientRequest("POST", url)
        request.headers.update(headers)
        request.headers["Accept"] = "application/json"
        request.headers["Content-Type"] = "application/json; charset=utf-8"
        request.data = json.dumps(body)
        request.headers["Content-Length"] = str(len(request.data))
        request.headers["User-Agent"] = self._user_agent
        context = self._sender.build_context()
        self._credentials.signed_session(context.session)  # the bearer token, or none
        answer = (await self._sender.send(Request(request, context))).http_response
        if answer.status_code not in OK:
            raise ErrorResponseException(self._deserialize, answer)
        return _model_of(answer, model, self._deserialize)


def _quoted(value: str) -> str:
    """A path parameter as msrest's `Serializer.url` writes a str: every reserved character
    percent-encoded."""
    return quote(str(value), safe="")


def _model_of(answer: Any, model: type, stock: Any) -> Any:
    """The answer's JSON as `model`; anything but a JSON object goes to msrest's reader."""
    content = answer.body()
    if not content:
        return None
    try:
        data = json.loads(content)
    except ValueError:
        data = None
    if isinstance(data, dict):
        return deserialize_model(model, data)
    return stock(model.__name__, answer)


def install_direct_conversations(client: ConnectorClient) -> ConnectorClient:
    """Give a client built by `install_retry` (its sender) the direct operations, unless its
    HTTP logger is on (that logging is msrest's pipeline's)."""
    if getattr(client.config, "enable_http_logger", False):
        return client
    client.conversations = DirectConversations(client.conversations, client)
    return client
