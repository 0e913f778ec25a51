"""The question card: what a practitioner sees and sends for one C."""

from __future__ import annotations

import json
from typing import Any

from assessment.model import MAX_TEXT
from cards import build_question_card, verbs
from tests.unit.cards.samples import (
    CAT,
    FRAMEWORK,
    a_response,
    a_round,
    answer,
    some_answers,
)
from tests.unit.cards.walk import by_verb, executes, inputs, nodes, shows, visible_text


def question(component_id: str = "C4", **response: Any) -> dict[str, Any]:
    notice, draft = response.pop("notice", None), response.pop("draft", None)
    return build_question_card(
        CAT, FRAMEWORK, a_round(), a_response(**response), component_id, notice=notice, draft=draft
    )


def titles(card: dict[str, Any]) -> list[str]:
    return [a["title"] for a in card["actions"]]


def test_it_says_which_c_this_is_and_how_far_along_the_person_is() -> None:
    card = question("C4", answers=some_answers(), position="C4")
    assert shows(card, "C4 of 12 · 3 answered")
    assert shows(card, "C4 · Capacity")
    assert shows(card, "Practitioners and Agencies")
    assert shows(card, CAT.text("c.C4.description"))


def test_it_lists_the_guiding_questions() -> None:
    text = "\n".join(visible_text(question("C9")))
    for n in (1, 2, 3):
        assert CAT.text(f"c.C9.q{n}") in text


def test_every_level_of_the_scale_is_on_the_card_with_its_definition_and_progress() -> None:
    text = "\n".join(visible_text(question()))
    for level in range(1, 7):
        for part in ("label", "definition", "progress"):
            assert CAT.text(f"scale.{level}.{part}") in text, (level, part)


def test_each_choice_says_what_its_level_means() -> None:
    choices = inputs(question())[verbs.INPUT_RATING]["choices"]
    for level in range(1, 7):
        title = choices[level - 1]["title"]
        assert CAT.text(f"scale.{level}.label") in title
        assert CAT.text(f"scale.{level}.definition") in title


def hidden_ids(card: dict[str, Any]) -> set[str]:
    return {n["id"] for n in nodes(card) if n.get("isVisible") is False}


def toggled_by(card: dict[str, Any], title: str) -> set[str]:
    toggles = [n for n in nodes(card) if n.get("type") == "Action.ToggleVisibility"]
    return {t for n in toggles if n["title"] == title for t in n["targetElements"]}


def test_progress_descriptors_and_guiding_questions_are_one_tap_away_not_in_view() -> None:
    card = question("C9")
    hidden = [n for n in nodes(card) if n.get("isVisible") is False]
    hidden_text = "\n".join(line for n in hidden for line in visible_text(n))
    assert CAT.text("scale.4.progress") in hidden_text
    assert CAT.text("c.C9.q1") in hidden_text
    assert toggled_by(card, "Things to think about") | toggled_by(
        card, CAT.text("card.question.in_practice")
    ) == hidden_ids(card)


def test_the_rating_offers_one_to_six_and_not_sure_as_radio_buttons() -> None:
    rating = inputs(question())[verbs.INPUT_RATING]
    assert rating["style"] == "expanded"
    assert [c["value"] for c in rating["choices"]] == ["1", "2", "3", "4", "5", "6", "not_sure"]
    assert rating["choices"][3]["title"].startswith("4 · Good: ")
    assert rating["choices"][6]["title"].startswith("Not sure")


def test_a_fresh_question_has_nothing_chosen_or_typed() -> None:
    fields = inputs(question())
    assert "value" not in fields["rating"]
    assert "value" not in fields["evidence"]
    assert "value" not in fields["suggestion"]


def test_going_back_to_an_answered_c_shows_the_earlier_answer() -> None:
    fields = inputs(question("C1", answers=some_answers(), position="C1"))
    assert fields["rating"]["value"] == "4"
    assert fields["evidence"]["value"] == "Thresholds doc is on the intranet"
    assert fields["suggestion"]["value"] == "Joint training"


def test_an_earlier_not_sure_is_preselected_as_not_sure() -> None:
    fields = inputs(question("C2", answers=some_answers(), position="C2"))
    assert fields["rating"]["value"] == "not_sure"


def test_a_refused_submission_comes_back_with_what_the_person_typed() -> None:
    draft = {"rating": "", "evidence": "New evidence", "suggestion": ""}
    fields = inputs(question("C1", answers=some_answers(), position="C1", draft=draft))
    assert "value" not in fields["rating"]
    assert fields["evidence"]["value"] == "New evidence"
    assert "value" not in fields["suggestion"]


def test_a_draft_rating_that_is_not_a_choice_selects_nothing() -> None:
    fields = inputs(question("C1", draft={"rating": "7", "evidence": "x"}))
    assert "value" not in fields["rating"]
    assert fields["evidence"]["value"] == "x"


def test_evidence_is_a_long_free_text_field_and_the_suggestion_one_line_as_long() -> None:
    fields = inputs(question())
    assert fields["evidence"]["placeholder"] == "What tells you this?"
    assert fields["evidence"]["isMultiline"] is True
    assert fields["suggestion"]["isMultiline"] is False
    for name in ("evidence", "suggestion"):
        assert fields[name]["maxLength"] == MAX_TEXT


def test_it_reminds_people_not_to_name_children_families_or_colleagues() -> None:
    assert shows(question(), CAT.text("card.question.privacy"))


def test_a_notice_from_the_previous_step_sits_just_above_the_buttons() -> None:
    last = question(notice="Saved C3 - Weak")["body"][-1]
    assert set(visible_text(last)) == {"Saved C3 - Weak"}
    assert not last["inlines"][0].get("isSubtle")


def test_a_refusal_sits_just_above_the_buttons_and_stands_out() -> None:
    card = build_question_card(
        CAT, FRAMEWORK, a_round(), a_response(), "C4", notice="Choose a rating", alert=True
    )
    last = card["body"][-1]
    assert set(visible_text(last)) == {"Choose a rating"}
    assert last["inlines"][0]["color"] == "Attention"


def test_save_and_stop_send_the_typed_answer_while_skip_and_back_do_not() -> None:
    card = question()
    assert [a["associatedInputs"] for a in by_verb(card, verbs.ANSWER)] == ["auto"]
    assert [a["associatedInputs"] for a in by_verb(card, verbs.STOP)] == ["auto"]
    assert [a["associatedInputs"] for a in by_verb(card, verbs.SKIP)] == ["none"]
    assert [a["associatedInputs"] for a in by_verb(card, verbs.BACK)] == ["none"]


def test_no_input_is_required_so_the_client_never_blocks_save_and_stop() -> None:
    # associatedInputs "auto" validates every input of the card, so one required input
    # would stop "Save and stop" from stopping; the bot checks the rating on ANSWER.
    assert [i for i, f in inputs(question()).items() if f.get("isRequired")] == []


def test_actions_carry_the_round_the_c_and_the_revision_the_card_was_made_for() -> None:
    card = question("C4", answers=some_answers(), position="C4", revision=11)
    for action in executes(card):
        assert action["data"] == {"roundId": "r-1", "componentId": "C4", "rev": 11}


def test_there_is_no_back_on_the_first_c_and_back_sits_by_the_progress_line() -> None:
    assert titles(question("C1")) == ["Save and next", "Save and stop", "Skip"]
    assert by_verb(question("C1"), verbs.BACK) == []
    c2 = question("C2")
    assert titles(c2) == ["Save and next", "Save and stop", "Skip"]
    assert [a["title"] for a in by_verb(c2, verbs.BACK)] == ["Back"]
    assert by_verb(c2["body"][0], verbs.BACK)  # on the first row, beside "C2 of 12"


def test_the_last_c_saves_into_the_review() -> None:
    assert titles(question("C12"))[0] == "Save and review"


def test_editing_from_the_review_returns_there_and_offers_no_back() -> None:
    card = question("C3", answers=some_answers(), position="C3", editing=True)
    assert titles(card) == ["Save and review", "Save and stop", "Back to review"]


def test_even_the_fullest_question_card_is_small() -> None:
    long = "We meet monthly. " * (MAX_TEXT // 17)
    answers = {"C7": answer("C7", 3, long, long)}
    card = question("C7", answers=answers, position="C7", notice="Saved C6 - Good")
    assert len(json.dumps(card).encode()) < 20 * 1024
