"""The analysts' CSV: figures per C and group, then comments, in a file any tool parses."""

from __future__ import annotations

import csv
import io

from reporting.formats import ReportFormat
from tests.unit.reporting.report_data import FRAMEWORK, rendered, report


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_has_overall_figures_for_every_c_and_the_comments() -> None:
    found = rows(rendered(report(), ReportFormat.CSV))
    overall = [r for r in found if r["Row"] == "figures" and r["Agency"] == "All responses"]
    assert [r["C"] for r in overall] == list(FRAMEWORK.ids)
    c1 = overall[0]
    assert (c1["Rated 1"], c1["Rated 3"], c1["Rated 5"], c1["Median rating"]) == (
        "1", "4", "3", "3"
    )
    comments = [r for r in found if r["Row"] == "comment"]
    assert {r["Evidence"] for r in comments} == {"Monthly multi-agency meetings help",
                                                 "Lone voice"}


def test_an_empty_round_gives_a_csv_with_withheld_figures_only() -> None:
    found = rows(rendered(report(with_responses=False), ReportFormat.CSV))
    assert all(r["Row"] == "figures" and not r["Rated 3"] for r in found)
