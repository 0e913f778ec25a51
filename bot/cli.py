"""`twelvecs serve` runs the bot; `twelvecs manifest` builds the Teams app package;
`twelvecs audit` shows the audit log; `twelvecs purge` applies the retention period;
`twelvecs report` writes a round's report for the board."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from aiohttp import web
from pydantic import ValidationError

from bot import audit_cli, db_cli, purge_cli, report_cli, workers
from bot.access_log import RouteAccessLogger
from bot.app import create_app
from bot.event_loop import new_event_loop
from bot.pseudonym_key import PseudonymKeyError, load_pseudonym_key
from bot.settings import Settings

log = logging.getLogger("twelvecs")


def _serve_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = sub.add_parser("serve", help="run the bot")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 3978)")
    serve.add_argument("--data-dir", type=Path, help="embedded store folder (default ./data)")
    serve.add_argument(
        "--allow-unauthenticated-public",
        action="store_true",
        help="listen on a non-loopback address without credentials (unsafe)",
    )
    workers.add_arguments(serve)


def serve(args: argparse.Namespace, argv: list[str] | None = None) -> int:
    overrides = {
        key: value
        for key, value in {
            "host": args.host,
            "port": args.port,
            "data_dir": args.data_dir,
            "allow_unauthenticated_public": args.allow_unauthenticated_public or None,
            "workers": args.workers,
        }.items()
        if value is not None
    }
    try:
        settings = Settings(**overrides)
    except ValidationError as invalid:
        for error in invalid.errors():
            where = ".".join(str(part) for part in error["loc"])
            print(f"twelvecs: setting {where}: {error['msg']}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        settings.check_exposure()
    except ValueError as refusal:
        print(f"twelvecs: {refusal}", file=sys.stderr)
        return 2
    try:
        pseudonym_key = load_pseudonym_key(settings)
    except (PseudonymKeyError, OSError) as refusal:
        print(f"twelvecs: {refusal}", file=sys.stderr)
        return 2
    if not settings.authentication_enabled:
        log.warning("no MicrosoftAppId set: authentication is OFF (local testing only)")
    if (refused := workers.refusal(settings)) is not None:
        print(f"twelvecs: {refused}", file=sys.stderr)
        return 2
    if settings.workers > 1:
        _log_tenants(settings)
        return workers.supervise(settings, sys.argv[1:] if argv is None else argv)
    _log_tenants(settings)
    log.info(
        "store: %s; listening on http://%s:%d/api/messages",
        settings.store,
        settings.host,
        settings.port,
    )
    app = create_app(settings, pseudonym_key=pseudonym_key)
    app.on_startup.append(_freeze_startup_objects)
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        print=None,
        reuse_port=args.worker or None,
        shutdown_timeout=settings.shutdown_grace_seconds,
        access_log_class=RouteAccessLogger,
        loop=new_event_loop(settings.event_loop),
    )
    return 0


def _log_tenants(settings: Settings) -> None:
    """Say at start whom the bot serves (a count, never the ids)."""
    served = settings.tenant_allow_list
    if served is not None:
        log.info("serving %d allowed tenant(s); other tenants are refused", len(served))
    elif settings.authentication_enabled:
        log.warning("TWELVECS_ALLOWED_TENANTS not set: activities from any tenant are served")


def freeze_startup_objects() -> None:
    """Keep what start-up made (modules, botbuilder, schemas: ~100,000 objects) out of GC.

    Why: every full collection walks all tracked objects and stops the event loop while it
    does. Measured with 50 practitioners at once and 10,000 answers stored
    (`python -m bench`): full-collection pauses of up to 80-245 ms (300-550 ms a run)
    without this, up to ~35-55 ms (~110 ms a run) with it, and a lower p99. Raising the
    collection thresholds instead made each young-generation pass as slow (up to 56 ms).
    """
    gc.collect()
    gc.freeze()


async def _freeze_startup_objects(app: web.Application) -> None:
    freeze_startup_objects()  # runs after the store is open (cleanup_ctx starts first)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="twelvecs", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    _serve_parser(sub)
    audit_cli.add_parser(sub)
    sub.add_parser("manifest", help="build the Teams app package", add_help=False)
    purge_cli.add_parser(sub)
    db_cli.add_parser(sub)
    report_cli.add_parser(sub)
    args, rest = parser.parse_known_args(argv)
    if args.command == "manifest":
        from manifest.builder import main_manifest

        return main_manifest(rest)
    if args.command == "audit" and not rest:
        return audit_cli.run(args)
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    if args.command == "db":
        return db_cli.run(args)
    if args.command == "purge":
        return purge_cli.purge(args)
    if args.command == "report":
        return report_cli.run(args)
    return serve(args, argv)


if __name__ == "__main__":
    sys.exit(main())
