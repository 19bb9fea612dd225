"""Errors the store raises; the CLI prints them as one line and exits non-zero."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or used as asked (the file is left as it was)."""


class StoreLocked(StoreError):
    """Another process holds the store open for writing."""
