"""The report as a PDF for board papers (fpdf2): cover, summary with a drawn bar chart, one C a
page in the template's layout, the actions, then comments; page numbers in the footer.

fpdf2 is pure Python (its dependencies are Pillow, fontTools and defusedxml), so no system
library such as pango is needed. Typed text can be any Unicode (Welsh ŵ and ŷ included), so
a TrueType font is embedded when one is found (DejaVu Sans, Debian's fonts-dejavu-core);
without one the PDF falls back to Helvetica and replaces what Latin-1 cannot show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from assessment.framework import Framework
from assessment.position import POSITION_FIELDS
from assessment.stats import LEVELS
from reporting.labels import Labels
from reporting.model import Report

FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
"""Where Debian and Fedora keep DejaVu Sans; the bold face sits beside it."""
COMMENTS_PER_C = 20
"""Comments a board paper lists per C (the workbook and the CSV hold all of them)."""
HEADING = FontFace(emphasis="BOLD", fill_color=(217, 225, 242))
AGREED = FontFace(emphasis="BOLD", fill_color=(255, 217, 102))
AGREED_RGB = (191, 144, 0)
MEDIAN_RGB = (68, 114, 196)


class _Document(FPDF):
    def __init__(self, labels: Labels, font: Path | None) -> None:
        super().__init__(orientation="landscape", format="A4")
        self.labels = labels
        self.unicode = font is not None
        if font is not None:
            self.add_font("body", "", str(font))
            bold = font.with_name(font.stem + "-Bold.ttf")
            self.add_font("body", "B", str(bold if bold.exists() else font))
            self.family = "body"
        else:
            self.family = "helvetica"
        self.set_auto_page_break(auto=True, margin=15)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, size=8)
        text = self.labels("report.page", page=self.page_no(), pages="{nb}")
        self.cell(0, 8, text, align="C")

    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        folded = unicodedata.normalize("NFKD", text.replace("–", "-").replace("◆", "*"))
        return folded.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str, size: int = 16) -> None:
        self.set_font(self.family, "B", size)
        self.multi_cell(0, size * 0.5, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def para(self, text: str, bold: bool = False, size: int = 10) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, 5, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def grid(
        self,
        rows: Sequence[Sequence[str]],
        widths: Sequence[int],
        *,
        styles: dict[tuple[int, int], FontFace] | None = None,
        heading: bool = True,
        size: int = 9,
    ) -> None:
        self.set_font(self.family, size=size)
        self.set_fill_color(255, 255, 255)
        styles = styles or {}
        with self.table(
            col_widths=tuple(widths), width=sum(widths), align="LEFT", text_align="LEFT",
            first_row_as_headings=heading, headings_style=HEADING, line_height=4.5,
        ) as table:
            for r, values in enumerate(rows):
                row = table.row()
                for c, value in enumerate(values):
                    row.cell(self.clean(value), style=styles.get((r, c)))
        self.ln(3)


def render_pdf(
    report: Report, framework: Framework, labels: Labels, font: Path | None = None
) -> bytes:
    """The PDF's bytes; `font` is a TrueType file (default: DejaVu Sans where installed)."""
    doc = _Document(labels, font or next((p for p in FONT_PATHS if p.exists()), None))
    _cover(doc, report, framework, labels)
    _summary(doc, report, labels)
    for cid in framework.ids:
        _component(doc, report, cid, labels)
    _actions(doc, report, labels)
    _comments(doc, report, labels)
    return bytes(doc.output())


def _cover(doc: _Document, report: Report, framework: Framework, labels: Labels) -> None:
    doc.add_page()
    r = report.round_
    doc.heading(labels("report.title", round=r.title), 20)
    doc.para(labels("report.subtitle"))
    closed = labels.day(r.closed_at.date()) if r.closed_at else labels("report.still_open")
    facts = [
        [labels("report.partnership"), report.partnership or labels("report.partnership_unknown")],
        [labels("report.opened"), labels.day(r.opened_at.date())],
        [labels("report.closed"), closed],
        [labels("report.generated"), report.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()],
    ]
    doc.grid(facts, (60, 120), heading=False)
    doc.para(labels.basis(report.summary))
    if not report.has_responses:
        doc.para(labels("report.no_responses"), bold=True)
    doc.para(labels("report.responses_by_agency"), bold=True)
    counts = [[labels.agency(c.agency), str(c.complete), str(c.in_progress)]
              for c in report.summary.responses.by_agency]
    head = [labels("report.col.agency"), labels("report.col.submitted"),
            labels("report.col.in_progress")]
    doc.grid([head, *counts], (90, 40, 40))
    doc.para(labels("report.scale"), bold=True)
    scale = [[str(v.value), labels.level(v.value), labels(f"scale.{v.value}.definition"),
              labels(f"scale.{v.value}.progress")] for v in framework.scale]
    head = [labels("report.col.level"), labels("report.col.rating"),
            labels("report.col.definition"), labels("report.col.progress")]
    doc.grid([head, *scale], (15, 35, 90, 125))


def _summary(doc: _Document, report: Report, labels: Labels) -> None:
    doc.add_page()
    doc.heading(labels("report.sheet.summary"))
    doc.para(labels("report.chart.title"), bold=True)
    _chart(doc, report, labels)
    rows = [[labels("report.col.component"), labels("report.col.title"),
             labels("report.col.agreed"), labels("report.col.median"),
             labels("report.col.status")]]
    for c in report.summary.components:
        score = c.position.score if c.position is not None else None
        rows.append([c.component_id, labels.component(c.component_id),
                     str(score or ""), labels.median(c.figures), labels.status(c)])
    doc.grid(rows, (15, 80, 30, 60, 80), size=8)
    doc.para(labels("report.prompts"), bold=True)
    for line in labels.prompts(report.summary) or [labels("report.no_prompts")]:
        doc.para(f"• {line}", size=9)
    doc.para(labels("report.divergences"), bold=True)
    lines = [labels.divergence(d) for d in report.summary.divergences]
    for line in lines or [labels.no_divergences()]:
        doc.para(f"• {line}", size=9)


def _chart(doc: _Document, report: Report, labels: Labels) -> None:
    """Paired bars per C on a 0-6 axis: the agreed score and the practitioners' median."""
    left, top, height, step = doc.l_margin + 8, doc.get_y() + 2, 50.0, 21.0
    base = top + height
    doc.set_font(doc.family, size=7)
    doc.set_draw_color(160, 160, 160)
    for level in range(LEVELS + 1):
        y = base - height * level / LEVELS
        doc.line(left, y, left + step * len(report.summary.components), y)
        doc.text(left - 4, y + 1, str(level))
    for i, c in enumerate(report.summary.components):
        x = left + i * step + 3
        score = c.position.score if c.position is not None else None
        for offset, value, rgb in ((0, score, AGREED_RGB), (7, c.figures.median, MEDIAN_RGB)):
            if value:
                doc.set_fill_color(*rgb)
                doc.rect(x + offset, base - height * value / LEVELS, 6, height * value / LEVELS,
                         style="F")
        doc.text(x + 3, base + 4, c.component_id)
    legend = base + 8
    for offset, (rgb, key) in enumerate(((AGREED_RGB, "report.col.agreed"),
                                         (MEDIAN_RGB, "report.col.median"))):
        doc.set_fill_color(*rgb)
        doc.rect(left + offset * 50, legend, 4, 3, style="F")
        doc.text(left + offset * 50 + 6, legend + 2.6, doc.clean(labels(key)))
    doc.set_y(legend + 7)


def _component(doc: _Document, report: Report, cid: str, labels: Labels) -> None:
    doc.add_page()
    agreed = report.agreed(cid)
    doc.heading(f"{cid} {labels.component(cid)}")
    doc.para(labels(f"c.{cid}.description"))
    levels = range(1, LEVELS + 1)
    rows = [
        [labels("report.col.level"), *[f"{v} {labels.level(v)}" for v in levels]],
        [labels("report.col.definition"), *[labels(f"scale.{v}.definition") for v in levels]],
        [labels("report.col.progress"), *[labels(f"scale.{v}.progress") for v in levels]],
        [labels("report.agreed_row"),
         *[labels("report.agreed_here") if agreed.score == v else "" for v in levels]],
    ]
    styles = {(r, agreed.score): AGREED for r in range(1, 4)} if agreed.score else {}
    doc.grid(rows, (37, *[40] * LEVELS), styles=styles, size=7)
    fields = [[labels(f"position.field.{n}"), labels.field(agreed, n)] for n in POSITION_FIELDS]
    position = report.detail(cid).position
    fields += [[labels("report.col.action_status"), labels.action_status(position)],
               [labels("report.col.status_history"),
                "\n".join(labels.status_history(position))]]
    carried = labels.carried(position)
    fields += [[labels("report.col.carried"), carried]] if carried else []
    doc.grid(fields, (70, 197), heading=False, size=8)
    figures = labels.figure_rows(report.detail(cid).figures)
    doc.para(labels("report.figures"), bold=True, size=9)
    doc.grid([[f"{k}: {v}" for k, v in figures]], tuple([267 // len(figures)] * len(figures)),
             heading=False, size=8)
    doc.para(labels("report.progression"), bold=True, size=9)
    head = [labels("report.col.round"), labels("report.opened"), labels("report.col.median"),
            labels("report.col.agreed")]
    points = [[p.title, labels.day(p.opened), "" if p.median is None else f"{p.median:g}",
               str(p.agreed or "")] for p in report.progression[cid]]
    doc.grid([head, *points], (90, 40, 40, 40), size=8)


def _actions(doc: _Document, report: Report, labels: Labels) -> None:
    doc.add_page()
    doc.heading(labels("report.sheet.actions"))
    rows = [[labels("report.col.component"), labels("report.col.owner"),
             labels("position.field.action_plan"), labels("position.field.timeframe"),
             labels("report.col.status"), labels("position.field.review_dates"),
             labels("report.col.action_status")]]
    for c in report.summary.components:
        agreed = report.agreed(c.component_id)
        position = report.detail(c.component_id).position
        action = [labels.action_status(position), *labels.status_history(position),
                  labels.carried(position)]
        rows.append([c.component_id, agreed.accountability, agreed.action_plan,
                     labels(f"timeframe.{agreed.timeframe}") if agreed.timeframe else "",
                     labels.status(c), ", ".join(d.isoformat() for d in agreed.review_dates),
                     "\n".join(line for line in action if line)])
    doc.grid(rows, (12, 40, 75, 30, 35, 25, 50), size=8)


def _comments(doc: _Document, report: Report, labels: Labels) -> None:
    doc.add_page()
    doc.heading(labels("report.sheet.comments"))
    named = report.round_.named
    doc.para(labels.comments_note(named, report.summary.basis.min_ratings), size=9)
    listed = False
    for detail in report.details:
        if not detail.comments:
            continue
        listed = True
        cid = detail.summary.component_id
        doc.para(f"{cid} {labels.component(cid)}", bold=True)
        shown = detail.comments[:COMMENTS_PER_C]
        if len(shown) < len(detail.comments):
            doc.para(labels("report.comments.pdf_limit", shown=len(shown),
                            total=len(detail.comments)), size=8)
        head = [labels("report.col.agency"), *([labels("report.col.rating")] if named else []),
                labels("report.col.evidence"), labels("report.col.suggestion")]
        rows = [[labels.agency(c.agency), *([labels.rating(c)] if named else []), c.evidence,
                 c.suggestion] for c in shown]
        widths = (50, 20, 117, 80) if named else (50, 127, 90)
        doc.grid([head, *rows], widths, size=8)
    if not listed:
        doc.para(labels("report.comments.none"))
