"""Cases through the API: the same scope as the pages, figures absent for those who may not see
wages, and every step through the same actions (so the same events and the same refusals)."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.cases.tests.conftest import DEMO_TODAY
from dueprocess.records.models import Event


@pytest.fixture
def demo_cases(story):
    from dueprocess.cases import demo

    demo.load(today=DEMO_TODAY)
    return {c.employee.number: c for c in SeparationCase.objects.select_related("employee")}


def test_the_list_follows_the_policy(demo_cases, api):
    numbers = lambda username: {c["employee"]["number"] for c in api(username).get("/cases").json()["items"]}  # noqa: E731
    assert numbers("hr.admin") == {"XQ0007", "XQ0010"}
    assert numbers("hrbp") == {"XQ0007"}
    assert numbers("other.manager") == {"XQ0010"}, "the manager of the other team sees only their own report"
    assert numbers("employee") == set()
    assert api(None).get("/cases").status_code == 401


def test_the_stored_assessment_is_absent_for_the_manager(demo_cases, api):
    path = f"/cases/{demo_cases['XQ0007'].public_id}"
    for_hr, for_manager = api("hrbp").get(path).json(), api("manager").get(path).json()
    assert for_hr["latest_assessment"]["result"]["total"]
    assert "latest_assessment" not in for_manager and for_manager["stage"] == Stage.NOTICE_SERVED
    assert for_manager["summary"] == for_hr["summary"] != ""  # only the assessment is withheld
    assert api("manager").get(f"{path}/assessment").status_code == 403
    assert api("other.manager").get(path).status_code == 404


def test_the_live_assessment_names_the_blocker(demo_cases, api):
    body = api("hr.admin").get(f"/cases/{demo_cases['XQ0010'].public_id}/assessment").json()
    assert body["lawful"] is False
    assert [f["article"] for f in body["findings"] if f["kind"] == "blocker"] == ["LCL 42(4)"]


def test_the_timeline_is_in_order(demo_cases, api):
    entries = api("legal").get(f"/cases/{demo_cases['XQ0007'].public_id}/timeline").json()
    assert [e["on"] for e in entries] == sorted(e["on"] for e in entries)
    assert entries[-1]["type"] == "cases.notice_served"


def test_a_case_is_opened_and_moved_through_the_same_actions(story, api):
    client = api("hrbp")
    response = client.post(
        "/cases",
        {"employee": str(story["XQ0007"].public_id), "ground": "incompetence", "summary": "Plan failed."},
    )
    assert response.status_code == 201, response.content
    path = f"/cases/{response.json()['public_id']}"
    assert client.post(f"{path}/start-gathering").json()["stage"] == Stage.GATHERING_EVIDENCE
    refused = client.post(f"{path}/request-decision")
    assert refused.status_code == 422 and "not been heard" in refused.content.decode()
    assert Event.objects.filter(type="cases.gathering_started").count() == 1


def test_bad_input_is_a_422_naming_the_field_and_writes_nothing(story, api):
    client = api("hrbp")
    events = Event.objects.count()
    response = client.post(
        "/cases", {"employee": str(story["XQ0007"].public_id), "ground": "redundancy", "summary": "x"}
    )
    assert response.status_code == 422 and "ground" in response.content.decode()
    assert Event.objects.count() == events and not SeparationCase.objects.exists()


def test_only_legal_overrides_through_the_api(demo_cases, api):
    path = f"/cases/{demo_cases['XQ0010'].public_id}/overrides"
    code = demo_cases["XQ0010"].latest_assessment.result["blockers"][0]["code"]
    assert api("hr.admin").post(path, {"code": code, "justification": "x"}).status_code == 403
    assert api("legal").post(path, {"code": code, "justification": "Certificate on file."}).status_code == 200


def test_the_employee_answers_and_appeals_their_own_case(demo_cases, api):
    path = f"/cases/{demo_cases['XQ0007'].public_id}"
    client = api("employee")
    assert client.get(path).status_code == 404
    response = client.post(f"{path}/appeals", {"lodged_on": DEMO_TODAY.isoformat(), "grounds": "Unfair."})
    assert response.status_code == 201 and response.json()["outcome"] == "pending"
    late = (DEMO_TODAY + dt.timedelta(days=1)).isoformat()
    assert client.post(f"{path}/appeals", {"lodged_on": late, "grounds": "Again."}).status_code == 422


def test_layoffs_for_the_hr_administrator(story, api):
    body = {
        "name": "Beijing",
        "reason": "Closed.",
        "headcount": 25,
        "last_day": (DEMO_TODAY + dt.timedelta(days=45)).isoformat(),
        "employees": [str(story[n].public_id) for n in ("XQ0009", "XQ0011", "XQ0013")],
    }
    assert api("hrbp").post("/layoffs", body).status_code == 403
    created = api("hr.admin").post("/layoffs", body)
    assert created.status_code == 201 and len(created.json()["cases"]) == 3
    assessed = api("hr.admin").post(f"/layoffs/{created.json()['public_id']}/assessments").json()
    assert assessed["latest_assessment"]["totals"]["employees"] == 3


def test_a_case_not_yet_shared_does_not_exist_for_the_employee(story, api, persona):
    from dueprocess.cases import actions

    case = actions.open_case(
        actor=persona("hrbp"), employee=story["XQ0007"], ground="incompetence", summary="x"
    )
    response = api("employee").post(f"/cases/{case.public_id}/statements", {"text": "Answer."})
    assert response.status_code == 404 and not case.statements.exists()


def test_a_hearing_time_without_an_offset_is_the_organisations_time(story, api):
    from dueprocess.cases.models import Hearing

    client = api("hrbp")
    opened = client.post(
        "/cases",
        {"employee": str(story["XQ0007"].public_id), "ground": "incompetence", "summary": "Plan failed."},
    )
    path = f"/cases/{opened.json()['public_id']}"
    client.post(f"{path}/start-gathering")
    path = f"{path}/hearings"
    when = dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=3), dt.time(10, 0))
    invite = {"scheduled_at": when.isoformat(), "place": "Room 5", "attendees": "HR, the manager"}
    response = client.post(path, invite)
    assert response.status_code == 201, response.content
    stored = Hearing.objects.get().scheduled_at
    assert stored.astimezone(dt.timezone(dt.timedelta(hours=8))).replace(tzinfo=None) == when  # Asia/Shanghai

    events = Event.objects.count()
    too_far = client.post(path, {**invite, "scheduled_at": "9999-12-31T23:59:59"})
    assert too_far.status_code == 422 and "scheduled_at" in too_far.content.decode()
    assert Hearing.objects.count() == 1 and Event.objects.count() == events
