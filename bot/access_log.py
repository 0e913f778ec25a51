"""One line per HTTP request in the log, with the route's pattern, never the address typed.

Replaces aiohttp's default access log (`%a %t "%r" %s %b "%{Referer}i" "%{User-Agent}i"`),
which writes the caller's IP address and the whole request line: for a report download that
is `GET /reports/<signed link token>`, a credential in the log, and the lead's address with
it. Here a line is the method, the route as declared (`/reports/{token}`), the status and the
time taken; requests that match no route are logged as `-`. Nothing is built when the
`aiohttp.access` logger is not enabled for INFO (the default log level is INFO).
"""

from __future__ import annotations

import logging

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, Request, StreamResponse


class RouteAccessLogger(AbstractAccessLogger):
    """`POST /api/messages 200 4.1 ms`: what was asked and how it went, not who or which."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info(
            "%s %s %d %.1f ms", request.method, route_of(request), response.status, time * 1000
        )

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.INFO)


def route_of(request: BaseRequest) -> str:
    """The matched route's pattern (`/reports/{token}`), or `-` for no route."""
    if not isinstance(request, Request):
        return "-"
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "-"
