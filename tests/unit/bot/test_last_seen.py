"""The day a person last used the bot is kept from the read every turn already makes: a person
busy all day every day costs at most one write of their record a day, and the day moves on."""

from __future__ import annotations

from datetime import date, timedelta

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

from assessment.lead_service import LeadService
from assessment.model import Actor, Agency, Person
from assessment.service import AssessmentService
from bot.botframework.dialog_state import StoreConversationState
from bot.teams.activity_handler import TwelveCsBot
from bot.teams.proactive import Proactive
from messages import load_catalogue
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from tests.support.clock import Clock

TENANT = "tenant-1"
ALEX = "aad-alex"
ALEX_ACTOR = Actor(TENANT, ALEX, "Alex")
TYPED = ["help", "my answers", "what?", "help", "my answers"]
"""Turns a practitioner might take in a day; none of them changes their record."""


class CountingStore(MemoryStore):
    """The in-memory store, counting saves of person records."""

    def __init__(self) -> None:
        super().__init__()
        self.person_writes = 0

    async def save_person(self, person: Person) -> Person:
        self.person_writes += 1
        return await super().save_person(person)


def make_bot(store: MemoryStore, clock: Clock) -> TwelveCsBot:
    service = AssessmentService(store, clock=clock)
    return TwelveCsBot(
        service=service,
        leads=LeadService(store, MemoryPositionStore(), service),
        cat=load_catalogue("en", follow_reader=True),
        conversation_state=StoreConversationState(store),
        proactive=Proactive(TestAdapter(), service, None),
    )


def message_from_alex(text: str) -> TurnContext:
    activity = Activity(
        type="message",
        channel_id="msteams",
        service_url="https://smba.example/",
        text=text,
        locale="en-GB",
        conversation=ConversationAccount(
            id="a:alex-chat", conversation_type="personal", tenant_id=TENANT
        ),
        from_property=ChannelAccount(id="29:alex", name="Alex", aad_object_id=ALEX),
        recipient=ChannelAccount(id="28:bot"),
        channel_data={"tenant": {"id": TENANT}},
    )
    return TurnContext(TestAdapter(), activity)


async def last_seen(store: MemoryStore) -> date | None:
    person = await store.get_person(TENANT, ALEX)
    assert person is not None
    return person.last_seen


async def test_a_person_active_all_day_every_day_costs_one_write_a_day() -> None:
    store, clock = CountingStore(), Clock()
    bot = make_bot(store, clock)
    await bot.on_turn(message_from_alex("help"))  # first contact: the chat is remembered
    await bot.service.set_agency(ALEX_ACTOR, "police")
    writes_at_start = store.person_writes
    for day in range(1, 8):
        clock.now += timedelta(days=1)
        for text in TYPED:
            await bot.on_turn(message_from_alex(text))
        assert store.person_writes == writes_at_start + day
        assert await last_seen(store) == clock.now.date()


async def test_the_day_is_written_without_undoing_what_the_person_chose() -> None:
    store, clock = CountingStore(), Clock()
    bot = make_bot(store, clock)
    await bot.on_turn(message_from_alex("help"))
    await bot.service.set_agency(ALEX_ACTOR, "police")
    clock.now += timedelta(days=3)
    await bot.on_turn(message_from_alex("help"))
    person = await store.get_person(TENANT, ALEX)
    assert person is not None and person.agency is Agency.POLICE and person.conversation
    assert person.last_seen == clock.now.date()


async def test_a_person_the_bot_keeps_no_record_of_gets_none_from_a_turn() -> None:
    """People in a channel who never wrote to the bot in a 1:1 chat have nothing to date."""
    store, clock = CountingStore(), Clock()
    bot = make_bot(store, clock)
    activity = message_from_alex("help").activity
    activity.conversation = ConversationAccount(
        id="19:general@thread.tacv2", conversation_type="channel", tenant_id=TENANT
    )
    await bot.on_turn(TurnContext(TestAdapter(), activity))  # not addressed to the bot
    assert store.person_writes == 0 and await store.get_person(TENANT, ALEX) is None

