"""A refused question card: why it was refused stands out, quoting typed text as typed."""

from __future__ import annotations

from cards import build_question_card, verbs
from tests.unit.cards.samples import CAT, FRAMEWORK, a_response, a_round
from tests.unit.cards.walk import nodes, shows

TYPED = "[call me](https://phish.example) 07912 345678"
WHY = f"This looks like a phone number: “{TYPED}”."


def refused_card() -> dict[str, object]:
    draft = {verbs.INPUT_RATING: "3", verbs.INPUT_EVIDENCE: TYPED}
    return build_question_card(
        CAT,
        FRAMEWORK,
        a_round(),
        a_response(position="C4"),
        "C4",
        notice=WHY,
        draft=draft,
        alert=True,
    )


def test_the_reason_sits_by_the_buttons_in_the_attention_colour() -> None:
    top = refused_card()["body"][-1]  # type: ignore[index]
    assert top["type"] == "RichTextBlock"
    assert [(r["text"], r["color"]) for r in top["inlines"]] == [(WHY, "Attention")]


def test_quoted_text_is_never_read_as_markdown() -> None:
    card = refused_card()
    assert shows(card, WHY)
    blocks = [n["text"] for n in nodes(card) if n.get("type") == "TextBlock"]
    assert not any("phish.example" in text for text in blocks)


def test_the_typed_text_stays_in_the_box() -> None:
    evidence = next(n for n in nodes(refused_card()) if n.get("id") == verbs.INPUT_EVIDENCE)
    assert evidence["value"] == TYPED
