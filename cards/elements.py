"""Small constructors for Adaptive Card 1.5 parts, so every card is built the same way.

Every action goes through `execute`: an `Action.Execute` (updates the card in place) with an
`Action.Submit` fallback carrying the same data plus the verb, for clients without Universal
Actions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from cards.dates import card_moment

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"

Card = dict[str, Any]
Element = dict[str, Any]
Inputs = Literal["auto", "none"]


def adaptive_card(
    body: list[Element], actions: list[Element] | None = None, *, full_width: bool = False
) -> Card:
    """A whole card; `full_width` asks Teams to use the chat's width (long, dense cards)."""
    card: Card = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if actions:
        card["actions"] = actions
    if full_width:
        card["msteams"] = {"width": "Full"}
    return card


def text(value: str, **style: Any) -> Element:
    """A wrapping TextBlock: text in a chat must never be cut off."""
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


_RUN_STYLE = frozenset({"color", "isSubtle", "size", "weight", "italic", "fontType"})


def run(value: str, **style: Any) -> Element:
    """A TextRun: shown exactly as given, never read as Markdown."""
    return {"type": "TextRun", "text": value, **style}


def plain(*runs: Element | str, **style: Any) -> Element:
    """Text that people typed (evidence, titles, names) in a RichTextBlock of TextRuns.

    A TextBlock reads Markdown, so `[see this](https://…)` typed by one person would become a
    live link on another's card; TextRuns show it as typed. Run styles (colour, size, weight,
    subtle) apply to plain strings; block styles (spacing, separator) to the block.
    """
    run_style = {k: v for k, v in style.items() if k in _RUN_STYLE}
    block_style = {k: v for k, v in style.items() if k not in _RUN_STYLE}
    inlines = [run(r, **run_style) if isinstance(r, str) else r for r in runs]
    return {"type": "RichTextBlock", "inlines": inlines, **block_style}


def heading(value: str, *, size: str = "Large", **extra: Any) -> Element:
    return text(value, size=size, weight="Bolder", style="heading", **extra)


def subtle(value: str, **style: Any) -> Element:
    return text(value, isSubtle=True, **style)


def execute(
    title: str,
    verb: str,
    data: dict[str, Any],
    *,
    inputs: Inputs = "none",
    style: str | None = None,
) -> Element:
    """An Action.Execute for `verb`; `inputs="auto"` sends (and validates) the card's inputs."""
    fallback: Element = {
        "type": "Action.Submit",
        "title": title,
        "data": {**data, "verb": verb},
        "associatedInputs": inputs,
    }
    action: Element = {
        "type": "Action.Execute",
        "title": title,
        "verb": verb,
        "data": dict(data),
        "associatedInputs": inputs,
    }
    if style is not None:
        action["style"] = fallback["style"] = style
    action["fallback"] = fallback
    return action


def action_set(*actions: Element, **extra: Any) -> Element:
    return {"type": "ActionSet", "actions": list(actions), **extra}


def column(items: list[Element], width: str = "stretch", **extra: Any) -> Element:
    return {"type": "Column", "width": width, "items": items, **extra}


def columns(*cols: Element, **extra: Any) -> Element:
    return {"type": "ColumnSet", "columns": list(cols), **extra}


def container(items: list[Element], **extra: Any) -> Element:
    return {"type": "Container", "items": items, **extra}


def card_date(moment: datetime, locale: str = "en") -> str:
    """A date and time as the reader's locale writes it, in UK time (`29 Nov 2026, 14:02`)."""
    return card_moment(moment, locale)
