"""Send one card (or text) into a remembered conversation, and say how it went.

Why not let the exception fly: botbuilder runs the logic of `continue_conversation` inside its
turn pipeline, which hands any exception to the adapter's `on_turn_error`; that answers
"busy" into the very chat that refused, and the caller never learns of the failure. Catching
inside the logic keeps the outcome for the caller (the reminder log's claim depends on it).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from botbuilder.core import TurnContext

from bot.botframework.refusals import chat_refused
from bot.teams.presenter import Presenter
from bot.teams.proactive import Proactive


class Outcome(Enum):
    SENT = "sent"
    REFUSED = "refused"
    """403: the bot was removed from the chat or blocked; do not send there again."""
    FAILED = "failed"
    """Anything else (throttled past retries, network): worth trying again later."""


async def send_into(
    proactive: Proactive, where: dict[str, Any], card: dict[str, Any] | None, text: str = ""
) -> tuple[Outcome, str | None]:
    """(outcome, error type name if it failed); posts `card`, else says `text`."""
    failed: list[Exception] = []

    async def show(context: TurnContext) -> None:
        try:
            if card is not None:
                await Presenter(context).post(card)
            else:
                await Presenter(context).say(text)
        except Exception as error:
            failed.append(error)

    try:
        await proactive.in_conversation(where, show)
    except Exception as error:
        failed.append(error)
    if not failed:
        return Outcome.SENT, None
    first = failed[0]
    return (Outcome.REFUSED if chat_refused(first) else Outcome.FAILED), type(first).__name__
