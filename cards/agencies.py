"""The partnership's agency list (issue 11): which agencies "no responses from" expects.
Leads tick the agencies that take part and save; typing `agencies police, health` does the same."""

from __future__ import annotations

from collections.abc import Collection

from assessment.model import Agency
from cards import verbs
from cards.elements import Card, adaptive_card, execute, heading, subtle, text
from messages import Catalogue


def build_agencies_card(
    cat: Catalogue,
    round_id: str,
    chosen: Collection[Agency],
    *,
    default: bool,
    notice: str | None = None,
) -> Card:
    body = [text(notice, weight="Bolder")] if notice else []
    body += [
        heading(cat.text("card.agencies.title"), size="Medium"),
        text(cat.text("card.agencies.what")),
        subtle(cat.text("card.agencies.default" if default else "card.agencies.own"), size="Small"),
        {
            "type": "Input.ChoiceSet",
            "id": verbs.INPUT_AGENCIES,
            "label": cat.text("card.agencies.label"),
            "isMultiSelect": True,
            "style": "expanded",
            "choices": [{"title": cat.text(f"agency.{a.value}"), "value": a.value} for a in Agency],
            "value": ",".join(a.value for a in Agency if a in chosen),
        },
    ]
    save = execute(
        cat.text("card.agencies.save"), verbs.AGENCIES, {"roundId": round_id},
        inputs="auto", style="positive",
    )
    return adaptive_card(body, [save])
