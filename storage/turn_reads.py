"""Within one turn, a record the PostgreSQL store has read once is not fetched again.

A Start reads the person five times, the partnership five, the round four and the
membership three, each from a layer that needs it (22 queries a Start, counted on the
benchmark's Starts). Handing records down through those layers would couple them; instead
the store keeps, for the current turn only, the text of each record it read by key. A
record the turn saves is remembered as saved; one whose compare-and-set was lost is
forgotten, so a retry reads afresh; any other write forgets everything. A turn thus always
sees its own writes.

The scope is a context variable opened around a turn by the HTTP handler: work outside a
turn (reminders, the purge, the CLI) never has one, and tasks that outlive the turn find
it closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any


class _Scope:
    def __init__(self) -> None:
        self.open = True
        self.texts: dict[tuple[Any, ...], str | None] = {}


_CURRENT: ContextVar[_Scope | None] = ContextVar("twelvecs_turn_reads", default=None)


@contextmanager
def turn_reads() -> Iterator[None]:
    """Remember record reads until the block ends (one HTTP turn)."""
    scope = _Scope()
    token = _CURRENT.set(scope)
    try:
        yield
    finally:
        scope.open = False
        scope.texts.clear()
        _CURRENT.reset(token)


def remembered() -> dict[tuple[Any, ...], str | None] | None:
    """The open turn's remembered texts by (schema, query, *args), or None outside a turn."""
    scope = _CURRENT.get()
    return scope.texts if scope is not None and scope.open else None


def forget() -> None:
    """Drop what the open turn remembered (before a write whose reach is not one record)."""
    texts = remembered()
    if texts:
        texts.clear()


def note(key: tuple[Any, ...], text: str | None) -> None:
    """The record read `key` now answers `text` (just saved), or is read afresh (None)."""
    texts = remembered()
    if texts is not None:
        if text is None:
            texts.pop(key, None)
        else:
            texts[key] = text
