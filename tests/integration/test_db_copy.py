"""`twelvecs db copy` moves a TinyDB folder into PostgreSQL: everything, verified, re-runnable."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from storage.postgres_store import PostgresStore
from storage.tinydb_store import TinyDBStore
from tests.contract import records
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema
from tests.support import every_kind

pytestmark = pytest.mark.postgres


@pytest.fixture
def schema() -> Iterator[str]:
    name = asyncio.run(postgres_schema())
    yield name
    asyncio.run(drop_schema(name))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    async def fill() -> None:
        store = TinyDBStore(tmp_path / "data")
        await store.open()
        await every_kind.fill(store)
        await store.close()

    asyncio.run(fill())
    return tmp_path / "data"


def _read(store: Any) -> dict[str, list[dict[str, Any]]]:
    async def read() -> dict[str, list[dict[str, Any]]]:
        await store.open()
        try:
            return await every_kind.everything(store)
        finally:
            await store.close()

    return asyncio.run(read())


def _copy(data_dir: Path, schema: str) -> int:
    return main(
        ["db", "copy", "--from", f"tinydb:{data_dir}", "--to", POSTGRES_DSN, "--schema", schema]
    )


def test_everything_is_copied_and_verified_and_only_counts_are_printed(
    data_dir: Path, schema: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _copy(data_dir, schema) == 0
    printed = capsys.readouterr().out
    assert "verified" in printed and "NOT" not in printed
    assert "Bwrdd" not in printed and "aad-1" not in printed and "ŵ" not in printed
    source = _read(TinyDBStore(data_dir))
    assert all(source.values())
    assert _read(PostgresStore(POSTGRES_DSN, schema=schema)) == source


def test_running_the_copy_again_skips_what_is_there_and_changes_nothing(
    data_dir: Path, schema: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _copy(data_dir, schema) == 0
    first = _read(PostgresStore(POSTGRES_DSN, schema=schema))
    capsys.readouterr()
    assert _copy(data_dir, schema) == 0
    rows = capsys.readouterr().out.splitlines()
    responses = next(r for r in rows if r.startswith("responses")).split()
    assert responses[1:] == ["6", "0", "6", "0", "6"]
    assert _read(PostgresStore(POSTGRES_DSN, schema=schema)) == first


def test_a_record_changed_in_the_target_is_reported_as_a_conflict_and_kept(
    data_dir: Path, schema: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _copy(data_dir, schema) == 0

    async def change_in_target() -> None:
        store = PostgresStore(POSTGRES_DSN, schema=schema)
        await store.open()
        person = await store.get_person(records.TENANT, "aad-2")
        assert person is not None
        await store.save_person(person.model_copy(update={"conversation": None}))
        await store.close()

    asyncio.run(change_in_target())
    changed = _read(PostgresStore(POSTGRES_DSN, schema=schema))
    capsys.readouterr()
    assert _copy(data_dir, schema) == 1
    printed = capsys.readouterr().out
    assert "NOT verified: 1 conflict" in printed
    assert _read(PostgresStore(POSTGRES_DSN, schema=schema)) == changed


def test_a_folder_without_a_store_is_refused_and_not_created(
    tmp_path: Path, schema: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _copy(tmp_path / "nothing", schema) == 2
    assert "holds no twelvecs TinyDB store" in capsys.readouterr().err
    assert not (tmp_path / "nothing").exists()


def test_reminders_already_sent_stay_sent_after_the_copy(tmp_path: Path, schema: str) -> None:
    """Issue 11: TinyDB keeps the reminder log in host state; PostgreSQL must see each claim
    as taken, or the first tick after the move would send those reminders again."""
    from datetime import UTC, datetime

    from assessment.followup_ports import ReminderKind, SentReminder

    sent = SentReminder(
        key=f"idle/{'a' * 32}/p1:x/20261113T090000", round_id="a" * 32,
        kind=ReminderKind.IDLE, recipient="p1:x", sent_at=datetime(2026, 11, 20, tzinfo=UTC),
    )

    async def claim_in_tinydb() -> None:
        store = TinyDBStore(tmp_path / "log")
        await store.open()
        assert await store.claim_reminder(sent)
        await store.close()

    async def claim_again_in_postgres() -> tuple[bool, list[SentReminder]]:
        store = PostgresStore(POSTGRES_DSN, schema=schema)
        await store.open()
        try:
            return await store.claim_reminder(sent), await store.reminders_of(sent.round_id)
        finally:
            await store.close()

    asyncio.run(claim_in_tinydb())
    assert _copy(tmp_path / "log", schema) == 0
    assert asyncio.run(claim_again_in_postgres()) == (False, [sent])
