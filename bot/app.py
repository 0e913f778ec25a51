"""The aiohttp application: one factory wires settings, store, adapter and bot."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web
from botbuilder.core import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter

from assessment.clock import Clock, utc_now
from assessment.followup import FollowUpService
from assessment.framework import load_framework
from assessment.lead_service import LeadService
from assessment.ports import FullStore as Store
from assessment.pseudonym import Pseudonymiser
from assessment.service import AssessmentService
from bot.botframework.cloud_adapter import connector_session_context, create_cloud_adapter
from bot.botframework.dialog_state import StoreConversationState
from bot.botframework.inbound_auth import Unauthorized
from bot.botframework.inbound_request import MAX_BODY_BYTES, BadRequest, read_activity
from bot.botframework.retry_policy import RetryPolicy
from bot.botframework.signing_keys import SigningKeys
from bot.maintenance import Maintenance, purges
from bot.pseudonym_key import load_pseudonym_key
from bot.readiness import add_readiness
from bot.report_route import add_report_route
from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.teams.activity_handler import TwelveCsBot
from bot.teams.erasure_flow import chat_state_keys
from bot.teams.proactive import Proactive
from messages import load_catalogue
from messages.catalogue import DEFAULT_LOCALE, language_of
from reporting.downloads import ReportLinks
from reporting.links import LinkSigner
from reporting.service import ReportService
from storage.turn_reads import turn_reads

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
ADAPTER = web.AppKey("adapter", CloudAdapter)
BOT = web.AppKey("bot", TwelveCsBot)
MAINTENANCE = web.AppKey("maintenance", Maintenance)
SCHEDULER = web.AppKey("scheduler", Scheduler)


def create_store(settings: Settings) -> Store:
    """The configured store: embedded TinyDB by default, PostgreSQL to scale out."""
    if settings.store == "postgres":
        from storage.postgres_store import PostgresStore

        return PostgresStore(
            settings.postgres_dsn,
            schema=settings.postgres_schema,
            pool_size=settings.postgres_pool_size,
        )
    from storage.tinydb_store import TinyDBStore

    return TinyDBStore(settings.data_dir)


def create_app(
    settings: Settings,
    store: Store | None = None,
    *,
    clock: Clock = utc_now,
    pseudonym_key: bytes | None = None,
) -> web.Application:
    """The bot's web app; `store` overrides the configured one (tests pass a fake), `clock`
    the time (tests of retention), `pseudonym_key` the key otherwise read from settings."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[SETTINGS] = settings
    app[STORE] = store if store is not None else create_store(settings)
    app[ADAPTER] = create_cloud_adapter(
        settings.app_id, settings.app_password, settings.app_type, settings.app_tenant_id,
        RetryPolicy(base_seconds=settings.connector_retry_base_seconds),
        SigningKeys(settings.openid_metadata_url, timeout=settings.signing_keys_timeout_seconds),
    )
    app[ADAPTER].on_turn_error = _on_turn_error
    pseudonym_key = pseudonym_key or load_pseudonym_key(settings)
    pseudonyms = Pseudonymiser(pseudonym_key)
    app[BOT] = _create_bot(settings, app[STORE], app[ADAPTER], clock, pseudonyms)
    app[MAINTENANCE] = _create_maintenance(settings, app[STORE], clock, pseudonyms)
    app.cleanup_ctx.append(_store_context)
    app.cleanup_ctx.append(lambda app: app[MAINTENANCE].running())
    app.cleanup_ctx.append(lambda app: connector_session_context(app[ADAPTER]))
    app[SCHEDULER] = _create_scheduler(settings, app[BOT])
    app.cleanup_ctx.append(lambda app: app[SCHEDULER].running())
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    _add_report(app, settings, pseudonym_key)
    add_readiness(app, app[STORE])
    return app


def _create_bot(
    settings: Settings,
    store: Store,
    adapter: CloudAdapter,
    clock: Clock,
    pseudonyms: Pseudonymiser,
) -> TwelveCsBot:
    service = AssessmentService(
        store,
        load_framework(),
        clock=clock,
        administrators=frozenset(settings.administrators),
        pseudonyms=pseudonyms,
    )
    return TwelveCsBot(
        service=service,
        leads=LeadService(store, store, service, min_group_size=settings.min_group_size),
        cat=load_catalogue(settings.locale, follow_reader=True),
        default_language=settings.locale,  # each person's own language: issue 13
        bilingual_posts=settings.bilingual_posts,
        conversation_state=StoreConversationState(store),
        proactive=Proactive(adapter, service, settings.app_id or None),
        allowed_tenants=settings.tenant_allow_list,
        followup=FollowUpService(
            store, service, idle_days=settings.reminder_idle_days,
            retention_days=settings.retention_days,
        ),
    )


def _create_scheduler(settings: Settings, bot: TwelveCsBot) -> Scheduler:
    """Reminders the bot sends on its own (issue 11), ticking inside the app."""
    if bot.followup is None:
        raise RuntimeError("the app's bot is built with follow-through")
    return Scheduler(
        bot.followup, bot.proactive, bot.cat, bot.posts, settings.scheduler_interval_seconds
    )


def _add_report(app: web.Application, settings: Settings, pseudonym_key: bytes) -> None:
    """The board's report: links the bot's `report` command hands out, and their route."""
    bot = app[BOT]
    key = settings.report_link_key.get_secret_value().encode() or pseudonym_key
    links = ReportLinks(ReportService(bot.leads), LinkSigner(key), settings.report_base_url)
    bot.offer_reports(links)
    add_report_route(app, links, bot.cat, settings.bilingual_posts)


def _create_maintenance(
    settings: Settings, store: Store, clock: Clock, pseudonyms: Pseudonymiser
) -> Maintenance:
    retention, people = purges(settings, store, clock, pseudonyms, chat_state_keys)
    return Maintenance(
        store, pseudonyms, retention, settings.purge_interval_hours * 3600, people=people
    )


async def _store_context(app: web.Application) -> AsyncIterator[None]:
    await app[STORE].open()
    yield
    await app[STORE].close()


async def messages(request: web.Request) -> web.Response:
    """Bot Framework endpoint: 400 for what Teams would not send, 401 for a refused token.

    Replaces botbuilder's `CloudAdapter.process`, which answers 500 with a traceback for
    malformed requests (bot/botframework/inbound_request.py); the turn itself runs as it did there.
    """
    try:
        activity = await read_activity(request)
    except BadRequest as refusal:
        log.warning("refused a request: %s", refusal.reason)
        return web.Response(status=400, text=refusal.reason)
    auth_header = request.headers.get("Authorization", "")
    try:
        with turn_reads():
            invoke = await request.app[ADAPTER].process_activity(
                auth_header, activity, request.app[BOT].on_turn
            )
    except Unauthorized as refusal:
        log.warning("refused a request: %s", refusal.reason)
        return web.Response(status=401, text="unauthorized")
    if invoke:
        return web.json_response(serializer_helper(invoke.body), status=invoke.status)
    return web.Response(status=201)


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _on_turn_error(context, error: Exception) -> None:  # type: ignore[no-untyped-def]
    """Log the failure's type only (no user data) and tell the person nothing was changed."""
    log.error("turn failed: %s", type(error).__name__, exc_info=error)
    cat = load_catalogue(language_of(context.activity.locale) or DEFAULT_LOCALE)
    try:
        await context.send_activity(cat.text("reply.busy"))
    except Exception:
        log.error("could not tell the person about the failure")
