"""A prompt answered by pressing a card button, whether the card used Execute or Submit.

botbuilder's prompts only listen to message activities; Action.Execute arrives as an invoke,
so this prompt reads both, and typed text through an optional recogniser.

The card shown again after an answer it cannot read is rebuilt then, from a few ids kept in
the dialog state, rather than built up front and kept whole: it is rarely needed, and a
whole Adaptive Card in the state made every Start build, encode and write it (~4 % of a
Start's CPU, py-spy), and showed it in whatever language the person had when it was built.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.schema import ActivityTypes

from cards.actions import InvalidPayload, action_of
from dialogs.turn import turn_info

Recogniser = Callable[[dict[str, Any] | None, str], str | None]
Card = dict[str, Any]
RetryCard = Callable[[TurnContext, dict[str, Any]], Awaitable[Card]]
"""Builds the card shown again with a hint, from the ids the prompt was begun with."""


def card_action(activity: Any) -> tuple[str | None, dict[str, Any]]:
    """(verb, data) of a card press in this activity, or (None, {})."""
    if activity.value is None:
        return None, {}
    try:
        return action_of(activity.value, invoke=activity.type == ActivityTypes.invoke)
    except InvalidPayload:
        return None, {}


class CardPrompt(Dialog):  # type: ignore[misc]
    """Shows a card; ends with the recogniser's answer, or shows the card again with a hint."""

    def __init__(
        self, dialog_id: str, verb: str, recognise: Recogniser, retry_card: RetryCard
    ) -> None:
        super().__init__(dialog_id)
        self.verb = verb
        self.recognise = recognise
        self.retry_card = retry_card

    async def begin_dialog(self, dialog_context: DialogContext, options: Any = None) -> Any:
        """`options` is (the card, the JSON-safe ids its retry card is built from)."""
        card, retry_with = options
        dialog_context.active_dialog.state["retryWith"] = dict(retry_with)
        await turn_info(dialog_context.context).view.show(card)
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        activity = dialog_context.context.activity
        verb, data = card_action(activity)
        pressed = data if verb == self.verb else None
        if activity.type == ActivityTypes.message or pressed is not None:
            answer = self.recognise(pressed, activity.text or "")
            if answer is not None:
                return await dialog_context.end_dialog(answer)
        await turn_info(dialog_context.context).view.show(await self._retry(dialog_context))
        return Dialog.end_of_turn

    async def _retry(self, dialog_context: DialogContext) -> Card:
        state = dialog_context.active_dialog.state
        kept = state.get("retry")
        if isinstance(kept, dict):  # a prompt begun by an earlier version kept the whole card
            return kept
        return await self.retry_card(dialog_context.context, state.get("retryWith") or {})
