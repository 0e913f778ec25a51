"""The one message catalogue: every id the code asks for exists, and translations fit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from messages import load_catalogue
from messages.catalogue import available_locales, placeholders

ROOT = Path(__file__).resolve().parents[3]
SOURCES = [p for d in ("assessment", "bot", "cards", "dialogs") for p in (ROOT / d).rglob("*.py")]
LITERAL_ID = re.compile(
    r"""(?:\.text|message_id\s*=|label_id\s*=|_id=)\(?\s*["']([a-z_]+\.[A-Za-z0-9_.]+)["']"""
)


def ids_in_code() -> set[str]:
    return {m for path in SOURCES for m in LITERAL_ID.findall(path.read_text(encoding="utf-8"))}


def test_every_message_id_in_the_code_is_in_the_english_catalogue() -> None:
    english = load_catalogue("en")
    found = ids_in_code()
    assert len(found) > 50  # the scan does find the code's ids
    assert sorted(i for i in found if not english.has(i)) == []


def test_unknown_ids_fail_loudly_rather_than_show_an_id() -> None:
    with pytest.raises(KeyError):
        load_catalogue().text("no.such.message")


def test_an_unknown_locale_falls_back_to_english() -> None:
    assert load_catalogue("fr-FR").text("card.notice.resume") == "Resume"


@pytest.mark.parametrize("locale", [loc for loc in available_locales() if loc != "en"])
def test_a_translation_keeps_every_placeholder(locale: str) -> None:
    english, other = load_catalogue("en"), load_catalogue(locale)
    for message_id, text in other.texts.items():
        assert message_id in english.texts, f"{locale} has an id English lacks: {message_id}"
        assert placeholders(text) == placeholders(english.texts[message_id]), message_id
