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


def build_help_card(cat: Catalogue, scope: str, *, leads: bool = False) -> Card:
    """The commands that work where the person is asking, for who they are: in a 1:1 chat a
    practitioner's commands (and a lead's, for someone who leads a round); in a channel or
    group chat what everyone can say, then what leads can say."""
    sections: list[tuple[str, tuple[tuple[str, str], ...]]]
    if scope == PERSONAL:
        sections = [("card.help.for_you", _PERSONAL_COMMANDS)]
        if leads:
            sections.append(("card.help.for_leads", _PERSONAL_LEAD_COMMANDS))
    else:
        sections = [
            ("card.help.for_everyone", _CHANNEL_EVERYONE_COMMANDS),
            ("card.help.for_leads", _CHANNEL_LEAD_COMMANDS),
        ]
    body = [heading(cat.text("card.help.title"), size="Medium")]
    if scope != PERSONAL:
        body.append(el.text(cat.text("card.help.mention")))
    for title, commands in sections:
        facts = [{"title": cat.text(name), "value": cat.text(about)} for name, about in commands]
        body.append(el.text(cat.text(title), weight="Bolder", separator=True))
        body.append({"type": "FactSet", "facts": facts, "spacing": "Small"})
    return adaptive_card(body)


# -- help that fits the person and the place ----------------------------------------------------

_PERSONAL_LEAD_COMMANDS = (
    ("card.help.summary", "card.help.summary_personal.about"),
    ("card.help.summary_c", "card.help.summary_c.about"),
    ("card.help.report", "card.help.report.about"),
)
_CHANNEL_EVERYONE_COMMANDS = (
    ("card.help.start", "card.help.start_channel.about"),
    ("card.help.help", "card.help.help.about"),
)
_CHANNEL_LEAD_COMMANDS = (
    ("card.help.open_round", "card.help.open_round.about"),
    ("card.help.open_round_named", "card.help.open_round_named.about"),
    ("card.help.open_round_closes", "card.help.open_round_closes.about"),
    ("card.help.close_round", "card.help.close_round.about"),
    ("card.help.summary", "card.help.summary.about"),
    ("card.help.summary_c", "card.help.summary_c.about"),
    ("card.help.agencies", "card.help.agencies.about"),
    ("card.help.report", "card.help.report.about"),
    ("card.help.add_lead", "card.help.add_lead.about"),
    ("card.help.language", "card.help.language.shared_about"),
)
