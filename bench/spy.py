"""Where a bot process spends its CPU per turn, sampled by py-spy across all its threads.

py-spy is not a project dependency (`pip install py-spy`); pyinstrument (`--profile`) sees
only the event-loop thread, while botbuilder sends replies from executor threads. Samples
are taken only while a thread holds the GIL (`--gil`), so they measure Python CPU time.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

RATE = 500  # samples per second
_PLUMBING = re.compile(r"^(<module>|main) |\((<frozen runpy>|asyncio/|threading\.py|concurrent/)")


@contextlib.asynccontextmanager
async def py_spy(pid: int, out: Path) -> AsyncIterator[None]:
    """Record `pid` into the folded-stack file `out` while the block runs."""
    beside_python = Path(sys.executable).with_name("py-spy")
    exe = shutil.which("py-spy") or (str(beside_python) if beside_python.exists() else None)
    if exe is None:
        raise RuntimeError("py-spy is not installed: pip install py-spy")
    spy = await asyncio.create_subprocess_exec(
        exe, "record", "--pid", str(pid), "--rate", str(RATE), "--gil", "--threads",
        "--format", "raw", "-o", str(out),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )
    await asyncio.sleep(1.0)  # py-spy attaches before the load starts
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        await spy.wait()


PARTS = (  # where a botbuilder turn goes; a sample counts for the first part it matches
    ("msrest retry-policy list scan", ("ClientRetryPolicy.__init__",)),
    ("rest of client construction", ("ConnectorClient.__init__", "TokenApiClient.__init__")),
    ("reply: msrest serialization", ("Serializer.body", "Serializer._serialize")),
    ("reply: requests HTTP (executor)", ("Session.request", "AsyncRequestsHTTPSender", "_worker")),
    ("reply: rest of reply_to_activity", ("ConversationsOperations.",)),
    ("inbound Activity deserialization", ("Deserializer.",)),
    ("state load/save", ("BotState.", "Storage.", "deepcopy", "jsonpickle")),
    ("turn pipeline (TurnContext, handlers)", ("CloudAdapter", "TurnContext", "Middleware")),
    ("aiohttp server", ("aiohttp/",)),
)


JOURNEY_PARTS = (  # where a twelvecs journey turn goes: the first part found in the stack
    ("dialog state (jsonpickle hash and save)", ("BotState.", "jsonpickle", "StoreStorage.")),
    ("outbound calls (msrest + requests)", ("ConversationsOperations.", "Session.request",
                                           "AsyncRequestsHTTPSender", "urllib3/")),
    ("store (reads, thread hand-offs, writes)", ("storage/",)),
    ("inbound Activity deserialization", ("Deserializer.", "Model.deserialize")),
    ("cards (build, copy, serialize)", ("cards/", "deepcopy", "Serializer.", "json/encoder")),
    ("logging (access log, turn log)", ("logging/", "web_log")),
)
_OURS = re.compile(r"\((bot|assessment|dialogs|messages)/")


def _journey_part(stack: str) -> str:
    found = next((n for n, keys in JOURNEY_PARTS if any(k in stack for k in keys)), None)
    if found:
        return found
    leaf = stack.rsplit(";", 1)[-1]
    if _OURS.search(leaf):
        return "our handlers, domain and dialogs"
    return "aiohttp, asyncio, botbuilder pipeline"


def journey_breakdown(folded: Path, turns: int) -> str:
    """CPU ms per journey turn in each part (JOURNEY_PARTS), largest first."""
    parts: Counter[str] = Counter()
    for line in folded.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        parts[_journey_part(stack)] += int(samples)
    return _parts_report(parts, turns)


def breakdown(folded: Path, turns: int) -> str:
    """CPU ms per turn in each part of a botbuilder turn (PARTS), largest first."""
    parts: Counter[str] = Counter()
    for line in folded.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        name = next((n for n, keys in PARTS if any(k in stack for k in keys)), "other")
        parts[name] += int(samples)
    return _parts_report(parts, turns)


def _parts_report(parts: Counter[str], turns: int) -> str:
    per_turn = 1000 / RATE / max(1, turns)
    total = sum(parts.values())
    lines = [f"{total * per_turn:.2f} ms of sampled Python CPU per turn (py-spy slows the bot):"]
    lines += [f"  {n * per_turn:6.2f} ms {100 * n / total:5.1f}%  {name}"
              for name, n in parts.most_common()]
    return "\n".join(lines)


def _frame(raw: str) -> str:
    return re.sub(r":\d+\)$", ")", raw.strip())


def top_entries(folded: Path, turns: int, count: int = 10) -> str:
    """The functions with the most CPU per turn: inclusive (with callees) and self."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for line in folded.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        frames = [_frame(f) for f in stack.split(";")[1:]]  # first entry names the thread
        inclusive.update({f: int(samples) for f in set(frames) if not _PLUMBING.search(f)})
        if frames:
            own[frames[-1]] += int(samples)
    per_turn = 1000 / RATE / max(1, turns)
    lines = ["top inclusive:"]
    lines += [f"  {n * per_turn:6.3f} ms  {f}" for f, n in inclusive.most_common(count)]
    lines.append("top self:")
    lines += [f"  {n * per_turn:6.3f} ms  {f}" for f, n in own.most_common(count)]
    return "\n".join(lines)
