"""Do the lock files still agree with pyproject.toml? (`scripts/lock` regenerates them.)

Every requirement pyproject.toml declares (the build's, the bot's, and the extras each lock
covers) must be pinned with `==` in the lock, at a version its range allows, with hashes.
Run as `python -m tools.lock_check`; the test suite runs the same check.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"requirements.lock": ("postgres",), "requirements-dev.lock": ("postgres", "dev")}
"""Each lock file and the optional-dependency groups it covers besides the bot's own."""

_PIN = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)(?:\s*;[^\\\n]*)?((?:\s*\\\n\s*--hash=\S+)*)", re.M
)
"""`name==version`, an environment marker if any (`; sys_platform != "win32"`), the hashes."""


def pins(lock_text: str) -> dict[str, tuple[Version, int]]:
    """Pinned name -> (version, number of hashes)."""
    return {
        canonicalize_name(m[1]): (Version(m[2]), m[3].count("--hash="))
        for m in _PIN.finditer(lock_text)
    }


def declared(pyproject: dict[str, Any], extras: tuple[str, ...]) -> list[Requirement]:
    project = pyproject["project"]
    optional = project.get("optional-dependencies", {})
    lines = [*pyproject["build-system"]["requires"], *project.get("dependencies", [])]
    lines += [line for extra in extras for line in optional.get(extra, [])]
    return [Requirement(line) for line in lines]


def problems(pyproject_text: str, lock_name: str, lock_text: str) -> list[str]:
    """What is wrong with one lock file, in words; empty when it agrees with pyproject.toml."""
    pinned = pins(lock_text)
    found = []
    for req in declared(tomllib.loads(pyproject_text), LOCKS[lock_name]):
        if req.marker is not None and not req.marker.evaluate():
            continue
        pin = pinned.get(canonicalize_name(req.name))
        if pin is None:
            found.append(f"{lock_name}: {req.name} is not pinned")
        elif not req.specifier.contains(pin[0], prereleases=True):
            found.append(f"{lock_name}: {req.name}=={pin[0]} is outside {req}")
    found += [f"{lock_name}: {name} has no hash" for name, (_, n) in pinned.items() if n == 0]
    return found


def check(root: Path = ROOT) -> list[str]:
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    found = []
    for lock_name in LOCKS:
        lock = root / lock_name
        if not lock.exists():
            found.append(f"{lock_name} is missing")
            continue
        found += problems(pyproject, lock_name, lock.read_text(encoding="utf-8"))
    return found


def main() -> int:
    found = check()
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print("run ./scripts/lock to bring the lock files up to date", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
