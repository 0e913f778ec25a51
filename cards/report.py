"""A lead's card of report download links (Action.OpenUrl: the browser fetches the file)."""

from __future__ import annotations

from collections.abc import Mapping

from cards import elements as el
from cards.elements import Card, adaptive_card, heading
from messages import Catalogue

FORMAT_ORDER = ("xlsx", "pdf", "csv")


def build_report_card(
    cat: Catalogue, title: str, links: Mapping[str, str], *, minutes: int, has_responses: bool
) -> Card:
    """`links` maps a format (`xlsx`, `pdf`, `csv`) to its signed URL; the round's title is
    shown as typed (a TextRun, never Markdown)."""
    body = [
        heading(cat.text("report.card.title"), size="Medium"),
        el.plain(title, weight="Bolder"),
        el.text(cat.text("report.card.intro", minutes=minutes)),
    ]
    if not has_responses:
        body.append(el.text(cat.text("report.card.no_responses"), isSubtle=True))
    actions = [
        {"type": "Action.OpenUrl", "title": cat.text(f"report.card.{fmt}"), "url": links[fmt]}
        for fmt in FORMAT_ORDER
        if fmt in links
    ]
    return adaptive_card(body, actions)
