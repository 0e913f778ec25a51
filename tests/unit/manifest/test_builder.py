"""`twelvecs manifest` refuses bad input with exit code 2, a clear message and no zip."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.teams.commands import parse_command
from manifest.builder import ASSETS, DeveloperInfo, ManifestError, build_package, main_manifest
from manifest.template import render_manifest, template_values
from messages import load_catalogue
from tests.support.icons import png

APP_ID = "0b7c6b7e-3b1a-4a53-9a4c-1d2f3e4a5b6c"
DEVELOPER_FLAGS = ["--developer-name", "Example Safeguarding Partnership",
                   "--website-url", "https://example.org", "--privacy-url",
                   "https://example.org/privacy", "--terms-url", "https://example.org/terms"]
DEVELOPER = DeveloperInfo(name="Example", website_url="https://example.org",
                          privacy_url="https://example.org/p", terms_of_use_url="https://e.org/t")


@pytest.mark.parametrize(("flags", "telltale"), [
    (["--app-id", "not-a-guid"], "the app id must be a GUID"),
    (["--app-id", APP_ID, "--domain", "https://bot.example.org"], "bare host name"),
    (["--app-id", APP_ID, "--version", "1.0"], "version must look like 1.0.0"),
])
def test_bad_input_exits_2_with_a_message_and_writes_nothing(
        flags: list[str], telltale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "twelvecs.zip"
    assert main_manifest([*flags, "--out", str(out), *DEVELOPER_FLAGS]) == 2
    assert telltale in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_http_privacy_url_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    flags = [*DEVELOPER_FLAGS[:4], "--privacy-url", "http://example.org/privacy",
             "--terms-url", "https://example.org/terms"]
    assert main_manifest(["--app-id", APP_ID, "--out", str(tmp_path / "t.zip"), *flags]) == 2
    assert "the privacy URL must be an https:// address" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_missing_developer_details_name_the_flags_to_give(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TWELVECS_DEVELOPER_PRIVACY_URL", raising=False)
    monkeypatch.delenv("TWELVECS_DEVELOPER_TERMS_OF_USE_URL", raising=False)
    flags = ["--developer-name", "Example", "--website-url", "https://example.org"]
    assert main_manifest(["--app-id", APP_ID, "--out", str(tmp_path / "t.zip"), *flags]) == 2
    assert "--privacy-url, --terms-url" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_wrong_sized_icon_stops_the_build_and_an_older_package_is_kept(tmp_path: Path
                                                                        ) -> None:
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    (assets / "color.png").write_bytes(png(128))
    out = tmp_path / "twelvecs.zip"
    out.write_bytes(b"previous package")
    with pytest.raises(ManifestError, match=re.escape("color.png must be 192x192 pixels")):
        build_package(APP_ID, out, bot_endpoint_domain=None, developer=DEVELOPER,
                      version="1.0.0", assets=assets)
    assert out.read_bytes() == b"previous package"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assets", "twelvecs.zip"]


def test_every_menu_command_is_one_the_bot_understands() -> None:
    values = template_values(APP_ID, bot_endpoint_domain=None, developer=DEVELOPER,
                             version="1.0.0")
    manifest = render_manifest(ASSETS, values, load_catalogue("en"))
    lists = manifest["bots"][0]["commandLists"]
    titles = [c["title"] for commands in lists for c in commands["commands"]]
    assert titles, "the manifest offers no commands"
    for title in titles:
        command = parse_command(title)
        assert command is not None and command.verb.value == title, title
