"""The practitioner's whole 12-C journey as a load scenario, and the lead's set-up around it.

One journey: press Start on the round's announcement in the team channel (the bot opens the
1:1 chat and sends the agency card), choose an agency, answer C1..C12, submit on the review:
15 turns, each an `adaptiveCard/action` invoke timed until its HTTP answer (which carries
the next card). Setup (roster, opening the round) happens before any timing. A user slot may
walk several journeys one after another, each as a new practitioner, so a 1-user run has as
many turns as a 50-user one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from assessment.model import Agency
from bench.activities import Json, SimUser, execute_action, simulated_user
from bench.channel import CHANNEL_ID, TEAM_ID, channel_action, channel_message, team_member
from bench.load import Scenario, Turn, UserSession, connected

CARD = "application/vnd.microsoft.card.adaptive"
TURNS_PER_JOURNEY = 15
AGENCIES = [a.value for a in Agency]
EVIDENCE = "Thresholds are read differently by the night team and the day team; " * 2
THREAD = f"{CHANNEL_ID};messageid=1700000000000"


class JourneyBroke(RuntimeError):
    """The bot answered something a practitioner could not carry on from."""


def _actions(node: Any) -> Iterable[Json]:
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith("Action."):
            yield node
        for value in node.values():
            yield from _actions(value)
    elif isinstance(node, list):
        for item in node:
            yield from _actions(item)


def button(card: Json, verb: str) -> Json:
    """The data of the card's Action.Execute button `verb`, as Teams would send it."""
    for action in _actions(card):
        if action.get("type") == "Action.Execute" and action.get("verb") == verb:
            return dict(action.get("data", {}))
    raise JourneyBroke(f"no '{verb}' button on the card")


def _answered_card(turn: Turn) -> Json:
    body = turn.body if isinstance(turn.body, dict) else {}
    if turn.status != 200 or body.get("type") != CARD:
        raise JourneyBroke(f"invoke answered HTTP {turn.status} without a card")
    card: Json = body["value"]
    return card


def _last_card(turn: Turn) -> tuple[Json, str]:
    """The last card the turn sent as a message, and the id the connector gave it."""
    for activity in reversed(turn.replies):
        for attachment in activity.get("attachments") or []:
            if attachment.get("contentType") == CARD:
                return attachment["content"], str(activity["id"])
    raise JourneyBroke("no card was sent")


async def one_journey(session: UserSession, start: Json) -> None:
    """Start from the channel, choose an agency, answer all twelve Cs, submit."""
    user, url = session.user, session.service_url
    started = await session.send(channel_action(user, url, "start", start), "start")
    _answered_card(started)  # the announcement, left as it was
    agency_card, card_id = _last_card(started)
    chosen = {**button(agency_card, "agency"), "agency": AGENCIES[user.index % len(AGENCIES)]}
    chose = await session.send(execute_action(user, url, "agency", chosen, card_id), "agency")
    card = _answered_card(chose)
    for n in range(12):
        data = {**button(card, "answer"), "rating": str(1 + (user.index + n) % 6),
                "evidence": EVIDENCE if n % 3 == 0 else "", "suggestion": ""}
        answered = await session.send(execute_action(user, url, "answer", data, card_id), "answer")
        card = _answered_card(answered)
    submit = button(card, "submit")
    done = await session.send(execute_action(user, url, "submit", submit, card_id), "submit")
    _answered_card(done)


def journey_scenario(start: Json, users: int, journeys: int) -> Scenario:
    """Each of `users` slots walks `journeys` journeys in turn, as new practitioners."""

    async def run(session: UserSession) -> None:
        first = session.user.index
        for k in range(journeys):
            session.user = simulated_user(first + k * users)
            try:
                await one_journey(session, start)
            except JourneyBroke as broke:
                session.errors.append(str(broke))
                return

    return run


def start_only_scenario(start: Json) -> Scenario:
    """Only press Start in the channel: the turn all practitioners take at the same moment."""

    async def run(session: UserSession) -> None:
        user, url = session.user, session.service_url
        _answered_card(await session.send(channel_action(user, url, "start", start), "start"))

    return run


def practitioners(first_user: int, users: int, journeys: int) -> list[SimUser]:
    """Everyone a run of `journey_scenario` plays, in the numbering `run_load` uses."""
    return [simulated_user(first_user + n) for n in range(users * journeys)]


async def enrol(bot_url: str, connector_url: str, people: list[SimUser], chats: bool) -> None:
    """Put people on the team's roster; with `chats`, give each their 1:1 chat too."""
    async with connected(connector_url) as (http, feed):
        for user in people:
            url = f"{connector_url}/_fake/conversations/{TEAM_ID}/members"
            async with http.post(url, json=team_member(user)) as response:
                response.raise_for_status()
            if chats:
                await UserSession(user, http, feed, bot_url, connector_url).join()


async def in_channel(bot_url: str, connector_url: str, lead: SimUser, text: str) -> Turn:
    """The lead @mentions the bot in the team channel; the turn and the channel's replies."""
    here = dataclasses.replace(lead, conversation_id=THREAD)
    async with connected(connector_url) as (http, feed):
        session = UserSession(here, http, feed, bot_url, connector_url)
        return await session.send(channel_message(here, connector_url, text))


async def open_round(bot_url: str, connector_url: str, lead: SimUser, title: str) -> Json:
    """The lead opens a round; returns the data of the announcement's Start button."""
    turn = await in_channel(bot_url, connector_url, lead, f"open round {title}")
    card, _ = _last_card(turn)
    return button(card, "start")
