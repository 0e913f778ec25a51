"""`twelvecs manifest`: build the Teams app package (manifest.json + two icons in a zip) that
an administrator uploads, refusing, with a clear message, anything Teams would reject.

Checks before anything is written: the app id is a GUID, developer URLs are https, the
domain is a bare host name, names/descriptions/commands fit Teams' limits, the icons have
the exact sizes and the outline is white on transparent. Then the manifest is validated
against Microsoft's schema for its manifestVersion, bundled in this package (schema.py).
The zip is written to a temporary file and renamed into place only when everything passed,
so a failed build leaves no package.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import zipfile
from importlib import resources
from importlib.abc import Traversable
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from manifest import checks
from manifest.checks import DeveloperInfo, ManifestError
from manifest.localisation import additional_languages, list_languages, localization_file
from manifest.schema import localization_errors, schema_errors
from manifest.template import render_manifest, template_values
from messages import load_catalogue

__all__ = ["DeveloperInfo", "ManifestError", "build_package", "main_manifest"]

# The template and icons ship inside this package, so an installed wheel builds packages too.
ASSETS: Traversable = resources.files("manifest")
ICONS = {"color.png": (192, False), "outline.png": (32, True)}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same inputs give the same package
_FLAGS = {"name": "--developer-name", "website_url": "--website-url",
          "privacy_url": "--privacy-url", "terms_of_use_url": "--terms-url"}
log = logging.getLogger(__name__)


def build_package(app_id: str, out: Path, *, bot_endpoint_domain: str | None,
                  developer: DeveloperInfo, version: str,
                  assets: Traversable = ASSETS) -> Path:
    """Check everything, then write the package to `out`; raise ManifestError otherwise."""
    _check_inputs(app_id, bot_endpoint_domain, developer, version)
    values = template_values(app_id, bot_endpoint_domain=bot_endpoint_domain,
                             developer=developer, version=version)
    manifest = render_manifest(assets, values, load_catalogue("en"))
    checks.check_texts(manifest)
    languages = _languages(assets, values)
    list_languages(manifest, {tag: name for tag, (name, _) in languages.items()})
    icons = {name: _read_icon(assets / name, size, outline)
             for name, (size, outline) in ICONS.items()}
    body = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
    _check_schema(manifest)
    files = {"manifest.json": body, **dict(languages.values()), **icons}
    _write_zip_atomically(out, files)
    return out


def _languages(assets: Traversable, values: dict[str, Any]) -> dict[str, tuple[str, bytes]]:
    """language tag → (file name, localization file) for each catalogue beside English;
    each language's texts pass the same length checks as the English ones."""
    found = {}
    for language in additional_languages():
        localised = render_manifest(assets, values, load_catalogue(language))
        checks.check_texts(localised)
        document = localization_file(localised)
        errors = localization_errors(document, str(localised["manifestVersion"]))
        if errors:
            listed = "\n".join(f"  - {error}" for error in errors)
            raise ManifestError(f"{language}.json does not match the Teams localization schema:"
                                f"\n{listed}")
        text = json.dumps(document, indent=2, ensure_ascii=False)
        found[language] = (f"{language}.json", text.encode("utf-8"))
    return found


def _check_inputs(app_id: str, domain: str | None, developer: DeveloperInfo,
                  version: str) -> None:
    checks.check_guid(app_id, "the app id")
    checks.check_version(version)
    if domain is not None:
        checks.check_domain(domain)
    checks.check_https(developer.website_url, "the developer website URL")
    checks.check_https(developer.privacy_url, "the privacy URL")
    checks.check_https(developer.terms_of_use_url, "the terms of use URL")


def _read_icon(path: Traversable, size: int, outline: bool) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ManifestError(f"cannot read icon {path}: {error.strerror}") from error
    checks.check_icon(data, path.name, size, outline=outline)
    return data


def _check_schema(manifest: dict[str, Any]) -> None:
    errors = schema_errors(manifest)
    if errors:
        listed = "\n".join(f"  - {error}" for error in errors)
        raise ManifestError(f"manifest.json does not match the Teams schema "
                            f"v{manifest['manifestVersion']}:\n{listed}")


def _write_zip_atomically(out: Path, files: dict[str, bytes]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for name, data in files.items():
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        Path(temporary).replace(out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="twelvecs manifest", description="Build the Teams app package to upload.",
        epilog="Developer details may also come from TWELVECS_DEVELOPER_NAME, "
               "_WEBSITE_URL, _PRIVACY_URL and _TERMS_OF_USE_URL.")
    parser.add_argument("--app-id", required=True, help="Microsoft App ID of the Azure Bot")
    parser.add_argument("--out", type=Path, default=Path("twelvecs.zip"), help="zip to write")
    parser.add_argument("--domain", help="host name of the bot, e.g. bot.example.org")
    parser.add_argument("--version", default=_default_version(), help="app version, x.y.z")
    parser.add_argument("--developer-name", dest="name", help="publisher shown in Teams")
    parser.add_argument("--website-url", help="https support page")
    parser.add_argument("--privacy-url", help="https privacy notice")
    parser.add_argument("--terms-url", dest="terms_of_use_url", help="https terms of use")
    parser.add_argument("--require-schema-check", action="store_true",
                        help="accepted for old scripts: the Teams schema is always checked")
    return parser


def _default_version() -> str:
    try:
        return package_version("twelvecs")
    except PackageNotFoundError:
        return "1.0.0"


def _developer(args: argparse.Namespace) -> DeveloperInfo:
    given: dict[str, Any] = {key: getattr(args, key) for key in DeveloperInfo.model_fields
                             if getattr(args, key) is not None}
    try:
        return DeveloperInfo(**given)
    except ValidationError as error:
        missing = sorted(_FLAGS[str(e["loc"][0])] for e in error.errors())
        raise ManifestError(f"developer details missing or invalid: {', '.join(missing)}") from None


def main_manifest(argv: list[str]) -> int:
    """Run `twelvecs manifest ...`; 0 on success, 2 (and no file written) on any problem."""
    args = _parser().parse_args(argv)
    try:
        checks.check_guid(args.app_id, "the app id")  # the one value every build needs first
        out = build_package(args.app_id, args.out, bot_endpoint_domain=args.domain,
                            developer=_developer(args), version=args.version)
    except ManifestError as error:
        print(f"twelvecs manifest: error: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {out}: upload it in Teams (Apps > Manage your apps > Upload an app).")
    return 0
