"""Server time of the main pages and API lists on the 100,000-employee organisation (issue 7).

    .venv/bin/python bench/bench_pages.py [--employees 100000] [--requests 50] [--database postgres|both]

Each database is measured in a child process of its own: a fresh SQLite file in a temporary folder
(or --data-dir, kept and reused), or a PostgreSQL database ``bench_pages`` created on --postgres-url's
server and dropped afterwards (--keep leaves it, and a later run reuses it). The child seeds the
organisation and the HR work on top of it (pages_data.py), then asks each page as each role through
Django's test client, in process: the time is the server's (middleware, views, queries, templates),
with no network. Before the first request the process readies its memory as the WSGI entry point
does for every server (dueprocess.lib.heap.settle). Each page is asked --warmup times, then --requests
times measured; one more request counts its queries. The target: p95 under 100 ms.

Besides the wall-clock times, "CPU ms" is the CPU time a request cost on average: this process's
(SQLite runs inside it) plus that of the PostgreSQL server processes serving the run. When other work
shares the machine, wall-clock times grow with the wait for a core; the CPU time barely moves, so it
says what a request costs whatever else is running.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_MS = 100.0
DATABASE = "bench_pages"
ROLES = ("hr.admin", "hrbp", "manager")


def main() -> int:
    options = parse()
    results = []
    if options.database in ("sqlite", "both"):
        results.append(run_child("sqlite", options, {}))
    if options.database in ("postgres", "both"):
        with scratch_postgres(options.postgres_url, keep=options.keep) as url:
            results.append(run_child("postgresql", options, {"DATABASE_URL": url}))
    print(report(results, options))
    return 0 if all(r["p95"] < TARGET_MS for result in results for r in result["pages"]) else 1


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page and role")
    parser.add_argument("--warmup", type=int, default=5, help="requests before measuring")
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--data-dir", help="keep the SQLite database here, and reuse it if it is there")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the PostgreSQL database")
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser.parse_args()


def run_child(vendor: str, options: argparse.Namespace, extra_env: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as scratch:
        data_dir = options.data_dir if vendor == "sqlite" and options.data_dir else scratch
        env = {**os.environ, **extra_env, "DUEPROCESS_DATA_DIR": data_dir}
        env["DUEPROCESS_ALLOWED_HOSTS"] = "testserver"
        if vendor == "sqlite":
            env.pop("DATABASE_URL", None)
        only = ["--only", options.only] if options.only else []
        argv = [sys.executable, __file__, "--child", vendor, "--employees", str(options.employees),
                "--seed", str(options.seed), "--requests", str(options.requests),
                "--warmup", str(options.warmup), *only]  # fmt: skip
        done = subprocess.run(argv, env=env, stdout=subprocess.PIPE, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the {vendor} run failed")
        return json.loads(done.stdout.splitlines()[-1])


class scratch_postgres:  # a context manager, named for what it gives
    """CREATE DATABASE bench_pages on the server (unless kept from a run before), DROP it after."""

    def __init__(self, url: str, *, keep: bool) -> None:
        self.url, self.keep = url, keep

    def __enter__(self) -> str:
        import psycopg  # only PostgreSQL runs need it

        self.admin = psycopg.connect(self.url, autocommit=True)
        exists = self.admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone()
        if exists and not self.keep:
            self.admin.execute(f'DROP DATABASE "{DATABASE}" WITH (FORCE)')
        if not exists or not self.keep:
            self.admin.execute(f'CREATE DATABASE "{DATABASE}"')
        return urlunsplit(urlsplit(self.url)._replace(path=f"/{DATABASE}"))

    def __exit__(self, *exc: object) -> None:
        if not self.keep:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        self.admin.close()


def report(results: list[dict], options: argparse.Namespace) -> str:
    machine = platform.processor() or platform.machine()
    lines = [
        f"{machine}, {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}",
        f"{options.requests} requests per page and role after {options.warmup} warm-up requests",
    ]
    for result in results:
        built = f"built in {result['build_s']:.0f} s" if result["built"] else "reused from an earlier run"
        lines += ["", f"{result['database']}: {built}; rows:"]
        lines += [f"  {name}: {count:,}" for name, count in result["rows"].items()]
        lines += [
            "",
            "| page | role | p50 ms | p95 ms | max ms | CPU ms | queries | rows shown | slowest query ms |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in result["pages"]:
            flag = "" if r["p95"] < TARGET_MS else " **missed**"
            lines.append(
                f"| {r['page']} | {r['role']} | {r['p50']:.1f} | {r['p95']:.1f}{flag} | {r['max']:.1f} "
                f"| {r['cpu']:.1f} | {r['queries']} | {r['shown']} | {r['slowest_query']:.1f} |"
            )
    return "\n".join(lines)


# --- The child: builds the data and measures one database -----------------------------------------
def child(vendor: str, options: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueprocess.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    built, rows = build_or_reuse(options)
    result = {"database": describe(vendor), "build_s": time.perf_counter() - began, "built": built}
    result["rows"] = rows
    result["pages"] = measure_all(options)
    print(json.dumps(result))


def build_or_reuse(options: argparse.Namespace) -> tuple[bool, dict[str, int]]:
    from django.apps import apps
    from django.db import connection

    from dueprocess.accounts.models import User
    from dueprocess.cases.timeline import timeline

    built = not User.objects.filter(username="hr.admin").exists()
    if built:
        sys.path.insert(0, str(Path(__file__).parent))
        import pages_data

        print(f"building {options.employees:,} employees and their HR work…", file=sys.stderr)
        pages_data.build(options.employees, options.seed)
        if connection.vendor == "postgresql":
            # The statistics autovacuum would have gathered by the time anyone asks (it may be off).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    labels = ("people.Employee", "people.Department", "people.WageRecord", "reviews.Review",
              "reviews.Incident", "reviews.Warning", "plans.ImprovementPlan", "cases.SeparationCase",
              "cases.CaseAssessment", "cases.Hearing", "records.Chain", "records.Event")  # fmt: skip
    rows = {label: apps.get_model(label).objects.count() for label in labels}
    admin = User.objects.get(username="hr.admin")
    rows["entries on the case page's timeline"] = len(timeline(target_case(), admin))
    return built, rows


def target_case():
    """The case built through the actions (the bulk cases were opened by hr.admin)."""
    from dueprocess.cases.models import SeparationCase

    return SeparationCase.objects.filter(opened_by__username="hrbp").order_by("pk").first()


def describe(vendor: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if vendor == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]
    return f"{'SQLite' if vendor == 'sqlite' else 'PostgreSQL'} {version}"


def pages() -> list[tuple[str, str, dict, tuple[str, ...]]]:
    """(name, path, headers, roles): the pages and API lists measured."""
    from dueprocess.people.models import Employee

    target = target_case()
    surname = Employee.objects.get(pk=target.employee_id).legal_name[:1]
    htmx = {"HTTP_HX_REQUEST": "true"}
    return [
        ("dashboard", "/", {}, ROLES),
        ("directory", "/people/", {}, ROLES),
        ("directory, page 20", "/people/?page=20", {}, ROLES),
        ("directory search (htmx)", f"/people/?q={surname}", htmx, ROLES),
        ("case list", "/cases/", {}, ROLES),
        ("case page (long timeline)", f"/cases/{target.public_id}/", {}, ROLES),
        ("API employees", "/api/v1/employees", {}, ROLES),
        ("API reviews", "/api/v1/reviews", {}, ROLES),
        ("API plans", "/api/v1/plans", {}, ROLES),
        ("API warnings", "/api/v1/warnings", {}, ROLES),
        ("API record chains", "/api/v1/records/chains", {}, ("hr.admin",)),
    ]


def clients() -> dict[str, tuple]:
    """Per role: a logged-in test client (past the second factor) and API headers with a token."""
    from django.test import Client

    from dueprocess.accounts.models import User
    from dueprocess.accounts.two_factor import SESSION_KEY
    from dueprocess.api.actions import create_api_token

    made = {}
    for username in ROLES:
        user = User.objects.get(username=username)
        client = Client()
        client.force_login(user)
        session = client.session
        session[SESSION_KEY] = user.pk
        session.save()
        token = create_api_token(actor=user, owner=user, name="bench")[1]
        made[username] = (client, {"HTTP_AUTHORIZATION": f"Bearer {token}"})
    return made


def measure_all(options: argparse.Namespace) -> list[dict]:
    from dueprocess.lib import heap

    by_role, results = clients(), []
    # As the served application does when dueprocess.wsgi is loaded (lib/heap.py): what start-up
    # (here also the build of the organisation) left in memory is frozen, out of the collector's way.
    heap.settle()
    for name, path, headers, roles in pages():
        if options.only and options.only not in name:
            continue
        for role in roles:
            client, api_headers = by_role[role]
            extra = {**headers, **(api_headers if path.startswith("/api/") else {})}
            results.append({"page": name, "role": role, **measure(client, path, extra, options)})
            print(f"  {name} as {role}: p95 {results[-1]['p95']:.1f} ms", file=sys.stderr)
    return results


def measure(client, path: str, headers: dict, options: argparse.Namespace) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(options.warmup):
        get(client, path, headers)
    times = []
    cpu_began, database_began = time.process_time(), database_cpu()
    for _ in range(options.requests):
        began = time.perf_counter()
        get(client, path, headers)
        times.append((time.perf_counter() - began) * 1000)
    cpu = time.process_time() - cpu_began + database_cpu() - database_began
    with CaptureQueriesContext(connection) as captured:
        response = get(client, path, headers)
    times.sort()
    return {
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "max": times[-1],
        "cpu": cpu * 1000 / options.requests,
        "queries": len(captured),
        "slowest_query": max((float(q["time"]) * 1000 for q in captured.captured_queries), default=0.0),
        "shown": rows_shown(response),
    }


def database_cpu() -> float:
    """Seconds of CPU the PostgreSQL server processes serving this database have used (SQLite runs
    inside this process, so process_time already counts it). With the process's own CPU time this
    gives the work a request costs, which other load on the machine does not inflate as it inflates
    the wall-clock time."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes()
            if title.startswith(b"postgres: ") and f" {DATABASE} ".encode() in title:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick
        except OSError:  # the process ended meanwhile
            continue
    return total


def get(client, path: str, headers: dict):
    response = client.get(path, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return response


def percentile(ordered: list[float], p: int) -> float:
    """Nearest rank: the smallest value at or above p% of the measurements."""
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def rows_shown(response) -> int:
    if response["Content-Type"].startswith("application/json"):
        return len(response.json().get("items", []))
    return response.content.count(b"<tr") - response.content.count(b"<thead")


if __name__ == "__main__":
    arguments = parse()
    if arguments.child:
        child(arguments.child, arguments)
    else:
        sys.exit(main())
