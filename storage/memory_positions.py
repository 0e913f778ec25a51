"""An in-memory `PositionStore` for unit tests, with the same compare-and-set as `MemoryStore`."""

from __future__ import annotations

from assessment.ports import JsonDoc
from assessment.position import AgreedPosition
from storage.memory import _compare_and_set


class MemoryPositionStore:
    """Keeps positions as JSON documents keyed by round and C; returns fresh copies."""

    def __init__(self) -> None:
        self.positions: dict[str, JsonDoc] = {}

    async def get_position(self, round_id: str, component_id: str) -> AgreedPosition | None:
        doc = self.positions.get(AgreedPosition.key(round_id, component_id))
        return AgreedPosition.model_validate(doc) if doc else None

    async def get_positions(self, round_id: str) -> dict[str, AgreedPosition]:
        found = (AgreedPosition.model_validate(d) for d in self.positions.values())
        return {p.component_id: p for p in found if p.round_id == round_id}

    async def save_position(self, position: AgreedPosition) -> AgreedPosition:
        key = AgreedPosition.key(position.round_id, position.component_id)
        return _compare_and_set(self.positions, key, position)
