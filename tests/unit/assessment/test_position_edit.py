"""Recording an agreed position: every change kept with who and when; a stale form loses nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from assessment.errors import ConcurrentUpdate
from assessment.position import AgreedPosition, FieldChange, Timeframe
from assessment.position_edit import apply_edit, new_position
from assessment.position_errors import StaleForm
from assessment.position_form import PositionEdit, PositionForm, parse_form
from storage.memory_positions import MemoryPositionStore

OPENED_ON = date(2026, 11, 2)
T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def form(opened_revision: int, **fields: Any) -> PositionEdit:
    return parse_form(PositionForm(opened_revision=opened_revision, **fields), OPENED_ON)


def saved(position: AgreedPosition) -> AgreedPosition:
    """What the store hands back: the same position with its revision bumped."""
    return position.model_copy(update={"revision": position.revision + 1})


def edited(current: AgreedPosition, by: str, minutes: int = 0, **fields: Any) -> AgreedPosition:
    at = T0 + timedelta(minutes=minutes)
    return saved(apply_edit(current, form(current.revision, **fields), by, at).position)


EMPTY = new_position("round-2", "p-1", "C4")


def test_the_first_save_records_the_fields_and_who_changed_them_when() -> None:
    outcome = apply_edit(EMPTY, form(0, score="2", action_plan="Audit"), "aad-ann", T0, "Ann")
    assert outcome.position.agreed.score == 2
    assert (outcome.position.changed_by, outcome.position.changed_at) == ("aad-ann", T0)
    assert outcome.change is not None
    assert outcome.change.by_name == "Ann" and outcome.change.revision == 1
    assert outcome.change.changes == (
        FieldChange(field="score", old=None, new=2),
        FieldChange(field="action_plan", old="", new="Audit"),
    )


def test_every_change_is_kept_in_the_history_old_to_new() -> None:
    first = edited(EMPTY, "aad-ann", score="2")
    second = edited(first, "aad-bob", 5, score="3", review_dates=["2027-01-15"])
    assert [c.by for c in second.history] == ["aad-ann", "aad-bob"]
    assert second.history[1].changes == (
        FieldChange(field="score", old=2, new=3),
        FieldChange(field="review_dates", old=(), new=("2027-01-15",)),
    )
    assert second.agreed.review_dates == (date(2027, 1, 15),)


def test_saving_the_form_unchanged_changes_nothing() -> None:
    first = edited(EMPTY, "aad-ann", score="2", timeframe="gold")
    outcome = apply_edit(first, form(first.revision, score="2", timeframe="GOLD"), "aad-ann", T0)
    assert outcome.change is None and outcome.position == first


def test_a_form_opened_before_someone_else_changed_the_same_field_is_stale() -> None:
    opened = edited(EMPTY, "aad-ann", action_plan="Audit")
    meanwhile = edited(opened, "aad-bob", 5, action_plan="Audit and training")
    stale = form(opened.revision, action_plan="Audit by March", score="2")
    with pytest.raises(StaleForm) as refused:
        apply_edit(meanwhile, stale, "aad-ann", T0 + timedelta(minutes=9))
    error = refused.value
    assert error.conflicts == {"action_plan"}
    assert [c.by for c in error.theirs] == ["aad-bob"]
    assert error.theirs[0].changes == (
        FieldChange(field="action_plan", old="Audit", new="Audit and training"),
    )
    assert error.yours == (
        FieldChange(field="score", old=None, new=2),
        FieldChange(field="action_plan", old="Audit", new="Audit by March"),
    )
    assert error.current == meanwhile


def test_after_a_stale_form_the_lead_can_save_again_on_the_current_revision() -> None:
    opened = edited(EMPTY, "aad-ann", action_plan="Audit")
    meanwhile = edited(opened, "aad-bob", 5, action_plan="Audit and training")
    again = apply_edit(meanwhile, form(meanwhile.revision, action_plan="Both"), "aad-ann", T0)
    assert again.position.agreed.action_plan == "Both"
    assert len(again.position.history) == 3


def test_changes_to_different_fields_since_the_form_opened_are_merged() -> None:
    opened = edited(EMPTY, "aad-ann", action_plan="Audit")
    meanwhile = edited(opened, "aad-bob", 5, accountability="Board manager")
    outcome = apply_edit(
        meanwhile, form(opened.revision, score="2", accountability="Board manager"), "aad-ann", T0
    )
    assert outcome.position.agreed.accountability == "Board manager"
    assert outcome.position.agreed.score == 2
    assert [c.by for c in outcome.merged] == ["aad-bob"]


def test_a_form_that_repeats_what_the_other_lead_saved_is_not_a_conflict() -> None:
    opened = edited(EMPTY, "aad-ann", action_plan="Audit")
    meanwhile = edited(opened, "aad-bob", 5, action_plan="Audit and training")
    outcome = apply_edit(
        meanwhile, form(opened.revision, action_plan="Audit and training"), "aad-ann", T0
    )
    assert outcome.change is None


def test_the_same_lead_saving_twice_from_one_form_is_not_a_conflict() -> None:
    opened = edited(EMPTY, "aad-ann", action_plan="Audit")
    mine = edited(opened, "aad-ann", 1, action_plan="Audit v2")
    outcome = apply_edit(mine, form(opened.revision, action_plan="Audit v3"), "aad-ann", T0)
    assert outcome.position.agreed.action_plan == "Audit v3"


def test_a_form_claiming_a_revision_from_the_future_is_stale() -> None:
    with pytest.raises(StaleForm):
        apply_edit(EMPTY, form(4, score="3"), "aad-ann", T0)


def test_a_stored_position_keeps_its_history_through_json() -> None:
    position = edited(
        edited(EMPTY, "aad-ann", timeframe="silver", review_dates=["2027-02-01"]),
        "aad-bob",
        score="5",
    )
    again = AgreedPosition.model_validate(position.model_dump(mode="json"))
    assert again == position
    assert again.agreed.timeframe is Timeframe.SILVER


async def test_the_memory_store_saves_by_compare_and_set() -> None:
    store = MemoryPositionStore()
    first = await store.save_position(apply_edit(EMPTY, form(0, score="2"), "a", T0).position)
    assert first.revision == 1
    assert await store.get_position("round-2", "C4") == first
    with pytest.raises(ConcurrentUpdate):
        await store.save_position(apply_edit(EMPTY, form(0, score="3"), "b", T0).position)
    assert (await store.get_positions("round-2"))["C4"].agreed.score == 2
    assert await store.get_positions("round-1") == {}
