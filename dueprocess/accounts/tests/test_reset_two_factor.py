"""A lost phone: an HR administrator resets someone's second factor, on the record."""

import pytest
from django.core.exceptions import PermissionDenied

from dueprocess.accounts import actions, policy
from dueprocess.accounts.models import TwoFactorDevice
from dueprocess.records.models import Event

MAY_RESET = {
    "hr.admin": True,
    "hrbp": False,
    "manager": False,
    "legal": False,
    "employee": False,
    "auditor": False,
    "other.manager": False,
}


@pytest.mark.parametrize("username", MAY_RESET)
def test_only_an_hr_administrator_may_reset_a_second_factor(demo_org, persona, username):
    assert policy.can_reset_two_factor(persona(username), persona("legal")) is (
        MAY_RESET[username] and username != "legal"
    )


def test_nobody_resets_their_own(demo_org, persona):
    assert not policy.can_reset_two_factor(persona("hr.admin"), persona("hr.admin"))


def test_a_reset_removes_the_authenticator_and_is_recorded(demo_org, persona):
    assert actions.reset_two_factor(persona("legal"), actor=persona("hr.admin"))
    assert not TwoFactorDevice.objects.filter(user__username="legal").exists()
    event = Event.objects.get(type="accounts.two_factor_reset")
    assert event.actor_id == persona("hr.admin").pk
    assert event.subject == f"accounts.user:{persona('legal').pk}"


def test_a_reset_by_someone_else_is_refused(demo_org, persona):
    with pytest.raises(PermissionDenied):
        actions.reset_two_factor(persona("legal"), actor=persona("hrbp"))
    assert TwoFactorDevice.objects.filter(user__username="legal").exists()
