"""The rating scale as the question card shows it: what each level means, in full."""

from __future__ import annotations

from assessment.framework import Framework
from cards.elements import Element, column, columns, container, subtle, text
from messages import Catalogue


def scale_guide(cat: Catalogue, framework: Framework) -> list[Element]:
    """Every level's label, definition and 12Cs progress descriptor, to read while choosing."""
    rows = [_level(cat, level.value) for level in framework.scale]
    title = text(cat.text("card.question.scale"), weight="Bolder", separator=True)
    return [title, container(rows, spacing="Small")]


def _level(cat: Catalogue, value: int) -> Element:
    meaning = cat.text(
        "card.scale.level",
        label=cat.text(f"scale.{value}.label"),
        definition=cat.text(f"scale.{value}.definition"),
    )
    progress = cat.text("card.scale.progress", progress=cat.text(f"scale.{value}.progress"))
    return columns(
        column([text(str(value), weight="Bolder", size="Medium")], width="24px"),
        column([text(meaning), subtle(progress, size="Small", spacing="None")]),
        spacing="Small",
    )
