"""Every record of a store as plain JSON documents, kind by kind: what `db copy` moves.

Kinds are named like the PostgreSQL tables. Members are `{partnership_id, aad_id}` pairs,
dialog state `{key, value}` pairs; every other kind is the record's own document, revision
included, so a copy keeps each record's place in its compare-and-set history.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.ports import JsonDoc

KINDS = (
    "partnerships",
    "members",
    "rounds",
    "people",
    "responses",
    "positions",
    "publications",
    "state",
    "audit_log",
)
"""In copy order: a round's partnership before the round, rounds before what they own."""

Snapshot = dict[str, list[JsonDoc]]


@dataclass
class KindTally:
    """What a copy did with one kind's records (counts only: never content)."""

    source: int = 0
    copied: int = 0
    already_there: int = 0
    conflicts: int = 0
    in_target: int = 0

    @property
    def accounted(self) -> bool:
        return self.copied + self.already_there + self.conflicts == self.source


@dataclass
class CopyReport:
    kinds: dict[str, KindTally] = field(default_factory=lambda: {k: KindTally() for k in KINDS})
    unreadable: int = 0
    """Source files that could not be read or matched to a record (counted, not copied)."""

    @property
    def verified(self) -> bool:
        """Every source record is in the target, identical, and nothing was skipped."""
        return self.unreadable == 0 and all(
            t.accounted and t.conflicts == 0 and t.in_target >= t.source
            for t in self.kinds.values()
        )
