"""The aiohttp application: one factory wires settings, store, adapter and bot."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter

from assessment.framework import load_framework
from assessment.lead_service import LeadService
from assessment.ports import FullStore as Store
from assessment.service import AssessmentService
from bot.fast_connector import connector_session_context, create_cloud_adapter
from bot.proactive import Proactive
from bot.retry_policy import RetryPolicy
from bot.settings import Settings
from bot.state_storage import StoreConversationState
from bot.teams_bot import TwelveCsBot
from messages import load_catalogue

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
ADAPTER = web.AppKey("adapter", CloudAdapter)
BOT = web.AppKey("bot", TwelveCsBot)


def create_store(settings: Settings) -> Store:
    """The configured store: embedded TinyDB by default, PostgreSQL to scale out."""
    if settings.store == "postgres":
        from storage.postgres_store import PostgresStore

        return PostgresStore(settings.postgres_dsn)
    from storage.tinydb_store import TinyDBStore

    return TinyDBStore(settings.data_dir)


def create_app(settings: Settings, store: Store | None = None) -> web.Application:
    """The bot's web app; `store` overrides the configured one (tests pass a fake)."""
    app = web.Application(client_max_size=256 * 1024)
    app[SETTINGS] = settings
    app[STORE] = store if store is not None else create_store(settings)
    app[ADAPTER] = create_cloud_adapter(
        settings.app_id, settings.app_password, settings.app_type, settings.app_tenant_id,
        RetryPolicy(base_seconds=settings.connector_retry_base_seconds),
    )
    app[ADAPTER].on_turn_error = _on_turn_error
    app[BOT] = _create_bot(settings, app[STORE], app[ADAPTER])
    app.cleanup_ctx.append(_store_context)
    app.cleanup_ctx.append(lambda app: connector_session_context(app[ADAPTER]))
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


def _create_bot(settings: Settings, store: Store, adapter: CloudAdapter) -> TwelveCsBot:
    service = AssessmentService(
        store, load_framework(), administrators=frozenset(settings.administrators)
    )
    return TwelveCsBot(
        service=service,
        leads=LeadService(store, store, service),
        cat=load_catalogue(settings.locale),
        conversation_state=StoreConversationState(store),
        proactive=Proactive(adapter, service, settings.app_id or None),
        allowed_tenants=settings.tenant_allow_list,
    )


async def _store_context(app: web.Application) -> AsyncIterator[None]:
    await app[STORE].open()
    yield
    await app[STORE].close()


async def messages(request: web.Request) -> web.StreamResponse:
    """Bot Framework endpoint; the adapter authenticates the request when credentials are set."""
    response: web.StreamResponse = await request.app[ADAPTER].process(request, request.app[BOT])
    return response


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _on_turn_error(context, error: Exception) -> None:  # type: ignore[no-untyped-def]
    """Log the failure's type only (no user data) and tell the person nothing was changed."""
    log.error("turn failed: %s", type(error).__name__, exc_info=error)
    cat = load_catalogue()
    try:
        await context.send_activity(cat.text("reply.busy"))
    except Exception:
        log.error("could not tell the person about the failure")
