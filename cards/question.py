"""The question card: one C at a time, with the whole rating scale visible while choosing.

The rating is not `isRequired`: `associatedInputs: "auto"` validates every input, so a
required rating would stop "Save and stop" from stopping. The bot checks the rating on
`ANSWER` instead (an empty one is refused and the card shown again).
"""

from __future__ import annotations

from typing import Any

from assessment.framework import NOT_SURE, Component, Framework
from assessment.model import MAX_TEXT, Answer, Response, Round
from cards import verbs
from cards.elements import (
    Card,
    Element,
    adaptive_card,
    column,
    columns,
    container,
    execute,
    heading,
    subtle,
    text,
)
from cards.labels import component_heading, rating_title
from messages import Catalogue


def build_question_card(
    cat: Catalogue,
    framework: Framework,
    round_: Round,
    response: Response,
    component_id: str,
    *,
    notice: str | None = None,
) -> Card:
    """The card for answering `component_id`, prefilled with any earlier answer to it."""
    component = framework.component(component_id)
    answer = response.answers.get(component_id)
    body = [subtle(notice, size="Small")] if notice else []
    body += _about(cat, framework, response, component)
    body += _scale(cat, framework)
    body += _inputs(cat, framework, answer)
    data = {"roundId": round_.id, "componentId": component_id, "rev": response.revision}
    return adaptive_card(body, _actions(cat, framework, response, component, data), full_width=True)


def _about(
    cat: Catalogue, framework: Framework, response: Response, component: Component
) -> list[Element]:
    total = len(framework.components)
    questions = "\n".join(
        cat.text("card.question.bullet", text=cat.text(f"c.{component.id}.q{n}"))
        for n in range(1, component.questions + 1)
    )
    return [
        subtle(cat.text("card.question.progress", number=component.number, total=total)),
        _progress_line(framework, response, component.id),
        heading(component_heading(cat, component)),
        subtle(cat.text(f"group.{component.group}"), spacing="None"),
        text(cat.text(f"c.{component.id}.description")),
        text(cat.text("card.question.think_about"), weight="Bolder"),
        text(questions, spacing="Small"),
    ]


def _progress_line(framework: Framework, response: Response, current: str) -> Element:
    """A thin bar of one cell a C: answered, current, still to do."""

    def style(component_id: str) -> str:
        if component_id == current:
            return "accent"
        return "good" if component_id in response.answers else "emphasis"

    cells = [column([], minHeight="6px", style=style(cid), spacing="None") for cid in framework.ids]
    return columns(*cells, spacing="Small")


def _scale(cat: Catalogue, framework: Framework) -> list[Element]:
    rows = [
        columns(
            column([text(str(level.value), weight="Bolder", size="Medium")], width="24px"),
            column([
                text(cat.text(
                    "card.scale.level",
                    label=cat.text(f"scale.{level.value}.label"),
                    definition=cat.text(f"scale.{level.value}.definition"),
                )),
                subtle(cat.text("card.scale.progress", progress=cat.text(
                    f"scale.{level.value}.progress")), size="Small", spacing="None"),
            ]),
            spacing="Small",
        )
        for level in framework.scale
    ]
    title = text(cat.text("card.question.scale"), weight="Bolder", separator=True)
    return [title, container(rows, spacing="Small")]


def _inputs(cat: Catalogue, framework: Framework, answer: Answer | None) -> list[Element]:
    values = [str(level.value) for level in framework.scale] + [NOT_SURE]
    rating: Element = {
        "type": "Input.ChoiceSet",
        "id": verbs.INPUT_RATING,
        "label": cat.text("card.question.rating_label"),
        "style": "expanded",
        "wrap": True,
        "choices": [{"title": rating_title(cat, v), "value": v} for v in values],
    }
    if answer is not None:
        rating["value"] = NOT_SURE if answer.rating is None else str(answer.rating)
    return [
        rating,
        text(cat.text("card.question.privacy"), size="Small", color="Attention"),
        _text_input(
            verbs.INPUT_EVIDENCE,
            cat.text("card.question.evidence_label"),
            cat.text("card.question.evidence_placeholder"),
            answer.evidence if answer else "",
        ),
        _text_input(
            verbs.INPUT_SUGGESTION,
            cat.text("card.question.suggestion_label"),
            cat.text("card.question.suggestion_placeholder"),
            answer.suggestion if answer else "",
        ),
    ]


def _text_input(input_id: str, label: str, placeholder: str, value: str) -> Element:
    element: Element = {
        "type": "Input.Text",
        "id": input_id,
        "label": label,
        "placeholder": placeholder,
        "isMultiline": True,
        "maxLength": MAX_TEXT,
    }
    if value:
        element["value"] = value
    return element


def _actions(
    cat: Catalogue,
    framework: Framework,
    response: Response,
    component: Component,
    data: dict[str, Any],
) -> list[Element]:
    """Save and next, Save and stop, Skip, Back: while editing from the review, Skip returns
    there and Back is left out (it would leave the review)."""
    editing = response.return_to_review
    last = component.number == len(framework.components)
    save = "card.action.save_review" if editing or last else "card.action.save_next"
    skip = "card.action.skip_to_review" if editing else "card.action.skip"
    actions = [
        execute(cat.text(save), verbs.ANSWER, data, inputs="auto", style="positive"),
        execute(cat.text("card.action.stop"), verbs.STOP, data, inputs="auto"),
        execute(cat.text(skip), verbs.SKIP, data),
    ]
    if component.number > 1 and not editing:
        actions.append(execute(cat.text("card.action.back"), verbs.BACK, data))
    return actions
