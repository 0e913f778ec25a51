"""What the follow-through use cases share (issue 11): the store they run on, who the audit
log says acted when the bot acts on its own, and whom the bot may write to."""

from __future__ import annotations

from typing import Protocol

from assessment.followup_ports import FollowUpStore
from assessment.model import Person, Round
from assessment.ports import Store
from assessment.position_ports import PositionStore

BOT_ACTOR = "twelvecs"
"""Who the audit log says sent a reminder the bot sent on its own."""


class FollowUpBackend(Store, PositionStore, FollowUpStore, Protocol):
    """The store follow-through runs on."""


def tenant_of(round_: Round) -> str:
    """The round's tenant: the first part of its partnership id (`Partnership.make_id`)."""
    return round_.partnership_id.split("/", 1)[0]


def reachable(person: Person) -> bool:
    """Whether the bot may and can write to the person on its own."""
    return person.conversation is not None and not person.reminders_stopped and not person.chat_dead
