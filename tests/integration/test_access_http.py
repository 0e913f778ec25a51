"""Access over HTTP follows membership and tenant: a co-lead removed from the team is refused at
once (also through old cards' buttons), and another tenant's activities create nothing."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.harness import Harness, running_bot
from tests.support.journey import ALEX, LEAD, answer, button, open_round, start_from_announcement
from tests.support.teams import Json, Person, Teams, person

CO_LEAD = person("co-lead")
NO_LONGER = "no longer a member of this round's team"


def text_of(posted: object) -> str:
    return json.dumps(posted, ensure_ascii=False)


def membership_change(harness: Harness, who: Person, *, added: bool) -> Json:
    """teamMemberAdded / teamMemberRemoved for one person, as Teams sends it."""
    activity = harness.teams.team_install()
    activity.pop("membersAdded")
    account = {"id": who.user_id, "aadObjectId": who.aad}
    activity["membersAdded" if added else "membersRemoved"] = [account]
    activity["channelData"]["eventType"] = "teamMemberAdded" if added else "teamMemberRemoved"
    return activity


async def say(harness: Harness, activity: Json) -> str:
    mark = harness.mark()
    status, body = await harness.send(activity)
    assert status in (200, 201), body
    return text_of([body, *harness.since(mark)])


@pytest.fixture
async def old_cards(harness: Harness) -> dict[str, Json]:
    """A named round with one answer; the co-lead's summary and C1 detail cards from when
    they led (named rounds show evidence live; anonymous ones wait for k submissions)."""
    announcement = await open_round(harness, "Autumn 2026 --named", CO_LEAD)  # live figures
    card = await start_from_announcement(harness, ALEX, announcement)
    await answer(harness, ALEX, card, "3", "Alex's evidence about thresholds")
    added = await say(harness, harness.teams.channel_message(LEAD, "add lead", people=[CO_LEAD]))
    assert "co-lead can now lead" in added
    await harness.send(harness.teams.personal_message(CO_LEAD, "summary"))
    summary = harness.cards(CO_LEAD.chat_id)[-1]
    detail = await harness.press(CO_LEAD, "detail", button(summary, "detail", componentId="C1"))
    assert "Alex's evidence about thresholds" in text_of(detail)
    return {"summary": summary, "detail": detail}


async def test_a_removed_co_lead_is_refused_everywhere_and_sees_nothing(
    harness: Harness, old_cards: dict[str, Json]
) -> None:
    await harness.send(membership_change(harness, CO_LEAD, added=False))
    summary, detail = old_cards["summary"], old_cards["detail"]
    round_id = button(summary, "detail", componentId="C1")["roundId"]
    form = {**button(detail, "position"), "accountability": "Co-lead's owner", "score": "2"}
    presses = [
        ("detail", button(summary, "detail", componentId="C1"), False),
        ("detail", button(summary, "detail", componentId="C1"), True),
        ("summary", button(detail, "summary"), False),
        ("position", form, True),
        ("remind", {"roundId": round_id, "agency": "health"}, False),
    ]
    mark = harness.mark()
    for verb, data, channel in presses:
        shown = text_of(await harness.press(CO_LEAD, verb, data, channel=channel))
        assert NO_LONGER in shown and "Alex's evidence" not in shown
    typed_personal = await say(harness, harness.teams.personal_message(CO_LEAD, "summary"))
    typed_channel = await say(harness, harness.teams.channel_message(CO_LEAD, "summary"))
    for typed in (typed_personal, typed_channel):
        assert "Alex's evidence" not in typed and "Autumn 2026" not in typed
    assert NO_LONGER in typed_channel
    assert not [a for a in harness.since(mark) if "Reminder:" in str(a.get("text"))]
    stored = await harness.store.get_positions(round_id)  # type: ignore[attr-defined]
    assert stored == {}


async def test_a_co_lead_added_back_to_the_team_has_access_again(
    harness: Harness, old_cards: dict[str, Json]
) -> None:
    await harness.send(membership_change(harness, CO_LEAD, added=False))
    await harness.send(membership_change(harness, CO_LEAD, added=True))
    detail = await harness.press(
        CO_LEAD, "detail", button(old_cards["summary"], "detail", componentId="C1")
    )
    assert "Alex's evidence about thresholds" in text_of(detail)


async def test_lead_actions_over_http_are_in_the_audit_log(
    harness: Harness, old_cards: dict[str, Json]
) -> None:
    await harness.send(harness.teams.channel_message(LEAD, "close round"))
    entries = await harness.store.audit_entries()
    assert [(e.action.value, e.who) for e in entries] == [
        ("round.opened", LEAD.aad),
        ("lead.added", LEAD.aad),
        ("round.closed", LEAD.aad),
    ]
    assert entries[1].details == {"lead": CO_LEAD.aad}
    assert "Autumn" not in text_of([e.model_dump(mode="json") for e in entries])


# -- tenant allow-list -----------------------------------------------------------------------

OUR_TENANT = "7a5c1f3e-0000-4000-8000-000000000001"
FOREIGN_TENANT = "9f9f9f9f-0000-4000-8000-00000000dead"
REFUSED = "not available to your organisation"


@pytest.fixture
async def guarded(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_bot(tmp_path / "data", allowed_tenants=frozenset({OUR_TENANT})) as running:
        yield running


def files_of(data_dir: Path) -> dict[str, bytes]:
    """Every file the embedded store holds (its lock and temporary files aside)."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and p.name != ".lock" and "tmp" not in p.parts
    }


def foreign_activities(teams: Teams) -> list[tuple[str, Json]]:
    stranger = person("stranger")
    no_tenant = teams.personal_message(stranger, "start")
    no_tenant["channelData"].pop("tenant", None)
    no_tenant["conversation"].pop("tenantId", None)
    mixed = teams.personal_message(stranger, "start")
    mixed["channelData"]["tenant"] = {"id": OUR_TENANT}  # conversation still says foreign
    theirs = Teams(teams.service_url, tenant=FOREIGN_TENANT)
    return [
        ("personal message", theirs.personal_message(stranger, "start")),
        ("channel message", theirs.channel_message(stranger, "open round Stolen")),
        ("card press", theirs.invoke(stranger, "start", {"roundId": "r1"}, channel=True)),
        ("install", theirs.team_install([stranger])),
        ("no tenant", no_tenant),
        ("tenants disagree", _with_tenant(mixed, FOREIGN_TENANT)),
    ]


def _with_tenant(activity: Json, conversation_tenant: str) -> Json:
    activity["conversation"]["tenantId"] = conversation_tenant
    return activity


async def test_another_tenants_activities_are_refused_and_create_nothing(
    guarded: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.teams.tenants")
    data_dir = tmp_path / "data"
    before = files_of(data_dir)
    for what, activity in foreign_activities(guarded.teams):
        mark = guarded.mark()
        status, body = await guarded.send(activity)
        assert status in (200, 201), what
        shown = text_of([body, *guarded.since(mark)])
        assert REFUSED in shown, what
        assert "Start my assessment" not in shown and "Welcome" not in shown, what
    assert files_of(data_dir) == before
    assert await guarded.store.audit_entries() == []
    refusals = [r.getMessage() for r in caplog.records if "tenant not served" in r.getMessage()]
    assert len(refusals) == len(foreign_activities(guarded.teams))
    assert not any(FOREIGN_TENANT in line or "stranger" in line for line in refusals)


async def test_channel_talk_from_another_tenant_not_addressed_to_the_bot_gets_no_reply(
    guarded: Harness,
) -> None:
    theirs = Teams(guarded.teams.service_url, tenant=FOREIGN_TENANT)
    mark = guarded.mark()
    await guarded.send(theirs.channel_message(person("stranger"), "hello all", mention=False))
    assert guarded.since(mark) == []


async def test_the_allowed_tenant_is_served_as_before(guarded: Harness) -> None:
    announcement = await open_round(guarded, "Served round")
    assert "Start my assessment" in text_of(announcement)


