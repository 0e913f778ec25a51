"""The real app on aiohttp's test server, talking to a fake Bot Connector on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from assessment.clock import Clock, utc_now
from assessment.model import Actor, Response
from assessment.ports import Store
from bench.fake_connector import STATE, ConnectorState, create_fake_connector_app
from bot.app import BOT, STORE, create_app
from bot.settings import Settings
from tests.support.teams import CHANNEL_ID, TEAM_ID, TENANT, Json, Person, Teams, team_member

CARD = "application/vnd.microsoft.card.adaptive"


def cards_in(activity: Json) -> list[Json]:
    return [a["content"] for a in activity.get("attachments") or [] if a.get("contentType") == CARD]


@dataclass
class Harness:
    bot: TestClient  # type: ignore[type-arg]
    connector: ConnectorState
    teams: Teams

    async def send(self, activity: Json) -> tuple[int, Any]:
        """POST an activity as the Bot Connector would; returns (status, JSON body or None)."""
        response = await self.bot.post("/api/messages", json=activity)
        body = await response.json() if response.content_length else None
        return response.status, body

    async def press(self, who: Person, verb: str, data: Json, *, channel: bool = False) -> Json:
        """Press an Action.Execute button; returns the card that replaces it."""
        status, body = await self.send(self.teams.invoke(who, verb, data, channel=channel))
        assert status == 200, body
        assert body["statusCode"] == 200 and body["type"] == CARD, body
        card: Json = body["value"]
        return card

    def join_team(self, *people: Person) -> None:
        """Make people members of the team (roster) and of its channel (member look-ups)."""
        for who in people:
            for conversation in (TEAM_ID, CHANNEL_ID):
                self.connector.add_member(conversation, team_member(who))

    @property
    def store(self) -> Store:
        return self.bot.server.app[STORE]

    async def response_of(self, round_id: str, who: Person) -> Response | None:
        """The person's stored response, found as the bot finds it (keyed or by AAD id)."""
        round_ = await self.store.get_round(round_id)
        if round_ is None:
            return None
        service = self.bot.server.app[BOT].service
        return await service.own_response(Actor(TENANT, who.aad), round_)

    async def snapshot(self, round_id: str) -> list[Json]:
        """Every stored response of a round, to show a refusal changed nothing."""
        responses = await self.store.responses_of(round_id)
        return sorted((r.model_dump(mode="json") for r in responses), key=str)

    def stored_files(self, *folders: str) -> dict[str, str]:
        """The embedded store's files as text (by path), optionally only some record kinds:
        what a backup or a copied data folder would hold."""
        root: Path = getattr(self.store, "data_dir")  # noqa: B009 - TinyDB store only
        found = sorted(p for p in root.rglob("*.json") if p.parent.name != "tmp")
        chosen = [p for p in found if not folders or p.relative_to(root).parts[0] in folders]
        texts = {str(p.relative_to(root)): _text_if_there(p) for p in chosen}
        return {path: text for path, text in texts.items() if text is not None}

    def activities(self, conversation: str | None = None) -> list[Json]:
        return self.connector.activities(conversation)

    def cards(self, conversation: str | None = None) -> list[Json]:
        return [card for a in self.activities(conversation) for card in cards_in(a)]

    def texts(self, conversation: str | None = None) -> list[str]:
        return [a["text"] for a in self.activities(conversation) if a.get("text")]

    def mark(self) -> int:
        """A point in what the connector received, to look only at what came after."""
        return len(self.connector.received)

    def since(self, mark: int) -> list[Json]:
        return [r.body for r in list(self.connector.received)[mark:] if r.kind != "create"]


@asynccontextmanager
async def running_bot(
    data_dir: Path, store: Store | None = None, clock: Clock = utc_now, **settings: Any
) -> AsyncIterator[Harness]:
    connector_app = create_fake_connector_app()
    async with TestServer(connector_app, host="127.0.0.1") as connector:
        settings.setdefault("pseudonym_key_file", data_dir.parent / "pseudonym.key")
        app = create_app(Settings(data_dir=data_dir, **settings), store=store, clock=clock)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            service_url = str(connector.make_url("/")).rstrip("/")
            yield Harness(client, connector_app[STATE], Teams(service_url))


def _text_if_there(path: Path) -> str | None:
    """A file's text, or None if a background job (the purge) deleted it since it was listed."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
