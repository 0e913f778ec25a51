"""Check a manifest against Microsoft's published Teams schema, in Python and offline.

The schema is vendored (MicrosoftTeams.v1.30.schema.json, MIT; see SCHEMA-LICENCE.txt) and
ships in the wheel, so every build is checked, Node.js or not. It is JSON Schema draft-04,
validated with `jsonschema`, URI and other formats included. The Node validator Microsoft
publishes (tools/node) stays as a cross-check in the tests.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft4Validator

from manifest.checks import ManifestError

SCHEMAS = {"1.30": "MicrosoftTeams.v1.30.schema.json"}
"""manifestVersion -> the vendored schema file for it."""


@cache
def _validator(manifest_version: str) -> Draft4Validator:
    name = SCHEMAS.get(manifest_version)
    if name is None:
        raise ManifestError(f"no Teams schema is bundled for manifestVersion {manifest_version}")
    schema = json.loads(resources.files("manifest").joinpath(name).read_text(encoding="utf-8"))
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def schema_errors(manifest: dict[str, Any]) -> list[str]:
    """The schema's complaints about the manifest (empty when it is valid), each with where."""
    validator = _validator(str(manifest.get("manifestVersion")))
    return sorted(
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(manifest)
    )


# -- localization files (issue 13): cy.json beside manifest.json ------------------------------
LOCALIZATION_SCHEMAS = {"1.30": "MicrosoftTeams.Localization.v1.30.schema.json"}
"""manifestVersion -> the vendored localization schema (same package, same licence)."""


@cache
def _localization_validator(manifest_version: str) -> Draft4Validator:
    name = LOCALIZATION_SCHEMAS.get(manifest_version)
    if name is None:
        raise ManifestError(
            f"no Teams localization schema is bundled for manifestVersion {manifest_version}"
        )
    schema = json.loads(resources.files("manifest").joinpath(name).read_text(encoding="utf-8"))
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def localization_errors(document: dict[str, Any], manifest_version: str) -> list[str]:
    """The localization schema's complaints about a language file (empty when valid)."""
    validator = _localization_validator(manifest_version)
    return sorted(
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(document)
    )

