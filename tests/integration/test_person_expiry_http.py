"""Person records expire inside the running app, over HTTP as Teams sends activities, on the
test clock: someone who stops using the bot loses their record and their chat's dialog state
after the retention period; someone who keeps using it does not. `twelvecs purge --dry-run`
counts them and changes nothing."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from assessment.audit import AuditAction
from assessment.model import Person as PersonRecord
from assessment.retention import PURGE_ACTOR
from bot import purge_cli
from tests.support.clock import EARLY_NOVEMBER, Clock
from tests.support.harness import Harness, running_bot
from tests.support.journey import ALEX, LEAD, SAM, open_round
from tests.support.teams import Person
from tests.support.waiting import eventually

DAYS = 30
FAST = 1e-5  # hours between purges: a few hundredths of a second


def chat_state(who: Person) -> str:
    return f"msteams/conversations/{who.chat_id}"


async def says(harness: Harness, who: Person, text: str) -> None:
    status, _ = await harness.send(harness.teams.personal_message(who, text))
    assert status in (200, 201)


async def record_of(harness: Harness, who: Person) -> PersonRecord | None:
    return await harness.store.get_person(harness.teams.tenant, who.aad)


async def alex_walks_in_and_the_round_closes(harness: Harness) -> None:
    """Alex types `start` in the 1:1 chat (the dialog waits for an agency), then the round
    closes, so no open round keeps Alex's record."""
    await open_round(harness)
    await says(harness, ALEX, "start")
    assert await harness.store.read_state([chat_state(ALEX)])
    status, _ = await harness.send(harness.teams.channel_message(LEAD, "close round"))
    assert status in (200, 201)


async def eventually_gone(harness: Harness, who: Person) -> bool:
    async def gone() -> bool:
        return await record_of(harness, who) is None

    return await eventually(gone)


async def test_someone_who_stopped_using_the_bot_is_forgotten_and_someone_active_kept(
    tmp_path: Path,
) -> None:
    clock = Clock(EARLY_NOVEMBER)
    async with running_bot(
        tmp_path / "data", clock=clock, retention_days=DAYS, purge_interval_hours=FAST
    ) as harness:
        await alex_walks_in_and_the_round_closes(harness)
        await says(harness, SAM, "help")
        clock.now += timedelta(days=DAYS - 5)
        await says(harness, SAM, "my answers")  # Sam keeps using the bot; Alex does not
        clock.now += timedelta(days=6)
        assert await eventually_gone(harness, ALEX)
        assert await harness.store.read_state([chat_state(ALEX)]) == {}
        sam = await record_of(harness, SAM)
        assert sam is not None and sam.conversation is not None
        left = str(harness.stored_files("people", "state"))
        assert ALEX.aad not in left and ALEX.chat_id not in left
        purges = [e for e in await harness.store.audit_entries() if e.details.get("people")]
        assert [(e.action, e.who, e.details) for e in purges] == [
            (AuditAction.PURGED, PURGE_ACTOR, {"people": 1})
        ]


def run_purge(data_dir: Path, clock: Clock, dry_run: bool) -> int:
    args = purge_cli.argparse.Namespace(data_dir=data_dir, dry_run=dry_run)
    return purge_cli.purge(args, clock=clock)


async def test_twelvecs_purge_dry_run_counts_people_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWELVECS_PSEUDONYM_KEY_FILE", str(tmp_path / "pseudonym.key"))
    clock = Clock(EARLY_NOVEMBER)
    root = tmp_path / "data"
    async with running_bot(root, clock=clock, retention_days=DAYS) as harness:
        await alex_walks_in_and_the_round_closes(harness)
        before = harness.stored_files()
    monkeypatch.setenv("TWELVECS_RETENTION_DAYS", str(DAYS))
    clock.now += timedelta(days=DAYS + 1)
    assert await asyncio.to_thread(run_purge, root, clock, True) == 0
    out = capsys.readouterr().out
    assert f"dry run: 1 person record(s) not seen for over {DAYS} days would be removed" in out
    assert ALEX.aad not in out and ALEX.chat_id not in out
    after = {str(p.relative_to(root)): p.read_text() for p in root.rglob("*.json")}
    assert {k: v for k, v in after.items() if k in before} == before
    assert await asyncio.to_thread(run_purge, root, clock, False) == 0
    assert f"1 person record(s) not seen for over {DAYS} days removed" in capsys.readouterr().out
    assert await asyncio.to_thread(run_purge, root, clock, False) == 0
    assert "0 person record(s)" in capsys.readouterr().out  # idempotent
