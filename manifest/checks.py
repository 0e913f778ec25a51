"""Checks on a Teams app package that need no network and no Node.js: Teams rejects these
mistakes only after an administrator has uploaded the package, with a vaguer message."""

from __future__ import annotations

import re
import struct
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_HOST_LABEL = re.compile(r"^(\*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)$")
COMMAND_TITLE_MAX = 32
COMMAND_DESCRIPTION_MAX = 128
COMMANDS_PER_LIST_MAX = 12
_TEXT_LIMITS = {("name", "short"): 30, ("name", "full"): 100, ("description", "short"): 80,
                ("description", "full"): 4000, ("developer", "name"): 32}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ALPHA_COLOUR_TYPES = (4, 6)  # grey + alpha, RGB + alpha


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
    """Exact size, and an alpha channel for the outline icon, read from the PNG header.

    The icons are the package's own, checked in; that the outline is white on transparent
    is checked on them by the tests (with Pillow, a dev dependency), not at every build."""
    if not data.startswith(PNG_SIGNATURE) or len(data) < 26 or data[12:16] != b"IHDR":
        raise ManifestError(f"{name}: not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    if (width, height) != (size, size):
        raise ManifestError(f"{name} must be {size}x{size} pixels, it is {width}x{height}")
    if outline and data[25] not in _ALPHA_COLOUR_TYPES:
        raise ManifestError(f"{name} must have an alpha channel (a transparent background)")


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
