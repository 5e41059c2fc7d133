"""The synthetic people: names, dates, contracts, a year of wages, and a few protected periods.

Everything is drawn from one ``random.Random`` in a fixed order, so a seed always gives the same
organisation. Amounts are whole cents until they are written. The contract history follows PRC
law for the Chinese sites: two three-year fixed-term contracts, then an open-ended one (LCL 14(3)),
probation only on the first (LCL 19) and none for part-time work (LCL 70).
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from dueprocess.people.models import ContractType, ProtectedKind, Sex
from dueprocess.people.seeding import names
from dueprocess.people.seeding.organisation import JURISDICTION, Person

# level → (lowest, highest) monthly base in whole currency units, by jurisdiction (RMB, GBP, USD)
BASE_PAY = {
    "CN": [(180000, 220000), (80000, 150000), (45000, 90000), (30000, 60000), (20000, 45000), (8000, 35000)],
    "GB": [(25000, 30000), (12000, 20000), (8000, 12000), (6500, 9000), (5000, 8000), (2800, 7000)],
    "US-CA": [(40000, 50000), (20000, 30000), (15000, 22000), (12000, 17000), (10000, 15000), (7000, 16000)],
}
CITY_FACTOR = {"shanghai": 1.1, "beijing": 1.05}
TITLES = {
    0: ("首席执行官", "Chief Executive Officer"),
    1: ("副总裁", "Vice President"),
    2: ("总监", "Director"),
    3: ("经理", "Manager"),
    "lead": ("主管", "Team Lead"),
}
STAFF_TITLES = {
    "rd": [
        ("软件工程师", "Software Engineer"), ("高级软件工程师", "Senior Software Engineer"),
        ("测试工程师", "Test Engineer"),
    ],
    "sales": [("销售代表", "Sales Representative"), ("客户经理", "Account Manager")],
    "supply": [
        ("采购专员", "Buyer"), ("生产技术员", "Production Technician"), ("仓储专员", "Warehouse Associate"),
    ],
    "operations": [("客服专员", "Customer Service Agent"), ("运营专员", "Operations Specialist")],
}  # fmt: skip
OTHER_STAFF = [("专员", "Specialist"), ("高级专员", "Senior Specialist"), ("分析师", "Analyst")]


@dataclass(slots=True)
class Details:
    """What a person is, apart from where they sit."""

    legal_name: str
    other_name: str
    email: str
    phone: str
    sex: str
    birth_date: dt.date
    hire_date: dt.date
    position: str
    base: int  # monthly base pay in cents before this year's raise
    allowance: int
    location: str


def details(rng: random.Random, person: Person, as_of: dt.date, emails: set[str]) -> Details:
    location = "shanghai" if person.level == 0 else person.unit.location
    jurisdiction = JURISDICTION[location]
    female = rng.random() < 0.48
    if jurisdiction == "CN":
        legal_name, other_name = names.chinese_name(rng, female)
    else:
        legal_name, other_name = names.english_name(rng, female), ""
    rank = seniority(person)
    birth, hired = _dates(rng, rank, as_of)
    low, high = BASE_PAY[jurisdiction][rank]
    base = round(rng.triangular(low, high, low + (high - low) / 3) * CITY_FACTOR.get(location, 1.0), -2)
    return Details(
        legal_name=legal_name,
        other_name=other_name,
        email=_email(other_name or legal_name, emails),
        phone=_phone(rng, jurisdiction),
        sex=Sex.FEMALE if female else Sex.MALE,
        birth_date=birth,
        hire_date=hired,
        position=_title(rng, person, jurisdiction),
        base=int(base) * 100,
        allowance=rng.randrange(300, 1500, 50) * 100 if jurisdiction == "CN" else 0,
        location=location,
    )


def seniority(person: Person) -> int:
    """0 chief executive, 1 division head, 2 department head, 3 group head, 4 team lead, 5 staff."""
    return min(person.level, 3) if person.role == "head" else 4 if person.role == "lead" else 5


def _dates(rng: random.Random, rank: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    youngest = (45, 41, 37, 33, 27, 22)[rank]
    age_days = int(rng.triangular(youngest, 60, youngest + 8) * 365.25)
    birth = as_of - dt.timedelta(days=age_days)
    most = min(age_days - 21 * 365, 25 * 365)
    # About one in thirty joined within the year; the rest have served a few years, some many.
    tenure = rng.randint(30, 364) if rng.random() < 0.033 else int(365 + rng.expovariate(1 / (4 * 365)))
    return birth, as_of - dt.timedelta(days=max(30, min(tenure, most)))


def _title(rng: random.Random, person: Person, jurisdiction: str) -> str:
    if person.role == "head":
        zh, en = TITLES[min(person.level, 3)]
    elif person.role == "lead":
        zh, en = TITLES["lead"]
    else:
        zh, en = rng.choice(STAFF_TITLES.get(person.unit.division, OTHER_STAFF))
    return zh if jurisdiction == "CN" else en


def _email(name: str, emails: set[str]) -> str:
    parts = name.lower().split()
    local = ".".join(reversed(parts)) if len(parts) == 2 else "".join(parts)
    candidate, n = local, 1
    while candidate in emails:
        n += 1
        candidate = f"{local}{n}"
    emails.add(candidate)
    return f"{candidate}@example.com"


def _phone(rng: random.Random, jurisdiction: str) -> str:
    if jurisdiction == "CN":
        prefix = f"1{rng.choice('3578')}{rng.randrange(10)}"
        return f"+86 {prefix} {rng.randrange(10000):04d} {rng.randrange(10000):04d}"
    if jurisdiction == "GB":  # Ofcom's range for drama: 07700 900000–900999
        return f"+44 7700 900{rng.randrange(1000):03d}"
    return f"+1 415 555 01{rng.randrange(100):02d}"  # 555-0100 to 555-0199: fictional


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def contracts(rng: random.Random, hired: dt.date, jurisdiction: str, as_of: dt.date) -> list[dict]:
    """The contracts from hire to ``as_of``, oldest first; each later one renews the one before."""
    if jurisdiction != "CN":
        probation = hired + dt.timedelta(days=182 if jurisdiction == "GB" else 90)
        return [{"type": ContractType.OPEN_ENDED, "starts_on": hired, "probation_ends_on": probation}]
    roll = rng.random()
    if roll < 0.02:
        return [{"type": ContractType.PART_TIME, "starts_on": hired}]
    if roll < 0.04:
        end = as_of + dt.timedelta(days=rng.randint(30, 400))
        return [{"type": ContractType.PROJECT_BASED, "starts_on": hired, "ends_on": end}]
    history, start = [], hired
    while start <= as_of:
        if len(history) == 2:  # LCL 14(3): after two fixed terms, open-ended
            history.append({"type": ContractType.OPEN_ENDED, "starts_on": start})
            break
        end = _add_years(start, 3) - dt.timedelta(days=1)
        history.append({"type": ContractType.FIXED_TERM, "starts_on": start, "ends_on": end})
        start = end + dt.timedelta(days=1)
    history[0]["probation_ends_on"] = hired + dt.timedelta(days=182)
    return history


def months(as_of: dt.date, count: int = 12) -> list[dt.date]:
    """The ``count`` whole months before the month of ``as_of``, oldest first."""
    first = as_of.replace(day=1)
    result = []
    for _ in range(count):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        result.append(first)
    return result[::-1]


def wages(rng: random.Random, d: Details, jurisdiction: str, window: list[dt.date]) -> Iterator[tuple]:
    """(month, base, bonus, allowances, other) in cents for each month employed in ``window``."""
    raise_factor = 1 + rng.uniform(0.02, 0.08) if rng.random() < 0.85 else 1.0
    bonus_month, bonus = (1, d.base * rng.randint(10, 30) // 10) if jurisdiction == "CN" else (3, d.base // 2)
    for month in window:
        if month < d.hire_date.replace(day=1):
            continue
        base = (
            round(d.base * raise_factor, -4) if month.month >= 4 and month.year == window[-1].year else d.base
        )
        if month.year == d.hire_date.year and month.month == d.hire_date.month:
            days = calendar.monthrange(month.year, month.month)[1]
            base = base * (days - d.hire_date.day + 1) // days  # the first month, paid from the start date
        other = rng.randrange(200, 3000) * 100 if jurisdiction == "CN" and rng.random() < 0.1 else 0
        yield month, int(base), bonus if month.month == bonus_month else 0, d.allowance, other


def protected_period(rng: random.Random, d: Details, as_of: dt.date) -> dict | None:
    """About one person in sixty is in (or was recently in) a protected situation."""
    if rng.random() >= 1 / 60:
        return None
    age = (as_of - d.birth_date).days // 365
    if d.sex == Sex.FEMALE and 24 <= age <= 40 and rng.random() < 0.5:
        kind = rng.choice([ProtectedKind.PREGNANCY, ProtectedKind.MATERNITY_LEAVE, ProtectedKind.NURSING])
        start = as_of - dt.timedelta(days=rng.randint(10, 200))
        length = {
            ProtectedKind.PREGNANCY: None,
            ProtectedKind.MATERNITY_LEAVE: 158,
            ProtectedKind.NURSING: 365,
        }[kind]
    else:
        kind = ProtectedKind.WORK_INJURY if rng.random() < 0.1 else ProtectedKind.MEDICAL_TREATMENT
        start = as_of - dt.timedelta(days=rng.randint(10, 400))
        length = rng.choice([None, 90, 180, 365, 720])
    start = max(start, d.hire_date)
    return {
        "kind": kind,
        "starts_on": start,
        "ends_on": start + dt.timedelta(days=length) if length else None,
    }
