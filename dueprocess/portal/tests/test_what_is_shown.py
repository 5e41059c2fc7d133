"""An employee sees their own shared documents and nothing else: not another employee's, and never
the employer's internal notes. Asserted on the pages themselves, over the demo's whole story."""

import datetime as dt

import pytest
from django.urls import reverse

from dueprocess.cases.models import SeparationCase
from dueprocess.plans.models import ImprovementPlan
from dueprocess.portal.tests.conftest import invite

# Written by the employer for itself, in the demo's story of Zhang Wei.
INTERNAL = {
    "case summary": "after a written warning, the improvement plan failed",
    "union notice": "Proposed termination of Zhang Wei under LCL",
    "union": "Xingqiao Technology union committee",
    "union reply": "make sure severance is paid in full",
    "HR approval note": "Procedure complete, evidence sufficient",
    "legal approval note": "pay in lieu chosen",
    "interview notes (a witness)": "Confirms the date was agreed at the review",
    "interview notes (the employee)": "Accepts he did not tell the customer",
    "investigation findings": "the delay was not communicated",
    "incident file": "customer success was not warned",
    "incident reporter": "Huadong Logistics (customer)",
    "HR note on a support action": "The employee declined the move in writing",
    "another employee's case": "Platform migration goals missed",
    "another employee's plan": "Two quarters below quota",
}
# What Zhang Wei was given, wrote, or took part in.
SHARED = {
    "plan goal": "Ship releases on the agreed date",
    "check-in notes": "Third release late",
    "his check-in comments": "Dependencies were late",
    "his plan response": "I will try; the timeline is tight",
    "plan outcome": "One of four releases",
    "support offered": "Product delivery and communication course",
    "warning": "Missed a launch commitment without telling the customer",
    "his explanation": "I accept I should have flagged it earlier",
    "hearing place": "Shanghai HQ, 5th-floor meeting room",
    "hearing minutes": "held releases back",
    "his statement": "I dispute the conclusion",
    "his evidence": "dependency-delay.eml",
    "the ground, with the notice": "LCL 40(2)",
}


def portal_pages(client) -> str:
    plans = ImprovementPlan.objects.filter(employee__number="XQ0007")
    cases = SeparationCase.objects.filter(employee__number="XQ0007")
    urls = [
        reverse(f"portal:{name}") for name in ("home", "plans", "reviews", "conduct", "cases", "documents")
    ]
    urls += [reverse("portal:plan_detail", args=[p.public_id]) for p in plans]
    urls += [reverse("portal:case_detail", args=[c.public_id]) for c in cases]
    pages = [client.get(url) for url in urls]
    assert [page.status_code for page in pages] == [200] * len(urls)
    return "".join(page.content.decode() for page in pages)


def recorded_internally() -> str:
    """The internal notes as the database holds them, so that a typo above cannot pass unnoticed."""
    from dueprocess.cases.models import Approval, UnionNotice
    from dueprocess.plans.models import PlanVersion, SupportAction
    from dueprocess.reviews.models import Incident, Interview, Investigation

    texts = [*SeparationCase.objects.values_list("summary", flat=True)]
    for notice in UnionNotice.objects.all():
        texts += [notice.union, notice.content, notice.reply]
    texts += Approval.objects.values_list("note", flat=True)
    texts += Interview.objects.values_list("notes", flat=True)
    texts += Investigation.objects.values_list("findings", flat=True)
    texts += [f"{i.description} {i.reporter_other}" for i in Incident.objects.all()]
    texts += SupportAction.objects.values_list("outcome_note", flat=True)
    texts += PlanVersion.objects.values_list("reason", flat=True)
    return " ".join(texts)


def test_the_employee_sees_what_was_shared_and_no_internal_note(told, client_as):
    assert [what for what, text in INTERNAL.items() if text not in recorded_internally()] == []
    html = portal_pages(client_as("employee"))
    assert [what for what, text in SHARED.items() if text not in html] == []
    assert [what for what, text in INTERNAL.items() if text in html] == []


def test_a_justification_for_overriding_the_law_engine_stays_internal(open_case, persona, client_as):
    from dueprocess.cases import actions

    actions.override_finding(
        open_case,
        actor=persona("legal"),
        code="CN.LCL.43",
        justification="Union to be told after the hearing.",
    )
    invite(open_case, persona("hrbp"))
    page = client_as("employee").get(reverse("portal:case_detail", args=[open_case.public_id]))
    html = page.content.decode()
    assert "Meeting room 3" in html and "The plan&#x27;s outcome." in html
    assert "Union to be told after the hearing" not in html and "Plan failed." not in html


def test_an_open_investigation_shows_the_allegation_not_the_file(demo_org, persona, zhang, client_as):
    from dueprocess.reviews import actions
    from dueprocess.reviews.tests.factories import incident

    found = actions.open_investigation(incident(persona("hrbp"), zhang), actor=persona("hrbp"))
    actions.record_interview(
        found,
        actor=persona("hrbp"),
        held_on=dt.date(2026, 11, 24),
        interviewee=demo_org["XQ0008"],
        interviewers="HR",
        notes="A colleague's account, in confidence.",
    )
    html = client_as("employee").get(reverse("portal:conduct")).content.decode()
    assert "Missed the launch commitment" in html and "Your written explanation is asked for" in html
    assert "in confidence" not in html and "Huadong" not in html and "did not ship" not in html


def test_another_employees_plan_case_and_documents_are_not_found(told, wu, client, persona):
    zhang_case = SeparationCase.objects.get(employee__number="XQ0007")
    zhang_plan = ImprovementPlan.objects.get(employee__number="XQ0007")
    document = zhang_case.statements.get().evidence.get()
    urls = [
        reverse("portal:plan_detail", args=[zhang_plan.public_id]),
        reverse("portal:case_detail", args=[zhang_case.public_id]),
        reverse("portal:document", args=[document.sha256]),
    ]
    for account in (wu, persona("other.manager"), persona("hrbp")):
        client.force_login(account)
        assert [client.get(url).status_code for url in urls] == [404, 404, 404]
        assert "张伟" not in portal_pages_of(client)


def portal_pages_of(client) -> str:
    names = ("home", "plans", "reviews", "conduct", "cases", "documents")
    return "".join(client.get(reverse(f"portal:{name}")).content.decode() for name in names)


def test_writes_on_another_employees_records_are_not_found(told, wu, client):
    zhang_case = SeparationCase.objects.get(employee__number="XQ0007")
    zhang_plan = ImprovementPlan.objects.get(employee__number="XQ0007")
    client.force_login(wu)
    posts = [
        (reverse("portal:plan_acknowledge", args=[zhang_plan.public_id]), {}),
        (reverse("portal:plan_respond", args=[zhang_plan.public_id]), {"text": "Not mine"}),
        (reverse("portal:statement", args=[zhang_case.public_id]), {"text": "Not mine"}),
        (reverse("portal:appeal", args=[zhang_case.public_id]), {"grounds": "Not mine"}),
    ]
    assert [client.post(url, data).status_code for url, data in posts] == [404] * 4
    assert zhang_case.statements.count() == 1 and not zhang_case.appeals.exists()


def test_a_case_still_being_prepared_is_not_shown_to_its_employee(told, wu, client):
    client.force_login(wu)
    wu_case = SeparationCase.objects.get(employee__number="XQ0010")
    assert client.get(reverse("portal:case_detail", args=[wu_case.public_id])).status_code == 404
    assert "Nothing about a separation has been shared with you." in portal_pages_of(client)


@pytest.mark.parametrize("username", ["auditor"])
def test_an_account_without_a_record_of_its_own_has_no_portal(demo_org, client_as, username):
    assert client_as(username).get(reverse("portal:home")).status_code == 404
