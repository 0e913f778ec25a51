"""Every button a card can carry reaches exactly one handler, with the model declared beside
that handler; a verb no flow declares is refused as invalid card data."""

from pathlib import Path

import pytest

from bot.app import BOT, create_app
from bot.settings import Settings
from bot.teams.card_actions import CardActions, card_action
from bot.teams.turn import Turn
from cards import verbs
from cards.actions import InvalidPayload, PayloadTooLarge, RoundData, StepData
from storage.memory import MemoryStore

ROUND = "a" * 32
CARD_VERBS = {
    value for name, value in vars(verbs).items()
    if name.isupper() and not name.startswith("INPUT_") and isinstance(value, str)
}


def bot_card_actions(tmp_path: Path) -> CardActions:
    app = create_app(Settings(data_dir=tmp_path), store=MemoryStore(), pseudonym_key=b"k" * 32)
    actions: CardActions = app[BOT].card_actions
    return actions


def test_every_verb_the_cards_send_has_a_handler(tmp_path: Path) -> None:
    assert bot_card_actions(tmp_path).verbs == CARD_VERBS


def test_a_verb_reads_the_model_declared_with_its_handler(tmp_path: Path) -> None:
    parsed = bot_card_actions(tmp_path).parse(
        verbs.ANSWER, {"roundId": ROUND, "componentId": "C3", "rev": 4, "verb": "answer"}
    )
    assert isinstance(parsed.data, StepData) and parsed.data.rev == 4


def test_an_unknown_verb_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidPayload):
        bot_card_actions(tmp_path).parse("nonsense", {"roundId": ROUND})


def test_an_oversized_payload_is_refused_whatever_its_verb(tmp_path: Path) -> None:
    with pytest.raises(PayloadTooLarge):
        bot_card_actions(tmp_path).parse("nonsense", {"evidence": "x" * 20_000})


class _One:
    @card_action("same", RoundData)
    async def first(self, turn: Turn, data: RoundData) -> None: ...


class _Other:
    @card_action("same", RoundData)
    async def second(self, turn: Turn, data: RoundData) -> None: ...


def test_a_verb_with_two_handlers_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="two handlers"):
        CardActions(_One(), _Other())
