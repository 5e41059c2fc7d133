"""Support offered on leaving, and whether it was taken up."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.offboarding import actions
from dueprocess.offboarding.models import Uptake
from dueprocess.offboarding.tests.conftest import DEMO_TODAY, day


def test_outplacement_offered_and_taken_up(offboarding, persona, events):
    offer = actions.offer_support(
        offboarding,
        actor=persona("hrbp"),
        kind="outplacement",
        description="Three months.",
        offered_on=DEMO_TODAY,
    )
    assert offer.taken_up == Uptake.UNKNOWN
    taken = actions.record_support_uptake(offer, actor=persona("hrbp"), taken_up="yes", note="Starts Monday.")
    assert (taken.taken_up, taken.uptake_on) == (Uptake.YES, DEMO_TODAY)
    assert [e["support"] for e in events.of("offboarding.support_offered")] == ["outplacement"]
    assert events.of("offboarding.support_uptake_recorded")[0]["taken_up"] == "yes"
    with pytest.raises(ValidationError) as again:
        actions.record_support_uptake(offer, actor=persona("hrbp"), taken_up="no")
    assert "taken_up" in again.value.message_dict


def test_bad_offers_are_named(offboarding, persona):
    with pytest.raises(ValidationError) as refused:
        actions.offer_support(
            offboarding, actor=persona("hrbp"), kind="cash", description=" ", offered_on=day(1)
        )
    assert {"kind", "description", "offered_on"} <= set(refused.value.message_dict)


def test_the_line_manager_does_not_offer_support(offboarding, persona):
    with pytest.raises(PermissionDenied):
        actions.offer_support(
            offboarding,
            actor=persona("manager"),
            kind="training",
            description="A course.",
            offered_on=DEMO_TODAY,
        )


def test_a_reference_letter_is_written_by_the_letters_app(offboarding, persona):
    offer = actions.offer_support(
        offboarding,
        actor=persona("hrbp"),
        kind="reference_letter",
        description="As asked.",
        offered_on=DEMO_TODAY,
    )
    given = actions.give_reference_letter(offer, actor=persona("hrbp"), language="en", email=False)
    from dueprocess.letters.models import Letter

    letter = Letter.objects.get(public_id=given.letter_public_id)
    assert letter.kind == "reference_letter" and letter.delivered_at is not None
    assert given.taken_up == Uptake.YES and given.letter_reference == letter.reference
