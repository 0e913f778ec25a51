"""Steps of the practitioner journey shared by the HTTP tests: press buttons by verb."""

from __future__ import annotations

from tests.support.harness import Harness
from tests.support.teams import Json, Person, person

LEAD = person("lead")
ALEX = person("alex")
SAM = person("sam")
OUTSIDER = person("outsider")


def actions(card: Json) -> list[Json]:
    """Every action on a card, however deep (action sets, show-cards, fallbacks)."""
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


def button(card: Json, verb: str, **match: str) -> Json:
    """The data the card's Action.Execute `verb` sends (optionally the one whose data matches)."""
    for found in actions(card):
        data = found.get("data", {})
        is_execute = found.get("type") == "Action.Execute" and found.get("verb") == verb
        if is_execute and all(data.get(k) == v for k, v in match.items()):
            return dict(data)
    raise AssertionError(f"no {verb} button {match or ''} on the card")


def has_button(card: Json, verb: str) -> bool:
    return any(a.get("verb") == verb for a in actions(card))


async def open_round(harness: Harness, title: str = "Autumn 2026", *members: Person) -> Json:
    """The lead opens a round in the team's channel; returns the announcement card."""
    harness.join_team(LEAD, ALEX, SAM, *members)
    mark = harness.mark()
    status, _ = await harness.send(harness.teams.channel_message(LEAD, f"open round {title}"))
    assert status == 201
    cards = [c for a in harness.since(mark) for c in a.get("attachments", [])]
    assert cards, "no announcement posted"
    announcement: Json = cards[-1]["content"]
    return announcement


async def start_from_announcement(
    harness: Harness, who: Person, announcement: Json, agency: str = "police"
) -> Json:
    """Press Start in the channel, choose an agency in the 1:1 chat; returns the C1 card."""
    await harness.press(who, "start", button(announcement, "start"), channel=True)
    agency_card = harness.cards(who.chat_id)[-1]
    return await harness.press(who, "agency", {**button(agency_card, "agency"), "agency": agency})


async def answer(
    harness: Harness, who: Person, card: Json, rating: str, evidence: str = ""
) -> Json:
    data = {**button(card, "answer"), "rating": rating, "evidence": evidence, "suggestion": ""}
    return await harness.press(who, "answer", data)
