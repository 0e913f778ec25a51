import pytest
from pydantic import ValidationError

from assessment.framework import Framework, load_framework
from messages import load_catalogue


def test_the_model_has_twelve_cs_in_two_groups_numbered_in_order() -> None:
    framework = load_framework()
    assert framework.ids == tuple(f"C{n}" for n in range(1, 13))
    assert [g.id for g in framework.groups] == ["practitioners_agencies", "structures_processes"]
    assert framework.group_of("C5") == "practitioners_agencies"
    assert framework.group_of("C9") == "structures_processes"


def test_levels_one_and_two_demand_urgent_and_priority_action() -> None:
    framework = load_framework()
    assert [level.action for level in framework.scale[:3]] == ["urgent", "priority", None]


def test_every_c_and_level_has_its_words_in_the_catalogue() -> None:
    cat, framework = load_catalogue(), load_framework()
    for c in framework.components:
        assert cat.text(f"c.{c.id}.title") and cat.text(f"c.{c.id}.description")
        for q in range(1, c.questions + 1):
            assert cat.text(f"c.{c.id}.q{q}").endswith("?")
    for level in framework.scale:
        for part in ("label", "definition", "progress"):
            assert cat.text(f"scale.{level.value}.{part}")
    assert cat.text("c.C5.title") == "Congruence in Strategy and Operations"
    assert cat.text("scale.1.definition") == "Major weaknesses - urgent remedial action required"


@pytest.mark.parametrize(
    "typed, expected", [("C4", "C4"), ("c12", "C12"), ("7", "C7"), ("C13", None)]
)
def test_a_c_can_be_named_as_people_type_it(typed: str, expected: str | None) -> None:
    found = load_framework().find(typed)
    assert (found.id if found else None) == expected


def test_a_framework_with_a_c_in_no_group_is_refused() -> None:
    raw = load_framework().model_dump()
    raw["groups"][1]["cs"] = ["C9", "C10", "C11"]
    with pytest.raises(ValidationError, match="exactly one group"):
        Framework.model_validate(raw)
