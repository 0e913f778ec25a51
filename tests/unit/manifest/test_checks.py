"""The inputs an administrator types are checked before anything is built."""

from __future__ import annotations

import re
from typing import Any

import pytest

from manifest.checks import (
    ManifestError,
    check_domain,
    check_guid,
    check_https,
    check_texts,
    check_version,
)


@pytest.mark.parametrize("value", ["0b7c6b7e-3b1a-4a53-9a4c-1d2f3e4a5b6c",
                                   "0B7C6B7E-3B1A-4A53-9A4C-1D2F3E4A5B6C"])
def test_a_guid_is_accepted(value: str) -> None:
    check_guid(value, "the app id")


@pytest.mark.parametrize("value", ["", "twelvecs", "0b7c6b7e3b1a4a539a4c1d2f3e4a5b6c",
                                   "{0b7c6b7e-3b1a-4a53-9a4c-1d2f3e4a5b6c}",
                                   "0b7c6b7e-3b1a-4a53-9a4c-1d2f3e4a5b6"])
def test_anything_else_as_app_id_is_refused(value: str) -> None:
    with pytest.raises(ManifestError, match=re.escape("the app id must be a GUID")):
        check_guid(value, "the app id")


def test_https_addresses_are_accepted() -> None:
    check_https("https://example.org/privacy", "the privacy URL")


@pytest.mark.parametrize("url", ["http://example.org/privacy", "example.org/privacy",
                                 "https://", "ftp://example.org"])
def test_addresses_that_are_not_https_are_refused(url: str) -> None:
    telltale = "the privacy URL must be an https:// address"
    with pytest.raises(ManifestError, match=re.escape(telltale)):
        check_https(url, "the privacy URL")


@pytest.mark.parametrize("domain", ["bot.example.org", "twelvecs.azurewebsites.net",
                                    "*.example.org"])
def test_bare_host_names_are_accepted_as_domain(domain: str) -> None:
    check_domain(domain)


@pytest.mark.parametrize("domain", ["https://bot.example.org", "bot.example.org/api",
                                    "bot.example.org:443", "localhost", "bad_host.example.org"])
def test_urls_and_odd_names_are_refused_as_domain(domain: str) -> None:
    with pytest.raises(ManifestError, match=re.escape("host name")):
        check_domain(domain)


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "1.0.0-beta", "01.0.0"])
def test_versions_must_be_three_numbers(version: str) -> None:
    with pytest.raises(ManifestError, match=re.escape("version must look like 1.0.0")):
        check_version(version)


def manifest_with(title: str = "start", description: str = "Start.",
                  short: str = "Short.") -> dict[str, Any]:
    commands = [{"title": title, "description": description}]
    return {"name": {"short": "twelvecs"}, "description": {"short": short, "full": "Full."},
            "bots": [{"commandLists": [{"scopes": ["personal"], "commands": commands}]}]}


def test_texts_within_teams_limits_pass() -> None:
    check_texts(manifest_with(title="t" * 32, description="d" * 128, short="s" * 80))


@pytest.mark.parametrize(("changes", "telltale"), [
    ({"title": "t" * 33}, "command title is 33 characters, Teams allows 32"),
    ({"description": "d" * 129}, "is 129 characters, Teams allows 128"),
    ({"short": "s" * 81}, "description.short is 81 characters, Teams allows 80"),
])
def test_texts_over_teams_limits_are_refused(changes: dict[str, str], telltale: str) -> None:
    with pytest.raises(ManifestError, match=re.escape(telltale)):
        check_texts(manifest_with(**changes))
