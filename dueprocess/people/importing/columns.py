"""The four kinds of file, their columns, and the header names each column answers to.

A file's kind is told by its header row, never by its name. The export writes the English names;
the importer also accepts the Chinese names an HR sheet from Chinese Excel carries (工号, 姓名 …)
and a few common English variants. Headers are compared after ``normalise``: full-width characters
folded (NFKC), case and spacing ignored, a trailing "*" or "(unit)" dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from dueprocess.people.importing import cells
from dueprocess.people.models import ContractType, Jurisdiction, Sex


@dataclass(frozen=True)
class Column:
    name: str
    parse: cells.Parser
    required: bool = False
    aliases: tuple[str, ...] = ()
    # What an empty cell means; None for "nothing" (a blank date, no manager).
    empty: object = None


@dataclass(frozen=True)
class Kind:
    name: str
    columns: tuple[Column, ...]
    # The header must hold all of ``needs`` and, if given, one of ``needs_one_of`` to be this kind.
    needs: frozenset[str]
    needs_one_of: frozenset[str] = frozenset()
    by_name: dict[str, Column] = field(init=False, repr=False, compare=False)
    by_header: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {c.name: c for c in self.columns})
        headers = {normalise(alias): c.name for c in self.columns for alias in (c.name, *c.aliases)}
        object.__setattr__(self, "by_header", headers)

    def recognises(self, names: set[str]) -> bool:
        return self.needs <= names and (not self.needs_one_of or bool(self.needs_one_of & names))


_UNIT = re.compile(r"\s*\([^()]*\)$")


def normalise(header: object) -> str:
    text = unicodedata.normalize("NFKC", "" if header is None else str(header)).strip()
    return cells.fold(_UNIT.sub("", text.rstrip("*").strip()))


def _choices(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {cells.fold(s): value for value, spellings in pairs.items() for s in (value, *spellings)}


SEXES = _choices(
    {
        Sex.FEMALE: ("f", "woman", "女", "女性"),
        Sex.MALE: ("m", "man", "男", "男性"),
        Sex.UNDISCLOSED: ("undisclosed", "not recorded", "unknown", "未知", "未填"),
    }
)
CONTRACT_TYPES = _choices(
    {
        ContractType.OPEN_ENDED: ("open ended", "permanent", "无固定期限", "无固定期限劳动合同"),
        ContractType.FIXED_TERM: ("fixed term", "fixed", "固定期限", "固定期限劳动合同"),
        ContractType.PROJECT_BASED: (
            "project based",
            "task based",
            "以完成一定工作任务为期限",
            "以完成一定工作任务为期限的劳动合同",
        ),
        ContractType.PART_TIME: ("part time", "非全日制", "非全日制用工"),
    }
)
JURISDICTIONS = _choices(
    {
        Jurisdiction.CN: ("china", "prc", "中国", "中国大陆"),
        Jurisdiction.GB: ("uk", "united kingdom", "英国"),
        Jurisdiction.US_CA: ("california", "us california", "加州", "美国加州"),
    }
)

_sex = cells.choice(SEXES, "female, male, 女, 男")
_contract_type = cells.choice(CONTRACT_TYPES, "open_ended, fixed_term, project_based, part_time")
_jurisdiction = cells.choice(JURISDICTIONS, "CN, GB, US-CA")
_NUMBER = (
    "employee_number",
    "employee_no",
    "emp_no",
    "staff_number",
    "工号",
    "员工编号",
    "员工工号",
    "职工编号",
)

LOCATIONS = Kind(
    "locations",
    (
        Column(
            "code", cells.code, True, ("location", "location_code", "代码", "编码", "地点代码", "地点编码")
        ),
        Column("name", cells.text(100), True, ("名称", "地点名称", "工作地点")),
        Column("name_en", cells.text(100), aliases=("english_name", "英文名称", "英文名"), empty=""),
        Column("jurisdiction", _jurisdiction, True, ("法域", "适用法律", "司法辖区")),
        Column("locality", cells.code, aliases=("city", "城市", "所在城市"), empty=""),
        Column("time_zone", cells.time_zone, aliases=("timezone", "tz", "时区"), empty=None),
    ),
    needs=frozenset({"code"}),
    needs_one_of=frozenset({"jurisdiction", "locality", "time_zone"}),
)

DEPARTMENTS = Kind(
    "departments",
    (
        Column(
            "code",
            cells.code,
            True,
            ("department", "department_code", "代码", "编码", "部门代码", "部门编码"),
        ),
        Column("name", cells.text(100), True, ("名称", "部门名称")),
        Column("name_en", cells.text(100), aliases=("english_name", "英文名称", "英文名"), empty=""),
        Column("parent_code", cells.code, aliases=("parent", "上级部门", "上级部门代码", "上级部门编码")),
    ),
    needs=frozenset({"code"}),
)

EMPLOYEES = Kind(
    "employees",
    (
        Column("number", cells.text(32), True, _NUMBER),
        Column("legal_name", cells.text(120), True, ("name", "full_name", "姓名", "员工姓名", "法定姓名")),
        Column(
            "other_name",
            cells.text(120),
            aliases=("英文名", "英文姓名", "拼音", "拼音姓名", "其他姓名"),
            empty="",
        ),
        Column(
            "email", cells.email, aliases=("e_mail", "邮箱", "电子邮箱", "电子邮件", "工作邮箱"), empty=""
        ),
        Column(
            "phone",
            cells.text(40),
            aliases=("mobile", "电话", "手机", "手机号", "手机号码", "联系电话"),
            empty="",
        ),
        Column("birth_date", cells.date, aliases=("date_of_birth", "dob", "出生日期", "生日")),
        Column("sex", _sex, aliases=("gender", "性别"), empty=""),
        Column(
            "department", cells.code, True, ("department_code", "部门", "部门代码", "部门编码", "所属部门")
        ),
        Column(
            "manager_number",
            cells.text(32),
            aliases=("manager", "上级工号", "直属上级工号", "经理工号", "主管工号"),
        ),
        Column("location", cells.code, True, ("location_code", "工作地点", "工作地点代码", "地点", "工作地")),
        Column("position", cells.text(120), aliases=("job_title", "title", "职位", "岗位", "职务"), empty=""),
        Column("hire_date", cells.date, True, ("hired_on", "start_of_employment", "入职日期", "入职时间")),
        Column("left_on", cells.date, aliases=("leaving_date", "离职日期", "最后工作日")),
        Column("contract_type", _contract_type, aliases=("合同类型", "劳动合同类型")),
        Column("contract_start", cells.date, aliases=("合同开始日期", "合同起始日期", "合同生效日期")),
        Column("contract_end", cells.date, aliases=("合同结束日期", "合同终止日期", "合同到期日")),
        Column("probation_end", cells.date, aliases=("试用期结束日期", "试用期截止日期", "试用期到期日")),
    ),
    needs=frozenset({"number"}),
)

_AMOUNT = {"empty": 0}
WAGES = Kind(
    "wages",
    (
        Column("number", cells.text(32), True, _NUMBER),
        Column("month", cells.month, True, ("wage_month", "月份", "工资月份", "所属月份")),
        Column("base", cells.money, True, ("base_wage", "基本工资", "基本薪资", "底薪")),
        Column("bonus", cells.money, aliases=("奖金",), **_AMOUNT),
        Column("allowances", cells.money, aliases=("allowance", "津贴", "补贴", "津贴补贴"), **_AMOUNT),
        Column("other", cells.money, aliases=("other_income", "其他", "其他收入", "其他现金收入"), **_AMOUNT),
        # Written by the export for the reader's convenience; on import it is only checked.
        Column("gross", cells.money, aliases=("total", "应发工资", "应发合计", "工资总额", "合计")),
    ),
    needs=frozenset({"number"}),
    needs_one_of=frozenset({"month", "base", "bonus", "allowances", "other", "gross"}),
)

# The order files are tried in when telling kinds apart, and the order they are written in: a row
# may only point at rows of a kind written before it.
KINDS = (WAGES, EMPLOYEES, LOCATIONS, DEPARTMENTS)
WRITE_ORDER = ("locations", "departments", "employees", "wages")
BY_NAME = {kind.name: kind for kind in KINDS}


def detect(headers: list[object]) -> Kind | None:
    """The kind whose key columns the header has; failing that, the one kind whose columns it
    mostly has (at least two), so that a header without its key column is told what is missing."""
    names = {normalise(h) for h in headers}
    found = {kind: {kind.by_header[n] for n in names if n in kind.by_header} for kind in KINDS}
    for kind, columns in found.items():
        if kind.recognises(columns):
            return kind
    best = max(len(columns) for columns in found.values())
    likely = [kind for kind, columns in found.items() if len(columns) == best]
    return likely[0] if best >= 2 and len(likely) == 1 else None
