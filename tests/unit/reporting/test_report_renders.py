"""The files render in real viewers: a PDF page through poppler's pdftoppm, the workbook
through LibreOffice headless (both Debian packages; each part skips when its tool is absent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reporting.formats import ReportFormat
from tests.unit.reporting.report_data import rendered, report

PNG = b"\x89PNG\r\n\x1a\n"


def test_a_pdf_page_renders_as_an_image(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed: ./scripts/setup adds it")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(rendered(report(), ReportFormat.PDF))
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "3", "-l", "3", pdf, tmp_path / "p"],
                   check=True, timeout=60)
    (page,) = tmp_path.glob("p-*.png")
    assert page.read_bytes().startswith(PNG) and page.stat().st_size > 5000


def test_the_workbook_renders_through_libreoffice(tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed: ./scripts/setup adds libreoffice-calc-nogui")
    book = tmp_path / "report.xlsx"
    book.write_bytes(rendered(report(), ReportFormat.XLSX))
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", tmp_path, book],
                   check=True, timeout=180, capture_output=True)
    printed = tmp_path / "report.pdf"
    assert printed.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", printed, tmp_path / "w"],
                   check=True, timeout=60)
    (page,) = tmp_path.glob("w-*.png")
    assert page.read_bytes().startswith(PNG) and page.stat().st_size > 5000
