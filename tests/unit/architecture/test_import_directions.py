"""Arrows only point down (docs/architecture.md): each layer imports only the layers below
it, and botbuilder, aiohttp and the database drivers stay in the rooms that own them.

Read from the source with `ast`, so an import inside a function or under TYPE_CHECKING
counts too."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

ALLOWED: dict[str, frozenset[str]] = {
    "assessment": frozenset({"assessment"}),
    "messages": frozenset({"messages", "assessment"}),
    "cards": frozenset({"cards", "messages", "assessment"}),
    "storage": frozenset({"storage", "assessment"}),
    "dialogs": frozenset({"dialogs", "cards", "messages", "assessment"}),
    "manifest": frozenset({"manifest", "messages"}),
    "bot.botframework": frozenset({"bot.botframework", "dialogs", "assessment"}),
    "bot.teams": frozenset(
        {"bot.teams", "bot.botframework", "dialogs", "cards", "messages", "assessment",
         "reporting"}
    ),
    "bot": frozenset(
        {"bot", "bot.teams", "bot.botframework", "dialogs", "cards", "messages", "manifest",
         "storage", "assessment", "reporting"}
    ),
    "reporting": frozenset({"reporting", "assessment"}),
}
"""Layer -> the first-party layers it may import (its own included)."""

_BOT_FRAMEWORK = frozenset({"bot", "bot.teams", "bot.botframework", "dialogs"})
FRAMEWORKS: dict[str, frozenset[str]] = {
    "botbuilder": _BOT_FRAMEWORK,
    "botframework": _BOT_FRAMEWORK,
    "msrest": frozenset({"bot.botframework"}),
    "aiohttp": frozenset({"bot", "bot.botframework"}),
    "jwt": frozenset({"bot.botframework"}),
    "tinydb": frozenset({"storage"}),
    "asyncpg": frozenset({"storage"}),
    "openpyxl": frozenset({"reporting"}),
    "fpdf": frozenset({"reporting"}),
}
"""Third-party framework -> the layers that may import it."""


def layer_of(module: str) -> str | None:
    """`bot.teams.lead_flow` -> `bot.teams`; `cards.summary` -> `cards`; others -> None."""
    parts = module.split(".")
    if parts[0] == "bot" and len(parts) > 1 and parts[1] in {"teams", "botframework"}:
        return f"bot.{parts[1]}"
    return parts[0] if parts[0] in ALLOWED else None


def imported_modules(source: str) -> Iterator[str]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            if node.module == "bot":  # `from bot import teams` names a sub-package
                yield from (f"bot.{alias.name}" for alias in node.names)


def violations(importer: str, source: str) -> list[str]:
    """Every import in `source` (the module `importer`) that points up or leaks a framework."""
    layer = layer_of(importer)
    if layer is None:
        return []
    found = []
    for imported in imported_modules(source):
        target = layer_of(imported)
        top = imported.split(".")[0]
        if target is not None and target not in ALLOWED[layer]:
            found.append(f"{importer} imports {imported} ({layer} -> {target} points up)")
        elif target is None and top in FRAMEWORKS and layer not in FRAMEWORKS[top]:
            found.append(f"{importer} imports {imported} ({top} belongs outside {layer})")
    return found


def project_modules() -> Iterator[tuple[str, Path]]:
    for package in ("assessment", "messages", "cards", "storage", "dialogs", "manifest", "bot",
                    "reporting"):
        for path in sorted((ROOT / package).rglob("*.py")):
            yield ".".join(path.relative_to(ROOT).with_suffix("").parts), path


def test_no_arrow_points_up_and_no_framework_leaks() -> None:
    found = [
        problem
        for module, path in project_modules()
        for problem in violations(module, path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_package_is_covered() -> None:
    packages = {path.parent.relative_to(ROOT).as_posix().replace("/", ".")
                for _, path in project_modules() if path.name == "__init__.py"}
    assert {layer_of(package) for package in packages} == set(ALLOWED)


@pytest.mark.parametrize(
    ("importer", "source"),
    [
        ("assessment.walk", "from bot.teams.turn import Turn"),
        ("assessment.walk", "import messages"),
        ("cards.summary", "from storage.memory import MemoryStore"),
        ("dialogs.start_dialog", "from bot.teams.presenter import Presenter"),
        ("bot.botframework.raw_json", "from bot.teams import presenter"),
        ("bot.botframework.raw_json", "from bot.app import create_app"),
        ("manifest.builder", "from bot.settings import Settings"),
        ("assessment.model", "def f():\n    from botbuilder.core import TurnContext\n"),
        ("cards.elements", "import aiohttp"),
        ("bot.teams.lead_flow", "import tinydb"),
    ],
)
def test_an_arrow_pointing_up_is_caught(importer: str, source: str) -> None:
    assert violations(importer, source) != []
