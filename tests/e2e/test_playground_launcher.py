"""`scripts/run`'s launcher: the bot and a Playground side by side; a taken Playground port
is reported with the address the Playground really took; SIGTERM stops both."""

from __future__ import annotations

import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.playground import require_node
from tests.support.server import free_port

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


def read_until(process: subprocess.Popen[bytes], marker: str, timeout_s: float = 30.0) -> str:
    """What the process printed, up to and including `marker`."""
    assert process.stdout is not None
    seen = b""
    deadline = time.monotonic() + timeout_s
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline and process.poll() is None:
            if selector.select(timeout=0.2):
                seen += os.read(process.stdout.fileno(), 65536)
                if marker.encode() in seen:
                    return seen.decode()
    raise AssertionError(f"no {marker!r} in: {seen.decode()}")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def test_a_taken_playground_port_is_reported_and_ctrl_c_stops_both(tmp_path: Path) -> None:
    require_node()
    bot_port, playground_port = free_port(), free_port()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", playground_port))
        squatter.listen()
        launcher = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tools.playground.run",
                "--as",
                "police",
                "--port",
                str(bot_port),
                "--playground-port",
                str(playground_port),
                "--data-dir",
                str(tmp_path / "data"),
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            printed = read_until(launcher, "Ctrl-C stops")
            line = next(line for line in printed.splitlines() if "Tom Evans" in line)
            found = re.search(r"http://localhost:(\d+)", line)
            assert found is not None and int(found.group(1)) != playground_port, line
            assert answers(found.group(0)), "the printed address does not answer"
        finally:
            launcher.send_signal(signal.SIGTERM)
            launcher.wait(15)
            assert launcher.stdout is not None
            launcher.stdout.close()
    assert f"warning: port {playground_port} is taken" in printed
    assert f"port {playground_port} was taken: use this address" in line
    assert not answers(found.group(0)), "the Playground outlived scripts/run"
    assert not answers(f"http://127.0.0.1:{bot_port}/healthz"), "the bot outlived scripts/run"
