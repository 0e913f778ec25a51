"""The summary's action prompts: most urgent first, each with what to do and a button for it.

Each prompt reads as a bold title ("Urgent action") over its text in the default colour:
coloured body text (amber on white) was hard to read. A prompt about a C's rating says how
many ratings it rests on. Teams shows only a handful of actions in one ActionSet, so each
prompt has its own ActionSet with its one button. The first `SHOWN` prompts are on the card;
the next `MORE` open under "Show N more" (Action.ToggleVisibility, whose button then reads
"Show fewer"), and any beyond that are counted, to keep the card small. A reminder just sent
is confirmed under its prompt's button.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from assessment.prompt_model import (
    ActionKind,
    Prompt,
    PromptKind,
    Severity,
    action_label,
    prompt_text,
)
from cards import verbs
from cards.dates import card_short_moment
from cards.elements import Element, action_set, container, execute, heading, subtle, text
from messages import Catalogue

SHOWN = 5
"""Prompts on the face of the card."""
MORE = 10
"""Further prompts behind "Show N more"."""

MORE_ID, SHOW_ID, FEWER_ID = "more-prompts", "show-more", "show-fewer"

_TITLE_COLOR = {Severity.URGENT: "Attention", Severity.HIGH: "Attention"}
_AGREED = "prompt.source.agreed"
_ABOUT_RATING = frozenset(
    {PromptKind.URGENT_ACTION, PromptKind.PRIORITY_ACTION, PromptKind.FELL_SINCE_PREVIOUS}
)


def prompts_section(
    cat: Catalogue,
    round_id: str,
    prompts: tuple[Prompt, ...],
    *,
    rated: Mapping[str, int] | None = None,
    reminded: Mapping[str, datetime] | None = None,
) -> list[Element]:
    """The heading, the first prompts, and the rest behind "Show N more".

    `rated`: ratings each C's figures rest on; `reminded`: agencies just reminded, and when."""
    items = [heading(cat.text("card.summary.prompts_title"), size="Medium")]
    if not prompts:
        return [*items, text(cat.text("card.summary.no_prompts"))]
    facts = _Facts(rated or {}, reminded or {})
    items += [_prompt(cat, round_id, p, facts) for p in prompts[:SHOWN]]
    rest = prompts[SHOWN:]
    if rest:
        items += _show_more(cat, round_id, rest, facts)
    return [container(items, separator=True, spacing="Large")]


@dataclass(frozen=True)
class _Facts:
    """What the card knows beside the prompts: ratings per C, agencies just reminded."""

    rated: Mapping[str, int]
    reminded: Mapping[str, datetime]


def _show_more(
    cat: Catalogue, round_id: str, rest: tuple[Prompt, ...], facts: _Facts
) -> list[Element]:
    body = [_prompt(cat, round_id, p, facts) for p in rest[:MORE]]
    if len(rest) > MORE:
        body.append(subtle(cat.text("card.summary.prompts_hidden", count=len(rest) - MORE)))
    targets = [MORE_ID, SHOW_ID, FEWER_ID]
    show = _toggle(cat.text("card.summary.more_prompts", count=len(rest)), targets)
    fewer = _toggle(cat.text("card.summary.fewer_prompts"), targets)
    return [
        container(body, id=MORE_ID, isVisible=False),
        action_set(show, id=SHOW_ID),
        action_set(fewer, id=FEWER_ID, isVisible=False),
    ]


def _toggle(title: str, targets: list[str]) -> Element:
    return {"type": "Action.ToggleVisibility", "title": title, "targetElements": targets}


def _prompt(cat: Catalogue, round_id: str, prompt: Prompt, facts: _Facts) -> Element:
    items = []
    title_id = f"card.prompt.title.{prompt.kind.value}"
    if cat.has(title_id):
        color = _TITLE_COLOR.get(prompt.severity, "Default")
        items.append(text(cat.text(title_id), weight="Bolder", color=color))
    items.append(text(prompt_text(prompt, cat), spacing="None" if items else "Default"))
    count = facts.rated.get(prompt.component_id or "")
    if prompt.kind in _ABOUT_RATING and count and prompt.refs.get("source") != _AGREED:
        items.append(subtle(cat.text("card.prompt.rests_on", count=count), size="Small"))
    button = prompt_button(cat, round_id, prompt)
    if button is not None:
        items.append(action_set(button, spacing="Small"))
    sent = facts.reminded.get(prompt.agency.value if prompt.agency else "")
    if sent is not None and prompt.agency is not None:
        agency = cat.text(f"agency.{prompt.agency.value}")
        note = cat.text(
            "card.prompt.reminder_sent", agency=agency, date=card_short_moment(sent, cat.locale)
        )
        items.append(text(note, weight="Bolder", spacing="Small"))
    return container(items, separator=True)


def prompt_button(cat: Catalogue, round_id: str, prompt: Prompt) -> Element | None:
    """DETAIL for a C (look, or record the position there), REMIND for an agency."""
    action, label = prompt.action, action_label(prompt, cat)
    if action is None or label is None:
        return None
    if action.kind is ActionKind.REMIND and action.agency is not None:
        return execute(label, verbs.REMIND, {"roundId": round_id, "agency": action.agency.value})
    if action.component_id is None:
        return None
    data = {"roundId": round_id, "componentId": action.component_id}
    return execute(label, verbs.DETAIL, data)
