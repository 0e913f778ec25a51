"""The pseudonym key: from the environment, or a 0600 key file kept out of the data folder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.cli import main
from bot.pseudonym_key import PseudonymKeyError, default_key_file, load_pseudonym_key
from bot.settings import Settings


def test_the_key_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TWELVECS_PSEUDONYM_KEY", "a-long-enough-secret-value")
    settings = Settings(data_dir=tmp_path / "data")
    assert load_pseudonym_key(settings) == b"a-long-enough-secret-value"
    assert "a-long-enough-secret-value" not in repr(settings)


def test_a_short_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PseudonymKeyError, match="too short"):
        load_pseudonym_key(Settings(data_dir=tmp_path, pseudonym_key="short"))


def test_a_missing_key_file_is_made_private_once_and_then_reused(tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "pseudonym.key"
    settings = Settings(data_dir=tmp_path / "data", pseudonym_key_file=key_file)
    first = load_pseudonym_key(settings)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and len(first) >= 32
    assert load_pseudonym_key(settings) == first


def test_with_nothing_configured_the_key_file_goes_to_the_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    load_pseudonym_key(Settings(data_dir=tmp_path / "data"))
    assert default_key_file() == tmp_path / "config" / "twelvecs" / "pseudonym.key"
    assert default_key_file().exists()


def test_a_key_file_inside_the_data_folder_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", pseudonym_key_file=tmp_path / "data" / "k")
    with pytest.raises(PseudonymKeyError, match="inside the data folder"):
        load_pseudonym_key(settings)
    assert not (tmp_path / "data" / "k").exists()


def test_serve_refuses_to_start_with_the_key_beside_the_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TWELVECS_PSEUDONYM_KEY_FILE", str(tmp_path / "data" / "pseudonym.key"))
    assert main(["serve", "--data-dir", str(tmp_path / "data")]) == 2
    assert "inside the data folder" in capsys.readouterr().err
