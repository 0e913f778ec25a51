"""The reminder log for the single-process stores (in-memory and TinyDB), kept in their host
state as one document per round.

Why in host state: those stores serve one app process (TinyDB holds a directory lock), so an
`asyncio.Lock` around read-then-write makes a claim atomic; the document is written durably by
`write_state` like any dialog state. PostgreSQL, shared by several instances, has a table.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping

from assessment.followup_ports import SentReminder
from assessment.ports import JsonDoc

PREFIX = "followup/sent/"


def _round_of(key: str) -> str:
    return key.split("/", 2)[1] if key.count("/") >= 2 else ""


class StateSentLog:
    """Mixed into a store that has `read_state`/`write_state`; keys are `<kind>/<round>/...`."""

    _sent_lock: asyncio.Lock | None = None

    async def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        raise NotImplementedError

    async def write_state(self, items: Mapping[str, JsonDoc]) -> None:
        raise NotImplementedError

    async def delete_state(self, keys: Collection[str]) -> None:
        raise NotImplementedError

    def _claim_lock(self) -> asyncio.Lock:
        if self._sent_lock is None:
            self._sent_lock = asyncio.Lock()
        return self._sent_lock

    async def _sent_doc(self, round_id: str) -> JsonDoc:
        key = PREFIX + round_id
        return (await self.read_state([key])).get(key) or {}

    async def claim_reminder(self, sent: SentReminder) -> bool:
        async with self._claim_lock():
            doc = await self._sent_doc(sent.round_id)
            there = doc.get(sent.key)
            if there is not None and SentReminder.model_validate(there).holds(sent.sent_at):
                return False
            doc = {**doc, sent.key: sent.model_dump(mode="json")}
            await self.write_state({PREFIX + sent.round_id: doc})
            return True

    async def confirm_reminder(self, key: str) -> None:
        round_id = _round_of(key)
        async with self._claim_lock():
            doc = await self._sent_doc(round_id)
            if key in doc:
                confirmed = {**doc[key], "confirmed": True}
                await self.write_state({PREFIX + round_id: {**doc, key: confirmed}})

    async def release_reminder(self, key: str) -> None:
        round_id = _round_of(key)
        async with self._claim_lock():
            doc = await self._sent_doc(round_id)
            if key in doc:
                await self.write_state(
                    {PREFIX + round_id: {k: v for k, v in doc.items() if k != key}}
                )

    async def reminders_of(self, round_id: str) -> list[SentReminder]:
        doc = await self._sent_doc(round_id)
        found = [SentReminder.model_validate(v) for v in doc.values()]
        return sorted(found, key=lambda s: (s.sent_at, s.key))

    async def forget_reminders(self, round_id: str, recipient: str) -> int:
        async with self._claim_lock():
            doc = await self._sent_doc(round_id)
            kept = {k: v for k, v in doc.items() if v.get("recipient") != recipient}
            if len(kept) != len(doc):
                await self.write_state({PREFIX + round_id: kept})
            return len(doc) - len(kept)

    async def drop_reminders(self, round_id: str) -> int:
        async with self._claim_lock():
            doc = await self._sent_doc(round_id)
            if doc:
                await self.delete_state([PREFIX + round_id])
            return len(doc)
