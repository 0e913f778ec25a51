"""A client of Microsoft 365 Agents Playground's own API, as its web UI uses it.

`POST /_conversation/v1/conversations/{id}/messages` posts as any member of the team (`from`),
`POST /_conversation/v1/invoke` presses an Action.Execute button and returns the bot's invoke
answer, and `/_ws_conversation/v1/conversations/stream` pushes what the bot sends — for the
Playground's current user only (other people's 1:1 chats are not shown).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from tests.support.harness import cards_in
from tests.support.journey import actions, button
from tools.playground.config import PlaygroundConfig

Json = dict[str, Any]
ACTION = "adaptiveCard/action"
WAIT_S = 10.0


@dataclass
class Posted:
    """A bot message as the Playground shows it, with the conversation to answer it in."""

    conversation: str
    message: Json

    @property
    def id(self) -> str:
        return str(self.message["messageId"])

    @property
    def cards(self) -> list[Json]:
        return cards_in(self.message)

    @property
    def card(self) -> Json:
        return self.cards[-1]


@dataclass
class PlaygroundClient:
    """Speaks to one Playground as its people; collects the bot's messages from the socket."""

    http: aiohttp.ClientSession
    base: str
    config: PlaygroundConfig
    posted: list[Posted] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def team(self) -> str:
        """The General channel's conversation id (the team's id, as in Teams)."""
        return self.config.team.id

    @property
    def me(self) -> str:
        return self.config.current_user.id

    @property
    def my_chat(self) -> str:
        return self.config.personal_chat.id

    async def follow(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        async for frame in socket:
            event = json.loads(frame.data)
            if event.get("action") in ("createMessage", "updateMessage"):
                conversation = (
                    event["message"].get("postConversationId") or event["actionConversationId"]
                )
                self.posted.append(Posted(conversation, event["message"]))
                self.changed.set()

    async def install(self, conversation: str) -> None:
        async with self.http.post(
            f"{self.base}/_debug/conversation/{conversation}/installation", json={}
        ) as response:
            assert response.status == 200, await response.text()

    async def say(self, conversation: str, text: str, who: str | None = None) -> Json:
        """Post `text` as `who` (default the current user); in a channel, @mention the bot."""
        body: Json = {"from": {"id": who or self.me}, "textFormat": "plain"}
        if conversation == self.my_chat:
            body["text"] = text
        else:
            mention = f"<at>{self.config.bot.name}</at>"
            body["text"] = f"{mention} {text}"
            body["mentions"] = [{"mentioned": {"id": self.config.bot.id}, "text": mention}]
        url = f"{self.base}/_conversation/v1/conversations/{conversation}/messages"
        async with self.http.post(url, json=body) as response:
            assert response.status == 200, await response.text()
            answer: Json = await response.json()
            return answer

    async def press(
        self,
        posted: Posted,
        verb: str,
        inputs: Json | None = None,
        who: str | None = None,
        **match: str,
    ) -> Json:
        """Press the card's Action.Execute `verb` with `inputs`; return the card shown instead.

        `posted` then holds that card, as the Playground's UI replaces it in place."""
        data = {**button(posted.card, verb, **match), **(inputs or {})}
        body = {
            "name": ACTION,
            "value": {"action": {"type": "Action.Execute", "verb": verb, "data": data}},
            "from": {"id": who or self.me},
            "conversation": {"id": posted.conversation},
            "replyToId": posted.id,
        }
        async with self.http.post(f"{self.base}/_conversation/v1/invoke", json=body) as response:
            assert response.status == 200, await response.text()
            answer: Json = await response.json()
        assert answer["type"] == "application/vnd.microsoft.card.adaptive", answer
        card: Json = answer["value"]
        posted.message = {
            **posted.message,
            "attachments": [
                {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
            ],
        }
        return card

    async def next_post(self, where: Callable[[Posted], bool], after: int = 0) -> Posted:
        """The first bot message (from index `after`) that `where` accepts; wait for it."""

        async def wait() -> Posted:
            while True:
                for posted in self.posted[after:]:
                    if where(posted):
                        return posted
                self.changed.clear()
                await self.changed.wait()

        return await asyncio.wait_for(wait(), WAIT_S)

    def mark(self) -> int:
        return len(self.posted)


def with_button(verb: str, conversation: str | None = None) -> Callable[[Posted], bool]:
    def accepts(posted: Posted) -> bool:
        if conversation is not None and not posted.conversation.startswith(conversation):
            return False
        return any(a.get("verb") == verb for c in posted.cards for a in actions(c))

    return accepts
