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


# -- inbound: the JSON of an activity into botbuilder's model ------------------------------


def deserialize_model(cls: type, data: Any) -> Any:
    """`cls.deserialize(data)` (msrest's model from REST JSON), planned per class.

    Replaces msrest's `Deserializer`, which runs for every inbound activity: per attribute it
    copies the attribute's description, asks each key extractor for the value and dispatches
    on the type's name (6 % of the bot's Python CPU on 50 Starts at one instant, py-spy
    `--gil`). The same rules, in the same order: each attribute from its JSON key (None when
    absent) through the constructor, `additional_properties` holding the keys the model does
    not know (as they came), `iso-8601` through msrest's own parser, generic objects copied.
    Anything else (a polymorphic model, a flattened key, a value of another JSON type than
    declared, a null inside a generic object) goes to msrest with the original JSON, so the
    model is msrest's model (`tests/unit/bot/test_fast_body.py` compares them).
    """
    try:
        return _from_json(cls, data, _models(cls))
    except _Fallback:
        return cls.deserialize(data)  # type: ignore[attr-defined]


def _models(cls: type) -> dict[str, type]:
    models = _models_of.get(cls)
    if models is None:
        models = _models_of[cls] = cls._infer_class_models()  # type: ignore[attr-defined]
    return models


_Inbound = tuple[list[tuple[str, str, str]], frozenset[str]]
_inbound: dict[type, _Inbound] = {}


def _inbound_plan(cls: type) -> _Inbound:
    found = _inbound.get(cls)
    if found is None:
        if cls.__dict__.get("_subtype_map") or getattr(cls, "_validation", {}):
            raise _Fallback(cls.__name__)  # polymorphic, read-only or constant attributes
        plan = []
        for attr, desc in cls._attribute_map.items():  # type: ignore[attr-defined]
            key = desc["key"]
            if attr == "additional_properties" and key == "":
                continue
            if not key or "." in key or "\\" in key:
                raise _Fallback(attr)
            plan.append((attr, key, desc["type"]))
        found = _inbound[cls] = (plan, frozenset(key for _, key, _ in plan))
    return found


def _from_json(cls: type, data: Any, models: dict[str, type]) -> Any:
    if type(data) is not dict:
        raise _Fallback(cls.__name__)
    plan, known = _inbound_plan(cls)
    attrs = {}
    for attr, key, kind in plan:
        raw = data.get(key)
        attrs[attr] = None if raw is None else _in(raw, kind, models)
    made = cls(**attrs)
    extra = {key: data[key] for key in data.keys() - known}
    if extra:
        made.additional_properties = extra
    return made


def _in(raw: Any, kind: str, models: dict[str, type]) -> Any:
    t = type(raw)
    if kind == "str":
        if t is str:
            return raw
        raise _Fallback(kind)
    if kind == "bool":
        if t is bool:
            return raw
        raise _Fallback(kind)
    if kind == "object":
        return _in_object(raw)
    if kind == "iso-8601":
        if t is str:
            from msrest.serialization import Deserializer

            return Deserializer.deserialize_iso(raw)  # type: ignore[no-untyped-call]
        raise _Fallback(kind)
    if kind.startswith("[") and kind.endswith("]"):
        if t is not list:
            raise _Fallback(kind)
        inner = kind[1:-1]
        return [None if item is None else _in(item, inner, models) for item in raw]
    model = models.get(kind)
    if model is not None and issubclass(model, Model):
        return _from_json(model, raw, models)
    raise _Fallback(kind)


def _in_object(raw: Any) -> Any:
    """msrest's `deserialize_object` for JSON without nulls: a copy of every dict and list."""
    t = type(raw)
    if t is str or t is int or t is bool or t is float:
        return raw
    if t is dict:
        return {k: _in_object(v) for k, v in raw.items()}
    if t is list:
        return [_in_object(v) for v in raw]
    raise _Fallback(t.__name__)  # None (msrest drops it from a list), anything else
