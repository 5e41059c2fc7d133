"""Letters: the time to render one letter, and a layoff's letters written as one batch.

    .venv/bin/python bench/bench_letters.py [--repeat 20] [--letters 1000]

Runs on a scratch SQLite database in a temporary folder. One letter: the demo's notice of
termination to Zhang Wei (zh-Hans, two pages, the severance table), issued --repeat times after a
first, cold one (the first loads Pango and the Noto CJK fonts); each issue is the whole action:
data from the record, the template in the sandbox, the PDF, its storage and the event. The batch: a
synthetic organisation, a PRC economic layoff of --letters people served through the case actions,
then one notice each through ``run_batch`` (the background task's body), timed end to end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="warm renders of one letter")
    parser.add_argument("--letters", type=int, default=1000, help="people in the layoff (0: skip)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dueprocess-bench-") as data_dir:
        os.environ.update(DUEPROCESS_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="dueprocess.settings")
        os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        print(f"{dt.date.today()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores")
        one_letter(options.repeat)
        if options.letters:
            layoff_batch(options.letters)


def one_letter(repeat: int) -> None:
    from dueprocess.accounts.models import User
    from dueprocess.cases.models import SeparationCase
    from dueprocess.letters.actions import issue_letter
    from dueprocess.web.management.commands.demo import DEMO_STEPS

    for step in DEMO_STEPS[:5]:  # the story up to the notice served, without the letters chapter
        module, function = step.split(":")
        getattr(__import__(module, fromlist=[function]), function)()
    case = SeparationCase.objects.get(employee__number="XQ0007", stage="notice_served")
    hrbp = User.objects.get(username="hrbp")
    started = time.perf_counter()
    issue_letter("termination_notice", case, "zh-hans", actor=hrbp)
    cold = time.perf_counter() - started
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        issue_letter("termination_notice", case, "zh-hans", actor=hrbp)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(f"one letter (zh-Hans notice, 2 pages, {repeat} warm): cold {cold:.2f} s")
    print(f"  wall median {statistics.median(wall):.2f} s, p95 {_p95(wall):.2f} s, max {max(wall):.2f} s")
    print(f"  CPU  median {statistics.median(cpu):.2f} s, p95 {_p95(cpu):.2f} s, max {max(cpu):.2f} s")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def layoff_batch(size: int) -> None:
    from dueprocess.letters.actions import create_batch, run_batch

    layoff = _served_layoff(size)
    batch = create_batch(layoff, actor=None, kind="termination_notice", language="zh-hans")
    started, started_cpu = time.perf_counter(), time.process_time()
    batch = run_batch(batch, progress=_progress)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    each = max(batch.done, 1)
    print(f"layoff batch: {batch.done} notices written ({batch.failed} failed)")
    print(f"  wall {elapsed:.0f} s ({elapsed / each:.2f} s each), CPU {cpu:.0f} s ({cpu / each:.2f} s each)")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _progress(batch) -> None:
    if (batch.done + batch.failed) % 100 == 0:
        print(f"  {batch.done + batch.failed}/{batch.total}", flush=True)


def _people(size: int, today: dt.date) -> list:
    """``size`` product managers in Shanghai like Zhang Wei: hired in 2019, a year of wages each."""
    from decimal import Decimal

    from dueprocess.people.models import Contract, Employee, WageRecord

    template = Employee.objects.get(number="XQ0007")
    Employee.objects.bulk_create(
        Employee(
            number=f"BN{i:05d}", legal_name=f"员工{i:05d}", other_name=f"Bench {i:05d}",
            birth_date=dt.date(1990, 1, 1), department_id=template.department_id, position=template.position,
            location_id=template.location_id, hire_date=dt.date(2019, 4, 1), email=f"bench{i}@example.com",
        )
        for i in range(size)
    )  # fmt: skip
    people = list(Employee.objects.filter(number__startswith="BN").order_by("number"))
    Contract.objects.bulk_create(
        Contract(employee=p, type="open_ended", starts_on=p.hire_date) for p in people
    )
    months = [(today.replace(day=1) - dt.timedelta(days=31 * k)).replace(day=1) for k in range(1, 13)]
    WageRecord.objects.bulk_create(
        WageRecord(employee=p, month=m, base=Decimal("20000.00")) for p in people for m in months
    )
    return people


def _served_layoff(size: int):
    """A PRC economic layoff of ``size`` people, served through the case actions."""
    from dueprocess.accounts.models import User
    from dueprocess.cases import actions

    admin = User.objects.get(username="hr.admin")
    today = dt.date.today()
    people = _people(size, today)
    started = time.perf_counter()
    layoff = actions.create_layoff(
        actor=admin, name="Bench", reason="Bench.", employees=people, headcount=size * 2,
        last_day=today + dt.timedelta(days=45),
    )  # fmt: skip
    actions.record_layoff_steps(
        layoff, actor=admin, staff_explained_on=today, labour_bureau_reported_on=today, notice_given_on=today
    )
    actions.notify_union_of_layoff(layoff, actor=admin, union="Union", notified_on=today, content="List.")
    actions.serve_layoff_notices(layoff, actor=admin)
    print(f"a layoff of {size} opened and served in {time.perf_counter() - started:.0f} s")
    return layoff


if __name__ == "__main__":
    main()
