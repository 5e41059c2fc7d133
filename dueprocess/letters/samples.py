"""A sample of every section, with the same keys as the real ones (a test holds them equal): a template
is rendered against it when it is saved, so a misspelt name or a broken tag is caught at once."""

from __future__ import annotations

import copy
from typing import Any

from dueprocess.letters.kinds import sections

_MONEY_LINE = {"what": "Economic compensation N = 8 x W", "amount": "234133.33", "article": "LCL 46(3)"}
SAMPLE: dict[str, dict[str, Any]] = {
    "letter": {"reference": "L-20261125-0A1B2C3D", "date": "2026-11-25", "language": "en"},
    "organisation": {"name": "Xingqiao Technology", "name_zh": "星桥科技", "name_en": "Xingqiao Technology"},
    "employee": {
        "legal_name": "张伟",
        "other_name": "Zhang Wei",
        "number": "XQ0007",
        "position": "产品经理 Product Manager",
        "department": "Product",
        "location": "Shanghai",
        "email": "zhang.wei@example.com",
    },
    "plan": {
        "version": 1,
        "reason": "Three cycles of declining ratings.",
        "starts_on": "2026-09-17",
        "ends_on": "2026-11-16",
        "change_reason": "",
        "goals": [
            {
                "title": "Ship releases on the agreed date",
                "metric": "releases on the date",
                "baseline": "1 / 4",
                "target": "4 / 4",
                "due_on": "2026-11-16",
                "measured_by": "release log vs roadmap",
            }
        ],
        "support": [
            {
                "kind": "training",
                "kind_name": "training",
                "description": "Product delivery course",
                "provider": "Academy",
                "starts_on": "2026-09-26",
                "ends_on": "2026-09-28",
                "status_name": "happened",
            }
        ],
    },
    "check_in": {
        "held_on": "2026-10-01",
        "attendees": ["张伟", "刘芳"],
        "notes": "First release a week late.",
        "employee_comments": "Agreed.",
        "progress": [
            {
                "goal": "Ship releases",
                "status": "behind",
                "status_name": "behind",
                "measured": "0/1",
                "note": "",
            }
        ],
    },
    "warning": {
        "level": "written",
        "level_name": "written warning",
        "issued_on": "2026-08-01",
        "expires_on": "2027-08-01",
        "reason": "Missed deadlines.",
        "expectations": "Meet agreed deadlines.",
    },
    "case": {
        "reference": "00000000-0000-0000-0000-000000000000",
        "jurisdiction": "CN",
        "ground": "incompetence",
        "ground_name": "Incompetent after training or a job adjustment",
        "article": "LCL 40(2)",
        "citation": "Article 40(2) of the Labour Contract Law of the PRC",
        "summary": "The plan failed.",
        "opened_on": "2026-11-21",
        "decided_on": "2026-11-25",
        "notice_given_on": "2026-11-25",
        "notice_served_on": "2026-11-25",
        "last_day": "2026-11-25",
        "pay_in_lieu": True,
    },
    "assessment": {
        "number": "3",
        "lawful": True,
        "service": {"years": 7, "months": 7},
        "notice": {"required_days": 30, "required_weeks": 5, "pay_in_lieu": "28800.00"},
        "severance": {
            "due": True,
            "units": "8",
            "monthly_base": "29266.67",
            "capped": False,
            "amount": "234133.33",
            "lines": [_MONEY_LINE],
        },
        "redundancy_pay": {"due": True, "weeks": "12", "week_pay_used": "751.00", "amount": "9012.00"},
        "final_pay": {
            "due_on": "2026-11-25",
            "days_late": 0,
            "waiting_time_penalty": "0.00",
            "lines": [{"what": "Discharge: final wages due immediately", "amount": "", "article": "LC 201"}],
        },
        "unlawful_damages": "468266.67",
        "total": "262933.33",
        "deadlines": [
            {"what": "Issue the termination certificate", "due_on": "2026-11-25", "article": "LCL 50"}
        ],
        "currency": "CNY",
    },
    "employment": {
        "starts_on": "2019-04-01",
        "ends_on": "2026-11-25",
        "years": 7,
        "months": 7,
        "position": "产品经理 Product Manager",
        "ended_by_expiry": False,
    },
    "contract": {
        "type": "open_ended",
        "type_name": "open-ended",
        "starts_on": "2019-04-01",
        "ends_on": "",
        "open_ended": True,
    },
    "hearing": {
        "kind": "hearing",
        "kind_name": "hearing",
        "date": "2026-11-23",
        "time": "10:00",
        "place": "Meeting room 5",
        "attendees": "Line manager, HR business partner",
        "agenda": "The plan's outcome.",
        "companion_allowed": True,
        "invited_on": "2026-11-21",
        "held_on": "",
        "response_due_on": "",
    },
    "union_notice": {
        "union": "Union committee",
        "notified_on": "2026-11-21",
        "content": "Proposed termination under LCL 40(2).",
        "reply": "No objection.",
        "replied_on": "2026-11-22",
        "objects": False,
        "answer": "",
        "answered_on": "",
    },
    "appeal": {"due_on": "2026-12-05", "days": 10},
}


def sample_context(kind: str, language: str) -> dict[str, Any]:
    context = {name: copy.deepcopy(SAMPLE[name]) for name in sections(kind)}
    context["letter"]["language"] = language
    return context
