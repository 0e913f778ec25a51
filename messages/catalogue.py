"""Look up user-facing text by id so that a translation is a file, not a code change."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LOCALE = "en"


@dataclass(frozen=True)
class Catalogue:
    """Texts of one locale, falling back to English for ids not yet translated."""

    locale: str
    texts: dict[str, str]
    fallback: dict[str, str]

    def text(self, message_id: str, /, **params: Any) -> str:
        """The text for `message_id` with `{name}` placeholders filled from `params`."""
        template = self.texts.get(message_id) or self.fallback.get(message_id)
        if template is None:
            raise KeyError(f"no message with id {message_id!r}")
        return template.format(**params) if params else template

    def has(self, message_id: str) -> bool:
        return message_id in self.texts or message_id in self.fallback

    def ids(self) -> set[str]:
        return set(self.fallback) | set(self.texts)


def placeholders(template: str) -> set[str]:
    """Names of the `{name}` fields in a template (a translation must keep the same set)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@cache
def _read(locale: str) -> dict[str, str]:
    source = resources.files("messages").joinpath(f"{locale}.json")
    data: dict[str, str] = json.loads(source.read_text(encoding="utf-8"))
    return data


def available_locales() -> list[str]:
    return sorted(
        entry.name.removesuffix(".json")
        for entry in resources.files("messages").iterdir()
        if entry.name.endswith(".json")
    )


def load_catalogue(locale: str = DEFAULT_LOCALE) -> Catalogue:
    """The catalogue for `locale` ("en", "cy", or "cy-GB"); unknown locales get English."""
    fallback = _read(DEFAULT_LOCALE)
    language = locale.split("-")[0].lower()
    if language == DEFAULT_LOCALE or language not in available_locales():
        return Catalogue(DEFAULT_LOCALE, fallback, fallback)
    return Catalogue(language, _read(language), fallback)
