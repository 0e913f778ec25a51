"""Runs a dialog for one turn without the per-turn extras of botbuilder's `run_dialog`.

Replaces `botbuilder.dialogs.DialogExtensions.run_dialog`. Why: every turn it builds a
`DialogStateManager` (loading and then saving every memory scope, though the caller saves the
conversation state itself), deep-copies the whole dialog memory into a "Bot State" trace
activity that the adapter then drops on every channel but the Bot Framework Emulator, and
checks for the skill protocol (end-of-conversation and reprompt from a parent bot). twelvecs
is a Teams bot, never a skill. Measured with py-spy on 50 simultaneous Starts: the trace's
deep copy alone was 4.9 % of the bot's CPU. What is kept is the contract: continue the
active dialog, else begin this one.
"""

from __future__ import annotations

from botbuilder.core import StatePropertyAccessor, TurnContext
from botbuilder.dialogs import Dialog, DialogSet, DialogTurnResult, DialogTurnStatus


async def run_dialog(
    dialog: Dialog, context: TurnContext, accessor: StatePropertyAccessor
) -> DialogTurnResult:
    """Continue the dialog stack kept in `accessor`, or begin `dialog` when it is empty."""
    dialogs = DialogSet(accessor)
    dialogs.add(dialog)
    dialog_context = await dialogs.create_context(context)
    result: DialogTurnResult = await dialog_context.continue_dialog()
    if result.status == DialogTurnStatus.Empty:
        result = await dialog_context.begin_dialog(dialog.id)
    return result
