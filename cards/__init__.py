"""Adaptive Cards (schema 1.5) as pure functions from domain objects to card dicts."""

from cards.conversation import build_help_card, build_notice_card, build_welcome_card
from cards.detail import build_detail_card
from cards.elements import execute
from cards.my_answers import build_my_answers_card
from cards.onboarding import build_agency_card, build_announcement_card, build_round_choice_card
from cards.question import build_question_card
from cards.review import build_review_card
from cards.stale import build_stale_position_card
from cards.summary import build_summary_card

__all__ = [
    "build_agency_card",
    "build_announcement_card",
    "build_detail_card",
    "build_help_card",
    "build_my_answers_card",
    "build_notice_card",
    "build_question_card",
    "build_review_card",
    "build_round_choice_card",
    "build_stale_position_card",
    "build_summary_card",
    "build_welcome_card",
    "execute",
]
