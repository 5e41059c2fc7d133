"""The demo organisation: 星桥科技 (Xingqiao Technology), a Chinese technology company of about sixty
people in Shanghai and Beijing, with a few in London and San Francisco.

The people who carry the demo's stories are written out by hand; the rest are drawn from a seeded
random generator, so every demo database holds the same organisation. Dates are relative to the day
the demo is loaded, so that wage histories and protected periods are always current.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from dueprocess.people.models import (
    Contract,
    ContractType,
    Department,
    Employee,
    Location,
    ProtectedKind,
    ProtectedPeriod,
    WageRecord,
)

LOCATIONS = [
    # code, name, English name, jurisdiction, locality, time zone
    ("shanghai", "上海", "Shanghai", "CN", "shanghai", "Asia/Shanghai"),
    ("beijing", "北京", "Beijing", "CN", "beijing", "Asia/Shanghai"),
    ("london", "伦敦", "London", "GB", "london", "Europe/London"),
    ("san-francisco", "旧金山", "San Francisco", "US-CA", "san-francisco", "America/Los_Angeles"),
]

DEPARTMENTS = [
    # code, name, English name, parent code
    ("company", "星桥科技", "Xingqiao Technology", None),
    ("product", "产品部", "Product", "company"),
    ("engineering", "研发部", "Engineering", "company"),
    ("engineering-platform", "平台组", "Platform Team", "engineering"),
    ("engineering-mobile", "移动端组", "Mobile Team", "engineering"),
    ("sales", "销售部", "Sales", "company"),
    ("people", "人力资源部", "People & HR", "company"),
    ("legal", "法务部", "Legal", "company"),
    ("finance", "财务部", "Finance", "company"),
    ("international", "国际业务部", "International", "company"),
]


@dataclass(frozen=True)
class Person:
    number: str
    legal_name: str
    other_name: str
    sex: str
    birth: str
    department: str
    position: str
    manager: str | None
    location: str
    hired: str
    wage: int


# The people whose stories the demo tells and the managers above them: a file a reviewer can read.
# Wages are monthly gross in the local currency (CNY, GBP, USD).
PEOPLE_FILE = Path(__file__).with_name("demo_data") / "people.csv"


def key_people() -> list[Person]:
    with PEOPLE_FILE.open(encoding="utf-8", newline="") as handle:
        return [
            Person(row["number"], row["legal_name"], row["other_name"], row["sex"], row["birth_date"],
                   row["department"], row["position"], row["manager"] or None, row["location"],
                   row["hire_date"], int(row["monthly_wage"]))
            for row in csv.DictReader(handle)
        ]  # fmt: skip


PROTAGONIST = "XQ0007"
PREGNANT = "XQ0010"
ON_MEDICAL_LEAVE = "XQ0012"

SURNAMES = [
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("赵", "Zhao"),
    ("黄", "Huang"),
    ("周", "Zhou"),
    ("吴", "Wu"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("胡", "Hu"),
    ("朱", "Zhu"),
    ("高", "Gao"),
    ("林", "Lin"),
    ("何", "He"),
    ("郭", "Guo"),
    ("罗", "Luo"),
    ("梁", "Liang"),
    ("宋", "Song"),
    ("谢", "Xie"),
    ("韩", "Han"),
    ("唐", "Tang"),
]
GIVEN = [
    ("子涵", "Zihan"),
    ("浩然", "Haoran"),
    ("欣怡", "Xinyi"),
    ("宇轩", "Yuxuan"),
    ("梓萱", "Zixuan"),
    ("俊杰", "Junjie"),
    ("雨桐", "Yutong"),
    ("明辉", "Minghui"),
    ("佳琪", "Jiaqi"),
    ("志强", "Zhiqiang"),
    ("婷婷", "Tingting"),
    ("文博", "Wenbo"),
    ("晓燕", "Xiaoyan"),
    ("建军", "Jianjun"),
    ("思远", "Siyuan"),
    ("丽娜", "Lina"),
    ("鹏飞", "Pengfei"),
    ("嘉怡", "Jiayi"),
    ("国栋", "Guodong"),
    ("慧敏", "Huimin"),
]
TEAMS = [
    # department, manager, location, positions
    ("product", "XQ0006", "shanghai", ["产品经理 Product Manager", "产品助理 Product Assistant"]),
    ("engineering-platform", "XQ0011", "beijing", ["后端工程师 Backend Engineer", "运维工程师 SRE"]),
    ("engineering-mobile", "XQ0013", "beijing", ["iOS 工程师 iOS Engineer", "安卓工程师 Android Engineer"]),
    ("sales", "XQ0017", "shanghai", ["销售经理 Account Executive", "销售代表 Sales Representative"]),
    ("finance", "XQ0018", "shanghai", ["会计 Accountant", "财务分析师 Financial Analyst"]),
    ("people", "XQ0002", "shanghai", ["招聘专员 Recruiter", "薪酬专员 Payroll Specialist"]),
]
ONE_DAY = dt.timedelta(days=1)
GENERATED = 42  # with the 18 in people.csv, about sixty people


def generated_people(rng: random.Random, known: list[Person], start: int = 19) -> list[Person]:
    people, used = [], {p.legal_name for p in known}
    for i in range(GENERATED):
        department, manager, location, positions = TEAMS[i % len(TEAMS)]
        while True:
            (surname, surname_py), (given, given_py) = rng.choice(SURNAMES), rng.choice(GIVEN)
            if surname + given not in used:
                used.add(surname + given)
                break
        birth = dt.date(rng.randint(1978, 2000), rng.randint(1, 12), rng.randint(1, 28))
        hired = dt.date(rng.randint(max(2010, birth.year + 22), 2025), rng.randint(1, 12), rng.randint(1, 28))
        people.append(
            Person(f"XQ{start + i:04d}", surname + given, f"{surname_py} {given_py}",
                   rng.choice(["female", "male"]), birth.isoformat(), department, rng.choice(positions),
                   manager, location, hired.isoformat(), rng.randrange(12000, 36000, 500))
        )  # fmt: skip
    return people


def month_starts(today: dt.date, count: int = 12) -> list[dt.date]:
    """The first days of the last `count` complete months, oldest first."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append(dt.date(year, month, 1))
    return months[::-1]


@transaction.atomic
def load(today: dt.date | None = None) -> dict[str, Employee]:
    """Create the demo organisation; returns the employees by number. Refuses to load twice."""
    today = today or dt.date.today()
    if Employee.objects.filter(number=PROTAGONIST).exists():
        return {e.number: e for e in Employee.objects.all()}
    locations = {
        code: Location.objects.create(
            code=code, name=name, name_en=en, jurisdiction=j, locality=loc, time_zone=tz
        )
        for code, name, en, j, loc, tz in LOCATIONS
    }
    departments: dict[str, Department] = {}
    for code, name, en, parent in DEPARTMENTS:
        departments[code] = Department.objects.create(
            code=code, name=name, name_en=en, parent=departments.get(parent) if parent else None
        )
    rng = random.Random(2026)  # noqa: S311 - a reproducible demo, not a secret
    known = key_people()
    people = known + generated_people(rng, known)
    employees = _create_employees(people, departments, locations)
    _create_contracts(employees, rng)
    _create_wages(people, employees, today, rng)
    _create_protected_periods(employees, today)
    return employees


def _create_employees(people: list[Person], departments: dict, locations: dict) -> dict[str, Employee]:
    employees = {}
    for p in people:
        email_name = (p.other_name or p.legal_name).lower().replace(" ", ".")
        employees[p.number] = Employee.objects.create(
            number=p.number, legal_name=p.legal_name, other_name=p.other_name, sex=p.sex,
            email=f"{email_name}@xingqiao.example", birth_date=dt.date.fromisoformat(p.birth),
            department=departments[p.department], position=p.position, location=locations[p.location],
            hire_date=dt.date.fromisoformat(p.hired),
        )  # fmt: skip
    for p in people:
        if p.manager:
            employees[p.number].manager = employees[p.manager]
            employees[p.number].save(update_fields=["manager"])
    return employees


def _create_contracts(employees: dict[str, Employee], rng: random.Random) -> None:
    for employee in employees.values():
        start = employee.hire_date
        if employee.location.jurisdiction != "CN":
            Contract.objects.create(employee=employee, type=ContractType.OPEN_ENDED, starts_on=start)
            continue
        # PRC practice: fixed terms of three years, open-ended after the second renewal (LCL 14(3)).
        first = Contract.objects.create(
            employee=employee, type=ContractType.FIXED_TERM, starts_on=start,
            ends_on=_add_years(start, 3) - ONE_DAY, probation_ends_on=_add_months(start, 6) - ONE_DAY,
        )  # fmt: skip
        if first.ends_on and first.ends_on < dt.date(2025, 6, 1):
            second_start = first.ends_on + dt.timedelta(days=1)
            second = Contract.objects.create(
                employee=employee, type=ContractType.FIXED_TERM, starts_on=second_start,
                ends_on=_add_years(second_start, 3) - ONE_DAY, renews=first,
            )  # fmt: skip
            if second.ends_on and second.ends_on < dt.date(2025, 6, 1):
                Contract.objects.create(
                    employee=employee, type=ContractType.OPEN_ENDED,
                    starts_on=second.ends_on + dt.timedelta(days=1), renews=second,
                )  # fmt: skip


def _create_wages(people: list[Person], employees: dict, today: dt.date, rng: random.Random) -> None:
    rows = []
    for p in people:
        monthly = p.wage
        for month in month_starts(today):
            bonus = (
                Decimal(monthly * rng.choice([0, 0, 0, 10, 20]) // 100)
                if month.month in (1, 7)
                else Decimal(0)
            )
            allowances = Decimal(800 if employees[p.number].location.jurisdiction == "CN" else 0)
            rows.append(WageRecord(employee=employees[p.number], month=month, base=Decimal(monthly),
                                   bonus=bonus, allowances=allowances))  # fmt: skip
    WageRecord.objects.bulk_create(rows)


def _create_protected_periods(employees: dict[str, Employee], today: dt.date) -> None:
    ProtectedPeriod.objects.create(
        employee=employees[PREGNANT], kind=ProtectedKind.PREGNANCY, starts_on=today - dt.timedelta(days=120),
        note="预产期约五个月后 / due in about five months",
    )  # fmt: skip
    ProtectedPeriod.objects.create(
        employee=employees[ON_MEDICAL_LEAVE], kind=ProtectedKind.MEDICAL_TREATMENT,
        starts_on=today - dt.timedelta(days=45), ends_on=today + dt.timedelta(days=135),
        note="腰椎手术后康复 / recovery after spinal surgery",
    )  # fmt: skip


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def _add_years(day: dt.date, years: int) -> dt.date:
    return _add_months(day, 12 * years)
