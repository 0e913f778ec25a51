"""One C in detail for a lead (`summary C4`, or a button on the summary), with the form.

Figures overall, by shown agency group and for the previous round; what people said; the
agreed-position form; and who changed the position when. Names appear only on comments,
only when `show_names` (a named round, shown to its leads).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assessment.anonymity import OTHER_AGENCIES
from assessment.detail import ComponentDetail
from assessment.framework import Framework
from assessment.model import Round
from assessment.position import POSITION_FIELDS, AgreedPosition, PositionChange
from assessment.progression import RoundPoint
from cards.action_status import status_section
from cards.comments import comments_section
from cards.elements import (
    Card,
    Element,
    adaptive_card,
    card_date,
    container,
    heading,
    plain,
    subtle,
    text,
)
from cards.figures import SEP, basis_text, change_text, figures_line
from cards.labels import component_heading
from cards.position_form import form_actions, position_form, prefill_of
from cards.progression import progression_section
from messages import Catalogue

HISTORY_SHOWN = 5
"""Most recent changes listed under the form."""


def build_detail_card(
    cat: Catalogue,
    framework: Framework,
    round_: Round,
    detail: ComponentDetail,
    *,
    show_names: bool,
    notice: str | None = None,
    draft: Mapping[str, str] | None = None,
    opened_revision: int | None = None,
    progress: Sequence[RoundPoint] = (),
) -> Card:
    """The C, what people said, and the form prefilled from `draft` (a refused submission,
    by input id; keep its `opened_revision` then) or else from the stored position."""
    cid = detail.summary.component_id
    stored = detail.position
    prefill = dict(draft) if draft is not None else prefill_of(stored.agreed) if stored else {}
    rev = opened_revision if opened_revision is not None else stored.revision if stored else 0
    body = [text(notice, weight="Bolder")] if notice else []
    body += component_header(cat, framework, round_, cid)
    body += _figures(cat, detail)
    body += progression_section(cat, progress)
    body += comments_section(cat, detail.comments, show_names=show_names)
    body += carried_note(cat, stored)
    body += position_form(cat, framework, round_, prefill)
    body += history(cat, stored)
    body += status_section(cat, round_.id, cid, stored)
    return adaptive_card(body, form_actions(cat, round_.id, cid, rev), full_width=True)


def component_header(
    cat: Catalogue, framework: Framework, round_: Round, component_id: str
) -> list[Element]:
    component = framework.component(component_id)
    return [
        plain(round_.title, isSubtle=True),
        heading(component_heading(cat, component)),
        subtle(cat.text(f"group.{component.group}"), spacing="None"),
        text(cat.text(f"c.{component.id}.description")),
    ]


def _figures(cat: Catalogue, detail: ComponentDetail) -> list[Element]:
    facts = [{"title": cat.text("card.detail.all"), "value": figures_line(cat, detail.figures)}]
    groups = detail.by_agency
    only = groups[0] if len(groups) == 1 and groups[0].figures == detail.figures else None
    if only is None:  # one group holding every response would repeat "All responses"
        facts += [
            {"title": cat.text(f"agency.{a.agency}"), "value": figures_line(cat, a.figures)}
            for a in groups
        ]
    if detail.previous is not None:
        previous = figures_line(cat, detail.previous)
        change = change_text(cat, detail.summary.change)
        value = SEP.join([previous, change]) if change else previous
        facts.append({"title": cat.text("card.detail.previous"), "value": value})
    items = [heading(cat.text("card.detail.figures_title"), size="Medium")]
    basis = basis_text(cat, detail.basis)
    if basis:
        items.append(text(basis, size="Small", spacing="None"))
    items.append({"type": "FactSet", "facts": facts})
    if detail.unshown_responses:
        note = cat.text("card.detail.unshown", count=detail.unshown_responses)
        items.append(subtle(note, size="Small"))
    if only is not None:
        k = detail.basis.min_ratings
        note = (
            cat.text("card.summary.folded", k=k)
            if only.agency == OTHER_AGENCIES
            else cat.text("card.detail.one_group", group=cat.text(f"agency.{only.agency}"))
        )
        items.append(subtle(note, size="Small"))
    return [container(items, separator=True, spacing="Large")]


def history(cat: Catalogue, position: AgreedPosition | None) -> list[Element]:
    """The latest changes first: who (their name if Teams gave it), when, which fields."""
    changes = position.history if position is not None else ()
    if not changes:
        return []
    lines = [_change(cat, c) for c in reversed(changes[-HISTORY_SHOWN:])]
    items = [heading(cat.text("card.detail.history_title"), size="Medium"), *lines]
    if len(changes) > HISTORY_SHOWN:
        earlier = cat.text("card.detail.history_more", count=len(changes) - HISTORY_SHOWN)
        items.append(subtle(earlier, size="Small"))
    return [container(items, separator=True, spacing="Large")]


def _change(cat: Catalogue, change: PositionChange) -> Element:
    line = cat.text(
        "card.detail.history_entry",
        who=who(cat, change),
        fields=field_names(cat, change.field_names),
        date=card_date(change.at, cat.locale),
    )
    return text(line, size="Small", spacing="Small")


def who(cat: Catalogue, change: PositionChange) -> str:
    return change.by_name or cat.text("card.detail.a_lead")


def field_names(cat: Catalogue, names: frozenset[str]) -> str:
    """Field labels in the template's order."""
    return ", ".join(cat.text(f"position.field.{n}") for n in POSITION_FIELDS if n in names)


def carried_note(cat: Catalogue, position: AgreedPosition | None) -> list[Element]:
    """Issue 11: a carried-forward position says where it came from until a lead saves it."""
    if position is None or position.carried_from is None:
        return []
    note = cat.text("card.detail.carried_forward", round=position.carried_from)
    return [container([text(note, weight="Bolder")], style="attention", spacing="Large")]
