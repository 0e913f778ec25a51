"""One place per card verb: a flow's handler method is registered together with the payload
model it accepts (`@card_action(verbs.ANSWER, StepData)`), in the spirit of Microsoft's
`@app.on_card_action_execute("verb")`; the activity handler asks `CardActions` for both.

Adding a button is therefore: its verb in cards/verbs.py (the card needs it), its model in
cards/actions.py (or an existing one), and one decorated method in the flow that handles it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.teams.turn import Turn
from cards.actions import CardData, InvalidPayload, check_size, validate

D = TypeVar("D", bound=CardData)
S = TypeVar("S")
Handler = Callable[[Turn, Any], Awaitable[None]]
_MARK = "__card_action__"


@dataclass(frozen=True)
class CardAction:
    """What a verb accepts and whether pressing it counts as taking part in the team."""

    verb: str
    model: type[CardData]
    notes_membership: bool
    """False for buttons that must not make anyone a member again (a lead's old card,
    erasure, which must not re-create the chat it deletes)."""


def card_action(
    verb: str, model: type[D], *, notes_membership: bool = True
) -> Callable[[Callable[[S, Turn, D], Awaitable[None]]], Callable[[S, Turn, D], Awaitable[None]]]:
    """Mark a flow method as the handler of `verb`, whose data must validate as `model`."""

    def mark(
        method: Callable[[S, Turn, D], Awaitable[None]],
    ) -> Callable[[S, Turn, D], Awaitable[None]]:
        setattr(method, _MARK, CardAction(verb, model, notes_membership))
        return method

    return mark


def declared_actions(flow_type: type) -> Iterator[tuple[str, CardAction]]:
    """(method name, action) for every handler a flow class declares."""
    for name in dir(flow_type):
        action = getattr(getattr(flow_type, name, None), _MARK, None)
        if isinstance(action, CardAction):
            yield name, action


@dataclass(frozen=True)
class ParsedAction:
    action: CardAction
    data: CardData
    handler: Handler

    async def run(self, turn: Turn) -> None:
        await self.handler(turn, self.data)


class CardActions:
    """Every card verb the bot answers, collected from its flows (a verb twice is an error)."""

    def __init__(self, *flows: object) -> None:
        self._handlers: dict[str, tuple[CardAction, Handler]] = {}
        for flow in flows:
            for name, action in declared_actions(type(flow)):
                if action.verb in self._handlers:
                    raise ValueError(f"card verb {action.verb!r} has two handlers")
                self._handlers[action.verb] = (action, getattr(flow, name))

    @property
    def verbs(self) -> frozenset[str]:
        return frozenset(self._handlers)

    def parse(self, verb: str, data: dict[str, Any]) -> ParsedAction:
        """The action with its validated data; raises PayloadTooLarge or InvalidPayload."""
        check_size(data)
        found = self._handlers.get(verb)
        if found is None:
            raise InvalidPayload(f"unknown verb {verb!r}")
        action, handler = found
        return ParsedAction(action, validate(action.model, data), handler)
