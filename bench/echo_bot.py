"""The bare botbuilder echo bot: the floor our assessment bot is measured against.

Stock CloudAdapter (authentication off), MemoryStorage and ConversationState with a turn
counter, as in Microsoft's samples. `--adapter fast` swaps in `bot.botframework.cloud_adapter` only,
so the two runs differ in the connector-client path and nothing else. This module is a
benchmark fixture, so it imports botbuilder directly (the app code keeps that in bot/).

Run: `python -m bench.echo_bot --port 0 [--adapter fast] [--profile out.txt]`; it prints
`READY <port>` once listening.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
from pathlib import Path
from typing import Any

from aiohttp import web
from botbuilder.core import (
    ActivityHandler,
    BotAdapter,
    ConversationState,
    MemoryStorage,
    MessageFactory,
    TurnContext,
)
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from bot.botframework.cloud_adapter import connector_session_context, create_cloud_adapter


class EchoBot(ActivityHandler):  # type: ignore[misc]
    """Echoes each message and counts the conversation's turns in ConversationState."""

    def __init__(self, state: ConversationState) -> None:
        self._state = state
        self._turns = state.create_property("turns")

    async def on_turn(self, turn_context: TurnContext) -> None:
        await super().on_turn(turn_context)
        await self._state.save_changes(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        turns = await self._turns.get(turn_context, lambda: 0) + 1
        await self._turns.set(turn_context, turns)
        text = turn_context.activity.text
        await turn_context.send_activity(MessageFactory.text(f"Echo {turns}: {text}"))


class _AuthOff:
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"


def create_adapter(kind: str) -> BotAdapter:
    """The stock CloudAdapter as the samples build it, or ours."""
    if kind == "fast":
        return create_cloud_adapter(None, None, "MultiTenant", None)
    return CloudAdapter(ConfigurationBotFrameworkAuthentication(_AuthOff()))


def create_echo_app(kind: str = "stock") -> web.Application:
    """The echo bot behind `POST /api/messages`."""
    adapter = create_adapter(kind)
    bot = EchoBot(ConversationState(MemoryStorage()))

    async def messages(request: web.Request) -> web.StreamResponse:
        response: web.StreamResponse | None = await adapter.process(request, bot)
        return response or web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.cleanup_ctx.append(lambda _: connector_session_context(adapter))
    return app


async def _serve(port: int, kind: str, profile: Path | None) -> None:
    runner = web.AppRunner(create_echo_app(kind), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await run_until_terminated(runner, profile)


async def run_until_terminated(runner: web.AppRunner, profile: Path | None) -> None:
    """Print READY, serve until SIGTERM/SIGINT, then write the pyinstrument profile if asked."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    profiler: Any = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
    print(f"READY {runner.addresses[0][1]}", flush=True)
    await stop.wait()
    if profiler and profile:
        _write_profile(profiler, profile)
    await runner.cleanup()


def _write_profile(profiler: Any, path: Path) -> None:
    """The text profile, plus the session file for `pyinstrument --load`."""
    session = profiler.stop()
    path.write_text(profiler.output_text(show_all=False))
    session.save(str(path.with_suffix(".pyisession")))


def main() -> None:
    """Serve the echo bot until terminated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--adapter", choices=["stock", "fast"], default="stock")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile here on exit")
    args = parser.parse_args()
    asyncio.run(_serve(args.port, args.adapter, args.profile))


if __name__ == "__main__":
    main()
