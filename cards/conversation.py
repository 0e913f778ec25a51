"""Cards for the conversation around the assessment: short notices, welcome, help."""

from __future__ import annotations

from cards import elements as el
from cards.elements import Card, Element, adaptive_card, heading
from messages import Catalogue

PERSONAL = "personal"

_PERSONAL_COMMANDS = (
    ("card.help.start", "card.help.start.about"),
    ("card.help.resume", "card.help.resume.about"),
    ("card.help.my_answers", "card.help.my_answers.about"),
    ("card.help.delete", "card.help.delete.about"),
    ("card.help.stop_reminders", "card.help.stop_reminders.about"),
    ("card.help.language", "card.help.language.about"),
    ("card.help.help", "card.help.help.about"),
)
_CHANNEL_COMMANDS = (
    ("card.help.open_round", "card.help.open_round.about"),
    ("card.help.open_round_closes", "card.help.open_round_closes.about"),
    ("card.help.close_round", "card.help.close_round.about"),
    ("card.help.summary", "card.help.summary.about"),
    ("card.help.agencies", "card.help.agencies.about"),
    ("card.help.report", "card.help.report.about"),
    ("card.help.language", "card.help.language.shared_about"),
    ("card.help.help", "card.help.help.about"),
)


def build_notice_card(
    cat: Catalogue, text: str, *, title: str | None = None, actions: list[Element] | None = None
) -> Card:
    """A small reply ("Saved. Say resume to carry on."), also used as an invoke answer."""
    body = [heading(title, size="Medium")] if title else []
    body.append(el.text(text))
    return adaptive_card(body, actions)


def build_welcome_card(cat: Catalogue, scope: str) -> Card:
    """Sent when the bot is added: what it is for, how to begin, and what not to type."""
    if scope == PERSONAL:
        how = [el.text(cat.text("card.welcome.personal_start"))]
        help_hint = cat.text("card.welcome.help_personal")
    else:
        how = [
            el.text(cat.text("card.welcome.lead_start")),
            el.text(cat.text("card.welcome.practitioner_start")),
        ]
        help_hint = cat.text("card.welcome.help_channel")
    body = [
        heading(cat.text("card.welcome.title"), size="Medium"),
        el.text(cat.text("card.welcome.what")),
        *how,
        el.text(cat.text("card.welcome.no_personal"), weight="Bolder"),
        el.subtle(help_hint),
    ]
    return adaptive_card(body)


def build_help_card(cat: Catalogue, scope: str) -> Card:
    """The commands that work where the person is asking (1:1 chat, or a channel/group chat)."""
    personal = scope == PERSONAL
    commands = _PERSONAL_COMMANDS if personal else _CHANNEL_COMMANDS
    facts = [{"title": cat.text(name), "value": cat.text(about)} for name, about in commands]
    body = [heading(cat.text("card.help.title"), size="Medium")]
    if not personal:
        body.append(el.text(cat.text("card.help.mention")))
    body.append({"type": "FactSet", "facts": facts})
    return adaptive_card(body)
