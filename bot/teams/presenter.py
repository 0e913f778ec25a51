"""Show a card the way the turn calls for: in place when the person pressed a card button.

An Action.Execute turn answers with the card in the invoke response (Teams replaces the card);
an Action.Submit turn updates the card it came from; any other turn posts a new message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from botbuilder.core import CardFactory, InvokeResponse, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.botframework.invoke_response import card_invoke_response
from bot.botframework.raw_json import RawJson

log = logging.getLogger(__name__)

CARD_ACTION_INVOKE = "adaptiveCard/action"


def card_activity(card: dict[str, Any]) -> Activity:
    """A message carrying the card, sent as the JSON it is (see bot/botframework/raw_json.py)."""
    return MessageFactory.attachment(CardFactory.adaptive_card(RawJson(card)))


def is_card_action(activity: Activity) -> bool:
    return bool(activity.type == ActivityTypes.invoke and activity.name == CARD_ACTION_INVOKE)


def is_card_submit(activity: Activity) -> bool:
    return bool(activity.type == ActivityTypes.message and isinstance(activity.value, dict))


class Presenter:
    """Collects what one turn shows; the first card of a card action replaces that card."""

    def __init__(self, context: TurnContext) -> None:
        self.context = context
        self._invoke_card: dict[str, Any] | None = None
        self._replaced = False

    async def show(self, card: dict[str, Any]) -> None:
        activity = self.context.activity
        if is_card_action(activity) and self._invoke_card is None:
            self._invoke_card = card
            return
        if is_card_submit(activity) and activity.reply_to_id and not self._replaced:
            self._replaced = await self._update(activity.reply_to_id, card)
            if self._replaced:
                return
        await self.context.send_activity(card_activity(card))

    async def post(self, card: dict[str, Any]) -> str | None:
        """Post a new card message (never in place) and return its id."""
        sent = await self.context.send_activity(card_activity(card))
        return sent.id if sent is not None else None

    async def say(self, text: str) -> None:
        """A plain-text message: titles and names people typed must not turn into Markdown."""
        message = MessageFactory.text(text)
        message.text_format = "plain"
        await self.context.send_activity(message)

    def invoke_response(self, fallback: Callable[[], dict[str, Any]]) -> InvokeResponse:
        """The card this turn showed, or `fallback()` (built only when nothing was shown)."""
        return card_invoke_response(self._invoke_card or fallback())

    async def _update(self, activity_id: str, card: dict[str, Any]) -> bool:
        update = card_activity(card)
        update.id = activity_id
        try:
            await self.context.update_activity(update)
        except Exception:  # the old card may be gone; a new message still shows the step
            log.warning("could not update the submitted card in place; posting a new one")
            return False
        return True
