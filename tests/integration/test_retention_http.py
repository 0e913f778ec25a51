"""Retention inside the running app (start-up and daily, on a test clock), by hand with
`twelvecs purge`, and the start-up re-keying of responses stored by older versions."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from assessment.pseudonym import Pseudonymiser
from assessment.retention import REKEYED
from bot import purge_cli
from storage.tinydb_store import TinyDBStore
from tests.support.clock import EARLY_NOVEMBER, FixedClock
from tests.support.harness import Harness, running_bot
from tests.support.journey import ALEX, LEAD, answer, button, open_round, start_from_announcement
from tests.support.teams import TENANT
from tests.support.waiting import eventually

EVIDENCE = "Escalation routes are clear"
FAST = 1e-5  # hours between purges: a few hundredths of a second


async def answered_and_closed(harness: Harness) -> str:
    announcement = await open_round(harness, "Spring 2026")
    card = await start_from_announcement(harness, ALEX, announcement)
    await answer(harness, ALEX, card, "3", EVIDENCE)
    status, _ = await harness.send(harness.teams.channel_message(LEAD, "close round"))
    assert status in (200, 201)
    round_ = await harness.store.get_round(str(button(card, "answer")["roundId"]))
    assert round_ is not None and not round_.is_open
    return round_.id


async def eventually_empty(harness: Harness, round_id: str) -> bool:
    async def empty() -> bool:
        return not await harness.store.responses_of(round_id)

    return await eventually(empty)


async def test_the_daily_purge_removes_responses_once_the_retention_period_passed(
    tmp_path: Path,
) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(
        tmp_path / "data", clock=clock, retention_days=30, purge_interval_hours=FAST
    ) as harness:
        round_id = await answered_and_closed(harness)
        clock.now += timedelta(days=29)
        await asyncio.sleep(0.1)  # several daily runs on the test clock: too early for all
        assert len(await harness.store.responses_of(round_id)) == 1
        clock.now += timedelta(days=2)
        assert await eventually_empty(harness, round_id)
        assert await harness.store.get_round(round_id) is not None
        assert EVIDENCE not in str(harness.stored_files())


async def test_the_purge_also_runs_at_start(tmp_path: Path) -> None:
    """Right after start, in the background (the daily interval has not passed)."""
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, retention_days=30) as harness:
        round_id = await answered_and_closed(harness)
    clock.now += timedelta(days=31)
    async with running_bot(tmp_path / "data", clock=clock, retention_days=30) as restarted:
        assert await eventually_empty(restarted, round_id)


def run_purge(data_dir: Path, now: datetime, dry_run: bool) -> int:
    args = purge_cli.argparse.Namespace(data_dir=data_dir, dry_run=dry_run)
    return purge_cli.purge(args, clock=lambda: now)


async def test_twelvecs_purge_dry_run_prints_counts_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the command reads the bot's pseudonym key (the harness keeps it beside the data folder)
    monkeypatch.setenv("TWELVECS_PSEUDONYM_KEY_FILE", str(tmp_path / "pseudonym.key"))
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock) as harness:
        round_id = await answered_and_closed(harness)
        before = harness.stored_files()
        root = tmp_path / "data"
    later = clock.now + timedelta(days=366)
    await asyncio.to_thread(run_purge, root, later, True)
    out = capsys.readouterr().out
    assert f"round {round_id}" in out and "would remove 1 responses" in out
    assert EVIDENCE not in out and ALEX.aad not in out and "Spring" not in out
    await asyncio.to_thread(run_purge, root, clock.now + timedelta(days=300), False)
    assert "0 item(s) removed" in capsys.readouterr().out  # not yet due
    after = {str(p.relative_to(root)): p.read_text() for p in root.rglob("*.json")}
    assert {k: v for k, v in after.items() if k in before} == before
    await asyncio.to_thread(run_purge, root, later, False)
    assert "removed 1 responses" in capsys.readouterr().out
    await asyncio.to_thread(run_purge, root, later, False)
    assert "0 round(s)" in capsys.readouterr().out  # idempotent


async def test_responses_stored_under_plain_aad_ids_are_keyed_at_start(tmp_path: Path) -> None:
    async with running_bot(tmp_path / "data") as harness:
        announcement = await open_round(harness, "Autumn 2026")
        card = await start_from_announcement(harness, ALEX, announcement)
        await answer(harness, ALEX, card, "4", EVIDENCE)
        round_id = str(button(card, "answer")["roundId"])
    store = TinyDBStore(tmp_path / "data")  # rewrite it as the version before keyed storage
    await store.open()
    keys = Pseudonymiser((tmp_path / "pseudonym.key").read_text().strip().encode())
    keyed = keys.respondent(TENANT, ALEX.aad)
    stored = await store.get_response(round_id, keyed)
    assert stored is not None
    await store.delete_response(round_id, keyed)
    await store.save_response(stored.model_copy(update={"respondent": ALEX.aad, "revision": 0}))
    await store.delete_state([REKEYED])  # that version kept no record of a re-keying pass
    await store.close()
    async with running_bot(tmp_path / "data") as restarted:
        found = await restarted.response_of(round_id, ALEX)
        assert found is not None and found.answers["C1"].evidence == EVIDENCE
        responses = restarted.stored_files("responses")
        assert responses and ALEX.aad not in json.dumps(responses)
        status, _ = await restarted.send(restarted.teams.personal_message(ALEX, "my answers"))
        assert status in (200, 201) and "Autumn 2026" in str(restarted.cards(ALEX.chat_id)[-1])
