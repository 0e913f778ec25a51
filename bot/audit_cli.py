"""`twelvecs audit`: the audit log for administrators on the server, as text or JSON.

The embedded store's log is read straight from its append-only file, so this works while the
bot runs (the bot holds the store's lock); a PostgreSQL log is read with a query.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TextIO

from assessment.audit import AuditEntry
from bot.settings import Settings
from storage.audit_file import AuditFile


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="show the audit log of lead and administrator actions")
    audit.add_argument(
        "--since", type=_moment, help="only entries from this date (YYYY-MM-DD, UTC) or time on"
    )
    audit.add_argument("--partnership", help="only this partnership's entries (its id)")
    audit.add_argument("--json", action="store_true", help="print a JSON array")
    audit.add_argument("--data-dir", type=Path, help="embedded store folder (default ./data)")


def _moment(text: str) -> datetime:
    """A date (midnight UTC) or an ISO date-time (UTC when no offset is given)."""
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None
    if len(text) <= 10:
        found = datetime.combine(date.fromisoformat(text), time(), UTC)
    return found if found.tzinfo else found.replace(tzinfo=UTC)


async def read_entries(
    settings: Settings, since: datetime | None, partnership_id: str | None
) -> list[AuditEntry]:
    if settings.store == "postgres":
        from storage.postgres_store import PostgresStore

        store = PostgresStore(settings.postgres_dsn)
        await store.open()
        try:
            return await store.audit_entries(since=since, partnership_id=partnership_id)
        finally:
            await store.close()
    log = AuditFile(settings.data_dir)
    return await asyncio.to_thread(log.entries, since, partnership_id)


def write(entries: list[AuditEntry], as_json: bool, out: TextIO) -> None:
    if as_json:
        json.dump([e.model_dump(mode="json") for e in entries], out, indent=1)
        out.write("\n")
        return
    for e in entries:
        details = " ".join(
            f"{k}={','.join(v) if isinstance(v, tuple) else v}" for k, v in e.details.items()
        )
        where = f"partnership={e.partnership_id or '-'} round={e.round_id or '-'}"
        out.write(f"{e.at.isoformat()}  {e.action.value:<16} who={e.who}  {where}  {details}\n")
    if not entries:
        out.write("no audit entries\n")


def run(args: argparse.Namespace) -> int:
    overrides = {"data_dir": args.data_dir} if args.data_dir else {}
    settings = Settings(**overrides)
    entries = asyncio.run(read_entries(settings, args.since, args.partnership))
    write(entries, args.json, sys.stdout)
    return 0
