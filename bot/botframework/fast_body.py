"""The JSON of an outgoing activity or a create-conversation call, built without msrest's walk.

Replaces: msrest's `Serializer.body`, which botbuilder's `ConversationsOperations` runs on
every activity it sends (`reply_to_activity`, `send_to_conversation`) and on the
`ConversationParameters` of `create_conversation`. `body` first runs the model through a
`Deserializer` (rebuilding nothing for a model that is already a model), then validates it
recursively, then serializes it attribute by attribute through a chain of type lookups.

Why: a practitioner's Start opens the 1:1 chat and sends the agency card there; with 50
Starts at one instant these two `body` calls were 8 % of the bot's Python CPU (py-spy
`--gil`, 500 Starts), most of it the deserializer pass and the validation walk.

What it does instead: the same walk over each model's `_attribute_map`, in the same order
and with the same rules (None left out, read-only attributes left out, `additional_properties`
merged in place, enums by their value, `iso-8601` through msrest's own formatter), planned once
per model class. Anything it does not know for sure (a flattened key, a type it has no rule
for, a dict where a model belongs, a number of another type than declared) makes it hand the
whole body to msrest unchanged, so the JSON sent is msrest's JSON, byte for byte
(`tests/unit/bot/test_fast_body.py` compares the two). The models botbuilder sends declare no
validation rules (`_validation` is empty for every one of them), so skipping the validation
walk changes nothing.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

from msrest.serialization import Model, Serializer

FAST_TYPES = ("Activity", "ConversationParameters")


class _Fallback(Exception):
    """Something msrest must decide: serialize the whole body the stock way."""


_Plan = list[tuple[str, str, str]]  # (attribute, JSON key, msrest type)
_plans: dict[type, _Plan] = {}
_models_of: dict[type, dict[str, type]] = {}


def _plan(cls: type) -> _Plan:
    plan = _plans.get(cls)
    if plan is None:
        plan = []
        validation: dict[str, Any] = getattr(cls, "_validation", {})
        for attr, desc in cls._attribute_map.items():  # type: ignore[attr-defined]
            if validation.get(attr, {}).get("readonly", False):
                continue
            key = desc["key"]
            if attr != "additional_properties" and (not key or "." in key):
                raise _Fallback(attr)  # flattened or unnamed: msrest's key transformer
            plan.append((attr, key, desc["type"]))
        _plans[cls] = plan
    return plan


def _model(obj: Model, models: dict[str, type]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr, key, kind in _plan(type(obj)):
        if attr == "additional_properties" and key == "":
            extra = obj.additional_properties
            if extra is not None:
                out.update(extra)
            continue
        value = getattr(obj, attr)
        if value is not None and key not in out:  # msrest keeps a key already merged in
            out[key] = _value(value, kind, models)
    return out


def _value(value: Any, kind: str, models: dict[str, type]) -> Any:
    t = type(value)
    if kind == "str":
        if t is str:
            return value
        if isinstance(value, Enum):
            return value.value
        raise _Fallback(kind)
    if kind in ("bool", "int", "float"):
        if t.__name__ == kind:
            return value
        raise _Fallback(kind)
    if kind == "object":
        return _object(value, models)
    if kind == "iso-8601":
        if t is datetime.datetime:
            return Serializer.serialize_iso(value)  # type: ignore[no-untyped-call]
        raise _Fallback(kind)
    if kind.startswith("[") and kind.endswith("]"):
        if t is not list:
            raise _Fallback(kind)
        inner = kind[1:-1]
        return [None if item is None else _value(item, inner, models) for item in value]
    if kind.startswith("{") and kind.endswith("}"):
        if t is not dict:
            raise _Fallback(kind)
        inner = kind[1:-1]
        return {
            _key(k): None if v is None else _value(v, inner, models) for k, v in value.items()
        }
    model = models.get(kind)
    if model is not None and not issubclass(model, Enum) and isinstance(value, Model):
        return _model(value, models)
    raise _Fallback(kind)


def _key(key: Any) -> str:
    if type(key) is str:
        return key
    raise _Fallback("key")


def _object(value: Any, models: dict[str, type]) -> Any:
    """msrest's `serialize_object` for JSON data and models."""
    t = type(value)
    if t is str or t is int or t is bool or t is float:
        return value
    if t is dict:
        return {_key(k): None if v is None else _object(v, models) for k, v in value.items()}
    if t is list:
        return [None if v is None else _object(v, models) for v in value]
    if isinstance(value, Model):  # a RawJson card: its own items, as msrest copies them
        return _model(value, models)
    raise _Fallback(t.__name__)


class FastBodySerializer(Serializer):
    """msrest's serializer, with `body` of an Activity or ConversationParameters planned."""

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        if not kwargs and data_type in FAST_TYPES and isinstance(data, Model):
            try:
                return _model(data, self.dependencies)
            except _Fallback:
                pass
        return super().body(data, data_type, **kwargs)  # type: ignore[no-untyped-call]


def serialize_model(model: Model) -> Any:
    """`model.serialize()` (msrest's JSON of a model, read-only attributes kept), planned.

    Replaces msrest's walk where the bot serializes a model itself: the 1:1 chat's
    conversation reference it stores on every first Start (2.5 % of the bot's Python CPU on
    50 Starts at one instant, py-spy `--gil`). Models with read-only attributes go to msrest.
    """
    cls = type(model)
    if not any(rule.get("readonly") for rule in getattr(cls, "_validation", {}).values()):
        try:
            models = _models_of.get(cls)
            if models is None:
                models = _models_of[cls] = cls._infer_class_models()  # type: ignore[no-untyped-call]
            return _model(model, models)
        except _Fallback:
            pass
    return model.serialize()  # type: ignore[no-untyped-call]


def install_fast_body(client: Any) -> Any:
    """Give `client.conversations` (a botbuilder ConnectorClient's) the fast `body`."""
    stock = client.conversations._serialize
    fast = FastBodySerializer(stock.dependencies)  # type: ignore[no-untyped-call]
    fast.client_side_validation = stock.client_side_validation
    fast.key_transformer = stock.key_transformer
    client.conversations._serialize = fast
    return client
