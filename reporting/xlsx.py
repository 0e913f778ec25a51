"""The report as an Excel workbook (openpyxl): cover, summary with a native bar chart, one
sheet per C in the 12Cs template's layout, actions a board can filter, anonymised comments.

Every sheet prints: A4 landscape, fit to one page wide, header rows repeated and frozen.
openpyxl serialises through lxml (a declared dependency) rather than its pure-Python writer:
a 10,000-response named round's workbook took 5.1 s without it, 3.4 s with it
(`python -m bench.report_export`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from copy import copy

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assessment.framework import Framework
from assessment.position import POSITION_FIELDS
from assessment.stats import LEVELS
from reporting.labels import Labels
from reporting.model import Report

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
AGREED_FILL = PatternFill("solid", fgColor="FFD966")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
LINE_POINTS = 15
"""Height of one line of 11 pt text in a row."""
DEFAULT_WIDTH = 8.43
"""A column's width when none is set (Excel's default)."""
MIN_WRAPPING_CHARS = 8
"""Shorter text fits on one line in any column we set."""
MAX_ROW_POINTS = 409
"""The tallest row Excel allows."""
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(report: Report, framework: Framework, labels: Labels) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    cover = book.active
    assert cover is not None
    _cover(cover, report, framework, labels)
    _summary(book.create_sheet(), report, labels)
    for cid in framework.ids:
        _component(book.create_sheet(), report, framework, cid, labels)
    _actions(book.create_sheet(), report, labels)
    _comments(book.create_sheet(), report, labels)
    for sheet in book.worksheets:
        _print_setup(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_name(component_id: str, labels: Labels) -> str:
    """`C4 Co-location…` cut to Excel's 31 characters, without the characters it forbids."""
    return _SHEET_NAME_FORBIDDEN.sub(" ", f"{component_id} {labels.component(component_id)}")[:31]


def _cover(ws: Worksheet, report: Report, framework: Framework, labels: Labels) -> None:
    ws.title = labels("report.sheet.cover")
    r = report.round_
    ws.append([labels("report.title", round=r.title)])
    ws["A1"].font = TITLE
    ws.append([labels("report.subtitle")])
    ws.append([])
    closed = r.closed_at.date() if r.closed_at else None
    facts = [
        ("report.partnership", report.partnership or labels("report.partnership_unknown")),
        ("report.round", r.title),
        ("report.opened", labels.day(r.opened_at.date())),
        ("report.closed", labels.day(closed) if closed else labels("report.still_open")),
        ("report.generated", report.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()),
    ]
    for key, value in facts:
        ws.append([labels(key), value])
        ws.cell(ws.max_row, 1).font = BOLD
    ws.append([])
    ws.append([labels.basis(report.summary)])
    if not report.has_responses:
        ws.append([labels("report.no_responses")])
        ws.cell(ws.max_row, 1).font = BOLD
    ws.append([])
    ws.append([labels("report.responses_by_agency")])
    ws.cell(ws.max_row, 1).font = BOLD
    _header(ws, [labels("report.col.agency"), labels("report.col.submitted"),
                 labels("report.col.in_progress")])
    for count in report.summary.responses.by_agency:
        ws.append([labels.agency(count.agency), count.complete, count.in_progress])
    ws.append([])
    ws.append([labels("report.scale")])
    ws.cell(ws.max_row, 1).font = BOLD
    _header(ws, [labels("report.col.level"), labels("report.col.rating"),
                 labels("report.col.definition"), labels("report.col.progress")])
    for level in framework.scale:
        v = level.value
        ws.append([v, labels.level(v), labels(f"scale.{v}.definition"),
                   labels(f"scale.{v}.progress")])
    _widths(ws, [34, 40, 45, 60])
    _wrap(ws)


def _summary(ws: Worksheet, report: Report, labels: Labels) -> None:
    ws.title = labels("report.sheet.summary")
    _header(ws, [labels("report.col.component"), labels("report.col.title"),
                 labels("report.col.group"), labels("report.col.agreed"),
                 labels("report.col.median"), labels("report.col.change"),
                 labels("report.col.status")])
    for c in report.summary.components:
        score = c.position.score if c.position is not None else None
        ws.append([c.component_id, labels.component(c.component_id), labels(f"group.{c.group}"),
                   score, c.figures.median, c.change, labels.status(c)])
    last = ws.max_row
    ws.freeze_panes = "A2"
    ws.append([])
    _chart(ws, last)
    _listing(ws, labels("report.prompts"), labels.prompts(report.summary)
             or [labels("report.no_prompts")])
    divergences = [labels.divergence(d) for d in report.summary.divergences]
    _listing(ws, labels("report.divergences"), divergences or [labels.no_divergences()])
    _widths(ws, [8, 34, 26, 14, 14, 16, 40])
    _wrap(ws)


def _chart(ws: Worksheet, last: int) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.title = None
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = LEVELS
    chart.y_axis.majorUnit = 1
    values = Reference(ws, min_col=4, max_col=5, min_row=1, max_row=last)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.height, chart.width = 8, 22
    ws.add_chart(chart, "I2")


def _component(
    ws: Worksheet, report: Report, framework: Framework, cid: str, labels: Labels
) -> None:
    ws.title = sheet_name(cid, labels)
    agreed = report.agreed(cid)
    ws.append([f"{cid} {labels.component(cid)}"])
    ws["A1"].font = TITLE
    ws.append([labels(f"c.{cid}.description")])
    ws.append([])
    _header(ws, [labels("report.col.level"), *[str(v) for v in range(1, LEVELS + 1)]])
    ws.append([labels("report.col.rating"), *[labels.level(v) for v in range(1, LEVELS + 1)]])
    ws.append([labels("report.col.definition"),
               *[labels(f"scale.{v}.definition") for v in range(1, LEVELS + 1)]])
    ws.append([labels("report.col.progress"),
               *[labels(f"scale.{v}.progress") for v in range(1, LEVELS + 1)]])
    marks = [labels("report.agreed_here") if agreed.score == v else "" for v in range(1, 7)]
    ws.append([labels("report.agreed_row"), *marks])
    if agreed.score is not None:
        for row in range(4, ws.max_row + 1):
            ws.cell(row, 1 + agreed.score).fill = AGREED_FILL
    ws.append([])
    position = report.detail(cid).position
    rows = [(labels(f"position.field.{name}"), labels.field(agreed, name))
            for name in POSITION_FIELDS]
    rows += [(labels("report.col.action_status"), labels.action_status(position)),
             (labels("report.col.status_history"), "\n".join(labels.status_history(position)))]
    carried = labels.carried(position)
    rows += [(labels("report.col.carried"), carried)] if carried else []
    for label, value in rows:
        ws.append([label, value])
        ws.cell(ws.max_row, 1).font = BOLD
        ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=7)
    for a in range(1, ws.max_row + 1):
        ws.cell(a, 1).font = BOLD
    _beside(ws, report, cid, labels)
    ws.freeze_panes = "B5"
    _widths(ws, [30, 24, 24, 24, 24, 24, 24, 3, 26, 18, 16, 16])
    _wrap(ws)


def _beside(ws: Worksheet, report: Report, cid: str, labels: Labels) -> None:
    """The practitioners' figures and the progression across rounds, right of the template."""
    row = 4
    ws.cell(row, 9, labels("report.figures")).font = BOLD
    for label, text in labels.figure_rows(report.detail(cid).figures):
        row += 1
        ws.cell(row, 9, label)
        ws.cell(row, 10, text)
    row += 2
    ws.cell(row, 9, labels("report.progression")).font = BOLD
    row += 1
    for col, key in enumerate(("report.col.round", "report.opened", "report.col.median",
                               "report.col.agreed"), start=9):
        ws.cell(row, col, labels(key)).fill = HEADER_FILL
    for point in report.progression[cid]:
        row += 1
        cells = (point.title, labels.day(point.opened), point.median, point.agreed)
        for col, value in enumerate(cells, start=9):
            ws.cell(row, col, value)


def _actions(ws: Worksheet, report: Report, labels: Labels) -> None:
    ws.title = labels("report.sheet.actions")
    _header(ws, [labels("report.col.component"), labels("report.col.title"),
                 labels("report.col.agreed"), labels("report.col.owner"),
                 labels("position.field.action_plan"), labels("position.field.timeframe"),
                 labels("report.col.status"), labels("position.field.review_dates"),
                 labels("report.col.action_status"), labels("report.col.status_history"),
                 labels("report.col.carried")])
    for c in report.summary.components:
        agreed = report.agreed(c.component_id)
        position = report.detail(c.component_id).position
        ws.append([c.component_id, labels.component(c.component_id), agreed.score,
                   agreed.accountability, agreed.action_plan,
                   labels(f"timeframe.{agreed.timeframe}") if agreed.timeframe else "",
                   labels.status(c), ", ".join(d.isoformat() for d in agreed.review_dates),
                   labels.action_status(position), "\n".join(labels.status_history(position)),
                   labels.carried(position)])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    _widths(ws, [8, 30, 12, 30, 50, 26, 30, 24, 16, 40, 30])
    _wrap(ws)


def _comments(ws: Worksheet, report: Report, labels: Labels) -> None:
    ws.title = labels("report.sheet.comments")
    named = report.round_.named
    columns = [labels("report.col.component"), labels("report.col.agency")]
    columns += [labels("report.col.rating")] if named else []
    _header(ws, [*columns, labels("report.col.evidence"), labels("report.col.suggestion")])
    for detail in report.details:
        cid = detail.summary.component_id
        for c in detail.comments:
            rating = [labels.rating(c)] if named else []
            ws.append([cid, labels.agency(c.agency), *rating, c.evidence, c.suggestion])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    note = labels.comments_note(named, report.summary.basis.min_ratings)
    listed = ws.max_row > 1
    ws.append([])
    ws.append([note if listed else labels("report.comments.none")])
    _widths(ws, [8, 30, *([10] if named else []), 60, 50])
    _wrap(ws)


def _listing(ws: Worksheet, title: str, lines: Sequence[str]) -> None:
    ws.append([title])
    ws.cell(ws.max_row, 1).font = BOLD
    for line in lines:
        ws.append(["", line])
    ws.append([])


def _header(ws: Worksheet, names: Sequence[str]) -> None:
    ws.append(list(names))
    for col in range(1, len(names) + 1):
        cell = ws.cell(ws.max_row, col)
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _widths(ws: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _wrap(ws: Worksheet) -> None:
    """Wrap every cell's text and make each row tall enough for it, in one pass.

    Plain cells share one copied style array: setting the alignment through openpyxl hashes
    styles per cell, which dominated large comment sheets. Heights: neither Excel nor
    LibreOffice grows a row that openpyxl wrote without one when it prints, so long
    definitions overlapped the next row; an estimate (about one character per unit of column
    width, 15 pt a line) is enough.
    """
    widths = _ColumnWidths(ws)
    plain = None
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            value = cell.value
            if isinstance(value, str) and len(value) > MIN_WRAPPING_CHARS:
                lines = max(lines, _lines(value, widths.of(cell.row, cell.column)))
            if cell.has_style:
                cell.alignment = WRAP
            elif plain is None:
                cell.alignment = WRAP
                plain = cell._style
            else:
                cell._style = copy(plain)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = min(LINE_POINTS * lines, MAX_ROW_POINTS)


class _ColumnWidths:
    """Width available to a cell: its column's, or a merged range's total from its first cell."""

    def __init__(self, ws: Worksheet) -> None:
        self._ws = ws
        self._columns: dict[int, float] = {}
        self._merged = {
            (m.min_row, m.min_col): sum(self.column(c) for c in range(m.min_col, m.max_col + 1))
            for m in ws.merged_cells.ranges
        }

    def column(self, col: int) -> float:
        if col not in self._columns:
            found = self._ws.column_dimensions[get_column_letter(col)].width
            self._columns[col] = found or DEFAULT_WIDTH
        return self._columns[col]

    def of(self, row: int, col: int) -> float:
        return self._merged.get((row, col)) or self.column(col)


def _lines(value: str, width: float) -> int:
    per_line = max(int(width * 1.1), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
