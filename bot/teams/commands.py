"""Parse what a person typed into a command; anything unrecognised is `None` (help follows)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

MAX_COMMAND = 500
"""Longer messages are not commands (a pasted essay gets help, not a round title)."""


class Verb(StrEnum):
    HELP = "help"
    LANGUAGE = "language"  # language / iaith (issue 13)
    START = "start"
    RESUME = "resume"
    MY_ANSWERS = "my answers"
    OPEN_ROUND = "open round"
    CLOSE_ROUND = "close round"
    SUMMARY = "summary"
    ADD_LEAD = "add lead"
    AUDIT = "audit"
    DELETE_MY_ANSWERS = "delete my answers"
    STOP_REMINDERS = "stop reminders"
    START_REMINDERS = "start reminders"
    AGENCIES = "agencies"
    STOP_DIGEST = "stop digest"
    REPORT = "report"


@dataclass(frozen=True)
class Command:
    verb: Verb
    argument: str = ""
    named: bool = False
    closes: str | None = None
    """`--closes <date>` as typed ("" when the flag came without a date); issue 11."""
    digest: bool = False
    """`--digest`: a weekly progress note to the channel; issue 11."""
    remind_after: str | None = None
    """`--remind-after <days>` as typed; issue 11."""


_ALIASES: dict[str, Verb] = {
    "help": Verb.HELP,
    "?": Verb.HELP,
    "hi": Verb.HELP,
    "hello": Verb.HELP,
    "start": Verb.START,
    "begin": Verb.START,
    "resume": Verb.RESUME,
    "continue": Verb.RESUME,
    "my answers": Verb.MY_ANSWERS,
    "my answer": Verb.MY_ANSWERS,
    "answers": Verb.MY_ANSWERS,
    "open round": Verb.OPEN_ROUND,
    "close round": Verb.CLOSE_ROUND,
    "summary": Verb.SUMMARY,
    "add lead": Verb.ADD_LEAD,
    # erasure
    "delete my answers": Verb.DELETE_MY_ANSWERS,
    "delete my data": Verb.DELETE_MY_ANSWERS,
    "erase my answers": Verb.DELETE_MY_ANSWERS,
}
# -- Welsh command words, and the language choice (issue 13) ---------------------------------
_ALIASES.update(
    {
        "cymorth": Verb.HELP,
        "helo": Verb.HELP,
        "dechrau": Verb.START,
        "cychwyn": Verb.START,
        "ailddechrau": Verb.RESUME,
        "parhau": Verb.RESUME,
        "fy atebion": Verb.MY_ANSWERS,
        "fy ateb": Verb.MY_ANSWERS,
        "atebion": Verb.MY_ANSWERS,
        "agor cylch": Verb.OPEN_ROUND,
        "cau cylch": Verb.CLOSE_ROUND,
        "crynodeb": Verb.SUMMARY,
        "ychwanegu arweinydd": Verb.ADD_LEAD,
        "dileu fy atebion": Verb.DELETE_MY_ANSWERS,
        "dileu fy nata": Verb.DELETE_MY_ANSWERS,
        "archwilio": Verb.AUDIT,
        "cofnod archwilio": Verb.AUDIT,
        "language": Verb.LANGUAGE,
        "iaith": Verb.LANGUAGE,
        "adroddiad": Verb.REPORT,
        "adroddiad y bwrdd": Verb.REPORT,
        "atal negeseuon atgoffa": Verb.STOP_REMINDERS,
        "dechrau negeseuon atgoffa": Verb.START_REMINDERS,
        "asiantaethau": Verb.AGENCIES,
        "atal crynodeb wythnosol": Verb.STOP_DIGEST,
    }
)
LANGUAGE_WORDS: dict[str, str] = {
    "cymraeg": "cy",
    "welsh": "cy",
    "cy": "cy",
    "english": "en",
    "saesneg": "en",
    "en": "en",
}
"""`iaith cymraeg`, `language english`, or the bare word: switch at once, no card."""

# -- administrators ---------------------------------------------------------------------------
_ALIASES["audit"] = Verb.AUDIT
_ALIASES["audit log"] = Verb.AUDIT

# -- follow-through (issue 11) ----------------------------------------------------------------
_ALIASES["stop reminders"] = Verb.STOP_REMINDERS
_ALIASES["stop reminder"] = Verb.STOP_REMINDERS
_ALIASES["start reminders"] = Verb.START_REMINDERS
_ALIASES["agencies"] = Verb.AGENCIES
_ALIASES["stop digest"] = Verb.STOP_DIGEST
# the same in Welsh (messages/cy.json tells Welsh readers these words)
_ALIASES["atal negeseuon atgoffa"] = Verb.STOP_REMINDERS
_ALIASES["dechrau negeseuon atgoffa"] = Verb.START_REMINDERS
_ALIASES["asiantaethau"] = Verb.AGENCIES
_ALIASES["atal y nodyn wythnosol"] = Verb.STOP_DIGEST
_ALIASES["agency list"] = Verb.AGENCIES
# -- the board's report (issue 12) ------------------------------------------------------------
_ALIASES["report"] = Verb.REPORT
_ALIASES["board report"] = Verb.REPORT

_NAMED_FLAG = re.compile(r"(^|\s)--named(\s|$)")


def parse_command(text: str) -> Command | None:
    """`open round Autumn review --named` → Command(OPEN_ROUND, "Autumn review", named=True)."""
    clean = " ".join(text.split())
    if not clean or len(clean) > MAX_COMMAND:
        return None
    lowered = clean.lower()
    if lowered in LANGUAGE_WORDS:  # a bare "Cymraeg" or "English" (issue 13)
        return Command(Verb.LANGUAGE, lowered)
    for alias in sorted(_ALIASES, key=len, reverse=True):
        if lowered == alias or lowered.startswith(alias + " "):
            argument = clean[len(alias) :].strip()
            named = bool(_NAMED_FLAG.search(argument))
            argument = " ".join(_NAMED_FLAG.sub(" ", argument).split())
            argument, closes, digest = _followup_flags(argument)
            argument, remind_after = _value_flag(_REMIND_AFTER_FLAG, argument)
            return Command(_ALIASES[alias], argument, named, closes, digest, remind_after)
    return None


# -- follow-through flags (issue 11) ----------------------------------------------------------
_CLOSES_FLAG = re.compile(r"(^|\s)--closes(?:\s+(?!--)(\S+))?(?=\s|$)")
_DIGEST_FLAG = re.compile(r"(^|\s)--digest(\s|$)")


def _followup_flags(argument: str) -> tuple[str, str | None, bool]:
    """`Winter --closes 2027-01-31 --digest` → ("Winter", "2027-01-31", True)."""
    found = _CLOSES_FLAG.search(argument)
    closes = (found.group(2) or "") if found else None
    argument = _CLOSES_FLAG.sub(" ", argument)
    digest = bool(_DIGEST_FLAG.search(argument))
    argument = _DIGEST_FLAG.sub(" ", argument)
    return " ".join(argument.split()), closes, digest


_REMIND_AFTER_FLAG = re.compile(r"(^|\s)--remind-after(?:\s+(?!--)(\S+))?(?=\s|$)")


def _value_flag(flag: re.Pattern[str], argument: str) -> tuple[str, str | None]:
    """The flag's value ("" without one, None when absent) and the argument without it."""
    found = flag.search(argument)
    value = (found.group(2) or "") if found else None
    return " ".join(flag.sub(" ", argument).split()), value
