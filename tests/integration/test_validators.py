"""The real Microsoft validators catch what Teams would reject, so green card and manifest
tests elsewhere mean something."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.node_tools import validate_cards, validate_manifest


def card(*body: dict[str, Any], actions: list[dict[str, Any]] | None = None,
         version: str = "1.5") -> dict[str, Any]:
    return {"type": "AdaptiveCard", "version": version, "body": list(body),
            "actions": actions or []}


TEXT = {"type": "TextBlock", "text": "Clarity", "wrap": True}
EXECUTE = {"type": "Action.Execute", "title": "Next", "verb": "answer.next", "data": {"c": "C1"},
           "fallback": {"type": "Action.Submit", "title": "Next", "data": {"verb": "answer.next"}}}

BAD_CARDS: dict[str, tuple[dict[str, Any], str]] = {
    "unknown element": (card({"type": "TextBlok", "text": "x"}), "TextBlok"),
    "bad enum value": (card({**TEXT, "size": "gigantic"}), "gigantic"),
    "duplicate input ids": (
        card({"type": "Input.Text", "id": "evidence", "label": "Evidence"},
             {"type": "Input.Text", "id": "evidence", "label": "Suggestion"}),
        "Duplicate Id",
    ),
    "input without id": (card({"type": "Input.Text", "label": "Evidence"}), "Id"),
    "1.6-only property": (
        card({"type": "Input.Text", "id": "e", "label": "E", "labelPosition": "inline"}),
        "labelPosition",
    ),
    "card version above 1.5": (card(TEXT, version="1.6"), "1.6"),
    "missing card version": ({"type": "AdaptiveCard", "body": [TEXT]}, "version"),
    "unknown action": (card(TEXT, actions=[{"type": "Action.Run", "title": "x"}]), "Action.Run"),
}


def test_a_well_formed_teams_card_with_action_execute_passes() -> None:
    choices = [{"title": str(n), "value": str(n)} for n in range(1, 7)]
    rating = {"type": "Input.ChoiceSet", "id": "rating", "label": "Rating", "choices": choices,
              "style": "expanded", "isRequired": True, "errorMessage": "Choose a rating"}
    [report] = validate_cards([card(TEXT, rating, actions=[EXECUTE])])
    assert report.ok, report.errors
    assert report.warnings == []


@pytest.mark.parametrize("name", sorted(BAD_CARDS))
def test_each_kind_of_broken_card_is_reported(name: str) -> None:
    broken, telltale = BAD_CARDS[name]
    [report] = validate_cards([broken])
    assert not report.ok
    assert any(telltale in error for error in report.errors), report.errors


def test_cards_are_reported_in_the_order_given() -> None:
    reports = validate_cards([card(TEXT), BAD_CARDS["bad enum value"][0], card(TEXT)])
    assert [r.ok for r in reports] == [True, False, True]


def test_a_chart_with_a_fallback_is_a_warning_but_without_one_an_error() -> None:
    chart = {"type": "Chart.VerticalBar", "data": [{"x": "C1", "y": 3}]}
    covered, bare = validate_cards([card({**chart, "fallback": TEXT}), card(chart)])
    assert covered.ok and any("Chart.VerticalBar" in w for w in covered.warnings)
    assert not bare.ok and any("Chart.VerticalBar" in e for e in bare.errors)


def test_a_misspelt_property_is_a_warning() -> None:
    [report] = validate_cards([card({**TEXT, "colour": "good"})])
    assert report.ok
    assert any("colour" in warning for warning in report.warnings)


def minimal_manifest(**changes: Any) -> dict[str, Any]:
    https = "https://example.org/"
    manifest: dict[str, Any] = {
        "$schema": "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json",
        "manifestVersion": "1.24", "version": "1.0.0",
        "id": "00000000-0000-4000-8000-000000000001",
        "name": {"short": "twelvecs"},
        "developer": {"name": "Dev", "websiteUrl": https, "privacyUrl": https,
                      "termsOfUseUrl": https},
        "description": {"short": "Short", "full": "Full"},
        "icons": {"color": "color.png", "outline": "outline.png"}, "accentColor": "#FFFFFF",
    }
    manifest.update(changes)
    return manifest


def write(tmp_path: Path, manifest: dict[str, Any]) -> Path:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return path


def test_a_minimal_manifest_passes_the_bundled_schema(tmp_path: Path) -> None:
    report = validate_manifest(write(tmp_path, minimal_manifest()))
    assert report.ok, report.errors


def test_a_manifest_with_a_bad_id_and_a_long_name_is_rejected(tmp_path: Path) -> None:
    broken = minimal_manifest(id="twelvecs", name={"short": "x" * 31})
    report = validate_manifest(write(tmp_path, broken))
    assert not report.ok
    assert any(e.startswith("/id ") for e in report.errors), report.errors
    assert any(e.startswith("/name/short ") for e in report.errors), report.errors


def test_a_manifest_missing_a_required_field_is_rejected(tmp_path: Path) -> None:
    broken = minimal_manifest()
    del broken["developer"]
    report = validate_manifest(write(tmp_path, broken))
    assert not report.ok
    assert any("developer" in e for e in report.errors), report.errors


def test_an_unknown_manifest_version_is_rejected(tmp_path: Path) -> None:
    report = validate_manifest(write(tmp_path, minimal_manifest(manifestVersion="9.9")))
    assert not report.ok
    assert any("9.9" in e for e in report.errors), report.errors
