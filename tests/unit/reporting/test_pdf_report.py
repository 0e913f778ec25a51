"""The PDF a board paper carries: one C a page in the template's layout, numbered pages."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reporting.formats import ReportFormat
from tests.unit.reporting.report_data import FRAMEWORK, TEXTS, rendered, report


@pytest.fixture(scope="module")
def pages() -> list[str]:
    reader = PdfReader(io.BytesIO(rendered(report(), ReportFormat.PDF)))
    return [page.extract_text() for page in reader.pages]


def test_the_pdf_has_a_cover_a_summary_one_page_per_c_actions_and_comments(
    pages: list[str],
) -> None:
    assert len(pages) == 2 + len(FRAMEWORK.ids) + 2
    assert "12Cs self-assessment: Autumn" in pages[0]
    assert "Anytown Safeguarding Partnership" in pages[0]
    for number, cid in enumerate(FRAMEWORK.ids, start=3):
        text = pages[number - 1]
        assert text.startswith(f"{cid} {TEXTS.text(f'c.{cid}.title')}")
        assert f"Page {number} of {len(pages)}" in text


def test_each_c_page_carries_the_scale_row_and_the_template_fields(pages: list[str]) -> None:
    c1 = " ".join(pages[2].split())
    for level in range(1, 7):
        assert TEXTS.text(f"scale.{level}.label") in c1
    for label in ("Agreed score", "Evidence narrative", "Specific action plan", "Review dates"):
        assert label in c1
    assert "4 – Good" in c1 and "◆ agreed" in c1
    assert "Joint audit found referral routes understood" in c1


def test_the_summary_page_lists_every_c_beside_its_chart(pages: list[str]) -> None:
    summary = pages[1]
    assert "Agreed score and median rating by C" in summary
    assert all(TEXTS.text(f"c.{cid}.title") in " ".join(summary.split())
               for cid in FRAMEWORK.ids)


def test_a_round_without_responses_gives_a_report_that_says_so() -> None:
    reader = PdfReader(io.BytesIO(rendered(report(with_responses=False), ReportFormat.PDF)))
    cover = " ".join((reader.pages[0].extract_text()).split())
    assert " ".join(TEXTS.text("report.no_responses").split()) in cover
