"""The documents a plan's outcome rests on, read from the plan page by those who may read the plan,
through that plan only, each read written to the read log."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse

from dueprocess.accounts import policy
from dueprocess.plans import actions
from dueprocess.plans import demo as plans_demo
from dueprocess.plans.models import ImprovementPlan
from dueprocess.plans.tests.factories import draft, published
from dueprocess.records.models import ReadLog
from dueprocess.reviews import demo as reviews_demo

# The demo's failed plan rests on its release log (plans/demo.py).
RELEASE_LOG = b"release,agreed,shipped\nR1,D+14,D+21\nR2,D+28,D+28\n"
SHA = hashlib.sha256(RELEASE_LOG).hexdigest()


@pytest.fixture
def plan(demo_org):
    reviews_demo.load(today=dt.date(2026, 11, 24))
    plans_demo.load(today=dt.date(2026, 11, 24))
    return ImprovementPlan.objects.get(employee__number="XQ0007")


def url(plan, sha256: str) -> str:
    return reverse("plans:outcome_evidence", args=[plan.public_id, sha256])


def passed_with(actor, employee, name: str, content: bytes) -> ImprovementPlan:
    plan = published(actor, employee)
    actions.decide_outcome(
        plan, actor=actor, outcome="passed", summary="Both goals met.", decided_on=dt.date(2026, 11, 21),
        check_ins=[], evidence=[(name, "text/plain", content)],
    )  # fmt: skip
    return plan


@pytest.mark.parametrize("username", ["manager", "hrbp", "hr.admin", "legal", "auditor"])
def test_those_who_read_the_plan_download_the_exact_document_and_the_read_is_logged(
    plan, client_as, persona, username
):
    response = client_as(username).get(url(plan, SHA))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == RELEASE_LOG
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    [read] = ReadLog.objects.filter(what="document")
    assert read.user == persona(username)
    assert read.object_ref == f"plans.improvementplan:{plan.public_id}"


def test_another_teams_manager_gets_not_found_and_nothing_is_logged(plan, client_as):
    assert client_as("other.manager").get(url(plan, SHA)).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_an_employee_reads_no_other_persons_plan_documents(plan, demo_org, persona, client_as):
    """Zhang Wei may read his own plan's documents, never a colleague's."""
    other = passed_with(persona("manager"), demo_org["XQ0008"], "sun.txt", b"Sun's spec reviews")
    assert (
        client_as("employee").get(url(other, hashlib.sha256(b"Sun's spec reviews").hexdigest())).status_code
        == 404
    )
    assert client_as("employee").get(url(other, SHA)).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_a_document_of_another_plan_is_not_found_through_this_one(plan, demo_org, persona, client_as):
    other = passed_with(persona("manager"), demo_org["XQ0008"], "sun.txt", b"Sun's spec reviews")
    foreign = hashlib.sha256(b"Sun's spec reviews").hexdigest()
    client = client_as("manager")  # reads both plans
    assert client.get(url(other, foreign)).status_code == 200
    assert client.get(url(plan, foreign)).status_code == 404
    assert client.get(url(other, SHA)).status_code == 404
    assert ReadLog.objects.filter(what="document").count() == 1


@pytest.mark.parametrize("sha256", ["0" * 64, SHA.upper(), SHA[:63], "release-log.csv"])
def test_an_unknown_or_malformed_hash_is_not_found(plan, client_as, sha256):
    assert url(plan, SHA) == f"/plans/{plan.public_id}/outcome/evidence/{SHA}/"
    response = client_as("hrbp").get(f"/plans/{plan.public_id}/outcome/evidence/{sha256}/")
    assert response.status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_the_plan_page_links_each_document_of_the_outcome(plan, client_as):
    page = client_as("hrbp").get(reverse("plans:plan_detail", args=[plan.public_id])).content.decode()
    assert f'href="{url(plan, SHA)}"' in page and "发布记录 release-log.csv</a>" in page


@pytest.mark.parametrize(
    ("username", "allowed"),
    [("hr.admin", True), ("hrbp", True), ("manager", True), ("legal", True), ("employee", True),
     ("auditor", True), ("other.manager", False)],
)  # fmt: skip
def test_who_reads_an_outcomes_documents(plan, persona, username, allowed):
    assert policy.can_read_plan_evidence(persona(username), plan) is allowed


def test_nobody_but_its_author_and_hr_reads_a_draft(demo_org, persona):
    plan = draft(persona("manager"), demo_org["XQ0007"])
    assert not policy.can_read_plan_evidence(persona("employee"), plan)
    assert policy.can_read_plan_evidence(persona("manager"), plan)
