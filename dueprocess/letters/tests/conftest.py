"""Letters tests: time stands still at the demo's today; the demo's story up to the served notice is
loaded through the actions, and a London and a San Francisco case are taken to their notice the
same way. PDFs are read back as text."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.utils import timezone

from dueprocess.reviews.tests.conftest import DEMO_TODAY, _frozen_today, events, zhang

__all__ = ["DEMO_TODAY", "_frozen_today", "events", "zhang"]


def day(n: int) -> dt.date:
    return DEMO_TODAY - dt.timedelta(days=n)


def pdf_text(letter) -> str:
    """All the text of the letter's stored PDF, as pypdf reads it back."""
    from pypdf import PdfReader

    from dueprocess.records import open_document

    with open_document(letter.sha256) as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def squeezed(text: str) -> str:
    """Without whitespace: a line may wrap anywhere, in the middle of a Chinese word or a number."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def story(demo_org):
    """The demo up to Zhang Wei's notice served today with pay in lieu (N+1), and Wu Jing's blocked case."""
    from dueprocess.cases import demo as cases_demo
    from dueprocess.plans import demo as plans_demo
    from dueprocess.reviews import demo as reviews_demo

    reviews_demo.load(today=DEMO_TODAY)
    plans_demo.load(today=DEMO_TODAY)
    cases_demo.load(today=DEMO_TODAY)
    return demo_org


@pytest.fixture
def zhang_case(story, zhang):
    from dueprocess.cases.models import SeparationCase

    return SeparationCase.objects.get(employee=zhang, stage="notice_served")


def serve_after_hearing(employee, ground: str, persona, override: tuple[str, ...] = ()):
    """Open a case, hear the employee (a week ago), approve and serve notice today, 70 days ahead."""
    from dueprocess.cases import actions
    from dueprocess.reviews.actions._common import as_of

    admin, legal = persona("hr.admin"), persona("legal")
    with as_of(day(10)):
        case = actions.open_case(
            actor=admin, employee=employee, ground=ground, summary="Targets missed for a year."
        )
        actions.start_gathering(case, actor=admin)
        at = timezone.make_aware(dt.datetime.combine(day(8), dt.time(10)))
        hearing = actions.invite_to_hearing(
            case,
            actor=admin,
            scheduled_at=at,
            place="Office",
            attendees="HR, the manager",
            companion_allowed=True,
        )
    with as_of(day(8)):
        actions.record_hearing(
            hearing,
            actor=admin,
            held_on=day(8),
            employee_attended=True,
            minutes="Heard.",
            response_due_on=day(6),
        )
    for code in override:
        actions.override_finding(case, actor=legal, code=code, justification="Capability reviewed in 1:1s.")
    with as_of(day(2)):
        actions.request_decision(case, actor=admin)
        actions.decide_approval(case, actor=admin, capacity="hr", decision="approved")
        actions.decide_approval(case, actor=legal, capacity="legal", decision="approved")
    actions.plan_termination(
        case, actor=admin, notice_given_on=DEMO_TODAY, last_day=DEMO_TODAY + dt.timedelta(days=70)
    )
    return actions.serve_notice(case, actor=admin, served_on=DEMO_TODAY)


@pytest.fixture
def london_case(demo_org, persona):
    """Oliver Bennett, capability, London: heard, approved, notice served."""
    return serve_after_hearing(demo_org["XQ0014"], "capability", persona, override=("GB.ACAS.INVESTIGATE",))


@pytest.fixture
def california_case(demo_org, persona):
    """Daniel Reyes, discharged in San Francisco."""
    return serve_after_hearing(demo_org["XQ0016"], "discharge", persona)
