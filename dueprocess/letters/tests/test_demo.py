"""The demo's letters: what Zhang Wei received, each in his portal and acknowledged, the union's
notice handed over before witnesses, and nothing for Wu Jing, whose case the law blocks."""

from __future__ import annotations

from dueprocess.letters import demo
from dueprocess.letters.models import Letter
from dueprocess.letters.tests.conftest import DEMO_TODAY
from dueprocess.records.models import Chain
from dueprocess.records.verification import verify_chain


def test_zhang_wei_received_and_acknowledged_each_letter_and_wu_jing_none(story):
    demo.load(today=DEMO_TODAY)
    demo.load(today=DEMO_TODAY)  # loading twice changes nothing
    letters = {letter.kind: letter for letter in Letter.objects.filter(employee__number="XQ0007")}
    assert set(letters) == {
        "plan_notice",
        "check_in_summary",
        "hearing_invitation",
        "union_notice",
        "termination_notice",
    }
    to_him = [letter for kind, letter in letters.items() if kind != "union_notice"]
    assert all(letter.status == "acknowledged" and letter.delivered_at for letter in to_him)
    assert all(letter.acknowledgements.get().sha256 == letter.sha256 for letter in to_him)
    union = letters["union_notice"]
    assert union.delivered_at is None and union.deliveries.get().channel == "in_person"
    assert letters["termination_notice"].context["assessment"]["total"] == "262933.33"
    assert letters["plan_notice"].issued_on < letters["check_in_summary"].issued_on < DEMO_TODAY
    assert not Letter.objects.filter(employee__number="XQ0010").exists()
    assert all(verify_chain(chain).ok for chain in Chain.objects.all())
