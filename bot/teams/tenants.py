"""Which tenants the bot serves. An activity from any other tenant is refused before anything
is read or stored: a short notice where a reply is possible, and one log line without ids."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.botframework.invoke_response import card_invoke_response
from bot.teams.identity import PERSONAL, mentions_bot, place_of
from bot.teams.presenter import Presenter, is_card_submit
from cards import build_notice_card
from messages import Catalogue

log = logging.getLogger(__name__)


def tenants_of(activity: Activity) -> set[str]:
    """Every tenant id the activity names: `channelData.tenant.id` and `conversation.tenantId`."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant: Any = data.get("tenant") or {}
    named = {tenant.get("id") if isinstance(tenant, dict) else None}
    conversation = activity.conversation
    named.add(getattr(conversation, "tenant_id", None))
    # botbuilder maps `tenantID`; Teams sends `tenantId`, which lands in additional_properties
    extra = getattr(conversation, "additional_properties", None) or {}
    named.add(extra.get("tenantId") if isinstance(extra, dict) else None)
    return {str(t) for t in named if t}


def tenant_allowed(activity: Activity, allow_list: frozenset[str] | None) -> bool:
    """True when no allow-list is in force, or every tenant the activity names is on it (an
    activity naming no tenant is refused)."""
    if allow_list is None:
        return True
    named = tenants_of(activity)
    return bool(named) and named <= allow_list


async def refuse_tenant(context: TurnContext, cat: Catalogue) -> None:
    """Tell the sender politely, where the activity is one a reply fits; store nothing."""
    activity = context.activity
    log.info("refused an activity from a tenant not served: %s", activity.type)
    text = cat.text("reply.tenant_refused")
    if activity.type == ActivityTypes.invoke:
        response = card_invoke_response(build_notice_card(cat, text))
        await context.send_activity(Activity(type=ActivityTypes.invoke_response, value=response))
    elif _addressed_to_bot(activity) or _bot_installed(activity):
        await Presenter(context).say(text)


def _addressed_to_bot(activity: Activity) -> bool:
    if activity.type != ActivityTypes.message:
        return False
    personal = place_of(activity).scope == PERSONAL
    return personal or mentions_bot(activity) or is_card_submit(activity)


def _bot_installed(activity: Activity) -> bool:
    if activity.type == ActivityTypes.installation_update:
        return str(activity.action or "").startswith("add")
    bot_id = activity.recipient.id if activity.recipient else None
    added = activity.members_added or [] if activity.type == "conversationUpdate" else []
    return any(m.id == bot_id for m in added)
