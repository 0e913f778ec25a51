"""Check a manifest against Microsoft's published Teams schema, offline, with the Node tool
in tools/node (npm @microsoft/app-manifest bundles every schema version)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from manifest.checks import ManifestError

TOOLS_DIR = Path(__file__).resolve().parents[1] / "tools" / "node"
_TIMEOUT_S = 60


def schema_tool_missing() -> str | None:
    """Why the schema check cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed"
    if not (TOOLS_DIR / "node_modules" / "@microsoft" / "app-manifest").is_dir():
        return f"the validator is not installed: run npm ci in {TOOLS_DIR}"
    return None


def schema_errors(manifest_path: Path) -> list[str]:
    """The schema's complaints about the manifest file (empty when it is valid)."""
    node = shutil.which("node")
    if node is None:
        raise ManifestError("Node.js is not installed")
    done = subprocess.run(
        [node, str(TOOLS_DIR / "validate-manifest.js"), str(manifest_path)],
        capture_output=True, text=True, timeout=_TIMEOUT_S, check=False,
    )
    if done.returncode != 0:
        raise ManifestError(f"the schema check could not run: {done.stderr.strip()}")
    errors: list[str] = json.loads(done.stdout)["errors"]
    return errors
