"""JSON that botbuilder sends exactly as it is: our cards and invoke answers.

Why: msrest serializes an `object`-typed field (a card attachment's `content`, an invoke
answer's `value`) by walking it value by value, ~1.7 ms for the card of an answer turn whose
CPU was ~4.5 ms (py-spy, `python -m bench`), more for the lead's summary card. msrest copies
a model's `additional_properties` (key "") into its output unchanged; a `RawJson`'s additional
properties are its own items. Our cards are JSON data already (str, int, float, bool, None,
list, dict), so the bytes sent are the same. botbuilder also deep-copies every outgoing
activity; a card is built for one message and never changed afterwards, so the copy may
share it.
"""

from __future__ import annotations

from typing import Any

from msrest.serialization import Model


class RawJson(dict[str, Any], Model):
    """A JSON object (a dict) that msrest passes through without walking it."""

    _attribute_map = {  # noqa: RUF012 (msrest reads it from the class)
        "additional_properties": {"key": "", "type": "{object}"}
    }
    __str__ = dict.__repr__  # not Model's (which prints its attributes: none here)

    @property
    def additional_properties(self) -> dict[str, Any]:  # type: ignore[override]
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> RawJson:
        return self
