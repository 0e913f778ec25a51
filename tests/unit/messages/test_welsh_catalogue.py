"""messages/cy.json mirrors en.json: every key, every placeholder, nothing left in English.

When this fails after a merge, its message lists the keys to translate (or to remove)."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from assessment.framework import load_framework
from messages.catalogue import placeholders
from tools.welsh_sources import stale_keys

ALLOWED_AS_IN_ENGLISH = {"twelvecs", "Teams", "12Cs", "NHS", "Unicode", "e.g."}
"""Names and symbols a Welsh text may share with the English one."""
WORD = re.compile(r"[^\W\d_]{2,}")


def catalogue(language: str) -> dict[str, str]:
    source = resources.files("messages").joinpath(f"{language}.json")
    data: dict[str, str] = json.loads(source.read_text(encoding="utf-8"))
    return data


def words_of(template: str) -> set[str]:
    """The words of a template outside its placeholders, less the allowed names."""
    outside = re.sub(r"\{[^{}]*\}", " ", template)
    return {w for w in WORD.findall(outside) if w not in ALLOWED_AS_IN_ENGLISH}


EN, CY = catalogue("en"), catalogue("cy")


def test_every_english_key_has_its_welsh() -> None:
    missing = sorted(set(EN) - set(CY))
    assert missing == [], "translate into messages/cy.json:\n  " + "\n  ".join(missing)


def test_welsh_has_no_key_english_lacks() -> None:
    extra = sorted(set(CY) - set(EN))
    assert extra == [], "remove from messages/cy.json (gone from en.json):\n  " + "\n  ".join(extra)


def test_every_welsh_text_keeps_the_english_placeholders() -> None:
    wrong = sorted(
        f"{key}: English {sorted(placeholders(EN[key]))}, Welsh {sorted(placeholders(CY[key]))}"
        for key in set(EN) & set(CY)
        if placeholders(EN[key]) != placeholders(CY[key])
    )
    assert wrong == [], "fix the placeholders of:\n  " + "\n  ".join(wrong)


def test_no_welsh_text_is_left_in_english() -> None:
    untranslated = sorted(
        key for key in set(EN) & set(CY) if CY[key] == EN[key] and words_of(EN[key])
    )
    assert untranslated == [], "still English in messages/cy.json:\n  " + "\n  ".join(untranslated)


def test_the_check_catches_an_english_text_copied_across() -> None:
    assert words_of("Saved {component}: {rating}.") == {"Saved"}
    assert words_of("C{number} · {title}") == set()
    assert words_of("twelvecs in Teams") == {"in"}


def test_the_framework_is_whole_in_welsh() -> None:
    """Names, groups, descriptions and prompts of the 12 Cs; the six levels' labels,
    definitions and progress descriptors: each present and different from the English."""
    framework = load_framework()
    keys = [f"group.{g.id}" for g in framework.groups]
    for c in framework.components:
        keys += [f"c.{c.id}.title", f"c.{c.id}.description"]
        keys += [f"c.{c.id}.q{n}" for n in range(1, c.questions + 1)]
    for level in range(1, 7):
        keys += [f"scale.{level}.{part}" for part in ("label", "definition", "progress")]
    keys.append("scale.not_sure.label")
    not_welsh = [k for k in keys if not CY.get(k) or CY[k] == EN.get(k)]
    assert len(keys) == 2 + 12 * 5 + 19
    assert not_welsh == []


def test_no_welsh_text_was_translated_from_an_english_text_that_has_since_changed() -> None:
    stale = stale_keys()
    assert stale == [], (
        "the English of these keys changed since their Welsh was written: update the Welsh,"
        " then run `python -m tools.welsh_sources --record KEY …`:\n  " + "\n  ".join(stale)
    )


def test_a_changed_english_text_makes_its_welsh_stale(tmp_path: Path) -> None:
    changed = {**EN, "card.review.edit": "Change"}
    (tmp_path / "en.json").write_text(json.dumps(changed), encoding="utf-8")
    assert stale_keys(tmp_path / "en.json") == ["card.review.edit"]
