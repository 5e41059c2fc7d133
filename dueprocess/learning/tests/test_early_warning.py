"""Each early-warning signal: a test that raises it (with its reason in numbers) and one that does
not. The data goes in through the reviews, conduct and plans actions, as of today (2026-11-24)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase
from dueprocess.learning import early_warning
from dueprocess.learning.tests.conftest import DEMO_TODAY
from dueprocess.people.models import Employee
from dueprocess.plans import actions as plan_actions
from dueprocess.plans.tests.factories import goals, published
from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review, incident, submitted_review

SUN, PEER, OTHER_TEAM = "XQ0008", "XQ0019", "XQ0020"  # Liu Fang's two reports; one in Zheng Hao's team


def days_ago(n: int) -> dt.date:
    return DEMO_TODAY - dt.timedelta(days=n)


def flags(persona, code: str, username: str = "hr.admin"):
    scope = policy.risk_scope(persona(username))
    return [f for f in early_warning.find_flags(scope, DEMO_TODAY, [code])]


def reasons(found) -> list[str]:
    return [flag.reason for flag in found]


def rated(persona, demo_org, ratings: list[int]) -> None:
    for number, rating in enumerate(ratings):
        starts = dt.date(2025, 1, 1) + dt.timedelta(days=120 * number)
        cycle = ReviewCycleFactory(period_starts_on=starts, period_ends_on=starts + dt.timedelta(days=90))
        submitted_review(persona("manager"), cycle, demo_org[SUN], rating=rating)


def test_ratings_falling_at_each_cycle_are_flagged(persona, demo_org):
    rated(persona, demo_org, [3, 2, 1])
    (flag,) = flags(persona, "slipping_ratings")
    assert flag.employee_id == demo_org[SUN].pk
    assert flag.reason == "ratings fell 3 → 2 → 1 over the last 3 cycles"
    assert flag.link[0] == "reviews:review_detail"


def test_a_rating_that_held_is_not_a_slip(persona, demo_org):
    rated(persona, demo_org, [3, 2, 2])
    assert flags(persona, "slipping_ratings") == []


def test_the_number_of_cycles_is_a_setting(persona, demo_org, settings):
    rated(persona, demo_org, [4, 3, 3, 2])
    assert flags(persona, "slipping_ratings") == []
    settings.LEARNING_RATING_CYCLES = 2
    assert reasons(flags(persona, "slipping_ratings")) == ["ratings fell 3 → 2 over the last 2 cycles"]


def test_repeated_incidents_within_the_window_are_flagged(persona, demo_org):
    for ago in (60, 20):
        incident(persona("manager"), demo_org[SUN], occurred_on=days_ago(ago), reported_on=days_ago(ago))
    assert reasons(flags(persona, "repeated_incidents")) == [
        "2 incidents in the last 180 days, the latest on 2026-11-04"
    ]


def test_an_old_incident_does_not_count(persona, demo_org):
    for ago in (200, 20):
        incident(persona("manager"), demo_org[SUN], occurred_on=days_ago(ago), reported_on=days_ago(ago))
    assert flags(persona, "repeated_incidents") == []


def review_due(persona, demo_org, ago: int):
    cycle = ReviewCycleFactory(period_starts_on=dt.date(2026, 1, 1), due_on=days_ago(ago), name="2026 H1")
    return draft_review(persona("manager"), cycle, demo_org[SUN])


def test_a_review_overdue_past_the_grace_is_flagged(persona, demo_org):
    review = review_due(persona, demo_org, 10)
    (flag,) = flags(persona, "overdue_reviews")
    assert (
        flag.reason
        == "the review for “2026 H1” was due on 2026-11-14 and is still not submitted, 10 days later"
    )
    assert flag.link == ("reviews:review_detail", str(review.public_id))


def test_a_review_within_the_grace_is_not(persona, demo_org):
    review_due(persona, demo_org, 3)
    assert flags(persona, "overdue_reviews") == []


def plan(persona, demo_org, started_ago: int, number: str = SUN):
    ends_on = DEMO_TODAY + dt.timedelta(days=40)
    return published(
        persona("hr.admin"),
        demo_org[number],
        starts_on=days_ago(started_ago),
        ends_on=ends_on,
        goals=goals(ends_on),
    )


def test_a_plan_without_support_is_flagged(persona, demo_org):
    found = plan(persona, demo_org, 20)
    (flag,) = flags(persona, "plan_without_support")
    assert flag.reason.startswith("the improvement plan began on 2026-11-04, 20 days ago, and no support")
    assert flag.link == ("plans:plan_detail", str(found.public_id))


def test_a_plan_with_training_planned_is_not(persona, demo_org):
    found = plan(persona, demo_org, 20)
    plan_actions.add_support_action(
        found, actor=persona("manager"), kind="training", description="Spec writing course",
        starts_on=DEMO_TODAY, ends_on=DEMO_TODAY + dt.timedelta(days=5),
    )  # fmt: skip
    assert flags(persona, "plan_without_support") == []


def test_a_plan_without_a_check_in_for_three_weeks_is_flagged(persona, demo_org):
    plan(persona, demo_org, 30)
    assert reasons(flags(persona, "check_ins_not_held")) == [
        "no check-in in the 30 days since the improvement plan began on 2026-10-25; one is due every 21 days"
    ]


def test_a_plan_with_a_recent_check_in_is_not(persona, demo_org):
    found = plan(persona, demo_org, 30)
    plan_actions.record_check_in(
        found, actor=persona("manager"), held_on=days_ago(5), attendees=[demo_org[SUN]], notes="On track."
    )
    assert flags(persona, "check_ins_not_held") == []


def test_the_manager_whose_team_plans_have_no_check_ins_is_flagged(persona, demo_org):
    plan(persona, demo_org, 30)
    plan(persona, demo_org, 25, number=PEER)
    (flag,) = flags(persona, "manager_no_check_ins")
    assert flag.employee_id == demo_org["XQ0006"].pk and flag.signal.about_manager
    assert (
        flag.reason == "2 of their reports are on improvement plans, and none has had a check-in in 21 days"
    )


def test_a_manager_holding_check_ins_is_not(persona, demo_org):
    found = plan(persona, demo_org, 30)
    plan(persona, demo_org, 25, number=PEER)
    plan_actions.record_check_in(
        found, actor=persona("manager"), held_on=days_ago(2), attendees=[demo_org[SUN]], notes="On track."
    )
    assert flags(persona, "manager_no_check_ins") == []


def cases(persona, demo_org, numbers: list[str], ago: int = 30) -> None:
    for number in numbers:
        SeparationCase.objects.create(
            employee=demo_org[number], jurisdiction="CN", locality="shanghai", ground="incompetence",
            summary="Plan failed.", opened_by=persona("hrbp"), opened_on=days_ago(ago),
        )  # fmt: skip


def test_a_manager_with_many_cases_in_a_year_is_flagged(persona, demo_org):
    cases(persona, demo_org, ["XQ0007", SUN, PEER])
    (flag,) = flags(persona, "manager_many_cases")
    assert flag.employee_id == demo_org["XQ0006"].pk
    assert flag.reason == "3 separation cases opened in their team in the last 365 days"


def test_cases_spread_over_years_do_not_flag_a_manager(persona, demo_org):
    cases(persona, demo_org, ["XQ0007", SUN])
    cases(persona, demo_org, [PEER], ago=400)
    assert flags(persona, "manager_many_cases") == []


def test_a_manager_sees_flags_in_their_own_line_only(persona, demo_org):
    plan(persona, demo_org, 30)
    plan(persona, demo_org, 30, number=OTHER_TEAM)
    line = {f.employee_id for f in flags(persona, "check_ins_not_held", "manager")}
    other = {f.employee_id for f in flags(persona, "check_ins_not_held", "other.manager")}
    assert line == {demo_org[SUN].pk} and other == {demo_org[OTHER_TEAM].pk}
    assert {f.employee_id for f in flags(persona, "check_ins_not_held", "hrbp")} == {demo_org[SUN].pk}


@pytest.mark.parametrize("username", ["employee", "hr.admin"])
def test_nobody_is_flagged_to_themselves(persona, demo_org, username):
    plan(persona, demo_org, 30, number="XQ0007")
    found = flags(persona, "check_ins_not_held", username)
    assert (demo_org["XQ0007"].pk in {f.employee_id for f in found}) is (username == "hr.admin")


def test_a_person_who_has_left_is_not_flagged(persona, demo_org):
    plan(persona, demo_org, 30)
    plan(persona, demo_org, 30, number=PEER)
    Employee.objects.filter(pk=demo_org[PEER].pk).update(left_on=days_ago(1))
    assert {f.employee_id for f in flags(persona, "check_ins_not_held")} == {demo_org[SUN].pk}


def risk_list_queries(scope) -> tuple[int, int]:
    """Queries for who is flagged (afresh), then for the reasons of the first page."""
    cache.clear()
    with CaptureQueriesContext(connection) as who:
        people = [pk for pk, _count in early_warning.tally(scope, DEMO_TODAY).people]
    with CaptureQueriesContext(connection) as why:
        shown = early_warning.people_at_risk(people[:50], DEMO_TODAY)
    assert [p.employee.pk for p in shown] == people[:50]
    return len(who), len(why)


def test_the_risk_list_costs_the_same_queries_however_many_are_flagged(persona, demo_org):
    scope = policy.risk_scope(persona("hr.admin"))
    rated(persona, demo_org, [3, 2, 1])
    plan(persona, demo_org, 30)
    few = risk_list_queries(scope)
    for number in (PEER, OTHER_TEAM):
        plan(persona, demo_org, 30, number=number)
    assert len(early_warning.tally(scope, DEMO_TODAY).people) > 2
    # Who: the record's head (the scope's tally and the organisation's flags are each kept on it), the
    # people in scope, the review cycles compared, and one statement over every signal. Why: one query
    # per signal, the cycles again, and the people.
    assert few == risk_list_queries(scope) == (5, len(early_warning.SIGNALS) + 2)


def test_who_is_flagged_is_kept_until_something_is_recorded(persona, demo_org):
    scope = policy.risk_scope(persona("hr.admin"))
    plan(persona, demo_org, 30)
    assert early_warning.tally(scope, DEMO_TODAY).counts["check_ins_not_held"] == 1
    with CaptureQueriesContext(connection) as kept:
        again = early_warning.tally(scope, DEMO_TODAY)
    assert len(kept) == 1 and again.people == [(demo_org[SUN].pk, 2), (demo_org["XQ0006"].pk, 1)]
    plan(persona, demo_org, 30, number=PEER)
    assert early_warning.tally(scope, DEMO_TODAY).counts["check_ins_not_held"] == 2


def test_the_organisations_flags_are_worked_out_once_for_every_reader(persona, demo_org):
    plan(persona, demo_org, 30)
    early_warning.tally(policy.risk_scope(persona("hr.admin")), DEMO_TODAY)
    scope = policy.risk_scope(persona("manager"))
    with CaptureQueriesContext(connection) as another:
        line = early_warning.tally(scope, DEMO_TODAY)
    assert line.people == [(demo_org[SUN].pk, 2)]
    assert len(another) == 3  # the record's head for each of the two kept, and the manager's line


def test_each_scope_keeps_its_own_tally(persona, demo_org):
    plan(persona, demo_org, 30)
    plan(persona, demo_org, 30, number=OTHER_TEAM)
    for username, expected in (("hr.admin", 2), ("manager", 1), ("other.manager", 1), ("hrbp", 1)):
        tally = early_warning.tally(policy.risk_scope(persona(username)), DEMO_TODAY, ["check_ins_not_held"])
        assert tally.counts == {"check_ins_not_held": expected}, username


def test_the_risk_page_costs_the_same_queries_for_one_person_or_many(persona, demo_org, client_as):
    hr = client_as("hr.admin")

    def page() -> tuple[int, str]:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = hr.get("/learning/risk/")
        return len(queries), response.content.decode()

    plan(persona, demo_org, 30)
    one, html = page()
    assert SUN in html and OTHER_TEAM not in html
    for number in (PEER, OTHER_TEAM, "XQ0007"):
        plan(persona, demo_org, 30, number=number)
    many, html = page()
    assert all(number in html for number in (SUN, PEER, OTHER_TEAM, "XQ0007"))
    assert one == many
