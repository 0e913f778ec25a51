"""`twelvecs db copy`: everything in a TinyDB data folder into a PostgreSQL schema.

The source is opened like the bot opens it (its lock refuses a running bot on the same
folder, so the copy sees a still store); the target is migrated to the current schema first.
Respondents stay keyed as they were: the target bot must use the same pseudonym key.
"""

from __future__ import annotations

from pathlib import Path

from storage.postgres_import import import_snapshot
from storage.postgres_migrations import database_errors
from storage.postgres_store import PostgresStore
from storage.snapshot import CopyReport
from storage.tinydb_layout import META_NAME
from storage.tinydb_store import TinyDBStore


class NoSourceStore(FileNotFoundError):
    """The source folder holds no TinyDB store (copying from it would create an empty one)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"{data_dir} holds no twelvecs TinyDB store ({META_NAME} is missing)")


async def copy_tinydb_to_postgres(data_dir: Path, dsn: str, schema: str) -> CopyReport:
    """Copy every record, then count each kind on both sides; see `CopyReport.verified`."""
    if not (data_dir / META_NAME).is_file():
        raise NoSourceStore(data_dir)
    source = TinyDBStore(data_dir)
    await source.open()
    try:
        snapshot, unreadable = await source.export()
    finally:
        await source.close()
    report = CopyReport(unreadable=unreadable)
    target = PostgresStore(dsn, schema=schema, pool_size=1)
    with database_errors():
        await target.open()
        try:
            await import_snapshot(target.pool, snapshot, report)
        finally:
            await target.close()
    return report
