"""Checks on a Teams app package that need no network and no Node.js: Teams rejects these
mistakes only after an administrator has uploaded the package, with a vaguer message."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from manifest.png import PngError, read_png, rgba_pixels

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_HOST_LABEL = re.compile(r"^(\*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)$")
COMMAND_TITLE_MAX = 32
COMMAND_DESCRIPTION_MAX = 128
COMMANDS_PER_LIST_MAX = 12
_TEXT_LIMITS = {("name", "short"): 30, ("name", "full"): 100, ("description", "short"): 80,
                ("description", "full"): 4000, ("developer", "name"): 32}
WHITE_TOLERANCE = 8
"""How far from pure white a visible outline pixel may be (colour management rounding)."""


class ManifestError(Exception):
    """The package would be rejected by Teams; the message says what to fix."""


class DeveloperInfo(BaseSettings):
    """Who publishes the app, as Teams shows it; set by flags or TWELVECS_DEVELOPER_* env."""

    model_config = SettingsConfigDict(env_prefix="TWELVECS_DEVELOPER_", frozen=True)
    name: str = Field(description="Publisher name shown in Teams (up to 32 characters).")
    website_url: str = Field(description="https page with support information.")
    privacy_url: str = Field(description="https page with the privacy notice.")
    terms_of_use_url: str = Field(description="https page with the terms of use.")


def check_guid(value: str, what: str) -> None:
    if not _GUID.match(value):
        raise ManifestError(
            f"{what} must be a GUID such as 00000000-0000-0000-0000-000000000000, got {value!r}"
        )


def check_https(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ManifestError(f"{what} must be an https:// address, got {url!r}")


def check_domain(domain: str) -> None:
    """A bare host name such as bot.example.org (validDomains take no scheme or path)."""
    labels = domain.lower().split(".")
    if "/" in domain or ":" in domain or len(labels) < 2 or len(domain) > 253:
        raise ManifestError(f"give the domain as a bare host name such as bot.example.org, "
                            f"got {domain!r}")
    if not all(_HOST_LABEL.match(label) for label in labels):
        raise ManifestError(f"{domain!r} is not a valid host name")


def check_version(version: str) -> None:
    if not _SEMVER.match(version):
        raise ManifestError(f"version must look like 1.0.0 (three numbers), got {version!r}")


def check_icon(data: bytes, name: str, size: int, *, outline: bool) -> None:
    """Exact size; for the outline icon also white on a transparent background."""
    try:
        image = read_png(data)
        if (image.width, image.height) != (size, size):
            raise ManifestError(f"{name} must be {size}x{size} pixels, "
                                f"it is {image.width}x{image.height}")
        if outline:
            _check_outline(rgba_pixels(image), name)
    except PngError as error:
        raise ManifestError(f"{name}: {error}") from error


def _check_outline(pixels: list[tuple[int, int, int, int]], name: str) -> None:
    if not any(alpha == 0 for *_, alpha in pixels):
        raise ManifestError(f"{name} must have a transparent background; it has none")
    low = 255 - WHITE_TOLERANCE
    if any(alpha and min(r, g, b) < low for r, g, b, alpha in pixels):
        raise ManifestError(f"{name} must be white on transparent; it has coloured pixels")


def check_texts(manifest: dict[str, Any]) -> None:
    """Teams' length limits on names, descriptions and bot commands."""
    for (section, key), limit in _TEXT_LIMITS.items():
        _check_length(str(manifest.get(section, {}).get(key, "")), limit, f"{section}.{key}")
    for bot in manifest.get("bots", []):
        for commands in bot.get("commandLists", []):
            if len(commands["commands"]) > COMMANDS_PER_LIST_MAX:
                raise ManifestError(f"a command list has more than {COMMANDS_PER_LIST_MAX} "
                                    "commands")
            for command in commands["commands"]:
                _check_length(command["title"], COMMAND_TITLE_MAX, "command title")
                _check_length(command.get("description", ""), COMMAND_DESCRIPTION_MAX,
                              f"description of command {command['title']!r}")


def _check_length(text: str, limit: int, what: str) -> None:
    if len(text) > limit:
        raise ManifestError(f"{what} is {len(text)} characters, Teams allows {limit}: {text!r}")
