import pytest

from bot.cli import main
from bot.settings import Settings


def test_credentials_use_the_bot_framework_variable_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MicrosoftAppId", "11111111-2222-3333-4444-555555555555")
    monkeypatch.setenv("MicrosoftAppPassword", "secret-value")
    monkeypatch.setenv("TWELVECS_ADMINISTRATORS", "aad-1, aad-2")
    settings = Settings()
    assert settings.authentication_enabled
    assert settings.administrators == {"aad-1", "aad-2"}
    assert "secret-value" not in repr(settings)


def test_no_credentials_on_a_public_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MicrosoftAppId", raising=False)
    with pytest.raises(ValueError, match=r"refusing to listen on 0\.0\.0\.0"):
        Settings(host="0.0.0.0").check_exposure()
    Settings(host="0.0.0.0", allow_unauthenticated_public=True).check_exposure()
    Settings(host="127.0.0.1").check_exposure()


def test_the_minimum_group_size_is_3_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().min_group_size == 3
    monkeypatch.setenv("TWELVECS_MIN_GROUP_SIZE", "5")
    assert Settings().min_group_size == 5


def test_a_minimum_group_size_below_3_stops_the_bot_starting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TWELVECS_MIN_GROUP_SIZE", "2")
    assert main(["serve"]) == 2
    error = capsys.readouterr().err
    assert "min_group_size" in error and "at least 3 (got 2)" in error
    assert "Traceback" not in error
