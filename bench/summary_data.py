"""The rounds `bench.summary` computes: responses shaped like a real partnership's."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from assessment.framework import load_framework
from assessment.model import REVIEW, Agency, Answer, Response, Round
from assessment.position import AgreedPosition, PositionFields, Timeframe

OPENED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 26)
FRAMEWORK = load_framework()


def make_round(round_id: str) -> Round:
    return Round(
        id=round_id, partnership_id="p", title=round_id, opened_by="lead", opened_at=OPENED
    )


def make_responses(round_id: str, count: int, rng: random.Random) -> list[Response]:
    agencies = list(Agency)
    return [
        Response(
            round_id=round_id,
            partnership_id="p",
            tenant_id="t",
            respondent=f"{round_id}-{n}",
            agency=agencies[n % len(agencies)],
            started_at=OPENED,
            updated_at=OPENED,
            submitted_at=OPENED if rng.random() < 0.8 else None,
            position=REVIEW,
            answers={cid: make_answer(cid, rng) for cid in FRAMEWORK.ids},
        )
        for n in range(count)
    ]


def make_answer(cid: str, rng: random.Random) -> Answer:
    rating = None if rng.random() < 0.1 else rng.randint(1, 6)
    evidence = "Workload rose after the reorganisation." if rng.random() < 0.33 else ""
    return Answer(component_id=cid, rating=rating, evidence=evidence, answered_at=OPENED)


def make_positions(round_id: str) -> dict[str, AgreedPosition]:
    agreed = PositionFields(score=2, accountability="Board", timeframe=Timeframe.GOLD)
    return {
        cid: AgreedPosition(round_id=round_id, partnership_id="p", component_id=cid, agreed=agreed)
        for cid in ("C1", "C4", "C7", "C10")
    }
