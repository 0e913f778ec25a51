"""The lead's report card: one download button per format, the title as typed."""

from __future__ import annotations

import json

from tests.unit.cards.report_samples import LINKS, report_cards


def test_each_format_is_a_button_that_opens_its_link() -> None:
    card = report_cards()["report links"]
    assert [(a["type"], a["title"], a["url"]) for a in card["actions"]] == [
        ("Action.OpenUrl", "Excel workbook", LINKS["xlsx"]),
        ("Action.OpenUrl", "PDF for board papers", LINKS["pdf"]),
        ("Action.OpenUrl", "CSV of the responses", LINKS["csv"]),
    ]
    assert "once, for 15 minutes, and only for you" in json.dumps(card)


def test_a_round_without_responses_is_said_and_its_title_is_not_markdown() -> None:
    card = report_cards()["report link, one format, no responses"]
    text = json.dumps(card)
    assert "no responses yet" in text
    title = card["body"][1]
    assert title["type"] == "RichTextBlock"
    assert title["inlines"][0]["text"] == "[Autumn](https://example.org)"
