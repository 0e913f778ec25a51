"""`twelvecs audit` on the server: the log as text or JSON, filtered, while the bot runs."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assessment.audit import AuditAction, AuditEntry
from bot.cli import main
from storage.tinydb_store import TinyDBStore


def entry(action: AuditAction, day: int, **details: str | tuple[str, ...]) -> AuditEntry:
    return AuditEntry(
        at=datetime(2026, 11, day, 9, 0, tzinfo=UTC),
        action=action,
        who="aad-lead-1",
        partnership_id="t/team/19:x",
        round_id="r1",
        details=details,
    )


@pytest.fixture
async def running_store(tmp_path: Path) -> AsyncIterator[Path]:
    """A store with three entries, left open (locked) as a running bot would hold it."""
    store = TinyDBStore(tmp_path / "data")
    await store.open()
    await store.append_audit(entry(AuditAction.ROUND_OPENED, 23))
    await store.append_audit(
        entry(AuditAction.POSITION_CHANGED, 24, component="C4", fields=("evidence", "score"))
    )
    await store.append_audit(entry(AuditAction.ROUND_CLOSED, 25))
    yield tmp_path / "data"
    await store.close()


def test_audit_prints_entries_since_a_date_as_json(
    running_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "--data-dir", str(running_store), "--since", "2026-11-24", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in printed] == ["position.changed", "round.closed"]
    assert printed[0]["details"] == {"component": "C4", "fields": ["evidence", "score"]}


def test_audit_prints_one_line_per_entry(
    running_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "--data-dir", str(running_store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "position.changed" in lines[1] and "component=C4 fields=evidence,score" in lines[1]


def test_an_empty_log_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "no audit entries\n"


def test_a_bad_date_is_refused_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["audit", "--data-dir", str(tmp_path), "--since", "last tuesday"])
    assert refused.value.code == 2
    assert "not a date: 'last tuesday' (use YYYY-MM-DD)" in capsys.readouterr().err
