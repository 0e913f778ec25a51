"""A prompt answered by pressing a card button, whether the card used Execute or Submit.

botbuilder's prompts only listen to message activities; Action.Execute arrives as an invoke,
so this prompt reads both, and typed text through an optional recogniser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.schema import ActivityTypes

from cards.actions import InvalidPayload, action_of
from dialogs.turn import turn_info

Recogniser = Callable[[dict[str, Any] | None, str], str | None]


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

    def __init__(self, dialog_id: str, verb: str, recognise: Recogniser) -> None:
        super().__init__(dialog_id)
        self.verb = verb
        self.recognise = recognise

    async def begin_dialog(self, dialog_context: DialogContext, options: Any = None) -> Any:
        card, retry_card = options
        dialog_context.active_dialog.state["retry"] = retry_card
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
        await turn_info(dialog_context.context).view.show(
            dialog_context.active_dialog.state["retry"]
        )
        return Dialog.end_of_turn
