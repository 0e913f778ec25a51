"""The start dialog with botbuilder's TestAdapter, its state kept in our store (not memory)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes

from assessment.model import Actor, PartnershipKind, Round
from assessment.service import AssessmentService
from bot.botframework.dialog_runner import run_dialog
from bot.botframework.dialog_state import StoreConversationState
from bot.teams.practitioner_flow import PractitionerFlow
from bot.teams.presenter import card_activity
from dialogs.start_dialog import StartDialog
from dialogs.turn import TURN_KEY, TurnInfo
from messages import load_catalogue
from storage.memory import MemoryStore
from tests.support.clock import Clock

TENANT = "tenant-1"
ALEX = Actor(TENANT, "aad-alex", "Alex")
LEAD = Actor(TENANT, "aad-lead", "Lead")


class SendView:
    """Shows cards as new messages, which is what a typed turn does."""

    def __init__(self, context: TurnContext) -> None:
        self.context = context

    async def show(self, card: dict[str, Any]) -> None:
        await self.context.send_activity(card_activity(card))



def make_adapter(store: MemoryStore, service: AssessmentService) -> TestAdapter:
    """A fresh bot over `store`, as after a restart: nothing kept in memory."""
    cat = load_catalogue()
    dialog = StartDialog(service, cat, PractitionerFlow(service, cat))
    state = StoreConversationState(store)  # as the app keeps it
    accessor = state.create_property("DialogState")

    async def logic(context: TurnContext) -> None:
        context.turn_state[TURN_KEY] = TurnInfo(ALEX, SendView(context))
        await run_dialog(dialog, context, accessor)
        await state.save_changes(context)

    return TestAdapter(logic)


def card_of(activity: Activity) -> str:
    assert activity.attachments, activity.text
    return str(activity.attachments[0].content)


def expect(*words: str) -> Callable[[Activity, str], None]:
    def check(activity: Activity, description: str) -> None:
        card = card_of(activity)
        for word in words:
            assert word in card, card

    return check


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def service(store: MemoryStore) -> AssessmentService:
    return AssessmentService(store, clock=Clock())


async def open_round(service: AssessmentService, team: str, title: str) -> Round:
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, team, team)
    await service.record_members(partnership.id, [ALEX.aad_object_id])
    return await service.open_round(partnership, LEAD, title)


def submit(value: dict[str, Any]) -> Activity:
    return Activity(type=ActivityTypes.message, value=value, text="")


async def test_no_open_round_says_what_to_do(
    service: AssessmentService, store: MemoryStore
) -> None:
    adapter = make_adapter(store, service)
    await (await adapter.send("start")).assert_reply(expect("no assessment round open"))


async def test_the_agency_is_asked_once_then_the_walk_starts_at_c1(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn")
    adapter = make_adapter(store, service)
    flow = await (await adapter.send("start")).assert_reply(expect("agency", "Police"))
    await (await flow.send("police")).assert_reply(expect("C1 of 12", "Clarity"))
    assert (await service.person(ALEX)).agency == "police"
    again = make_adapter(store, service)
    await (await again.send("start")).assert_reply(expect("C1 of 12"))


async def test_an_unclear_answer_shows_the_agency_card_again(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn")
    adapter = make_adapter(store, service)
    flow = await (await adapter.send("start")).assert_reply(expect("agency"))
    await (await flow.send("the blue one")).assert_reply(expect("Please choose on the card"))
    assert (await service.person(ALEX)).agency is None


async def test_an_unclear_answer_after_a_restart_shows_the_agency_card_again(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn")
    await (await make_adapter(store, service).send("start")).assert_reply(expect("agency"))
    restarted = make_adapter(store, service)
    await (await restarted.send("the blue one")).assert_reply(
        expect("Please choose on the card", "Autumn", "Police")
    )


async def test_a_card_kept_whole_by_an_earlier_version_is_still_shown_again(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn")
    await (await make_adapter(store, service).send("start")).assert_reply(expect("agency"))
    (key,) = store.state
    prompt = store.state[key]["DialogState"]["stack"][0]["state"]["dialogs"]["stack"][0]
    kept = {"type": "AdaptiveCard", "version": "1.5",
            "body": [{"type": "TextBlock", "text": "Kept from before the upgrade"}]}
    prompt["state"] = {"retry": kept}
    await (await make_adapter(store, service).send("??")).assert_reply(expect("before the upgrade"))


async def test_an_unclear_choice_of_round_shows_the_choice_again(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn A")
    await open_round(service, "19:team-b", "Autumn B")
    adapter = make_adapter(store, service)
    flow = await (await adapter.send("start")).assert_reply(expect("Autumn A", "Autumn B"))
    await (await flow.send("the second")).assert_reply(expect("Autumn A", "Autumn B"))


async def test_with_two_open_rounds_the_person_chooses(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn A")
    second = await open_round(service, "19:team-b", "Autumn B")
    adapter = make_adapter(store, service)
    flow = await (await adapter.send("start")).assert_reply(expect("Autumn A", "Autumn B"))
    flow = await (
        await flow.send(submit({"verb": "chooseRound", "roundId": second.id}))
    ).assert_reply(expect("agency"))
    await (
        await flow.send(submit({"verb": "agency", "roundId": second.id, "agency": "health"}))
    ).assert_reply(expect("C1 of 12"))
    assert await service.own_response(ALEX, second) is not None


async def test_the_dialog_survives_a_restart_mid_question(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn")
    await (await make_adapter(store, service).send("start")).assert_reply(expect("agency"))
    restarted = make_adapter(store, service)
    await (await restarted.send("housing")).assert_reply(expect("C1 of 12"))
    assert (await service.person(ALEX)).agency == "housing"


async def test_stored_state_naming_an_untrusted_class_is_dropped(
    service: AssessmentService, store: MemoryStore
) -> None:
    await open_round(service, "19:team-a", "Autumn")
    await (await make_adapter(store, service).send("start")).assert_reply(expect("agency"))
    (key,) = store.state
    store.state[key] = {"DialogState": {"py/object": "os._wrap_close", "py/reduce": []}}
    restarted = make_adapter(store, service)
    await (await restarted.send("start")).assert_reply(expect("agency"))
