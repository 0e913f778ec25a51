"""The wheel is the product: built with `pip wheel .`, installed in a fresh virtualenv (the
pinned dependencies of requirements.lock, then the wheel), `twelvecs manifest` builds the
app package from the installed package data and `twelvecs serve` answers /healthz.

Before the app package moved into `manifest/` as package data, an installed wheel crashed in
`twelvecs manifest` with FileNotFoundError: the template and icons were not in the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import free_port, wait_until_ready

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "0b7c6b7e-3b1a-4a53-9a4c-1d2f3e4a5b6c"


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout + done.stderr


_SKIPPED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "build", "*.egg-info", "__pycache__", "*cache")


def _not_source(folder: str, names: list[str]) -> set[str]:
    """Tools, caches and build output; at the top also the bot's own data folder."""
    skipped = set(_SKIPPED(folder, names))
    return skipped | ({"data"} if Path(folder) == ROOT else set())


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh virtualenv holding the built wheel; yields its bin folder."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # a copy, so no build/ folder is left in (or reused from) ROOT
    shutil.copytree(ROOT, source, ignore=_not_source)
    _run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", base / "dist", cwd=base)
    venv = base / "venv"
    _run(sys.executable, "-m", "venv", venv)
    pip = venv / "bin" / "pip"
    _run(pip, "install", "--quiet", "--require-hashes", "-r", ROOT / "requirements.lock")
    (wheel,) = (base / "dist").glob("twelvecs-*.whl")
    _run(pip, "install", "--quiet", "--no-deps", wheel)
    yield venv / "bin"


def test_the_installed_package_is_the_wheel_not_the_source_tree(installed: Path) -> None:
    where = _run(installed / "python", "-c", "import manifest; print(manifest.__file__)",
                 cwd=installed.parent)
    assert "site-packages" in where and str(ROOT / "manifest") not in where


def test_twelvecs_manifest_builds_a_package_from_the_installed_wheel(
    installed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "twelvecs.zip"
    _run(installed / "twelvecs", "manifest", "--app-id", APP_ID, "--domain", "bot.example.org",
         "--version", "1.0.0", "--developer-name", "Example Partnership",
         "--website-url", "https://example.org", "--privacy-url", "https://example.org/privacy",
         "--terms-url", "https://example.org/terms", "--out", out, cwd=tmp_path)
    with zipfile.ZipFile(out) as package:
        names = sorted(package.namelist())  # cy.json: the Welsh names and commands
        assert names == ["color.png", "cy.json", "manifest.json", "outline.png"]


def _serve(installed: Path, port: int, folder: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MicrosoftApp", "TWELVECS_"))}
    env["TWELVECS_PSEUDONYM_KEY_FILE"] = str(folder / "pseudonym.key")
    with log.open("ab") as out:
        return subprocess.Popen(
            [str(installed / "twelvecs"), "serve", "--port", str(port),
             "--data-dir", str(folder / "data")],
            stdout=out, stderr=subprocess.STDOUT, env=env, cwd=folder,
        )


async def test_twelvecs_serve_from_the_installed_wheel_becomes_ready(
    installed: Path, tmp_path: Path
) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    process = _serve(installed, port, tmp_path, log)
    try:
        await wait_until_ready(process, port, log, attempts=1200)  # first start compiles
    finally:
        process.terminate()
        process.wait(timeout=30)
