"""The lock files agree with pyproject.toml, and a disagreement is caught."""

from __future__ import annotations

from tools.lock_check import check, problems

PYPROJECT = """
[build-system]
requires = ["setuptools>=68"]
[project]
name = "x"
dependencies = ["aiohttp>=3.10,<4", "tinydb==4.9.0"]
[project.optional-dependencies]
postgres = ["asyncpg>=0.29"]
dev = ["pytest>=8.2"]
"""


def pin(name: str, version: str, hashes: int = 1) -> str:
    lines = [f"{name}=={version}"] + [f"    --hash=sha256:{n:064x}" for n in range(hashes)]
    return " \\\n".join(lines) + "\n    # via x\n"


def test_the_repositorys_lock_files_agree_with_pyproject() -> None:
    assert check() == []


def test_a_complete_lock_has_no_problems() -> None:
    lock = "".join(
        [
            pin("aiohttp", "3.14.5"),
            pin("tinydb", "4.9.0"),
            pin("asyncpg", "0.32.0"),
            pin("setuptools", "84.2.1"),
        ]
    )
    assert problems(PYPROJECT, "requirements.lock", lock) == []


def test_a_dependency_missing_out_of_range_or_unhashed_is_reported() -> None:
    lock = "".join(
        [pin("aiohttp", "4.0.0"), pin("tinydb", "4.9.0", hashes=0), pin("setuptools", "84.2.1")]
    )
    assert problems(PYPROJECT, "requirements.lock", lock) == [
        "requirements.lock: aiohttp==4.0.0 is outside aiohttp<4,>=3.10",
        "requirements.lock: asyncpg is not pinned",
        "requirements.lock: tinydb has no hash",
    ]


def test_the_dev_lock_must_also_pin_the_dev_tools() -> None:
    lock = "".join(
        [
            pin("aiohttp", "3.14.5"),
            pin("tinydb", "4.9.0"),
            pin("asyncpg", "0.32.0"),
            pin("setuptools", "84.2.1"),
        ]
    )
    assert problems(PYPROJECT, "requirements-dev.lock", lock) == [
        "requirements-dev.lock: pytest is not pinned"
    ]


def test_a_pin_with_an_environment_marker_is_read_with_its_hashes() -> None:
    declared = "\"tinydb==4.9.0\", \"uvloop>=0.21; sys_platform != 'win32'\"]"
    pyproject = PYPROJECT.replace('"tinydb==4.9.0"]', declared)
    marker = 'uvloop==0.23.0 ; sys_platform != "win32"'
    marked = pin("uvloop", "0.23.0").replace("uvloop==0.23.0", marker)
    lock = "".join(
        [pin("aiohttp", "3.14.5"), pin("tinydb", "4.9.0"), pin("asyncpg", "0.32.0"),
         pin("setuptools", "84.2.1"), marked]
    )
    assert problems(pyproject, "requirements.lock", lock) == []
    unhashed = lock.replace(marked, marker + "\n    # via x\n")
    assert problems(pyproject, "requirements.lock", unhashed) == [
        "requirements.lock: uvloop has no hash"
    ]
