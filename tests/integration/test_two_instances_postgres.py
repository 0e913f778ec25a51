"""Two instances on one PostgreSQL database, every turn to a random one (nothing sticky):
50 practitioners' answers are neither lost nor stored twice, revisions add up, and two
leads saving one agreed position at once never silently overwrite each other."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema
from tests.support.harness import Harness
from tests.support.instances import instances
from tests.support.journey import LEAD, button, has_button
from tests.support.teams import Json, Person, person

pytestmark = pytest.mark.postgres
PRACTITIONERS = [person(f"practitioner-{n}") for n in range(50)]
SECOND_LEAD = person("second-lead")
AGENCIES = ("police", "health", "education", "childrens_services")


@pytest.fixture
async def two(tmp_path: Path) -> AsyncIterator[list[Harness]]:
    schema = await postgres_schema()
    async with instances(
        tmp_path, POSTGRES_DSN, schema, administrators=frozenset({SECOND_LEAD.aad})
    ) as running:
        running[0].join_team(LEAD, SECOND_LEAD, *PRACTITIONERS)
        yield running
    await drop_schema(schema)


class Balancer:
    """Sends each turn to a random instance, as a load balancer without affinity would."""

    def __init__(self, running: list[Harness], seed: int) -> None:
        self.running, self._random = running, random.Random(seed)

    def any(self) -> Harness:
        return self._random.choice(self.running)


async def walk(lb: Balancer, who: Person, announcement: Json, n: int) -> dict[str, str]:
    """Start, agency, all 12 Cs, submit; the ratings acknowledged (the next card came back)."""
    harness = lb.any()
    await harness.press(who, "start", button(announcement, "start"), channel=True)
    card = harness.cards(who.chat_id)[-1]
    agency = AGENCIES[n % len(AGENCIES)]
    card = await lb.any().press(who, "agency", {**button(card, "agency"), "agency": agency})
    acknowledged = {}
    for c in range(1, 13):
        data = button(card, "answer")
        rating = str(1 + (n + c) % 6)
        card = await lb.any().press(
            who, "answer", {**data, "rating": rating, "evidence": f"view {c}", "suggestion": ""}
        )
        assert "Saved" in str(card)
        acknowledged[data["componentId"]] = rating
    assert has_button(card, "submit")
    await lb.any().press(who, "submit", button(card, "submit"))
    return acknowledged


async def open_round(harness: Harness) -> Json:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "open round Scale drill"))
    return [c["content"] for a in harness.since(mark) for c in a.get("attachments", [])][-1]


async def test_fifty_practitioners_across_two_instances_lose_and_double_nothing(
    two: list[Harness],
) -> None:
    announcement = await open_round(two[0])
    lb = Balancer(two, seed=14)
    walks = [walk(lb, who, announcement, n) for n, who in enumerate(PRACTITIONERS)]
    acknowledged = await asyncio.gather(*walks)

    round_id = str(button(announcement, "start")["roundId"])
    for harness in two:  # both instances see the same, whole truth
        stored = await harness.store.responses_of(round_id)
        assert len(stored) == len(PRACTITIONERS)
        assert len({r.respondent for r in stored}) == len(PRACTITIONERS)
        assert all(r.is_complete for r in stored)
        by_ratings = sorted(
            json.dumps({c: str(a.rating) for c, a in r.answers.items()}, sort_keys=True)
            for r in stored
        )
        assert by_ratings == sorted(json.dumps(a, sort_keys=True) for a in acknowledged)
        assert len({r.revision for r in stored}) == 1, "every journey made as many saves"


async def test_two_leads_saving_one_position_on_two_instances_do_not_overwrite(
    two: list[Harness],
) -> None:
    announcement = await open_round(two[0])
    lb = Balancer(two, seed=7)
    await asyncio.gather(
        *(walk(lb, who, announcement, n) for n, who in enumerate(PRACTITIONERS[:6]))
    )
    mark = two[0].mark()
    await two[0].send(two[0].teams.channel_message(LEAD, "summary"))
    summary = [c["content"] for a in two[0].since(mark) for c in a.get("attachments", [])][-1]
    detail = await two[0].press(
        LEAD, "detail", button(summary, "detail", componentId="C4"), channel=True
    )
    form = {**button(detail, "position"), "score": "2", "timeframe": "operational"}
    saves = [
        harness.press(
            lead, "position", {**form, "evidence": f"Evidence of {lead.name}"}, channel=True
        )
        for lead, harness in zip((LEAD, SECOND_LEAD), two, strict=True)
    ]
    answers = [json.dumps(card, ensure_ascii=False) for card in await asyncio.gather(*saves)]
    saved = [a for a in answers if "Saved the agreed position" in a]
    refused = [a for a in answers if "Someone else saved this C" in a]
    assert len(saved) == 1 and len(refused) == 1
    round_id = str(button(announcement, "start")["roundId"])
    stored = await two[1].store.get_position(round_id, "C4")  # type: ignore[attr-defined]
    assert stored is not None and len(stored.history) == 1
    assert stored.agreed.evidence in saved[0], "the stored text is the one its lead was told"
