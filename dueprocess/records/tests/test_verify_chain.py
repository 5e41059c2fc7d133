"""verify_chain: recompute a chain and its documents, and name exactly the first broken link.

The mutation tests tamper with the stored rows and files behind the triggers' back, as someone with
the database's password or the disk in hand could, and check that verification finds each change.
"""

import pytest
from django.db import connection

from dueprocess.records.events import case_chain, record_event
from dueprocess.records.models import Chain, Event
from dueprocess.records.tests.conftest import build_case, document_file, flip, stored_text, write_text
from dueprocess.records.verification import Reason, canonical_at, verify_chain

pytestmark = pytest.mark.django_db

CASE_SIZE = 300


@pytest.fixture
def case(actor):
    return build_case(CASE_SIZE, actor=actor)


def broken_link(chain):
    result = verify_chain(chain)
    assert not result.ok
    return result.broken


def test_an_untouched_case_verifies_with_every_event_and_document(case):
    chain, events = case
    result = verify_chain(chain)
    assert result.ok and result.broken is None
    assert result.events_checked == CASE_SIZE == result.head_sequence
    assert result.documents_checked == len({sha for event in events for sha in event.documents}) == 12
    assert result.head_hash == events[-1].hash


def test_an_empty_chain_verifies():
    result = verify_chain(case_chain("00000000-0000-0000-0000-000000000001"))
    assert result.ok and result.events_checked == 0


def test_flipping_one_byte_of_any_events_data_names_exactly_that_event(case, tamper):
    chain, events = case
    for event in events:
        original = stored_text(event.pk, "data")
        index = original.index("meeting") + 3
        write_text(tamper, event.pk, "data", flip(original, index))
        broken = broken_link(chain)
        assert (broken.reason, broken.sequence, broken.event_id) == (
            Reason.HASH_MISMATCH,
            event.sequence,
            event.pk,
        )
        assert broken.found == event.hash and broken.expected != event.hash
        write_text(tamper, event.pk, "data", original)
    assert verify_chain(chain).ok


@pytest.mark.parametrize("column", ["type", "subject", "actor_label", "recorded_at"])
def test_flipping_one_byte_of_any_other_column_names_that_event(case, tamper, column):
    chain, events = case
    for event in [*events[::37], events[0], events[-1]]:
        original = stored_text(event.pk, column)
        index = 18 if column == "recorded_at" else 2  # a digit of the seconds; a letter of the text
        write_text(tamper, event.pk, column, flip(original, index))
        broken = broken_link(chain)
        assert (broken.reason, broken.sequence, broken.event_id) == (
            Reason.HASH_MISMATCH,
            event.sequence,
            event.pk,
        )
        write_text(tamper, event.pk, column, original)


def test_a_changed_link_to_the_previous_event_is_named(case, tamper):
    chain, events = case
    target = events[150]
    write_text(tamper, target.pk, "prev_hash", flip(target.prev_hash, 0))
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence) == (Reason.PREV_HASH_MISMATCH, target.sequence)
    assert broken.expected == events[149].hash


def test_a_changed_hash_is_named_at_its_own_event(case, tamper):
    chain, events = case
    target = events[42]
    write_text(tamper, target.pk, "hash", flip(target.hash, 63))
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence, broken.expected) == (
        Reason.HASH_MISMATCH,
        target.sequence,
        target.hash,
    )


def test_a_deleted_event_leaves_a_gap_that_is_named(case, tamper):
    chain, events = case
    tamper("UPDATE records_event SET corrects_id = NULL WHERE corrects_id = %s", (events[99].pk,))
    tamper("DELETE FROM records_event WHERE id = %s", (events[99].pk,))
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence, broken.expected) == (Reason.GAP, 101, "100")


def test_events_cut_from_the_end_are_caught_by_the_head(case, tamper):
    chain, events = case
    tamper("DELETE FROM records_event WHERE chain_id = %s AND sequence > 298", (chain.pk,))
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence) == (Reason.HEAD_MISMATCH, CASE_SIZE)
    assert broken.found == f"298 {events[297].hash}"


def test_a_whole_rewritten_chain_still_disagrees_with_its_head(case, tamper):
    chain, _events = case
    Chain.objects.filter(pk=chain.pk).update(head_hash="f" * 64)
    assert broken_link(chain).reason == Reason.HEAD_MISMATCH


def test_flipping_one_byte_of_any_stored_document_names_the_event_that_added_it(case):
    chain, events = case
    adders = [event for event in events if event.documents]
    for event in adders:
        path = document_file(event.documents[0])
        original = path.read_bytes()
        path.write_bytes(original[:10] + bytes([original[10] ^ 1]) + original[11:])
        broken = broken_link(chain)
        assert (broken.reason, broken.sequence, broken.event_id) == (
            Reason.DOCUMENT_HASH_MISMATCH,
            event.sequence,
            event.pk,
        )
        assert broken.document == broken.expected == event.documents[0] != broken.found
        path.write_bytes(original)
    assert verify_chain(chain).ok


def test_a_missing_document_file_is_named(case):
    chain, events = case
    document_file(events[25].documents[0]).unlink()
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence, broken.found) == (Reason.DOCUMENT_MISSING, 26, "missing")


def test_unreadable_stored_json_is_named_not_crashed_on(case, tamper):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's json type refuses text that is not JSON")
    chain, events = case
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA ignore_check_constraints = ON")  # the JSON_VALID check, as an intruder would
    try:
        write_text(tamper, events[7].pk, "data", '{"note": "cut short')
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA ignore_check_constraints = OFF")
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence) == (Reason.UNREADABLE, 8)


def test_keys_beyond_the_basic_plane_verify_although_python_sorts_them_differently(actor):
    chain = case_chain("00000000-0000-0000-0000-000000000002")
    record_event(
        None, "plan.started", actor=actor, data={"\ue000": 1, "\U0001f600": 2, "𠮷": "吉"}, chain=chain
    )
    assert verify_chain(chain).ok


def test_timestamps_are_read_back_in_exactly_the_forms_the_databases_write():
    assert canonical_at("2026-11-24 01:02:03.123456") == "2026-11-24T01:02:03.123456Z"
    assert canonical_at("2026-11-24 01:02:03") == "2026-11-24T01:02:03.000000Z"
    assert canonical_at("2026-11-24 01:02:03.5+00") == "2026-11-24T01:02:03.500000Z"
    assert canonical_at("2026-11-24 01:02:03.037+00") == "2026-11-24T01:02:03.037000Z"
    assert canonical_at("2026-11-24 01:02:03+00") == "2026-11-24T01:02:03.000000Z"


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        "2026-11-24 01:02:03.1234567",  # a digit added
        "2026-11-24 01:02:03.000000",  # SQLite as Django never writes it
        "2026-11-24 01:02:03.5",  # SQLite, shortened
        "2026-11-24 01:02:03.50+00",  # PostgreSQL never writes a trailing zero
        "2026-11-24 09:02:03+08",
        "2026-11-24T01:02:03.123456",
    ],
)
def test_any_other_form_of_a_stored_timestamp_cannot_match_its_hash(text):
    assert canonical_at(text).startswith("unreadable")


def test_an_event_recorded_on_a_whole_second_verifies(actor, monkeypatch):
    import datetime as dt

    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 11, 24, 1, 2, 3, tzinfo=dt.UTC))
    event = record_event(None, "plan.started", actor=actor, data={})
    assert Event.objects.get(pk=event.pk).recorded_at.microsecond == 0
    assert verify_chain(event.chain).ok


def test_a_byte_flipped_inside_a_chinese_character_is_named_not_crashed_on(case, tamper):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL refuses to store text that is not UTF-8")
    chain, events = case
    stored = stored_text(events[200].pk, "data").encode()
    index = stored.index("议".encode()) + 1
    damaged = stored[:index] + bytes([stored[index] ^ 0x40]) + stored[index + 1 :]
    tamper("UPDATE records_event SET data = CAST(%s AS TEXT) WHERE id = %s", (damaged, events[200].pk))
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence, broken.event_id) == (Reason.UNREADABLE, 201, events[200].pk)
    assert verify_chain(chain).events_checked == 200


def test_an_event_slipped_in_beyond_the_head_is_named(case):
    chain, events = case
    last = events[-1]
    Event.objects.bulk_create(
        [
            Event(
                chain=chain, sequence=last.sequence + 1, recorded_at=last.recorded_at, type="plan.checked_in",
                prev_hash=last.hash, hash="0" * 64,
            )
        ]
    )  # fmt: skip
    broken = broken_link(chain)
    assert (broken.reason, broken.sequence) == (Reason.HEAD_MISMATCH, CASE_SIZE + 1)
    assert broken.found == f"{CASE_SIZE + 1} (beyond the head)"
