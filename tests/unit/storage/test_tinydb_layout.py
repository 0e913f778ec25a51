"""Remembered paths name the same files as freshly built ones, and memory stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import tinydb_layout
from storage.tinydb_layout import Layout

SALT = bytes(range(16))


def test_a_remembered_path_is_the_file_a_fresh_layout_names(tmp_path: Path) -> None:
    layout = Layout(tmp_path, SALT)
    first = [layout.person("t", "aad-1"), layout.response("r", "aad-1"), layout.round("r")]
    again = [layout.person("t", "aad-1"), layout.response("r", "aad-1"), layout.round("r")]
    fresh = Layout(tmp_path, SALT)
    assert first == again == [fresh.person("t", "aad-1"), fresh.response("r", "aad-1"),
                              fresh.round("r")]
    assert layout.person("t", "aad-2") != first[0]


def test_the_memo_never_grows_past_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tinydb_layout, "REMEMBERED_PATHS", 5)
    layout, fresh = Layout(tmp_path, SALT), Layout(tmp_path, SALT)
    named = [layout.person("t", f"aad-{i}") for i in range(12)]
    assert len(layout._paths) <= 5
    assert named == [fresh.person("t", f"aad-{i}") for i in range(12)]
