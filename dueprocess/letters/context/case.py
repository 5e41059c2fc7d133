"""Sections read from a separation case and the assessment it acted on: nothing is retyped, every
date, article and amount is the case's or the law engine's own."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from dueprocess.cases.models import HearingStatus, SeparationCase
from dueprocess.letters.context.common import Data, iso, law_language, missing
from dueprocess.letters.wording import cite, word

CURRENCIES = {"CN": "CNY", "GB": "GBP", "US-CA": "USD"}
# ACAS Code para 26-27: an appeal is lodged "without unreasonable delay"; the organisation's letters
# give a date ten days after the letter so that the employee is never left guessing.
APPEAL_DAYS = 10
# LCL 44: the contract ends (终止) rather than being ended (解除) — a fact, not a reason.
EXPIRY_GROUNDS = {"fixed_term_expiry", "employer_closure"}


def case_section(case: SeparationCase, language: str) -> Data:
    from dueprocess.law import jurisdiction_for

    name, article = jurisdiction_for(case.jurisdiction).grounds[case.ground]
    return {
        "reference": str(case.public_id),
        "jurisdiction": case.jurisdiction,
        "ground": case.ground,
        "ground_name": name(law_language(language)),
        "article": article,
        "citation": cite(article, language),
        "summary": case.summary,
        "opened_on": iso(case.opened_on),
        "decided_on": iso(case.decided_on),
        "notice_given_on": iso(case.notice_given_on),
        "notice_served_on": iso(case.notice_served_on),
        "last_day": iso(case.last_day),
        "pay_in_lieu": case.pay_in_lieu,
    }


def assessment_section(case: SeparationCase, language: str) -> Data:
    """The assessment the case acted on; for a layoff member, their line of the layoff's assessment."""
    stored = case.latest_assessment
    if stored is not None:
        result = stored.in_language(law_language(language))
        data = _from_case(result)
        data["number"] = f"{stored.number}"
    elif case.layoff_id and case.layoff.latest_assessment is not None:
        layoff_assessment = case.layoff.latest_assessment
        person = _person(layoff_assessment.in_language(law_language(language)), case)
        data = _from_layoff_person(person)
        data["number"] = f"L{layoff_assessment.number}"
    else:
        raise missing("assessment", _("The case has no law assessment yet: assess the case first."))
    data["currency"] = CURRENCIES.get(case.jurisdiction, "")
    return data


def _section(result: dict, key: str) -> dict:
    return result.get(key) or {}


def _lines(lines: list[dict] | None) -> list[Data]:
    return [
        {"what": line["what"], "amount": line["amount"], "article": line["article"]} for line in lines or []
    ]


def _positive(amount: Any) -> bool:
    return bool(amount) and Decimal(str(amount)) > 0


def _from_case(result: dict) -> Data:
    notice, severance = _section(result, "notice"), _section(result, "severance")
    redundancy, final = _section(result, "redundancy_pay"), _section(result, "final_pay")
    return {
        "lawful": bool(result.get("lawful")),
        "service": {"years": result["service"]["years"], "months": result["service"]["months"]},
        "notice": {
            "required_days": notice.get("required_days") or 0,
            "required_weeks": notice.get("required_weeks") or 0,
            "pay_in_lieu": notice.get("pay_in_lieu") if _positive(notice.get("pay_in_lieu")) else "",
        },
        "severance": {
            "due": _positive(severance.get("amount")),
            "units": severance.get("units") or "",
            "monthly_base": severance.get("monthly_base") or "",
            "capped": bool(severance.get("capped")),
            "amount": severance.get("amount") or "",
            "lines": _lines(severance.get("lines")),
        },
        "redundancy_pay": {
            "due": _positive(redundancy.get("amount")),
            "weeks": redundancy.get("weeks") or "",
            "week_pay_used": redundancy.get("week_pay_used") or "",
            "amount": redundancy.get("amount") or "",
        },
        "final_pay": {
            "due_on": final.get("due_on") or "",
            "days_late": final.get("days_late") or 0,
            "waiting_time_penalty": final.get("waiting_time_penalty") or "",
            "lines": _lines(final.get("lines")),
        },
        "unlawful_damages": result.get("unlawful_damages") or "",
        "total": result.get("total") or "",
        "deadlines": [
            {"what": d["what"], "due_on": d["due_on"], "article": d["article"]} for d in result["deadlines"]
        ],
    }


def _person(result: dict, case: SeparationCase) -> dict:
    for person in result["persons"]:
        if person["id"] == case.employee.number:
            return person
    raise missing("assessment", _("The layoff's assessment does not include this employee: assess it again."))


def _from_layoff_person(person: dict) -> Data:
    """The same shape as a case's assessment, from the layoff's per-person figures."""
    weeks = person.get("notice_weeks") or 0
    return _from_case(
        {
            "lawful": not person["blockers"],
            "service": person["service"],
            "notice": {"required_weeks": weeks, "pay_in_lieu": person["notice_pay"]},
            "severance": {
                "units": person["units"],
                "monthly_base": person["base"],
                "capped": person["capped"],
                "amount": person["severance"],
            },
            "total": person["total"],
            "deadlines": [],
        }
    )


def employment_section(case: SeparationCase, language: str) -> Data:
    """Dates and length of service with this employer (LCL IR 24), and nothing about why it ends."""
    employee = case.employee
    service = _service(case)
    return {
        "starts_on": iso(employee.hire_date),
        "ends_on": iso(case.last_day),
        "years": service[0],
        "months": service[1],
        "position": employee.position,
        "ended_by_expiry": case.ground in EXPIRY_GROUNDS,
    }


def _service(case: SeparationCase) -> tuple[int, int]:
    stored = case.latest_assessment
    if stored is not None and stored.result.get("service"):
        return stored.result["service"]["years"], stored.result["service"]["months"]
    end = case.last_day or case.opened_on
    # Whole calendar months, the day after the last day counting as the month's end (the engine's rule).
    after = end + dt.timedelta(days=1)
    start = case.employee.hire_date
    months = (after.year - start.year) * 12 + after.month - start.month - (after.day < start.day)
    return divmod(max(months, 0), 12)


def contract_section(case: SeparationCase, language: str) -> Data:
    on = case.last_day or case.opened_on
    contract = case.employee.current_contract(on)
    if contract is None:
        raise missing("contract", _("No employment contract is on record for this employee."))
    return {
        "type": contract.type,
        "type_name": word("contract_type", contract.type, language),
        "starts_on": iso(contract.starts_on),
        "ends_on": iso(contract.ends_on),
        "open_ended": contract.ends_on is None,
    }


def hearing_section(case: SeparationCase, language: str) -> Data:
    hearing = case.hearings.exclude(status=HearingStatus.CANCELLED).order_by("-scheduled_at", "-pk").first()
    if hearing is None:
        raise missing("hearing", _("The case has no hearing: invite the employee to one first."))
    zone = zoneinfo.ZoneInfo(case.employee.location.time_zone)
    at = hearing.scheduled_at.astimezone(zone)
    return {
        "kind": hearing.kind,
        "kind_name": word("hearing_kind", hearing.kind, language),
        "date": iso(at.date()),
        "time": f"{at:%H:%M}",
        "place": hearing.place,
        "attendees": hearing.attendees,
        "agenda": hearing.agenda,
        "companion_allowed": hearing.companion_allowed,
        "invited_on": iso(hearing.invited_on),
        "held_on": iso(hearing.held_on),
        "response_due_on": iso(hearing.response_due_on),
    }


def union_notice_section(case: SeparationCase, language: str) -> Data:
    notice = case.union_notices.order_by("-notified_on", "-pk").first()
    if notice is None:
        raise missing("union_notice", _("The union has not been notified in this case: notify it first."))
    return {
        "union": notice.union,
        "notified_on": iso(notice.notified_on),
        "content": notice.content,
        "reply": notice.reply,
        "replied_on": iso(notice.replied_on),
        "objects": bool(notice.union_objects),
        "answer": notice.answer,
        "answered_on": iso(notice.answered_on),
    }


def appeal_section(case: SeparationCase, language: str, issued_on: dt.date) -> Data:
    return {"due_on": iso(issued_on + dt.timedelta(days=APPEAL_DAYS)), "days": APPEAL_DAYS}
