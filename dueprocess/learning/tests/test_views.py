"""The retrospective and action pages: open, write an area, add an action, evaluate it — and the
refusals, beside the field they concern."""

import datetime as dt

from dueprocess.learning.models import Retrospective
from dueprocess.learning.tests.conftest import DEMO_TODAY


def test_hr_opens_and_writes_the_retrospective_through_the_pages(closed_case, client_as, persona):
    client = client_as("hrbp")
    page = client.get(f"/learning/retrospectives/case/{closed_case.public_id}/")
    assert b"2026-12-08" in page.content
    opened = client.post(f"/learning/retrospectives/case/{closed_case.public_id}/")
    retrospective = Retrospective.objects.get()
    assert opened.url == f"/learning/retrospectives/{retrospective.public_id}/"
    base = f"/learning/retrospectives/{retrospective.public_id}"
    refused = client.post(
        f"{base}/findings/legal/", {"legal-area": "legal", "legal-went_well": "Union told."}
    )
    assert refused.status_code == 400 and b"This field is required" in refused.content
    client.post(
        f"{base}/findings/legal/",
        {"legal-area": "legal", "legal-went_well": "Union told.", "legal-went_wrong": "Slow approval.",
         "legal-root_cause": "Legal joined late."},
    )  # fmt: skip
    assert retrospective.findings.get().root_cause == "Legal joined late."
    late = {"area": "legal", "title": "Legal reviews at opening", "changes": "case opening",
            "owner": persona("legal").pk, "due_on": DEMO_TODAY - dt.timedelta(days=1)}  # fmt: skip
    assert b"cannot be in the past" in client.post(f"{base}/actions/", late).content
    client.post(f"{base}/actions/", {**late, "due_on": DEMO_TODAY + dt.timedelta(days=7)})
    assert retrospective.actions.get().owner == persona("legal")


def test_the_owner_may_not_evaluate_and_others_cannot_post(improvement_action, client_as):
    url = f"/learning/actions/{improvement_action.public_id}/evaluate/"
    data = {"was_done": "yes", "effect": "worked", "evidence": "Done.", "evaluated_on": DEMO_TODAY}
    assert client_as("manager").post(url, data).status_code == 404
    assert (
        client_as("other.manager").get(f"/learning/actions/{improvement_action.public_id}/").status_code
        == 404
    )
    assert client_as("hrbp").post(url, data).status_code == 302
    assert improvement_action.evaluations.get().effect == "worked"
