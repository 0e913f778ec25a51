"""The package `twelvecs manifest` builds is what Teams accepts: manifest.json valid against
Microsoft's schema for its version, plus the two icons; a broken manifest never gets zipped."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from manifest.builder import ASSETS, DeveloperInfo, ManifestError, build_package, main_manifest
from manifest.checks import check_icon
from manifest.schema import schema_errors
from manifest.template import render_manifest, template_values
from messages import load_catalogue
from tests.support.icons import check_outline_pixels
from tests.support.node_tools import ensure_node_tools, validate_manifest

APP_ID = "0b7c6b7e-3b1a-4a53-9a4c-1d2f3e4a5b6c"
FLAGS = ["--app-id", APP_ID, "--domain", "bot.example.org", "--version", "1.2.3",
         "--developer-name", "Example Safeguarding Partnership",
         "--website-url", "https://example.org", "--privacy-url", "https://example.org/privacy",
         "--terms-url", "https://example.org/terms", "--require-schema-check"]
DEVELOPER = DeveloperInfo(name="Example", website_url="https://example.org",
                          privacy_url="https://example.org/p", terms_of_use_url="https://e.org/t")


@pytest.fixture(autouse=True)
def node_tools() -> None:
    ensure_node_tools()


def test_the_command_builds_a_package_teams_accepts(tmp_path: Path) -> None:
    out = tmp_path / "twelvecs.zip"
    assert main_manifest([*FLAGS, "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as package:
        names = sorted(package.namelist())
        assert names == ["color.png", "cy.json", "manifest.json", "outline.png"]
        package.extractall(tmp_path / "unzipped")
    unzipped = tmp_path / "unzipped"
    report = validate_manifest(unzipped / "manifest.json")
    assert report.ok, report.errors
    check_icon((unzipped / "color.png").read_bytes(), "color.png", 192, outline=False)
    check_icon((unzipped / "outline.png").read_bytes(), "outline.png", 32, outline=True)
    check_outline_pixels((unzipped / "outline.png").read_bytes(), "outline.png")


def test_the_package_carries_the_administrators_settings(tmp_path: Path) -> None:
    out = tmp_path / "twelvecs.zip"
    assert main_manifest([*FLAGS, "--out", str(out)]) == 0
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert manifest["id"] == manifest["bots"][0]["botId"] == APP_ID
    assert manifest["version"] == "1.2.3"
    assert manifest["validDomains"] == ["bot.example.org"]
    assert manifest["developer"]["privacyUrl"] == "https://example.org/privacy"
    assert sorted(manifest["bots"][0]["scopes"]) == ["groupChat", "personal", "team"]


def test_the_same_inputs_give_the_same_package(tmp_path: Path) -> None:
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert main_manifest([*FLAGS, "--out", str(first)]) == 0
    assert main_manifest([*FLAGS, "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def broken_assets(tmp_path: Path, drop: str) -> Path:
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    template = json.loads((assets / "manifest.template.json").read_text(encoding="utf-8"))
    del template[drop]
    (assets / "manifest.template.json").write_text(json.dumps(template), encoding="utf-8")
    return assets


def test_a_manifest_missing_a_required_field_is_refused_with_the_schemas_message(
        tmp_path: Path) -> None:
    out = tmp_path / "twelvecs.zip"
    with pytest.raises(ManifestError) as refused:
        build_package(APP_ID, out, bot_endpoint_domain=None, developer=DEVELOPER,
                      version="1.0.0", assets=broken_assets(tmp_path, "accentColor"))
    message = str(refused.value)
    assert "does not match the Teams schema v1.30" in message
    assert "'accentColor' is a required property" in message
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["assets"]


def test_microsofts_node_validator_agrees_with_the_python_check(tmp_path: Path) -> None:
    """Cross-check of the vendored schema: what Python refuses, Microsoft's tool refuses."""
    assets = broken_assets(tmp_path, "accentColor")
    manifest = render_manifest(assets, template_values(
        APP_ID, bot_endpoint_domain=None, developer=DEVELOPER, version="1.0.0"),
        load_catalogue("en"))
    assert schema_errors(manifest) != []
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    report = validate_manifest(path)
    assert not report.ok
    assert any("accentColor" in error for error in report.errors)
