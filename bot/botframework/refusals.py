"""Tell a Bot Connector refusal's HTTP status from any other failure.

Why: botbuilder 4.17.1 raises msrest's `HttpOperationError` (the connector's
`ErrorResponseException`) with the answer on `.response`: an aiohttp `ClientResponse`
(`.status`) through our connector HTTP (connector_http.py), a msrest response (`.status_code`)
otherwise. A 403 there means the bot was removed
from the chat or blocked by the person, and sending again will not help (issue 11: mark the chat
dead). Read defensively so a change of exception type just means "not a refusal".
"""

from __future__ import annotations

FORBIDDEN = 403


def refused_status(error: BaseException) -> int | None:
    """The HTTP status the connector answered with, if `error` carries one."""
    response = getattr(error, "response", None)
    for name in ("status_code", "status"):
        status = getattr(response, name, None)
        if isinstance(status, int):
            return status
    return None


def chat_refused(error: BaseException) -> bool:
    return refused_status(error) == FORBIDDEN
