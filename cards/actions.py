"""Card submissions, validated at the edge: known verb, expected fields, bounded size,
storable text.

Action.Execute data arrives as `value.action.data` (inputs merged in); the Action.Submit
fallback arrives as the message's `value` with `verb` inside. Both end up here.

JSON may carry a lone surrogate (`"\\ud800"`), which Python decodes into a `str` that no
store can write (UTF-8 refuses it; PostgreSQL also refuses NUL): every text field of every
card is checked here, so the domain and the stores only ever see storable text.
"""

from __future__ import annotations

import json
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

MAX_PAYLOAD_BYTES = 16_000
"""Far above two full 2,000-character boxes; anything larger is refused outright."""
MAX_FIELD = 10_000
"""A field longer than this is tampering, not typing: refused before the domain sees it."""


D = TypeVar("D", bound="CardData")


class PayloadTooLarge(ValueError):
    pass


class InvalidPayload(ValueError):
    message_id = "reply.card_invalid"


class InvalidText(InvalidPayload):
    """A field holds text that cannot be stored (a lone surrogate, a NUL character)."""

    message_id = "reply.card_invalid_text"


INVALID_TEXT = "invalid_text"


def is_storable_text(value: str) -> bool:
    """Whether `value` is well-formed Unicode that every store can keep."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


class CardData(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=to_camel, populate_by_name=True)

    @field_validator("*", mode="before")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        if isinstance(value, str) and not is_storable_text(value):
            raise PydanticCustomError(INVALID_TEXT, "text that cannot be stored")
        return value


class RoundData(CardData):
    round_id: str = Field(pattern=r"^[0-9a-f]{32}$")


class StepData(RoundData):
    component_id: str = Field(pattern=r"^(C\d{1,2}|review)$")
    rev: int = Field(ge=0, le=10_000_000)
    rating: str = Field("", max_length=16)
    evidence: str = Field("", max_length=MAX_FIELD)
    suggestion: str = Field("", max_length=MAX_FIELD)


class SubmitData(RoundData):
    rev: int = Field(ge=0, le=10_000_000)


class AgencyData(RoundData):
    agency: str = Field("", max_length=64)


class DetailData(RoundData):
    component_id: str = Field(pattern=r"^C\d{1,2}$")


class RemindData(RoundData):
    agency: str = Field(max_length=64)


class ActionStatusData(DetailData):
    """Issue 11: move a C's action to `status` (the next step of the cycle)."""

    status: str = Field(max_length=32)


class AgenciesData(RoundData):
    """Issue 11: the agencies ticked (Teams sends a multi-select as "a,b,c")."""

    agencies: str = Field("", max_length=1000)


class PositionData(DetailData):
    """The agreed-position form: every input arrives as a string (blank = cleared)."""

    rev: int = Field(ge=0, le=10_000_000)
    score: str | None = Field(None, max_length=16)
    evidence: str | None = Field(None, max_length=MAX_FIELD)
    accountability: str | None = Field(None, max_length=MAX_FIELD)
    stakeholders: str | None = Field(None, max_length=MAX_FIELD)
    action_plan: str | None = Field(None, max_length=MAX_FIELD)
    timeframe: str | None = Field(None, max_length=64)
    review_date1: str | None = Field(None, max_length=64)
    review_date2: str | None = Field(None, max_length=64)
    review_date3: str | None = Field(None, max_length=64)

    def review_dates(self) -> list[str] | None:
        dates = [self.review_date1, self.review_date2, self.review_date3]
        return None if all(d is None for d in dates) else [d for d in dates if d]


class EraseData(CardData):
    fingerprint: str = Field(pattern=r"^[0-9a-f]{32}$")


class NoData(CardData):
    pass


def action_of(activity_value: Any, *, invoke: bool) -> tuple[str, dict[str, Any]]:
    """(verb, data) from an invoke's `value` or a submit message's `value`."""
    if not isinstance(activity_value, dict):
        raise InvalidPayload("no card data")
    if invoke:
        action = activity_value.get("action")
        if not isinstance(action, dict):
            raise InvalidPayload("no action")
        verb, data = action.get("verb"), action.get("data") or {}
    else:
        verb, data = activity_value.get("verb"), activity_value
    if not isinstance(verb, str) or not isinstance(data, dict):
        raise InvalidPayload("no verb")
    return verb, data


def check_size(data: dict[str, Any]) -> None:
    """Refuse an oversized payload before any of it is read (PayloadTooLarge)."""
    size = len(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    if size > MAX_PAYLOAD_BYTES:
        raise PayloadTooLarge()


def validate(model: type[D], data: dict[str, Any]) -> D:
    """The card's data as `model`; raises PayloadTooLarge or InvalidPayload.

    Which model a verb takes is declared beside the handler of the verb, in the bot."""
    check_size(data)
    fields = {key: value for key, value in data.items() if key != "verb"}
    try:
        return model.model_validate(fields)
    except ValidationError as error:
        if any(e["type"] == INVALID_TEXT for e in error.errors()):
            raise InvalidText("text that cannot be stored") from None
        raise InvalidPayload(f"{error.error_count()} invalid field(s)") from None


# -- language (issue 13) ----------------------------------------------------------------------


class LanguageData(CardData):
    language: Literal["en", "cy"]


class SharedLanguageData(CardData):
    welsh_first: bool
