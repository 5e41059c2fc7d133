"""The case page's timeline comes from one set of queries whose number does not grow with the
number of events; what it shows respects what the viewer may see."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dueprocess.cases import actions
from dueprocess.cases.tests.conftest import DEMO_TODAY
from dueprocess.cases.timeline import timeline
from dueprocess.plans.models import ImprovementPlan
from dueprocess.reviews.models import Warning


def add_events(case, hrbp, rounds: int) -> None:
    at = timezone.make_aware(dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=3), dt.time(10)))
    for n in range(rounds):
        notice = actions.notify_union(
            case, actor=hrbp, union=f"Union {n}", notified_on=DEMO_TODAY, content="Why."
        )
        actions.record_union_reply(notice, actor=hrbp, replied_on=DEMO_TODAY, reply="Noted.", objects=False)
        hearing = actions.invite_to_hearing(case, actor=hrbp, scheduled_at=at, place="Room", attendees="HR")
        actions.cancel_hearing(hearing, actor=hrbp, reason="Moved.")
        actions.assess_case(case, actor=hrbp)


def count(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_the_timeline_query_count_does_not_grow_with_events(open_case, persona, zhang):
    hrbp = persona("hrbp")
    actions.link_evidence(open_case, ImprovementPlan.objects.get(employee=zhang), actor=hrbp)
    actions.link_evidence(open_case, Warning.objects.get(employee=zhang), actor=hrbp)
    add_events(open_case, hrbp, 1)
    few_events = len(timeline(open_case, hrbp))
    few = count(lambda: timeline(open_case, hrbp))
    add_events(open_case, hrbp, 6)
    assert len(timeline(open_case, hrbp)) >= few_events + 30
    assert count(lambda: timeline(open_case, hrbp)) == few


def test_the_case_page_query_count_does_not_grow_with_events(open_case, persona, client_as):
    hrbp = persona("hrbp")
    client = client_as("hrbp")
    url = reverse("cases:case_detail", args=[open_case.public_id])
    add_events(open_case, hrbp, 1)
    few = count(lambda: client.get(url))
    add_events(open_case, hrbp, 5)
    many = count(lambda: client.get(url))
    assert many == few


def test_records_the_viewer_may_not_see_stay_out_of_the_timeline(story, persona, monkeypatch):
    from dueprocess.accounts import policy
    from dueprocess.cases import demo
    from dueprocess.cases.models import SeparationCase

    demo.load(today=DEMO_TODAY)
    case = SeparationCase.objects.get(employee__number="XQ0007")
    assert "reviews.investigation_concluded" in {e.type for e in timeline(case, persona("manager"))}
    # A policy that keeps conduct records from this viewer keeps them out of the timeline too.
    monkeypatch.setattr(policy, "conduct_visible_to", lambda user, model: model.objects.none())
    seen = {e.type for e in timeline(case, persona("manager"))}
    assert "reviews.investigation_concluded" not in seen and "reviews.warning_issued" not in seen
    assert "plans.closed" in seen and "cases.notice_served" in seen
