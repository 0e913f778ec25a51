"""What a dialog needs from the host turn, put in `turn_state` by the bot for each turn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from botbuilder.core import TurnContext

from assessment.model import Actor, Response, Round


class CardView(Protocol):
    async def show(self, card: dict[str, Any]) -> None: ...


class PositionView(Protocol):
    async def show_position(
        self, presenter: Any, round_: Round, response: Response, notice: str | None = None
    ) -> None: ...


@dataclass
class TurnInfo:
    """The person and the view of this turn, plus what started it (a card's round id)."""

    actor: Actor
    view: CardView
    round_id: str | None = None
    agency: str | None = None


TURN_KEY = "twelvecs.turn"


def turn_info(context: TurnContext) -> TurnInfo:
    info = context.turn_state.get(TURN_KEY)
    if not isinstance(info, TurnInfo):
        raise RuntimeError("the bot did not set the turn info")
    return info
