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
    REPORT = "report"


@dataclass(frozen=True)
class Command:
    verb: Verb
    argument: str = ""
    named: bool = False


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
            return Command(_ALIASES[alias], argument, named)
    return None
