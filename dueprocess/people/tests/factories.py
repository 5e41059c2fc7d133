"""factory_boy factories for the people models; every app's tests may use them.

    employee = EmployeeFactory(manager=EmployeeFactory())
    ContractFactory(employee=employee, fixed_term=True)
    wage_history(employee, base=Decimal("20000"))       # twelve months up to October 2026

Values are deterministic (sequences, not random): a failing test fails the same way twice. Names
are realistic Chinese names with their pinyin, from the seed's name material.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from dueprocess.people.models import (
    Contract,
    ContractType,
    Department,
    Employee,
    Jurisdiction,
    Location,
    ProtectedKind,
    ProtectedPeriod,
    Sex,
    WageRecord,
)
from dueprocess.people.seeding import names


def _name(n: int) -> tuple[str, str]:
    return names.chinese_name(random.Random(n), female=n % 2 == 0)


class LocationFactory(DjangoModelFactory):
    """Shanghai unless told otherwise; ``LocationFactory(london=True)`` or ``(san_francisco=True)``."""

    class Meta:
        model = Location
        django_get_or_create = ("code",)

    code = "shanghai"
    name = "上海"
    name_en = "Shanghai"
    jurisdiction = Jurisdiction.CN
    locality = "shanghai"
    time_zone = "Asia/Shanghai"

    class Params:
        london = factory.Trait(
            code="london", name="伦敦", name_en="London", jurisdiction=Jurisdiction.GB, locality="london",
            time_zone="Europe/London",
        )  # fmt: skip
        san_francisco = factory.Trait(
            code="san-francisco", name="旧金山", name_en="San Francisco", jurisdiction=Jurisdiction.US_CA,
            locality="san-francisco", time_zone="America/Los_Angeles",
        )  # fmt: skip


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"dept-{n}")
    name = factory.Sequence(lambda n: f"部门{n}")
    name_en = factory.Sequence(lambda n: f"Department {n}")
    parent = None


class EmployeeFactory(DjangoModelFactory):
    class Meta:
        model = Employee
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: f"T{n:05d}")
    legal_name = factory.Sequence(lambda n: _name(n)[0])
    other_name = factory.Sequence(lambda n: _name(n)[1])
    email = factory.LazyAttribute(lambda o: f"{o.number.lower()}@example.com")
    phone = factory.Sequence(lambda n: f"+86 138 0000 {n % 10000:04d}")
    birth_date = dt.date(1990, 5, 17)
    sex = factory.Sequence(lambda n: Sex.FEMALE if n % 2 == 0 else Sex.MALE)
    department = factory.SubFactory(DepartmentFactory)
    position = "工程师"
    manager = None
    location = factory.SubFactory(LocationFactory)
    hire_date = dt.date(2020, 3, 1)


class ContractFactory(DjangoModelFactory):
    """Open-ended from the hire date; ``fixed_term=True`` for three years with six months' probation."""

    class Meta:
        model = Contract

    employee = factory.SubFactory(EmployeeFactory)
    type = ContractType.OPEN_ENDED
    starts_on = factory.LazyAttribute(lambda o: o.employee.hire_date)
    ends_on = None
    probation_ends_on = None
    renews = None

    class Params:
        fixed_term = factory.Trait(
            type=ContractType.FIXED_TERM,
            ends_on=factory.LazyAttribute(
                lambda o: o.starts_on.replace(year=o.starts_on.year + 3) - dt.timedelta(1)
            ),
            probation_ends_on=factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=182)),
        )


class WageRecordFactory(DjangoModelFactory):
    class Meta:
        model = WageRecord

    employee = factory.SubFactory(EmployeeFactory)
    month = dt.date(2026, 10, 1)
    base = Decimal("20000.00")
    bonus = Decimal("0.00")
    allowances = Decimal("0.00")
    other = Decimal("0.00")


class ProtectedPeriodFactory(DjangoModelFactory):
    class Meta:
        model = ProtectedPeriod

    employee = factory.SubFactory(EmployeeFactory, sex=Sex.FEMALE)
    kind = ProtectedKind.PREGNANCY
    starts_on = dt.date(2026, 9, 1)
    ends_on = None
    note = ""


def wage_history(
    employee: Employee,
    *,
    months: int = 12,
    last: dt.date = dt.date(2026, 10, 1),
    base: Decimal = Decimal("20000.00"),
) -> list[WageRecord]:
    """``months`` months of wages ending with the month ``last``, the same base each month."""
    records, month = [], last
    for _ in range(months):
        records.append(WageRecordFactory(employee=employee, month=month, base=base))
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return records[::-1]
