"""Batch layoff assessment speed: employees assessed per second, per jurisdiction.

    .venv/bin/python bench/bench_layoff.py [--employees 100000] [--repeat 3]

Builds synthetic employees (fixed seed), then times ``assess_layoff`` alone (the employees already
built) and parsing plus assessing from JSON-like dicts. Tenure follows a skewed distribution
(most under 10 years, a tail to 35), so some CN employees were hired before 2008 and take the
segmented LCL 97 path; about 2% have a protected situation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dueprocess.law.layoff import LayoffPlan, assess_layoff, employees_from_dicts

LAST_DAY = dt.date(2025, 9, 30)
PLANS = {
    "CN": LayoffPlan(
        jurisdiction="CN", last_day=LAST_DAY, headcount=1_000_000, locality="shanghai",
        staff_explained_on=dt.date(2025, 8, 1), union_notified_on=dt.date(2025, 8, 1),
        labour_bureau_reported_on=dt.date(2025, 9, 1), notice_given_on=dt.date(2025, 9, 1),
    ),
    "GB": LayoffPlan(
        jurisdiction="GB", last_day=LAST_DAY, headcount=1_000_000, notice_given_on=dt.date(2025, 8, 1),
        consultation_started_on=dt.date(2025, 6, 1), hr1_sent_on=dt.date(2025, 6, 1),
    ),
    "US-CA": LayoffPlan(
        jurisdiction="US-CA", last_day=LAST_DAY, headcount=1_000_000, employer_headcount=1_000_000,
        warn_notice_on=dt.date(2025, 7, 15),
    ),
}  # fmt: skip
PAY = {"CN": (3000, 60000), "GB": (300, 2000), "US-CA": (100, 800)}


def synthetic(jurisdiction: str, count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    low, high = PAY[jurisdiction]
    rows = []
    for i in range(count):
        age_days = rng.randint(20 * 365, 62 * 365)
        tenure_days = min(int(rng.expovariate(1 / (7 * 365))), 35 * 365, age_days - 18 * 365)
        row: dict = {
            "id": f"E{i:07d}",
            "hire_date": (LAST_DAY - dt.timedelta(days=tenure_days)).isoformat(),
            "birth_date": (LAST_DAY - dt.timedelta(days=age_days)).isoformat(),
            "sex": rng.choice(("male", "female")),
            "pay": f"{rng.uniform(low, high):.2f}",
        }
        if rng.random() < 0.02:
            row["protected"] = [{"kind": "pregnancy", "from": "2025-05-01", "to": None}]
        rows.append(row)
    return rows


def parse_and_assess(plan: LayoffPlan, rows: list[dict]) -> object:
    return assess_layoff(plan, employees_from_dicts(rows))


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"{args.employees} employees, best of {args.repeat}")  # fmt: skip
    for code, plan in PLANS.items():
        rows = synthetic(code, args.employees)
        employees = employees_from_dicts(rows)
        result = assess_layoff(plan, employees)
        assess_only = best_of(args.repeat, partial(assess_layoff, plan, employees))
        with_parse = best_of(args.repeat, partial(parse_and_assess, plan, rows))
        print(
            f"{code:6} assess: {args.employees / assess_only:>10,.0f} employees/s   "
            f"parse+assess: {args.employees / with_parse:>10,.0f} employees/s   "
            f"total {result.totals.total} ({result.totals.blocked} blocked)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
