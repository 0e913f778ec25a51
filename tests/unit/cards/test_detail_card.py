"""One C in detail for a lead: figures by agency, what people said, and who changed what."""

from __future__ import annotations

import json
from typing import Any

from assessment.model import Agency, Response
from cards import build_detail_card
from cards.comments import EXCERPT, MAX_SHOWN
from tests.unit.assessment.summary_data import in_hand, make_round, position, response
from tests.unit.cards.lead_samples import (
    detail_of,
    last_round,
    said,
    saved_position,
    three_agencies,
)
from tests.unit.cards.samples import CAT, FRAMEWORK
from tests.unit.cards.walk import nodes, shows, visible_text


def detail_card(responses: list[Response], **kwargs: Any) -> dict[str, Any]:
    show_names = kwargs.pop("show_names", False)
    notice = kwargs.pop("notice", None)
    round_ = kwargs.get("round_") or make_round()
    detail = detail_of(responses, **kwargs)
    return build_detail_card(
        CAT, FRAMEWORK, round_, detail, show_names=show_names, notice=notice
    )


def facts(card: dict[str, Any]) -> dict[str, str]:
    [found] = [n["facts"] for n in nodes(card) if n.get("type") == "FactSet"]
    return {f["title"]: f["value"] for f in found}


def comment_lines(card: dict[str, Any]) -> list[str]:
    lines = visible_text(card)
    start = next(i for i, t in enumerate(lines) if t.startswith("What people said"))
    end = lines.index("Agreed position")
    return lines[start + 1 : end]


def test_it_says_which_c_this_is() -> None:
    card = detail_card(three_agencies())
    assert visible_text(card)[:4] == [
        "Autumn",
        "C4 · Capacity",
        "Practitioners and Agencies",
        CAT.text("c.C4.description"),
    ]


def test_figures_overall_by_agency_and_for_the_previous_round() -> None:
    card = detail_card(three_agencies(), previous=last_round())
    assert facts(card) == {
        "All responses": (
            "2 · Weak · ratings from 2 to 5, most between 2 and 4 · rests on 9 ratings"
        ),
        "Police": "2 · Weak · every rating was 2 · rests on 3 ratings",
        "Health": "5 · Very Good · ratings from 4 to 5, most at 5 · rests on 3 ratings",
        "Education": "2 · Weak · ratings from 2 to 3 · rests on 3 ratings",
        "Previous round": (
            "4 · Good · every rating was 4 · rests on 3 ratings · ▼ 2 since the previous round"
        ),
    }


def test_responses_from_groups_too_small_to_show_are_counted_overall_only() -> None:
    card = detail_card([*three_agencies(), said(Agency.HOUSING, 1, "")])
    assert "Housing" not in facts(card)
    assert "Other agencies (combined)" not in facts(card)
    assert shows(card, "Responses from groups too small to show on their own (1)")


def test_in_an_anonymous_round_comments_carry_the_agency_group_but_no_rating() -> None:
    police = [said(Agency.POLICE, 2, text) for text in ("Vacancies", "Caseloads high")]
    lines = comment_lines(detail_card([*police, said(Agency.POLICE, None, "Hard to say")]))
    assert sorted(zip(lines[::2], lines[1::2], strict=True)) == [
        ("Police", "Caseloads high"), ("Police", "Hard to say"), ("Police", "Vacancies"),
    ]
    assert not any("rated" in line for line in lines)


def test_in_a_named_round_comments_carry_the_rating_given() -> None:
    named = make_round(named=True)
    police = [said(Agency.POLICE, 2, text) for text in ("Vacancies", "Caseloads high")]
    card = detail_card([*police, said(Agency.POLICE, None, "Hard to say")], round_=named)
    assert comment_lines(card) == [
        "Police · rated 2 · Weak", "Caseloads high",
        "Police · rated Not sure", "Hard to say",
        "Police · rated 2 · Weak", "Vacancies",
    ]


def test_a_comment_from_a_group_too_small_to_name_is_attributed_to_nobody() -> None:
    card = detail_card([*three_agencies(), said(Agency.HOUSING, 1, "We never hear back")])
    lines = comment_lines(card)
    assert lines[lines.index("We never hear back") - 1] == "A practitioner"


def test_suggestions_are_shown_as_suggestions() -> None:
    people = [
        response(Agency.POLICE, {"C4": 3}, evidence={"C4": "Fine"}) for _ in range(2)
    ]
    with_idea = people[0].model_copy(
        update={"answers": {"C4": people[0].answers["C4"].model_copy(
            update={"suggestion": "Shared rota"})}}
    )
    card = detail_card([with_idea, people[1], said(Agency.POLICE, 3, "")])
    assert shows(card, "Suggestion: Shared rota")


def test_names_show_only_in_a_named_round_and_only_when_asked() -> None:
    named = make_round(named=True)
    names = ("Ann Ash", "Bo Birch", "Cy Cedar")
    people = [said(Agency.POLICE, 2, f"Note {i}", name=n) for i, n in enumerate(names)]
    shown = detail_card(people, round_=named, show_names=True)
    assert [line for line in comment_lines(shown) if "·" in line] == [
        f"Police · {n} · rated 2 · Weak" for n in names
    ]
    for card in (
        detail_card(people, round_=named, show_names=False),
        detail_card(people, round_=make_round(), show_names=True),
    ):
        assert all(n not in json.dumps(card) for n in names)


def test_with_no_comments_it_says_so() -> None:
    assert shows(detail_card([]), "No evidence or suggestions yet.")


def test_many_long_comments_are_cut_short_and_counted_keeping_the_card_under_40_kb() -> None:
    long = "We cover each other's shifts and it shows. " * 40
    people = [said(agency, 3, f"{agency.value} {n} {long}") for agency in Agency for n in range(8)]
    positions = {"C4": saved_position(
        score=2, evidence="e" * 4000, accountability="a" * 300, stakeholders="s" * 2000,
        action_plan="p" * 4000, review_dates=["2026-12-01", "2027-01-01", "2027-02-01"])}
    card = detail_card(people, positions=positions, previous=last_round())
    shown = [line for line in comment_lines(card) if "We cover" in line]
    assert len(json.dumps(card).encode()) < 40 * 1024
    assert shows(card, f"of {len(people)} comments")
    assert all(len(line) <= EXCERPT for line in comment_lines(card))
    assert 9 <= len(shown) <= MAX_SHOWN
    agencies_heard = {line.split(" ")[0] for line in shown}
    assert len(agencies_heard) == 9, "some from every group, not all from the first"


def test_a_notice_from_the_last_action_comes_first() -> None:
    assert visible_text(detail_card([], notice="Saved C4."))[0] == "Saved C4."


def test_the_change_history_says_who_changed_which_fields_latest_first() -> None:
    positions = {"C4": saved_position(score=2, accountability="Board", action_plan="Audit")}
    card = detail_card(three_agencies(), positions=positions)
    lines = visible_text(card)
    start = lines.index("Changes to the agreed position")
    assert lines[start + 1 : start + 3] == [
        "A lead changed Accountability, ownership and governance, Specific action plan on "
        "20 Nov 2026, 10:00",
        "Sam Lead changed Agreed score on 20 Nov 2026, 10:00",
    ]


def test_a_position_never_changed_has_no_history() -> None:
    positions = {"C4": position("C4", in_hand())}
    assert not shows(detail_card(three_agencies(), positions=positions), "Changes to")


def test_one_group_holding_every_response_is_not_listed_again_under_all_responses() -> None:
    police = [said(Agency.POLICE, r, "") for r in (2, 3, 4)]
    card = detail_card(police)
    assert list(facts(card)) == ["All responses"]
    assert shows(card, "Every response so far is from Police")


def test_when_every_agency_is_folded_the_card_says_why_once() -> None:
    few = [said(a, 3, "") for a in (Agency.POLICE, Agency.HEALTH, Agency.HOUSING)]
    card = detail_card(few)
    assert "Other agencies (combined)" not in facts(card)
    assert len([t for t in visible_text(card) if "counted together as other agencies" in t]) == 1
