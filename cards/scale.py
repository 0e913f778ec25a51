"""The parts of the question card that show where a person is and what each rating means."""

from __future__ import annotations

from assessment.framework import Framework
from assessment.model import Response
from cards.elements import Element, column, columns, container, subtle, text
from messages import Catalogue


def progress_line(framework: Framework, response: Response, current: str) -> Element:
    """A thin bar of one cell a C: answered, current, still to do."""

    def style(component_id: str) -> str:
        if component_id == current:
            return "accent"
        return "good" if component_id in response.answers else "emphasis"

    cells = [column([], minHeight="6px", style=style(cid), spacing="None") for cid in framework.ids]
    return columns(*cells, spacing="Small")


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
