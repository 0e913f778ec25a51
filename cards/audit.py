"""An administrator's card of the latest audit entries: when, what, by whom, on what."""

from __future__ import annotations

from assessment.audit import AuditAction, AuditEntry
from cards import elements as el
from cards.elements import Card, adaptive_card, card_date, heading
from messages import Catalogue

AUDIT_CARD_ENTRIES = 20


def action_label(cat: Catalogue, action: AuditAction) -> str:
    return cat.text(f"card.audit.action.{action.value}")


def build_audit_card(cat: Catalogue, entries: list[AuditEntry]) -> Card:
    """Entries newest first; ids and codes are shown as text runs, never read as Markdown."""
    body = [
        heading(cat.text("card.audit.title"), size="Medium"),
        el.subtle(cat.text("card.audit.about", count=len(entries))),
    ]
    if not entries:
        body.append(el.text(cat.text("card.audit.empty")))
    for entry in entries:
        when = f"{card_date(entry.at, cat.locale)} · {action_label(cat, entry.action)}"
        details = " · ".join(
            f"{key} {', '.join(value) if isinstance(value, tuple) else value}"
            for key, value in entry.details.items()
        )
        lines = [el.text(when, weight="Bolder", spacing="Medium", separator=True)]
        lines.append(el.plain(cat.text("card.audit.by", who=entry.who), isSubtle=True))
        if entry.round_id:
            where = cat.text("card.audit.round", round=entry.round_id)
            lines.append(el.plain(where, isSubtle=True))
        if details:
            lines.append(el.plain(details))
        body += lines
    return adaptive_card(body, full_width=True)
