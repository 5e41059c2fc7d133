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


@pytest.mark.parametrize(
    "username, starts_reviews, reports_incidents, reads_evidence, explains",
    [("hr.admin", True, True, True, False), ("hrbp", True, True, True, False),
     ("manager", True, True, True, False), ("legal", False, True, True, False),
     ("auditor", False, False, True, False), ("employee", False, False, False, True),
     ("other.manager", True, True, False, False)],
)  # fmt: skip
def test_the_gates_of_the_review_and_conduct_pages(
    demo_org, persona, username, starts_reviews, reports_incidents, reads_evidence, explains
):
    from dueprocess.reviews import actions
    from dueprocess.reviews.tests.factories import incident

    user, hrbp = persona(username), persona("hrbp")
    reported = incident(hrbp, demo_org["XQ0007"])
    actions.open_investigation(reported, actor=hrbp)
    assert policy.can_start_reviews(user) is starts_reviews
    assert policy.can_report_incidents(user) is reports_incidents
    assert policy.can_view_evidence(user, reported) is reads_evidence
    assert policy.investigations_to_explain(user).exists() is explains


def test_only_the_respondent_sees_a_feedback_request(demo_org, persona):
    from dueprocess.accounts.models import Role, User
    from dueprocess.reviews import actions
    from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review

    review = draft_review(persona("manager"), ReviewCycleFactory(), demo_org["XQ0007"])
    actions.request_feedback(
        review, actor=persona("manager"), respondent=demo_org["XQ0008"], relationship="peer",
        due_on=dt.date(2026, 12, 10),
    )  # fmt: skip
    respondent = User.objects.create(username="sun", role=Role.EMPLOYEE, employee=demo_org["XQ0008"])
    assert policy.feedback_requests_for(respondent).count() == 1
    for username in ROLES:
        assert not policy.feedback_requests_for(persona(username)).exists()
