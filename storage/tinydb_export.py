"""Reads every record of a TinyDB store directory, for `db copy` (blocking: run in a thread).

File names are keyed hashes, so the walk goes by folder: each record file holds its own ids.
Membership files hold only the members' ids, so they are found through the partnerships
(and rounds) that name them; a membership file no known partnership leads to is counted as
unreadable rather than guessed at.
"""

from __future__ import annotations

from pathlib import Path

from assessment.ports import JsonDoc
from storage.audit_file import AuditFile
from storage.snapshot import Snapshot
from storage.tinydb_files import DocumentFiles
from storage.tinydb_layout import Layout


def _docs(files: DocumentFiles, paths: list[Path]) -> tuple[list[JsonDoc], int]:
    found = [files.read(path) for path in paths]
    return [d for d in found if d], sum(1 for d in found if not d)


def export(layout: Layout, files: DocumentFiles) -> tuple[Snapshot, int]:
    """(every record by kind, how many files could not be read or matched)."""
    root = layout.root
    snapshot: Snapshot = {}
    unreadable = 0
    for kind, pattern in (
        ("partnerships", "partnerships/*/*.json"),
        ("rounds", "rounds/*/*.json"),
        ("people", "people/*/*.json"),
        ("responses", "responses/*/*.json"),
        ("positions", "positions/*/*.json"),
        ("publications", "publications/*/*.json"),
        ("state", "state/*/*.json"),
    ):
        snapshot[kind], bad = _docs(files, sorted(root.glob(pattern)))
        unreadable += bad
    snapshot["members"], unmatched = _members(layout, files, snapshot)
    entries = AuditFile(root).entries(None, None)
    snapshot["audit_log"] = [e.model_dump(mode="json") for e in entries]
    return snapshot, unreadable + unmatched


def _members(layout: Layout, files: DocumentFiles, snapshot: Snapshot) -> tuple[list[JsonDoc], int]:
    partnerships = {d["id"] for d in snapshot["partnerships"]}
    partnerships |= {d["partnership_id"] for d in snapshot["rounds"]}
    found: list[JsonDoc] = []
    matched: set[Path] = set()
    for pid in sorted(partnerships):
        path = layout.members(pid)
        ids = files.ids(path)
        if ids:
            matched.add(path)
        found += [{"partnership_id": pid, "aad_id": aad_id} for aad_id in ids]
    all_files = set(layout.root.glob("members/*/*.json"))
    return found, len(all_files - matched)
