"""The read log: each view of sensitive data is recorded — who, what, when, from where."""

import pytest
from django.urls import reverse

from dueprocess.records.models import AppendOnlyError, ReadLog
from dueprocess.records.readlog import log_read

PROTAGONIST = "XQ0007"


def profile(demo_org):
    return reverse("people:employee_detail", args=[demo_org[PROTAGONIST].public_id])


def test_viewing_wages_and_protected_periods_is_logged(demo_org, client_as):
    client = client_as("hrbp")
    client.get(profile(demo_org), HTTP_USER_AGENT="Firefox/140", REMOTE_ADDR="10.1.2.3")
    employee = demo_org[PROTAGONIST]
    entries = ReadLog.objects.order_by("what")
    assert [entry.what for entry in entries] == ["protected_periods", "wage_history"]
    entry = entries[0]
    assert entry.user.username == "hrbp" and entry.user_label.endswith("(hrbp)")
    assert entry.object_ref == f"people.employee:{employee.public_id}" and entry.object_label == str(employee)
    assert (entry.ip, entry.user_agent, entry.path) == ("10.1.2.3", "Firefox/140", profile(demo_org))


def test_a_profile_shown_without_sensitive_data_is_not_logged(demo_org, client_as):
    client_as("manager").get(profile(demo_org))
    assert not ReadLog.objects.exists()


def test_the_person_reading_their_own_record_is_logged_too(demo_org, client_as):
    client_as("employee").get(profile(demo_org))
    assert set(ReadLog.objects.values_list("user__username", flat=True)) == {"employee"}


@pytest.mark.django_db
def test_a_read_log_entry_never_changes(actor):
    entry = log_read(actor, "cases.case:1", "case")
    entry.what = "nothing"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


@pytest.mark.django_db
@pytest.mark.parametrize("what", ["", "Wages", "wage history", "x" * 41])
def test_the_kind_of_data_is_a_short_code(actor, what):
    with pytest.raises(ValueError, match="not a kind of data"):
        log_read(actor, actor, what)
