"""`twelvecs db upgrade` migrates the PostgreSQL schema; `twelvecs db copy` moves a TinyDB
data folder into PostgreSQL. Both print versions and counts only, never records."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.settings import Settings
from storage import postgres_migrations
from storage.copy import NoSourceStore, copy_tinydb_to_postgres
from storage.lockfile import StoreLocked
from storage.snapshot import CopyReport

TINYDB_PREFIX = "tinydb:"
POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = sub.add_parser("db", help="PostgreSQL schema upgrade and copying from TinyDB")
    actions = db.add_subparsers(dest="db_command", required=True)
    upgrade = actions.add_parser("upgrade", help="migrate the schema to this version's")
    upgrade.add_argument("--dsn", help="PostgreSQL DSN (default TWELVECS_POSTGRES_DSN)")
    upgrade.add_argument("--schema", help="schema name (default TWELVECS_POSTGRES_SCHEMA)")
    copy = actions.add_parser("copy", help="copy a TinyDB data folder into PostgreSQL")
    copy.add_argument("--from", dest="source", required=True, help="tinydb:PATH")
    copy.add_argument("--to", dest="target", required=True, help="postgresql://…")
    copy.add_argument("--schema", help="schema name (default TWELVECS_POSTGRES_SCHEMA)")


def run(args: argparse.Namespace) -> int:
    settings = Settings(**{})  # from the environment
    schema = args.schema or settings.postgres_schema
    try:
        if args.db_command == "upgrade":
            return asyncio.run(_upgrade(args.dsn or settings.postgres_dsn, schema))
        return _copy(args.source, args.target, schema)
    except (OSError, ValueError, RuntimeError) as failure:  # DatabaseError is a RuntimeError
        print(f"twelvecs: db {args.db_command} failed: {failure}", file=sys.stderr)
        return 2


async def _upgrade(dsn: str, schema: str) -> int:
    if not dsn:
        print("twelvecs: set TWELVECS_POSTGRES_DSN or pass --dsn", file=sys.stderr)
        return 2
    applied = await postgres_migrations.upgrade_database(dsn, schema)
    done = ", ".join(map(str, applied)) if applied else "none needed"
    print(f"schema {schema}: at version {postgres_migrations.LATEST} (applied: {done})")
    return 0


def _copy(source: str, target: str, schema: str) -> int:
    if not source.startswith(TINYDB_PREFIX) or not target.startswith(POSTGRES_PREFIXES):
        print("twelvecs: use --from tinydb:PATH --to postgresql://…", file=sys.stderr)
        return 2
    data_dir = Path(source.removeprefix(TINYDB_PREFIX))
    try:
        report = asyncio.run(copy_tinydb_to_postgres(data_dir, target, schema))
    except (StoreLocked, NoSourceStore) as refusal:
        print(f"twelvecs: {refusal}", file=sys.stderr)
        return 2
    print(format_report(report))
    return 0 if report.verified else 1


def format_report(report: CopyReport) -> str:
    """A table of counts per kind, and whether the copy is complete."""
    lines = [f"{'kind':<14}{'source':>8}{'copied':>8}{'skipped':>9}{'conflict':>9}{'target':>8}"]
    for kind, t in report.kinds.items():
        lines.append(
            f"{kind:<14}{t.source:>8}{t.copied:>8}{t.already_there:>9}{t.conflicts:>9}"
            f"{t.in_target:>8}"
        )
    if report.unreadable:
        lines.append(f"{report.unreadable} source file(s) could not be read or matched")
    conflicts = sum(t.conflicts for t in report.kinds.values())
    if report.verified:
        lines.append("verified: every source record is in the target, identical")
    else:
        lines.append(
            f"NOT verified: {conflicts} conflict(s) (the target's record differs and was kept)"
        )
    return "\n".join(lines)
