"""Build a big TinyDB store quickly for benchmarks, by writing its files directly.

Writing 100,000 answers through `save_response` would fsync every file (minutes); here the
files are written in bulk with the store's own layout and document format, then one
`os.sync()` makes them durable, so the benchmark starts from what the store would have made.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assessment.model import Agency, Answer, Response
from assessment.pseudonym import PREFIX
from storage.tinydb_layout import Layout

ROUND_ID = "bench-round"
PARTNERSHIP_ID = "bench-tenant/team/bench-team"
TENANT = "bench-tenant"
EVIDENCE = "Referral thresholds are understood by most staff; ŵ ŷ. " * 4
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def answers(count: int) -> dict[str, Answer]:
    """`count` (≤ 12) answered Cs with a couple of hundred characters of evidence each."""
    return {
        f"C{i}": Answer(
            component_id=f"C{i}", rating=i % 6 + 1, evidence=EVIDENCE, answered_at=START
        )
        for i in range(1, count + 1)
    }


@dataclass(frozen=True)
class Target:
    """The round the answers go to (the bench's own by default, or a live bot's)."""

    round_id: str = ROUND_ID
    partnership_id: str = PARTNERSHIP_ID
    tenant: str = TENANT


def response(
    respondent: str, answered: int, minute: int = 0, target: Target = Target()
) -> Response:
    at = START + timedelta(minutes=minute)
    agencies = list(Agency)
    return Response(
        round_id=target.round_id,
        partnership_id=target.partnership_id,
        tenant_id=target.tenant,
        respondent=respondent,
        agency=agencies[minute % len(agencies)],
        started_at=at,
        updated_at=at,
        position=f"C{min(answered + 1, 12)}",
        answers=answers(answered),
        revision=1,
    )


def _write_doc(path: Path, doc: dict[str, object]) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    text = json.dumps({"_default": {"1": doc}}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")


def _keyed(name: str) -> str:
    """A respondent key as the bot stores it in an anonymous round (`p1:` + 64 hex digits):
    plain ids are what versions before keyed storage wrote, and the bot re-keys those at
    start, which would make the timed start-ups a one-off migration."""
    return PREFIX + hashlib.sha256(name.encode()).hexdigest()


def fill(layout: Layout, stored_answers: int, target: Target = Target()) -> int:
    """Store `stored_answers` answers as full 12-answer responses in one round; returns
    how many responses that made."""
    count = 0
    for count, first in enumerate(range(0, stored_answers, 12), start=1):
        respondent = _keyed(f"bench-person-{count}")
        saved = response(respondent, min(12, stored_answers - first), count, target)
        _write_doc(layout.response(target.round_id, respondent), saved.model_dump(mode="json"))
        _write_doc(layout.answered(target.tenant, respondent), {"ids": [target.round_id]})
    os.sync()
    return count
