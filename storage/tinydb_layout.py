"""Where each record of the TinyDB store lives: many small files named by keyed hashes.

One file per record keeps a write small however big the store grows; a round's responses
share one directory, so listing it is the round's index. File names are keyed BLAKE2 hashes
of the ids (the key is random per store), so no id or name shows in a path.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from pathlib import Path

from storage.atomic import write_atomic

FORMAT = 1
"""The layout's version, kept in `store.json`; a store written by a newer layout is refused."""
REMEMBERED_PATHS = 10_000
"""Paths kept (~0.5 KB each); past that the memo starts again, so memory stays bounded."""
META_NAME = "store.json"
TMP_DIR = "tmp"


class LayoutTooNew(RuntimeError):
    """The data folder was written by a newer twelvecs, whose files this one may misread."""

    def __init__(self, root: Path, found: object) -> None:
        super().__init__(
            f"the data folder {root} uses store layout {found}, but this twelvecs reads layout"
            f" {FORMAT} at most: upgrade twelvecs (or restore a backup made by this version)"
        )


class Layout:
    """Maps ids to file paths under the store's root directory."""

    def __init__(self, root: Path, salt: bytes) -> None:
        self.root = root
        self.tmp = root / TMP_DIR
        self._salt = salt
        self._paths: dict[tuple[str, ...], Path] = {}

    @classmethod
    def load_or_create(cls, root: Path) -> Layout:
        """Read the store's hashing key, or make one for a new store."""
        meta = root / META_NAME
        if meta.exists():
            found = json.loads(meta.read_text(encoding="utf-8"))
            if not isinstance(found.get("format"), int) or found["format"] > FORMAT:
                raise LayoutTooNew(root, found.get("format"))
            return cls(root, bytes.fromhex(found["salt"]))
        if any(p.name not in (TMP_DIR, ".lock") for p in root.iterdir()):
            raise FileNotFoundError(
                f"{meta} is missing but {root} holds data: without its key no record can "
                "be found; restore the file rather than starting a new store over the data"
            )
        salt = secrets.token_bytes(16)
        text = json.dumps({"format": FORMAT, "salt": salt.hex()})
        write_atomic(meta, text.encode("ascii"), root / TMP_DIR)
        return cls(root, salt)

    def digest(self, *parts: str) -> str:
        joined = "\x1f".join(parts).encode("utf-8")
        return hashlib.blake2b(joined, key=self._salt, digest_size=16).hexdigest()

    def _remembered(self, key: tuple[str, ...], build: Callable[[], Path]) -> Path:
        """The path for `key`, built once: a keyed hash and a pathlib join cost ~10 µs, and a
        turn names about fifteen paths (py-spy, `python -m bench`)."""
        found = self._paths.get(key)
        if found is None:
            if len(self._paths) >= REMEMBERED_PATHS:
                self._paths.clear()
            found = self._paths[key] = build()
        return found

    def _spread(self, kind: str, *parts: str) -> Path:
        def build() -> Path:
            name = self.digest(kind, *parts)
            return self.root / kind / name[:2] / f"{name}.json"

        return self._remembered((kind, *parts), build)

    def partnership(self, partnership_id: str) -> Path:
        return self._spread("partnerships", partnership_id)

    def members(self, partnership_id: str) -> Path:
        return self._spread("members", partnership_id)

    def member_of(self, aad_id: str) -> Path:
        """Index: the partnerships a person belongs to (any tenant)."""
        return self._spread("member_of", aad_id)

    def all_round_files(self) -> list[Path]:
        """Every round's file (for retention and migration: a walk of the rounds folder)."""
        return sorted((self.root / "rounds").glob("*/*.json"))

    def round(self, round_id: str) -> Path:
        return self._spread("rounds", round_id)

    def rounds_of(self, partnership_id: str) -> Path:
        """Index: the rounds of a partnership."""
        return self._spread("rounds_of", partnership_id)

    def all_person_files(self) -> list[Path]:
        """Every person's file (for the expiry of person records: a walk of the people folder)."""
        return sorted((self.root / "people").glob("*/*.json"))

    def person(self, tenant_id: str, aad_id: str) -> Path:
        return self._spread("people", tenant_id, aad_id)

    def answered(self, tenant_id: str, aad_id: str) -> Path:
        """Index: the rounds a person has a response in."""
        return self._spread("answered", tenant_id, aad_id)

    def responses_dir(self, round_id: str) -> Path:
        return self.root / "responses" / self.digest("responses", round_id)

    def response(self, round_id: str, respondent: str) -> Path:
        def build() -> Path:
            name = self.digest("response", round_id, respondent)
            return self.responses_dir(round_id) / f"{name}.json"

        return self._remembered(("response", round_id, respondent), build)

    def positions_dir(self, round_id: str) -> Path:
        return self.root / "positions" / self.digest("positions", round_id)

    def position(self, round_id: str, component_id: str) -> Path:
        name = self.digest("position", round_id, component_id)
        return self.positions_dir(round_id) / f"{name}.json"

    def publication(self, round_id: str) -> Path:
        return self._spread("publications", round_id)

    def state(self, key: str) -> Path:
        return self._spread("state", key)
