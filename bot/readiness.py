"""`/readyz`: may a load balancer send this instance turns? Only if its store answers.

Liveness (`/healthz`) says the process runs; readiness asks the store for one state key
with a short timeout, so an unreachable database takes the instance out of rotation (and
back in when it returns, with no restart). While shutting down the answer is 503 too.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from assessment.ports import Store

log = logging.getLogger(__name__)
PROBE_KEY = "twelvecs/readiness-probe"
TIMEOUT_SECONDS = 2.0
STOPPING = web.AppKey("stopping", asyncio.Event)


async def store_answers(store: Store) -> bool:
    """True if a read of the store returned within `TIMEOUT_SECONDS`."""
    try:
        async with asyncio.timeout(TIMEOUT_SECONDS):
            await store.read_state([PROBE_KEY])
    except Exception as error:  # any failure means "not ready"; the type says which
        log.warning("readiness check failed: %s", type(error).__name__)
        return False
    return True


def add_readiness(app: web.Application, store: Store) -> None:
    """Route `/readyz` and mark the app as stopping when shutdown begins."""
    app[STOPPING] = asyncio.Event()

    async def readyz(request: web.Request) -> web.Response:
        if app[STOPPING].is_set() or not await store_answers(store):
            return web.json_response({"status": "unavailable"}, status=503)
        return web.json_response({"status": "ready"})

    async def stopping(app: web.Application) -> None:
        app[STOPPING].set()

    app.router.add_get("/readyz", readyz)
    app.on_shutdown.append(stopping)
