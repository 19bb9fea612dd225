"""Moving many rows or keys between Python and DuckDB at once (never row by row)."""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Bulk insert through Arrow, matching columns by name."""
    if not rows:
        return
    arrow = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB below
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")


def key_table(con: duckdb.DuckDBPyConnection, name: str, column: str,
              keys: list[str]) -> None:
    """A temporary one-column table of keys to join against: a join is hashed, while
    ``list_contains(?, column)`` compares every row with every key."""
    arrow = pa.table({column: pa.array(keys, pa.string())})  # noqa: F841 - read below
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT DISTINCT {column} FROM arrow")
