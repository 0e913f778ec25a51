"""Case-data screening: what a practitioner types about a person is caught, ordinary
evidence about arrangements is not."""

from __future__ import annotations

import pytest

from assessment.case_patterns import nhs_check_digit_holds
from assessment.errors import CaseDataFound
from assessment.screening import Kind, require_no_case_data, screen

from .screening_corpus import BENIGN, CASE_DATA

MAX_FALSE_POSITIVE_RATE = 0.02
"""At most 1 ordinary sentence in 50 stopped: above that practitioners stop trusting it."""


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind.value, text[f.start : f.end]) for f in screen(text)]


# -- NHS numbers -------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919"])
def test_a_valid_nhs_number_is_found_however_it_is_spaced(number: str) -> None:
    assert found(f"NHS number {number} on file") == [("nhs_number", number)]


def test_the_check_digit_follows_the_published_mod_11_rule() -> None:
    assert nhs_check_digit_holds("9434765919")
    assert not nhs_check_digit_holds("9434765918")  # one digit off
    assert nhs_check_digit_holds("1000000060")  # 11 - 0 = 11 counts as check digit 0
    assert not any(nhs_check_digit_holds(f"100000001{d}") for d in "0123456789")  # 10: none


@pytest.mark.parametrize("number", ["943 476 5918", "123 456 7890", "401 023 2138"])
def test_ten_digits_with_a_wrong_check_digit_are_not_an_nhs_number(number: str) -> None:
    assert found(f"The figure {number} was in the report.") == []


def test_an_nhs_number_is_named_once_even_where_it_could_be_read_as_something_else() -> None:
    assert found("nhs: 401 023 2137") == [("nhs_number", "401 023 2137")]


# -- each kind, in the forms people write it ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 01/02/2019", ("date_of_birth", "01/02/2019")),
        ("born on 3rd March 2016", ("date_of_birth", "3rd March 2016")),
        ("d.o.b. 2014-07-21", ("date_of_birth", "2014-07-21")),
        ("lives in m1 1aa", ("postcode", "m1 1aa")),
        ("lives in SW1A1AA", ("postcode", "SW1A1AA")),
        ("lives in B33 8TH", ("postcode", "B33 8TH")),
        ("lives in W1A 0AX", ("postcode", "W1A 0AX")),
        ("lives in CR2 6XH", ("postcode", "CR2 6XH")),
        ("lives in DN55 1PT", ("postcode", "DN55 1PT")),
        ("lives in EC1A 1BB", ("postcode", "EC1A 1BB")),
        ("mobile 07912 345678", ("phone", "07912 345678")),
        ("mobile 07912-345-678", ("phone", "07912-345-678")),
        ("home (0161) 496 0000", ("phone", "(0161) 496 0000")),
        ("work 0300 123 4567", ("phone", "0300 123 4567")),
        ("call +44 (0)20 7946 0958", ("phone", "+44 (0)20 7946 0958")),
        ("call +447911123456", ("phone", "+447911123456")),
        ("e-mail kelly.smith88@gmail.com.", ("email", "kelly.smith88@gmail.com")),
        ("crime ref CR/012345/26", ("reference", "CR/012345/26")),
        ("URN 12AB3456789", ("reference", "12AB3456789")),
        ("case ref: 123456", ("reference", "123456")),
        ("LA case number 987 654", ("reference", "987 654")),
        ("NI JT 12 34 56 A", ("ni_number", "JT 12 34 56 A")),
        ("child Jayden was not seen", ("name", "child Jayden")),
        ("a boy called Liam", ("name", "boy called Liam")),
        ("Mrs Jones refused", ("name", "Mrs Jones")),
    ],
)
def test_each_kind_is_found_with_exactly_the_part_to_remove(
    text: str, expected: tuple[str, str]
) -> None:
    assert found(text) == [expected]


def test_findings_come_in_reading_order() -> None:
    text = "DOB 01/02/2019, M1 1AA, 07912 345678, NHS 943 476 5919"
    assert [kind for kind, _ in found(text)] == [
        "date_of_birth",
        "postcode",
        "phone",
        "nhs_number",
    ]


# -- what must pass ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "MASH, CAMHS and MARAC all attend; the 0-19 service does not.",
        "We met on 12/03/2025 and again at the strategy meeting 3 March.",
        "C4 is rated 2 for the 3rd year running; C12 is better.",
        "Since 2019 things have improved; the 2023/24 figures show it.",
        "3 of 12 referrals, about 40%, over 1,200 cases.",
        "The hub answers between 09:00 and 17:00, or 0900 to 1700.",
        "Ward 12 and ward 7B at the hospital.",
        "Childline 0800 1111, police 101, emergencies 999.",
        "Children aged under 5 are seen by health visitors.",
        "Learning from Child A and Family X was shared.",
        "The Child Protection conference and Child In Need plans.",
        "The review, born out of the audit on 12/02/2024, found gaps.",
    ],
)
def test_ordinary_evidence_about_arrangements_passes(text: str) -> None:
    assert found(text) == []


# -- measured on the corpora ------------------------------------------------------------


def test_the_benign_corpus_is_large_enough_to_measure() -> None:
    assert len(BENIGN) >= 150 and len(set(BENIGN)) == len(BENIGN)
    assert {kind for _, kind in CASE_DATA} == {k.value for k in Kind}


def test_the_false_positive_rate_on_ordinary_evidence_is_tolerable() -> None:
    flagged = [(text, found(text)) for text in BENIGN if screen(text)]
    assert len(flagged) / len(BENIGN) <= MAX_FALSE_POSITIVE_RATE, flagged


def test_every_sentence_with_case_data_is_caught_as_what_it_is() -> None:
    missed = [(t, kind, found(t)) for t, kind in CASE_DATA if kind not in dict(found(t))]
    assert missed == []


# -- refusing a save ---------------------------------------------------------------------


def test_a_refusal_lists_each_part_with_its_field() -> None:
    with pytest.raises(CaseDataFound) as refused:
        require_no_case_data({"evidence": "NHS 943 476 5919", "suggestion": "ring 07912 345678"})
    assert [(f.field, f.kind, f.found) for f in refused.value.flagged] == [
        ("evidence", Kind.NHS_NUMBER, "943 476 5919"),
        ("suggestion", Kind.PHONE, "07912 345678"),
    ]
    ids = [f.message_id for f in refused.value.flagged]
    assert ids == ["screening.nhs_number", "screening.phone"]


def test_the_refusal_itself_never_carries_the_typed_text() -> None:
    """What an exception says can reach a log line; only the kinds may."""
    with pytest.raises(CaseDataFound) as refused:
        require_no_case_data({"evidence": "Mum Kelly, 07912 345678"})
    said = str(refused.value) + repr(refused.value)
    assert "07912" not in said and "Kelly" not in said and "phone" in said


def test_clean_text_is_let_through() -> None:
    require_no_case_data({"evidence": "Thresholds are unclear", "suggestion": ""})
