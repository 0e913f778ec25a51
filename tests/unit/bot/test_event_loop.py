"""`twelvecs serve` runs on uvloop where it is installed, and on asyncio's loop otherwise."""

from __future__ import annotations

import asyncio
import sys

import pytest

from bot.event_loop import new_event_loop


def _kind(wanted: str) -> str:
    loop = new_event_loop(wanted)  # type: ignore[arg-type]
    try:
        return type(loop).__module__.split(".")[0]
    finally:
        loop.close()


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop is not installed on Windows")
def test_uvloop_serves_by_default_where_it_is_installed() -> None:
    assert _kind("uvloop") == "uvloop"


def test_asyncio_serves_when_asked_for() -> None:
    assert _kind("asyncio") == "asyncio"


def test_asyncio_serves_where_uvloop_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # `import uvloop` raises ImportError
    loop = new_event_loop("uvloop")
    try:
        assert isinstance(loop, asyncio.AbstractEventLoop)
        assert type(loop).__module__.startswith("asyncio")
    finally:
        loop.close()
