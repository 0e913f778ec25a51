"""The summary's action prompts: most urgent first, each with what to do and a button for it.

Teams shows only a handful of actions in one ActionSet, so each prompt has its own ActionSet
with its one button. The first `SHOWN` prompts are on the card; the next `MORE` open under a
"Show N more" (Action.ShowCard), and any beyond that are counted, to keep the card small.
"""

from __future__ import annotations

from assessment.prompt_model import ActionKind, Prompt, Severity, action_label, prompt_text
from cards import verbs
from cards.elements import Element, action_set, container, execute, heading, subtle, text
from messages import Catalogue

SHOWN = 5
"""Prompts on the face of the card."""
MORE = 20
"""Further prompts behind "Show N more"."""

_COLOR = {Severity.URGENT: "Attention", Severity.HIGH: "Warning"}


def prompts_section(cat: Catalogue, round_id: str, prompts: tuple[Prompt, ...]) -> list[Element]:
    """The heading, the first prompts, and the rest behind a ShowCard."""
    items = [heading(cat.text("card.summary.prompts_title"), size="Medium")]
    if not prompts:
        return [*items, text(cat.text("card.summary.no_prompts"))]
    items += [_prompt(cat, round_id, p) for p in prompts[:SHOWN]]
    rest = prompts[SHOWN:]
    if rest:
        items.append(action_set(_show_more(cat, round_id, rest)))
    return [container(items, separator=True, spacing="Large")]


def _show_more(cat: Catalogue, round_id: str, rest: tuple[Prompt, ...]) -> Element:
    body = [_prompt(cat, round_id, p) for p in rest[:MORE]]
    if len(rest) > MORE:
        body.append(subtle(cat.text("card.summary.prompts_hidden", count=len(rest) - MORE)))
    return {
        "type": "Action.ShowCard",
        "title": cat.text("card.summary.more_prompts", count=len(rest)),
        "card": {"type": "AdaptiveCard", "body": body},
    }


def _prompt(cat: Catalogue, round_id: str, prompt: Prompt) -> Element:
    items = [text(prompt_text(prompt, cat), color=_COLOR.get(prompt.severity, "Default"))]
    button = prompt_button(cat, round_id, prompt)
    if button is not None:
        items.append(action_set(button, spacing="Small"))
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
