"""The SQL of the PostgreSQL store: tables (a JSONB document and a revision per record)
and every statement, so the store module reads as plain calls."""

from __future__ import annotations

import re

TABLES = """
CREATE TABLE IF NOT EXISTS partnerships (
    id text PRIMARY KEY, revision integer NOT NULL, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS members (
    partnership_id text NOT NULL, aad_id text NOT NULL,
    PRIMARY KEY (partnership_id, aad_id));
CREATE INDEX IF NOT EXISTS members_by_person ON members (aad_id, partnership_id);
CREATE TABLE IF NOT EXISTS rounds (
    id text PRIMARY KEY, partnership_id text NOT NULL, opened_at timestamptz NOT NULL,
    revision integer NOT NULL, doc jsonb NOT NULL);
CREATE INDEX IF NOT EXISTS rounds_of_partnership ON rounds (partnership_id, opened_at);
CREATE TABLE IF NOT EXISTS people (
    tenant_id text NOT NULL, aad_id text NOT NULL, revision integer NOT NULL,
    doc jsonb NOT NULL, PRIMARY KEY (tenant_id, aad_id));
CREATE TABLE IF NOT EXISTS responses (
    round_id text NOT NULL, respondent text NOT NULL, tenant_id text NOT NULL,
    started_at timestamptz NOT NULL, revision integer NOT NULL, doc jsonb NOT NULL,
    PRIMARY KEY (round_id, respondent));
CREATE INDEX IF NOT EXISTS responses_by_person ON responses (tenant_id, respondent, started_at);
CREATE TABLE IF NOT EXISTS positions (
    round_id text NOT NULL, component_id text NOT NULL, revision integer NOT NULL,
    doc jsonb NOT NULL, PRIMARY KEY (round_id, component_id));
CREATE TABLE IF NOT EXISTS state (key text PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS publications (
    round_id text PRIMARY KEY, revision integer NOT NULL, doc jsonb NOT NULL);
"""

_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def quoted_schema(name: str) -> str:
    """The schema name, checked, ready to put in SQL (it cannot be a query parameter)."""
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a plain lower-case schema name: {name!r}")
    return f'"{name}"'


def _upsert_pair(table: str, keys: tuple[str, ...], extra: tuple[str, ...] = ()) -> tuple[str, str]:
    """Compare-and-set statements over (doc $1, revision $2, *keys, *extra from $3).

    The document arrives as JSON text (`$1::text::jsonb`): pydantic writes it in Rust, which
    is cheaper than `model_dump` plus `json.dumps` in Python for a response of a few KB."""
    columns = keys + extra
    slot = {c: f"${i}" for i, c in enumerate(columns, 3)}
    names = ", ".join(columns)
    insert = (
        f"INSERT INTO {table} (doc, revision, {names}) VALUES ($1::text::jsonb, $2, "
        f"{', '.join(slot.values())}) ON CONFLICT DO NOTHING RETURNING 1"
    )
    sets = "".join(f", {c} = {slot[c]}" for c in extra)
    match = " AND ".join(f"{c} = {slot[c]}" for c in keys)
    update = (
        f"UPDATE {table} SET doc = $1::text::jsonb, revision = revision + 1{sets} "
        f"WHERE revision = $2 AND {match} RETURNING 1"
    )
    return insert, update


SAVE_PARTNERSHIP = _upsert_pair("partnerships", ("id",))
SAVE_ROUND = _upsert_pair("rounds", ("id",), ("partnership_id", "opened_at"))
SAVE_PERSON = _upsert_pair("people", ("tenant_id", "aad_id"))
SAVE_POSITION = _upsert_pair("positions", ("round_id", "component_id"))
SAVE_RESPONSE = _upsert_pair("responses", ("round_id", "respondent"), ("tenant_id", "started_at"))

GET_PARTNERSHIP = "SELECT doc::text FROM partnerships WHERE id = $1"
GET_ROUND = "SELECT doc::text FROM rounds WHERE id = $1"
GET_PERSON = "SELECT doc::text FROM people WHERE tenant_id = $1 AND aad_id = $2"
GET_RESPONSE = "SELECT doc::text FROM responses WHERE round_id = $1 AND respondent = $2"

ADD_MEMBERS = (
    "INSERT INTO members (partnership_id, aad_id) SELECT $1, unnest($2::text[]) "
    "ON CONFLICT DO NOTHING"
)
REMOVE_MEMBERS = "DELETE FROM members WHERE partnership_id = $1 AND aad_id = ANY($2::text[])"
IS_MEMBER = "SELECT 1 FROM members WHERE partnership_id = $1 AND aad_id = $2"
PARTNERSHIPS_OF = (
    "SELECT partnership_id FROM members WHERE aad_id = $1 "
    "AND starts_with(partnership_id, $2) ORDER BY partnership_id"
)

ROUNDS_OF = "SELECT doc::text FROM rounds WHERE partnership_id = $1 ORDER BY opened_at, id"
RESPONSES_OF = "SELECT doc::text FROM responses WHERE round_id = $1 ORDER BY started_at"
RESPONSES_BY = (
    "SELECT doc::text FROM responses WHERE tenant_id = $1 AND respondent = $2 ORDER BY started_at"
)

GET_POSITION = "SELECT doc::text FROM positions WHERE round_id = $1 AND component_id = $2"
POSITIONS_OF = "SELECT doc::text FROM positions WHERE round_id = $1"

SAVE_PUBLICATION = _upsert_pair("publications", ("round_id",))
GET_PUBLICATION = "SELECT doc::text FROM publications WHERE round_id = $1"

READ_STATE = "SELECT key, doc FROM state WHERE key = ANY($1::text[])"
WRITE_STATE = (
    "INSERT INTO state (key, doc) VALUES ($1, $2) "
    "ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc"
)
DELETE_STATE = "DELETE FROM state WHERE key = ANY($1::text[])"

# -- audit log: INSERT-only; a trigger refuses UPDATE and DELETE even to the table's owner ----

AUDIT_TABLE = """
CREATE TABLE IF NOT EXISTS audit_log (
    seq bigserial PRIMARY KEY, id text NOT NULL UNIQUE, at timestamptz NOT NULL,
    partnership_id text, doc jsonb NOT NULL);
CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at);
DO $do$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 WHERE t.tgname = 'audit_log_append_only'
                   AND c.relnamespace = current_schema()::regnamespace) THEN
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $f$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  END IF;
END $do$;
"""
APPEND_AUDIT = "INSERT INTO audit_log (id, at, partnership_id, doc) VALUES ($1, $2, $3, $4)"
AUDIT_ENTRIES = (
    "SELECT doc::text FROM audit_log WHERE ($1::timestamptz IS NULL OR at >= $1) "
    "AND ($2::text IS NULL OR partnership_id = $2) ORDER BY seq"
)

# -- erasure and retention
ALL_ROUNDS = "SELECT doc::text FROM rounds ORDER BY opened_at, id"
DELETE_RESPONSE = "DELETE FROM responses WHERE round_id = $1 AND respondent = $2 RETURNING 1"
DELETE_PERSON = "DELETE FROM people WHERE tenant_id = $1 AND aad_id = $2 RETURNING 1"
# The day is read from the JSON document (an ISO date; null or missing in older records). No
# index: only the purge asks, once a day, and an index would be rewritten by every person save.
PEOPLE_UNSEEN_SINCE = (
    "SELECT doc::text FROM people "
    "WHERE doc->>'last_seen' IS NULL OR (doc->>'last_seen')::date < $1::date"
)

# -- follow-through (issue 11): reminders claimed before they are sent (one sender per key,
# -- whichever instance inserts first), and the members a reminder may reach ------------------
FOLLOWUP_TABLES = """
CREATE TABLE IF NOT EXISTS sent_reminders (
    key text PRIMARY KEY, round_id text NOT NULL, partnership_id text,
    sent_at timestamptz NOT NULL, doc jsonb NOT NULL);
CREATE TRIGGER sent_reminders_partnership BEFORE INSERT ON sent_reminders
  FOR EACH ROW EXECUTE FUNCTION fill_partnership_id();
CREATE INDEX IF NOT EXISTS sent_reminders_of_round ON sent_reminders (round_id, sent_at);
"""
CLAIM_REMINDER = (
    "INSERT INTO sent_reminders (key, round_id, sent_at, doc) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (key) DO UPDATE SET sent_at = EXCLUDED.sent_at, doc = EXCLUDED.doc "
    "WHERE sent_reminders.doc->>'confirmed' = 'false' AND sent_reminders.sent_at <= $5 "
    "RETURNING 1"
)
"""Insert, or take over a claim never confirmed whose lease ($5: claimed at or before) ran
out; the row lock of ON CONFLICT DO UPDATE makes a second taker see the first one's claim."""
CONFIRM_REMINDER = (
    "UPDATE sent_reminders SET doc = jsonb_set(doc, '{confirmed}', 'true') WHERE key = $1"
)
RELEASE_REMINDER = "DELETE FROM sent_reminders WHERE key = $1"
REMINDERS_OF = "SELECT doc::text FROM sent_reminders WHERE round_id = $1 ORDER BY sent_at, key"
MEMBERS_OF = "SELECT aad_id FROM members WHERE partnership_id = $1 ORDER BY aad_id"
FORGET_REMINDERS = (
    "WITH gone AS (DELETE FROM sent_reminders WHERE round_id = $1 AND doc->>'recipient' = $2 "
    "RETURNING 1) SELECT count(*) FROM gone"
)
DROP_REMINDERS = (
    "WITH gone AS (DELETE FROM sent_reminders WHERE round_id = $1 RETURNING 1) "
    "SELECT count(*) FROM gone"
)
