"""The responses as CSV for analysts, anonymised as every other output.

Rows are figures (overall and per shown agency group: "not sure" and counts of each rating,
withheld below k) and comments (agency group only where shown; a rating only in named
rounds). No respondent id or name ever appears: an analyst's file travels furthest of all.
"""

from __future__ import annotations

import csv
import io

from assessment.stats import LEVELS, RatingFigures
from reporting.labels import Labels
from reporting.model import Report


def render_csv(report: Report, labels: Labels) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens accented and Welsh text correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([
        labels("report.col.kind"), labels("report.col.component"), labels("report.col.agency"),
        labels("report.col.not_sure"),
        *[labels("report.col.rated_n", level=v) for v in range(1, LEVELS + 1)],
        labels("report.col.median"), labels("report.col.rating"), labels("report.col.evidence"),
        labels("report.col.suggestion"),
    ])
    for detail in report.details:
        cid = detail.summary.component_id
        groups = [(labels("report.overall"), detail.figures)]
        groups += [(labels.agency(a.agency), a.figures) for a in detail.by_agency]
        for name, figures in groups:
            writer.writerow([labels("report.csv.figures"), cid, name, *_counts(figures, labels),
                             "", "", ""])
        for c in detail.comments:
            writer.writerow([labels("report.csv.comment"), cid, labels.agency(c.agency),
                             *[""] * (LEVELS + 2), labels.rating(c), c.evidence, c.suggestion])
    return out.getvalue().encode("utf-8-sig")


def _counts(figures: RatingFigures, labels: Labels) -> list[str]:
    if figures.withheld_below is not None:
        return ["", *[""] * LEVELS, labels.median(figures)]
    median = labels.median(figures) if figures.median is not None else ""
    return [str(figures.not_sure), *[str(n) for n in figures.distribution], median]
