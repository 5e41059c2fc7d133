"""The free-text fields the injection tests fill (test_injection.py): for each kind of record, how a
role submits it (a form or the API), where it is kept, and which page and API answer show it. The
records are the authorization story's (dueprocess/tests/authorization/story.py) and a few more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from dueprocess.tests.authorization.story import DEMO_TODAY, day

TODAY = DEMO_TODAY.isoformat()


def more_records(o: dict) -> dict:
    """A hearing held (so a statement can answer it) and one still to hold in the case of Wu Jing's
    colleague, notice served in the London layoff (so an exit interview can follow it), and Wu Jing's
    case withdrawn with its retrospective open (the demo's is complete)."""
    from dueprocess.cases import actions as cases
    from dueprocess.learning import actions as learning
    from dueprocess.offboarding.models import Question

    admin = o["own"]["users"]["hr.admin"]
    case, held = o["other"]["hearing_case"], o["other"]["hearing"]
    cases.record_hearing(
        held, actor=admin, held_on=DEMO_TODAY, minutes="M", employee_attended=True,
        response_due_on=DEMO_TODAY + dt.timedelta(days=5),
    )  # fmt: skip
    pending = cases.invite_to_hearing(
        case, actor=admin, scheduled_at=o["other"]["hearing"].scheduled_at, place="Room 4", attendees="HR"
    )
    layoff = o["own"]["layoff"]
    cases.record_layoff_steps(layoff, actor=admin, notice_given_on=DEMO_TODAY)
    cases.serve_layoff_notices(layoff, actor=admin)
    withdrawn = cases.withdraw_case(o["other"]["case"], actor=admin, reason="She is protected (LCL 42).")
    return {
        "retrospective": learning.open_retrospective(withdrawn, actor=admin),
        "pending_hearing": pending,
        "leaver_case": layoff.cases.get(),
        "text_question": Question.objects.filter(kind="text").order_by("pk").first(),
    }


@dataclass(frozen=True)
class Field:
    """A free-text field: how one role submits it, where it is kept, which page and API answer show it."""

    name: str
    role: str
    submit: Callable[[dict, str], object]  # (objects, text) -> the response
    stored: Callable[[dict], str | None]
    page: Callable[[dict], str]
    api: Callable[[dict], str] | None = None


def _web(role: str, url: Callable[[dict], str], data: Callable[[dict, str], dict]):
    return lambda o, text: o["visitors"][role].post(url(o), data(o, text))


def _api(role: str, url: Callable[[dict], str], body: Callable[[dict, str], dict]):
    return lambda o, text: o["visitors"][role].api_post(url(o), body(o, text))


def _latest(queryset_of: Callable[[dict], object], attribute: str) -> Callable[[dict], str | None]:
    def stored(o: dict) -> str | None:
        found = queryset_of(o).order_by("-pk").first()
        return getattr(found, attribute) if found is not None else None

    return stored


def sun(o: dict):
    return o["own"]["colleague"]


def _incidents(o):
    return sun(o).incidents.all()


def _plans(o):
    from dueprocess.plans.models import PlanVersion

    return PlanVersion.objects.filter(plan__employee=sun(o))


def _check_ins(o):
    return o["other"]["plan"].check_ins.all()


def _arranged(o):
    return o["other"]["plan"].scheduled_check_ins.all()


def _cases(o):
    return sun(o).separation_cases.all()


def _hearings(o):
    return o["other"]["hearing_case"].hearings.filter(pk=o["more"]["pending_hearing"].pk)


def _notices(o):
    return o["other"]["hearing_case"].union_notices.all()


def _statements(o):
    return o["other"]["hearing_case"].statements.all()


def _templates(o):
    from dueprocess.letters.models import LetterTemplate

    return LetterTemplate.objects.filter(kind="plan_notice", language="en")


def _answers(o):
    from dueprocess.offboarding.models import ExitAnswer

    return ExitAnswer.objects.filter(
        interview__case=o["more"]["leaver_case"], question=o["more"]["text_question"]
    )


def _findings(o):
    return o["more"]["retrospective"].findings.filter(area="performance")


def _tokens(o):
    return o["own"]["users"]["employee"].api_tokens.all()


def _case_page(o, side="other"):
    return reverse("cases:case_detail", args=[o[side]["hearing_case"].public_id])


def _case_api(o):
    return f"/api/v1/cases/{o['other']['hearing_case'].public_id}"


def _move(name: str) -> Callable[[dict], str]:
    return lambda o: reverse("cases:case_move", args=[o["other"]["hearing_case"].public_id, name])


def _latest_url(queryset_of, name: str, api: bool = False) -> Callable[[dict], str]:
    def url(o: dict) -> str:
        found = queryset_of(o).order_by("-pk").first()
        public_id = found.public_id if hasattr(found, "public_id") else found.plan.public_id
        return f"/api/v1/{name}/{public_id}" if api else reverse(name, args=[public_id])

    return url


FIELDS = [
    Field(
        "incident description",
        "hrbp",
        _web(
            "hrbp",
            lambda o: reverse("reviews:incident_create", args=[sun(o).public_id]),
            lambda o, text: {
                "occurred_on": day(1).isoformat(),
                "reported_on": TODAY,
                "summary": "Summary",
                "description": text,
                "reporter_other": "A customer",
            },
        ),
        _latest(_incidents, "description"),
        _latest_url(_incidents, "reviews:incident_detail"),
        _latest_url(_incidents, "incidents", api=True),
    ),
    Field(
        "improvement plan reason",
        "manager",
        _api(
            "manager",
            lambda o: "/api/v1/plans",
            lambda o, text: {
                "employee": str(sun(o).public_id),
                "reason": text,
                "starts_on": TODAY,
                "ends_on": (DEMO_TODAY + dt.timedelta(days=60)).isoformat(),
                "goals": [
                    {
                        "title": "G",
                        "metric": "M",
                        "baseline": "0",
                        "target": "1",
                        "due_on": (DEMO_TODAY + dt.timedelta(days=60)).isoformat(),
                        "measured_by": "B",
                    }
                ],
            },
        ),
        _latest(_plans, "reason"),
        _latest_url(_plans, "plans:plan_detail"),
        _latest_url(_plans, "plans", api=True),
    ),
    Field(
        "check-in notes",
        "other.manager",
        _api(
            "other.manager",
            lambda o: f"/api/v1/plans/{o['other']['plan'].public_id}/check-ins",
            lambda o, text: {
                "held_on": TODAY,
                "attendees": [str(o["other"]["employee"].public_id)],
                "notes": text,
            },
        ),
        _latest(_check_ins, "notes"),
        lambda o: reverse("plans:plan_detail", args=[o["other"]["plan"].public_id]),
        lambda o: f"/api/v1/plans/{o['other']['plan'].public_id}",
    ),
    Field(
        "check-in place",
        "other.manager",
        _web(
            "other.manager",
            lambda o: reverse("plans:check_in_schedule", args=[o["other"]["plan"].public_id]),
            lambda o, text: {
                "schedule-scheduled_at": f"{(DEMO_TODAY + dt.timedelta(days=3)).isoformat()}T10:00",
                "schedule-place": text,
                "schedule-duration_minutes": "30",
            },
        ),
        _latest(_arranged, "place"),
        lambda o: reverse("plans:plan_detail", args=[o["other"]["plan"].public_id]),
    ),
    Field(
        "check-in agenda",
        "other.manager",
        _api(
            "other.manager",
            lambda o: f"/api/v1/plans/{o['other']['plan'].public_id}/scheduled-check-ins",
            lambda o, text: {
                "scheduled_at": f"{(DEMO_TODAY + dt.timedelta(days=4)).isoformat()}T10:00:00+08:00",
                "place": "Room 4",
                "agenda": text,
            },
        ),
        _latest(_arranged, "agenda"),
        lambda o: reverse("plans:plan_detail", args=[o["other"]["plan"].public_id]),
        lambda o: f"/api/v1/plans/{o['other']['plan'].public_id}/scheduled-check-ins",
    ),
    Field(
        "case summary",
        "hrbp",
        _web(
            "hrbp",
            lambda o: reverse("cases:case_open", args=[sun(o).public_id]),
            lambda o, text: {"ground": "incompetence", "summary": text},
        ),
        _latest(_cases, "summary"),
        _latest_url(_cases, "cases:case_detail"),
        _latest_url(_cases, "cases", api=True),
    ),
    Field(
        "hearing minutes",
        "hr.admin",
        _web(
            "hr.admin",
            _move("record_hearing"),
            lambda o, text: {
                "record_hearing-hearing": str(o["more"]["pending_hearing"].public_id),
                "record_hearing-held_on": TODAY,
                "record_hearing-employee_attended": "on",
                "record_hearing-minutes": text,
            },
        ),
        _latest(_hearings, "minutes"),
        _case_page,
        _case_api,
    ),
    Field(
        "union notice content",
        "hr.admin",
        _web(
            "hr.admin",
            _move("notify_union"),
            lambda o, text: {
                "notify_union-union": "Union",
                "notify_union-notified_on": TODAY,
                "notify_union-content": text,
            },
        ),
        _latest(_notices, "content"),
        _case_page,
        _case_api,
    ),
    Field(
        "employee statement",
        "hr.admin",
        _web("hr.admin", _move("statement"), lambda o, text: {"statement-text": text}),
        _latest(_statements, "text"),
        _case_page,
        _case_api,
    ),
    Field(
        "letter template body",
        "hr.admin",
        _web(
            "hr.admin",
            lambda o: reverse("letters:template_edit", args=["plan_notice", "en"]),
            lambda o, text: {"subject": "Subject", "letterhead": "", "body": text, "note": "Test"},
        ),
        _latest(_templates, "body"),
        lambda o: reverse(
            "letters:template_version", args=["plan_notice", "en", _templates(o).latest("version").version]
        ),
    ),
    Field(
        "exit interview answer",
        "hr.admin",
        _web(
            "hr.admin",
            lambda o: reverse("offboarding:exit_interview", args=[o["more"]["leaver_case"].public_id]),
            lambda o, text: {"held_on": TODAY, f"question_{o['more']['text_question'].pk}": text},
        ),
        _latest(_answers, "answer"),
        lambda o: reverse("offboarding:exit_interview", args=[o["more"]["leaver_case"].public_id]),
    ),
    Field(
        "retrospective finding",
        "hr.admin",
        _web(
            "hr.admin",
            lambda o: reverse(
                "learning:finding_record", args=[o["more"]["retrospective"].public_id, "performance"]
            ),
            lambda o, text: {
                "performance-area": "performance",
                "performance-went_well": text,
                "performance-went_wrong": "Wrong",
                "performance-root_cause": "Cause",
            },
        ),
        _latest(_findings, "went_well"),
        lambda o: reverse("learning:retrospective_detail", args=[o["more"]["retrospective"].public_id]),
    ),
    Field(
        "API token name",
        "employee",
        _web("employee", lambda o: reverse("api:tokens"), lambda o, text: {"name": text}),
        _latest(_tokens, "name"),
        lambda o: reverse("api:tokens"),
    ),
]
BY_NAME = {field.name: field for field in FIELDS}
