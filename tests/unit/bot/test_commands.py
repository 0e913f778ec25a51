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


# -- follow-through (issue 11) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "verb"),
    [
        ("stop reminders", Verb.STOP_REMINDERS),
        ("Atal negeseuon atgoffa", Verb.STOP_REMINDERS),
        ("start reminders", Verb.START_REMINDERS),
        ("dechrau negeseuon atgoffa", Verb.START_REMINDERS),
        ("agencies police, health", Verb.AGENCIES),
        ("asiantaethau", Verb.AGENCIES),
        ("stop digest", Verb.STOP_DIGEST),
        ("atal y nodyn wythnosol", Verb.STOP_DIGEST),
    ],
)
def test_follow_through_commands_in_english_and_welsh(typed: str, verb: Verb) -> None:
    found = parse_command(typed)
    assert found is not None and found.verb is verb


def test_open_round_flags_are_taken_out_of_the_title() -> None:
    found = parse_command("open round Winter review --closes 2027-01-31 --digest --remind-after 10")
    assert found == Command(
        Verb.OPEN_ROUND, "Winter review", closes="2027-01-31", digest=True, remind_after="10"
    )
    bare = parse_command("open round Winter --closes --remind-after")
    assert bare is not None
    assert (bare.argument, bare.closes, bare.remind_after) == ("Winter", "", "")
