"""The administrator's audit card passes Microsoft's Adaptive Cards SDK (1.5) when empty and
when full, and stays small."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from assessment.audit import AuditAction, AuditEntry
from cards.audit import AUDIT_CARD_ENTRIES, build_audit_card
from messages import load_catalogue
from tests.support.node_tools import validate_cards

CAT = load_catalogue()


def full_log() -> list[AuditEntry]:
    at = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    return [
        AuditEntry(
            at=at + timedelta(hours=n),
            action=list(AuditAction)[n % len(AuditAction)],
            who="7a5c1f3e-0000-4000-8000-00000000000" + str(n % 10),
            partnership_id="t/team/19:partnership-team@thread.tacv2",
            round_id="0f" * 16,
            details={"component": "C12", "fields": ("accountability", "action_plan", "score")},
        )
        for n in range(AUDIT_CARD_ENTRIES)
    ]


def test_the_sdk_accepts_the_audit_card_empty_and_full() -> None:
    cards = [build_audit_card(CAT, []), build_audit_card(CAT, full_log())]
    for report in validate_cards(cards):
        assert report.errors == [] and report.warnings == []
    assert len(json.dumps(cards[1]).encode()) < 28 * 1024
