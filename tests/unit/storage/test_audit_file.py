"""The TinyDB store's audit file: appended to, never rewritten, and readable after a torn write."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from assessment.audit import AuditAction, AuditEntry
from storage.audit_file import AuditFile

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def entry(action: AuditAction) -> AuditEntry:
    return AuditEntry(at=AT, action=action, who="aad-lead-1", partnership_id="t/team/x")


def test_appending_leaves_earlier_lines_byte_for_byte(tmp_path: Path) -> None:
    log = AuditFile(tmp_path)
    log.append(entry(AuditAction.ROUND_OPENED))
    before = log.path.read_bytes()
    log.append(entry(AuditAction.ROUND_CLOSED))
    assert log.path.read_bytes().startswith(before)
    assert [e.action for e in log.entries(None, None)] == ["round.opened", "round.closed"]


def test_a_line_torn_by_a_crash_is_skipped_and_the_next_entry_kept(tmp_path: Path) -> None:
    AuditFile(tmp_path).append(entry(AuditAction.ROUND_OPENED))
    with (tmp_path / "audit.jsonl").open("ab") as torn:
        torn.write(b'{"id": "half a li')
    reopened = AuditFile(tmp_path)
    reopened.append(entry(AuditAction.LEAD_ADDED))
    assert [e.action for e in reopened.entries(None, None)] == ["round.opened", "lead.added"]


def test_the_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    log = AuditFile(tmp_path)
    log.append(entry(AuditAction.ROUND_OPENED))
    assert log.path.stat().st_mode & 0o077 == 0
