"""How an answer and a component are named on cards, shared by review and "my answers"."""

from __future__ import annotations

from assessment.framework import NOT_SURE, Component
from assessment.model import Answer
from messages import Catalogue


def component_heading(cat: Catalogue, component: Component) -> str:
    """`C4 · Capacity`."""
    return cat.text(
        "card.component.heading",
        number=component.number,
        title=cat.text(f"c.{component.id}.title"),
    )


def rating_title(cat: Catalogue, value: int | str) -> str:
    """`4 · Good` for a level, `Not sure` for NOT_SURE."""
    if value == NOT_SURE:
        return cat.text("scale.not_sure.label")
    return cat.text("card.rating.choice", value=value, label=cat.text(f"scale.{value}.label"))


def answer_label(cat: Catalogue, answer: Answer | None) -> str:
    """The rating given, "Not sure", or "Not answered" when the C was skipped or not reached."""
    if answer is None:
        return cat.text("card.answer.not_answered")
    return rating_title(cat, NOT_SURE if answer.rating is None else answer.rating)


def answered_count(answers: dict[str, Answer], ids: tuple[str, ...]) -> int:
    return sum(1 for component_id in ids if component_id in answers)
