"""The question card: one C at a time, short enough to see whole on a laptop screen.

Each choice carries its level's label and one-line meaning; the guiding questions and the
12Cs progress descriptors are one tap away (Action.ToggleVisibility), not repeated in full on
all twelve cards. What the bot has to say (saved, refused, what next) sits just above the
buttons, where the person's eye is after pressing one.

The rating is not `isRequired`: `associatedInputs: "auto"` validates every input, so a
required rating would stop "Save and stop" from stopping. The bot checks the rating on
`ANSWER` instead: an empty one is refused and the card shown again with the person's
`draft` (what they submitted), so nothing they typed is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessment.framework import NOT_SURE, Component, Framework
from assessment.model import MAX_TEXT, Answer, Response, Round
from cards import verbs
from cards.elements import (
    Card,
    Element,
    action_set,
    adaptive_card,
    column,
    columns,
    container,
    execute,
    heading,
    plain,
    subtle,
    text,
)
from cards.labels import answered_count, component_heading
from cards.scale import choice_title, progress_guide
from messages import Catalogue


def build_question_card(
    cat: Catalogue,
    framework: Framework,
    round_: Round,
    response: Response,
    component_id: str,
    *,
    notice: str | None = None,
    draft: Mapping[str, str] | None = None,
    alert: bool = False,
) -> Card:
    """The card for answering `component_id`, prefilled with `draft` (the inputs of a refused
    submission, by input id) or else with any earlier answer to it.

    With `alert` the notice says why a submission was refused: it stands out, and it is shown
    as plain text because it may quote what the person typed (never read as Markdown)."""
    component = framework.component(component_id)
    prefill = _prefill(response.answers.get(component_id), draft)
    data = {"roundId": round_.id, "componentId": component_id, "rev": response.revision}
    body = _about(cat, framework, response, component, _back(cat, response, component, data))
    body += _inputs(cat, framework, prefill)
    body += [_notice(notice, alert)] if notice else []
    return adaptive_card(body, _actions(cat, framework, response, component, data), full_width=True)


NOTICE_ID = "notice"
"""Id of the bot's feedback, the last thing before the buttons."""


def _notice(notice: str, alert: bool) -> Element:
    if alert:
        return plain(notice, color="Attention", weight="Bolder", id=NOTICE_ID, separator=True)
    return plain(notice, weight="Bolder", id=NOTICE_ID, separator=True)


def _about(
    cat: Catalogue,
    framework: Framework,
    response: Response,
    component: Component,
    back: Element | None,
) -> list[Element]:
    total = len(framework.components)
    questions = "\n".join(
        cat.text("card.question.bullet", text=cat.text(f"c.{component.id}.q{n}"))
        for n in range(1, component.questions + 1)
    )
    progress = subtle(
        cat.text(
            "card.question.progress",
            number=component.number,
            total=total,
            answered=answered_count(response.answers, framework.ids),
        )
    )
    top = progress
    if back is not None:  # Back sits by where the person is in the walk, not among the saves
        top = columns(
            column([progress], verticalContentAlignment="Center"),
            column([action_set(back)], width="auto"),
        )
    think = [
        subtle(cat.text(f"group.{component.group}"), size="Small"),
        text(questions, spacing="Small"),
    ]
    toggles = action_set(
        _toggle(cat.text("card.question.think_about"), THINK_ID),
        _toggle(cat.text("card.question.in_practice"), PRACTICE_ID),
        spacing="Small",
    )
    return [
        top,
        heading(component_heading(cat, component), size="Medium", spacing="Small"),
        text(cat.text(f"c.{component.id}.description"), spacing="Small"),
        toggles,
        container(think, id=THINK_ID, isVisible=False, spacing="Small"),
        container(progress_guide(cat, framework), id=PRACTICE_ID, isVisible=False),
    ]


def _toggle(title: str, target: str) -> Element:
    """Shows or hides `target` in place (hidden at first): one tap away, not in the way."""
    return {"type": "Action.ToggleVisibility", "title": title, "targetElements": [target]}


THINK_ID = "think-about"
PRACTICE_ID = "in-practice"


def _prefill(answer: Answer | None, draft: Mapping[str, str] | None) -> dict[str, str]:
    fields = (verbs.INPUT_RATING, verbs.INPUT_EVIDENCE, verbs.INPUT_SUGGESTION)
    if draft is not None:
        return {field: str(draft.get(field, "")) for field in fields}
    if answer is None:
        return {}
    rating = NOT_SURE if answer.rating is None else str(answer.rating)
    return dict(zip(fields, (rating, answer.evidence, answer.suggestion), strict=True))


def _inputs(cat: Catalogue, framework: Framework, prefill: dict[str, str]) -> list[Element]:
    values = [str(level.value) for level in framework.scale] + [NOT_SURE]
    rating: Element = {
        "type": "Input.ChoiceSet",
        "id": verbs.INPUT_RATING,
        "label": cat.text("card.question.rating_label"),
        "style": "expanded",
        "wrap": True,
        "choices": [{"title": choice_title(cat, v), "value": v} for v in values],
    }
    if prefill.get(verbs.INPUT_RATING, "").strip() in values:
        rating["value"] = prefill[verbs.INPUT_RATING].strip()
    return [
        rating,
        text(cat.text("card.question.privacy"), size="Small", spacing="Small"),
        _text_input(
            verbs.INPUT_EVIDENCE,
            cat.text("card.question.evidence_label"),
            cat.text("card.question.evidence_placeholder"),
            prefill.get(verbs.INPUT_EVIDENCE, ""),
        ),
        _text_input(
            verbs.INPUT_SUGGESTION,
            cat.text("card.question.suggestion_label"),
            cat.text("card.question.suggestion_placeholder"),
            prefill.get(verbs.INPUT_SUGGESTION, ""),
            multiline=False,  # one change, in a line: keeps the card on one screen
        ),
    ]


def _text_input(
    input_id: str, label: str, placeholder: str, value: str, *, multiline: bool = True
) -> Element:
    element: Element = {
        "type": "Input.Text",
        "spacing": "Small",
        "id": input_id,
        "label": label,
        "placeholder": placeholder,
        "isMultiline": multiline,
        "maxLength": MAX_TEXT,
    }
    if value:
        element["value"] = value[:MAX_TEXT]
    return element


def _actions(
    cat: Catalogue,
    framework: Framework,
    response: Response,
    component: Component,
    data: dict[str, Any],
) -> list[Element]:
    """Save and next, Save and stop, Skip: while editing from the review, Skip returns there."""
    editing = response.return_to_review
    last = component.number == len(framework.components)
    save = "card.action.save_review" if editing or last else "card.action.save_next"
    skip = "card.action.skip_to_review" if editing else "card.action.skip"
    return [
        execute(cat.text(save), verbs.ANSWER, data, inputs="auto", style="positive"),
        execute(cat.text("card.action.stop"), verbs.STOP, data, inputs="auto"),
        execute(cat.text(skip), verbs.SKIP, data),
    ]


def _back(
    cat: Catalogue, response: Response, component: Component, data: dict[str, Any]
) -> Element | None:
    """Back to the previous C; none on C1, nor while editing from the review (it would
    leave the review)."""
    if component.number == 1 or response.return_to_review:
        return None
    return execute(cat.text("card.action.back"), verbs.BACK, data)
