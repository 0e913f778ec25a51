"""The app package speaks Welsh too: `localizationInfo` lists a `cy` file whose names,
descriptions and commands come from messages/cy.json, valid against Microsoft's localization
schema (checked in Python by the builder, and by Microsoft's Node validator here)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from manifest.builder import main_manifest
from manifest.schema import localization_errors
from messages import load_catalogue
from tests.integration.test_manifest_package import FLAGS
from tests.support.node_tools import ensure_node_tools, validate_manifest


@pytest.fixture(autouse=True)
def node_tools() -> None:
    ensure_node_tools()


@pytest.fixture
def unzipped(tmp_path: Path) -> Path:
    out = tmp_path / "twelvecs.zip"
    assert main_manifest([*FLAGS, "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as package:
        package.extractall(tmp_path / "unzipped")
    return tmp_path / "unzipped"


def test_the_manifest_names_the_welsh_file(unzipped: Path) -> None:
    manifest = json.loads((unzipped / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["localizationInfo"] == {
        "defaultLanguageTag": "en-gb",
        "additionalLanguages": [{"languageTag": "cy", "file": "cy.json"}],
    }


def test_the_welsh_file_validates_against_the_teams_localization_schema(unzipped: Path) -> None:
    report = validate_manifest(unzipped / "cy.json")
    assert report.ok, report.errors


def test_both_validators_refuse_a_broken_welsh_file(unzipped: Path, tmp_path: Path) -> None:
    broken = json.loads((unzipped / "cy.json").read_text(encoding="utf-8"))
    assert localization_errors(broken, "1.30") == []
    del broken["description.full"]
    broken["bots[0].commandLists[0].commands[0].tittle"] = "dechrau"  # a key Teams lacks
    assert len(localization_errors(broken, "1.30")) == 2
    (tmp_path / "broken.json").write_text(json.dumps(broken), encoding="utf-8")
    report = validate_manifest(tmp_path / "broken.json")
    assert not report.ok and len(report.errors) >= 2


def test_welsh_names_descriptions_and_commands_come_from_the_catalogue(unzipped: Path) -> None:
    welsh = json.loads((unzipped / "cy.json").read_text(encoding="utf-8"))
    cy = load_catalogue("cy")
    assert welsh["name.full"] == cy.text("app.name.full")
    assert welsh["description.short"] == cy.text("app.description.short")
    assert welsh["description.full"] == cy.text("app.description.full")
    assert welsh["bots[0].commandLists[0].commands[0].title"] == "dechrau"
    assert welsh["bots[0].commandLists[1].commands[2].title"] == "crynodeb"
    manifest = json.loads((unzipped / "manifest.json").read_text(encoding="utf-8"))
    lists = manifest["bots"][0]["commandLists"]
    commands = sum(len(c["commands"]) for c in lists)
    assert sum(1 for key in welsh if key.endswith(".title")) == commands
