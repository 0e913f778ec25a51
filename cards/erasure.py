"""The erasure cards: what `delete my answers` will remove (confirm or cancel), then what went.

Round titles were typed by leads, so they are shown as plain text runs, never as Markdown.
"""

from __future__ import annotations

from assessment.erasure import ErasurePlan
from cards import verbs
from cards.elements import Card, Element, adaptive_card, execute, heading, plain, subtle, text
from messages import Catalogue


def _titles(titles: tuple[str, ...]) -> list[Element]:
    return [plain(f"• {title}") for title in titles]


def _what_goes(cat: Catalogue, plan: ErasurePlan) -> list[Element]:
    body: list[Element] = []
    if plan.deleted_rounds:
        body += [text(cat.text("card.erase.open_rounds")), *_titles(plan.deleted_rounds)]
    if plan.unlinked_rounds:
        body += [text(cat.text("card.erase.closed_rounds")), *_titles(plan.unlinked_rounds)]
    if plan.has_record:
        body.append(text(cat.text("card.erase.record")))
    return body


def build_erasure_card(cat: Catalogue, plan: ErasurePlan, *, changed: bool = False) -> Card:
    """Exactly what will be removed, with Delete (for this plan only) and Cancel."""
    body = [heading(cat.text("card.erase.title"), size="Medium")]
    if changed:
        body.append(text(cat.text("card.erase.changed"), weight="Bolder", color="Attention"))
    body += [*_what_goes(cat, plan), subtle(cat.text("card.erase.final"))]
    actions = [
        execute(
            cat.text("card.erase.confirm"),
            verbs.ERASE,
            {"fingerprint": plan.fingerprint},
            style="destructive",
        ),
        execute(cat.text("card.erase.cancel"), verbs.ERASE_CANCEL, {}),
    ]
    return adaptive_card(body, actions)


def build_erasure_done_card(cat: Catalogue, plan: ErasurePlan) -> Card:
    """What was removed; no buttons, so nothing can be pressed twice."""
    body: list[Element] = [heading(cat.text("card.erase.done_title"), size="Medium")]
    if plan.deleted_rounds:
        body.append(plain(cat.text("card.erase.done_open", rounds=", ".join(plan.deleted_rounds))))
    if plan.unlinked_rounds:
        rounds = ", ".join(plan.unlinked_rounds)
        body.append(plain(cat.text("card.erase.done_closed", rounds=rounds)))
    if plan.has_record:
        body.append(text(cat.text("card.erase.done_record")))
    body.append(subtle(cat.text("card.erase.done_later")))
    return adaptive_card(body)
