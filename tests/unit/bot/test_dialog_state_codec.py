"""Dialog state as plain JSON: what the dialogs keep round-trips, documents written by the
old jsonpickle storage still load, and a document naming anything else is refused unbuilt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from botbuilder.dialogs import DialogInstance, DialogState

from bot.botframework.dialog_state import DIALOG_VALUE_TYPES, StoreStorage
from bot.botframework.dialog_state_codec import StateCodec, UnsafeState
from dialogs.start_dialog import StartState
from storage.memory import MemoryStore

LEGACY = Path(__file__).parent / "data" / "jsonpickle_dialog_state.json"
codec = StateCodec(DIALOG_VALUE_TYPES)


def legacy_document() -> Any:
    """One conversation's state as main stored it with jsonpickle (waiting for the agency)."""
    return json.loads(LEGACY.read_text(encoding="utf-8"))


def waiting_for_agency(state: Any) -> tuple[DialogInstance, DialogInstance]:
    outer = state["DialogState"]
    assert isinstance(outer, DialogState) and outer.dialog_stack[0].id == "StartDialog"
    prompt, steps = outer.dialog_stack[0].state["dialogs"].dialog_stack
    return prompt, steps


def test_state_stored_by_jsonpickle_still_loads() -> None:
    prompt, steps = waiting_for_agency(codec.decode(legacy_document()))
    assert prompt.id == "start.agency" and prompt.state["retry"]["type"] == "AdaptiveCard"
    assert steps.id == "start.steps" and steps.state["stepIndex"] == 1
    assert steps.state["values"]["start"] == StartState("dbb266c81c1945ffbfd826bc989eb7d4")


def test_state_is_written_as_plain_json_and_reads_back_the_same() -> None:
    state = codec.decode(legacy_document())
    written = codec.encode(state)
    assert "py/" not in json.dumps(written)
    assert json.loads(json.dumps(written)) == written
    assert codec.encode(codec.decode(written)) == written
    _, steps = waiting_for_agency(codec.decode(written))
    assert steps.state["values"]["start"].round_id == "dbb266c81c1945ffbfd826bc989eb7d4"


def test_a_dictionary_with_a_type_key_of_its_own_round_trips() -> None:
    value = {"$type": "DialogState", "items": [1, ("a", None)]}
    assert codec.decode(codec.encode(value)) == {"$type": "DialogState", "items": [1, ["a", None]]}


def test_a_type_the_table_does_not_know_is_not_written() -> None:
    with pytest.raises(TypeError):
        codec.encode({"when": object()})


def run_code(marker: Path) -> Any:
    """What jsonpickle would decode into a call of `exec`, creating `marker`."""
    code = f"open({str(marker)!r}, 'w').close()"
    return {"py/reduce": [{"py/function": "builtins.exec"}, {"py/tuple": [code]}]}


RUN_CODE = run_code(Path("/nonexistent/marker"))
HOSTILE: dict[str, Any] = {
    "py/object of another module": {"py/object": "subprocess.Popen", "args": ["true"]},
    "py/object of a builtin": {"py/object": "builtins.dict"},
    "py/object of our own settings": {"py/object": "bot.settings.Settings"},
    "py/function": {"py/function": "os.system"},
    "py/reduce": RUN_CODE,
    "py/repr": {"py/repr": "os/os.system('true')"},
    "py/mod": {"py/mod": "os"},
    "py/type": {"py/type": "builtins.eval"},
    "json:// key": {f"json://{json.dumps(RUN_CODE)}": 1},
    "py/b64": {"py/b64": "aGVsbG8="},
    "py/set": {"py/set": [1, 2]},
    "py/id": {"py/id": 1},
    "py/iterator": {"py/iterator": [1]},
    "py/newargs": {"py/object": "dialogs.start_dialog.StartState", "py/newargs": {"py/tuple": []}},
    "py/state": {"py/object": "dialogs.start_dialog.StartState", "py/state": RUN_CODE},
    "a $type outside the table": {"$type": "Popen", "args": ["true"]},
    "an unknown field": {"$type": "StartState", "round_id": "r", "__class__": "x"},
    "a dialog stack of something else": {"$type": "DialogState", "stack": [{"a": 1}]},
}


@pytest.mark.parametrize("case", HOSTILE)
def test_every_other_tag_is_refused_wherever_it_hides(case: str) -> None:
    document = legacy_document()
    _, steps = document["DialogState"]["_dialog_stack"][0]["state"]["dialogs"]["_dialog_stack"]
    steps["state"]["values"]["extra"] = HOSTILE[case]
    with pytest.raises(UnsafeState):
        codec.decode(document)


async def test_a_json_key_that_would_run_code_is_dropped_not_run(tmp_path: Path) -> None:
    """The bypass seen on main: jsonpickle decoded a `json://` key and ran `exec`."""
    marker = tmp_path / "ran"
    store = MemoryStore()
    hostile = {f"json://{json.dumps(run_code(marker))}": 1}
    await store.write_state({"hostile": hostile, "good": legacy_document()})
    found = await StoreStorage(store).read(["hostile", "good"])
    assert list(found) == ["good"]
    assert not marker.exists()
