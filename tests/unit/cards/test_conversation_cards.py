"""Notice, welcome and help cards."""

from __future__ import annotations

from cards import build_help_card, build_notice_card, build_welcome_card, execute, verbs
from messages.catalogue import speaking
from tests.unit.cards.samples import CAT
from tests.unit.cards.walk import by_verb, nodes, shows


def commands(card: dict[str, object]) -> list[str]:
    return [f["title"] for n in nodes(card) if n.get("type") == "FactSet" for f in n["facts"]]


def test_a_notice_shows_its_text_title_and_actions() -> None:
    resume = execute("Resume", verbs.RESUME, {"roundId": "r-1"})
    card = build_notice_card(CAT, "Saved. Say resume to carry on.", title="Saved", actions=[resume])
    assert shows(card, "Saved. Say resume to carry on.")
    assert card["body"][0]["text"] == "Saved"
    assert by_verb(card, verbs.RESUME) == [resume]


def test_a_bare_notice_has_no_actions() -> None:
    assert "actions" not in build_notice_card(CAT, "Saved.")


def test_the_personal_welcome_says_how_to_start() -> None:
    card = build_welcome_card(CAT, "personal")
    assert shows(card, "type start here")
    assert shows(card, "not children or families")


def test_the_team_welcome_tells_leads_and_practitioners_how_to_begin() -> None:
    for scope in ("team", "groupChat"):
        card = build_welcome_card(CAT, scope)
        assert shows(card, "@twelvecs open round")
        assert shows(card, "Start my assessment")
        assert shows(card, "not children or families")


def test_personal_help_lists_the_practitioner_commands() -> None:
    expected = [
        "start", "resume", "my answers", "delete my answers", "stop reminders", "language", "help"
    ]
    assert commands(build_help_card(CAT, "personal")) == expected


def test_personal_help_for_a_lead_adds_the_summary_commands() -> None:
    listed = commands(build_help_card(CAT, "personal", leads=True))
    practitioner = [
        "start", "resume", "my answers", "delete my answers", "stop reminders", "language", "help"
    ]
    assert listed[:7] == practitioner
    assert listed[7:] == ["summary", "summary C4", "report [xlsx|pdf|csv]"]
    assert shows(build_help_card(CAT, "personal", leads=True), "Partnership leads")


def test_channel_help_lists_what_everyone_and_what_leads_can_say_and_how_to_mention() -> None:
    for scope in ("team", "groupChat"):
        card = build_help_card(CAT, scope)
        assert commands(card) == [
            "start",
            "help",
            "open round [title]",
            "open round [title] --named",
            "open round [title] --closes 2027-01-31 --digest --remind-after 7",
            "close round",
            "summary",
            "summary C4",
            "agencies [police, health, …]",
            "report [xlsx|pdf|csv]",
            "add lead @name",
            "language",
        ]
        assert shows(card, "@twelvecs summary")
        assert shows(card, "Everyone") and shows(card, "Partnership leads")


def test_welsh_help_lists_the_welsh_command_words() -> None:
    with speaking("cy"):
        card = build_help_card(CAT, "personal")
    expected = [
        "dechrau", "ailddechrau", "fy atebion", "dileu fy atebion", "atal negeseuon atgoffa",
        "iaith", "cymorth",
    ]
    assert commands(card) == expected
