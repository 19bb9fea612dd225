"""The event store: articles and their events in one embedded DuckDB file."""

from gestae.store.errors import StoreError, StoreLocked
from gestae.store.query import EventFilter
from gestae.store.store import Store

__all__ = ["EventFilter", "Store", "StoreError", "StoreLocked"]
