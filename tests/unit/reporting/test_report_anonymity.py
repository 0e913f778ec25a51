"""The anonymity rules hold in every format: no figure below k, no names, no rating beside a
comment in an anonymous round, and only what the round's publication holds."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from assessment.model import Agency
from reporting.formats import ReportFormat
from reporting.model import Report, build_report
from tests.unit.assessment.summary_data import everywhere, make_round, published, response
from tests.unit.reporting.report_data import FRAMEWORK, NAMES, NOW, rendered, report


def text_of(data: bytes, fmt: ReportFormat) -> str:
    """Everything a reader of the file can see, as one string."""
    if fmt is ReportFormat.PDF:
        return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if fmt is ReportFormat.XLSX:
        book = load_workbook(io.BytesIO(data))
        return " ".join(
            str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None
        )
    return data.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", list(ReportFormat))
@pytest.mark.parametrize("named", [False, True])
def test_no_format_prints_a_respondents_name_or_id(fmt: ReportFormat, named: bool) -> None:
    r = report(named=named)
    seen = text_of(rendered(r, fmt), fmt)
    assert "Monthly multi-agency meetings help" in seen  # the comments are there...
    for name in NAMES:
        assert name not in seen  # ...but never who wrote them
    assert "aad-" not in seen


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_an_agency_below_k_is_never_named_in_an_anonymous_round(fmt: ReportFormat) -> None:
    seen = text_of(rendered(report(), fmt), fmt)
    assert "Police" in seen
    assert "Housing" not in seen  # one response: folded and not attributed


def test_two_responses_give_no_figures_in_any_format() -> None:
    two = [response(Agency.POLICE, everywhere(1)), response(Agency.POLICE, everywhere(6))]
    r = report(given=two, with_earlier=False)
    assert all(c.figures.withheld_below == 3 for c in r.summary.components)
    rows = list(csv.DictReader(io.StringIO(text_of(rendered(r, ReportFormat.CSV),
                                                   ReportFormat.CSV))))
    assert all(not row[f"Rated {v}"] for row in rows for v in range(1, 7))
    book = load_workbook(io.BytesIO(rendered(r, ReportFormat.XLSX)))
    assert [book["Summary"].cell(row, 5).value for row in range(2, 14)] == [None] * 12
    assert book["C1 Clarity"]["J5"].value == "Withheld: fewer than 3 ratings"
    pdf = text_of(rendered(r, ReportFormat.PDF), ReportFormat.PDF)
    assert pdf.count("Withheld: fewer than 3 ratings") >= 12


def test_comments_carry_no_rating_in_an_anonymous_round() -> None:
    r = report()
    assert all(not c.rating_shown for d in r.details for c in d.comments)
    rows = list(csv.DictReader(io.StringIO(rendered(r, ReportFormat.CSV).decode("utf-8-sig"))))
    assert all(row["Rating"] == "" for row in rows if row["Row"] == "comment")
    book = load_workbook(io.BytesIO(rendered(r, ReportFormat.XLSX)))
    assert [c.value for c in book["Comments"][1]] == ["C", "Agency", "Evidence", "Suggestion"]
    pdf = PdfReader(io.BytesIO(rendered(r, ReportFormat.PDF)))
    assert "Rating" not in pdf.pages[-1].extract_text()


def test_a_named_round_shows_the_rating_beside_each_comment() -> None:
    rows = list(csv.DictReader(io.StringIO(
        rendered(report(named=True), ReportFormat.CSV).decode("utf-8-sig")
    )))
    assert {row["Rating"] for row in rows if row["Evidence"] == "Lone voice"} == {"1"}


def test_an_anonymous_report_counts_only_what_the_publication_holds() -> None:
    """A submission after the last publication changes no figure (no differencing)."""
    round_ = make_round()
    first = [response(Agency.POLICE, everywhere(3)) for _ in range(3)]
    late = response(Agency.POLICE, everywhere(6))
    publication = published(first, round_)

    def built(responses: list) -> Report:  # type: ignore[type-arg]
        return build_report(FRAMEWORK, round_, responses, {}, [], now=NOW,
                            publication=publication)

    before, after = built(first), built([*first, late])
    assert rendered(before, ReportFormat.CSV) == rendered(after, ReportFormat.CSV)
    assert after.summary.component("C1").figures.rated == 3
