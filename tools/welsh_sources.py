"""Which English each Welsh text was translated from, so that a change to the English is
noticed: a Welsh text whose English has changed since is stale, even though its key exists.

`python -m tools.welsh_sources` lists stale and unrecorded keys; `--record KEY …` (or
`--record-all` after reviewing everything) records the current English of those keys as the
source of their Welsh. The record is messages/translated_from/cy.json (not a catalogue).

`--apply-pending` takes Welsh written ahead for texts other branches were still adding
(messages/translated_from/cy.pending.json: key → the English it translates, and the Welsh):
each key whose English in en.json is exactly that English gets its Welsh, recorded; the
rest are listed, still to translate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ROOT / "messages" / "en.json"
WELSH = ROOT / "messages" / "cy.json"
RECORD = ROOT / "messages" / "translated_from" / "cy.json"
PENDING = ROOT / "messages" / "translated_from" / "cy.pending.json"


def _load(path: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return data


def stale_keys(english_path: Path = ENGLISH, record_path: Path = RECORD) -> list[str]:
    """Keys whose Welsh was translated from an English text that has changed (or unknown)."""
    english, welsh, record = _load(english_path), _load(WELSH), _load(record_path)
    return sorted(k for k in welsh if k in english and record.get(k) != english[k])


def record(keys: list[str]) -> None:
    english, saved = _load(ENGLISH), _load(RECORD)
    saved.update({k: english[k] for k in keys})
    kept = {k: saved[k] for k in english if k in saved}  # in en.json's order, none gone
    RECORD.write_text(json.dumps(kept, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def apply_pending() -> list[str]:
    """Copy the pending Welsh whose English matches en.json; the keys applied."""
    english, welsh = _load(ENGLISH), _load(WELSH)
    pending: dict[str, dict[str, str]] = (
        json.loads(PENDING.read_text(encoding="utf-8")) if PENDING.exists() else {}
    )
    applied = [k for k, p in pending.items() if english.get(k) == p["en"]]
    welsh.update({k: pending[k]["cy"] for k in applied})
    ordered = {k: welsh[k] for k in english if k in welsh}
    WELSH.write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    record(applied)
    return applied


def main(argv: list[str]) -> int:
    if argv[:1] == ["--apply-pending"]:
        print(f"applied {len(apply_pending())} pending Welsh texts")
        argv = []
    if argv[:1] == ["--record-all"]:
        record(sorted(_load(WELSH)))
        return 0
    if argv[:1] == ["--record"]:
        record(argv[1:])
        return 0
    stale = stale_keys()
    for key in stale:
        print(key)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
