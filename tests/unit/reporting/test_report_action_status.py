"""Where each action stands (issue 11) as a board reads it in the workbook and the PDF: the
status in the seed's cycle, who moved it when, and a position carried forward from an
earlier round that no lead has confirmed yet."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from pypdf import PdfReader

from assessment.action_status import ActionStatus, StatusChange
from assessment.position import AgreedPosition
from messages import load_catalogue
from reporting.formats import ReportFormat
from reporting.model import Report
from reporting.render import render
from tests.unit.assessment.summary_data import in_hand, position
from tests.unit.reporting.report_data import FRAMEWORK, rendered, report

IDENTIFIED = StatusChange(
    status=ActionStatus.IDENTIFIED, by="aad-sam", by_name="Sam Lead",
    at=datetime(2026, 10, 2, 9, 15, tzinfo=UTC),
)
IMPLEMENTED = StatusChange(
    status=ActionStatus.IMPLEMENTED, by="aad-kim", by_name=None,
    at=datetime(2026, 11, 20, 16, 30, tzinfo=UTC),
)


def followed_through() -> Report:
    """C1 identified then implemented (the second by a lead Teams gave no name for); C2
    carried forward from Spring 2026 and not confirmed; the other Cs have nothing."""
    c1 = position("C1", in_hand(score=4)).model_copy(
        update={"status_history": (IDENTIFIED, IMPLEMENTED)}
    )
    c2 = position("C2", in_hand(score=2)).model_copy(
        update={"carried_from": "Spring 2026", "status_history": (IDENTIFIED,)}
    )
    positions: dict[str, AgreedPosition] = {"C1": c1, "C2": c2}
    return report(positions=positions)


@pytest.fixture(scope="module")
def book() -> Workbook:
    return load_workbook(io.BytesIO(rendered(followed_through(), ReportFormat.XLSX)))


@pytest.fixture(scope="module")
def pages() -> list[str]:
    reader = PdfReader(io.BytesIO(rendered(followed_through(), ReportFormat.PDF)))
    return [page.extract_text() for page in reader.pages]


def test_the_actions_sheet_shows_each_action_status_its_history_and_carry_forward(
    book: Workbook,
) -> None:
    ws = book["Actions"]
    head = [ws.cell(1, c).value for c in range(1, 12)]
    assert head[6:] == ["Status", "Review dates", "Action status", "Action status history",
                        "Carried forward"]
    assert [ws.cell(2, c).value for c in (9, 10)] == [
        "implemented",
        "identified: Sam Lead, 2 Oct 2026, 10:15\nimplemented: a lead, 20 Nov 2026, 16:30",
    ]
    assert ws.cell(2, 7).value == "In hand"  # the fields-and-reviews status keeps its column
    assert [ws.cell(3, c).value for c in (9, 11)] == [
        "identified", "Carried forward from Spring 2026, not yet confirmed",
    ]
    assert ws.cell(4, 9).value == "Not recorded"  # C3: no position, no status
    assert not ws.cell(2, 11).value and not ws.cell(4, 11).value


def test_each_c_sheet_lists_the_action_status_under_the_template_fields(
    book: Workbook,
) -> None:
    c1 = {row[0].value: row[1].value for row in book["C1 Clarity"].iter_rows(max_col=2)}
    assert c1["Action status"] == "implemented"
    assert c1["Action status history"] == (
        "identified: Sam Lead, 2 Oct 2026, 10:15\nimplemented: a lead, 20 Nov 2026, 16:30"
    )
    assert "Carried forward" not in c1
    c2 = {row[0].value: row[1].value for row in book.worksheets[3].iter_rows(max_col=2)}
    assert c2["Carried forward"] == "Carried forward from Spring 2026, not yet confirmed"


def test_the_pdf_shows_the_action_status_on_the_c_page_and_the_actions_page(
    pages: list[str],
) -> None:
    c1_page, c2_page, actions = pages[2], pages[3], pages[-2]
    flat = " ".join(c1_page.split())
    assert "Action status implemented" in flat
    assert "identified: Sam Lead, 2 Oct 2026, 10:15" in flat
    assert "implemented: a lead, 20 Nov 2026, 16:30" in flat
    assert "Carried forward from Spring 2026, not yet confirmed" in " ".join(c2_page.split())
    assert "Carried forward" not in flat
    listed = " ".join(actions.split())
    assert "Action status" in listed
    assert "Carried forward from Spring 2026, not yet confirmed" in listed
    assert "Sam Lead" in listed


def test_a_welsh_report_gives_the_status_and_its_dates_in_welsh() -> None:
    welsh = render(followed_through(), FRAMEWORK, load_catalogue("cy"), ReportFormat.XLSX)
    ws = load_workbook(io.BytesIO(welsh.content)).worksheets[-2]
    assert ws.cell(2, 9).value == "wedi'i roi ar waith"
    assert str(ws.cell(2, 10).value).endswith(
        "wedi'i roi ar waith: arweinydd, 20 Tach 2026, 16:30"
    )
    assert ws.cell(3, 11).value == (
        "Wedi'i gario ymlaen o'r cylch Spring 2026, heb ei gadarnhau eto"
    )
