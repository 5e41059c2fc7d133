"""Incidents, investigations and warnings through the API: kept from the line manager and the
employee as on the pages; reporting and explaining through the same actions."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.reviews.models import Explanation, Incident, Investigation, Warning

ZHANG = "XQ0007"


def ids(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["public_id"] for item in response.json()["items"]}


def report(story, **overrides) -> dict:
    return {
        "employee": str(story[ZHANG].public_id),
        "occurred_on": "2026-11-20",
        "summary": "Left a client meeting early",
        "description": "Walked out of the quarterly review with the client.",
        "reporter_other": "Client account lead",
        "witnesses": [str(story["XQ0008"].public_id)],
        **overrides,
    }


@pytest.mark.parametrize("path", ["/incidents", "/investigations"])
def test_incident_files_stay_with_those_handling_them(api, story, path):
    assert ids(api("hr.admin").get(path))
    for username in ("employee", "other.manager"):
        assert ids(api(username).get(path)) == set(), username


def test_the_employee_sees_their_warning_but_not_the_investigation_behind_it(api, story):
    warning = Warning.objects.get(employee=story[ZHANG])
    assert ids(api("employee").get("/warnings")) == {str(warning.public_id)}
    mine = api("employee").get(f"/warnings/{warning.public_id}").json()
    assert mine["reason"] and "investigation" not in mine
    assert api("hr.admin").get(f"/warnings/{warning.public_id}").json()["investigation"] == str(
        warning.investigation.public_id
    )
    assert api("employee").get(f"/investigations/{warning.investigation.public_id}").status_code == 404
    assert api("other.manager").get(f"/warnings/{warning.public_id}").status_code == 404


def test_an_incident_reported_through_the_api_is_on_the_record(api, story, events):
    response = api("hrbp").post("/incidents", report(story))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["employee"]["number"] == ZHANG and [w["number"] for w in body["witnesses"]] == ["XQ0008"]
    [recorded] = events.of("reviews.incident_reported")
    assert recorded["incident"] == body["public_id"] and recorded["witnesses"] == ["XQ0008"]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"occurred_on": "2026-12-31"}, "occurred_on"),
        ({"summary": " "}, "summary"),
        ({"reporter_other": ""}, "reported_by"),
        ({"witnesses": ["00000000-0000-4000-8000-000000000000"]}, "witnesses"),
        ({"summary": "x" * 201}, "summary"),
        ({"occurred_on": "yesterday"}, "occurred_on"),
    ],
)
def test_a_report_refused_is_422_naming_the_field_and_nothing_is_written(
    api, story, events, overrides, field
):
    before = Incident.objects.count()
    response = api("hrbp").post("/incidents", report(story, **overrides))
    assert response.status_code == 422
    assert field in {error["loc"][-1] for error in response.json()["detail"]}
    assert Incident.objects.count() == before and events.types() == []


def test_someone_out_of_scope_cannot_be_reported_on(api, story, events):
    response = api("other.manager").post("/incidents", report(story))
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "employee"]
    assert events.types() == []


def test_the_employee_answers_their_warning_in_writing(api, story, events):
    warning = Warning.objects.get(employee=story[ZHANG])
    response = api("employee").post(f"/warnings/{warning.public_id}/explanations", {"text": "I disagree."})
    assert response.status_code == 201 and response.json()["text"] == "I disagree."
    [recorded] = events.of("reviews.explanation_recorded")
    assert recorded["by_employee"] is True and recorded["about"] == str(warning.public_id)


def test_only_hr_or_legal_record_that_an_explanation_was_declined(api, story, events):
    warning = Warning.objects.get(employee=story[ZHANG])
    response = api("employee").post(f"/warnings/{warning.public_id}/explanations", {"declined": True})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "declined"]
    assert not Explanation.objects.filter(warning=warning, declined=True).exists()


def test_a_warning_issued_through_the_api_rests_on_a_substantiated_investigation(api, story, events):
    investigation = Investigation.objects.get(incident__employee=story[ZHANG])
    body = {
        "employee": str(story[ZHANG].public_id),
        "level": "final",
        "issued_on": str(dt.date(2026, 11, 24)),
        "expires_on": "2027-11-24",
        "reason": "A second missed commitment.",
        "investigation": str(investigation.public_id),
    }
    response = api("legal").post("/warnings", body)
    assert response.status_code == 201, response.content
    assert response.json()["investigation"] == str(investigation.public_id)
    assert events.types() == ["reviews.warning_issued"]
    # The line manager is often a witness: warnings are for HR and legal to give.
    assert api("manager").post("/warnings", body).status_code == 403
    assert events.types() == ["reviews.warning_issued"]


def test_an_investigation_hears_the_employee_before_it_concludes(api, story, events):
    legal = api("legal")
    incident = legal.post("/incidents", report(story)).json()
    investigation = legal.post(
        f"/incidents/{incident['public_id']}/investigation", {"opened_on": "2026-11-21"}
    ).json()
    path = f"/investigations/{investigation['public_id']}"
    interview = {"held_on": "2026-11-22", "interviewers": "Legal counsel", "notes": "Confirmed the walkout."}
    witness = {**interview, "interviewee": str(story["XQ0008"].public_id)}
    assert legal.post(f"{path}/interviews", witness).json()["interviewee"]["number"] == "XQ0008"
    early = legal.post(f"{path}/conclusion", {"conclusion": "substantiated", "findings": "It happened."})
    assert early.status_code == 422 and early.json()["detail"][0]["loc"] == ["body", "explanation"]
    assert legal.post(f"{path}/explanations", {"declined": True}).status_code == 201
    done = legal.post(f"{path}/conclusion", {"conclusion": "substantiated", "findings": "It happened."})
    assert done.status_code == 200 and done.json()["status"] == "concluded"
    assert events.types() == [
        "reviews.incident_reported", "reviews.investigation_opened", "reviews.interview_recorded",
        "reviews.explanation_recorded", "reviews.investigation_concluded",
    ]  # fmt: skip
    assert api("manager").post(f"/incidents/{incident['public_id']}/investigation", {}).status_code in (
        403,
        422,
    )


def test_the_employee_answers_an_open_investigation_about_them_without_reading_its_file(api, story, events):
    legal = api("legal")
    incident = legal.post("/incidents", report(story)).json()
    opened = legal.post(f"/incidents/{incident['public_id']}/investigation", {"opened_on": "2026-11-21"})
    path = f"/investigations/{opened.json()['public_id']}"
    response = api("employee").post(f"{path}/explanations", {"text": "I left to see a doctor."})
    assert response.status_code == 201 and response.json()["text"] == "I left to see a doctor."
    assert events.of("reviews.explanation_recorded")[0]["by_employee"] is True
    assert api("employee").get(path).status_code == 404
    assert api("other.manager").post(f"{path}/explanations", {"text": "x"}).status_code == 404
