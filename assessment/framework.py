"""The 12Cs model and its rating scale, loaded from data so a partnership can relabel them.

Only structure lives here (ids, numbering, grouping, which levels demand action); the words
come from the message catalogue under `c.<id>.*`, `group.<id>` and `scale.<value>.*`.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, model_validator

NOT_SURE = "not_sure"
"""The rating a practitioner gives when they cannot judge a C."""


class ActionLevel(StrEnum):
    URGENT = "urgent"
    PRIORITY = "priority"


class ScaleLevel(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: int = Field(ge=1, le=6)
    action: ActionLevel | None = None


class Component(BaseModel):
    """One C: its id (`C1`…`C12`) is stable; the number is what people see."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^C\d{1,2}$")
    number: int = Field(ge=1)
    questions: int = Field(ge=1, le=5)
    group: str = ""


class Group(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    cs: tuple[str, ...]


class Framework(BaseModel):
    """The ordered components, their two groups and the 1–6 scale."""

    model_config = ConfigDict(frozen=True)

    id: str
    groups: tuple[Group, ...]
    components: tuple[Component, ...]
    scale: tuple[ScaleLevel, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        ids = [c.id for c in self.components]
        if len(set(ids)) != len(ids):
            raise ValueError("component ids must be unique")
        if [c.number for c in self.components] != list(range(1, len(ids) + 1)):
            raise ValueError("components must be numbered 1..n in order")
        grouped = [c for g in self.groups for c in g.cs]
        if sorted(grouped) != sorted(ids):
            raise ValueError("every component must be in exactly one group")
        if [level.value for level in self.scale] != [1, 2, 3, 4, 5, 6]:
            raise ValueError("the scale must have the levels 1..6 in order")
        return self

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.components)

    def component(self, component_id: str) -> Component:
        for c in self.components:
            if c.id == component_id:
                return c
        raise KeyError(component_id)

    def has(self, component_id: str) -> bool:
        return component_id in self.ids

    def index(self, component_id: str) -> int:
        return self.ids.index(component_id)

    def group_of(self, component_id: str) -> str:
        return next(g.id for g in self.groups if component_id in g.cs)

    def level(self, value: int) -> ScaleLevel:
        return self.scale[value - 1]

    def find(self, text: str) -> Component | None:
        """The component a person named, as `C4`, `c4` or `4`."""
        key = text.strip().upper()
        key = key if key.startswith("C") else f"C{key}"
        return next((c for c in self.components if c.id == key), None)


@cache
def load_framework() -> Framework:
    """The 12Cs as shipped in `assessment/data/framework.json`."""
    raw = json.loads(
        resources.files("assessment").joinpath("data/framework.json").read_text("utf-8")
    )
    group_of = {c: g["id"] for g in raw["groups"] for c in g["cs"]}
    for component in raw["components"]:
        component["group"] = group_of.get(component["id"], "")
    return Framework.model_validate(raw)
