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
    body = _about(cat, framework, response, component)
    body += _inputs(cat, framework, prefill)
    body += [_notice(notice, alert)] if notice else []
    data = {"roundId": round_.id, "componentId": component_id, "rev": response.revision}
    return adaptive_card(body, _actions(cat, framework, response, component, data), full_width=True)


NOTICE_ID = "notice"
"""Id of the bot's feedback, the last thing before the buttons."""


def _notice(notice: str, alert: bool) -> Element:
    if alert:
        return plain(notice, color="Attention", weight="Bolder", id=NOTICE_ID, separator=True)
    return plain(notice, weight="Bolder", id=NOTICE_ID, separator=True)


def _about(
    cat: Catalogue, framework: Framework, response: Response, component: Component
) -> list[Element]:
    total = len(framework.components)
    questions = "\n".join(
        cat.text("card.question.bullet", text=cat.text(f"c.{component.id}.q{n}"))
        for n in range(1, component.questions + 1)
    )
    progress = cat.text(
        "card.question.progress",
        number=component.number,
        total=total,
        answered=answered_count(response.answers, framework.ids),
    )
    group = cat.text(f"group.{component.group}")
    return [
        subtle(cat.text("card.question.progress_group", progress=progress, group=group)),
        heading(component_heading(cat, component), size="Medium"),
        text(cat.text(f"c.{component.id}.description"), spacing="Small"),
        *one_tap_away(
            cat.text("card.question.think_about"),
            THINK_ID,
            [text(questions, spacing="Small")],
        ),
        *one_tap_away(
            cat.text("card.question.in_practice"), PRACTICE_ID, progress_guide(cat, framework)
        ),
    ]


THINK_ID = "think-about"
PRACTICE_ID = "in-practice"


def one_tap_away(title: str, target: str, items: list[Element]) -> list[Element]:
    """A button that shows or hides `items` in place (hidden at first)."""
    toggle = {"type": "Action.ToggleVisibility", "title": title, "targetElements": [target]}
    return [
        action_set(toggle, spacing="Small"),
        container(items, id=target, isVisible=False, spacing="Small"),
    ]


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
        text(cat.text("card.question.privacy"), size="Small", weight="Bolder"),
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
        element["value"] = value[:MAX_TEXT]
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
