"""The event loop `twelvecs serve` runs on: uvloop where it is installed, else asyncio's own.

Why: a turn's CPU is mostly the event loop and aiohttp's server and client around our code,
and one process serves turns one CPU slice at a time, so when 50 practitioners press Start at
once the last waits for the other 49. uvloop (libuv, in C) cut the bot's CPU per Start from
6.5 to 6.1 ms and the p99 of 50 simultaneous Starts from 313 to 295 ms (medians of 16
alternating runs on 2 cores, 2026-11-29). It is not built for Windows, where asyncio's loop
serves (as it does with TWELVECS_EVENT_LOOP=asyncio, say to rule the loop out of a fault).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Literal

log = logging.getLogger(__name__)


def new_event_loop(wanted: Literal["uvloop", "asyncio"]) -> asyncio.AbstractEventLoop:
    """A new loop of the kind `wanted`; asyncio's (said once in the log) if uvloop is absent."""
    if wanted == "uvloop":
        try:
            import uvloop
        except ImportError:
            log.info("uvloop is not installed here; serving on asyncio's event loop")
        else:
            return uvloop.new_event_loop()
    return asyncio.new_event_loop()
