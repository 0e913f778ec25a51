"""Child process of the store crash test: saves answers until killed, printing each ack.

Usage: python -m tests.integration.store_crash_child DATA_DIR. Each stdout line
`<respondent> <revision>` is printed only after `save_response` returned for it.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from assessment.model import Answer, Response
from storage.tinydb_store import TinyDBStore
from tests.contract import records

WORKERS = 4
PEOPLE_PER_WORKER = 10


def _next(found: Response | None, respondent: str, step: int) -> Response:
    """The response with one more answer: what a practitioner's next card would save."""
    now = datetime.now(UTC)
    base = found or records.response(respondent=respondent).model_copy(update={"answers": {}})
    component = f"C{len(base.answers) % 12 + 1}"
    answer = Answer(
        component_id=component, rating=step % 6 + 1, evidence=f"ŵ {step}", answered_at=now
    )
    answers = {**base.answers, component: answer}
    return base.model_copy(update={"answers": answers, "updated_at": now, "position": component})


async def _worker(store: TinyDBStore, worker: int) -> None:
    step = 0
    while True:
        respondent = f"w{worker}-p{step % PEOPLE_PER_WORKER}"
        found = await store.get_response("round-1", respondent)
        saved = await store.save_response(_next(found, respondent, step))
        sys.stdout.write(f"{respondent} {saved.revision}\n")
        sys.stdout.flush()
        step += 1


async def main(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    await store.open()
    await asyncio.gather(*(_worker(store, w) for w in range(WORKERS)))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
