"""A hearing is visible to exactly those who may read its case, over every role (accounts.policy's
hearings_visible_to: the dashboard lists hearings through it)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from dueprocess.accounts import policy
from dueprocess.cases import actions
from dueprocess.reviews.tests.conftest import DEMO_TODAY

ROLES = ["hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]


@pytest.mark.parametrize("username", ROLES)
def test_a_hearing_is_visible_exactly_when_its_case_is(open_case, persona, username):
    at = timezone.make_aware(dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=3), dt.time(10)))
    hearing = actions.invite_to_hearing(
        open_case, actor=persona("hrbp"), scheduled_at=at, place="Room 5", attendees="HR, manager"
    )
    user = persona(username)
    sees_case = policy.cases_visible_to(user).filter(pk=open_case.pk).exists()
    assert policy.hearings_visible_to(user).filter(pk=hearing.pk).exists() is sees_case
    assert sees_case is (username not in ("employee", "other.manager"))
