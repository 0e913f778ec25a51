"""What people type is shown as typed: Markdown in it must not become a live link or bold."""

from __future__ import annotations

from typing import Any

from assessment.model import REVIEW, Agency
from cards import build_detail_card, build_review_card
from tests.unit.assessment.summary_data import make_round
from tests.unit.cards.lead_samples import detail_of, said
from tests.unit.cards.samples import CAT, FRAMEWORK, a_response, a_round, answer
from tests.unit.cards.walk import nodes, shows

TYPED = "See [the audit](https://phish.example/login) **now**"


def markdown_blocks(card: dict[str, Any]) -> list[str]:
    """Texts that a client reads as Markdown: TextBlocks (and FactSet values)."""
    found = [n["text"] for n in nodes(card) if n.get("type") == "TextBlock"]
    return found + [
        f["value"] for n in nodes(card) if n.get("type") == "FactSet" for f in n["facts"]
    ]


def test_evidence_on_the_review_card_is_shown_as_typed() -> None:
    response = a_response({"C1": answer("C1", 3, TYPED)}, position=REVIEW)
    card = build_review_card(CAT, FRAMEWORK, a_round(), response)
    assert shows(card, TYPED)
    assert not any("phish.example" in t for t in markdown_blocks(card))


def test_comments_and_round_titles_on_the_lead_card_are_shown_as_typed() -> None:
    responses = [said(Agency.POLICE, 2, TYPED) for _ in range(3)]
    round_ = make_round().model_copy(update={"title": "[Round](https://phish.example)"})
    card = build_detail_card(
        CAT, FRAMEWORK, round_, detail_of(responses, component_id="C4"), show_names=False
    )
    assert shows(card, TYPED) and shows(card, "[Round](https://phish.example)")
    assert not any("phish.example" in t for t in markdown_blocks(card))
