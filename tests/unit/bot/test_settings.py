import pytest

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


def test_the_signing_keys_come_from_the_bot_framework_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().openid_metadata_url.startswith("https://login.botframework.com/")
    monkeypatch.setenv("TWELVECS_OPENID_METADATA_URL", "http://127.0.0.1:9/metadata")
    assert Settings().openid_metadata_url == "http://127.0.0.1:9/metadata"
    with pytest.raises(ValueError):
        Settings(openid_metadata_url="file:///etc/passwd")
