"""Crash safety and locking, for real: a ``gestae ingest`` killed with SIGKILL mid-run, then
run again, leaves the store as one clean run does; a second writer gets a clear message."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from gestae.ingest.sources import iter_sources
from gestae.store import Store

CITIES = ["Mosul", "Basra", "Kirkuk", "Najaf", "Karbala", "Hilla", "Ramadi", "Tikrit",
          "Samarra", "Baquba", "Erbil", "Amara"]
OPENINGS = [
    "Gunmen attacked a checkpoint in {city} on Monday, killing {n} policemen, officials said.",
    "Hundreds of protesters marched through {city} on Friday to demand jobs and services.",
    "Police arrested {n} suspected militants in a raid near {city} late on Tuesday.",
    "A roadside bomb wounded {n} soldiers on the highway south of {city} on Sunday.",
    "The governor of {city} met tribal leaders on Wednesday to discuss the security plan.",
]
FOLLOW_UPS = [
    "Witnesses described scenes of panic as families fled the area.",
    "No group immediately claimed responsibility for the attack.",
    "The interior ministry said an investigation had been opened.",
    "Local residents have complained for months about power cuts and unemployment.",
    "Security was tightened across the province after the incident.",
    "A spokesman for the provincial council called for calm.",
]


def _corpus(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            city = CITIES[i % len(CITIES)]
            lines = [rng.choice(OPENINGS).format(city=city, n=rng.randint(2, 40))]
            lines += rng.sample(FOLLOW_UPS, 3)
            lines.append(f"Report number {i} was filed by correspondent {rng.randint(1, 10**6)}.")
            day = f"2021-0{1 + i % 9}-{10 + i % 18}"
            out.write(json.dumps({"id": f"a{i}", "date": day, "text": " ".join(lines)}) + "\n")


def _snapshot(path: str) -> tuple[list, list]:
    con = duckdb.connect(path, read_only=True)
    try:
        arts = con.execute("SELECT hash, id, status, n_events, near_dup_of FROM articles "
                           "ORDER BY hash").fetchall()
        ments = con.execute("SELECT mention_id, event_id, type, record FROM mentions "
                            "ORDER BY mention_id").fetchall()
    finally:
        con.close()
    return arts, ments


def _gestae(*args: str) -> list[str]:
    return [sys.executable, "-m", "gestae.cli", *args]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_ingest_resumes_to_the_clean_result(tmp_path, pipeline):
    corpus = tmp_path / "news.jsonl"
    _corpus(corpus, 160)
    killed_db = str(tmp_path / "killed.duckdb")
    proc = subprocess.Popen(
        _gestae("ingest", str(corpus), "--db", killed_db, "--batch-size", "4", "--progress"),
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    seen: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        while chunk := proc.stderr.read1(256):
            seen.append(chunk.decode("utf-8", "replace"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        done = [int(n) for n in re.findall(r"(\d+)/160", "".join(seen))]
        if done and max(done) >= 12:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed: " + "".join(seen)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _snapshot(killed_db)
    assert 0 < len(partial[0]) < 160

    resumed = subprocess.run(
        _gestae("ingest", str(corpus), "--db", killed_db, "--batch-size", "4"),
        capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "already stored" in resumed.stderr

    clean_db = str(tmp_path / "clean.duckdb")
    with Store(clean_db) as store:
        store.ingest(iter_sources([str(corpus)]), pipeline, batch_size=7)
    assert _snapshot(killed_db) == _snapshot(clean_db)


def test_second_writer_gets_a_clear_message(tmp_path):
    db = str(tmp_path / "locked.duckdb")
    with Store(db):
        result = subprocess.run(_gestae("events", "--db", db), capture_output=True, text=True,
                                timeout=120)
    assert result.returncode == 2
    assert "locked by another gestae process" in result.stderr
    assert "Traceback" not in result.stderr
