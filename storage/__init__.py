"""Store implementations: in-memory (tests), TinyDB (embedded, default), PostgreSQL (scale-out)."""
