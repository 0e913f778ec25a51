"""The secret that keys respondents of anonymous rounds: from configuration or a key file.

Why a file outside the data folder: a keyed hash is pseudonymisation only while the key is
kept apart from the data, so a copy of the data folder (a backup, a leak) must not hold it.
With nothing configured the first start makes a random key file (mode 0600) in the user's
configuration folder, so `./scripts/run` still needs no set-up.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from assessment.pseudonym import MIN_KEY_BYTES
from bot.settings import Settings

log = logging.getLogger(__name__)
KEY_BYTES = 32


class PseudonymKeyError(ValueError):
    """The key cannot be used as configured; the message says what to change."""


def default_key_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "twelvecs" / "pseudonym.key"


def load_pseudonym_key(settings: Settings) -> bytes:
    """The configured key, else the key file's (made on first use); refuses a bad setup."""
    secret = settings.pseudonym_key.get_secret_value()
    if secret:
        if len(secret.encode()) < MIN_KEY_BYTES:
            raise PseudonymKeyError(
                f"TWELVECS_PSEUDONYM_KEY is too short: use at least {MIN_KEY_BYTES} characters"
            )
        return secret.encode()
    path = (settings.pseudonym_key_file or default_key_file()).expanduser().absolute()
    _refuse_inside(path, settings.data_dir)
    if not path.exists():
        _create(path)
    return _read(path)


def _refuse_inside(path: Path, data_dir: Path) -> None:
    data = data_dir.expanduser().absolute().resolve()
    if path.resolve().is_relative_to(data):
        raise PseudonymKeyError(
            f"the pseudonym key file {path} is inside the data folder {data}: keep the key "
            "apart from the data (set TWELVECS_PSEUDONYM_KEY_FILE to a path outside it)"
        )


def _create(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it meanwhile: use theirs
        return
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(KEY_BYTES) + "\n")
        out.flush()
        os.fsync(out.fileno())
    log.warning("created a new pseudonym key file at %s: back it up apart from the data", path)


def _read(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8").strip()
    key = text.encode()
    if len(key) < MIN_KEY_BYTES:
        raise PseudonymKeyError(f"the pseudonym key file {path} holds too short a key")
    if path.stat().st_mode & 0o077:
        log.warning("the pseudonym key file %s is readable by others: chmod 600 it", path)
    return key
