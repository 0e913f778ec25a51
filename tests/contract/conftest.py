"""One contract, every backend: each test here runs against memory, TinyDB and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from assessment.ports import Store
from assessment.position_ports import PositionStore
from tests.contract.backends import (
    Backend,
    drop_schema,
    memory_backend,
    postgres_backend,
    postgres_schema,
    tinydb_backend,
)


@pytest.fixture(params=["memory", "tinydb", pytest.param("postgres", marks=pytest.mark.postgres)])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    schema = None
    if request.param == "memory":
        chosen = memory_backend()
    elif request.param == "tinydb":
        chosen = tinydb_backend(tmp_path / "store")
    else:
        schema = await postgres_schema()
        chosen = postgres_backend(schema)
    await chosen.store.open()
    try:
        yield chosen
    finally:
        await chosen.store.close()
        if schema is not None:
            await drop_schema(schema)


@pytest.fixture
def store(backend: Backend) -> Store:
    return backend.store


@pytest.fixture
def positions(backend: Backend) -> PositionStore:
    return backend.positions
