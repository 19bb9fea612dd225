"""The one error type of the ingest stage: input gestae cannot read, with a message a user
can act on (the CLI prints it and exits non-zero, without a traceback)."""

from __future__ import annotations


class InputError(ValueError):
    """Unreadable or invalid input: empty, binary, not UTF-8, too large, malformed."""
