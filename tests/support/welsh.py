"""Is a line the reader sees Welsh or English? Decided by the catalogue, not by eye: a line is
English when it fits an English template whose Welsh differs, and fits no Welsh template."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import cache

from messages import load_catalogue

LETTERS = re.compile(r"[^\W\d_]{2,}")


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append("(.+?)")
    return re.compile("".join(parts), re.DOTALL)


def _words(template: str) -> str:
    return "".join(literal for literal, _, _, _ in string.Formatter().parse(template))


@cache
def _patterns(language: str, other: str) -> tuple[re.Pattern[str], ...]:
    """Templates of `language` that read differently in `other` and hold words of their own."""
    mine, theirs = load_catalogue(language).texts, load_catalogue(other).texts
    return tuple(
        _pattern(text)
        for key, text in mine.items()
        if text != theirs.get(key) and LETTERS.search(_words(text))
    )


def fits(line: str, language: str) -> bool:
    other = "en" if language == "cy" else "cy"
    return any(p.fullmatch(line) for p in _patterns(language, other))


def english_lines(lines: Iterable[str]) -> list[str]:
    """Lines only an English template explains (what a Welsh reader must never see)."""
    return [line for line in lines if fits(line, "en") and not fits(line, "cy")]


def welsh_lines(lines: Iterable[str]) -> list[str]:
    return [line for line in lines if fits(line, "cy") and not fits(line, "en")]
