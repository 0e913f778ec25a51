"""Action verbs the cards send and the bot routes on; card data keys are camelCase.

Every card action is an `Action.Execute` with `verb` and `data`, plus an `Action.Submit`
fallback whose `data` is the same dict with `"verb"` added (it arrives as a message `value`).
Inputs are merged into the data on submit, all as strings.
"""

from typing import Final

START: Final = "start"  # data: roundId                 (announcement card)
CHOOSE_ROUND: Final = "chooseRound"  # data: roundId                (round choice card)
AGENCY: Final = "agency"  # data: roundId; input: agency   (agency card)
ANSWER: Final = "answer"  # data: roundId, componentId, rev; inputs: rating, evidence, suggestion
SKIP: Final = "skip"  # data: roundId, componentId, rev
BACK: Final = "back"  # data: roundId, componentId, rev
STOP: Final = "stop"  # data: roundId, componentId, rev; inputs as ANSWER (saved if valid)
EDIT: Final = "edit"  # data: roundId, componentId, rev (review card)
SUBMIT: Final = "submit"  # data: roundId, rev (review card)
RESUME: Final = "resume"  # data: roundId (from "my answers" / stop card)

# The partnership lead's cards (summary, one C in detail, the agreed-position form).
SUMMARY: Final = "summary"  # data: roundId (refresh the summary)
DETAIL: Final = "detail"  # data: roundId, componentId (drill into one C)
POSITION: Final = "position"  # data: roundId, componentId, rev (of the position); inputs below
REMIND: Final = "remind"  # data: roundId, agency (post a reminder to take part)

# The board's report, from the summary (links go to the lead's 1:1 chat).
REPORT: Final = "report"  # data: roundId

# Erasure ("delete my answers", 1:1 chat only).
ERASE: Final = "erase"  # data: fingerprint (of the plan the card showed)
ERASE_CANCEL: Final = "eraseCancel"  # data: none

# Follow-through (issue 11): reminders the bot sends on its own.
STOP_REMINDERS: Final = "stopReminders"  # data: none (reminder cards, 1:1 chat)
ACTION_STATUS: Final = "actionStatus"  # data: roundId, componentId, status (detail, review card)
AGENCIES: Final = "agencies"  # data: roundId; input: agencies (comma-separated values)
INPUT_AGENCIES: Final = "agencies"

INPUT_RATING: Final = "rating"
INPUT_EVIDENCE: Final = "evidence"
INPUT_SUGGESTION: Final = "suggestion"
INPUT_AGENCY: Final = "agency"
INPUT_SCORE: Final = "score"  # "1".."6", or blank (" " or ""): not agreed yet
INPUT_POSITION_EVIDENCE: Final = "evidence"
INPUT_ACCOUNTABILITY: Final = "accountability"
INPUT_STAKEHOLDERS: Final = "stakeholders"
INPUT_ACTION_PLAN: Final = "actionPlan"
INPUT_TIMEFRAME: Final = "timeframe"  # a position.Timeframe value, or blank (" " or "")
INPUT_REVIEW_DATES: Final = ("reviewDate1", "reviewDate2", "reviewDate3")  # YYYY-MM-DD

# Language (issue 13): a person's own language, and a partnership's order for shared posts.
LANGUAGE: Final = "language"  # data: language ("en" | "cy")
SHARED_LANGUAGE: Final = "sharedLanguage"  # data: welshFirst (bool), in a team or group chat
