"""Use cases of the self-assessment over a `Store`: framework-free, so any host can call them.

Each method validates, then changes at most one record with a compare-and-set save; on a
refusal it raises an `AssessmentError` and the store is unchanged. The methods live by
subject — membership.py, rounds.py, lead_access.py, walk.py — and this class joins them so
a host holds one object.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from assessment.clock import Clock, utc_now
from assessment.framework import Framework, load_framework
from assessment.ports import Store
from assessment.pseudonym import Pseudonymiser
from assessment.rounds import RoundUseCases
from assessment.walk import WalkUseCases


@dataclass
class AssessmentService(RoundUseCases, WalkUseCases):
    store: Store
    framework: Framework = field(default_factory=load_framework)
    clock: Clock = utc_now
    administrators: frozenset[str] = frozenset()
    pseudonyms: Pseudonymiser = field(
        default_factory=lambda: Pseudonymiser(secrets.token_bytes(32))
    )
    """Keys respondents of anonymous rounds; the app passes one with the configured key."""
