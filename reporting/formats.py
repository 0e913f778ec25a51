"""The report's file formats, their media types and file endings."""

from __future__ import annotations

from enum import StrEnum

from assessment.errors import AssessmentError


class UnknownReportFormat(AssessmentError):
    """A format other than xlsx, pdf or csv."""

    message_id = "error.report_format"


class ReportFormat(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"
    CSV = "csv"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]

    @classmethod
    def parse(cls, text: str) -> ReportFormat:
        """The format a person typed (`xlsx`, `.PDF`, `excel`), else `UnknownReportFormat`."""
        key = text.strip().lower().lstrip(".")
        key = {"excel": "xlsx", "xls": "xlsx"}.get(key, key)
        try:
            return cls(key)
        except ValueError:
            raise UnknownReportFormat(formats=", ".join(f.value for f in cls)) from None


_MEDIA_TYPES = {
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.PDF: "application/pdf",
    ReportFormat.CSV: "text/csv; charset=utf-8",
}
