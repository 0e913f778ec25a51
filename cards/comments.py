"""Practitioners' evidence and suggestions on one C, as the detail card lists them.

Attributed by agency group only (none when the group is too small to name), plus the name
only when the caller allows it and the round recorded one, and the rating only in named
rounds (`Comment.rating_shown`). A card must stay small, so at
most `MAX_SHOWN` comments appear, each cut to `EXCERPT` characters, picked in turn from
each group so that no group crowds out the others; the card says how many are not shown.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from assessment.detail import Comment
from assessment.framework import NOT_SURE
from cards.elements import Element, container, heading, plain, run, subtle, text
from cards.figures import SEP
from cards.labels import rating_title
from messages import Catalogue

MAX_SHOWN = 20
"""Most comments on one card."""
EXCERPT = 600
"""Most characters of one evidence or suggestion text."""
BUDGET = 12_000
"""Most bytes of comment text (as JSON) on one card: under a third of the size limit."""


def comments_section(
    cat: Catalogue, comments: Sequence[Comment], *, show_names: bool
) -> list[Element]:
    title = heading(cat.text("card.detail.comments_title", count=len(comments)), size="Medium")
    if not comments:
        return [title, text(cat.text("card.detail.no_comments"))]
    shown = chosen(comments)
    items = [title, *(_comment(cat, c, show_names) for c in shown)]
    if len(shown) < len(comments):
        more = cat.text("card.detail.comments_more", shown=len(shown), total=len(comments))
        items.append(subtle(more, separator=True))
    return [container(items, separator=True, spacing="Large")]


def chosen(comments: Sequence[Comment]) -> list[Comment]:
    """A fair selection within the limits, kept in the domain's order."""
    queues: dict[str | None, list[int]] = {}
    for index, c in enumerate(comments):
        queues.setdefault(c.agency, []).append(index)
    picked: list[int] = []
    used = 0
    while len(picked) < MAX_SHOWN and any(queues.values()):
        for queue in queues.values():
            if queue and len(picked) < MAX_SHOWN:
                size = _size(comments[queue[0]])
                if used + size > BUDGET:
                    return [comments[i] for i in sorted(picked)]
                picked.append(queue.pop(0))
                used += size
    return [comments[i] for i in sorted(picked)]


def _size(comment: Comment) -> int:
    """Characters as sent: JSON escapes each non-ASCII character into six."""
    return len(json.dumps(excerpt(comment.evidence) + excerpt(comment.suggestion)))


def _comment(cat: Catalogue, comment: Comment, show_names: bool) -> Element:
    items = [plain(_attribution(cat, comment, show_names), isSubtle=True, size="Small")]
    if comment.evidence:
        items.append(plain(excerpt(comment.evidence), spacing="None"))
    if comment.suggestion:
        label = cat.text("card.detail.suggestion_label")
        items.append(
            plain(run(label, weight="Bolder"), excerpt(comment.suggestion), spacing="Small")
        )
    return container(items, separator=True)


def _attribution(cat: Catalogue, comment: Comment, show_names: bool) -> str:
    parts = []
    if comment.agency is not None:
        parts.append(cat.text(f"agency.{comment.agency}"))
    if show_names and comment.name:
        parts.append(comment.name)
    if comment.rating_shown:
        rating = rating_title(cat, comment.rating or NOT_SURE)
        parts.append(cat.text("card.detail.rated", rating=rating))
    return SEP.join(parts) or cat.text("card.detail.unattributed")


def excerpt(value: str) -> str:
    flat = value.strip()
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"
