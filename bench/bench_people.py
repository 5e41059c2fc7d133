"""People data at scale: seeding an organisation, exporting it, importing it into a fresh database.

    .venv/bin/python bench/bench_people.py [--employees 100000] [--seed 1]
    .venv/bin/python bench/bench_people.py --database-url postgres://postgres@127.0.0.1:5432/bench

Every step runs the real ``dueprocess`` command as a subprocess, against a database of its own (a
fresh SQLite file in a temporary DUEPROCESS_DATA_DIR, or a PostgreSQL database created and dropped
here), so the times include start-up and the peak memory is that command's alone (``os.wait4``).

The targets (issue 2): ``seed --employees 100000`` (12 months of wages each) under 60 s, and
importing a 100,000-row XLSX into a fresh database under 60 s, each under 1 GiB of peak memory.
The XLSX import also reads the departments and locations files it needs (1,700 rows of CSV).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DUEPROCESS = str(Path(sys.executable).with_name("dueprocess"))
TARGET_SECONDS = 60.0
TARGET_RSS_MIB = 1024.0


@dataclass
class Step:
    name: str
    seconds: float
    rss_mib: float
    target: bool = False

    def row(self) -> str:
        verdict = ""
        if self.target:
            ok = self.seconds < TARGET_SECONDS and self.rss_mib < TARGET_RSS_MIB
            verdict = "pass" if ok else "MISSED"
        return f"| {self.name:<52} | {self.seconds:8.1f} | {self.rss_mib:9.0f} | {verdict:<6} |"


def run(name: str, args: list[str], env: dict[str, str], *, target: bool = False) -> Step:
    """Run ``dueprocess ARGS``; its wall time and its own peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [DUEPROCESS, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read() if process.stdout else b""
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{name} failed:\n{output.decode(errors='replace')}")
    print(f"  {name}: {seconds:.1f} s", file=sys.stderr)
    return Step(name, seconds, usage.ru_maxrss / 1024, target)


class Databases:
    """Where each step's database lives: SQLite files, or PostgreSQL databases made for the run."""

    def __init__(self, url: str | None, workdir: Path) -> None:
        self.url, self.workdir, self.made = url, workdir, []

    def env(self, name: str) -> dict[str, str]:
        env = {**os.environ, "DUEPROCESS_DATA_DIR": str(self.workdir / name)}
        env.pop("DATABASE_URL", None)
        if self.url:
            env["DATABASE_URL"] = self._create(f"{self._base()}_{name}")
        return env

    def _base(self) -> str:
        return urlsplit(self.url or "").path.lstrip("/") or "bench"

    def _admin(self):
        import psycopg  # only PostgreSQL runs need it

        parts = urlsplit(self.url or "")
        return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)

    def _create(self, database: str) -> str:
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}"')
            admin.execute(f'CREATE DATABASE "{database}"')
        self.made.append(database)
        return urlunsplit(urlsplit(self.url or "")._replace(path=f"/{database}"))

    def drop(self) -> None:
        if self.made:
            with self._admin() as admin:
                for database in self.made:
                    admin.execute(f'DROP DATABASE IF EXISTS "{database}"')

    def describe(self) -> str:
        if not self.url:
            return f"SQLite {sqlite3.sqlite_version} (WAL, a file in a temporary directory)"
        with self._admin() as admin:
            return admin.execute("SHOW server_version").fetchone()[0].join(("PostgreSQL ", ""))


def benchmark(employees: int, seed: int, databases: Databases, files: Path) -> list[Step]:
    seeded = databases.env("seeded")
    steps = [
        run("migrate (empty database)", ["migrate", "-v0"], seeded),
        run(
            f"seed --employees {employees} (12 months of wages)",
            ["seed", "--employees", str(employees), "--seed", str(seed)],
            seeded,
            target=True,
        ),
        run(f"export {employees:,} employees to XLSX", ["export", str(files / "employees.xlsx")], seeded),
        run(
            "export the wage history to CSV", ["export", str(files / "wages.csv"), "--kind", "wages"], seeded
        ),
    ]
    for kind in ("departments", "locations"):
        run(f"export {kind}", ["export", str(files / f"{kind}.csv"), "--kind", kind], seeded)
    fresh = databases.env("imported")
    organisation = [
        str(files / "locations.csv"),
        str(files / "departments.csv"),
        str(files / "employees.xlsx"),
    ]
    run("migrate (fresh database)", ["migrate", "-v0"], fresh)
    steps += [
        run(
            f"import {employees:,}-row XLSX into a fresh database",
            ["import", *organisation],
            fresh,
            target=True,
        ),
        run("import the same XLSX again (nothing changes)", ["import", *organisation], fresh),
        run("import the wage history CSV into that database", ["import", str(files / "wages.csv")], fresh),
    ]
    return steps


def report(steps: list[Step], employees: int, database: str) -> str:
    lines = [
        f"Machine: {os.cpu_count()} CPUs (nproc), {platform.platform()}, Python {platform.python_version()}",
        f"Database: {database}",
        f"Employees: {employees:,}",
        "",
        f"| {'step':<52} | {'seconds':>8} | {'peak MiB':>9} | {'target':<6} |",
        f"|{'-' * 54}|{'-' * 9}:|{'-' * 10}:|{'-' * 8}|",
        *(step.row() for step in steps),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database-url", help="a PostgreSQL URL; its database name is the prefix of the two made"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-people-") as workdir:
        databases = Databases(args.database_url, Path(workdir))
        files = Path(workdir) / "files"
        files.mkdir()
        try:
            steps = benchmark(args.employees, args.seed, databases, files)
            print(report(steps, args.employees, databases.describe()))
        finally:
            databases.drop()
    return (
        0 if all(s.seconds < TARGET_SECONDS and s.rss_mib < TARGET_RSS_MIB for s in steps if s.target) else 1
    )


if __name__ == "__main__":
    sys.exit(main())
