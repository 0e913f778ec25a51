"""`twelvecs report` on the server: a round by id or title to a file, audited."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assessment.model import Actor, Agency, PartnershipKind
from assessment.service import AssessmentService
from bot.cli import main
from storage.tinydb_store import TinyDBStore
from tests.unit.assessment.summary_data import everywhere, response

LEAD = Actor("tenant-1", "aad-lead", "Lee")


@pytest.fixture
async def data_dir(tmp_path: Path) -> AsyncIterator[Path]:
    """A closed store holding one round ("Autumn 2026", id in `round_id`) of three responses."""
    store = TinyDBStore(tmp_path / "data")
    await store.open()
    service = AssessmentService(store)
    partnership = await service.ensure_partnership("tenant-1", PartnershipKind.TEAM, "19:t")
    round_ = await service.open_round(partnership, LEAD, "Autumn 2026")
    for _ in range(3):
        await store.save_response(response(Agency.POLICE, everywhere(4), round_id=round_.id))
    (tmp_path / "round_id").write_text(round_.id)
    await store.close()
    yield tmp_path / "data"


def test_report_by_title_writes_a_workbook_and_audits_it(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "board.xlsx"
    args = ["report", "--round", "autumn 2026", "--format", "xlsx", "--out", str(out)]
    assert main([*args, "--data-dir", str(data_dir)]) == 0
    book = load_workbook(out)
    assert book["Summary"]["A2"].value == "C1"
    capsys.readouterr()
    assert main(["audit", "--data-dir", str(data_dir)]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if " export " in x]
    assert "who=server" in line and "format=xlsx via=cli" in line


def test_report_by_id_writes_a_csv(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "responses.csv"
    round_id = (tmp_path / "round_id").read_text()
    args = ["report", "--round", round_id, "--format", "csv", "--out", str(out)]
    assert main([*args, "--data-dir", str(data_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert rows[0]["C"] == "C1" and rows[0]["Rated 4"] == "3"


def test_report_in_welsh_with_language_cy(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bwrdd.xlsx"
    args = ["report", "--round", "autumn 2026", "--format", "xlsx", "--out", str(out)]
    assert main([*args, "--language", "cy", "--data-dir", str(data_dir)]) == 0
    book = load_workbook(out)
    assert "Crynodeb" in book.sheetnames and "Summary" not in book.sheetnames


def test_an_unknown_round_or_format_is_refused_and_nothing_is_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x"
    common = ["--out", str(out), "--data-dir", str(data_dir)]
    assert main(["report", "--round", "Spring", "--format", "pdf", *common]) == 2
    assert main(["report", "--round", "Autumn 2026", "--format", "docx", *common]) == 2
    errors = capsys.readouterr().err
    assert "no round with id or title 'Spring'" in errors and "use xlsx, pdf or csv" in errors
    assert not out.exists()
