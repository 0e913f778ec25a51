"""An action prompt: what the lead should do next, as catalogue ids so any language can show it.

Render with `prompt_text(prompt, catalogue)`; the button with `action_label(prompt, ...)`.
`params` are plain values; `refs` are params whose value is itself a catalogue id (a C's
title, a scale label, an agency name), looked up in the same language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from assessment.model import Agency


class PromptKind(StrEnum):
    """Kinds in the order prompts are listed (most urgent first); message `prompt.<kind>`."""

    URGENT_ACTION = "urgent_action"
    PRIORITY_ACTION = "priority_action"
    REVIEW_OVERDUE = "review_overdue"
    NOT_IMPLEMENTED = "not_implemented"
    """The action is still only identified and a review date has passed (issue 11)."""
    CHALLENGE = "challenge"
    """Agreed score 2+ above the practitioners' median: triangulate before relying on it."""
    MOSTLY_NOT_SURE = "mostly_not_sure"
    """Most answers to a C are "not sure": people do not know the arrangements."""
    NO_EVIDENCE = "no_evidence"
    """An agreed score with no evidence narrative behind it."""
    FELL_SINCE_PREVIOUS = "fell_since_previous"
    NO_OWNER = "no_owner"
    NO_ACTION_PLAN = "no_action_plan"
    NO_TIMEFRAME = "no_timeframe"
    NO_AGREED_POSITION = "no_agreed_position"
    NO_RESPONSES = "no_responses"
    FEW_RESPONSES = "few_responses"
    """Agencies not shown on their own, counted (naming them would expose a small group)."""


class Severity(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActionKind(StrEnum):
    """What the prompt's button does; the bot maps each to a card verb."""

    RECORD_POSITION = "record_position"
    """Open the agreed-position form for `component_id`."""
    SHOW_COMPONENT = "show_component"
    """Show the detail of `component_id` (`summary C4`)."""
    REMIND = "remind"
    """Post a reminder to take part, naming `agency`."""


@dataclass(frozen=True, slots=True)
class PromptAction:
    kind: ActionKind
    label_id: str
    component_id: str | None = None
    agency: Agency | None = None


@dataclass(frozen=True)
class Prompt:
    kind: PromptKind
    severity: Severity
    action: PromptAction | None
    """None when there is nothing to press (e.g. reminders once the round is closed)."""
    component_id: str | None = None
    agency: Agency | None = None
    params: Mapping[str, str | int] = field(default_factory=dict)
    refs: Mapping[str, str] = field(default_factory=dict)
    variant: str = ""
    """Issue 11: another wording of the same kind (message `prompt.<kind>.<variant>`), e.g.
    `suggested` while an urgent/priority prompt rests on ratings, not an agreed score."""

    @property
    def message_id(self) -> str:
        base = f"prompt.{self.kind.value}"
        return f"{base}.{self.variant}" if self.variant else base


class TextSource(Protocol):
    """Anything that looks texts up by id, as `messages.Catalogue` does."""

    def text(self, message_id: str, /, **params: Any) -> str: ...


def prompt_text(prompt: Prompt, texts: TextSource) -> str:
    return texts.text(prompt.message_id, **_params(prompt, texts))


def action_label(prompt: Prompt, texts: TextSource) -> str | None:
    if prompt.action is None:
        return None
    return texts.text(prompt.action.label_id, **_params(prompt, texts))


def _params(prompt: Prompt, texts: TextSource) -> dict[str, Any]:
    return {**prompt.params, **{k: texts.text(ref) for k, ref in prompt.refs.items()}}
