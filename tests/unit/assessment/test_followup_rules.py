"""Follow-through rules without I/O (issue 11): idle reminders, review dates, close dates,
the agency list, the action cycle, carry-forward and weekly notices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from assessment.action_status import ActionStatus, StatusOutOfOrder, check_step
from assessment.agency_list import EmptyAgencyList, UnknownAgency, parse_agencies, split_typed
from assessment.carry_forward import carried_positions, previous_of
from assessment.close_date import CloseDateNotAhead, InvalidCloseDate, parse_close_date
from assessment.followup import round_notice
from assessment.followup_ports import ReminderKind
from assessment.model import Agency, Response
from assessment.position import PositionFields
from assessment.reminders import (
    idle_claim,
    idle_reminder_due,
    london_today,
    names_owner,
    reviews_arrived,
)
from assessment.summary_model import PositionStatus
from tests.unit.assessment.summary_data import make_round, position

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def unfinished(last: datetime, *, complete: bool = False) -> Response:
    return Response(
        round_id="round-2", partnership_id="p-1", tenant_id="t", respondent="p1:abc",
        agency=Agency.POLICE, started_at=last, updated_at=last, position="C2",
        submitted_at=last if complete else None,
    )


def test_an_unfinished_response_is_reminded_after_seven_idle_days_only() -> None:
    round_ = make_round()
    assert not idle_reminder_due(round_, unfinished(NOW - timedelta(days=6, hours=23)), [], NOW)
    assert idle_reminder_due(round_, unfinished(NOW - timedelta(days=7)), [], NOW)
    long_ago = NOW - timedelta(days=9)
    assert not idle_reminder_due(round_, unfinished(long_ago, complete=True), [], NOW)
    assert not idle_reminder_due(make_round(closed=True), unfinished(long_ago), [], NOW)


def test_the_same_idle_spell_is_reminded_once_and_anyone_at_most_weekly() -> None:
    round_ = make_round()
    spell = unfinished(NOW - timedelta(days=8))
    sent = [idle_claim(spell, NOW - timedelta(days=1))]
    assert not idle_reminder_due(round_, spell, sent, NOW)  # same spell
    newer = unfinished(NOW - timedelta(days=7))  # answered again, idle again
    assert not idle_reminder_due(round_, newer, sent, NOW)  # last reminder a day ago
    assert idle_reminder_due(round_, newer, sent, NOW + timedelta(days=6))


def test_a_review_that_was_recorded_no_longer_prompts_for_earlier_dates() -> None:
    agreed = PositionFields(review_dates=(date(2026, 11, 1), date(2026, 11, 15)))
    today = date(2026, 11, 20)
    assert PositionStatus.of(agreed, today).overdue_review == date(2026, 11, 1)
    assert PositionStatus.of(agreed, today, date(2026, 11, 3)).overdue_review == date(2026, 11, 15)
    assert PositionStatus.of(agreed, today, date(2026, 11, 16)).overdue_review is None


def test_a_review_date_arrives_on_its_uk_day_and_is_not_sent_weeks_late() -> None:
    dates = (date(2026, 11, 1), date(2026, 11, 20), date(2026, 12, 1))
    assert reviews_arrived(dates, date(2026, 11, 20)) == [date(2026, 11, 20)]
    assert london_today(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)  # BST


def test_the_owner_is_named_as_a_whole_name_only() -> None:
    assert names_owner("Jo Bloggs, head of service", "jo bloggs")
    assert not names_owner("Joanne Bloggs", "Jo")
    assert not names_owner("Head of service", None)


def test_a_close_date_must_be_a_date_after_today() -> None:
    today = date(2026, 11, 2)
    assert parse_close_date(" 2027-01-31 ", today) == date(2027, 1, 31)
    for bad, refusal in (
        ("2026-11-02", CloseDateNotAhead), ("2026-10-01", CloseDateNotAhead),
        ("31/01/2027", InvalidCloseDate), ("", InvalidCloseDate), ("2030-01-01", InvalidCloseDate),
    ):
        with pytest.raises(refusal):
            parse_close_date(bad, today)


def test_the_agency_list_is_matched_loosely_but_refuses_what_it_does_not_know() -> None:
    typed = split_typed("Police; children's services, Youth Justice,NHS")
    assert parse_agencies(typed) == (
        Agency.POLICE, Agency.HEALTH, Agency.CHILDRENS_SERVICES, Agency.PROBATION_YOUTH_JUSTICE
    )
    with pytest.raises(UnknownAgency) as refused:
        parse_agencies(["police", "fire service"])
    assert refused.value.params == {"typed": "fire service"}
    with pytest.raises(EmptyAgencyList):
        parse_agencies([" ", ""])


def test_the_action_cycle_moves_one_step_and_starts_again_after_refined() -> None:
    check_step(None, ActionStatus.IDENTIFIED)
    check_step(ActionStatus.REFINED, ActionStatus.IMPLEMENTED)
    with pytest.raises(StatusOutOfOrder) as refused:
        check_step(ActionStatus.IDENTIFIED, ActionStatus.REFINED)
    assert refused.value.params == {
        "current": "identified", "wanted": "refined", "next": "implemented"
    }


def test_only_started_positions_are_carried_marked_with_the_round_they_came_from() -> None:
    spring, winter = make_round("round-1", title="Spring"), make_round("round-3", title="Winter")
    winter = winter.model_copy(update={"opened_at": spring.opened_at + timedelta(days=90)})
    assert previous_of([spring, winter], winter) == spring
    stored = {
        "C4": position("C4", PositionFields(score=3, review_dates=(date(2026, 12, 1),)), "round-1"),
        "C5": position("C5", PositionFields(), "round-1"),
    }
    carried = carried_positions(spring, stored, winter)
    assert [(p.component_id, p.round_id, p.carried_from, p.revision) for p in carried] == [
        ("C4", "round-3", "Spring", 0)
    ]
    assert carried[0].agreed == stored["C4"].agreed


def test_weekly_digests_come_from_the_second_week_and_the_close_on_its_day() -> None:
    round_ = make_round().model_copy(update={"weekly_digest": True, "closes_on": date(2026, 12, 1)})
    opened = round_.opened_at
    assert round_notice(round_, london_today(opened) + timedelta(days=6), NOW) is None
    weekly = round_notice(round_, london_today(opened) + timedelta(days=7), NOW)
    assert weekly is not None and weekly.claim.kind is ReminderKind.DIGEST
    closing = round_notice(round_, date(2026, 12, 1), NOW)
    assert closing is not None and closing.claim.kind is ReminderKind.AUTO_CLOSE
