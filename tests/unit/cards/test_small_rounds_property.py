"""Property: in generated small anonymous rounds, no card text rests on fewer than k people.

Each case is a seeded random round (0-9 responses from four agencies, some submitted, each C
rated 1-6, "not sure" or left out, some with words), published and rendered as the lead's
summary card and the detail card of every C. On every card:
- every "N rated" count is at least k, and a "not sure" count only appears beside one;
- every C shows either "fewer than k ratings yet" or a median resting on k or more ratings;
- in the detail, overall minus the agency rows shown leaves 0 or at least k ratings;
- no comment carries a rating, and a comment's agency is one with at least k submissions.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from typing import Any

import pytest

from assessment.detail import component_detail
from assessment.model import Agency, Response
from assessment.summary import summarise
from cards import build_detail_card, build_summary_card
from tests.unit.assessment.summary_data import TODAY, make_round, published, response
from tests.unit.cards.samples import CAT, FRAMEWORK
from tests.unit.cards.walk import nodes, visible_text

K = 3
AGENCIES = (Agency.POLICE, Agency.HEALTH, Agency.EDUCATION, Agency.OTHER)
RATED = re.compile(r"\b(\d+) (?:ratings?|rated)\b(?! yet)")
LEVELS = [None, 1, 2, 3, 4, 5, 6]


def small_round(rng: random.Random) -> list[Response]:
    found = []
    for n in range(rng.randint(0, 9)):
        ratings = {cid: rng.choice(LEVELS) for cid in FRAMEWORK.ids if rng.random() < 0.8}
        words = {cid: f"words {n} on {cid}" for cid in ratings if rng.random() < 0.3}
        found.append(
            response(rng.choice(AGENCIES), ratings, evidence=words, complete=rng.random() < 0.7)
        )
    return found


def check_counts(lines: list[str]) -> None:
    for line in lines:
        counts = [int(n) for n in RATED.findall(line)]
        assert all(n >= K for n in counts), line
        if "not sure" in line:
            assert counts, line


def check_summary(card: dict[str, Any]) -> None:
    check_counts(visible_text(card))
    for row in (n for n in nodes(card) if n.get("type") == "ColumnSet"):
        texts = [i["text"] for i in row["columns"][0]["items"]]
        if texts[1] != f"fewer than {K} ratings yet":
            assert len(texts) > 2 and RATED.search(texts[2]), texts


def check_detail(card: dict[str, Any], submitted: Counter[Agency]) -> None:
    lines = visible_text(card)
    check_counts(lines)
    [facts] = [n["facts"] for n in nodes(card) if n.get("type") == "FactSet"][:1]
    rated = {f["title"]: int(m.group(1)) if (m := RATED.search(f["value"])) else 0 for f in facts}
    overall = rated.pop("All responses")
    rest = overall - sum(rated.values())
    assert rest == 0 or rest >= K, facts
    comments = lines[lines.index(next(t for t in lines if t.startswith("What people said"))):]
    assert not any(" · rated " in t or t.startswith("rated ") for t in comments)
    named = {CAT.text(f"agency.{a.value}") for a, n in submitted.items() if n >= K}
    for attribution in (t for t in comments if t in {CAT.text(f"agency.{a}") for a in Agency}):
        assert attribution in named, attribution


@pytest.mark.parametrize("seed", range(150))
def test_no_card_of_a_small_round_rests_on_fewer_than_k_people(seed: int) -> None:
    rng = random.Random(seed)
    responses, round_ = small_round(rng), make_round()
    publication = published(responses, round_, k=K)
    submitted = Counter(r.agency for r in responses if r.is_complete and r.agency)
    summary = summarise(
        FRAMEWORK, round_, responses, {}, None, TODAY, publication=publication, k=K
    )
    check_summary(build_summary_card(CAT, FRAMEWORK, summary))
    for cid in FRAMEWORK.ids:
        detail = component_detail(
            FRAMEWORK, round_, responses, {}, None, cid, TODAY, publication=publication, k=K
        )
        card = build_detail_card(CAT, FRAMEWORK, round_, detail, show_names=False)
        check_detail(card, submitted)
