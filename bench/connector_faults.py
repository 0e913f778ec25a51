"""Planned failures for the fake Bot Connector: answer the next calls to a route with an error.

Teams throttles bots (429, with or without `Retry-After`) and its gateway fails now and then
(502, 504); tests and benchmarks plan that here to see what the bot does. A route is the name
of a fake connector route: create, send, reply, update, delete, members, member, pagedmembers.
A planned failure is answered before the route runs, so the call is not recorded as received
(the real service would not have delivered it); `refused` keeps what was refused, in order.

In-process: `state.faults.fail_next("reply", 429, times=2, retry_after="1")`.
As a process: `POST /_fake/faults` with `{"route", "status", "times", "retryAfter"}`
(`times` null: every call until cleared); `DELETE /_fake/faults` clears every plan.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Fault:
    status: int
    times: int | None  # calls still to refuse; None refuses every call until cleared
    retry_after: str | None = None


@dataclass
class Faults:
    """What to refuse next, per route, and every call refused so far."""

    planned: dict[str, Fault] = field(default_factory=dict)
    refused: list[tuple[str, int]] = field(default_factory=list)  # (route, status)

    def fail_next(
        self, route: str, status: int, times: int | None = 1, retry_after: str | None = None
    ) -> None:
        """Answer the next `times` calls to `route` (every call when None) with `status`."""
        self.planned[route] = Fault(status, times, retry_after)

    def clear(self) -> None:
        self.planned.clear()

    def refusals(self, route: str) -> int:
        return sum(1 for refused_route, _ in self.refused if refused_route == route)

    def take(self, route: str) -> Fault | None:
        """The failure planned for this call to `route`, if any (counting it as used)."""
        fault = self.planned.get(route)
        if fault is None:
            return None
        if fault.times is not None:
            fault.times -= 1
            if fault.times <= 0:
                del self.planned[route]
        self.refused.append((route, fault.status))
        return fault


FAULTS = web.AppKey("fake_connector_faults", Faults)


@web.middleware
async def refuse_planned(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer a call with its planned failure (an ErrorResponse body), else run the route."""
    route = request.match_info.route.name
    fault = request.app[FAULTS].take(route) if route else None
    if fault is None:
        return await handler(request)
    headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
    body = {"error": {"code": "PlannedFault", "message": f"planned {fault.status}"}}
    return web.json_response(body, status=fault.status, headers=headers)


async def plan(request: web.Request) -> web.Response:
    """`POST /_fake/faults`: plan a failure from JSON `{route, status, times?, retryAfter?}`."""
    body = await request.json()
    try:
        route, status = str(body["route"]), int(body["status"])
        times = None if body.get("times", 1) is None else int(body.get("times", 1))
    except (KeyError, TypeError, ValueError) as bad:
        raise web.HTTPBadRequest(text=f"route and status are required: {bad}") from bad
    retry_after = None if body.get("retryAfter") is None else str(body["retryAfter"])
    request.app[FAULTS].fail_next(route, status, times, retry_after)
    return web.Response(status=204)


async def clear(request: web.Request) -> web.Response:
    """`DELETE /_fake/faults`: stop refusing calls."""
    request.app[FAULTS].clear()
    return web.Response(status=204)
