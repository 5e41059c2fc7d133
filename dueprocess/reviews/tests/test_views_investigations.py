"""Investigation pages: open, interview, the employee's written explanation, conclude."""

import pytest
from django.urls import reverse

from dueprocess.reviews import actions
from dueprocess.reviews.models import Explanation, Interview, Investigation
from dueprocess.reviews.tests import factories

OUT_OF_SCOPE = ["manager", "other.manager", "employee", "auditor"]


@pytest.fixture
def incident(zhang, persona):
    return factories.incident(persona("hrbp"), zhang)


@pytest.fixture
def investigation(incident, persona):
    return actions.open_investigation(incident, actor=persona("hrbp"))


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_hr_opens_an_investigation_from_the_incident(incident, client_as, events):
    url = reverse("reviews:investigation_open", args=[incident.public_id])
    assert url in page(client_as("hrbp"), reverse("reviews:incident_detail", args=[incident.public_id]))
    assert url not in page(
        client_as("manager"), reverse("reviews:incident_detail", args=[incident.public_id])
    )
    response = client_as("hrbp").post(url, {"opened_on": "2026-11-23"})
    assert response.status_code == 302 and Investigation.objects.get().incident == incident
    assert events.types() == ["reviews.investigation_opened"]


def test_an_investigation_cannot_open_before_the_incident(incident, client_as):
    url = reverse("reviews:investigation_open", args=[incident.public_id])
    response = client_as("hrbp").post(url, {"opened_on": "2026-09-01"})
    assert 'id="id_opened_on_error"' in response.content.decode()
    assert not Investigation.objects.exists()


@pytest.mark.parametrize("username", OUT_OF_SCOPE)
def test_only_conduct_handlers_open_investigations(incident, client_as, username):
    url = reverse("reviews:investigation_open", args=[incident.public_id])
    assert client_as(username).get(url).status_code == 404
    assert client_as(username).post(url, {"opened_on": "2026-11-23"}).status_code == 404
    assert not Investigation.objects.exists()


INTERVIEW = {"held_on": "2026-11-24", "interviewee": "XQ0008 · 孙晓梅", "interviewers": "Chen Simin",
             "notes": "She heard the call."}  # fmt: skip


def test_hr_records_an_interview(investigation, client_as):
    url = reverse("reviews:interview_create", args=[investigation.public_id])
    assert "XQ0008 · 孙晓梅" in page(client_as("hrbp"), url), "the witnesses are suggested"
    response = client_as("hrbp").post(url, INTERVIEW)
    interview = Interview.objects.get()
    assert response.status_code == 302 and interview.interviewee.number == "XQ0008"


@pytest.mark.parametrize(
    "change, field", [({"held_on": "2026-11-30"}, "held_on"), ({"interviewee": ""}, "interviewee"),
                      ({"notes": ""}, "notes")]
)  # fmt: skip
def test_a_bad_interview_is_named_and_nothing_is_written(investigation, client_as, change, field):
    url = reverse("reviews:interview_create", args=[investigation.public_id])
    response = client_as("hrbp").post(url, {**INTERVIEW, **change})
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Interview.objects.exists()


@pytest.mark.parametrize("username", OUT_OF_SCOPE)
def test_only_conduct_handlers_record_interviews(investigation, client_as, username):
    url = reverse("reviews:interview_create", args=[investigation.public_id])
    assert client_as(username).get(url).status_code == 404
    assert client_as(username).post(url, INTERVIEW).status_code == 404
    assert not Interview.objects.exists()


def test_the_employee_writes_their_explanation_through_their_own_login(investigation, client_as, events):
    client = client_as("employee")
    url = reverse("reviews:explanation_create", args=[investigation.public_id])
    assert url in page(client, reverse("reviews:conduct_list"))
    shown = page(client, url)
    assert "Missed the launch commitment" in shown
    assert "Customer complaint (Huadong Logistics)" not in shown, "the reporter stays in the file"
    response = client.post(url, {"text": "The scope grew twice."})
    assert response.status_code == 302
    explanation = Explanation.objects.get()
    assert (explanation.text, explanation.investigation) == ("The scope grew twice.", investigation)
    assert events.of("reviews.explanation_recorded")[0]["by_employee"] is True


def test_a_blank_explanation_is_named_and_nothing_is_written(investigation, client_as):
    url = reverse("reviews:explanation_create", args=[investigation.public_id])
    response = client_as("employee").post(url, {"text": " "})
    assert 'id="id_text_error"' in response.content.decode()
    assert not Explanation.objects.exists()


def test_hr_records_that_the_employee_declined(investigation, client_as):
    url = reverse("reviews:explanation_create", args=[investigation.public_id])
    assert url in page(
        client_as("hrbp"), reverse("reviews:incident_detail", args=[investigation.incident.public_id])
    )
    client_as("hrbp").post(url, {"text": "", "written_on": "2026-11-24", "declined": "on"})
    assert Explanation.objects.get().declined is True


@pytest.mark.parametrize("username", ["manager", "other.manager", "auditor"])
def test_nobody_else_writes_the_explanation(investigation, client_as, username):
    url = reverse("reviews:explanation_create", args=[investigation.public_id])
    assert client_as(username).get(url).status_code == 404
    assert client_as(username).post(url, {"text": "Not mine.", "written_on": "2026-11-24"}).status_code == 404
    assert not Explanation.objects.exists()


def test_no_finding_before_the_employee_is_heard(investigation, client_as):
    url = reverse("reviews:investigation_conclude", args=[investigation.public_id])
    data = {"conclusion": "substantiated", "findings": "The call was recorded.", "concluded_on": "2026-11-24"}
    response = client_as("hrbp").post(url, data)
    assert "Record the employee&#x27;s written explanation" in response.content.decode()
    investigation.refresh_from_db()
    assert investigation.status == "open"


def test_hr_concludes_and_is_offered_a_warning_on_the_finding(zhang, persona, client_as, events):
    investigation = factories.investigation_heard(persona("hrbp"), zhang)
    url = reverse("reviews:investigation_conclude", args=[investigation.public_id])
    data = {"conclusion": "substantiated", "findings": "The date was agreed.", "concluded_on": "2026-11-24"}
    assert client_as("hrbp").post(url, data).status_code == 302
    investigation.refresh_from_db()
    assert (investigation.status, investigation.conclusion) == ("concluded", "substantiated")
    detail = page(
        client_as("hrbp"), reverse("reviews:incident_detail", args=[investigation.incident.public_id])
    )
    warn = (
        f"{reverse('reviews:warning_create', args=[zhang.public_id])}?investigation={investigation.public_id}"
    )
    assert warn in detail and url not in detail
    assert f'<option value="{investigation.pk}" selected>' in page(client_as("hrbp"), warn)
    explain = reverse("reviews:explanation_create", args=[investigation.public_id])
    assert client_as("employee").get(explain).status_code == 404, "a concluded investigation is locked"


def test_a_conclusion_without_findings_is_named(zhang, persona, client_as):
    investigation = factories.investigation_heard(persona("hrbp"), zhang)
    url = reverse("reviews:investigation_conclude", args=[investigation.public_id])
    response = client_as("legal").post(
        url, {"conclusion": "not_substantiated", "findings": "", "concluded_on": "2026-11-24"}
    )
    assert 'id="id_findings_error"' in response.content.decode()
    investigation.refresh_from_db()
    assert investigation.status == "open"


@pytest.mark.parametrize("username", OUT_OF_SCOPE)
def test_only_conduct_handlers_conclude(investigation, client_as, username):
    url = reverse("reviews:investigation_conclude", args=[investigation.public_id])
    assert client_as(username).get(url).status_code == 404
    data = {"conclusion": "substantiated", "findings": "x", "concluded_on": "2026-11-24"}
    assert client_as(username).post(url, data).status_code == 404
