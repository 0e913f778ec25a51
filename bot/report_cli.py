"""`twelvecs report --round <id or title> --format xlsx|pdf|csv --out FILE`: the board's
report for administrators on the server.

The server's operator is trusted with the store, so no lead check applies; the export is
recorded in the audit log (`who=server`) like a lead's. The embedded store is locked while the
bot runs: then ask for the report in Teams, or stop the bot first.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from assessment.errors import AssessmentError
from assessment.lead_service import LeadService
from assessment.model import Round
from assessment.ports import FullStore
from assessment.service import AssessmentService
from bot.settings import Settings
from messages import load_catalogue
from messages.catalogue import available_locales, speaking
from reporting.formats import ReportFormat
from reporting.service import ReportService
from storage.lockfile import StoreLocked

WHO = "server"
"""The audit log's `who` for exports made on the server."""


class RoundNotFound(LookupError):
    pass


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = sub.add_parser("report", help="write a round's report for the board")
    report.add_argument("--round", required=True, help="the round's id or its title")
    report.add_argument("--format", required=True, help="xlsx, pdf or csv")
    report.add_argument("--out", required=True, type=Path, help="file to write")
    report.add_argument("--data-dir", type=Path, help="embedded store folder (default ./data)")
    report.add_argument(
        "--language", choices=available_locales(), help="en or cy (default TWELVECS_LOCALE)"
    )


def run(args: argparse.Namespace) -> int:
    settings = Settings(**({"data_dir": args.data_dir} if args.data_dir else {}))
    try:
        fmt = ReportFormat.parse(args.format)
    except AssessmentError:
        print(f"twelvecs: unknown format {args.format!r}: use xlsx, pdf or csv", file=sys.stderr)
        return 2
    try:
        content = asyncio.run(_export(settings, args.round, fmt, args.language))
    except StoreLocked as locked:
        print(f"twelvecs: {locked}: ask for the report in Teams or stop the bot first",
              file=sys.stderr)
        return 2
    except RoundNotFound as missing:
        print(f"twelvecs: {missing}", file=sys.stderr)
        return 2
    args.out.write_bytes(content)
    print(f"wrote {args.out} ({len(content)} bytes)")
    return 0


async def _export(
    settings: Settings, wanted: str, fmt: ReportFormat, language: str | None = None
) -> bytes:
    from bot.app import create_store

    store = create_store(settings)
    await store.open()
    try:
        return await export(store, settings, wanted, fmt, language)
    finally:
        await store.close()


async def export(
    store: FullStore,
    settings: Settings,
    wanted: str,
    fmt: ReportFormat,
    language: str | None = None,
) -> bytes:
    """The report of the round `wanted` names, audited as made on the server, written in
    `language` (`--language cy`; default `TWELVECS_LOCALE`)."""
    service = AssessmentService(store, administrators=frozenset(settings.administrators))
    leads = LeadService(store, store, service, min_group_size=settings.min_group_size)
    round_ = find_round(await store.all_rounds(), wanted)
    texts = load_catalogue(language or settings.locale)
    with speaking(texts.locale):
        file = await ReportService(leads).export_round(round_, fmt, texts, who=WHO, via="cli")
    return file.content


def find_round(rounds: list[Round], wanted: str) -> Round:
    """The round with that id, else the one with that title (ignoring case and spaces)."""
    by_id = [r for r in rounds if r.id == wanted]
    key = " ".join(wanted.split()).casefold()
    found = by_id or [r for r in rounds if r.title.casefold() == key]
    if not found:
        raise RoundNotFound(f"no round with id or title {wanted!r}")
    if len(found) > 1:
        ids = ", ".join(r.id for r in found)
        raise RoundNotFound(f"several rounds are titled {wanted!r}: give one id of {ids}")
    return found[0]
