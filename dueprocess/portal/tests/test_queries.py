"""A portal page costs the same number of queries however many items it lists."""

import datetime as dt

from django.urls import reverse

from dueprocess.cases import actions as case_actions
from dueprocess.plans.tests.factories import check_in, published
from dueprocess.portal.tests.conftest import invite
from dueprocess.reviews import actions as review_actions
from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review, incident, submitted_review


def pages(plan=None, case=None) -> list[str]:
    names = ("home", "plans", "reviews", "conduct", "cases", "documents")
    urls = [reverse(f"portal:{name}") for name in names]
    if plan:
        urls.append(reverse("portal:plan_detail", args=[plan.public_id]))
    if case:
        urls.append(reverse("portal:case_detail", args=[case.public_id]))
    return urls


def test_the_plan_and_review_pages_do_not_grow_with_check_ins_reviews_and_warnings(
    demo_org, persona, zhang, client_as, page_queries
):
    manager, hrbp, client = persona("manager"), persona("hrbp"), client_as("employee")
    plan = published(manager, zhang)
    check_in(plan, manager, [zhang], held_on=dt.date(2026, 9, 10))
    submitted_review(manager, ReviewCycleFactory(), zhang)
    review_actions.open_review(draft_review(manager, ReviewCycleFactory(), zhang), actor=manager)
    _warn(hrbp, zhang, dt.date(2026, 9, 1))
    review_actions.open_investigation(incident(hrbp, zhang), actor=hrbp)
    before = [page_queries(client, url) for url in pages(plan)]
    for day in (12, 14, 16):
        check_in(plan, manager, [zhang, demo_org["XQ0006"]], held_on=dt.date(2026, 9, day))
        submitted_review(manager, ReviewCycleFactory(), zhang)
        review_actions.open_review(draft_review(manager, ReviewCycleFactory(), zhang), actor=manager)
        _warn(hrbp, zhang, dt.date(2026, 9, day))
        review_actions.open_investigation(incident(hrbp, zhang), actor=hrbp)
    assert [page_queries(client, url) for url in pages(plan)] == before


def _warn(hrbp, zhang, issued_on):
    review_actions.issue_warning(
        actor=hrbp,
        employee=zhang,
        level="verbal",
        issued_on=issued_on,
        expires_on=issued_on + dt.timedelta(days=180),
        reason="Late again.",
    )


def test_the_case_pages_do_not_grow_with_hearings_statements_and_evidence(
    open_case, persona, client_as, page_queries
):
    hrbp, employee, client = persona("hrbp"), persona("employee"), client_as("employee")
    invite(open_case, hrbp)
    case_actions.submit_statement(
        open_case, actor=employee, text="First.", evidence=[("a.txt", "text/plain", b"a")]
    )
    before = [page_queries(client, url) for url in pages(case=open_case)]
    hearing = open_case.hearings.get()
    case_actions.cancel_hearing(hearing, actor=hrbp, reason="The room was taken.")
    invite(open_case, hrbp, days_ahead=3)
    for n in range(3):
        files = [(f"{n}-{i}.txt", "text/plain", f"{n}{i}".encode()) for i in range(3)]
        case_actions.submit_statement(open_case, actor=employee, text=f"More {n}.", evidence=files)
    assert [page_queries(client, url) for url in pages(case=open_case)] == before
