"""The embedded store's audit log: one JSON line per entry in an append-only file.

Each entry is one `write` to a file opened with `O_APPEND`, then fsynced, so a returned append
survives a crash and no earlier line is ever rewritten. A line torn by a crash mid-write is
skipped when reading and closed off with a newline before the next append.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from assessment.audit import AuditEntry
from storage.atomic import fsync_dir
from storage.memory import matches

log = logging.getLogger(__name__)
AUDIT_NAME = "audit.jsonl"


class AuditFile:
    """Appends and reads `audit.jsonl` in the store's directory (blocking: run off the loop)."""

    def __init__(self, root: Path) -> None:
        self.path = root / AUDIT_NAME
        self._lock = threading.Lock()
        self._needs_newline = self._ends_torn()

    def _ends_torn(self) -> bool:
        try:
            with self.path.open("rb") as existing:
                existing.seek(0, os.SEEK_END)
                if existing.tell() == 0:
                    return False
                existing.seek(-1, os.SEEK_END)
                return existing.read(1) != b"\n"
        except FileNotFoundError:
            return False

    def append(self, entry: AuditEntry) -> None:
        line = entry.model_dump_json().encode("utf-8") + b"\n"
        with self._lock:
            if self._needs_newline:
                line = b"\n" + line
            created = not self.path.exists()
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)
            self._needs_newline = False
            if created:
                fsync_dir(self.path.parent)

    def entries(self, since: datetime | None, partnership_id: str | None) -> list[AuditEntry]:
        try:
            lines = self.path.read_bytes().splitlines()
        except FileNotFoundError:
            return []
        found = []
        for line in lines:
            try:
                entry = AuditEntry.model_validate(json.loads(line))
            except (ValueError, ValidationError):
                log.warning("skipped an unreadable audit line")
                continue
            if matches(entry, since, partnership_id):
                found.append(entry)
        return found
