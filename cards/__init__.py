"""Adaptive Cards (schema 1.5) as pure functions from domain objects to card dicts."""
