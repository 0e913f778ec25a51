"""Carry forward: a new round starts from the previous round's agreed positions.

Why: the 12Cs model is a cycle (assess, agree, act, review, assess again). Without this, a new
round hides last round's agreed scores, owners, action plans and review dates, and an overdue
review stops prompting. Each carried position is marked with the round it came from until a
lead confirms it (saves the form, changed or not) in the new round.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.model import Round
from assessment.position import AgreedPosition


def previous_of(rounds: list[Round], round_: Round) -> Round | None:
    """The partnership's round opened just before `round_` (rounds oldest first)."""
    earlier = [r for r in rounds if r.opened_at < round_.opened_at and r.id != round_.id]
    return earlier[-1] if earlier else None


def carried_positions(
    previous: Round, positions: Mapping[str, AgreedPosition], new_round: Round
) -> list[AgreedPosition]:
    """New positions (revision 0) for `new_round`: every C the previous round agreed anything
    for, with the same fields, marked as carried forward from it. History stays with the old
    round (it says who agreed what there)."""
    return [
        AgreedPosition(
            round_id=new_round.id,
            partnership_id=new_round.partnership_id,
            component_id=component_id,
            agreed=position.agreed,
            carried_from=previous.title,
            status_history=position.status_history,
        )
        for component_id, position in sorted(positions.items())
        if position.agreed.is_started or position.status_history
    ]
