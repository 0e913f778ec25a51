"""Reminder cards the bot sends on its own (issue 11). Every one says why it was sent and how
to stop these reminders, and carries the button that does the next thing."""

from __future__ import annotations

from assessment.model import Round
from cards import verbs
from cards.elements import Card, adaptive_card, execute, plain, subtle, text
from messages import Catalogue


def build_idle_reminder_card(
    cat: Catalogue, round_: Round, *, last_answered: str, idle_days: int
) -> Card:
    """To a practitioner whose response is unfinished: Resume, or stop these reminders."""
    body = [
        subtle(cat.text("card.reminder.kicker")),
        plain(round_.title, size="Large", weight="Bolder"),
        text(cat.text("card.reminder.idle", date=last_answered)),
        subtle(cat.text("card.reminder.idle_why", days=idle_days), size="Small"),
        subtle(cat.text("card.reminder.how_to_stop"), size="Small"),
    ]
    actions = [
        execute(
            cat.text("card.reminder.resume"), verbs.RESUME, {"roundId": round_.id},
            style="positive",
        ),
        execute(cat.text("card.reminder.stop"), verbs.STOP_REMINDERS, {}),
    ]
    return adaptive_card(body, actions)
