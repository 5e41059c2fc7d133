"""Append-only, enforced twice: by the models, and by the database whoever sends the SQL."""

import pytest
from django.db import IntegrityError, connection, transaction

from dueprocess.records import guard
from dueprocess.records.events import record_event
from dueprocess.records.models import AppendOnlyError, Chain, Event, ReadLog
from dueprocess.records.readlog import log_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(actor):
    return record_event(None, "plan.started", actor=actor, data={"n": 1})


def test_the_model_refuses_to_update_or_delete_an_event(event):
    event.type = "plan.closed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(pk=event.pk).update(type="plan.closed")
    with pytest.raises(AppendOnlyError):
        Event.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        Event.objects.bulk_update([event], ["type"])


def test_a_chain_is_never_deleted(event):
    with pytest.raises(AppendOnlyError):
        event.chain.delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE records_event SET data = '{}'",
        "UPDATE records_event SET hash = prev_hash",
        "DELETE FROM records_event",
    ],
)
def test_the_database_refuses_update_and_delete_on_events_through_raw_sql(event, sql):
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert Event.objects.get(pk=event.pk).data == {"n": 1}


@pytest.mark.parametrize(
    "sql", ["UPDATE records_readlog SET what = 'nothing'", "DELETE FROM records_readlog"]
)
def test_the_database_refuses_update_and_delete_on_the_read_log(actor, sql):
    log_read(actor, actor, "wage_history")
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert ReadLog.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
@pytest.mark.postgres
def test_postgresql_refuses_truncate_too(event):
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # Django's deferred FK checks would block TRUNCATE
        cursor.execute("TRUNCATE records_event CASCADE")
    assert Event.objects.filter(pk=event.pk).exists()


def test_the_guard_is_installed_and_lifting_it_puts_it_back(event):
    assert guard.installed()
    with guard.lifted(), connection.cursor() as cursor:
        assert not guard.installed()
        cursor.execute("UPDATE records_event SET type = 'plan.tampered'")
    assert guard.installed()
    assert Event.objects.get(pk=event.pk).type == "plan.tampered"


def test_a_failure_while_lifted_rolls_back_and_keeps_the_guard(event):
    with pytest.raises(RuntimeError), guard.lifted(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM records_event")
        raise RuntimeError
    assert guard.installed() and Event.objects.filter(pk=event.pk).exists()


def test_the_chain_head_moves_but_events_do_not(event):
    # The head row is a lock and a cache, not history: verification recomputes it from the events.
    Chain.objects.filter(pk=event.chain_id).update(head_sequence=event.sequence)
