"""Run Microsoft's own validators (tools/node) from tests, so a green card or manifest test
means the real SDK/schema accepts it, not just our idea of it.

Needs Node.js. Without it the calling test is skipped, unless the environment variable CI is
set: then it fails, because CI must run the real validators.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

TOOLS_DIR = Path(__file__).resolve().parents[2] / "tools" / "node"
_STAMP = TOOLS_DIR / "node_modules" / ".twelvecs-lock.sha256"
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


def _require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        reason = f"{program} is not installed: the real Microsoft validators cannot run"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def _lock_digest() -> str:
    return hashlib.sha256((TOOLS_DIR / "package-lock.json").read_bytes()).hexdigest()


def ensure_node_tools() -> str:
    """Install tools/node's pinned packages (npm ci) if missing or stale; return node's path.

    A file lock keeps concurrent test runs in the same tree from reinstalling at once.
    """
    node = _require("node")
    digest = _lock_digest()
    if _STAMP.is_file() and _STAMP.read_text() == digest:
        return node
    npm = _require("npm")
    with (TOOLS_DIR / ".npm-ci.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (_STAMP.is_file() and _STAMP.read_text() == digest):
            done = _run([npm, "ci", "--no-audit", "--no-fund"], input_text=None)
            if done.returncode != 0:
                raise RuntimeError(f"npm ci failed in {TOOLS_DIR}: {done.stderr.strip()}")
            _STAMP.write_text(digest)
    return node


def _run(command: list[str], input_text: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=TOOLS_DIR, input=input_text, capture_output=True, text=True,
        timeout=_TIMEOUT_S, check=False,
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
