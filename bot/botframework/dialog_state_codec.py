"""Dialog state as plain JSON, rebuilt without decoding objects by name.

Why: botbuilder stores dialog state with jsonpickle, whose decoder builds whatever class,
function or `__reduce__` call a document names; a guard that looks for dangerous tags can be
bypassed (a `json://` dictionary key was decoded by full jsonpickle and ran a builtin). Here
the state is written as JSON whose only tags are `"$type"` values from a fixed table:
DialogState, DialogInstance, the dataclasses the dialogs keep (given by the caller), and
`dict` (a dictionary that itself has a "$type" key). Reading builds only those; any other tag
is refused. Documents written by jsonpickle before are read by the same rules: the few
`py/object` names that map to that table, `py/tuple`; every other `py/` tag or `json://` key
is refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from botbuilder.dialogs import DialogInstance, DialogState

TAG = "$type"
_LEGACY_NAMES = {
    "botbuilder.dialogs.dialog_state.DialogState": "DialogState",
    "botbuilder.dialogs.dialog_instance.DialogInstance": "DialogInstance",
}
_PLAIN = (str, int, float, bool, type(None))


class UnsafeState(ValueError):
    """A stored document that names something outside the table."""


class StateCodec:
    """Encodes dialog state to plain JSON and back; `value_types` are the dataclasses allowed."""

    def __init__(self, value_types: Iterable[type[Any]] = ()) -> None:
        self._types = {cls.__name__: cls for cls in value_types}
        self._legacy = {**_LEGACY_NAMES}
        for cls in self._types.values():
            self._legacy[f"{cls.__module__}.{cls.__qualname__}"] = cls.__name__

    def encode(self, value: Any) -> Any:
        """Plain JSON for `value`; TypeError for a type the table does not know."""
        if isinstance(value, _PLAIN):
            return value
        if isinstance(value, dict):
            items = {_key(key): self.encode(item) for key, item in value.items()}
            return {TAG: "dict", "items": items} if TAG in items else items
        if isinstance(value, list | tuple):
            return [self.encode(item) for item in value]
        if isinstance(value, DialogState):
            return {TAG: "DialogState", "stack": self.encode(value.dialog_stack)}
        if isinstance(value, DialogInstance):
            return {TAG: "DialogInstance", "id": value.id, "state": self.encode(value.state)}
        name = type(value).__name__
        if self._types.get(name) is type(value):
            fields = dataclasses.fields(value)
            return {TAG: name, **{f.name: self.encode(getattr(value, f.name)) for f in fields}}
        raise TypeError(f"dialog state cannot hold a {name}")

    def decode(self, document: Any) -> Any:
        """The state a document describes; `UnsafeState` if it names anything else."""
        if isinstance(document, _PLAIN):
            return document
        if isinstance(document, list):
            return [self.decode(item) for item in document]
        if not isinstance(document, dict):
            raise UnsafeState("not JSON")
        if TAG in document:
            return self._build(str(document[TAG]), document)
        if any(_is_legacy_tag(key) for key in document):
            return self._legacy_value(document)
        return {key: self.decode(item) for key, item in document.items()}

    def _build(self, name: str, document: dict[str, Any]) -> Any:
        if name == "dict":
            return {key: self.decode(item) for key, item in _mapping(document, "items").items()}
        if name == "DialogState":
            return DialogState([self._instance(item) for item in _sequence(document, "stack")])
        if name == "DialogInstance":
            return self._dialog(document.get("id"), document.get("state"))
        cls = self._types.get(name)
        if cls is None:
            raise UnsafeState("unknown type")
        return self._dataclass(cls, {k: v for k, v in document.items() if k != TAG})

    def _instance(self, item: Any) -> DialogInstance:
        instance = self.decode(item)
        if not isinstance(instance, DialogInstance):
            raise UnsafeState("a dialog stack holds something else")
        return instance

    def _dialog(self, dialog_id: Any, state: Any) -> DialogInstance:
        decoded = self.decode(state)
        if not isinstance(dialog_id, str) or not isinstance(decoded, dict):
            raise UnsafeState("a dialog without id or state")
        return DialogInstance(dialog_id, decoded)

    def _dataclass(self, cls: type[Any], fields: dict[str, Any]) -> Any:
        known = {f.name for f in dataclasses.fields(cls)}
        if not set(fields) <= known:
            raise UnsafeState("unknown field")
        return cls(**{name: self.decode(value) for name, value in fields.items()})

    def _legacy_value(self, document: dict[str, Any]) -> Any:
        """A jsonpickle document of the few shapes the dialogs ever stored."""
        if set(document) == {"py/tuple"}:
            return tuple(self.decode(item) for item in _sequence(document, "py/tuple"))
        name = self._legacy.get(str(document.get("py/object")))
        rest = {key: value for key, value in document.items() if key != "py/object"}
        if name is None or any(_is_legacy_tag(key) for key in rest):
            raise UnsafeState("a jsonpickle tag outside the table")
        if name == "DialogState":
            stack = _sequence(rest, "_dialog_stack")
            return DialogState([self._instance(item) for item in stack])
        if name == "DialogInstance":
            return self._dialog(rest.get("id"), rest.get("state"))
        return self._dataclass(self._types[name], rest)


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError("dialog state keys must be strings")
    return key


def _is_legacy_tag(key: str) -> bool:
    return key.startswith(("py/", "json://"))


def _mapping(document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    if not isinstance(value, dict):
        raise UnsafeState(f"{key} is not an object")
    return value


def _sequence(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key)
    if not isinstance(value, list):
        raise UnsafeState(f"{key} is not a list")
    return value

