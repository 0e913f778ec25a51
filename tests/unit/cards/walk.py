"""Ways to look into a card dict the way a reader (or the bot) would."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

VISIBLE = ("text", "title", "value", "label", "placeholder", "errorMessage")


def nodes(card: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the card, fallbacks included."""
    if isinstance(card, dict):
        yield card
        for value in card.values():
            yield from nodes(value)
    elif isinstance(card, list):
        for item in card:
            yield from nodes(item)


def executes(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in nodes(card) if n.get("type") == "Action.Execute"]


def by_verb(card: dict[str, Any], verb: str) -> list[dict[str, Any]]:
    return [a for a in executes(card) if a["verb"] == verb]


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in nodes(card) if str(n.get("type", "")).startswith("Input.")}


def visible_text(card: dict[str, Any]) -> list[str]:
    """Strings a person can read on the card (texts, titles, labels, facts, choices); a
    RichTextBlock reads as one line of its runs."""
    lines = [
        n[key]
        for n in nodes(card)
        for key in VISIBLE
        if isinstance(n.get(key), str) and not (key == "value" and n.get("type") == "Input.Text")
    ]
    blocks = [n for n in nodes(card) if n.get("type") == "RichTextBlock"]
    return lines + ["".join(r.get("text", "") for r in b["inlines"]) for b in blocks]


def shows(card: dict[str, Any], fragment: str) -> bool:
    return any(fragment in line for line in visible_text(card))
