"""Reminder cards the bot sends on its own (issue 11). Every one says why it was sent and how
to stop these reminders, and carries the button that does the next thing."""

from __future__ import annotations

from assessment.action_status import NEXT
from assessment.framework import Framework
from assessment.model import Round
from assessment.position import AgreedPosition
from cards import verbs
from cards.elements import Card, adaptive_card, execute, plain, subtle, text
from cards.labels import component_heading
from messages import Catalogue


def build_idle_reminder_card(
    cat: Catalogue, round_: Round, *, last_answered: str, idle_days: int
) -> Card:
    """To a practitioner whose response is unfinished: Resume, or stop these reminders."""
    return _practitioner_reminder(
        cat, round_,
        said=cat.text("card.reminder.idle", date=last_answered),
        why=cat.text("card.reminder.idle_why", days=idle_days),
        button=cat.text("card.reminder.resume"), verb=verbs.RESUME,
    )


def build_review_card(
    cat: Catalogue,
    framework: Framework,
    round_: Round,
    position: AgreedPosition,
    *,
    review: str,
    owner: bool,
) -> Card:
    """A C's review date has arrived: the C, its action plan and status, and buttons to record
    the review (the cycle's next step), or open the C to change the status or set the next
    review date."""
    component = framework.component(position.component_id)
    status = position.action_status
    status_text = cat.text(f"status.{status}") if status else cat.text("card.review_due.no_status")
    facts = [
        {"title": cat.text("position.field.action_plan"),
         "value": position.agreed.action_plan or cat.text("card.review_due.none")},
        {"title": cat.text("position.field.accountability"),
         "value": position.agreed.accountability or cat.text("card.review_due.none")},
        {"title": cat.text("card.status.title"), "value": status_text},
    ]
    body = [
        subtle(cat.text("card.reminder.kicker")),
        plain(component_heading(cat, component), size="Large", weight="Bolder"),
        text(cat.text("card.review_due.what", date=review, title=round_.title)),
        {"type": "FactSet", "facts": facts},
        subtle(cat.text("card.review_due.why_owner" if owner else "card.review_due.why_lead"),
               size="Small"),
        subtle(cat.text("card.reminder.how_to_stop_lead"), size="Small"),
    ]
    following = NEXT[status]
    ids = {"roundId": round_.id, "componentId": position.component_id}
    actions = [
        execute(
            cat.text("card.status.move", status=cat.text(f"status.{following}")),
            verbs.ACTION_STATUS, {**ids, "status": following.value}, style="positive",
        ),
        execute(cat.text("card.review_due.open"), verbs.DETAIL, ids),
    ]
    return adaptive_card(body, actions)


def build_start_reminder_card(cat: Catalogue, round_: Round) -> Card:
    """To a member who has not started, after a lead pressed Remind: Start, or stop these."""
    return _practitioner_reminder(
        cat, round_,
        said=cat.text("card.reminder.not_started"),
        why=cat.text("card.reminder.not_started_why"),
        button=cat.text("card.reminder.start"), verb=verbs.START,
    )


def _practitioner_reminder(
    cat: Catalogue, round_: Round, *, said: str, why: str, button: str, verb: str
) -> Card:
    """A practitioner's reminder: the round, what is asked and why, the button that does it
    for this round, and the one that stops these reminders."""
    body = [
        subtle(cat.text("card.reminder.kicker")),
        plain(round_.title, size="Large", weight="Bolder"),
        text(said),
        subtle(why, size="Small"),
        subtle(cat.text("card.reminder.how_to_stop"), size="Small"),
    ]
    actions = [
        execute(button, verb, {"roundId": round_.id}, style="positive"),
        execute(cat.text("card.reminder.stop"), verbs.STOP_REMINDERS, {}),
    ]
    return adaptive_card(body, actions)


def with_notice(card: Card, notice: str | None) -> Card:
    """The card with a bold line on top (e.g. "Reminder sent to 4 people on …")."""
    if not notice:
        return card
    return {**card, "body": [text(notice, weight="Bolder"), *card.get("body", [])]}
