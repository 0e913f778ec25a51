"""The language choice, and shared posts in both languages.

Each choice is written in its own language (a Welsh speaker reads "Cymraeg", not "Welsh").
A shared post is one card with both languages, the first one chosen by the partnership:
everyone in a channel reads the same post, so a switch would help only whoever pressed it.
"""

from __future__ import annotations

from collections.abc import Callable

from cards import verbs
from cards.elements import Card, Element, adaptive_card, container, execute, heading, text
from messages import Catalogue
from messages.catalogue import DEFAULT_LOCALE, WELSH, speaking

ORDER = {True: (WELSH, DEFAULT_LOCALE), False: (DEFAULT_LOCALE, WELSH)}
"""Which language comes first in a shared post, by the partnership's `welsh_first`."""


def build_language_card(cat: Catalogue) -> Card:
    """`language` / `iaith`: both choices, each in its own language, the reader's first."""
    first, second = _reader_first(cat)
    body = [heading(f"{first.text('card.language.title')} · {second.text('card.language.title')}")]
    body += [text(first.text("card.language.choose")), text(second.text("card.language.choose"))]
    actions = [
        execute(c.text("card.language.name"), verbs.LANGUAGE, {"language": c.locale})
        for c in (first, second)
    ]
    return adaptive_card(body, actions)


def build_shared_language_card(cat: Catalogue, welsh_first: bool) -> Card:
    """In a team or group chat: which language the partnership's shared posts put first."""
    welsh, english = cat.in_language(WELSH), cat.in_language(DEFAULT_LOCALE)
    pair = (welsh, english) if welsh_first else (english, welsh)
    now = "card.language.welsh_first" if welsh_first else "card.language.english_first"
    body = [heading(" · ".join(c.text("card.language.shared_title") for c in pair))]
    body += [text(c.text("card.language.shared_about")) for c in pair]
    body.append(text(" · ".join(c.text(now) for c in pair), weight="Bolder"))
    actions = [
        execute(c.text(f"card.language.{key}"), verbs.SHARED_LANGUAGE, {"welshFirst": first})
        for c, key, first in ((welsh, "welsh_first", True), (english, "english_first", False))
    ]
    return adaptive_card(body, actions)


def bilingual_card(cat: Catalogue, welsh_first: bool, build: Callable[[Catalogue], Card]) -> Card:
    """One card holding `build`'s card in both languages (first language on top), with the
    buttons of the first: Welsh Language Standards, Welsh no less favourably than English."""
    top, bottom = (_in(cat, lang, build) for lang in ORDER[welsh_first])
    repeated = [e for e in bottom["body"] if e not in top["body"]]  # not the title twice
    second = container(repeated, separator=True, spacing="Large")
    pairs = zip(top.get("actions", []), bottom.get("actions", []), strict=True)
    return adaptive_card([*top["body"], second], [_both_titles(a, b) for a, b in pairs] or None)


def bilingual_text(cat: Catalogue, welsh_first: bool, write: Callable[[Catalogue], str]) -> str:
    """A plain-text shared message in both languages, first language first."""
    parts = []
    for lang in ORDER[welsh_first]:
        with speaking(lang):
            parts.append(write(cat.in_language(lang)))
    return "\n\n".join(parts)


def _in(cat: Catalogue, language: str, build: Callable[[Catalogue], Card]) -> Card:
    with speaking(language):  # dates and nested texts follow the language being written
        return build(cat.in_language(language))


def _reader_first(cat: Catalogue) -> tuple[Catalogue, Catalogue]:
    welsh, english = cat.in_language(WELSH), cat.in_language(DEFAULT_LOCALE)
    return (welsh, english) if cat.language == WELSH else (english, welsh)


def _both_titles(first: Element, second: Element) -> Element:
    """A button of the first language titled in both ("Dechrau fy asesiad · Start my …")."""
    one, other = first.get("title"), second.get("title")
    if one is None or other is None or one == other:
        return first
    both = f"{one} · {other}"
    fallback = first.get("fallback")
    if isinstance(fallback, dict):
        return {**first, "title": both, "fallback": {**fallback, "title": both}}
    return {**first, "title": both}
