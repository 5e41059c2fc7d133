"""The shape of the synthetic organisation: work locations, a department tree, and a reporting tree.

A head office with ten divisions, each with its departments; a department larger than a team of
teams splits into numbered groups. Everyone but the chief executive reports to the head of their
unit or, in a big unit, to a team lead who reports to that head: six levels at most.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from dueprocess.people.models import Jurisdiction

# code, name, English name, jurisdiction, locality, time zone
LOCATIONS = [
    ("shanghai", "上海", "Shanghai", Jurisdiction.CN, "shanghai", "Asia/Shanghai"),
    ("beijing", "北京", "Beijing", Jurisdiction.CN, "beijing", "Asia/Shanghai"),
    ("shenzhen", "深圳", "Shenzhen", Jurisdiction.CN, "shenzhen", "Asia/Shanghai"),
    ("london", "伦敦", "London", Jurisdiction.GB, "london", "Europe/London"),
    ("san-francisco", "旧金山", "San Francisco", Jurisdiction.US_CA, "san-francisco", "America/Los_Angeles"),
]
JURISDICTION = {code: jurisdiction for code, _n, _e, jurisdiction, _l, _t in LOCATIONS}
LOCATION_WEIGHTS = {"shanghai": 45, "beijing": 22, "shenzhen": 20, "london": 8, "san-francisco": 5}
INTERNATIONAL = {"shanghai": 10, "london": 45, "san-francisco": 45}

# code, name, English name, weight (share of the staff), departments (code, name, English name)
DIVISIONS = [
    ("rd", "研发中心", "Research and Development", 35, [
        ("platform", "平台研发部", "Platform Engineering"), ("mobile", "移动研发部", "Mobile Engineering"),
        ("data", "数据智能部", "Data and AI"), ("infra", "基础架构部", "Infrastructure"),
        ("qa", "质量保障部", "Quality Assurance"), ("security", "信息安全部", "Information Security"),
    ]),
    ("product", "产品部", "Product", 6, [
        ("core", "产品规划部", "Product Management"), ("design", "用户体验设计部", "User Experience"),
    ]),
    ("sales", "销售部", "Sales", 18, [
        ("east", "华东大区", "East China"), ("north", "华北大区", "North China"),
        ("south", "华南大区", "South China"),
        ("intl", "国际业务部", "International"), ("key-accounts", "大客户部", "Key Accounts"),
    ]),
    ("marketing", "市场部", "Marketing", 5, [("brand", "品牌部", "Brand"), ("growth", "增长部", "Growth")]),
    ("operations", "运营部", "Operations", 11, [
        ("service", "客户服务部", "Customer Service"), ("logistics", "物流部", "Logistics"),
        ("content", "内容运营部", "Content Operations"),
    ]),
    ("supply", "供应链中心", "Supply Chain", 10, [
        ("procurement", "采购部", "Procurement"), ("manufacturing", "生产制造部", "Manufacturing"),
        ("warehousing", "仓储部", "Warehousing"),
    ]),
    ("finance", "财务部", "Finance", 4, [
        ("accounting", "会计部", "Accounting"), ("treasury", "资金部", "Treasury"), ("tax", "税务部", "Tax"),
    ]),
    ("hr", "人力资源部", "Human Resources", 4, [
        ("recruiting", "招聘部", "Recruiting"), ("people-ops", "人事服务部", "People Operations"),
        ("learning", "培训发展部", "Learning and Development"),
    ]),
    ("legal", "法务部", "Legal", 2, [
        ("compliance", "合规部", "Compliance"), ("affairs", "法律事务部", "Legal Affairs"),
    ]),
    ("admin", "行政部", "Administration", 5, [
        ("facilities", "行政后勤部", "Facilities"), ("it", "IT 支持部", "IT Support"),
    ]),
]  # fmt: skip

GROUP_SIZE = 60  # a department larger than GROUP_SIZE * 4/3 splits into groups of about this size
TEAM_SIZE = 10  # a unit with more direct members than TEAM_SIZE + 2 gets team leads


@dataclass
class Unit:
    code: str
    name: str
    name_en: str
    parent: Unit | None
    division: str
    weight: float = 1.0
    location: str = "shanghai"
    children: list[Unit] = field(default_factory=list)
    depth: int = 0


@dataclass(slots=True)
class Person:
    """An employee as planned, before it is a database row."""

    unit: Unit
    manager: Person | None
    level: int  # 0 chief executive, 1 division head, 2 department head, 3 group head, 4 lead, 5 staff
    role: str  # "head", "lead" or "staff"
    pk: int | None = None


def department_tree(rng: random.Random) -> Unit:
    root = Unit("company", "总公司", "Head Office", None, "company")
    for code, name, name_en, weight, departments in DIVISIONS:
        division = Unit(code, name, name_en, root, code, weight, depth=1)
        root.children.append(division)
        for sub, sub_name, sub_en in departments:
            unit = Unit(f"{code}-{sub}", sub_name, sub_en, division, code, depth=2)
            unit.location = _location(rng, unit)
            division.children.append(unit)
        division.location = division.children[0].location
    return root


def _location(rng: random.Random, unit: Unit) -> str:
    weights = INTERNATIONAL if unit.code in ("sales-intl",) else LOCATION_WEIGHTS
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def staff(rng: random.Random, unit: Unit, count: int, manager: Person | None, out: list[Person]) -> None:
    """Give ``unit`` ``count`` people: its head, reporting to ``manager``, and everyone below."""
    if count <= 0:
        return
    head = Person(unit, manager, unit.depth, "head")
    out.append(head)
    count -= 1
    if not unit.children and count > GROUP_SIZE * 4 // 3:
        _split_into_groups(rng, unit, math.ceil(count / GROUP_SIZE))
    if unit.children:
        shares = _shares(count, [child.weight for child in unit.children])
        for child, share in zip(unit.children, shares, strict=True):
            staff(rng, child, share, head, out)
    else:
        _members(unit, count, head, out)


def _split_into_groups(rng: random.Random, unit: Unit, groups: int) -> None:
    for i in range(1, groups + 1):
        group = Unit(
            f"{unit.code}-{i:02d}", f"{unit.name}第{i}组", f"{unit.name_en} group {i}", unit, unit.division
        )
        group.depth, group.location = unit.depth + 1, unit.location if i % 4 else _location(rng, group)
        unit.children.append(group)


def _members(unit: Unit, count: int, head: Person, out: list[Person]) -> None:
    level = head.level + 1
    if count <= TEAM_SIZE + 2:
        out.extend(Person(unit, head, level, "staff") for _ in range(count))
        return
    leads = [Person(unit, head, level, "lead") for _ in range(math.ceil(count / (TEAM_SIZE + 1)))]
    out.extend(leads)
    out.extend(Person(unit, leads[i % len(leads)], level + 1, "staff") for i in range(count - len(leads)))


def _shares(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights``, in whole people (largest remainder)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def units(root: Unit) -> list[Unit]:
    """Every unit, parents before children."""
    ordered, queue = [], [root]
    while queue:
        unit = queue.pop(0)
        ordered.append(unit)
        queue.extend(unit.children)
    return ordered
