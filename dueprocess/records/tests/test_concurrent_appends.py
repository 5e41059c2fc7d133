"""Concurrent writers to one chain never fork it or leave a gap: 32 threads on PostgreSQL (row lock
on the chain head), separate processes on SQLite (immediate transactions on one database file)."""

import os
import sqlite3
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.db import connection, connections

from dueprocess.records.events import case_chain, record_event
from dueprocess.records.models import Event
from dueprocess.records.verification import verify_chain

THREADS = 32
PER_THREAD = 10
PROCESSES = 12
PER_PROCESS = 20


def append_from_threads(chain) -> list[BaseException]:
    start, errors = threading.Barrier(THREADS), []

    def work(n: int) -> None:
        try:
            start.wait()
            for index in range(PER_THREAD):
                record_event(None, "plan.checked_in", actor=None, data={"thread": n, "i": index}, chain=chain)
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads share one SQLite file poorly; see below"
)
def test_32_threads_appending_to_one_chain_leave_one_unbroken_chain(transactional_db):
    chain = case_chain(uuid.uuid4())
    assert append_from_threads(chain) == []
    events = list(Event.objects.filter(chain=chain).order_by("sequence").values_list("sequence", "data"))
    assert [sequence for sequence, _data in events] == list(range(1, THREADS * PER_THREAD + 1))
    for n in range(THREADS):  # each writer's own events stay in the order it wrote them
        assert [data["i"] for _s, data in events if data["thread"] == n] == list(range(PER_THREAD))
    result = verify_chain(chain)
    assert result.ok and result.events_checked == THREADS * PER_THREAD


def run_django(data_dir: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DUEPROCESS_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "dueprocess.settings",
        "DUEPROCESS_LANGUAGE": "en",  # the assertions read the command's English output
    }
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, check=False, **kwargs
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite run covers this")
def test_processes_appending_to_one_sqlite_chain_leave_one_unbroken_chain(tmp_path):
    # A database file of the test's own: the test database may live in memory, which other
    # processes cannot open.
    assert run_django(tmp_path, "-m", "django", "migrate", "-v0").returncode == 0
    key, start = f"case:{uuid.uuid4()}", tmp_path / "start"
    worker = ["-m", "dueprocess.records.tests.append_worker", key, str(PER_PROCESS), str(start)]
    env = {**os.environ, "DUEPROCESS_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    processes = [subprocess.Popen([sys.executable, *worker], env=env) for _ in range(PROCESSES)]
    start.touch()
    assert [process.wait(timeout=120) for process in processes] == [0] * PROCESSES

    with sqlite3.connect(tmp_path / "dueprocess.sqlite3") as database:
        rows = database.execute("SELECT sequence, data FROM records_event ORDER BY sequence").fetchall()
    assert [sequence for sequence, _data in rows] == list(range(1, PROCESSES * PER_PROCESS + 1))
    verified = run_django(tmp_path, "-m", "django", "verify_records")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert f"{PROCESSES * PER_PROCESS} events" in verified.stdout
