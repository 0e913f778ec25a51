"""`twelvecs purge [--dry-run]`: the retention purge by hand, e.g. before a backup is taken.

Prints counts per round (round id and closing date, never titles, names or answers).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from assessment.clock import Clock, utc_now
from assessment.retention import RetentionService, RoundPurge
from bot.settings import Settings
from storage.lockfile import StoreLocked


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    purge = sub.add_parser("purge", help="delete individual responses past the retention period")
    purge.add_argument("--dry-run", action="store_true", help="only print what would go")
    purge.add_argument("--data-dir", type=Path, help="embedded store folder (default ./data)")


def purge(args: argparse.Namespace, clock: Clock = utc_now) -> int:
    settings = Settings(**({"data_dir": args.data_dir} if args.data_dir else {}))
    try:
        done = asyncio.run(_purge(settings, clock, dry_run=args.dry_run))
    except StoreLocked as locked:
        print(f"twelvecs: {locked}", file=sys.stderr)
        return 2
    print(report(done, dry_run=args.dry_run, days=settings.retention_days))
    return 0


async def _purge(settings: Settings, clock: Clock, *, dry_run: bool) -> list[RoundPurge]:
    from bot.app import create_store

    store = create_store(settings)
    await store.open()
    try:
        retention = RetentionService(
            store, clock, settings.retention_days, k=settings.min_group_size
        )
        return await (retention.plan() if dry_run else retention.purge())
    finally:
        await store.close()


def report(done: list[RoundPurge], *, dry_run: bool, days: int) -> str:
    verb = "would remove" if dry_run else "removed"
    lines = [
        f"round {p.round_id} (closed {p.closed_at:%Y-%m-%d}): {verb} "
        + ", ".join(f"{count} {name}" for name, count in p.counts.items() if count)
        for p in done
    ]
    total = sum(sum(p.counts.values()) for p in done)
    lines.append(
        f"{'dry run: ' if dry_run else ''}{len(done)} round(s) closed over {days} days ago, "
        f"{total} item(s) {'would be removed' if dry_run else 'removed'}"
    )
    return "\n".join(lines)
