"""The one message catalogue: every user-facing string, keyed by id, one JSON file a language."""

from messages.catalogue import Catalogue, load_catalogue

__all__ = ["Catalogue", "load_catalogue"]
