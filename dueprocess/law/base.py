"""The engine's vocabulary: facts, the assessment, and the pieces an assessment is made of.

The JSON forms (``Facts.from_dict`` and ``Assessment.to_dict``) are the contract of
``dueprocess assess`` and of ``shared/law/README.md``; keep them exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

CENT = Decimal("0.01")
LANGS = ("en", "zh-Hans")


@dataclass(frozen=True)
class Text:
    """A message in both languages the product speaks."""

    en: str
    zh: str

    def __call__(self, lang: str = "en") -> str:
        # "zh-Hans" as the CLI spells it, "zh-hans" as Django does: any Chinese reads the Chinese.
        return self.zh if lang.lower().startswith("zh") else self.en


class FactsError(ValueError):
    """Bad or missing facts, or a figure the engine does not have; names the field at fault."""

    def __init__(self, field: str, message: str, zh: str | None = None) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.zh = zh or message

    def text(self, lang: str = "en") -> str:
        return f"{self.field}: {self.zh if lang.lower().startswith('zh') else self.message}"


# --- money -----------------------------------------------------------------------------------


def money(value: Decimal) -> Decimal:
    """Round once, at the end, half-up to the cent (the rule the vectors use)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def money_str(value: Decimal | None) -> str | None:
    return None if value is None else f"{money(value):.2f}"


def decimal_str(value: Decimal | None) -> str | None:
    """Units and weeks: a decimal string without trailing zeros ("6.5", "12", "0")."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0.0") else text


# --- dates -----------------------------------------------------------------------------------


def complete_months(start: dt.date, last_day: dt.date) -> int:
    """Whole calendar months from ``start`` to ``last_day``, both days included.

    A month is complete when the day after ``last_day`` reaches the start's day of the month:
    2024-09-01 to 2026-06-30 is 22 months; 2010-06-01 to 2025-06-27 is 15 years. (ERA ss.210-211
    count employment in months and years of twelve months; CN has its own CC 201-202 rule.)
    """
    end = last_day + dt.timedelta(days=1)
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    return max(months, 0)


# --- facts -----------------------------------------------------------------------------------

CONTRACT_TYPES = ("open_ended", "fixed_term", "task_based")


@dataclass(frozen=True)
class Employee:
    hire_date: dt.date | None = None
    birth_date: dt.date | None = None
    sex: str | None = None


@dataclass(frozen=True)
class Contract:
    type: str = "open_ended"
    end_date: dt.date | None = None
    probation_end: dt.date | None = None


@dataclass(frozen=True)
class Notice:
    given_on: dt.date | None = None
    pay_in_lieu: bool = False


@dataclass(frozen=True)
class Pay:
    average_monthly: Decimal | None = None
    monthly: tuple[Decimal, ...] = ()
    previous_month: Decimal | None = None
    weekly: Decimal | None = None
    daily_rate: Decimal | None = None


@dataclass(frozen=True)
class ProtectedSituation:
    kind: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Procedure:
    union_notified_on: dt.date | None = None
    training_or_job_adjustment: bool | None = None
    renewal_offered_on_same_or_better_terms: bool | None = None
    final_pay_on: dt.date | None = None
    good_faith_dispute: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # GB: the ACAS Code of Practice on disciplinary procedures (conduct, capability, gross misconduct).
    # None or false means the step has not been taken, so it shows as a missing step.
    investigation_held: bool | None = None
    invited_in_writing: bool | None = None
    hearing_held: bool | None = None
    accompanied_offered: bool | None = None
    decision_in_writing: bool | None = None
    appeal_offered: bool | None = None


@dataclass(frozen=True)
class Facts:
    jurisdiction: str
    ground: str
    last_day: dt.date
    locality: str | None = None
    employee: Employee = Employee()
    contract: Contract = Contract()
    notice: Notice | None = None
    pay: Pay = Pay()
    protected: tuple[ProtectedSituation, ...] = ()
    procedure: Procedure = Procedure()

    @classmethod
    def from_dict(cls, data: Any) -> Facts:
        return _FactsParser().parse(data)


class _FactsParser:
    """Strict reading of the facts JSON: unknown keys and wrong types are errors naming the path."""

    TOP = {
        "jurisdiction", "locality", "ground", "employee", "contract", "last_day", "notice", "pay",
        "protected", "procedure",
    }  # fmt: skip
    EMPLOYEE = {"birth_date", "sex", "hire_date"}
    CONTRACT = {"type", "end_date", "probation_end"}
    NOTICE = {"given_on", "pay_in_lieu"}
    PAY = {"average_monthly", "monthly", "previous_month", "weekly", "daily_rate"}
    PROTECTED = {"kind", "from", "to"}
    PROCEDURE_DATES = {"union_notified_on", "final_pay_on"}
    PROCEDURE_FLAGS = {
        "training_or_job_adjustment", "renewal_offered_on_same_or_better_terms", "good_faith_dispute",
    }  # fmt: skip
    # GB ACAS Code steps (optional; each absent flag is a missing step for conduct and capability).
    ACAS_FLAGS = (
        "investigation_held", "invited_in_writing", "hearing_held", "accompanied_offered",
        "decision_in_writing", "appeal_offered",
    )  # fmt: skip

    def parse(self, data: Any) -> Facts:
        data = self._object(data, "facts", self.TOP, allow_extra=False)
        jurisdiction = self._string(data, "jurisdiction", "jurisdiction", required=True)
        ground = self._string(data, "ground", "ground", required=True)
        last_day = self._date(data, "last_day", "last_day", required=True)
        employee = self._object(data.get("employee") or {}, "employee", self.EMPLOYEE)
        contract = self._object(data.get("contract") or {}, "contract", self.CONTRACT)
        contract_type = self._string(contract, "type", "contract.type") or "open_ended"
        if contract_type not in CONTRACT_TYPES:
            raise FactsError(
                "contract.type",
                f"must be one of {', '.join(CONTRACT_TYPES)}, not {contract_type!r}",
                f"必须是 {', '.join(CONTRACT_TYPES)} 之一，而不是 {contract_type!r}",
            )
        notice = None
        if data.get("notice") is not None:
            raw = self._object(data["notice"], "notice", self.NOTICE)
            notice = Notice(
                given_on=self._date(raw, "given_on", "notice.given_on"),
                pay_in_lieu=bool(self._flag(raw, "pay_in_lieu", "notice.pay_in_lieu")),
            )
        facts = Facts(
            jurisdiction=jurisdiction,
            ground=ground,
            last_day=last_day,
            locality=self._string(data, "locality", "locality"),
            employee=Employee(
                hire_date=self._date(employee, "hire_date", "employee.hire_date"),
                birth_date=self._date(employee, "birth_date", "employee.birth_date"),
                sex=self._string(employee, "sex", "employee.sex"),
            ),
            contract=Contract(
                type=contract_type,
                end_date=self._date(contract, "end_date", "contract.end_date"),
                probation_end=self._date(contract, "probation_end", "contract.probation_end"),
            ),
            notice=notice,
            pay=self._pay(data.get("pay") or {}),
            protected=self._protected(data.get("protected") or []),
            procedure=self._procedure(data.get("procedure") or {}),
        )
        self._check_order(facts)
        return facts

    def _pay(self, raw: Any) -> Pay:
        raw = self._object(raw, "pay", self.PAY)
        monthly = raw.get("monthly") or []
        if not isinstance(monthly, list):
            raise FactsError("pay.monthly", "must be a list of amounts", "必须是金额列表")
        if len(monthly) > 12:
            raise FactsError("pay.monthly", "at most 12 months", "最多 12 个月")
        return Pay(
            average_monthly=self._money(raw, "average_monthly", "pay.average_monthly"),
            monthly=tuple(
                self._money({"m": m}, "m", f"pay.monthly[{i}]") or Decimal(0) for i, m in enumerate(monthly)
            ),
            previous_month=self._money(raw, "previous_month", "pay.previous_month"),
            weekly=self._money(raw, "weekly", "pay.weekly"),
            daily_rate=self._money(raw, "daily_rate", "pay.daily_rate"),
        )

    def _protected(self, raw: Any) -> tuple[ProtectedSituation, ...]:
        if not isinstance(raw, list):
            raise FactsError("protected", "must be a list", "必须是列表")
        items = []
        for i, item in enumerate(raw):
            path = f"protected[{i}]"
            item = self._object(item, path, self.PROTECTED)
            kind = self._string(item, "kind", f"{path}.kind", required=True)
            start = self._date(item, "from", f"{path}.from")
            end = self._date(item, "to", f"{path}.to")
            if start and end and end < start:
                raise FactsError(f"{path}.to", "is before 'from'", "早于开始日期")
            items.append(ProtectedSituation(kind=kind, start=start, end=end))
        return tuple(items)

    def _procedure(self, raw: Any) -> Procedure:
        raw = self._object(
            raw, "procedure", self.PROCEDURE_DATES | self.PROCEDURE_FLAGS | set(self.ACAS_FLAGS)
        )
        acas = [self._flag(raw, name, f"procedure.{name}") for name in self.ACAS_FLAGS]
        return Procedure(
            union_notified_on=self._date(raw, "union_notified_on", "procedure.union_notified_on"),
            final_pay_on=self._date(raw, "final_pay_on", "procedure.final_pay_on"),
            training_or_job_adjustment=self._flag(
                raw, "training_or_job_adjustment", "procedure.training_or_job_adjustment"
            ),
            renewal_offered_on_same_or_better_terms=self._flag(
                raw,
                "renewal_offered_on_same_or_better_terms",
                "procedure.renewal_offered_on_same_or_better_terms",
            ),
            good_faith_dispute=self._flag(raw, "good_faith_dispute", "procedure.good_faith_dispute"),
            investigation_held=acas[0],
            invited_in_writing=acas[1],
            hearing_held=acas[2],
            accompanied_offered=acas[3],
            decision_in_writing=acas[4],
            appeal_offered=acas[5],
        )

    @staticmethod
    def _check_order(facts: Facts) -> None:
        hire = facts.employee.hire_date
        birth = facts.employee.birth_date
        if hire and facts.last_day < hire:
            raise FactsError("last_day", "is before employee.hire_date", "早于入职日期")
        if birth and hire and hire <= birth:
            raise FactsError("employee.hire_date", "is not after employee.birth_date", "不晚于出生日期")
        if facts.notice and facts.notice.given_on and facts.notice.given_on > facts.last_day:
            raise FactsError("notice.given_on", "is after last_day", "晚于最后工作日")
        if facts.notice and hire and facts.notice.given_on and facts.notice.given_on < hire:
            raise FactsError("notice.given_on", "is before employee.hire_date", "早于入职日期")
        end = facts.contract.end_date
        if end and hire and end < hire:
            raise FactsError("contract.end_date", "is before employee.hire_date", "早于入职日期")
        probation = facts.contract.probation_end
        if probation and hire and probation < hire:
            raise FactsError("contract.probation_end", "is before employee.hire_date", "早于入职日期")

    # -- primitives --

    @staticmethod
    def _object(raw: Any, path: str, allowed: set[str], allow_extra: bool = False) -> dict:
        if not isinstance(raw, dict):
            raise FactsError(path, "must be an object", "必须是对象")
        unknown = sorted(set(raw) - allowed)
        if unknown and not allow_extra:
            name = unknown[0] if path == "facts" else f"{path}.{unknown[0]}"
            raise FactsError(name, "unknown key", "未知字段")
        return raw

    @staticmethod
    def _string(raw: dict, key: str, path: str, required: bool = False) -> Any:
        value = raw.get(key)
        if value is None:
            if required:
                raise FactsError(path, "is required", "为必填项")
            return None
        if not isinstance(value, str) or not value.strip():
            raise FactsError(path, "must be a non-empty string", "必须是非空字符串")
        return value.strip()

    @staticmethod
    def _date(raw: dict, key: str, path: str, required: bool = False) -> Any:
        value = raw.get(key)
        if value is None:
            if required:
                raise FactsError(path, "is required", "为必填项")
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise FactsError(
                path,
                f"must be a date as YYYY-MM-DD, not {value!r}",
                f"必须是 YYYY-MM-DD 格式的日期，而不是 {value!r}",
            ) from None

    @staticmethod
    def _flag(raw: dict, key: str, path: str) -> bool | None:
        value = raw.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise FactsError(path, "must be true or false", "必须是 true 或 false")

    @staticmethod
    def _money(raw: dict, key: str, path: str) -> Decimal | None:
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise FactsError(
                path,
                'must be an amount as a string such as "12000.00"',
                '必须是字符串形式的金额，如 "12000.00"',
            )
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            raise FactsError(path, f"is not an amount: {value!r}", f"不是金额：{value!r}") from None
        if not amount.is_finite():
            raise FactsError(path, f"is not an amount: {value!r}", f"不是金额：{value!r}")
        if amount < 0:
            raise FactsError(path, "must not be negative", "不得为负数")
        return amount


# --- the assessment --------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A blocker or a missing step: what stands in the way, and the article that says so."""

    code: str
    article: str
    message: Text

    def to_dict(self, lang: str = "en") -> dict:
        return {"code": self.code, "article": self.article, "message": self.message(lang)}


@dataclass(frozen=True)
class Line:
    """One line of a computation: what it is, the amount (or quantity), and its article."""

    what: Text
    amount: str
    article: str

    def to_dict(self, lang: str = "en") -> dict:
        return {"what": self.what(lang), "amount": self.amount, "article": self.article}


@dataclass(frozen=True)
class Deadline:
    what: Text
    due_on: dt.date
    article: str

    def to_dict(self, lang: str = "en") -> dict:
        return {"what": self.what(lang), "due_on": self.due_on.isoformat(), "article": self.article}


@dataclass(frozen=True)
class Warning:
    code: str
    message: Text

    def to_dict(self, lang: str = "en") -> dict:
        return {"code": self.code, "message": self.message(lang)}


@dataclass(frozen=True)
class Service:
    years: int
    months: int

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months


@dataclass(frozen=True)
class NoticeResult:
    required_days: int | None = None
    required_weeks: int | None = None
    pay_in_lieu: Decimal | None = None
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Severance:
    units: Decimal
    monthly_base: Decimal
    capped: bool
    amount: Decimal
    lines: tuple[Line, ...] = ()
    merged_amount: Decimal | None = None  # CN: pre-2008 service merged, shown when it differs


@dataclass(frozen=True)
class RedundancyPay:
    weeks: Decimal
    week_pay_used: Decimal
    amount: Decimal
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class FinalPay:
    due_on: dt.date
    days_late: int
    waiting_time_penalty: Decimal
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Assessment:
    jurisdiction: str
    ground: str
    blockers: tuple[Finding, ...] = ()
    missing_steps: tuple[Finding, ...] = ()
    service: Service | None = None
    notice: NoticeResult | None = None
    severance: Severance | None = None
    unlawful_damages: Decimal | None = None
    redundancy_pay: RedundancyPay | None = None
    final_pay: FinalPay | None = None
    total: Decimal = Decimal(0)
    deadlines: tuple[Deadline, ...] = ()
    warnings: tuple[Warning, ...] = ()
    lines: tuple[Line, ...] = ()  # the whole working, in order, for the readable breakdown

    @property
    def lawful(self) -> bool:
        return not self.blockers and not self.missing_steps

    def to_dict(self, lang: str = "en") -> dict:
        def lines(items: tuple[Line, ...]) -> list[dict]:
            return [line.to_dict(lang) for line in items]

        return {
            "jurisdiction": self.jurisdiction,
            "ground": self.ground,
            "lawful": self.lawful,
            "blockers": [f.to_dict(lang) for f in self.blockers],
            "missing_steps": [f.to_dict(lang) for f in self.missing_steps],
            "service": None
            if self.service is None
            else {"years": self.service.years, "months": self.service.months},
            "notice": None
            if self.notice is None
            else {
                "required_days": self.notice.required_days,
                "required_weeks": self.notice.required_weeks,
                "pay_in_lieu": money_str(self.notice.pay_in_lieu),
                "lines": lines(self.notice.lines),
            },
            "severance": None
            if self.severance is None
            else {
                "units": decimal_str(self.severance.units),
                "monthly_base": money_str(self.severance.monthly_base),
                "capped": self.severance.capped,
                "amount": money_str(self.severance.amount),
                "merged_amount": money_str(self.severance.merged_amount),
                "lines": lines(self.severance.lines),
            },
            "unlawful_damages": money_str(self.unlawful_damages),
            "redundancy_pay": None
            if self.redundancy_pay is None
            else {
                "weeks": decimal_str(self.redundancy_pay.weeks),
                "week_pay_used": money_str(self.redundancy_pay.week_pay_used),
                "amount": money_str(self.redundancy_pay.amount),
                "lines": lines(self.redundancy_pay.lines),
            },
            "final_pay": None
            if self.final_pay is None
            else {
                "due_on": self.final_pay.due_on.isoformat(),
                "days_late": self.final_pay.days_late,
                "waiting_time_penalty": money_str(self.final_pay.waiting_time_penalty),
                "lines": lines(self.final_pay.lines),
            },
            "total": money_str(self.total),
            "deadlines": [d.to_dict(lang) for d in self.deadlines],
            "warnings": [w.to_dict(lang) for w in self.warnings],
        }
