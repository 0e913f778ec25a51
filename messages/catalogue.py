"""Look up user-facing text by id so that a translation is a file, not a code change."""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LOCALE = "en"

# -- the reader's language (issue 13) ---------------------------------------------------------
WELSH = "cy"
_reader_language: ContextVar[str | None] = ContextVar("reader_language", default=None)
"""The language of whoever this turn (or this proactive message) is for. A ContextVar, so
every flow and card reads the right language through the one app-wide catalogue without a
language argument threaded through every call; each aiohttp request runs in its own task."""


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Within the block, catalogues that follow the reader answer in `language`."""
    token = _reader_language.set(language)
    try:
        yield
    finally:
        _reader_language.reset(token)


def reader_language() -> str | None:
    """The language set by `speaking` for this turn, if any."""
    return _reader_language.get()


def language_of(locale: str | None) -> str | None:
    """"cy-GB" → "cy"; None for a language the bot has no file for (or no locale)."""
    language = (locale or "").replace("_", "-").split("-")[0].lower()
    return language if language and language in available_locales() else None


@dataclass(frozen=True)
class Catalogue:
    """Texts of one locale, falling back to English for ids not yet translated."""

    own_locale: str
    texts: dict[str, str]
    fallback: dict[str, str]
    follows_reader: bool = False
    """When True, the reader's language (`speaking`) wins over `own_locale` for this turn."""

    def current(self) -> Catalogue:
        """The catalogue that answers now: the reader's, when this one follows the reader."""
        reader = _reader_language.get() if self.follows_reader else None
        if reader is None or reader == self.own_locale:
            return self
        return load_catalogue(reader)

    @property
    def locale(self) -> str:
        """The language texts come in right now ("en", "cy"): the reader's when followed, so
        whatever formats by `cat.locale` (dates) writes the reader's language too."""
        return self.current().own_locale

    @property
    def language(self) -> str:
        """Same as `locale`."""
        return self.locale

    def text(self, message_id: str, /, **params: Any) -> str:
        """The text for `message_id` with `{name}` placeholders filled from `params`."""
        chosen = self.current()
        template = chosen.texts.get(message_id) or chosen.fallback.get(message_id)
        if template is None:
            raise KeyError(f"no message with id {message_id!r}")
        return template.format(**params) if params else template

    def has(self, message_id: str) -> bool:
        return message_id in self.texts or message_id in self.fallback

    def ids(self) -> set[str]:
        return set(self.fallback) | set(self.texts)

    def in_language(self, language: str) -> Catalogue:
        """This catalogue's texts in `language` regardless of the reader (bilingual posts)."""
        return load_catalogue(language)


def placeholders(template: str) -> set[str]:
    """Names of the `{name}` fields in a template (a translation must keep the same set)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@cache
def _read(locale: str) -> dict[str, str]:
    source = resources.files("messages").joinpath(f"{locale}.json")
    data: dict[str, str] = json.loads(source.read_text(encoding="utf-8"))
    return data


@cache
def available_locales() -> list[str]:
    return sorted(
        entry.name.removesuffix(".json")
        for entry in resources.files("messages").iterdir()
        if entry.name.endswith(".json")
    )


@cache
def load_catalogue(locale: str = DEFAULT_LOCALE, *, follow_reader: bool = False) -> Catalogue:
    """The catalogue for `locale` ("en", "cy", or "cy-GB"); unknown locales get English.

    `follow_reader=True` gives the app-wide catalogue: `locale` is only its default, and
    each turn's reader language (see `speaking`) chooses the texts."""
    fallback = _read(DEFAULT_LOCALE)
    language = locale.split("-")[0].lower()
    if language == DEFAULT_LOCALE or language not in available_locales():
        return Catalogue(DEFAULT_LOCALE, fallback, fallback, follow_reader)
    return Catalogue(language, _read(language), fallback, follow_reader)
