"""Applying a checked agreed-position form without losing anyone's work.

`apply_edit` is pure: it merges the edit into the stored position, or, if another lead changed
the same fields since the form was opened, raises `StaleForm` carrying both sides so the bot
can show what changed and let the lead save again.

How a caller records a form: `parse_form`, read the position (or `new_position(...)` at
revision 0), `apply_edit`, then `PositionStore.save_position` unless `change` is None; on
`ConcurrentUpdate` read and apply again with the same edit (the history then tells a harmless
race from a real conflict).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from assessment.position import (
    POSITION_FIELDS,
    AgreedPosition,
    FieldChange,
    FieldValue,
    PositionChange,
)
from assessment.position_errors import StaleForm
from assessment.position_form import PositionEdit


@dataclass(frozen=True)
class EditOutcome:
    """The position to save; `change` is None when the form changed nothing (skip the save).

    `merged` are other leads' saves since the form was opened; they touched other fields and
    are kept (the bot may say so).
    """

    position: AgreedPosition
    change: PositionChange | None
    merged: tuple[PositionChange, ...] = ()


def new_position(round_id: str, partnership_id: str, component_id: str) -> AgreedPosition:
    """An empty position at revision 0: what a form opens when nothing is stored yet."""
    return AgreedPosition(
        round_id=round_id, partnership_id=partnership_id, component_id=component_id
    )


def apply_edit(
    current: AgreedPosition, edit: PositionEdit, by: str, at: datetime, by_name: str | None = None
) -> EditOutcome:
    """Merge `edit` into `current`; raise `StaleForm` rather than overwrite another's change."""
    since = current.changes_since(edit.opened_revision)
    yours = _your_changes(edit, _values_at_opening(current, since))
    others = tuple(c for c in since if c.by != by)
    conflicts = _conflicts(current, yours, others)
    if conflicts or edit.opened_revision > current.revision:
        raise StaleForm(current, yours, others, conflicts)
    changes = tuple(
        FieldChange(field=c.field, old=current.agreed.value(c.field), new=c.new)
        for c in yours
        if c.new != current.agreed.value(c.field)
    )
    if not changes:
        return EditOutcome(current, None, others)
    change = PositionChange(
        by=by, by_name=by_name, at=at, revision=current.revision + 1, changes=changes
    )
    return EditOutcome(_with_change(current, edit, change), change, others)


def _with_change(
    current: AgreedPosition, edit: PositionEdit, change: PositionChange
) -> AgreedPosition:
    agreed = current.agreed.model_copy(
        update={c.field: getattr(edit.values, c.field) for c in change.changes}
    )
    return current.model_copy(
        update={
            "agreed": agreed,
            "changed_by": change.by,
            "changed_at": change.at,
            "history": (*current.history, change),
        }
    )


def _values_at_opening(
    current: AgreedPosition, since: tuple[PositionChange, ...]
) -> dict[str, FieldValue]:
    """Each field as the form showed it: today's value with later changes undone."""
    values = {name: current.agreed.value(name) for name in POSITION_FIELDS}
    for change in reversed(since):
        for field_change in change.changes:
            values[field_change.field] = field_change.old
    return values


def _your_changes(edit: PositionEdit, base: dict[str, FieldValue]) -> tuple[FieldChange, ...]:
    """What this lead set differently from what the form showed them."""
    submitted = {name: edit.values.value(name) for name in edit.present}
    return tuple(
        FieldChange(field=name, old=base[name], new=submitted[name])
        for name in POSITION_FIELDS
        if name in submitted and submitted[name] != base[name]
    )


def _conflicts(
    current: AgreedPosition, yours: tuple[FieldChange, ...], others: tuple[PositionChange, ...]
) -> frozenset[str]:
    """Fields another lead changed meanwhile and this lead set to something else."""
    touched: set[str] = set()
    for change in others:
        touched |= change.field_names
    return frozenset(
        c.field for c in yours if c.field in touched and c.new != current.agreed.value(c.field)
    )
