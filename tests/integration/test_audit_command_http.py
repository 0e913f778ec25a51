"""`audit` in Teams: administrators see their tenant's latest entries in a 1:1 chat; nobody
else does, and never in a channel."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.harness import Harness, running_bot
from tests.support.journey import LEAD, open_round
from tests.support.teams import person

ADMIN = person("administrator")


@pytest.fixture
async def with_admin(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_bot(tmp_path / "data", administrators=frozenset({ADMIN.aad})) as running:
        yield running


async def test_an_administrator_reads_the_latest_entries_in_a_personal_chat(
    with_admin: Harness,
) -> None:
    await open_round(with_admin, "Audited round")
    await with_admin.send(with_admin.teams.channel_message(LEAD, "close round"))
    await with_admin.send(with_admin.teams.personal_message(ADMIN, "audit"))
    card = json.dumps(with_admin.cards(ADMIN.chat_id)[-1], ensure_ascii=False)
    assert "Audit log" in card
    assert card.index("Round closed") < card.index("Round opened")  # newest first
    assert f"By {LEAD.aad}" in card and "Audited round" not in card


async def test_a_lead_who_is_not_an_administrator_is_refused(with_admin: Harness) -> None:
    await open_round(with_admin, "Audited round")
    mark = with_admin.mark()
    await with_admin.send(with_admin.teams.personal_message(LEAD, "audit"))
    shown = json.dumps(with_admin.since(mark), ensure_ascii=False)
    assert "Only the administrators" in shown and "Round opened" not in shown


async def test_an_administrator_asking_in_a_channel_is_sent_to_a_personal_chat(
    with_admin: Harness,
) -> None:
    await open_round(with_admin, "Audited round")
    mark = with_admin.mark()
    await with_admin.send(with_admin.teams.channel_message(ADMIN, "audit"))
    shown = json.dumps(with_admin.since(mark), ensure_ascii=False)
    assert "1:1 chat" in shown and "Round opened" not in shown
