"""The one app-wide catalogue answers in the language of whoever the turn is for."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from cards.elements import card_date
from cards.figures import card_day
from messages import load_catalogue
from messages.catalogue import language_of, speaking


def test_the_app_catalogue_speaks_the_readers_language_and_english_otherwise() -> None:
    cat = load_catalogue("en", follow_reader=True)
    assert cat.text("card.review.edit") == "Edit"
    with speaking("cy"):
        assert cat.text("card.review.edit") == "Golygu"
        assert cat.language == "cy"
    assert cat.text("card.review.edit") == "Edit"


def test_a_fixed_catalogue_ignores_the_reader() -> None:
    with speaking("cy"):
        assert load_catalogue("en").text("card.review.edit") == "Edit"


def test_a_welsh_default_deployment_still_answers_english_readers_in_english() -> None:
    cat = load_catalogue("cy", follow_reader=True)
    assert cat.text("card.review.edit") == "Golygu"
    with speaking("en"):
        assert cat.text("card.review.edit") == "Edit"


async def test_two_turns_at_once_keep_their_own_language() -> None:
    cat = load_catalogue("en", follow_reader=True)

    async def turn(language: str) -> str:
        with speaking(language):
            await asyncio.sleep(0)  # the other turn runs here
            return cat.text("card.review.edit")

    assert await asyncio.gather(turn("cy"), turn("en")) == ["Golygu", "Edit"]


def test_teams_locales_map_to_the_languages_the_bot_has() -> None:
    assert language_of("cy-GB") == "cy"
    assert language_of("en-US") == "en"
    assert language_of("fr-FR") is None
    assert language_of(None) is None


def test_welsh_readers_get_dates_in_welsh() -> None:
    cat = load_catalogue("en", follow_reader=True)
    with speaking("cy"):
        assert card_date(datetime(2026, 11, 29, 9, tzinfo=UTC), cat.locale).startswith("29 Tach")
        assert card_day(date(2026, 3, 1), cat.locale) == "1 Maw 2026"
    assert card_day(date(2026, 3, 1), cat.locale) == "1 Mar 2026"


def test_the_app_catalogues_locale_is_the_readers_so_dates_follow_it() -> None:
    cat = load_catalogue("en", follow_reader=True)
    with speaking("cy"):
        assert cat.locale == "cy"
    assert cat.locale == "en"
