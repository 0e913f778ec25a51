"""The review card: every answer at a glance, a way to change each, then submit."""

from __future__ import annotations

from typing import Any

from assessment.model import REVIEW
from cards import build_review_card, verbs
from tests.unit.cards.samples import CAT, FRAMEWORK, a_response, a_round, some_answers
from tests.unit.cards.walk import by_verb, nodes, shows, visible_text


def review(**response: Any) -> dict[str, Any]:
    notice = response.pop("notice", None)
    made = a_response(some_answers(), position=REVIEW, **response)
    return build_review_card(CAT, FRAMEWORK, a_round(), made, notice=notice)


def _line(item: dict[str, Any]) -> str:
    """A TextBlock's text, or a RichTextBlock's runs read as one line."""
    if item["type"] == "RichTextBlock":
        return "".join(r["text"] for r in item["inlines"])
    return str(item["text"])


def rows(card: dict[str, Any]) -> list[list[str]]:
    """The texts of each C's row: heading, answer (and any evidence excerpt)."""
    return [
        [_line(item) for item in element["columns"][0]["items"]]
        for element in card["body"]
        if element["type"] == "ColumnSet"
    ]


def test_it_lists_all_twelve_cs_with_the_answer_given() -> None:
    listed = rows(review())
    assert [row[0] for row in listed][:3] == ["C1 · Clarity", "C2 · Confidence", "C3 · Competence"]
    assert len(listed) == 12
    assert [row[1] for row in listed] == ["4 · Good", "Not sure", "2 · Weak"] + ["Not answered"] * 9


def test_it_shows_a_short_reminder_of_the_evidence_given() -> None:
    assert rows(review())[0][2] == "Thresholds doc is on the intranet"


def test_each_c_has_its_own_edit_button() -> None:
    edits = by_verb(review(revision=9), verbs.EDIT)
    assert [e["data"]["componentId"] for e in edits] == list(FRAMEWORK.ids)
    assert {e["data"]["rev"] for e in edits} == {9}
    assert {e["title"] for e in edits} == {"Edit"}


def test_before_submitting_it_counts_what_is_left_and_offers_submit() -> None:
    card = review(revision=9)
    assert shows(card, "3 of 12 answered")
    assert shows(card, "9 not answered yet")
    [submit] = by_verb(card, verbs.SUBMIT)
    assert submit["title"] == "Submit my answers"
    assert submit["data"] == {"roundId": "r-1", "rev": 9}


def test_after_submitting_it_says_so_and_offers_to_submit_changes() -> None:
    card = review(submitted=True)
    assert shows(card, "You submitted your answers on 20 Nov 2026, 16:30")
    assert [a["title"] for a in by_verb(card, verbs.SUBMIT)] == ["Submit changes"]


def test_it_says_answers_can_change_until_the_round_closes() -> None:
    assert shows(review(), CAT.text("card.review.until_close"))


def test_a_notice_sits_by_the_submit_button() -> None:
    last = review(notice="Saved C3 - Weak")["body"][-1]
    assert "Saved C3 - Weak" in visible_text(last)


def test_after_submitting_the_card_says_by_the_button_why_it_now_says_submit_changes() -> None:
    card = review(submitted=True)
    assert CAT.text("card.review.changes_hint") in visible_text(card["body"][-1])


def test_the_submitted_note_is_in_the_default_colour_not_pale_green() -> None:
    card = review(submitted=True)
    note = next(n for n in nodes(card) if "You submitted" in str(n.get("text", "")))
    assert note.get("color", "Default") == "Default"


def test_it_shows_the_suggestion_given() -> None:
    assert shows(review(), "Joint training")
