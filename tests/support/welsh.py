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


@cache
def _shared() -> tuple[re.Pattern[str], ...]:
    """Templates the same in both languages ("**{label}**: {definition}", "C{number} · {title}"):
    their language is that of what fills them."""
    english, welsh = load_catalogue("en").texts, load_catalogue("cy").texts
    return tuple(_pattern(t) for key, t in english.items() if welsh.get(key) == t and "{" in t)


def fits(line: str, language: str, depth: int = 2) -> bool:
    """Whether a template of `language` alone explains the line (also nested in a shared one)."""
    other = "en" if language == "cy" else "cy"
    if any(p.fullmatch(line) for p in _patterns(language, other)):
        return True
    if depth == 0:
        return False
    for pattern in _shared():
        found = pattern.fullmatch(line)
        if found and any(fits(part, language, depth - 1) for part in found.groups()):
            return True
    return False


def english_lines(lines: Iterable[str]) -> list[str]:
    """Lines only an English template explains (what a Welsh reader must never see)."""
    return [line for line in lines if fits(line, "en") and not fits(line, "cy")]


def welsh_lines(lines: Iterable[str]) -> list[str]:
    return [line for line in lines if fits(line, "cy") and not fits(line, "en")]
