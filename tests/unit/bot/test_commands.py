import pytest

from bot.teams.commands import Command, Verb, parse_command


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("help", Command(Verb.HELP)),
        ("  Start ", Command(Verb.START)),
        ("resume", Command(Verb.RESUME)),
        ("My answers", Command(Verb.MY_ANSWERS)),
        ("open round Autumn 2026", Command(Verb.OPEN_ROUND, "Autumn 2026")),
        ("open round Autumn review --named", Command(Verb.OPEN_ROUND, "Autumn review", named=True)),
        ("close round", Command(Verb.CLOSE_ROUND)),
        ("summary C4", Command(Verb.SUMMARY, "C4")),
        ("add lead", Command(Verb.ADD_LEAD)),
    ],
)
def test_commands_are_read_as_people_type_them(typed: str, expected: Command) -> None:
    assert parse_command(typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "starting", "please help me", "x" * 600])
def test_anything_else_is_not_a_command(typed: str) -> None:
    assert parse_command(typed) is None


@pytest.mark.parametrize("typed", ["delete my answers", "Delete my answers ", "delete my data"])
def test_delete_my_answers_is_its_own_command_not_my_answers(typed: str) -> None:
    assert parse_command(typed) == Command(Verb.DELETE_MY_ANSWERS)
