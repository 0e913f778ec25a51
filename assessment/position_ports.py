"""What agreed positions need from a store; the storage engineer adds it to each backend.

Same contract as `assessment.ports.Store`: `save_position` is a compare-and-set on
`position.revision` (0 for a new position), returns the position with the revision bumped,
and raises `ConcurrentUpdate` storing nothing if the stored revision differs.
"""

from __future__ import annotations

from typing import Protocol

from assessment.position import AgreedPosition


class PositionStore(Protocol):
    async def get_position(self, round_id: str, component_id: str) -> AgreedPosition | None: ...

    async def get_positions(self, round_id: str) -> dict[str, AgreedPosition]:
        """The round's stored positions by component id (Cs never recorded are absent)."""
        ...

    async def save_position(self, position: AgreedPosition) -> AgreedPosition: ...
