"""The demo's learning chapter, loaded after every chapter before it: the product manager's
retrospective with two actions, one evaluated; a risk list with a few people flagged, and the
manager flagged for the plan without check-ins."""

import pytest

from dueprocess.accounts import policy
from dueprocess.learning import demo, early_warning
from dueprocess.learning.models import Retrospective
from dueprocess.learning.tests.conftest import DEMO_TODAY


@pytest.fixture
def chapter(served, monkeypatch):
    from dueprocess.cases.actions import decision

    # Without the offboarding chapter the learning chapter closes the case itself; its closing
    # checks (offboarding tasks) are that chapter's business.
    monkeypatch.setattr(decision, "CLOSING_CHECKS", [])
    monkeypatch.setattr(demo.apps, "is_installed", lambda name: name != "dueprocess.offboarding")
    demo.load(today=DEMO_TODAY)
    return Retrospective.objects.get()


def test_the_retrospective_has_every_area_and_two_actions_one_evaluated(chapter):
    assert chapter.status == "completed" and chapter.areas_missing() == []
    evaluated = [a for a in chapter.actions.all() if a.evaluations.exists()]
    assert chapter.actions.count() == 2 and len(evaluated) == 1
    assert evaluated[0].owner != evaluated[0].evaluations.get().evaluated_by


def test_the_risk_list_flags_a_few_people_each_for_a_reason(chapter, persona, demo_org):
    flags = early_warning.find_flags(policy.risk_scope(persona("hr.admin")), DEMO_TODAY)
    codes = {(f.employee_id, f.code) for f in flags}
    assert {
        (demo_org["XQ0019"].pk, "slipping_ratings"),
        (demo_org["XQ0028"].pk, "repeated_incidents"),
        (demo_org["XQ0025"].pk, "overdue_reviews"),
        (demo_org["XQ0031"].pk, "plan_without_support"),
        (demo_org["XQ0031"].pk, "check_ins_not_held"),
        (demo_org["XQ0006"].pk, "manager_no_check_ins"),
    } <= codes


def test_loading_twice_adds_nothing(chapter):
    from dueprocess.records.models import Event

    events = Event.objects.count()
    demo.load(today=DEMO_TODAY)
    assert Event.objects.count() == events


def test_the_manager_reads_the_risk_list_of_her_team(chapter, client_as):
    html = client_as("manager").get("/learning/risk/").content.decode()
    assert "ratings fell 4 → 3 → 2 over the last 3 cycles" in html
    assert "XQ0031" in html and "XQ0028" not in html  # sales is not her team
    assert client_as("employee").get("/learning/risk/").status_code == 404


def test_the_retrospective_pages_show_the_story(chapter, client_as):
    client = client_as("hrbp")
    html = client.get(f"/learning/retrospectives/{chapter.public_id}/").content.decode()
    assert html.count('class="card finding"') == 4 and "the improvement-plan template" in html
    action = chapter.actions.get(evaluations__isnull=False)
    assert "it partly worked" in client.get(f"/learning/actions/{action.public_id}/").content.decode()
