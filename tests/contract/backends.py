"""The store backends the contract suite runs against, each able to reopen what it saved."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import cast

import asyncpg
import pytest

from assessment.ports import Store
from assessment.position_ports import PositionStore
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from storage.postgres_store import PostgresStore
from storage.tinydb_store import TinyDBStore

POSTGRES_DSN = os.environ.get("TWELVECS_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test")


class Backend:
    """Opens stores of one kind over the same data, so a test can close and reopen."""

    def __init__(
        self,
        make: Callable[[], Store],
        durable: bool = True,
        positions: PositionStore | None = None,
    ) -> None:
        self._make = make
        self.durable = durable
        self.store: Store = make()
        self._positions = positions

    @property
    def positions(self) -> PositionStore:
        """The backend's agreed positions: the store itself, but for the in-memory fake."""
        if self._positions is not None:
            return self._positions
        return cast(PositionStore, self.store)

    async def reopen(self) -> Store:
        if not self.durable:
            pytest.skip("the in-memory store keeps nothing across a reopen")
        await self.store.close()
        self.store = self._make()
        await self.store.open()
        return self.store


def memory_backend() -> Backend:
    shared = MemoryStore()
    return Backend(lambda: shared, durable=False, positions=MemoryPositionStore())


def tinydb_backend(data_dir: Path) -> Backend:
    return Backend(lambda: TinyDBStore(data_dir))


async def postgres_schema() -> str:
    """A fresh schema name, after checking the server answers (skip locally if it doesn't)."""
    try:
        conn = await asyncpg.connect(POSTGRES_DSN, timeout=3)
    except (OSError, asyncpg.PostgresError) as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_DSN} ({error}); CI requires it")
    await conn.close()
    return f"contract_{uuid.uuid4().hex[:12]}"


def postgres_backend(schema: str) -> Backend:
    return Backend(lambda: PostgresStore(POSTGRES_DSN, schema=schema))


async def drop_schema(schema: str) -> None:
    conn = await asyncpg.connect(POSTGRES_DSN)
    try:
        await conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await conn.close()


def _real_backends_provide_positions(
    tiny: TinyDBStore, postgres: PostgresStore
) -> tuple[PositionStore, PositionStore]:
    """Never called: mypy checks here that the cast in `Backend.positions` is sound."""
    return tiny, postgres
