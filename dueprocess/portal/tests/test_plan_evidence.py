"""The portal shows the employee the outcome of their plan, so it hands them the documents it rests
on: from their plan's page, through the policy, each read written to the read log."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import published
from dueprocess.records.models import ReadLog

SPEC_REVIEWS = b"feature,spec reviewed\nsearch,yes\nexport,no\n"
SHA = hashlib.sha256(SPEC_REVIEWS).hexdigest()


def decided(plan, actor, evidence):
    actions.decide_outcome(
        plan, actor=actor, outcome="failed", summary="Half the features specced.",
        decided_on=dt.date(2026, 11, 21), check_ins=[], evidence=evidence,
    )  # fmt: skip
    return plan


@pytest.fixture
def plan(demo_org, persona, zhang):
    hrbp = persona("hrbp")
    return decided(
        published(persona("manager"), zhang), hrbp, [("spec reviews.csv", "text/csv", SPEC_REVIEWS)]
    )


def url(plan, sha256: str = SHA) -> str:
    return reverse("portal:plan_evidence", args=[plan.public_id, sha256])


def test_the_employee_reads_the_documents_of_the_outcome_shown_to_them(plan, client_as, persona):
    client = client_as("employee")
    html = client.get(reverse("portal:plan_detail", args=[plan.public_id])).content.decode()
    assert f'href="{url(plan)}"' in html and "spec reviews.csv</a>" in html
    response = client.get(url(plan))
    assert response.status_code == 200 and b"".join(response.streaming_content) == SPEC_REVIEWS
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    [read] = ReadLog.objects.filter(what="document")
    assert read.user == persona("employee")
    assert read.object_ref == f"plans.improvementplan:{plan.public_id}"


@pytest.mark.parametrize("username", ["hrbp", "manager", "other.manager"])
def test_the_portal_hands_nobody_else_the_employees_documents(plan, client_as, username):
    """Staff read a plan's documents from the plan's page; in their own portal the plan is not theirs."""
    assert client_as(username).get(url(plan)).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_another_employee_gets_not_found(plan, wu, client):
    client.force_login(wu)
    assert client.get(url(plan)).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_a_document_of_another_plan_is_not_found_through_the_employees(plan, demo_org, persona, client_as):
    other = b"Sun's spec reviews"
    sun = decided(
        published(persona("manager"), demo_org["XQ0008"]), persona("hrbp"), [("s.txt", "text/plain", other)]
    )
    client = client_as("employee")
    assert client.get(url(plan, hashlib.sha256(other).hexdigest())).status_code == 404
    assert client.get(url(sun)).status_code == 404
    assert client.get(url(sun, hashlib.sha256(other).hexdigest())).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


@pytest.mark.parametrize("sha256", ["0" * 64, SHA.upper(), "spec reviews.csv"])
def test_an_unknown_or_malformed_hash_is_not_found(plan, client_as, sha256):
    assert url(plan) == f"/portal/plans/{plan.public_id}/outcome/evidence/{SHA}/"
    response = client_as("employee").get(f"/portal/plans/{plan.public_id}/outcome/evidence/{sha256}/")
    assert response.status_code == 404
