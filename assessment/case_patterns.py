"""The detectors behind `assessment.screening`: each yields (kind, start, end) in one text.

Hand-written with the standard library `re`, except phone numbers:
- **Phone numbers** use `phonenumbers` (Google's libphonenumber, maintained, typed): it finds
  numbers in free text in every written form (spaces, dashes, brackets, +44, 0044) and already
  refuses dates and plain figures. We keep its *possible* numbers (not only the currently
  allocated ranges, which change) written as UK numbers (0…, +44…, 0044…) that are mobiles or
  landlines (after the 0: 1, 2, 3 or 7). 0800/0808 helplines pass; a service's 01/03 line
  is flagged like a person's, as text alone cannot tell them apart.
- **NHS numbers** are a published mod-11 checksum (a few lines, no package needed): only
  numbers whose check digit holds are flagged, so an ordinary 10-digit figure rarely is.
- **Postcodes**: no maintained PyPI package finds UK postcodes in running text; one pattern
  does, and accepting only the ~120 real postcode areas keeps "C4 3rd" or "Y10 1AB" out.
- **Dates of birth**: a full date counts only near a birth word ("born", "DOB", "date of
  birth", "birthday"; "aged" right before), so meeting dates and years never do; "born
  after/before/since" a date describes a cohort, not a person.
- **E-mail addresses**: every address, a team's mailbox too (text cannot tell `mash@` from
  `jane.smith@`); a card can name the mailbox in words.
- **References**: police-style `XX/123456/26` forms anywhere, and a value with 4 digits or more
  right after a reference label ("case ref", "URN", "crime number", "Mosaic ID" …);
  National Insurance numbers by their official letter rules.
- **Names** cannot be found reliably in free text (no list of names is complete, and many
  names are also words). We flag only high-precision forms: a title with a surname ("Mrs
  Jones", "Dr Patel") and a person word followed by a capitalised name ("child Jayden", "mum
  Kelly", "a boy called Liam", "nurse Sarah"). Single-letter labels ("Child A", "Family X")
  are how reviews anonymise, so they pass, as do the capitalised words that follow such
  words in service names ("Child Protection", "Baby Unit").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

Hit = tuple[str, int, int]
"""(kind, start, end) of one suspected identifier."""

_EDGE = r"(?<![\w/.-])"
_END = r"(?![\w/-]|\.\d)"

_NHS = re.compile(_EDGE + r"(\d{3})[ -]?(\d{3})[ -]?(\d{4})" + _END)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_AREA_CODES = (
    "AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
    "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L "
    "LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA "
    "SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS "
    "WV YO ZE"
)
_AREAS = frozenset(_AREA_CODES.split())
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?i:(?P<area>[A-Z]{1,2})\d(?:\d|[A-Z])? ?\d[ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9])"
)
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    r"(?<![\w/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})(?![\w/-])"
)
_BIRTH_WORD = re.compile(
    r"(?i)\b(?:born(?!\s+(?:out|after|before|since|between|from)\b)|d\.?\s?o\.?\s?b\b\.?"
    r"|date\s+of\s+birth|birthday)"
)
_AGED = re.compile(r"(?i)\baged\b")
"""Weaker than a birth word ("children aged 0-5 (from 1 April 2025)"): only right before."""
_POLICE_REF = re.compile(r"(?<![\w/])(?:[A-Za-z]{1,4}|\d{1,3})/\d{4,}/\d{2,4}(?![\w/])")
_LABELLED_REF = re.compile(
    r"(?i:\b(?:(?:case|crime|incident|occurrence|log|referral|client|person|child|family|"
    r"mosaic|lcs|eclipse|liquidlogic|police|cris|niche|athena|storm)\s*"
    r"(?:ref(?:erence)?|no|num(?:ber)?|id)|ref(?:erence)?|urn|crn|occurrence)\b)"
    r"\.?\s*(?i:no\.?|number|id)?\s*[:#]?\s*"
    r"(?P<ref>[A-Za-z0-9][A-Za-z0-9/-]*(?:\s\d{2,})*)(?![\w/])"
)
_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+\s?44|0044|\(?0)[\d\s()./-]{8,20}\d")
"""Where a UK number may be: +44, 0044 or 0 (maybe bracketed), then 9+ figures and marks."""
_NI_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?i:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])"
    r"(?![A-Za-z0-9])"
)
_PERSON_WORD = (
    r"(?:(?i:child|baby|infant|toddler|boy|girl|son|daughter|step-?son|step-?daughter|mother|"
    r"mum|mom|father|dad|step-?dad|step-?mum|step-?father|step-?mother|brother|sister|"
    r"sibling|grandmother|grandfather|grandma|grandad|nan|gran|aunt|auntie|uncle|cousin|"
    r"nephew|niece|young\s+person|pupil|student|victim|perpetrator|suspect|offender)"
    r"|colleague|manager|worker|nurse|teacher|officer)"
)
"""Family words in any case; job titles only in lower case ("nurse Sarah"), since title-cased
("Nurse Practitioners", "Teacher Training") they are usually the start of a service's name."""
_NAME = r"[A-Z](?:['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?"
_NAMED_PERSON = re.compile(
    rf"\b{_PERSON_WORD},?\s+(?:(?i:called|named|known\s+as)\s+)?(?P<name>{_NAME}"
    rf"(?:\s+{_NAME})?)"
)
_TITLED = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?P<name>{_NAME})")
_NOT_NAME_WORDS = (
    "Abuse Act Advocate Arrangements Assessment Assessments Benefit Board Care Case Cases "
    "Centre Centres Conference Conferences Contact Court Courts Criminal Death Development "
    "Early Exploitation Families Family First Focus Friendly Group Groups Health Help Helpline "
    "Hub Hubs In Law Liaison Line Looked Loan Maintenance Management Manager Matters Mental "
    "Missing Nurse Officer Panel Partnership Plan Plans Poverty Practice Premium Protection "
    "Review Reviews Safeguarding Service Services Sexual Social Support Tax Team Teams "
    "Trafficking Trust Unit Voice Voices Workers Worker Barnardo Barnardos"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def find_all(text: str) -> Iterator[Hit]:
    """Every suspected identifier in `text`, in no particular order, possibly overlapping."""
    yield from _nhs_numbers(text)
    yield from _phones(text)
    yield from _matches("email", _EMAIL, text)
    yield from _postcodes(text)
    yield from _dates_of_birth(text)
    yield from _matches("reference", _POLICE_REF, text)
    yield from _labelled_references(text)
    yield from _matches("ni_number", _NI_NUMBER, text)
    yield from _names(text)


def nhs_check_digit_holds(digits: str) -> bool:
    """The NHS number's mod-11 check: 11 - (Σ dᵢ·(11-i), i = 1..9, mod 11); 11 → 0, 10 → none."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    return check != 10 and (0 if check == 11 else check) == int(digits[9])


def _nhs_numbers(text: str) -> Iterator[Hit]:
    for match in _NHS.finditer(text):
        if nhs_check_digit_holds("".join(match.groups())):
            yield "nhs_number", match.start(), match.end()


def _phones(text: str) -> Iterator[Hit]:
    """The matcher runs only on stretches that start like a UK number (cheap to find), so a
    long run of figures costs little."""
    leniency = phonenumbers.Leniency.POSSIBLE
    for candidate in _PHONE_LIKE.finditer(text):
        offset = candidate.start()
        for match in phonenumbers.PhoneNumberMatcher(candidate.group(), "GB", leniency=leniency):
            written = match.raw_string.lstrip("(")
            national = str(match.number.national_number)
            uk_form = written.startswith(("0", "+44", "0044")) and match.number.country_code == 44
            if uk_form and national[0] in "1237" and 9 <= len(national) <= 10:
                yield "phone", offset + match.start, offset + match.end


def _postcodes(text: str) -> Iterator[Hit]:
    for match in _POSTCODE.finditer(text):
        if match.group("area").upper() in _AREAS:
            yield "postcode", match.start(), match.end()


def _matches(kind: str, pattern: re.Pattern[str], text: str) -> Iterator[Hit]:
    for match in pattern.finditer(text):
        yield kind, match.start(), match.end()


def _labelled_references(text: str) -> Iterator[Hit]:
    """A label's value counts when it has 4 digits or more ("case ref 12" is a count)."""
    for match in _LABELLED_REF.finditer(text):
        if sum(c.isdigit() for c in match.group("ref")) >= 4:
            yield "reference", match.start("ref"), match.end("ref")


def _dates_of_birth(text: str) -> Iterator[Hit]:
    for match in _DATE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() : match.end() + 15]
        aged = _AGED.search(before[-12:])
        if _BIRTH_WORD.search(before) or _BIRTH_WORD.search(after) or aged:
            yield "date_of_birth", match.start(), match.end()


def _names(text: str) -> Iterator[Hit]:
    for pattern in (_NAMED_PERSON, _TITLED):
        for match in pattern.finditer(text):
            first = match.group("name").split()[0]
            if first not in _NOT_NAMES:
                yield "name", match.start(), match.end()
