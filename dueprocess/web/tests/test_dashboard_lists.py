"""What the dashboard's lists count: a blocked case once however often it was assessed, and a hearing
by its day in the local time zone up to the last day of the window."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from dueprocess.cases.models import SeparationCase
from dueprocess.cases.tests.conftest import DEMO_TODAY, _frozen_today  # noqa: F401 - time stands still
from dueprocess.web.dashboard import SOON
from dueprocess.web.tests.test_dashboard import demo_story  # noqa: F401 - the fixture


def section(html: str, heading: str) -> str:
    return re.search(rf"{heading}.*?</section>", html, re.S).group(0)


def test_a_blocked_case_is_counted_once_however_often_it_was_assessed(demo_story, client_as, persona):  # noqa: F811
    from dueprocess.cases import actions

    wu = SeparationCase.objects.get(employee__number="XQ0010")
    for _ in range(2):
        actions.assess_case(wu, actor=persona("hr.admin"))
    html = client_as("hr.admin").get(reverse("web:home")).content.decode()
    blocked = section(html, "Cases the law engine blocks")
    assert "<small>1</small>" in blocked and blocked.count("吴静") == 1


def test_hearings_count_up_to_the_last_local_day_of_the_window(demo_story, client_as, persona):  # noqa: F811
    from dueprocess.cases import actions

    hr = persona("hr.admin")
    case = actions.open_case(actor=hr, employee=demo_story["XQ0009"], ground="incompetence", summary="x")
    case = actions.start_gathering(case, actor=hr)
    last_day = DEMO_TODAY + dt.timedelta(days=SOON)
    for day, hour in ((last_day, 23), (last_day + dt.timedelta(days=1), 0)):
        at = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 30)))
        actions.invite_to_hearing(case, actor=hr, scheduled_at=at, place="Room 2", attendees="HR")
    hearings = section(client_as("hr.admin").get(reverse("web:home")).content.decode(), "Hearings coming up")
    assert f"{last_day:%Y-%m-%d} 23:30" in hearings
    assert f"{last_day + dt.timedelta(days=1):%Y-%m-%d} 00:30" not in hearings


def test_a_long_list_shows_its_first_rows_and_counts_up_to_the_cap(demo_org, monkeypatch):
    from dueprocess.people.models import Employee
    from dueprocess.web import dashboard

    everyone = Employee.objects.order_by("number")
    assert everyone.count() > 25
    monkeypatch.setattr(dashboard, "COUNT_CAP", 25)
    capped = dashboard._capped(everyone)
    assert [e.number for e in capped.rows] == [e.number for e in everyone[: dashboard.LIMIT]]
    assert (capped.total, capped.more, capped.count_label) == (25, True, "25+")

    monkeypatch.setattr(dashboard, "COUNT_CAP", 1000)
    counted = dashboard._capped(everyone)
    assert (counted.total, counted.more, counted.count_label) == (
        everyone.count(),
        False,
        str(everyone.count()),
    )

    few = dashboard._capped(everyone[:3])
    assert (len(few.rows), few.count_label) == (3, "3")
