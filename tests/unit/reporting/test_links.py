"""Report links: signed, expiring, naming no one; any change to the token breaks it."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest

from reporting.formats import ReportFormat
from reporting.links import LINK_LIFETIME, BadLink, LinkSigner

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
SIGNER = LinkSigner(b"a-test-key-of-32-characters-long")
LEAD = "8f1c2d3e-lead-aad-object-id"


def test_a_link_grants_its_round_and_format_to_its_lead_until_it_expires() -> None:
    token = SIGNER.issue("round-1", ReportFormat.PDF, LEAD, NOW)
    grant = SIGNER.check(token, NOW + LINK_LIFETIME - timedelta(seconds=1))
    assert (grant.round_id, grant.fmt) == ("round-1", ReportFormat.PDF)
    assert grant.lead_among(SIGNER, ["someone-else", LEAD]) == LEAD
    assert grant.lead_among(SIGNER, ["someone-else"]) is None


def test_a_link_is_refused_from_fifteen_minutes_on() -> None:
    token = SIGNER.issue("round-1", ReportFormat.PDF, LEAD, NOW)
    with pytest.raises(BadLink, match="expired"):
        SIGNER.check(token, NOW + timedelta(minutes=15))


def test_the_link_names_no_person() -> None:
    token = SIGNER.issue("round-1", ReportFormat.XLSX, LEAD, NOW)
    body = token.split(".")[0]
    payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()
    assert LEAD not in payload and LEAD not in token


def test_a_tampered_link_is_refused() -> None:
    token = SIGNER.issue("round-1", ReportFormat.CSV, LEAD, NOW)
    body, signature = token.split(".")
    raw = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    raw["e"] += 3600  # a longer life
    forged = base64.urlsafe_b64encode(json.dumps(raw).encode()).rstrip(b"=").decode()
    for bad in (f"{forged}.{signature}", token[:-2] + "xx", body, "", "a.b.c"):
        with pytest.raises(BadLink):
            SIGNER.check(bad, NOW)


def test_a_link_made_with_another_key_is_refused() -> None:
    other = LinkSigner(b"another-key-of-32-characters-lon")
    with pytest.raises(BadLink):
        SIGNER.check(other.issue("round-1", ReportFormat.PDF, LEAD, NOW), NOW)
