"""Asking the law engine about a case, adding the case's own procedural findings, and deciding
what stands in the way of a move.

The engine answers what the law requires; the case adds what fair procedure requires whatever the
statute (the employee heard and given time to answer; a union objection answered). Legal counsel
may override a finding with a written justification; an overridden finding is still shown, marked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dueprocess import law
from dueprocess.cases import facts as case_facts
from dueprocess.cases.models import HearingKind, HearingStatus, SeparationCase, Stage
from dueprocess.law.base import Text

# Grounds on which the employer acts against the employee's will for a reason of conduct or
# capability: the employee must be heard first. GB grounds follow the ACAS Code in the engine.
HEARING_GROUNDS = {
    "CN": {
        "probation_unqualified",
        "serious_misconduct",
        "serious_dereliction",
        "dual_employment",
        "fraudulent_contract",
        "criminal_liability",
        "illness_incapacity",
        "incompetence",
        "changed_circumstances",
    },
    "US-CA": {"discharge"},
}
# GB ACAS Code steps that serving the notice itself completes: the notice is the decision in
# writing and states the right of appeal (the dismissal letter says so).
COMPLETED_BY_NOTICE = {"decision_in_writing": True, "appeal_offered": True}
# What each move refuses on: "blockers" (the law forbids this ground now), "heard" (also the case's
# own procedure: the employee heard), "all" (every finding, law and procedure).
GATES = {
    "invite_to_hearing": "blockers",
    "request_decision": "heard",
    "approve": "all",
    "serve_notice": "all",
}


@dataclass
class CaseFinding:
    code: str
    article: str
    message: str
    kind: str  # "blocker" or "missing_step"
    overridden: bool = False
    justification: str = ""


@dataclass
class Evaluation:
    """The engine's assessment of a case and the case's own findings, with overrides applied."""

    facts: dict[str, Any]
    result: dict[str, Any]
    result_zh: dict[str, Any]
    findings: list[CaseFinding] = field(default_factory=list)

    @property
    def standing(self) -> list[CaseFinding]:
        return [f for f in self.findings if not f.overridden]

    @property
    def lawful(self) -> bool:
        return not self.standing

    def refusing(self, gate: str) -> list[CaseFinding]:
        if gate == "blockers":
            return [f for f in self.standing if f.kind == "blocker"]
        if gate == "heard":
            return [f for f in self.standing if f.kind == "blocker" or f.code.startswith("CASE.")]
        return self.standing


def planned_dates(case: SeparationCase, today: dt.date) -> tuple[dt.date | None, dt.date, bool]:
    """The notice day, last day and pay in lieu the case plans; until planned, notice today and the
    earliest last day the engine allows (its required notice)."""
    if case.last_day:
        return case.notice_given_on, case.last_day, case.pay_in_lieu
    given_on = max(today, case.employee.hire_date)
    probe = law.assess(_facts(case, given_on, given_on, False, purpose="review"))
    notice = probe.notice
    days = 0
    if notice is not None:
        days = notice.required_days or 7 * (notice.required_weeks or 0)
    return given_on, given_on + dt.timedelta(days=days), False


def _procedure(case: SeparationCase, purpose: str) -> dict[str, Any]:
    notices = list(case.union_notices.all())
    hearings = [h for h in case.hearings.all() if h.kind == HearingKind.HEARING]
    plans = [link.plan for link in case.evidence.all() if link.plan_id]
    investigations = [link for link in case.evidence.all() if link.investigation_id or link.incident_id]
    procedure: dict[str, Any] = {
        "union_notified_on": min((n.notified_on for n in notices), default=None),
        "training_or_job_adjustment": any(p.training_or_job_adjustment_done() for p in plans),
        "renewal_offered_on_same_or_better_terms": case.renewal_offered,
    }
    if case.jurisdiction == "GB":
        procedure |= {
            "investigation_held": bool(investigations or plans),
            "invited_in_writing": any(h.status != HearingStatus.CANCELLED for h in hearings),
            "hearing_held": any(h.status == HearingStatus.HELD for h in hearings),
            "accompanied_offered": any(h.companion_allowed for h in hearings),
        }
        served = case.stage in (Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED, Stage.OFFBOARDING, Stage.CLOSED)
        if served or purpose in ("approve", "serve_notice"):
            procedure |= COMPLETED_BY_NOTICE
    return procedure


def _facts(
    case: SeparationCase, given_on: dt.date | None, last_day: dt.date, pay_in_lieu: bool, purpose: str
) -> dict[str, Any]:
    return case_facts.facts_for(
        case.employee,
        jurisdiction=case.jurisdiction,
        locality=case.locality,
        ground=case.ground,
        last_day=last_day,
        notice_given_on=given_on,
        pay_in_lieu=pay_in_lieu,
        procedure=_procedure(case, purpose),
    )


def procedure_findings(case: SeparationCase, today: dt.date) -> list[CaseFinding]:
    """What fair procedure still asks, beyond the statute."""
    found = []
    held = [h for h in case.hearings.all() if h.kind == HearingKind.HEARING and h.is_held]
    if not held and case.ground in HEARING_GROUNDS.get(case.jurisdiction, ()):
        found.append(
            _finding(
                "CASE.HEARD",
                Text(
                    "The employee has not been heard: hold a hearing at which they can answer the case.",
                    "尚未听取员工陈述：请召开听证会，让员工就本案作出回应。",
                ),
            )
        )
    if held:
        latest = held[-1]
        answered = any(s.hearing_id == latest.pk for s in case.statements.all())
        if latest.window_open(today) and not answered:
            found.append(
                _finding(
                    "CASE.RESPONSE_WINDOW",
                    Text(
                        f"The employee may answer in writing until {latest.response_due_on}: wait for their "
                        "statement or for the window to close.",
                        f"员工可在 {latest.response_due_on} 前提交书面陈述：请等待其陈述或期限届满。",
                    ),
                )
            )
    if any(n.awaits_answer for n in case.union_notices.all()):
        found.append(
            CaseFinding(
                "CASE.UNION_ANSWER",
                "LCL 43",
                _text(
                    Text(
                        "The union objected: study its opinion and answer it in writing before deciding.",
                        "工会提出了异议：作出决定前须研究工会意见并书面答复。",
                    )
                ),
                "missing_step",
            )
        )
    return found


def _language() -> str:
    return get_language() or "en"


def _text(text: Text) -> str:
    return text(_language())


def _finding(code: str, text: Text) -> CaseFinding:
    # Not a statute: the case's own procedure, named in the reader's language.
    return CaseFinding(code, _("Case procedure"), _text(text), "missing_step")


@contextlib.contextmanager
def _engine_errors_named() -> Iterator[None]:
    """Facts the engine cannot work with become a ValidationError naming the fact, so that the user
    can complete the employee's data."""
    try:
        yield
    except law.FactsError as error:
        message = _("The law engine cannot assess this case: %(error)s") % {"error": error.text(_language())}
        raise ValidationError({"facts": message}) from error


def evaluate(case: SeparationCase, today: dt.date, purpose: str = "review") -> Evaluation:
    """Assess the case as it stands, on its planned dates."""
    given_on, last_day, pay_in_lieu = planned_dates_or_error(case, today)
    facts = _facts(case, given_on, last_day, pay_in_lieu, purpose)
    with _engine_errors_named():
        assessment = law.assess(facts)
    evaluation = Evaluation(facts, assessment.to_dict("en"), assessment.to_dict("zh-Hans"))
    result = evaluation.result_zh if _language().startswith("zh") else evaluation.result
    for kind, key in (("blocker", "blockers"), ("missing_step", "missing_steps")):
        evaluation.findings += [CaseFinding(f["code"], f["article"], f["message"], kind) for f in result[key]]
    evaluation.findings += procedure_findings(case, today)
    overrides = {o.code: o for o in case.overrides.all()}
    for finding in evaluation.findings:
        if finding.code in overrides:
            finding.overridden, finding.justification = True, overrides[finding.code].justification
    return evaluation


def planned_dates_or_error(case: SeparationCase, today: dt.date):
    with _engine_errors_named():
        return planned_dates(case, today)


def refuse_if_blocked(evaluation: Evaluation, move: str) -> None:
    """Refuse a move while a finding its gate counts stands, naming each with its article."""
    standing = evaluation.refusing(GATES[move])
    if standing:
        raise ValidationError(
            {
                "case": [
                    _("%(article)s: %(message)s") % {"article": f.article, "message": f.message}
                    for f in standing
                ]
            }
        )
