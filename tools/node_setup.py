"""Install tools/node's pinned Node packages (`npm ci` against the lockfile) when needed.

Shared by `scripts/run` (the Agents Playground) and the tests (validators, Playground): one
stamp file records which lockfile was installed, and a file lock keeps concurrent runs in the
same tree from reinstalling at once.
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
from pathlib import Path

NODE_DIR = Path(__file__).resolve().parent / "node"
STAMP = NODE_DIR / "node_modules" / ".twelvecs-lock.sha256"
NPM_TIMEOUT_S = 300


class NodeMissing(RuntimeError):
    """Node.js (or npm) is not installed on this machine."""


def require(program: str) -> str:
    """The path of `program`, or NodeMissing saying which one is absent."""
    found = shutil.which(program)
    if found is None:
        raise NodeMissing(f"{program} is not installed")
    return found


def _lock_digest() -> str:
    return hashlib.sha256((NODE_DIR / "package-lock.json").read_bytes()).hexdigest()


def _installed(digest: str) -> bool:
    return STAMP.is_file() and STAMP.read_text() == digest


def ensure_node_packages() -> str:
    """Run `npm ci` in tools/node if its packages are missing or stale; return node's path."""
    node = require("node")
    digest = _lock_digest()
    if _installed(digest):
        return node
    npm = require("npm")
    with (NODE_DIR / ".npm-ci.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _installed(digest):
            done = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund"],
                cwd=NODE_DIR,
                capture_output=True,
                text=True,
                timeout=NPM_TIMEOUT_S,
                check=False,
            )
            if done.returncode != 0:
                raise RuntimeError(f"npm ci failed in {NODE_DIR}: {done.stderr.strip()}")
            STAMP.write_text(digest)
    return node
