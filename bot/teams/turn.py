"""One turn as the flows see it: the botbuilder context, where to answer, where it happened
and who asked — passed along together instead of as four arguments."""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext

from assessment.model import Actor
from bot.teams.identity import Place
from bot.teams.presenter import Presenter


@dataclass(frozen=True)
class Turn:
    context: TurnContext
    presenter: Presenter
    place: Place
    actor: Actor
