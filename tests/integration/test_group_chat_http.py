"""A partnership that is a group chat rather than a team, and `start` typed in a channel."""

from __future__ import annotations

import subprocess
import sys

from tests.support.harness import Harness
from tests.support.journey import ALEX, LEAD, button, open_round
from tests.support.teams import Json

GROUP_CHAT = "19:partnership-chat@thread.v2"


def in_group_chat(activity: Json) -> Json:
    """The same activity as if it were said in a group chat (no team in channelData)."""
    activity["conversation"] = {
        "id": GROUP_CHAT,
        "conversationType": "groupChat",
        "isGroup": True,
        "tenantId": activity["conversation"]["tenantId"],
    }
    activity["channelData"].pop("team", None)
    activity["channelData"].pop("channel", None)
    return activity


async def test_a_round_opened_in_a_group_chat_belongs_to_that_chat(harness: Harness) -> None:
    for who in (LEAD, ALEX):
        harness.connector.add_member(GROUP_CHAT, {"id": who.user_id, "aadObjectId": who.aad})
    await harness.send(in_group_chat(harness.teams.channel_message(LEAD, "open round Chat round")))
    announcement = harness.cards(GROUP_CHAT)[-1]
    start = in_group_chat(
        harness.teams.invoke(ALEX, "start", button(announcement, "start"), channel=True)
    )
    status, _ = await harness.send(start)
    assert status == 200
    agency_card = harness.cards(ALEX.chat_id)[-1]
    assert button(agency_card, "agency")["roundId"] == button(announcement, "start")["roundId"]
    round_ = await harness.store.get_round(button(announcement, "start")["roundId"])
    assert round_ is not None and round_.partnership_id.endswith(f"/groupChat/{GROUP_CHAT}")


async def test_start_typed_in_the_channel_continues_in_the_personal_chat(harness: Harness) -> None:
    await open_round(harness)
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ALEX, "start"))
    assert "I've messaged you — carry on in your chat" in str(harness.since(mark))
    assert button(harness.cards(ALEX.chat_id)[-1], "agency")


def test_serve_refuses_a_public_address_without_credentials() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", "--host", "0.0.0.0", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2 and "refusing to listen on 0.0.0.0" in done.stderr
