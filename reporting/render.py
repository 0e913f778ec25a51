"""One entry point from a `Report` to a file's bytes, whatever the format.

The Excel and PDF renderers are imported when first used: openpyxl, lxml and fpdf2 (with
Pillow) cost ~0.25 s of every `twelvecs serve` start-up otherwise (`python -X importtime`),
for a feature a lead uses a few times a year.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.framework import Framework
from assessment.prompt_model import TextSource
from reporting.csv_export import render_csv
from reporting.formats import ReportFormat
from reporting.labels import Labels
from reporting.model import Report


@dataclass(frozen=True)
class ReportFile:
    """A rendered report; `filename` names the round by its id only (no partnership, no
    person), because file names end up in download folders and e-mail subjects."""

    filename: str
    media_type: str
    content: bytes


def render(
    report: Report, framework: Framework, texts: TextSource, fmt: ReportFormat
) -> ReportFile:
    labels = Labels(texts)
    if fmt is ReportFormat.XLSX:
        from reporting.xlsx import render_xlsx

        content = render_xlsx(report, framework, labels)
    elif fmt is ReportFormat.PDF:
        from reporting.pdf import render_pdf

        content = render_pdf(report, framework, labels)
    else:
        content = render_csv(report, labels)
    stamp = report.generated_at.strftime("%Y%m%d")
    return ReportFile(f"12cs-report-{stamp}.{fmt.value}", fmt.media_type, content)
