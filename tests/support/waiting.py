"""Waiting for what a background job does (the purge runs on its own task)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


async def eventually(check: Callable[[], Awaitable[bool]], attempts: int = 200) -> bool:
    """Whether `check` comes true within `attempts` tries 10 ms apart (about 2 s at most)."""
    for _ in range(attempts):
        if await check():
            return True
        await asyncio.sleep(0.01)
    return False
