"""The check-ins arranged on the employee's plan: on their plan page and their home, when, where and how
long; not those cancelled or past, not the reason for cancelling, and not anyone else's."""

import datetime as dt

import pytest
from django.urls import reverse

from dueprocess.plans import actions
from dueprocess.plans.models import ScheduledCheckIn
from dueprocess.plans.tests.factories import published

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


@pytest.fixture
def plan(persona, zhang):
    """Zhang Wei's plan runs to the end of the year; today is 24 November, noon."""
    return published(persona("manager"), zhang, ends_on=dt.date(2026, 12, 31))


@pytest.fixture
def arranged(plan, persona):
    manager = persona("manager")
    kept = actions.schedule_check_in(
        plan, actor=manager, scheduled_at=at("2026-12-01"), place="https://meet.example/zhang",
        agenda="Goal 2: the release notes.",
    )  # fmt: skip
    dropped = actions.schedule_check_in(plan, actor=manager, scheduled_at=at("2026-12-08"), place="Room 7")
    actions.cancel_check_in(dropped, actor=manager, reason="Liu Fang thinks it pointless.")
    ScheduledCheckIn.objects.create(  # held last week (the action arranges nothing in the past)
        plan=plan, scheduled_at=at("2026-11-17"), place="Room 2", scheduled_by=manager
    )
    return kept


def plan_page(plan) -> str:
    return reverse("portal:plan_detail", args=[plan.public_id])


def test_the_employee_sees_their_next_check_in_and_nothing_cancelled_or_past(plan, arranged, client_as):
    page = client_as("employee").get(plan_page(plan)).content.decode()
    assert "Your next check-ins" in page and "2026-12-01 10:00" in page
    assert 'href="https://meet.example/zhang"' in page and "60 minutes" in page
    assert "Goal 2: the release notes." in page  # the agenda, to prepare
    assert reverse("reminders:check_in_ics", args=[arranged.public_id]) in page
    for hidden in ("Room 7", "pointless", "2026-12-08", "Room 2", "2026-11-17"):
        assert hidden not in page
    # Nor the forms that manage them.
    assert "reschedule" not in page and "schedule-scheduled_at" not in page


def test_the_employee_adds_it_to_their_calendar(arranged, client_as):
    response = client_as("employee").get(reverse("reminders:check_in_ics", args=[arranged.public_id]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"meet.example/zhang" in response.content


def test_the_home_page_says_when_and_where(plan, arranged, client_as):
    home = client_as("employee").get(reverse("portal:home")).content.decode()
    assert "A check-in on your improvement plan is arranged for 2026-12-01 10:00 at" in home
    assert plan_page(plan) in home and "Room 7" not in home and "Room 2" not in home


def test_another_employee_sees_none_of_them(arranged, wu, client):
    client.force_login(wu)
    assert "meet.example" not in client.get(reverse("portal:home")).content.decode()
    assert client.get(plan_page(arranged.plan)).status_code == 404


def test_the_pages_do_not_grow_with_arranged_check_ins(plan, arranged, persona, client_as, page_queries):
    client, manager = client_as("employee"), persona("manager")
    urls = [reverse("portal:home"), plan_page(plan)]
    before = [page_queries(client, url) for url in urls]
    for day in ("2026-12-10", "2026-12-15", "2026-12-22"):
        actions.schedule_check_in(plan, actor=manager, scheduled_at=at(day), place="Room 4")
    assert [page_queries(client, url) for url in urls] == before
    assert client.get(plan_page(plan)).content.decode().count("Room 4") == 3
