"""The embedded store: TinyDB files in a data directory, written durably off the event loop.

Each record is its own small TinyDB file (see `tinydb_layout`), so a save costs the same
with ten or a hundred thousand answers stored. File I/O runs in a small thread pool; a read
of a cached record is answered on the event loop (`tinydb_cached`). One process owns the
directory (a lock file refuses a second one).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from assessment.audit import AuditEntry
from assessment.model import Partnership, Person, Response, Round
from assessment.ports import JsonDoc
from assessment.position import AgreedPosition
from assessment.publication import Publication
from storage.atomic import clean_temp_files
from storage.audit_file import AuditFile
from storage.lockfile import DirectoryLock
from storage.snapshot import Snapshot
from storage.state_sent_log import StateSentLog
from storage.text_cache import TextCache
from storage.tinydb_cached import CachedFiles, NotCached
from storage.tinydb_export import export
from storage.tinydb_files import DocumentFiles
from storage.tinydb_layout import TMP_DIR, Layout
from storage.tinydb_records import Records

P = ParamSpec("P")
T = TypeVar("T")
WORKERS = 4


class StoreClosed(RuntimeError):
    """The store was used before `open()` or after `close()`."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"the TinyDB store at {data_dir} is not open")


class TinyDBStore(StateSentLog):
    """`Store` and `PositionStore` over TinyDB files in `data_dir`; `cache_size` bounds memory."""

    def __init__(self, data_dir: Path, cache_size: int = 20_000) -> None:
        self.data_dir = data_dir
        self._cache = TextCache(cache_size)
        self._lock = DirectoryLock(data_dir)
        self._pool: ThreadPoolExecutor | None = None
        self._records: Records | None = None
        self._cached: Records | None = None
        self._audit: AuditFile | None = None
        self._layout: Layout | None = None
        self._files: DocumentFiles | None = None

    async def _run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._pool is None:
            raise StoreClosed(self.data_dir)
        call = functools.partial(fn, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._pool, call)

    async def _read(
        self, fn: Callable[Concatenate[Records, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run the read `fn` on the loop from the cache if it can be, else in a thread."""
        if self._cached is None:
            raise StoreClosed(self.data_dir)
        try:
            return fn(self._cached, *args, **kwargs)
        except NotCached:
            return await self._run(fn, self.records, *args, **kwargs)

    @property
    def records(self) -> Records:
        if self._records is None:
            raise StoreClosed(self.data_dir)
        return self._records

    def _open_files(self) -> tuple[Layout, DocumentFiles]:
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._lock.acquire()
        try:
            (self.data_dir / TMP_DIR).mkdir(mode=0o700, exist_ok=True)
            layout = Layout.load_or_create(self.data_dir)
            clean_temp_files(layout.tmp)
        except BaseException:
            self._lock.release()
            raise
        return layout, DocumentFiles(self.data_dir, layout.tmp, self._cache)

    async def open(self) -> None:
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="tinydb-store")
        try:
            layout, files = await self._run(self._open_files)
            self._layout, self._files = layout, files
            self._records = Records(layout, files)
            self._cached = Records(layout, CachedFiles(files, self._cache))
            self._audit = AuditFile(self.data_dir)
        except BaseException:
            self._pool.shutdown()
            self._pool = None
            raise

    async def close(self) -> None:
        """Every write is durable when it returns, so closing only stops threads and unlocks."""
        pool, self._pool, self._records, self._cached = self._pool, None, None, None
        self._audit, self._layout, self._files = None, None, None
        if pool is not None:
            await asyncio.get_running_loop().run_in_executor(None, pool.shutdown)
            self._lock.release()

    async def get_partnership(self, partnership_id: str) -> Partnership | None:
        return await self._read(Records.get_partnership, partnership_id)

    async def save_partnership(self, partnership: Partnership) -> Partnership:
        return await self._run(self.records.save_partnership, partnership)

    async def add_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        await self._run(self.records.add_members, partnership_id, list(aad_ids))

    async def remove_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        await self._run(self.records.remove_members, partnership_id, list(aad_ids))

    async def is_member(self, partnership_id: str, aad_id: str) -> bool:
        return await self._read(Records.is_member, partnership_id, aad_id)

    async def partnerships_of(self, tenant_id: str, aad_id: str) -> list[str]:
        return await self._read(Records.partnerships_of, tenant_id, aad_id)

    async def get_round(self, round_id: str) -> Round | None:
        return await self._read(Records.get_round, round_id)

    async def save_round(self, round_: Round) -> Round:
        return await self._run(self.records.save_round, round_)

    async def rounds_of(self, partnership_id: str) -> list[Round]:
        return await self._read(Records.rounds_of, partnership_id)

    async def get_person(self, tenant_id: str, aad_id: str) -> Person | None:
        return await self._read(Records.get_person, tenant_id, aad_id)

    async def save_person(self, person: Person) -> Person:
        return await self._run(self.records.save_person, person)

    async def get_response(self, round_id: str, respondent: str) -> Response | None:
        return await self._read(Records.get_response, round_id, respondent)

    async def save_response(self, response: Response) -> Response:
        return await self._run(self.records.save_response, response)

    async def responses_of(self, round_id: str) -> list[Response]:
        return await self._run(self.records.responses_of, round_id)

    async def responses_by(self, tenant_id: str, respondent: str) -> list[Response]:
        return await self._read(Records.responses_by, tenant_id, respondent)

    async def get_position(self, round_id: str, component_id: str) -> AgreedPosition | None:
        return await self._read(Records.get_position, round_id, component_id)

    async def get_positions(self, round_id: str) -> dict[str, AgreedPosition]:
        return await self._run(self.records.get_positions, round_id)

    async def save_position(self, position: AgreedPosition) -> AgreedPosition:
        return await self._run(self.records.save_position, position)

    async def get_publication(self, round_id: str) -> Publication | None:
        return await self._read(Records.get_publication, round_id)

    async def save_publication(self, publication: Publication) -> Publication:
        return await self._run(self.records.save_publication, publication)

    async def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        return await self._read(Records.read_state, list(keys))

    async def write_state(self, items: Mapping[str, JsonDoc]) -> None:
        await self._run(self.records.write_state, dict(items))

    async def delete_state(self, keys: Collection[str]) -> None:
        await self._run(self.records.delete_state, list(keys))

    # -- audit log ------------------------------------------------------------------------

    @property
    def audit(self) -> AuditFile:
        if self._audit is None:
            raise StoreClosed(self.data_dir)
        return self._audit

    async def append_audit(self, entry: AuditEntry) -> None:
        await self._run(self.audit.append, entry)

    async def audit_entries(
        self, *, since: datetime | None = None, partnership_id: str | None = None
    ) -> list[AuditEntry]:
        return await self._run(self.audit.entries, since, partnership_id)

    # -- erasure and retention ------------------------------------------------------------

    async def all_rounds(self) -> list[Round]:
        return await self._run(self.records.all_rounds)

    async def delete_response(self, round_id: str, respondent: str) -> bool:
        return await self._run(self.records.delete_response, round_id, respondent)

    async def delete_person(self, tenant_id: str, aad_id: str) -> bool:
        return await self._run(self.records.delete_person, tenant_id, aad_id)

    async def people_unseen_since(self, day: date) -> list[Person]:
        return await self._run(self.records.people_unseen_since, day)

    # -- follow-through (issue 11): the reminder log is in host state (StateSentLog) ------

    async def members_of(self, partnership_id: str) -> list[str]:
        return await self._run(self.records.members_of, partnership_id)

    # -- migration to PostgreSQL (`twelvecs db copy`) -------------------------------------

    async def export(self) -> tuple[Snapshot, int]:
        """Every record by kind, and how many files could not be read or matched."""
        if self._layout is None or self._files is None:
            raise StoreClosed(self.data_dir)
        return await self._run(export, self._layout, self._files)
