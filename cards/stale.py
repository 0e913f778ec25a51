"""Another lead saved this C after the form was opened: show both sides, lose neither.

For each field both changed, the card shows what is saved now and what this lead typed (in
full: this card is the only place it still exists). The form comes back at the current
revision, holding what is saved now plus this lead's changes wherever nobody else touched
the field, so pressing Save keeps everyone's work except where the lead must choose.
"""

from __future__ import annotations

from datetime import date

from assessment.detail import ComponentDetail
from assessment.framework import Framework
from assessment.model import Round
from assessment.position import POSITION_FIELDS, FieldValue, Timeframe
from assessment.position_errors import StaleForm
from cards.comments import excerpt
from cards.detail import component_header, field_names, history, who
from cards.elements import Card, Element, adaptive_card, card_date, container, plain, subtle, text
from cards.figures import card_day
from cards.labels import rating_title
from cards.position_form import INPUT_OF, form_actions, position_form, prefill_of
from cards.verbs import INPUT_REVIEW_DATES
from messages import Catalogue


def build_stale_position_card(
    cat: Catalogue, framework: Framework, round_: Round, detail: ComponentDetail, stale: StaleForm
) -> Card:
    cid = detail.summary.component_id
    body = [text(cat.text(stale.message_id), weight="Bolder", color="Attention")]
    body += component_header(cat, framework, round_, cid)[:2]
    body += [_their_saves(cat, stale), *_conflicts(cat, stale)]
    body.append(text(cat.text("card.position.choose"), weight="Bolder", separator=True))
    body += position_form(cat, framework, round_, merged_prefill(stale))
    body += history(cat, stale.current)
    actions = form_actions(cat, round_.id, cid, stale.current.revision)
    return adaptive_card(body, actions, full_width=True)


def merged_prefill(stale: StaleForm) -> dict[str, str]:
    """What is saved now, with this lead's changes to fields nobody else changed."""
    values = prefill_of(stale.current.agreed)
    for change in stale.yours:
        if change.field in stale.conflicts:
            continue
        if change.field == "review_dates":
            dates = change.new if isinstance(change.new, tuple) else ()
            for index, input_id in enumerate(INPUT_REVIEW_DATES):
                values[input_id] = dates[index] if index < len(dates) else ""
        else:
            values[INPUT_OF[change.field]] = "" if change.new is None else str(change.new)
    return values


def _their_saves(cat: Catalogue, stale: StaleForm) -> Element:
    lines = [
        text(
            cat.text(
                "card.position.saved_since",
                who=who(cat, c),
                fields=field_names(cat, c.field_names),
                date=card_date(c.at, cat.locale),
            ),
            spacing="Small",
        )
        for c in stale.theirs
    ]
    return container(lines, separator=True)


def _conflicts(cat: Catalogue, stale: StaleForm) -> list[Element]:
    yours = {c.field: c.new for c in stale.yours}
    return [
        _conflict(cat, name, stale.current.agreed.value(name), yours.get(name))
        for name in POSITION_FIELDS
        if name in stale.conflicts
    ]


def _conflict(cat: Catalogue, name: str, now: FieldValue, yours: FieldValue) -> Element:
    """What is saved now (also in the form below) and what this lead typed, in full."""
    return container(
        [
            text(cat.text(f"position.field.{name}"), weight="Bolder"),
            subtle(cat.text("card.position.saved_now"), size="Small", spacing="Small"),
            plain(excerpt(value_text(cat, name, now)), spacing="None"),
            subtle(cat.text("card.position.yours"), size="Small", spacing="Small"),
            plain(value_text(cat, name, yours), spacing="None", color="Accent"),
        ],
        separator=True,
    )


def value_text(cat: Catalogue, name: str, value: FieldValue) -> str:
    """A field's stored (JSON) value as a lead reads it."""
    if value is None or value == "" or value == ():
        return cat.text("card.position.empty")
    if isinstance(value, int):
        return rating_title(cat, value)
    if isinstance(value, tuple):
        return ", ".join(card_day(date.fromisoformat(d), cat.locale) for d in value)
    if name == "timeframe" and value in set(Timeframe):
        return cat.text(f"timeframe.{value}")
    return value
