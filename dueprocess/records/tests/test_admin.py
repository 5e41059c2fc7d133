"""The admin shows the record and offers no way to change it."""

import pytest
from django.urls import reverse

from dueprocess.records.events import record_event
from dueprocess.records.readlog import log_read


@pytest.fixture
def admin_client_with_record(admin_client, admin_user):
    record_event(admin_user, "people.imported", actor=admin_user, data={"rows": 1})
    log_read(admin_user, admin_user, "wage_history")
    return admin_client


@pytest.mark.parametrize("model", ["chain", "event", "document", "readlog", "verificationrun"])
def test_each_part_of_the_record_can_be_listed_but_not_added_to(admin_client_with_record, model):
    assert admin_client_with_record.get(reverse(f"admin:records_{model}_changelist")).status_code == 200
    assert admin_client_with_record.get(reverse(f"admin:records_{model}_add")).status_code == 403
