"""A practitioner's whole journey over HTTP, as Teams would drive it."""

from __future__ import annotations

from tests.support.harness import Harness
from tests.support.teams import TEAM_ID, Json, person, team_member

LEAD = person("lead")
ALEX = person("alex")


def _actions(card: Json) -> list[Json]:
    found: list[Json] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action."):
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


def action(card: Json, verb: str) -> Json:
    """The data of the card's Action.Execute with `verb` (what pressing it sends)."""
    for found in _actions(card):
        if found.get("type") == "Action.Execute" and found.get("verb") == verb:
            data: Json = found.get("data", {})
            return dict(data)
    raise AssertionError(f"no {verb} button on the card")


async def open_round(harness: Harness, title: str = "Autumn 2026") -> Json:
    harness.connector.add_member(TEAM_ID, team_member(LEAD))
    harness.connector.add_member(TEAM_ID, team_member(ALEX))
    status, _ = await harness.send(harness.teams.channel_message(LEAD, f"open round {title}"))
    assert status == 201
    return harness.cards()[-1]


async def test_a_practitioner_walks_from_the_announcement_to_a_submitted_response(
    harness: Harness,
) -> None:
    announcement = await open_round(harness)
    start = action(announcement, "start")
    await harness.press(ALEX, "start", start, channel=True)
    agency_card = harness.cards(ALEX.chat_id)[-1]
    card = await harness.press(
        ALEX, "agency", {**action(agency_card, "agency"), "agency": "health"}
    )
    for n in range(1, 13):
        assert f"C{n} " in str(card) or f"C{n}" in str(card)
        data = action(card, "answer")
        assert data["componentId"] == f"C{n}"
        card = await harness.press(
            ALEX, "answer", {**data, "rating": str(1 + n % 6), "evidence": f"e{n}"}
        )
    review = card
    submit = action(review, "submit")
    done = await harness.press(ALEX, "submit", submit)
    assert "submitted" in str(done).lower()
