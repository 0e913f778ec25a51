"""Run Microsoft's own validators (tools/node) from tests, so a green card or manifest test
means the real SDK/schema accepts it, not just our idea of it.

Needs Node.js. Without it the calling test is skipped, unless the environment variable CI is
set: then it fails, because CI must run the real validators.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from tools.node_setup import NODE_DIR, NodeMissing, ensure_node_packages

TOOLS_DIR = NODE_DIR
_TIMEOUT_S = 120


class CardReport(BaseModel):
    """What the Adaptive Cards SDK said about one card."""

    model_config = ConfigDict(frozen=True)
    ok: bool
    errors: list[str]
    warnings: list[str]


class ManifestReport(BaseModel):
    """What the bundled Teams manifest schema said about one manifest."""

    model_config = ConfigDict(frozen=True)
    ok: bool
    errors: list[str]


def ensure_node_tools() -> str:
    """Install tools/node's pinned packages (npm ci, shared with scripts/run) if missing or
    stale; return node's path. Skips the test without Node.js, or fails it in CI."""
    try:
        return ensure_node_packages()
    except NodeMissing as missing:
        reason = f"{missing}: the real Microsoft validators cannot run"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def _run(command: list[str], input_text: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=TOOLS_DIR,
        input=input_text,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
        check=False,
    )


def validate_cards(cards: list[dict[str, Any]]) -> list[CardReport]:
    """Validate cards with npm adaptivecards (target 1.5), one node process for the batch."""
    node = ensure_node_tools()
    done = _run([node, "validate-cards.js"], input_text=json.dumps(cards))
    if done.returncode != 0:
        raise RuntimeError(f"validate-cards.js failed: {done.stderr.strip()}")
    return [CardReport.model_validate(item) for item in json.loads(done.stdout)]


def validate_manifest(path: Path) -> ManifestReport:
    """Validate a manifest.json against the bundled schema of its manifestVersion."""
    node = ensure_node_tools()
    done = _run([node, "validate-manifest.js", str(Path(path).resolve())], input_text=None)
    if done.returncode != 0:
        return ManifestReport(ok=False, errors=[done.stderr.strip()])
    return ManifestReport.model_validate_json(done.stdout)
