"""The reminder log (issue 11): a reminder is claimed once, by one caller, and survives a
reopen; a released claim can be claimed again. Also the member list reminders reach."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import cast

from assessment.followup_ports import CLAIM_LEASE, FollowUpStore, ReminderKind, SentReminder
from assessment.model import Person
from tests.contract.backends import Backend

AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
ROUND = "a" * 32


def reminder(key: str = f"idle/{ROUND}/p1:x/20261113T090000", **extra: object) -> SentReminder:
    fields: dict[str, object] = {
        "key": key, "round_id": ROUND, "kind": ReminderKind.IDLE, "recipient": "p1:x",
        "sent_at": AT, **extra,
    }
    return SentReminder.model_validate(fields)


def log_of(backend: Backend) -> FollowUpStore:
    return cast(FollowUpStore, backend.store)


async def test_a_reminder_is_claimed_once(backend: Backend) -> None:
    log = log_of(backend)
    assert await log.claim_reminder(reminder()) is True
    assert await log.claim_reminder(reminder(sent_at=AT + timedelta(minutes=5))) is False
    assert await log.reminders_of(ROUND) == [reminder()]
    assert await log.reminders_of("b" * 32) == []


async def test_of_two_claims_at_once_exactly_one_wins(backend: Backend) -> None:
    log = log_of(backend)
    won = await asyncio.gather(*(log.claim_reminder(reminder()) for _ in range(5)))
    assert sorted(won) == [False, False, False, False, True]


async def test_a_released_claim_can_be_claimed_again_and_others_stay(backend: Backend) -> None:
    log = log_of(backend)
    other = reminder(f"idle/{ROUND}/p1:y/20261113T090000", recipient="p1:y")
    await log.claim_reminder(reminder())
    await log.claim_reminder(other)
    await log.release_reminder(reminder().key)
    assert await log.reminders_of(ROUND) == [other]
    assert await log.claim_reminder(reminder()) is True


async def test_claims_survive_a_reopen(backend: Backend) -> None:
    await log_of(backend).claim_reminder(reminder())
    await backend.reopen()
    assert await log_of(backend).claim_reminder(reminder()) is False
    assert await log_of(backend).reminders_of(ROUND) == [reminder()]


async def test_members_of_lists_the_partnership_members(backend: Backend) -> None:
    await backend.store.add_members("t/team/1", ["aad-b", "aad-a"])
    await backend.store.add_members("t/team/2", ["aad-c"])
    await backend.store.remove_members("t/team/1", ["aad-b"])
    assert await log_of(backend).members_of("t/team/1") == ["aad-a"]
    assert await log_of(backend).members_of("t/team/3") == []


async def test_a_person_keeps_their_reminder_choice_and_a_dead_chat(backend: Backend) -> None:
    person = Person(tenant_id="t", aad_object_id="aad-a", reminders_stopped=True, chat_dead=True)
    await backend.store.save_person(person)
    await backend.reopen()
    found = await backend.store.get_person("t", "aad-a")
    assert found is not None and found.reminders_stopped and found.chat_dead


async def test_erasure_forgets_one_persons_entries_of_a_round(backend: Backend) -> None:
    log = log_of(backend)
    other = reminder(f"idle/{ROUND}/p1:y/20261113T090000", recipient="p1:y")
    await log.claim_reminder(reminder())
    await log.claim_reminder(other)
    assert await log.forget_reminders(ROUND, "p1:x") == 1
    assert await log.forget_reminders(ROUND, "p1:x") == 0
    assert await log.reminders_of(ROUND) == [other]


async def test_a_claim_never_confirmed_can_be_taken_over_after_its_lease(backend: Backend) -> None:
    """An instance that stopped between claim and send must not make the reminder skipped."""
    log = log_of(backend)
    assert await log.claim_reminder(reminder())
    soon = reminder(sent_at=AT + CLAIM_LEASE - timedelta(seconds=1))
    assert await log.claim_reminder(soon) is False  # still leased to the first claimant
    later = reminder(sent_at=AT + CLAIM_LEASE)
    assert await log.claim_reminder(later) is True  # lease ran out: taken over
    assert await log.reminders_of(ROUND) == [later]


async def test_a_confirmed_reminder_is_never_taken_over(backend: Backend) -> None:
    log = log_of(backend)
    await log.claim_reminder(reminder())
    await log.confirm_reminder(reminder().key)
    much_later = reminder(sent_at=AT + timedelta(days=30))
    assert await log.claim_reminder(much_later) is False
    assert await log.reminders_of(ROUND) == [reminder(confirmed=True)]


async def test_of_two_takeovers_at_once_exactly_one_wins(backend: Backend) -> None:
    log = log_of(backend)
    await log.claim_reminder(reminder())
    later = reminder(sent_at=AT + CLAIM_LEASE + timedelta(minutes=1))
    won = await asyncio.gather(*(log.claim_reminder(later) for _ in range(4)))
    assert sorted(won) == [False, False, False, True]


async def test_retention_drops_a_rounds_whole_log_only(backend: Backend) -> None:
    log = log_of(backend)
    elsewhere = reminder(f"idle/{'b' * 32}/p1:x/20261113T090000", round_id="b" * 32)
    await log.claim_reminder(reminder())
    await log.claim_reminder(elsewhere)
    assert await log.drop_reminders(ROUND) == 1
    assert await log.reminders_of(ROUND) == []
    assert await log.reminders_of("b" * 32) == [elsewhere]
    assert await log.drop_reminders(ROUND) == 0
