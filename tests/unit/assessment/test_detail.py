"""One C in detail: figures by agency, comments attributed by agency only, last round, position."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assessment.anonymity import OTHER_AGENCIES
from assessment.detail import ComponentDetail, component_detail, component_details
from assessment.errors import UnknownComponent
from assessment.framework import load_framework
from assessment.model import Agency, Response, Round
from assessment.summary_model import PreviousRound
from tests.unit.assessment.summary_data import (
    EARLIER,
    TODAY,
    everywhere,
    in_hand,
    make_round,
    people,
    position,
    published,
    response,
)
from tests.unit.assessment.summary_data import earlier as previous_of


def said(agency: Agency, rating: int | None, text: str, name: str | None = None) -> Response:
    return response(agency, {"C4": rating}, evidence={"C4": text}, name=name)


def detail(
    responses: Sequence[Response],
    *,
    round_: Round | None = None,
    previous: PreviousRound | None = None,
    reveal_names: bool = False,
    component_id: str = "C4",
) -> ComponentDetail:
    round_ = round_ or make_round()
    return component_detail(
        load_framework(),
        round_,
        responses,
        {"C4": position("C4", in_hand(score=2))},
        previous,
        component_id,
        TODAY,
        reveal_names=reveal_names,
        publication=published(responses, round_),
    )


POLICE = [said(Agency.POLICE, 2, t) for t in ("Caseloads high", "Vacancies", "Overtime")]


def test_comments_are_attributed_to_an_agency_with_three_responses() -> None:
    found = detail(POLICE).comments
    assert sorted((c.agency, c.evidence) for c in found) == [
        ("police", "Caseloads high"),
        ("police", "Overtime"),
        ("police", "Vacancies"),
    ]
    assert all(c.name is None for c in found)


def test_a_comment_from_a_group_of_two_is_attributed_to_nobody() -> None:
    found = detail([*POLICE, said(Agency.HEALTH, 5, "Fine here"), said(Agency.HEALTH, 4, "")])
    assert found.comments[-1].agency is None
    assert found.comments[-1].evidence == "Fine here"
    assert found.unshown_responses == 2


def test_small_agencies_together_are_attributed_to_other_agencies() -> None:
    small = [said(Agency.HEALTH, 5, "a"), said(Agency.HEALTH, 4, "b"), said(Agency.HOUSING, 1, "c")]
    found = detail([*POLICE, *small])
    assert {c.agency for c in found.comments} == {"police", OTHER_AGENCIES}
    assert [a.agency for a in found.by_agency] == ["police", OTHER_AGENCIES]
    assert found.unshown_responses == 0


def test_answers_without_words_are_not_listed_as_comments() -> None:
    found = detail([*POLICE, *people(Agency.POLICE, [3, 3], "C4")])
    assert len(found.comments) == 3


def test_names_show_only_in_a_named_round_when_asked_for() -> None:
    named = [said(Agency.POLICE, 2, f"Note {n}", name=f"Person {n}") for n in range(3)]
    assert {c.name for c in detail(named, round_=make_round(named=True)).comments} == {None}
    shown = detail(named, round_=make_round(named=True), reveal_names=True).comments
    assert {c.name for c in shown} == {"Person 0", "Person 1", "Person 2"}
    hidden = detail(named, round_=make_round(named=False), reveal_names=True).comments
    assert {c.name for c in hidden} == {None}


def test_the_previous_rounds_figures_come_with_the_detail() -> None:
    earlier = people(Agency.POLICE, [4, 5, 6], "C4", round_id=EARLIER)
    found = detail(POLICE, previous=previous_of(earlier))
    assert found.previous is not None and found.previous.median == 5
    assert found.summary.change == -3


def test_the_agreed_position_comes_whole_for_the_form() -> None:
    found = detail(POLICE)
    assert found.position is not None and found.position.revision == 1
    assert found.position.agreed.score == 2


def test_an_unknown_c_is_refused() -> None:
    with pytest.raises(UnknownComponent):
        detail(POLICE, component_id="C13")


def test_an_empty_round_has_a_detail_with_nothing_in_it() -> None:
    found = detail([])
    assert found.figures.median is None and found.comments == () and found.by_agency == ()


def test_every_cs_detail_at_once_equals_each_cs_detail_alone() -> None:
    """The board's report reads all twelve in one pass; the cards read one at a time."""
    round_ = make_round(named=True)
    responses = [response(Agency.POLICE, everywhere(n % 6 + 1), evidence={"C2": f"view {n}"})
                 for n in range(7)]
    framework = load_framework()
    together = component_details(framework, round_, responses, {}, None, TODAY)
    alone = tuple(component_detail(framework, round_, responses, {}, None, cid, TODAY)
                  for cid in framework.ids)
    assert together == alone
    assert len(together[1].comments) == 7
