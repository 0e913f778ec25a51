"""`twelvecs purge [--dry-run]`: the retention purge by hand, e.g. before a backup is taken.

Prints counts per round (round id and closing date, never titles, names or answers) and how
many person records of people no longer using the bot go (a count, never who).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from assessment.clock import Clock, utc_now
from assessment.pseudonym import Pseudonymiser
from assessment.retention import RoundPurge
from bot.maintenance import purges
from bot.pseudonym_key import PseudonymKeyError, load_pseudonym_key
from bot.settings import Settings
from storage.lockfile import StoreLocked


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    purge = sub.add_parser(
        "purge", help="delete responses and person records past the retention period"
    )
    purge.add_argument("--dry-run", action="store_true", help="only print what would go")
    purge.add_argument("--data-dir", type=Path, help="embedded store folder (default ./data)")


def purge(args: argparse.Namespace, clock: Clock = utc_now) -> int:
    settings = Settings(**({"data_dir": args.data_dir} if args.data_dir else {}))
    try:  # people's answers in anonymous rounds are found by their keyed pseudonym
        pseudonyms = Pseudonymiser(load_pseudonym_key(settings))
    except (PseudonymKeyError, OSError) as refusal:
        print(f"twelvecs: {refusal}", file=sys.stderr)
        return 2
    try:
        done, people = asyncio.run(_purge(settings, clock, pseudonyms, dry_run=args.dry_run))
    except StoreLocked as locked:
        print(f"twelvecs: {locked}", file=sys.stderr)
        return 2
    print(report(done, people, dry_run=args.dry_run, days=settings.retention_days))
    return 0


async def _purge(
    settings: Settings, clock: Clock, pseudonyms: Pseudonymiser, *, dry_run: bool
) -> tuple[list[RoundPurge], int]:
    from bot.app import create_store
    from bot.teams.erasure_flow import chat_state_keys

    store = create_store(settings)
    await store.open()
    try:
        retention, people = purges(settings, store, clock, pseudonyms, chat_state_keys)
        if dry_run:
            return await retention.plan(), await people.plan()
        return await retention.purge(), await people.purge()
    finally:
        await store.close()


def report(done: list[RoundPurge], people: int, *, dry_run: bool, days: int) -> str:
    verb = "would remove" if dry_run else "removed"
    lines = [
        f"round {p.round_id} (closed {p.closed_at:%Y-%m-%d}): {verb} "
        + ", ".join(f"{count} {name}" for name, count in p.counts.items() if count)
        for p in done
    ]
    total = sum(sum(p.counts.values()) for p in done)
    went = "would be removed" if dry_run else "removed"
    dry = "dry run: " if dry_run else ""
    lines.append(
        f"{dry}{len(done)} round(s) closed over {days} days ago, {total} item(s) {went}"
    )
    lines.append(f"{dry}{people} person record(s) not seen for over {days} days {went}")
    return "\n".join(lines)
