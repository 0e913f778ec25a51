"""Announcement, round choice and agency cards: getting a practitioner to C1."""

from __future__ import annotations

from assessment.model import Agency
from cards import build_agency_card, build_announcement_card, build_round_choice_card, verbs
from tests.unit.cards.samples import CAT, a_round
from tests.unit.cards.walk import by_verb, executes, inputs, shows


def test_the_announcement_explains_the_assessment_and_offers_start() -> None:
    card = build_announcement_card(CAT, a_round(title="Spring review"))
    assert shows(card, "Spring review")
    assert shows(card, "about 15 minutes")
    assert shows(card, "stop at any time")
    assert shows(card, CAT.text("card.announcement.anonymous"))
    [start] = by_verb(card, verbs.START)
    assert start["title"] == "Start my assessment"
    assert start["data"] == {"roundId": "r-1"}


def test_an_anonymous_announcement_says_what_is_true_about_names_and_storage() -> None:
    """Responses are stored under a pseudonym, not "anonymously"; leads see groups only."""
    card = build_announcement_card(CAT, a_round())
    assert shows(card, "Leads never see your name")
    assert shows(card, "stored under a code, not your name")
    assert shows(card, "comments without your rating")
    assert not shows(card, "Your answers are anonymous")


def test_a_named_round_says_names_are_shown() -> None:
    card = build_announcement_card(CAT, a_round(named=True))
    assert shows(card, CAT.text("card.announcement.named"))
    assert not shows(card, CAT.text("card.announcement.anonymous"))


def test_a_closed_announcement_gives_the_date_and_no_start_button() -> None:
    card = build_announcement_card(CAT, a_round(closed=True), closed=True)
    assert shows(card, "closed on 20 Nov 2026, 16:30")
    assert executes(card) == []


def test_the_round_choice_offers_one_button_per_open_round() -> None:
    rounds = [a_round(title="Spring review"), a_round(title="Adults board")]
    rounds[1] = rounds[1].model_copy(update={"id": "r-2", "partnership_id": "other"})
    card = build_round_choice_card(CAT, rounds, {"t/team/19:abc": "North LSCP"})
    assert [a["data"]["roundId"] for a in by_verb(card, verbs.CHOOSE_ROUND)] == ["r-1", "r-2"]
    assert shows(card, "Adults board")
    assert shows(card, "North LSCP · opened")
    assert shows(card, "Your partnership · opened")


def test_with_no_open_round_the_choice_card_says_so() -> None:
    card = build_round_choice_card(CAT, [], {})
    assert shows(card, CAT.text("card.rounds.none"))
    assert executes(card) == []


def test_the_agency_card_offers_every_agency_by_its_name() -> None:
    agency = inputs(build_agency_card(CAT, "r-1"))[verbs.INPUT_AGENCY]
    assert [c["value"] for c in agency["choices"]] == [a.value for a in Agency]
    assert agency["choices"][2]["title"] == "Local authority children's services"
    assert agency["isRequired"] is True and agency["errorMessage"]


def test_the_agency_card_says_why_it_asks_and_sends_the_choice() -> None:
    card = build_agency_card(CAT, "r-1")
    assert shows(card, "grouped by agency")
    assert shows(card, "leads never see your name")
    [send] = by_verb(card, verbs.AGENCY)
    assert send["data"] == {"roundId": "r-1"}
    assert send["associatedInputs"] == "auto"
