"""The record's speed: appends per second to one chain, and verification of a long chain.

    .venv/bin/python bench/bench_records.py [--events 1000000] [--appends 2000] [--writers 8]
                                            [--database-url postgres://postgres@127.0.0.1:5432/postgres]

Each database is measured in a fresh process on a scratch database of its own: a new SQLite file
in a temporary folder, and (with --database-url) a new PostgreSQL database created on that server
and dropped afterwards. Appends go through ``record_event``, each in its own transaction, from one
writer and then from several processes at once. Verification times ``verify_chain`` over a chain
of --events events (bulk-inserted with correct hashes: the triggers refuse only UPDATE and DELETE)
and compares it with bare ``hashlib.sha256`` over exactly the bytes verification hashes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BATCH = 5_000
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


# --- The parent: one child process per database --------------------------------------------------
def main() -> None:
    options = parse()
    results = [run_child("sqlite", options, {})]
    if options.database_url:
        with scratch_postgres(options.database_url) as url:
            results.append(run_child("postgresql", options, {"DATABASE_URL": url}))
    print_table(results, options)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="length of the chain to verify")
    parser.add_argument("--appends", type=int, default=2_000, help="appends timed for each writer setting")
    parser.add_argument("--writers", type=int, default=8, help="processes appending at once")
    parser.add_argument("--database-url", help="a PostgreSQL server to measure as well")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser.parse_args()


def run_child(vendor: str, options: argparse.Namespace, extra_env: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="dueprocess-bench-") as data_dir:
        env = {**os.environ, **extra_env, "DUEPROCESS_DATA_DIR": data_dir}
        if vendor == "sqlite":
            env.pop("DATABASE_URL", None)
        argv = [sys.executable, __file__, "--child", vendor, "--events", str(options.events),
                "--appends", str(options.appends), "--writers", str(options.writers)]  # fmt: skip
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        sys.stderr.write(done.stderr)
        if done.returncode != 0:
            raise SystemExit(f"the {vendor} run failed")
        return json.loads(done.stdout.splitlines()[-1])


class scratch_postgres:  # a context manager, named for what it gives
    """CREATE DATABASE on the given server, yield its URL, DROP it afterwards."""

    def __init__(self, url: str) -> None:
        self.url, self.name = url, f"dueprocess_bench_{os.getpid()}"

    def __enter__(self) -> str:
        import psycopg

        self.admin = psycopg.connect(self.url, autocommit=True)
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        parts = urlsplit(self.url)
        return urlunsplit(parts._replace(path=f"/{self.name}"))

    def __exit__(self, *exc: object) -> None:
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.close()


def print_table(results: list[dict], options: argparse.Namespace) -> None:
    machine = platform.processor() or platform.machine()
    print(f"\n{machine}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"chain of {options.events:,} events; {options.appends:,} appends per writer setting\n")
    print(
        f"| database | appends/s, 1 writer | appends/s, {options.writers} writers | verify events/s "
        "| verify MB/s | raw SHA-256 events/s | raw SHA-256 MB/s | verify ÷ raw |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['vendor']} | {r['appends_1']:,.0f} | {r['appends_n']:,.0f} | {r['verify_eps']:,.0f} "
            f"| {r['verify_mbps']:,.1f} | {r['raw_eps']:,.0f} | {r['raw_mbps']:,.1f} | {r['ratio']:.2f} |"
        )
    for r in results:
        print(f"\n{r['vendor']}: verified {r['events']:,} events in {r['verify_s']:.2f} s "
              f"({r['bytes'] / 1e6:,.0f} MB hashed); reading the rows alone took {r['fetch_s']:.2f} s; "
              f"bulk insert took {r['insert_s']:.1f} s")  # fmt: skip


# --- The child: measures one database -------------------------------------------------------------
def child(vendor: str, options: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueprocess.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    result = {"vendor": vendor, "events": options.events}
    result["appends_1"] = appends_per_second(options.appends, writers=1)
    result["appends_n"] = appends_per_second(options.appends, writers=options.writers)
    result.update(verification(options.events))
    print(json.dumps(result))


def _append(key: str, count: int, start) -> None:
    from django.db import connections

    from dueprocess.records.events import chain_for, record_event

    connections.close_all()  # a forked child opens its own connection
    chain = chain_for(key)
    start.wait()
    for index in range(count):
        record_event(
            None, "plan.checked_in", actor=None, data={"i": index, "note": "weekly check-in"}, chain=chain
        )


def appends_per_second(total: int, *, writers: int) -> float:
    from django.db import connections

    from dueprocess.records.events import chain_for
    from dueprocess.records.verification import verify_chain

    key = f"case:{uuid.uuid4()}"
    chain = chain_for(key)
    connections.close_all()
    context = multiprocessing.get_context("fork")
    start = context.Barrier(writers + 1)
    workers = [context.Process(target=_append, args=(key, total // writers, start)) for _ in range(writers)]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    if any(worker.exitcode for worker in workers) or not verify_chain(chain).ok:
        raise SystemExit("appending failed or forked the chain")
    return writers * (total // writers) / elapsed


def synthetic_rows(chain_id: str, count: int):
    """(row fields, prev_hash, hash, hashed bytes) for a valid chain, in order."""
    from dueprocess.lib.canonical import dumps, format_datetime
    from dueprocess.records.hashing import GENESIS_HASH, chain_hash, row_text

    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        at = START + dt.timedelta(milliseconds=seq * 37)
        data = {"employee": f"people.employee:{uuid.UUID(int=seq % 5000)}", "note": f"check-in {seq}",
                "amount": f"{seq % 100000}.50"}  # fmt: skip
        fields = {"seq": seq, "at": at, "subject": data["employee"], "data": data}
        text = row_text(chain=chain_id, seq=seq, at=format_datetime(at), actor_id=None, actor="",
                        subject=data["employee"], type="plan.checked_in", corrects=None, data=dumps(data),
                        documents="[]")  # fmt: skip
        hashed = (prev + text).encode()
        digest = chain_hash(prev, text)
        yield fields, prev, digest, hashed
        prev = digest


def insert_chain(count: int):
    from django.db import transaction

    from dueprocess.records.events import case_chain
    from dueprocess.records.models import Chain, Event

    chain = case_chain(uuid.uuid4())
    batch, last = [], None
    for fields, prev, digest, _hashed in synthetic_rows(str(chain.public_id), count):
        event = Event(
            chain=chain, sequence=fields["seq"], recorded_at=fields["at"], subject=fields["subject"],
            type="plan.checked_in", data=fields["data"], documents=[], prev_hash=prev, hash=digest,
        )  # fmt: skip
        batch.append(event)
        last = (fields["seq"], digest)
        if len(batch) == BATCH:
            with transaction.atomic():
                Event.objects.bulk_create(batch)
            batch = []
    with transaction.atomic():
        Event.objects.bulk_create(batch)
        Chain.objects.filter(pk=chain.pk).update(head_sequence=last[0], head_hash=last[1])
    return chain


def verification(count: int) -> dict:
    from dueprocess.records.verification import _rows, verify_chain

    began = time.perf_counter()
    chain = insert_chain(count)
    insert_s = time.perf_counter() - began
    began = time.perf_counter()
    for _row in _rows(chain, upto=count):
        pass
    fetch_s = time.perf_counter() - began
    began = time.perf_counter()
    result = verify_chain(chain)
    verify_s = time.perf_counter() - began
    if not result.ok or result.events_checked != count:
        raise SystemExit(f"verification failed: {result}")
    raw_s, size = raw_hashing(str(chain.public_id), count)
    return {
        "insert_s": insert_s, "fetch_s": fetch_s, "verify_s": verify_s, "bytes": size,
        "verify_eps": count / verify_s, "verify_mbps": size / verify_s / 1e6,
        "raw_eps": count / raw_s, "raw_mbps": size / raw_s / 1e6, "ratio": raw_s / verify_s,
    }  # fmt: skip


def raw_hashing(chain_id: str, count: int) -> tuple[float, int]:
    """Seconds bare hashlib.sha256 takes over the bytes verification hashes, and how many bytes."""
    elapsed, size, chunk = 0.0, 0, []
    for _fields, _prev, _digest, hashed in synthetic_rows(chain_id, count):
        chunk.append(hashed)
        if len(chunk) == BATCH:
            elapsed, size = elapsed + _time_hashing(chunk), size + sum(map(len, chunk))
            chunk = []
    return elapsed + _time_hashing(chunk), size + sum(map(len, chunk))


def _time_hashing(chunk: list[bytes]) -> float:
    sha256 = hashlib.sha256
    began = time.perf_counter()
    for data in chunk:
        sha256(data).hexdigest()
    return time.perf_counter() - began


if __name__ == "__main__":
    arguments = parse()
    if arguments.child:
        child(arguments.child, arguments)
    else:
        main()
