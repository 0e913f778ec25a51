"""The action-status section of a C's detail card (issue 11): where the action stands in the
seed's cycle, who moved it when, and one button for the next step (with why only that one)."""

from __future__ import annotations

from assessment.action_status import NEXT, StatusChange
from assessment.position import AgreedPosition
from cards import verbs
from cards.elements import Element, action_set, card_date, container, execute, heading, text
from messages import Catalogue

STEPS_SHOWN = 4
"""Most recent status changes listed."""


def status_section(
    cat: Catalogue, round_id: str, component_id: str, position: AgreedPosition | None
) -> list[Element]:
    current = position.action_status if position is not None else None
    steps = position.status_history if position is not None else ()
    items: list[Element] = [heading(cat.text("card.status.title"), size="Medium")]
    if current is None:
        items.append(text(cat.text("card.status.none")))
    else:
        items.append(text(cat.text("card.status.now", status=cat.text(f"status.{current}"))))
        items += [_step(cat, s) for s in reversed(steps[-STEPS_SHOWN:])]
    following = NEXT[current]
    items.append(text(cat.text("card.status.cycle"), size="Small", isSubtle=True))
    label = cat.text("card.status.move", status=cat.text(f"status.{following}"))
    data = {"roundId": round_id, "componentId": component_id, "status": following.value}
    items.append(action_set(execute(label, verbs.ACTION_STATUS, data)))
    return [container(items, separator=True, spacing="Large")]


def _step(cat: Catalogue, step: StatusChange) -> Element:
    line = cat.text(
        "card.status.step",
        status=cat.text(f"status.{step.status}"),
        who=step.by_name or cat.text("card.detail.a_lead"),
        date=card_date(step.at),
    )
    return text(line, size="Small", spacing="Small")
