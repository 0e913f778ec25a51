"""Dialog state over HTTP: written as plain JSON, and a walk-in left waiting by the old
jsonpickle storage carries on after the upgrade."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.harness import Harness
from tests.support.journey import ALEX, button, open_round

LEGACY = Path(__file__).parents[1] / "unit" / "bot" / "data" / "jsonpickle_dialog_state.json"
LEGACY_ROUND = "dbb266c81c1945ffbfd826bc989eb7d4"


def state_key(chat_id: str) -> str:
    return f"msteams/conversations/{chat_id}"


async def test_dialog_state_is_stored_without_jsonpickle_tags(harness: Harness) -> None:
    await open_round(harness)
    await harness.send(harness.teams.personal_message(ALEX, "start"))
    stored = await harness.store.read_state([state_key(ALEX.chat_id)])
    text = json.dumps(stored)
    assert "StartDialog" in text and "py/" not in text


async def test_a_walk_in_waiting_in_the_old_format_carries_on(harness: Harness) -> None:
    round_id = str(button(await open_round(harness), "start")["roundId"])
    legacy = LEGACY.read_text(encoding="utf-8").replace(LEGACY_ROUND, round_id)
    await harness.store.write_state({state_key(ALEX.chat_id): json.loads(legacy)})
    mark = harness.mark()
    await harness.send(harness.teams.personal_message(ALEX, "police"))  # the agency, typed
    assert "C1" in str(harness.since(mark))
    person = await harness.store.get_person(harness.teams.tenant, ALEX.aad)
    assert person is not None and person.agency == "police"
