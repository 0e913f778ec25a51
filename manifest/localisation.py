"""The app package's other languages: one localization file per catalogue beside English
(`cy.json` from messages/cy.json), listed in `localizationInfo.additionalLanguages`.

A localization file holds the manifest's names, descriptions and bot commands by their
JSON path (`bots[0].commandLists[1].commands[2].title`), as Microsoft's
MicrosoftTeams.Localization.schema.json defines it.
"""

from __future__ import annotations

from typing import Any

from messages.catalogue import DEFAULT_LOCALE, available_locales

SCHEMA = (
    "https://developer.microsoft.com/json-schemas/teams/v{version}/"
    "MicrosoftTeams.Localization.schema.json"
)


def additional_languages() -> list[str]:
    """Every catalogue but the default ("cy"); Teams matches "cy" to any Welsh client."""
    return [language for language in available_locales() if language != DEFAULT_LOCALE]


def localization_file(localised: dict[str, Any]) -> dict[str, Any]:
    """The localization file of a manifest rendered with another language's catalogue."""
    found: dict[str, Any] = {"$schema": SCHEMA.format(version=localised["manifestVersion"])}
    for section in ("name", "description"):
        for key, value in localised[section].items():
            found[f"{section}.{key}"] = value
    for b, bot in enumerate(localised.get("bots", [])):
        for i, commands in enumerate(bot.get("commandLists", [])):
            for j, command in enumerate(commands["commands"]):
                path = f"bots[{b}].commandLists[{i}].commands[{j}]"
                found[f"{path}.title"] = command["title"]
                if "description" in command:
                    found[f"{path}.description"] = command["description"]
    return found


def list_languages(manifest: dict[str, Any], files: dict[str, str]) -> None:
    """Name each language's file (language tag → file name) in `localizationInfo`."""
    info = manifest.setdefault("localizationInfo", {})
    info["additionalLanguages"] = [
        {"languageTag": tag, "file": name} for tag, name in files.items()
    ]
