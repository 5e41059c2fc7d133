"""The demo organisation: 星桥科技 (Xingqiao Technology), a Chinese technology company of about sixty
people in Shanghai and Beijing, with a few in London and San Francisco.

The people who carry the demo's stories are written out by hand; the rest are drawn from a seeded
random generator, so every demo database holds the same organisation. Dates are relative to the day
the demo is loaded, so that wage histories and protected periods are always current.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

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


# The people whose stories the demo tells, and the managers above them.
KEY_PEOPLE = [
    Person("XQ0001", "林志远", "Lin Zhiyuan", "male", "1975-03-12", "company", "首席执行官 CEO", None,
           "shanghai", "2012-05-02", 98000),
    Person("XQ0002", "周雅琴", "Zhou Yaqin", "female", "1982-08-21", "people", "人力资源总监 HR Director",
           "XQ0001", "shanghai", "2014-09-01", 52000),
    Person("XQ0003", "陈思敏", "Chen Simin", "female", "1990-11-03", "people", "HRBP 人力资源业务伙伴",
           "XQ0002", "shanghai", "2018-03-19", 26000),
    Person("XQ0004", "赵立新", "Zhao Lixin", "male", "1980-01-27", "legal", "法务总监 General Counsel",
           "XQ0001", "shanghai", "2016-06-13", 58000),
    Person("XQ0005", "王建国", "Wang Jianguo", "male", "1979-06-30", "product", "产品副总裁 VP Product",
           "XQ0001", "shanghai", "2013-04-08", 72000),
    Person("XQ0006", "刘芳", "Liu Fang", "female", "1985-12-14", "product", "产品总监 Product Director",
           "XQ0005", "shanghai", "2015-07-20", 45000),
    # The protagonist: a product manager whose reviews keep slipping.
    Person("XQ0007", "张伟", "Zhang Wei", "male", "1988-04-16", "product", "高级产品经理 Senior Product Manager",
           "XQ0006", "shanghai", "2019-04-01", 28000),
    Person("XQ0008", "孙晓梅", "Sun Xiaomei", "female", "1992-02-09", "product", "产品经理 Product Manager",
           "XQ0006", "shanghai", "2020-08-17", 24000),
    Person("XQ0009", "黄海涛", "Huang Haitao", "male", "1981-09-05", "engineering", "研发副总裁 VP Engineering",
           "XQ0001", "beijing", "2013-10-14", 76000),
    Person("XQ0010", "吴静", "Wu Jing", "female", "1991-05-22", "engineering-platform",
           "高级工程师 Senior Engineer", "XQ0011", "beijing", "2017-02-27", 33000),
    Person("XQ0011", "郑浩", "Zheng Hao", "male", "1984-07-18", "engineering-platform",
           "平台组经理 Platform Manager", "XQ0009", "beijing", "2014-11-03", 48000),
    Person("XQ0012", "何建华", "He Jianhua", "male", "1970-10-02", "engineering-mobile",
           "资深测试工程师 Senior QA Engineer", "XQ0013", "beijing", "2005-03-01", 21000),
    Person("XQ0013", "马丽", "Ma Li", "female", "1986-03-25", "engineering-mobile", "移动端经理 Mobile Manager",
           "XQ0009", "beijing", "2016-05-09", 46000),
    Person("XQ0014", "Oliver Bennett", "", "male", "1983-02-11", "international",
           "Head of International 国际业务负责人", "XQ0001", "london", "2018-01-08", 0),
    Person("XQ0015", "Emily Carter", "", "female", "1994-09-30", "international",
           "Account Manager 客户经理", "XQ0014", "london", "2021-06-01", 0),
    Person("XQ0016", "Daniel Reyes", "", "male", "1987-12-01", "international",
           "Solutions Engineer 解决方案工程师", "XQ0014", "san-francisco", "2020-10-12", 0),
]
PROTAGONIST = "XQ0007"
PREGNANT = "XQ0010"
ON_MEDICAL_LEAVE = "XQ0012"

# Monthly gross in local currency for the staff outside China (GBP, USD).
FOREIGN_WAGES = {"XQ0014": 8200, "XQ0015": 3900, "XQ0016": 13500}

SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
            ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"),
            ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"), ("何", "He"), ("郭", "Guo"),
            ("罗", "Luo"), ("梁", "Liang"), ("宋", "Song"), ("谢", "Xie"), ("韩", "Han"), ("唐", "Tang")]
GIVEN = [("子涵", "Zihan"), ("浩然", "Haoran"), ("欣怡", "Xinyi"), ("宇轩", "Yuxuan"), ("梓萱", "Zixuan"),
         ("俊杰", "Junjie"), ("雨桐", "Yutong"), ("明辉", "Minghui"), ("佳琪", "Jiaqi"), ("志强", "Zhiqiang"),
         ("婷婷", "Tingting"), ("文博", "Wenbo"), ("晓燕", "Xiaoyan"), ("建军", "Jianjun"), ("思远", "Siyuan"),
         ("丽娜", "Lina"), ("鹏飞", "Pengfei"), ("嘉怡", "Jiayi"), ("国栋", "Guodong"), ("慧敏", "Huimin")]
TEAMS = [
    # department, manager, location, positions
    ("product", "XQ0006", "shanghai", ["产品经理 Product Manager", "产品助理 Product Assistant"]),
    ("engineering-platform", "XQ0011", "beijing", ["后端工程师 Backend Engineer", "运维工程师 SRE"]),
    ("engineering-mobile", "XQ0013", "beijing", ["iOS 工程师 iOS Engineer", "安卓工程师 Android Engineer"]),
    ("sales", "XQ0017", "shanghai", ["销售经理 Account Executive", "销售代表 Sales Representative"]),
    ("finance", "XQ0018", "shanghai", ["会计 Accountant", "财务分析师 Financial Analyst"]),
    ("people", "XQ0002", "shanghai", ["招聘专员 Recruiter", "薪酬专员 Payroll Specialist"]),
]
TEAM_LEADS = [
    Person("XQ0017", "杨帆", "Yang Fan", "male", "1983-05-19", "sales", "销售总监 Sales Director", "XQ0001",
           "shanghai", "2015-03-02", 50000),
    Person("XQ0018", "徐敏", "Xu Min", "female", "1984-10-08", "finance", "财务总监 Finance Director", "XQ0001",
           "shanghai", "2014-12-01", 55000),
]
GENERATED = 42  # with the 18 above, about sixty people


def generated_people(rng: random.Random, start: int = 19) -> list[Person]:
    people, used = [], {p.legal_name for p in KEY_PEOPLE + TEAM_LEADS}
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
        code: Location.objects.create(code=code, name=name, name_en=en, jurisdiction=j, locality=loc, time_zone=tz)
        for code, name, en, j, loc, tz in LOCATIONS
    }
    departments: dict[str, Department] = {}
    for code, name, en, parent in DEPARTMENTS:
        departments[code] = Department.objects.create(
            code=code, name=name, name_en=en, parent=departments.get(parent) if parent else None
        )
    rng = random.Random(2026)
    people = KEY_PEOPLE + TEAM_LEADS + generated_people(rng)
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
            ends_on=_add_years(start, 3) - dt.timedelta(days=1), probation_ends_on=_add_months(start, 6) - dt.timedelta(days=1),
        )  # fmt: skip
        if first.ends_on and first.ends_on < dt.date(2025, 6, 1):
            second_start = first.ends_on + dt.timedelta(days=1)
            second = Contract.objects.create(
                employee=employee, type=ContractType.FIXED_TERM, starts_on=second_start,
                ends_on=_add_years(second_start, 3) - dt.timedelta(days=1), renews=first,
            )  # fmt: skip
            if second.ends_on and second.ends_on < dt.date(2025, 6, 1):
                Contract.objects.create(
                    employee=employee, type=ContractType.OPEN_ENDED,
                    starts_on=second.ends_on + dt.timedelta(days=1), renews=second,
                )  # fmt: skip


def _create_wages(people: list[Person], employees: dict, today: dt.date, rng: random.Random) -> None:
    rows = []
    for p in people:
        monthly = FOREIGN_WAGES.get(p.number, p.wage)
        for month in month_starts(today):
            bonus = Decimal(monthly * rng.choice([0, 0, 0, 10, 20]) // 100) if month.month in (1, 7) else Decimal(0)
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
