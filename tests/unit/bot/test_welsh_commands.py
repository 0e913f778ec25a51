"""Welsh command words work alongside the English ones; agencies are known by Welsh names."""

from __future__ import annotations

import pytest

from bot.teams.commands import Command, Verb, parse_command
from messages.agency_words import agency_names


@pytest.mark.parametrize(
    ("typed", "verb"),
    [
        ("dechrau", Verb.START),
        ("Ailddechrau", Verb.RESUME),
        ("crynodeb", Verb.SUMMARY),
        ("cymorth", Verb.HELP),
        ("fy atebion", Verb.MY_ANSWERS),
        ("dileu fy atebion", Verb.DELETE_MY_ANSWERS),
        ("cau cylch", Verb.CLOSE_ROUND),
        ("iaith", Verb.LANGUAGE),
        ("language", Verb.LANGUAGE),
        ("atal negeseuon atgoffa", Verb.STOP_REMINDERS),
        ("dechrau negeseuon atgoffa", Verb.START_REMINDERS),
        ("adroddiad", Verb.REPORT),
    ],
)
def test_welsh_and_english_words_give_the_same_commands(typed: str, verb: Verb) -> None:
    parsed = parse_command(typed)
    assert parsed is not None and parsed.verb == verb


def test_a_round_opened_in_welsh_keeps_its_title_and_named_flag() -> None:
    assert parse_command("agor cylch Adolygiad yr Hydref --named") == Command(
        Verb.OPEN_ROUND, "Adolygiad yr Hydref", named=True
    )


@pytest.mark.parametrize("typed", ["Cymraeg", "iaith cymraeg", "language welsh"])
def test_welsh_can_be_chosen_in_one_message(typed: str) -> None:
    parsed = parse_command(typed)
    assert parsed is not None and parsed.verb == Verb.LANGUAGE
    assert parsed.argument.lower() in {"cymraeg", "welsh"}


def test_a_summary_of_one_c_in_welsh() -> None:
    assert parse_command("crynodeb C4") == Command(Verb.SUMMARY, "C4")


@pytest.mark.parametrize(
    ("typed", "agency"),
    [
        ("heddlu", "police"),
        ("tai", "housing"),
        ("addysg", "education"),
        ("gofal cymdeithasol i oedolion", "adult_social_care"),
        ("bwrdd iechyd", "health"),
        ("police", "police"),
    ],
)
def test_agencies_are_known_by_their_welsh_and_english_names(typed: str, agency: str) -> None:
    assert typed in agency_names(agency)
    others = [a for a in SHORT if a != agency and typed in agency_names(a)]
    assert others == []


SHORT = [
    "police",
    "health",
    "childrens_services",
    "adult_social_care",
    "education",
    "probation_youth_justice",
    "housing",
    "voluntary_sector",
    "other",
]
