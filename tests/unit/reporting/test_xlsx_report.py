"""The workbook as a board opens it: the template's rows per C, the chart, and it prints."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart
from openpyxl.workbook import Workbook

from assessment.position import POSITION_FIELDS
from reporting.formats import ReportFormat
from reporting.labels import Labels
from reporting.xlsx import sheet_name
from tests.unit.reporting.report_data import FRAMEWORK, TEXTS, rendered, report

LABELS = Labels(TEXTS)


@pytest.fixture(scope="module")
def book() -> Workbook:
    return load_workbook(io.BytesIO(rendered(report(), ReportFormat.XLSX)))


def test_the_workbook_has_a_cover_a_summary_a_sheet_per_c_actions_and_comments(
    book: Workbook,
) -> None:
    per_c = [sheet_name(cid, LABELS) for cid in FRAMEWORK.ids]
    assert book.sheetnames == ["Cover", "Summary", *per_c, "Actions", "Comments"]
    assert book.sheetnames[2] == "C1 Clarity"


def test_each_c_sheet_puts_the_six_levels_in_a_row_with_definitions_and_progress(
    book: Workbook,
) -> None:
    for cid in FRAMEWORK.ids:
        ws = book[sheet_name(cid, LABELS)]
        assert ws["A1"].value == f"{cid} {TEXTS.text(f'c.{cid}.title')}"
        rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 8)]
                for r in range(4, 9)}
        assert rows["Level"] == ["1", "2", "3", "4", "5", "6"]
        assert rows["Rating"] == [TEXTS.text(f"scale.{v}.label") for v in range(1, 7)]
        assert rows["Definition"] == [TEXTS.text(f"scale.{v}.definition") for v in range(1, 7)]
        assert rows["Progress descriptor"] == [
            TEXTS.text(f"scale.{v}.progress") for v in range(1, 7)
        ]


def test_the_agreed_score_is_marked_under_its_level_and_the_template_fields_follow(
    book: Workbook,
) -> None:
    ws = book["C1 Clarity"]
    marks = [ws.cell(8, c).value for c in range(2, 8)]
    assert marks == [None, None, None, "◆ agreed", None, None]
    fields = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(10, 10 + 7)}
    assert list(fields) == [TEXTS.text(f"position.field.{n}") for n in POSITION_FIELDS]
    assert fields["Agreed score"] == "4 – Good"
    assert fields["Evidence narrative"] == "Joint audit found referral routes understood"
    assert fields["Accountability, ownership and governance"] == (
        "Safeguarding board business manager"
    )
    assert fields["Implementation timeframe"] == "Operational (shorter-term)"
    assert fields["Review dates"] == "2027-01-15"
    untouched = book["C2 Confidence"]
    assert untouched.cell(11, 2).value == "Not recorded"


def test_practitioners_figures_and_progression_stand_beside_the_template(
    book: Workbook,
) -> None:
    ws = book["C1 Clarity"]
    beside = {ws.cell(r, 9).value: ws.cell(r, 10).value for r in range(4, 20)}
    assert beside["Median"] == "3"
    assert beside["Ratings"] == "8"
    progression = [[ws.cell(r, c).value for c in range(9, 13)] for r in range(13, 15)]
    assert progression == [["Autumn", "2026-11-02", 2, None], ["Autumn", "2026-11-02", 3, 4]]


def test_the_summary_sheet_has_every_cs_score_and_median_and_a_native_bar_chart(
    book: Workbook,
) -> None:
    ws = book["Summary"]
    rows = [[ws.cell(r, c).value for c in (1, 4, 5)] for r in range(2, 14)]
    assert rows[0] == ["C1", 4, 3]
    assert [r[0] for r in rows] == list(FRAMEWORK.ids)
    charts = ws._charts
    assert len(charts) == 1 and isinstance(charts[0], BarChart)
    labels = [ws.cell(r, 2).value for r in range(15, ws.max_row + 1)]
    assert any(text and "expected agencies" in text for text in labels)  # the action prompts


def test_the_actions_sheet_has_one_filterable_row_per_c(book: Workbook) -> None:
    ws = book["Actions"]
    assert ws.auto_filter.ref == f"A1:K{1 + len(FRAMEWORK.ids)}"
    assert [ws.cell(2, c).value for c in range(1, 8)] == [
        "C1", "Clarity", 4, "Safeguarding board business manager",
        "Joint audit of referrals by March", "Operational (shorter-term)", "In hand",
    ]
    assert ws.cell(3, 7).value == "No agreed position yet"


def test_every_sheet_prints_on_a4_landscape_one_page_wide_with_frozen_headers(
    book: Workbook,
) -> None:
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert book["Actions"].freeze_panes == "A2"
    assert book["C1 Clarity"].freeze_panes == "B5"
    assert book["C1 Clarity"]["B6"].alignment.wrap_text


def test_rows_of_long_wrapped_text_are_tall_enough_to_print_every_line(book: Workbook) -> None:
    """Printed through LibreOffice, rows without a height overlapped the next row's text."""
    ws = book["C1 Clarity"]
    rows = {ws.cell(r, 1).value: r for r in range(4, 9)}
    longest = max(len(TEXTS.text(f"scale.{v}.progress")) for v in range(1, 7))
    column = ws.column_dimensions["B"].width
    assert longest > column  # the descriptors need more than one line at this width
    progress_height = ws.row_dimensions[rows["Progress descriptor"]].height
    assert progress_height is not None and progress_height >= 15 * 2
    assert ws.row_dimensions[rows["Level"]].height is None  # one line: left as it is


def test_a_round_without_responses_says_so_on_the_cover() -> None:
    book = load_workbook(io.BytesIO(rendered(report(with_responses=False), ReportFormat.XLSX)))
    cover = [c.value for row in book["Cover"].iter_rows() for c in row if c.value]
    assert TEXTS.text("report.no_responses") in cover
