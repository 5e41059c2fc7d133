"""record_event: the only way into the record, and what it promises about each event."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from dueprocess.lib.canonical import dumps, format_datetime
from dueprocess.records.events import EventError, case_chain, chain_for, organisation_chain, record_event
from dueprocess.records.hashing import GENESIS_HASH, chain_hash, row_object
from dueprocess.records.models import ChainKind, Event

pytestmark = pytest.mark.django_db


def recomputed(event):
    """The hash as DESIGN §5 defines it, written the slow, general way."""
    row = row_object(
        chain=str(event.chain.public_id), seq=event.sequence, at=format_datetime(event.recorded_at),
        actor_id=event.actor_id, actor=event.actor_label, subject=event.subject, type=event.type,
        corrects=event.corrects.sequence if event.corrects else None, data=event.data,
        documents=event.documents,
    )  # fmt: skip
    return chain_hash(event.prev_hash, dumps(row))


def test_each_event_takes_the_next_sequence_number_and_links_to_the_one_before(actor):
    chain = case_chain(uuid.uuid4())
    first = record_event("people.employee:1", "plan.started", actor=actor, data={}, chain=chain)
    second = record_event("people.employee:1", "plan.checked_in", actor=actor, data={"n": 2}, chain=chain)
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.prev_hash == GENESIS_HASH and second.prev_hash == first.hash
    chain.refresh_from_db()
    assert (chain.head_sequence, chain.head_hash) == (2, second.hash)


def test_the_hash_is_sha256_over_the_previous_hash_and_the_canonical_row(actor):
    event = record_event("people.employee:1", "plan.started", actor=actor, data={"名字": "张伟", "n": 1})
    stored = Event.objects.get(pk=event.pk)
    assert stored.hash == recomputed(stored) == event.hash


def test_money_dates_and_models_are_recorded_in_their_exact_forms(actor):
    shanghai = dt.timezone(dt.timedelta(hours=8))
    data = {
        "amount": Decimal("12345.60"),
        "on": dt.date(2026, 11, 24),
        "at": dt.datetime(2026, 11, 24, 9, 30, tzinfo=shanghai),
        "by": actor,
    }
    event = record_event(None, "letter.sent", actor=actor, data=data)
    assert Event.objects.get(pk=event.pk).data == {
        "amount": "12345.60",
        "on": "2026-11-24",
        "at": "2026-11-24T01:30:00.000000Z",
        "by": f"accounts.user:{actor.pk}",
    }


def test_the_actor_is_kept_as_a_link_and_as_a_label_that_outlives_renaming(actor):
    event = record_event(None, "plan.started", actor=actor, data={})
    actor.first_name = "Someone Else"
    actor.save()
    assert Event.objects.get(pk=event.pk).actor_label == "李娜 (li.na)"


def test_the_system_acts_as_no_one(actor):
    event = record_event(None, "people.imported", actor=None, data={})
    assert (event.actor_id, event.actor_label) == (None, "")


def test_subjects_are_named_by_reference(actor):
    event = record_event(actor, "accounts.role_changed", actor=actor, data={})
    assert event.subject == f"accounts.user:{actor.pk}"


def test_events_go_to_the_organisation_chain_unless_a_chain_is_given(actor):
    event = record_event(None, "people.imported", actor=actor, data={})
    assert event.chain == organisation_chain() and event.chain.kind == ChainKind.ORGANISATION


def test_a_case_has_one_chain_however_often_it_is_asked_for():
    case = uuid.uuid4()
    assert case_chain(case) == case_chain(str(case)) == chain_for(f"case:{case}")
    assert case_chain(case).kind == ChainKind.CASE


@pytest.mark.parametrize("key", ["", "cases:1", "case:not-a-uuid", "organization"])
def test_unknown_chains_are_refused(key):
    with pytest.raises(EventError):
        chain_for(key)


@pytest.mark.parametrize(
    "event_type", ["started", "Plan.started", "plan.", "plan.started.again", "plan started"]
)
def test_event_types_must_read_app_dot_past_participle(actor, event_type):
    with pytest.raises(EventError, match=r"<app>\.<past_participle>"):
        record_event(None, event_type, actor=actor, data={})


def test_data_that_cannot_be_recorded_exactly_is_refused_with_its_path(actor):
    with pytest.raises(EventError, match=r"\$\.rate: floats are not allowed"):
        record_event(None, "plan.started", actor=actor, data={"rate": 0.5})
    with pytest.raises(EventError, match="must be a mapping"):
        record_event(None, "plan.started", actor=actor, data=[1, 2])
    assert not Event.objects.exists()


def test_a_failed_transaction_leaves_no_event_behind(actor):
    chain = case_chain(uuid.uuid4())
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(None, "plan.started", actor=actor, data={}, chain=chain)
        raise RuntimeError("the write being recorded failed")
    assert not Event.objects.filter(chain=chain).exists()
    chain.refresh_from_db()
    assert chain.head_sequence == 0
    assert record_event(None, "plan.started", actor=actor, data={}, chain=chain).sequence == 1


def test_a_correction_is_a_new_event_that_points_at_the_one_it_corrects(actor):
    chain = case_chain(uuid.uuid4())
    wrong = record_event(None, "plan.started", actor=actor, data={"ends_on": "2026-01-31"}, chain=chain)
    fix = record_event(
        None, "plan.corrected", actor=actor, data={"ends_on": "2026-02-28"}, chain=chain, corrects=wrong
    )
    assert fix.corrects == wrong and fix.sequence == 2
    assert Event.objects.get(pk=wrong.pk).data == {"ends_on": "2026-01-31"}
    assert fix.hash == recomputed(Event.objects.get(pk=fix.pk))


def test_a_correction_stays_in_the_chain_of_what_it_corrects(actor):
    event = record_event(None, "plan.started", actor=actor, data={})
    with pytest.raises(EventError, match="chain of the event it corrects"):
        record_event(
            None, "plan.corrected", actor=actor, data={}, chain=case_chain(uuid.uuid4()), corrects=event
        )


def test_documents_must_be_stored_before_an_event_holds_them(actor):
    with pytest.raises(EventError, match="Store these documents"):
        record_event(None, "letter.sent", actor=actor, data={}, documents=["a" * 64])
    with pytest.raises(EventError, match="SHA-256"):
        record_event(None, "letter.sent", actor=actor, data={}, documents=["not a hash"])


def test_two_events_can_never_share_a_place_in_a_chain(actor):
    event = record_event(None, "plan.started", actor=actor, data={})
    clone = Event(
        chain=event.chain, sequence=1, recorded_at=event.recorded_at, type="plan.started",
        prev_hash=event.prev_hash, hash=event.hash,
    )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


def test_the_stored_json_is_the_canonical_text_byte_for_byte(actor):
    from dueprocess.records.tests.conftest import stored_text

    event = record_event(None, "plan.started", actor=actor, data={"b": [1, {"z": "张", "a": None}], "a": "x"})
    assert stored_text(event.pk, "data") == '{"a":"x","b":[1,{"a":null,"z":"张"}]}'
    assert Event.objects.get(pk=event.pk).data == {"a": "x", "b": [1, {"a": None, "z": "张"}]}
