"""Opening a store file safely: lock conflicts, foreign files and schema versions."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import duckdb

from gestae.store import schema
from gestae.store.errors import StoreError, StoreLocked

DEFAULT_STORE = "gestae.duckdb"


def default_path() -> str:
    """``$GESTAE_DB`` or ``gestae.duckdb`` in the working directory."""
    return os.environ.get("GESTAE_DB") or DEFAULT_STORE


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = re.search(r"PID (\d+)", message)
            holder = f" (PID {pid.group(1)})" if pid else ""
            raise StoreLocked(
                f"{path}: store is locked by another gestae process{holder}; wait for it to "
                "finish or use another --db") from None
        raise StoreError(f"{path}: not a DuckDB database ({_first_line(message)})") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store ({_first_line(str(exc))})") from None


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unknown error"


def _check_version(path: str, version: int | None) -> None:
    if version is None:
        raise StoreError(f"{path}: a DuckDB database, but not a gestae store; give another --db")
    if version > schema.SCHEMA_VERSION:
        raise StoreError(
            f"{path}: made by a newer gestae (store schema {version}; this gestae reads up to "
            f"{schema.SCHEMA_VERSION}); upgrade gestae. The store was not changed.")


def open_store(path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to a store at its current schema, created or upgraded when writable.

    The version is checked on a read-only connection first, so a store from a newer gestae,
    or a file that is not ours, is never written to.
    """
    exists = Path(path).exists()
    if exists and Path(path).is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    folder = Path(path).resolve().parent
    if not exists and not folder.is_dir():
        raise StoreError(f"{path}: folder {folder} does not exist")
    if not exists and read_only:
        raise StoreError(f"{path}: no such store; create it with `gestae ingest ... --db {path}`")
    if exists:
        probe = _connect(path, read_only=True)
        try:
            version = schema.version_of(probe)
        finally:
            probe.close()
        _check_version(path, version)
    else:
        version = 0
    con = _connect(path, read_only=read_only)
    if read_only:
        if version < schema.SCHEMA_VERSION:
            con.close()
            raise StoreError(
                f"{path}: store schema {version} is older than this gestae's "
                f"({schema.SCHEMA_VERSION}); run `gestae stats --db {path}` once to upgrade it")
        return con
    if version < schema.SCHEMA_VERSION:
        schema.migrate(con, version)
        if version > 0:
            print(f"gestae: upgraded store {path} from schema {version} to "
                  f"{schema.SCHEMA_VERSION}", file=sys.stderr)
    return con
