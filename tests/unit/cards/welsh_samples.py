"""Every sample card again, built for a Welsh reader: whatever `*_cards()` function a
`*samples.py` module here offers is found and run under `speaking("cy")`, so a new card's
samples are checked in Welsh without anyone adding them to a list."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import tests.unit.cards as samples_package
from messages.catalogue import speaking
from tests.unit.cards.language_samples import language_cards

__all__ = ["BILINGUAL", "language_cards", "welsh_cards"]

Card = dict[str, Any]


def all_sample_cards() -> dict[str, Card]:
    found: dict[str, Card] = {}
    for info in pkgutil.iter_modules(samples_package.__path__):
        if not info.name.endswith("samples") or info.name == "welsh_samples":
            continue
        module = importlib.import_module(f"{samples_package.__name__}.{info.name}")
        for name, function in vars(module).items():
            if _is_sample_function(name, function, module.__name__):
                found.update(function())
    return found


def welsh_cards() -> dict[str, Card]:
    with speaking("cy"):
        return {f"{name} (Cymraeg)": card for name, card in all_sample_cards().items()}


BILINGUAL = frozenset(f"{name} (Cymraeg)" for name in language_cards())
"""Shared posts and the language choice: both languages by design."""


def _is_sample_function(name: str, function: object, module: str) -> bool:
    if not (name.endswith("_cards") and inspect.isfunction(function)):
        return False
    required = [p for p in inspect.signature(function).parameters.values() if p.default is p.empty]
    return function.__module__ == module and not required
