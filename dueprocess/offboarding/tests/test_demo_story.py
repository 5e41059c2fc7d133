"""The demo's story: the product manager's case offboarded and closed, on the record."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.offboarding import demo
from dueprocess.offboarding.models import TaskStatus, Uptake
from dueprocess.offboarding.tests.conftest import DEMO_TODAY


@pytest.fixture
def told(story):
    from dueprocess.cases import demo as cases_demo
    from dueprocess.letters import demo as letters_demo

    cases_demo.load(today=DEMO_TODAY)
    letters_demo.load(today=DEMO_TODAY)
    demo.load(today=DEMO_TODAY)
    return SeparationCase.objects.get(employee__number="XQ0007")


def test_zhang_wei_is_offboarded_and_his_case_closed(told):
    from dueprocess.letters.models import Letter

    assert (told.stage, told.closed_on, told.ended_on) == (Stage.CLOSED, DEMO_TODAY, DEMO_TODAY)
    tasks = told.checklist.tasks.all()
    assert {t.status for t in tasks} == {TaskStatus.DONE}
    certificate = tasks.get(kind="termination_certificate")
    letter = Letter.objects.get(public_id=certificate.letter_public_id)
    assert letter.kind == "termination_certificate" and letter.delivered_at is not None
    assert tasks.get(kind="handover").done_by.username == "manager"


def test_the_settlement_is_n_plus_one_and_the_leave_approved_and_paid(told):
    settlement = told.settlement
    assessed = Decimal(told.latest_assessment.result["total"])
    assert settlement.total() == assessed + Decimal("5296.56") and settlement.is_paid()
    assert {line.approved_by.username for line in settlement.lines.all()} == {"hr.admin"}


def test_support_and_the_exit_interview(told):
    offers = {offer.kind: offer for offer in told.support_offers.all()}
    assert offers["outplacement"].taken_up == offers["reference_letter"].taken_up == Uptake.YES
    assert offers["reference_letter"].letter_reference
    assert told.exit_interview.answers.count() == 4


def test_the_record_holds_and_the_chapter_loads_once(told):
    from dueprocess.records import case_chain, verify_chain

    assert verify_chain(case_chain(told.public_id)).ok
    demo.load(today=DEMO_TODAY)
    assert told.checklist.tasks.count() == 10
