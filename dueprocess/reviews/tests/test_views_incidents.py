"""Reporting an incident (with evidence files), the Conduct list, and evidence downloads that go
through the policy and the read log."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dueprocess.records.models import ReadLog
from dueprocess.reviews.forms import fields
from dueprocess.reviews.models import Incident, IncidentEvidence
from dueprocess.reviews.tests import factories

PDF = b"%PDF-1.4\n% a customer's complaint\n"


def report(**change):
    return {
        "occurred_on": "2026-11-20",
        "reported_on": "2026-11-21",
        "summary": "Shouted at a customer",
        "description": "During the call at 10:00 he raised his voice and hung up.",
        "reporter_other": "Huadong Logistics (customer)",
        "witnesses_other": "",
        **change,
    }


def url_for(employee):
    return reverse("reviews:incident_create", args=[employee.public_id])


@pytest.mark.parametrize("username", ["hrbp", "manager", "legal"])
def test_an_incident_is_reported_from_the_profile_with_witnesses_and_evidence(
    zhang, demo_org, client_as, events, username
):
    client = client_as(username)
    profile = client.get(reverse("people:employee_detail", args=[zhang.public_id])).content.decode()
    assert url_for(zhang) in profile
    assert client.get(url_for(zhang)).status_code == 200
    upload = SimpleUploadedFile("complaint.pdf", PDF, content_type="application/x-whatever")
    data = report(evidence=[upload], witnesses=[demo_org["XQ0008"].pk])
    response = client.post(url_for(zhang), data)
    incident = Incident.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{incident.public_id}/")
    assert [w.number for w in incident.witnesses.all()] == ["XQ0008"]
    evidence = incident.evidence.get()
    assert (evidence.name, evidence.content_type, evidence.size) == (
        "complaint.pdf",
        "application/pdf",
        len(PDF),
    )
    assert events.types() == ["reviews.incident_reported"]


@pytest.mark.parametrize(
    "change, field",
    [({"reporter_other": ""}, "reported_by"), ({"occurred_on": "2026-11-30"}, "occurred_on"),
     ({"reported_on": "2026-11-19"}, "reported_on"), ({"summary": ""}, "summary"),
     ({"reported_by": "XQ9999"}, "reported_by")],
)  # fmt: skip
def test_a_bad_report_is_named_by_field_and_nothing_is_written(zhang, client_as, change, field):
    response = client_as("hrbp").post(url_for(zhang), report(**change))
    assert response.status_code == 200 and f'id="id_{field}_error"' in response.content.decode()
    assert not Incident.objects.exists()


def test_a_program_is_refused_as_evidence(zhang, client_as):
    upload = SimpleUploadedFile("invoice.exe", b"MZ...", content_type="application/pdf")
    response = client_as("hrbp").post(url_for(zhang), report(evidence=[upload]))
    page = response.content.decode()
    assert 'id="id_evidence_error"' in page and "is not a document or picture" in page
    assert not Incident.objects.exists() and not IncidentEvidence.objects.exists()


def test_an_oversized_file_is_refused_with_the_limit(zhang, client_as, monkeypatch):
    monkeypatch.setattr(fields, "EVIDENCE_MAX_BYTES", 16)
    upload = SimpleUploadedFile("scan.png", b"\x89PNG" + b"0" * 40, content_type="image/png")
    page = client_as("hrbp").post(url_for(zhang), report(evidence=[upload])).content.decode()
    assert "“scan.png” is larger than 16\xa0bytes." in page
    assert not Incident.objects.exists()


@pytest.mark.parametrize("username", ["other.manager", "employee", "auditor"])
def test_those_out_of_scope_cannot_report_about_zhang_wei(zhang, client_as, username):
    client = client_as(username)
    assert client.get(url_for(zhang)).status_code == 404
    assert client.post(url_for(zhang), report()).status_code == 404
    assert not Incident.objects.exists()


def test_the_conduct_page_starts_a_report_by_choosing_the_employee(zhang, client_as):
    start = reverse("reviews:incident_start")
    assert start in client_as("hrbp").get(reverse("reviews:conduct_list")).content.decode()
    response = client_as("hrbp").get(start, {"employee": "XQ0007 · 张伟"})
    assert response.status_code == 302 and response["Location"] == url_for(zhang)
    response = client_as("other.manager").get(start, {"employee": "XQ0007"})
    assert response.status_code == 200 and 'id="id_employee_error"' in response.content.decode()
    assert client_as("employee").get(start).status_code == 403
    assert start not in client_as("employee").get(reverse("reviews:conduct_list")).content.decode()


@pytest.fixture
def incident_with_evidence(zhang, persona):
    return factories.incident(persona("hrbp"), zhang, evidence=[("complaint.pdf", "application/pdf", PDF)])


def test_evidence_is_downloaded_through_the_policy_and_the_read_log(incident_with_evidence, client_as):
    incident, evidence = incident_with_evidence, incident_with_evidence.evidence.get()
    url = reverse("reviews:evidence_download", args=[incident.public_id, evidence.sha256])
    assert (
        url
        in client_as("hrbp")
        .get(reverse("reviews:incident_detail", args=[incident.public_id]))
        .content.decode()
    )
    response = client_as("hrbp").get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    assert ReadLog.objects.filter(user__username="hrbp", what="document").count() == 1


@pytest.mark.parametrize("username", ["other.manager", "employee"])
def test_evidence_is_not_found_for_those_who_may_not_read_the_incident(
    incident_with_evidence, client_as, username
):
    evidence = incident_with_evidence.evidence.get()
    url = reverse("reviews:evidence_download", args=[incident_with_evidence.public_id, evidence.sha256])
    assert client_as(username).get(url).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_an_unknown_file_of_a_visible_incident_is_not_found(incident_with_evidence, client_as):
    url = reverse("reviews:evidence_download", args=[incident_with_evidence.public_id, "0" * 64])
    assert client_as("hrbp").get(url).status_code == 404


def test_the_conduct_list_shows_what_each_user_may_see(incident_with_evidence, client_as):
    assert (
        "Missed the launch commitment"
        in client_as("hrbp").get(reverse("reviews:conduct_list")).content.decode()
    )
    for username in ("other.manager", "employee"):
        page = client_as(username).get(reverse("reviews:conduct_list")).content.decode()
        assert "Missed the launch commitment" not in page
    nav = client_as("employee").get(reverse("reviews:warning_list")).content.decode()
    assert f'href="{reverse("reviews:conduct_list")}"' in nav


def test_the_conduct_list_costs_the_same_queries_for_2_or_10_incidents(
    zhang, persona, client_as, page_queries
):
    from dueprocess.reviews import actions

    hrbp, client, counts = persona("hrbp"), client_as("hrbp"), []
    for rows in (2, 8):
        for n in range(rows):
            found = factories.incident(hrbp, zhang, occurred_on=dt.date(2026, 9, 1 + n))
            if n % 2:
                actions.open_investigation(found, actor=hrbp)
        counts.append(page_queries(client, reverse("reviews:conduct_list")))
    assert counts[0] == counts[1]
