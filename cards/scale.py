"""The rating scale as the question card shows it: each choice with its meaning, and the
12Cs progress descriptors one tap away."""

from __future__ import annotations

from assessment.framework import NOT_SURE, Framework
from cards.elements import Element, column, columns, container, subtle, text
from messages import Catalogue


def choice_title(cat: Catalogue, value: str) -> str:
    """`4 · Good: Important strengths, with some areas for improvement`; `Not sure: …`."""
    if value == NOT_SURE:
        return cat.text("card.question.not_sure_choice", label=cat.text("scale.not_sure.label"))
    return cat.text(
        "card.question.choice",
        value=value,
        label=cat.text(f"scale.{value}.label"),
        definition=cat.text(f"scale.{value}.definition"),
    )


def progress_guide(cat: Catalogue, framework: Framework) -> list[Element]:
    """What each level looks like in practice (the 12Cs progress descriptors)."""
    rows = [_level(cat, level.value) for level in framework.scale]
    return [container(rows, spacing="None")]


def _level(cat: Catalogue, value: int) -> Element:
    label = cat.text("card.rating.choice", value=value, label=cat.text(f"scale.{value}.label"))
    progress = cat.text(f"scale.{value}.progress")
    return columns(
        column([text(label, weight="Bolder", size="Small")], width="110px"),
        column([subtle(progress, size="Small")]),
        spacing="Small",
    )
