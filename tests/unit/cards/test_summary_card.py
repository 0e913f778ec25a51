"""The lead's summary card: where the round stands, what needs action, and never a name."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from assessment.model import Agency
from assessment.prompt_model import PromptKind, prompt_text
from cards import build_summary_card, verbs
from cards.action_prompts import FEWER_ID, MORE, MORE_ID, SHOW_ID, SHOWN
from cards.chart import LABEL_CHARS, STEPS
from cards.summary import RESPONSES_ID
from tests.unit.assessment.summary_data import (
    everywhere,
    in_hand,
    make_round,
    position,
    response,
)
from tests.unit.cards.lead_samples import last_round, rated, summary_of, three_agencies
from tests.unit.cards.samples import CAT, FRAMEWORK
from tests.unit.cards.walk import by_verb, executes, nodes, shows, visible_text


def summary_card(responses: list[Any], **kwargs: Any) -> dict[str, Any]:
    name = kwargs.pop("partnership_name", None)
    return build_summary_card(
        CAT, FRAMEWORK, summary_of(responses, **kwargs), partnership_name=name
    )


def c_row(card: dict[str, Any], heading: str) -> list[str]:
    """The texts of one C's row (a ColumnSet whose first line is the C's heading)."""
    for n in nodes(card):
        if n.get("type") == "ColumnSet":
            texts = [i["text"] for i in n["columns"][0]["items"]]
            if texts[0] == heading:
                return texts
    raise AssertionError(heading)


def counts(card: dict[str, Any]) -> dict[str, str]:
    [section] = [n for n in card["body"] if n.get("id") == RESPONSES_ID]
    [facts] = [n["facts"] for n in section["items"] if n.get("type") == "FactSet"]
    return {f["title"]: f["value"] for f in facts}


def chart(card: dict[str, Any]) -> dict[str, Any] | None:
    found = [n for n in nodes(card) if n.get("id") == "chart"]
    return found[0] if found else None


def test_it_names_the_round_its_state_and_the_day_of_the_figures() -> None:
    card = summary_card(three_agencies(), partnership_name="North LSCP")
    assert visible_text(card)[:3] == [
        "North LSCP · 12Cs summary",
        "Autumn",
        "Open · as of 26 Nov 2026",
    ]
    closed = build_summary_card(CAT, FRAMEWORK, summary_of([], round_=make_round(closed=True)))
    assert shows(closed, "Closed · as of")


def test_it_counts_complete_and_unfinished_responses_by_agency() -> None:
    responses = [*three_agencies(), rated(Agency.POLICE, {}, complete=False)]
    card = summary_card(responses)
    assert shows(card, "9 complete · 1 in progress")
    assert counts(card) == {
        "Police": "3 complete · 1 in progress",
        "Health": "3 complete · 0 in progress",
        "Education": "3 complete · 0 in progress",
    }


def test_agencies_with_fewer_than_three_responses_are_counted_as_other_agencies() -> None:
    small = [rated(Agency.HOUSING, {}), rated(Agency.HOUSING, {}), rated(Agency.OTHER, {})]
    card = summary_card([*three_agencies(), *small])
    assert counts(card)["Other agencies (combined)"] == "3 complete · 0 in progress"
    assert "Housing" not in counts(card)


def test_each_c_shows_its_median_with_the_scale_label_and_its_spread() -> None:
    card = summary_card(three_agencies())
    assert c_row(card, "C4 · Capacity")[1] == "2 · Weak · ratings from 2 to 5, most between 2 and 4"
    assert c_row(card, "C2 · Confidence")[1] == "1 · Unsatisfactory · every rating was 1"
    assert c_row(card, "C4 · Capacity")[2] == "rests on 9 ratings"


def test_the_spread_is_in_whole_levels_with_where_most_ratings_lie() -> None:
    ratings = (2, 3, 3, 4, 4, 5)
    card = summary_card([rated(Agency.POLICE, {"C3": r}) for r in ratings])
    assert c_row(card, "C3 · Competence")[1] == (
        "3.5 · Adequate · ratings from 2 to 5, most between 3 and 4"
    )


def test_a_median_between_two_levels_takes_the_lower_label() -> None:
    card = summary_card([rated(Agency.POLICE, {"C3": r}) for r in (2, 3, 2, 3)])
    assert c_row(card, "C3 · Competence")[1].startswith("2.5 · Weak")


def test_change_since_the_previous_round_is_shown_with_an_arrow() -> None:
    card = summary_card(three_agencies(), previous=last_round())
    assert c_row(card, "C1 · Clarity")[2] == "rests on 9 ratings · ▼ 2 since the previous round"
    assert c_row(card, "C3 · Competence")[2] == (
        "rests on 9 ratings · no change since the previous round"
    )


def test_an_agreed_score_is_shown_and_marked_as_agreed() -> None:
    positions = {"C4": position("C4", in_hand(score=3))}
    card = summary_card(three_agencies(), positions=positions)
    assert c_row(card, "C4 · Capacity")[-1] == "Agreed: 3 · Adequate"
    assert not any(line.startswith("Agreed") for line in c_row(card, "C1 · Clarity"))


def test_the_cs_are_listed_under_the_models_two_groups() -> None:
    lines = visible_text(summary_card(three_agencies()))
    first, second = lines.index("Practitioners and Agencies"), lines.index(
        "Structures and Processes"
    )
    assert first < lines.index("C8 · Cohesion between Services", first) < second
    assert second < lines.index("C9 · Continuity, Consistency and Stability", second)


def test_every_c_has_a_details_button() -> None:
    details = [a for a in by_verb(summary_card(three_agencies()), verbs.DETAIL)
               if a["title"] == "Details"]
    assert [a["data"] for a in details] == [
        {"roundId": "round-2", "componentId": cid} for cid in FRAMEWORK.ids
    ]


def chart_rows(card: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each chart row's text runs, by its C label."""
    found = chart(card)
    assert found is not None
    rows = [n for n in found["items"] if n.get("type") == "RichTextBlock"]
    return {r["inlines"][0]["text"].strip("\u00a0"): r["inlines"] for r in rows[:-2]}


def bar_points(runs: list[dict[str, Any]]) -> tuple[float, float]:
    """Points of the scale drawn filled, and the whole bar's length in points."""
    filled = runs[1]["text"].count("█") + runs[1]["text"].count("▌") / 2
    return filled / STEPS, (len(runs[1]["text"]) + len(runs[2]["text"])) / STEPS


def test_the_chart_draws_each_median_on_the_whole_one_to_six_scale() -> None:
    rows = chart_rows(summary_card(three_agencies()))
    assert bar_points(rows["C4"]) == (2.0, 6.0)
    assert bar_points(rows["C1"]) == (4.0, 6.0)
    assert rows["C4"][1]["color"] == "Attention" and rows["C1"][1]["color"] == "Accent"


def test_a_half_point_median_is_drawn_to_the_half() -> None:
    card = summary_card([rated(Agency.POLICE, {"C3": r}) for r in (2, 3, 2, 3)])
    assert bar_points(chart_rows(card)["C3"]) == (2.5, 6.0)


def test_the_chart_ticks_are_the_whole_numbers_one_to_six_under_their_points() -> None:
    found = chart(summary_card(three_agencies()))
    assert found is not None
    ticks = [n for n in found["items"] if n.get("type") == "RichTextBlock"][-2]["inlines"][0]
    marks = ticks["text"][LABEL_CHARS:]
    assert [(i + 1) / STEPS for i, ch in enumerate(marks) if ch != "\u00a0"] == [1, 2, 3, 4, 5, 6]
    assert marks.replace("\u00a0", "") == "123456"


def test_every_c_is_in_the_chart_and_each_bar_says_how_many_ratings_it_rests_on() -> None:
    responses = [rated(a, {"C9": None}) for a in (Agency.POLICE,) * 3]
    rows = chart_rows(summary_card(responses))
    assert list(rows) == [f"C{n}" for n in range(1, 13)]
    assert rows["C9"][-1]["text"] == "fewer than 3 ratings yet"
    assert rows["C1"][-1]["text"].endswith("4 · 3 ratings")


def test_the_chart_has_a_legend_of_the_level_names_and_colours() -> None:
    found = chart(summary_card(three_agencies()))
    assert found is not None
    for level in range(1, 7):
        assert shows(found, f"{level} · {CAT.text(f'scale.{level}.label')}")
    assert shows(found, "1–2: action required") and shows(found, "4–6: good or better")


def test_divergent_agencies_are_named_with_their_medians() -> None:
    card = summary_card(three_agencies())
    assert shows(card, "Where agencies differ")
    assert shows(card, "C4 · Capacity: Police 2 vs Health 5 · more pairs apart: 1")
    assert shows(card, "Each median rests on 3 or more ratings.")


def test_prompts_come_most_urgent_first_with_a_button_each() -> None:
    summary = summary_of(three_agencies(), previous=last_round())
    card = build_summary_card(CAT, FRAMEWORK, summary)
    lines = visible_text(card)
    texts = [prompt_text(p, CAT) for p in summary.prompts]
    assert summary.prompts[0].kind is PromptKind.URGENT_ACTION
    assert [lines.index(t) for t in texts] == sorted(lines.index(t) for t in texts)
    first = [a for a in executes(card) if a["title"] == "Record position for C2"]
    assert first[0]["verb"] == verbs.DETAIL
    assert first[0]["data"] == {"roundId": "round-2", "componentId": "C2"}


def test_an_agency_without_responses_gets_a_remind_button() -> None:
    card = summary_card(three_agencies())
    reminders = by_verb(card, verbs.REMIND)
    assert {a["data"]["agency"] for a in reminders} == {
        "childrens_services", "adult_social_care", "probation_youth_justice", "housing",
        "voluntary_sector",
    }
    assert {"Remind Housing"} <= {a["title"] for a in reminders}
    assert all(a["data"]["roundId"] == "round-2" for a in reminders)


def test_once_the_round_is_closed_reminders_have_no_button() -> None:
    card = summary_card(three_agencies(), round_=make_round(closed=True))
    assert shows(card, "No responses from")
    assert by_verb(card, verbs.REMIND) == []


def test_only_the_first_prompts_are_on_the_face_the_rest_behind_show_more() -> None:
    card = summary_card(three_agencies(), previous=last_round())
    [more] = [n for n in nodes(card) if n.get("id") == MORE_ID]
    assert more["isVisible"] is False
    assert shows(more, "No responses from Voluntary sector.")
    hidden = len(executes(more))
    assert hidden == 5
    assert len(executes(card)) - hidden == SHOWN + len(FRAMEWORK.ids) + 1  # + details, refresh


def test_show_more_becomes_show_fewer_once_pressed() -> None:
    card = summary_card(three_agencies(), previous=last_round())
    toggles = [n for n in nodes(card) if n.get("type") == "Action.ToggleVisibility"]
    assert [t["title"] for t in toggles] == ["Show 5 more", "Show fewer"]
    [show] = [n for n in nodes(card) if n.get("id") == SHOW_ID]
    [fewer] = [n for n in nodes(card) if n.get("id") == FEWER_ID]
    assert show.get("isVisible", True) is True and fewer["isVisible"] is False
    for toggle in toggles:  # each press swaps the two buttons and shows or hides the rest
        assert set(toggle["targetElements"]) == {MORE_ID, SHOW_ID, FEWER_ID}


def test_prompts_have_a_bold_title_and_text_in_the_default_colour() -> None:
    card = summary_card(three_agencies())
    urgent = next(n for n in nodes(card) if n.get("text") == "Urgent action")
    assert urgent["weight"] == "Bolder" and urgent["color"] == "Attention"
    body = next(n for n in nodes(card) if str(n.get("text", "")).startswith("C2 Confidence:"))
    assert body.get("color", "Default") == "Default"


def test_a_prompt_about_a_rating_says_how_many_ratings_it_rests_on() -> None:
    card = summary_card(three_agencies())
    [prompts] = [n for n in card["body"] if shows(n, "What needs action")]
    lines = visible_text(prompts)
    c2 = next(i for i, t in enumerate(lines) if t.startswith("C2 Confidence:"))
    assert lines[c2 + 1] == "Based on 9 ratings."


def test_a_reminder_just_sent_is_confirmed_under_its_button() -> None:
    sent = datetime(2026, 11, 29, 14, 2, tzinfo=UTC)
    summary = summary_of(three_agencies())
    card = build_summary_card(CAT, FRAMEWORK, summary, reminded={"housing": sent})
    [housing] = [
        n for n in nodes(card)
        if n.get("type") == "Container"
        and any(i.get("text") == "No responses from Housing." for i in n["items"])
    ]
    assert visible_text(housing)[-1] == "Reminder sent to Housing, 29 Nov 14:02"
    assert not shows(summary_card(three_agencies()), "Reminder sent")


def test_folding_is_explained_once_and_why_agencies_are_not_compared() -> None:
    card = summary_card([*three_agencies(), rated(Agency.HOUSING, {})])
    folded = [t for t in visible_text(card) if "counted together as other agencies" in t]
    assert len(folded) == 1
    small = summary_card([rated(a, {}) for a in (Agency.POLICE, Agency.HEALTH, Agency.HOUSING)])
    assert shows(small, "Where agencies differ")
    assert shows(small, "Hidden for now: agencies are compared only once")


def test_with_nothing_to_do_it_says_so() -> None:
    every = list(Agency)
    responses = [rated(a, {}) for a in every for _ in range(3)]
    assert shows(summary_card(responses), "Nothing needs action right now.")


def test_an_empty_round_has_no_chart_and_asks_for_responses() -> None:
    card = summary_card([])
    assert shows(card, "No responses yet.")
    assert chart(card) is None
    assert c_row(card, "C1 · Clarity")[1:] == ["fewer than 3 ratings yet"]
    assert len(by_verb(card, verbs.REMIND)) == 8


def test_all_not_sure_shows_that_too_few_rated_and_no_not_sure_count() -> None:
    card = summary_card([response(Agency.POLICE, everywhere(None)) for _ in range(3)])
    assert chart(card) is None
    assert c_row(card, "C5 · Congruence in Strategy and Operations")[1:] == [
        "fewer than 3 ratings yet"
    ]


def test_one_agency_only_has_no_divergence() -> None:
    card = summary_card([rated(Agency.POLICE, {"C4": r}) for r in (1, 3, 6)])
    assert list(counts(card)) == ["Police"]
    assert not shows(card, "Where agencies differ")


def test_the_summary_never_shows_a_name_even_in_a_named_round() -> None:
    named = make_round(named=True)
    people = [response(Agency.POLICE, everywhere(2), name=n) for n in ("Ann Ash", "Bo Birch")]
    people.append(response(Agency.POLICE, everywhere(3), name="Cy Cedar"))
    card = summary_card(people, round_=named)
    text = json.dumps(card)
    assert all(name not in text for name in ("Ann Ash", "Bo Birch", "Cy Cedar"))
    assert shows(card, "names are never shown on the summary")


def test_refresh_shows_the_summary_again() -> None:
    [refresh] = build_summary_card(CAT, FRAMEWORK, summary_of([]))["actions"]
    assert refresh["title"] == "Refresh"
    assert refresh["verb"] == verbs.SUMMARY
    assert refresh["data"] == {"roundId": "round-2"}


def test_twelve_cs_and_every_agency_with_long_prompts_stays_under_40_kb() -> None:
    """Every agency diverging on every C, and urgent, overdue, fallen and unplanned Cs."""
    responses = [
        response(agency, everywhere(1 if a % 2 else 4 + n % 3),
                 evidence=dict.fromkeys(FRAMEWORK.ids, "Long words " * 180))
        for a, agency in enumerate(Agency)
        for n in range(25)
    ]
    before = [response(a, everywhere(6), round_id="round-1") for a in Agency for _ in range(3)]
    positions = {
        cid: position(cid, in_hand(review_dates=["2026-11-03"], action_plan=""))
        for cid in FRAMEWORK.ids
    }
    summary = summary_of(responses, positions=positions, previous=before)
    card = build_summary_card(CAT, FRAMEWORK, summary, partnership_name="N" * 120)
    assert len(summary.prompts) > SHOWN + MORE
    assert len(summary.divergences) >= 12 * 16
    assert len(counts(card)) == 9
    assert len(json.dumps(card).encode()) < 40 * 1024
    assert shows(card, f"…and {len(summary.prompts) - SHOWN - MORE} more")


def test_the_board_report_is_offered_beside_refresh_when_the_bot_serves_it() -> None:
    summary = summary_of(three_agencies())
    offered = build_summary_card(CAT, FRAMEWORK, summary, report=True)
    assert [a["title"] for a in offered["actions"]] == ["Refresh", "Board report"]
    assert by_verb(offered, verbs.REPORT)[0]["data"] == {"roundId": "round-2"}
    assert by_verb(build_summary_card(CAT, FRAMEWORK, summary), verbs.REPORT) == []


def test_what_the_last_press_did_sits_just_above_the_buttons() -> None:
    card = build_summary_card(CAT, FRAMEWORK, summary_of(three_agencies()), notice="Sent.")
    assert card["body"][-1]["text"] == "Sent."


def test_a_carried_forward_position_is_marked_on_its_c_line_until_confirmed() -> None:
    carried = position("C4", in_hand(score=3)).model_copy(update={"carried_from": "Spring 2026"})
    card = summary_card(three_agencies(), positions={"C4": carried})
    assert c_row(card, "C4 · Capacity")[-1] == (
        "Carried forward from Spring 2026, not yet confirmed"
    )
    assert [line for line in visible_text(card) if "Carried forward" in line] == [
        "Carried forward from Spring 2026, not yet confirmed"
    ]  # on C4's line only
    confirmed = carried.model_copy(update={"carried_from": None})
    card = summary_card(three_agencies(), positions={"C4": confirmed})
    assert not [line for line in visible_text(card) if "Carried forward" in line]
