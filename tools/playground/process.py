"""Start and stop one Agents Playground process, offline, on 127.0.0.1.

The Playground silently moves to a random port when the one asked for is taken; we check the
port first and read the port it really took from its output (`Listening on <port>`), so a
caller can say so instead of sending people to the wrong address.
"""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tools.node_setup import NODE_DIR

CLI = NODE_DIR / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
LOOPBACK = Path(__file__).resolve().parent / "loopback.js"
DEFAULT_PORT = 56150
START_TIMEOUT_S = 30.0
OFFLINE_ENV = {
    "APPLICATION_INSIGHTS_NO_STATSBEAT": "1",
    "APPLICATIONINSIGHTS_CONNECTION_STRING": (
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
        "IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/"
    ),
    "TEAMSAPPTESTER_BROWSER": "none",
}
"""Telemetry goes to a closed local port and no browser is opened."""


class PlaygroundFailed(RuntimeError):
    """The Playground exited or did not say which port it listens on."""


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


@dataclass
class Playground:
    """A running Playground: where it asked to listen, where it listens, and its log."""

    process: subprocess.Popen[bytes]
    requested_port: int
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    @property
    def moved(self) -> bool:
        """True when the requested port was taken and the Playground picked another."""
        return self.port != self.requested_port

    def stop(self, timeout_s: float = 5.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def playground_env(bot_endpoint: str, config: Path, log: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEAMSAPPTESTER_", "AUTH_"))}
    return {
        **env,
        **OFFLINE_ENV,
        "BOT_ENDPOINT": bot_endpoint,
        "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(config),
        "M365_AGENTS_PLAYGROUND_LOGFILE": str(log),
    }


def start_playground(
    node: str, port: int, bot_endpoint: str, config: Path, work_dir: Path
) -> Playground:
    """Start the Playground for `bot_endpoint`; return once it listens (raise if it dies)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    log = work_dir / f"playground-{port}.log"
    command = [node, "-r", str(LOOPBACK), str(CLI), "start", "--disable-telemetry"]
    command += ["-c", "msteams", "-p", str(port)]
    process = subprocess.Popen(
        command,
        cwd=work_dir,
        env=playground_env(bot_endpoint, config, log),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # Ctrl-C reaches us, and we stop it in order
    )
    playground = Playground(process, port, _listening_port(process, log), log)
    return playground


def _listening_port(process: subprocess.Popen[bytes], log: Path) -> int:
    """Read `Listening on <port>` from the Playground's output."""
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    seen = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=0.2):
                chunk = os.read(process.stdout.fileno(), 4096)
                seen += chunk
                for line in seen.decode(errors="replace").splitlines():
                    if line.startswith("Listening on "):
                        return int(line.removeprefix("Listening on ").strip())
                if not chunk:
                    break
            elif process.poll() is not None:
                break
    process.kill()
    process.wait()
    tail = log.read_text(errors="replace")[-1500:] if log.is_file() else ""
    raise PlaygroundFailed(f"the Playground did not start: {seen.decode(errors='replace')}{tail}")
