"""The erasure cards say exactly what goes, show titles as typed, and offer Delete/Cancel."""

from __future__ import annotations

from assessment.erasure import ErasurePlan
from cards import verbs
from cards.erasure import build_erasure_card, build_erasure_done_card
from tests.unit.cards.samples import CAT
from tests.unit.cards.walk import executes, visible_text

PLAN = ErasurePlan(("Autumn [review](https://x.example)",), ("Spring 2025",), True, "a" * 32)


def test_the_confirmation_lists_open_and_closed_rounds_and_the_record() -> None:
    shown = "\n".join(visible_text(build_erasure_card(CAT, PLAN)))
    assert "Autumn [review](https://x.example)" in shown and "Spring 2025" in shown
    assert CAT.text("card.erase.open_rounds") in shown
    assert CAT.text("card.erase.closed_rounds") in shown
    assert CAT.text("card.erase.record") in shown


def test_delete_carries_the_plan_it_showed_and_cancel_carries_nothing() -> None:
    actions = {a["verb"]: a for a in executes(build_erasure_card(CAT, PLAN))}
    assert actions[verbs.ERASE]["data"] == {"fingerprint": "a" * 32}
    assert actions[verbs.ERASE_CANCEL]["data"] == {}
    assert actions[verbs.ERASE]["fallback"]["type"] == "Action.Submit"


def test_a_plan_with_only_the_record_mentions_no_rounds() -> None:
    shown = "\n".join(visible_text(build_erasure_card(CAT, ErasurePlan((), (), True, "b" * 32))))
    assert CAT.text("card.erase.open_rounds") not in shown
    assert CAT.text("card.erase.closed_rounds") not in shown


def test_the_done_card_has_no_button_to_press_twice() -> None:
    done = build_erasure_done_card(CAT, PLAN)
    assert executes(done) == []
    assert "Spring 2025" in "\n".join(visible_text(done))
