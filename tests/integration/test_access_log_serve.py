"""`twelvecs serve` logs each request by its route, never the link token or the caller."""

from __future__ import annotations

import signal
from pathlib import Path

import aiohttp

from tests.support.server import free_port, start_server

TOKEN = "v1.c2VjcmV0LWxvb2tpbmctdG9rZW4.c2lnbmF0dXJl"


async def test_a_report_download_is_logged_without_its_token_or_the_callers_address(
    tmp_path: Path,
) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    process = await start_server(tmp_path / "data", port, log)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/reports/{TOKEN}") as refused:
                assert refused.status == 403
            async with session.get(f"http://127.0.0.1:{port}/no/such/page") as missing:
                assert missing.status == 404
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    written = log.read_text()
    assert "GET /reports/{token} 403" in written
    assert "GET - 404" in written
    assert TOKEN not in written and "/no/such/page" not in written
    assert "127.0.0.1 " not in written.replace("http://127.0.0.1:", "")  # no caller address
