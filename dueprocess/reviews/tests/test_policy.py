"""Who sees reviews, conduct records and plans: one test per gate over every role."""

import datetime as dt

import pytest

from dueprocess.accounts import policy
from dueprocess.plans import demo as plans_demo
from dueprocess.reviews import demo as reviews_demo
from dueprocess.reviews.models import Incident, Investigation, Warning

ROLES = ["hr.admin", "hrbp", "manager", "legal", "auditor", "employee", "other.manager"]
# username -> (sees Zhang Wei's reviews, his incident and investigation, his warning, his plan)
EXPECTED = {
    "hr.admin": (True, True, True, True),
    "hrbp": (True, True, True, True),
    "manager": (True, True, True, True),
    "legal": (True, True, True, True),
    "auditor": (True, True, True, True),
    "employee": (True, False, True, True),  # shared reviews, his warning, his published plan
    "other.manager": (False, False, False, False),
}


@pytest.fixture
def story(demo_org):
    reviews_demo.load(today=dt.date(2026, 11, 24))
    plans_demo.load(today=dt.date(2026, 11, 24))


@pytest.mark.parametrize("username", ROLES)
def test_each_role_sees_exactly_the_records_in_its_scope(story, persona, username):
    user = persona(username)
    seen = (
        policy.reviews_visible_to(user).filter(employee__number="XQ0007").exists(),
        policy.conduct_visible_to(user, Incident).exists()
        and policy.conduct_visible_to(user, Investigation).exists(),
        policy.conduct_visible_to(user, Warning).exists(),
        policy.plans_visible_to(user).filter(employee__number="XQ0007").exists(),
    )
    assert seen == EXPECTED[username]


@pytest.mark.parametrize(
    "username, manages, handles_conduct",
    [("hr.admin", True, True), ("hrbp", True, True), ("manager", True, False), ("legal", False, True),
     ("auditor", False, False), ("employee", False, False), ("other.manager", False, False)],
)  # fmt: skip
def test_who_may_act_on_the_product_managers_records(demo_org, persona, username, manages, handles_conduct):
    user, zhang = persona(username), demo_org["XQ0007"]
    assert policy.can_manage_reviews(user, zhang) is manages
    assert policy.can_draft_plan(user, zhang) is manages
    assert policy.can_handle_conduct(user, zhang) is handles_conduct


def test_the_employee_sees_no_review_still_in_draft(demo_org, persona):
    from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review

    draft_review(persona("manager"), ReviewCycleFactory(), demo_org["XQ0007"])
    assert not policy.reviews_visible_to(persona("employee")).exists()
