"""`/healthz` says the process answers; `/readyz` says its store does too."""

from __future__ import annotations

from tests.support.harness import Harness


async def test_a_bot_whose_store_answers_is_live_and_ready(harness: Harness) -> None:
    assert (await harness.bot.get("/healthz")).status == 200
    ready = await harness.bot.get("/readyz")
    assert ready.status == 200 and (await ready.json())["status"] == "ready"


async def test_a_bot_whose_store_is_gone_stays_live_but_is_not_ready(harness: Harness) -> None:
    await harness.store.close()
    assert (await harness.bot.get("/healthz")).status == 200
    assert (await harness.bot.get("/readyz")).status == 503
    await harness.store.open()  # the harness closes it again on the way out
    assert (await harness.bot.get("/readyz")).status == 200
