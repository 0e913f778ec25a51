"""Differencing: a lead comparing summaries (the cards as sent) never sees one person's answers.

Runs the lead's real use cases over the in-memory store and builds the real cards.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from assessment.lead_service import LeadService
from assessment.model import Actor, Agency, Partnership, PartnershipKind, Response, Round
from assessment.publication import Publication, publish
from assessment.service import AssessmentService
from cards import build_detail_card, build_summary_card
from cards.summary import RESPONSES_ID
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from tests.support.clock import EARLY_NOVEMBER, Clock
from tests.unit.assessment.summary_data import everywhere, response
from tests.unit.cards.samples import CAT, FRAMEWORK
from tests.unit.cards.walk import visible_text

LEAD = Actor("tenant-1", "aad-lead", "Lee")



class Round_:
    """One anonymous round, its lead, and practitioners who submit one at a time."""

    def __init__(self, store: MemoryStore, service: AssessmentService, round_: Round,
                 partnership: Partnership) -> None:
        self.store, self.service, self.round, self.partnership = store, service, round_, partnership
        self.leads = LeadService(store, MemoryPositionStore(), service)
        self.waiting: list[Response] = []

    async def start(self, agency: Agency, rating: int, said: str = "") -> Response:
        """Someone answers every C with `rating` (and `said` on C4) but has not submitted."""
        started = response(
            agency, everywhere(rating), round_id=self.round.id, complete=False,
            evidence={"C4": said} if said else None,
        )
        return await self.store.save_response(started)

    async def submit(self, started: Response) -> None:
        done = started.model_copy(update={"submitted_at": self.service.clock()})
        await self.store.save_response(done)

    async def submitted(self, agency: Agency, rating: int, said: str = "") -> None:
        await self.submit(await self.start(agency, rating, said))

    async def summary_card(self) -> dict[str, Any]:
        summary = await self.leads.summary(LEAD, self.round.id)
        return build_summary_card(CAT, FRAMEWORK, summary)

    async def detail_card(self, component_id: str = "C4") -> dict[str, Any]:
        detail = await self.leads.detail(LEAD, self.round.id, component_id)
        return build_detail_card(CAT, FRAMEWORK, self.round, detail, show_names=False)


@pytest.fixture
async def round_() -> Round_:
    store = MemoryStore()
    service = AssessmentService(store, clock=Clock(EARLY_NOVEMBER))
    partnership = await service.ensure_partnership("tenant-1", PartnershipKind.TEAM, "19:t", "T")
    opened = await service.open_round(partnership, LEAD, "Autumn")
    return Round_(store, service, opened, partnership)


def above_the_form(card: dict[str, Any]) -> list[str]:
    """The detail card's texts down to the agreed-position form (whose scale names levels)."""
    lines = visible_text(card)
    return lines[: lines.index("Agreed position")]


def without_live_counts(card: dict[str, Any]) -> str:
    """The card as JSON, less the response counts (live by design: they carry no ratings)."""
    body = [e for e in card["body"] if e.get("id") != RESPONSES_ID]
    assert len(body) == len(card["body"]) - 1
    return json.dumps({**card, "body": body}, ensure_ascii=False)


async def test_summaries_just_before_and_after_one_submission_carry_identical_figures(
    round_: Round_,
) -> None:
    for rating in (4, 4, 5):
        await round_.submitted(Agency.POLICE, rating)
    first = await round_.summary_card()
    assert "Figures and comments based on 3 submitted responses" in visible_text(first)[4]
    fourth = await round_.start(Agency.POLICE, 1)
    before = await round_.summary_card()
    before_detail = await round_.detail_card()
    await round_.submit(fourth)
    after = await round_.summary_card()
    assert without_live_counts(after) == without_live_counts(before) == without_live_counts(first)
    assert await round_.detail_card() == before_detail
    assert json.dumps(after) != json.dumps(before)  # the counts did move: 4 complete
    assert "4 complete · 0 in progress" in json.dumps(after, ensure_ascii=False)


async def test_figures_move_only_once_k_more_people_have_submitted(round_: Round_) -> None:
    for rating in (4, 4, 4):
        await round_.submitted(Agency.POLICE, rating)
    first = without_live_counts(await round_.summary_card())
    await round_.submitted(Agency.POLICE, 1)
    await round_.submitted(Agency.POLICE, 1)
    assert without_live_counts(await round_.summary_card()) == first
    await round_.submitted(Agency.POLICE, 1)
    moved = await round_.summary_card()
    assert without_live_counts(moved) != first
    assert "based on 6 submitted responses" in json.dumps(moved)


@pytest.mark.parametrize("count", [0, 1, 2])
async def test_fewer_than_k_submissions_show_no_figure_and_no_words(
    round_: Round_, count: int
) -> None:
    for _ in range(count):
        await round_.submitted(Agency.POLICE, 1, said="Only I would say this")
    summary, detail = await round_.summary_card(), await round_.detail_card()
    text = "\n".join([*visible_text(summary), *above_the_form(detail)])
    assert "Unsatisfactory" not in text
    assert "Only I would say this" not in json.dumps([summary, detail])
    assert "figures appear once 3 responses have been submitted" in text
    assert "fewer than 3 ratings yet" in text


@pytest.mark.parametrize("count", [3, 4])
async def test_k_or_more_submissions_publish_figures_and_words_without_ratings(
    round_: Round_, count: int
) -> None:
    for n in range(count):
        await round_.submitted(Agency.POLICE, 1, said=f"View {n}")
    text = "\n".join(above_the_form(await round_.detail_card()))
    assert f"based on {count} submitted responses" in text
    assert "1 · Unsatisfactory" in text
    assert all(f"View {n}" in text for n in range(count))
    assert "Police · rated" not in text and "Police\nView" in text


async def test_closing_the_round_publishes_everything_submitted(round_: Round_) -> None:
    for rating in (4, 4, 4):
        await round_.submitted(Agency.POLICE, rating)
    await round_.summary_card()
    await round_.submitted(Agency.POLICE, 4)
    await round_.service.close_round(round_.partnership, LEAD)
    text = json.dumps(await round_.summary_card(), ensure_ascii=False)
    assert "Final figures and comments, based on 4 submitted responses" in text


@pytest.mark.parametrize("count", [1, 2])
async def test_a_round_closed_with_fewer_than_k_responses_shows_no_figure_and_no_words(
    round_: Round_, count: int
) -> None:
    for _ in range(count):
        await round_.submitted(Agency.POLICE, 1, said="Only I would say this")
    await round_.service.close_round(round_.partnership, LEAD)
    summary, detail = await round_.summary_card(), await round_.detail_card()
    assert f"based on {count} submitted responses" in json.dumps(summary)
    text = "\n".join([*visible_text(summary), *above_the_form(detail)])
    assert "Unsatisfactory" not in text and "Only I would say this" not in text


class RacingStore(MemoryStore):
    """Another lead's publication lands just before this lead's does."""

    rival: Publication | None = None

    async def save_publication(self, publication: Publication) -> Publication:
        if self.rival is not None:
            rival, self.rival = self.rival, None
            await super().save_publication(rival)
        return await super().save_publication(publication)


async def test_two_leads_publishing_at_once_both_see_the_one_that_was_saved() -> None:
    store = RacingStore()
    service = AssessmentService(store, clock=Clock(EARLY_NOVEMBER))
    partnership = await service.ensure_partnership("tenant-1", PartnershipKind.TEAM, "19:t", "T")
    opened = await service.open_round(partnership, LEAD, "Autumn")
    world = Round_(store, service, opened, partnership)
    for rating in (2, 3, 4):
        await world.submitted(Agency.POLICE, rating)
    responses = await store.responses_of(opened.id)
    at = datetime(2026, 11, 1, tzinfo=UTC)
    store.rival = publish(FRAMEWORK, opened, responses, k=3, now=at)
    summary = await world.leads.summary(LEAD, opened.id)
    assert summary.basis.published_at == at
    stored = await store.get_publication(opened.id)
    assert stored is not None and stored.revision == 1 and stored.published_at == at
