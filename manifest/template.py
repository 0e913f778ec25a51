"""Fill manifest/manifest.template.json: `{{NAME}}` from the build's values, `{{msg:id}}` from
the message catalogue, so that names and descriptions live with every other user-facing text."""

from __future__ import annotations

import json
import re
from importlib.abc import Traversable
from typing import Any

from manifest.checks import DeveloperInfo, ManifestError
from messages import Catalogue

TEMPLATE_NAME = "manifest.template.json"
_PLACEHOLDER = re.compile(r"^\{\{(msg:)?([A-Za-z0-9_.]+)\}\}$")


def template_values(app_id: str, *, bot_endpoint_domain: str | None,
                    developer: DeveloperInfo, version: str) -> dict[str, Any]:
    """The `{{NAME}}` values; the Teams app id doubles as the bot's Microsoft App ID."""
    return {
        "APP_ID": app_id, "BOT_ID": app_id, "VERSION": version,
        "VALID_DOMAINS": [bot_endpoint_domain] if bot_endpoint_domain else [],
        "DEVELOPER_NAME": developer.name, "DEVELOPER_WEBSITE_URL": developer.website_url,
        "DEVELOPER_PRIVACY_URL": developer.privacy_url,
        "DEVELOPER_TERMS_OF_USE_URL": developer.terms_of_use_url,
    }


def render_manifest(assets: Traversable, values: dict[str, Any],
                    catalogue: Catalogue) -> dict[str, Any]:
    """The template with every placeholder replaced; an unknown placeholder is an error."""
    template = json.loads((assets / TEMPLATE_NAME).read_text(encoding="utf-8"))
    manifest: dict[str, Any] = _fill(template, values, catalogue)
    return manifest


def _fill(node: Any, values: dict[str, Any], catalogue: Catalogue) -> Any:
    if isinstance(node, dict):
        return {key: _fill(value, values, catalogue) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(item, values, catalogue) for item in node]
    match = _PLACEHOLDER.match(node) if isinstance(node, str) else None
    if match is None:
        return node
    is_message, name = match.groups()
    if is_message:
        if not catalogue.has(name):
            raise ManifestError(f"the template needs message {name!r}, missing from the catalogue")
        return catalogue.text(name)
    if name not in values:
        raise ManifestError(f"the template has an unknown placeholder {{{{{name}}}}}")
    return values[name]
