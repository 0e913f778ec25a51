"""The agreed-position form: the fields of the 12Cs self-assessment template, with its guidance.

Shared by the C detail card and the stale-form card. Nothing is `isRequired`: a partnership
fills the template in over several meetings, and the domain checks what is sent
(`assessment.position_form`). Input ids are in `cards.verbs`; values arrive as strings.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.framework import Framework
from assessment.model import Round
from assessment.position import (
    MAX_ACTION_PLAN,
    MAX_NARRATIVE,
    MAX_OWNER,
    MAX_STAKEHOLDERS,
    PositionFields,
    Timeframe,
)
from cards import verbs
from cards.elements import Element, execute, heading, subtle, text
from cards.labels import rating_title
from messages import Catalogue

BLANK = " "
"""The value of the "not agreed yet" / "not set" choices: the SDK refuses an empty choice value,
and the domain reads a blank (after trimming) as "cleared"."""
TEXT_FIELDS: tuple[tuple[str, str, int, bool], ...] = (
    ("evidence", verbs.INPUT_POSITION_EVIDENCE, MAX_NARRATIVE, True),
    ("accountability", verbs.INPUT_ACCOUNTABILITY, MAX_OWNER, False),
    ("stakeholders", verbs.INPUT_STAKEHOLDERS, MAX_STAKEHOLDERS, True),
    ("action_plan", verbs.INPUT_ACTION_PLAN, MAX_ACTION_PLAN, True),
)
"""(field name, input id, most characters, multiline), in the template's order."""
INPUT_OF = {
    "score": verbs.INPUT_SCORE,
    **{name: input_id for name, input_id, _, _ in TEXT_FIELDS},
    "timeframe": verbs.INPUT_TIMEFRAME,
}
"""Position field name -> input id (review dates have one input each)."""


def prefill_of(agreed: PositionFields) -> dict[str, str]:
    """What the form shows for a stored position, by input id."""
    values = {INPUT_OF[name]: str(getattr(agreed, name) or "") for name in INPUT_OF}
    for input_id, day in zip(verbs.INPUT_REVIEW_DATES, agreed.review_dates, strict=False):
        values[input_id] = day.isoformat()
    return values


def position_form(
    cat: Catalogue,
    framework: Framework,
    round_: Round,
    prefill: Mapping[str, str],
) -> list[Element]:
    """Title, guidance and every input, prefilled from `prefill` (input id -> text)."""
    body = [
        {**heading(cat.text("card.position.title"), size="Medium"), "separator": True},
        subtle(cat.text("card.position.intro")),
        _score(cat, framework, prefill.get(verbs.INPUT_SCORE, "")),
        _guide(cat, "score"),
    ]
    for name, input_id, limit, multiline in TEXT_FIELDS:
        body += _text_field(cat, name, input_id, limit, multiline, prefill.get(input_id, ""))
    body += [_timeframe(cat, prefill.get(verbs.INPUT_TIMEFRAME, "")), _guide(cat, "timeframe")]
    body += _review_dates(cat, round_, prefill)
    return body


def form_actions(cat: Catalogue, round_id: str, component_id: str, rev: int) -> list[Element]:
    """Save (sends every input) and back to the summary (sends none)."""
    data = {"roundId": round_id, "componentId": component_id, "rev": rev}
    save = execute(cat.text("card.position.save"), verbs.POSITION, data, inputs="auto")
    back = execute(cat.text("card.position.back"), verbs.SUMMARY, {"roundId": round_id})
    save["style"] = save["fallback"]["style"] = "positive"
    return [save, back]


def _score(cat: Catalogue, framework: Framework, value: str) -> Element:
    choices = [{"title": cat.text("card.position.no_score"), "value": BLANK}]
    choices += [
        {"title": rating_title(cat, level.value), "value": str(level.value)}
        for level in framework.scale
    ]
    return _choices(verbs.INPUT_SCORE, cat.text("position.field.score"), choices, value)


def _timeframe(cat: Catalogue, value: str) -> Element:
    choices = [{"title": cat.text("card.position.no_timeframe"), "value": BLANK}]
    choices += [{"title": cat.text(f"timeframe.{t.value}"), "value": t.value} for t in Timeframe]
    return _choices(verbs.INPUT_TIMEFRAME, cat.text("position.field.timeframe"), choices, value)


def _choices(input_id: str, label: str, choices: list[dict[str, str]], value: str) -> Element:
    element: Element = {
        "type": "Input.ChoiceSet",
        "id": input_id,
        "label": label,
        "style": "compact",
        "choices": choices,
        "value": value if value in {c["value"] for c in choices} else BLANK,
    }
    return element


def _text_field(
    cat: Catalogue, name: str, input_id: str, limit: int, multiline: bool, value: str
) -> list[Element]:
    element: Element = {
        "type": "Input.Text",
        "id": input_id,
        "label": cat.text(f"position.field.{name}"),
        "isMultiline": multiline,
        "maxLength": limit,
    }
    if value:
        element["value"] = value[:limit]
    return [element, _guide(cat, name)]


def _review_dates(cat: Catalogue, round_: Round, prefill: Mapping[str, str]) -> list[Element]:
    """Up to three review points, none before the round opened (the domain checks it too)."""
    opened = round_.opened_at.date().isoformat()
    body: list[Element] = [
        text(cat.text("position.field.review_dates"), weight="Bolder"),
        _guide(cat, "review_dates"),
    ]
    for number, input_id in enumerate(verbs.INPUT_REVIEW_DATES, start=1):
        element: Element = {
            "type": "Input.Date",
            "id": input_id,
            "label": cat.text("card.position.review_date", number=number),
            "min": opened,
        }
        if prefill.get(input_id):
            element["value"] = prefill[input_id]
        body.append(element)
    return body


def _guide(cat: Catalogue, name: str) -> Element:
    """The template's own question for the field, under it."""
    return subtle(cat.text(f"card.position.guide.{name}"), size="Small", spacing="Small")
