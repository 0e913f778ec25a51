"""Every text the report prints comes from the catalogue: each id the renderers name exists."""

from __future__ import annotations

import re
from pathlib import Path

from messages import load_catalogue

SOURCES = (Path(__file__).resolve().parents[3] / "reporting").glob("*.py")
QUOTED_ID = re.compile(r"""["']((?:report|error)\.[a-z_.]+[a-z])["']""")


def test_every_report_message_id_is_in_the_english_catalogue() -> None:
    found = {m for path in SOURCES for m in QUOTED_ID.findall(path.read_text("utf-8"))}
    assert len(found) > 40
    english = load_catalogue("en")
    assert sorted(i for i in found if not english.has(i)) == []
