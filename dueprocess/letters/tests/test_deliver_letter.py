"""Delivery puts the letter in the employee's portal at once and e-mails the PDF once the delivery
commits (the console backend in the demo); each channel is recorded with the document's hash."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.accounts import policy
from dueprocess.letters import actions
from dueprocess.letters.models import Channel


@pytest.fixture
def notice(zhang_case, persona):
    return actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))


def test_the_letter_reaches_the_portal_and_the_inbox_with_the_pdf(
    notice, persona, events, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delivered = actions.deliver_letter(notice, actor=persona("hrbp"))
    assert delivered.status == "delivered" and delivered.delivered_at is not None
    assert list(policy.letters_for_employee(persona("employee"))) == [notice]
    (message,) = mail.outbox
    assert message.to == [notice.employee.email] and message.subject == notice.subject
    (name, content, content_type) = message.attachments[0]
    assert content_type == "application/pdf" and name.endswith(".pdf") and len(content) == notice.size
    assert notice.sha256 in message.body
    channels = [d["channel"] for d in events.of("letters.delivered")]
    assert channels == [Channel.PORTAL, Channel.EMAIL]
    assert {d["sha256"] for d in events.of("letters.delivered")} == {notice.sha256}


def test_an_e_mail_that_fails_is_recorded_as_failed(
    notice, persona, events, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "dueprocess.letters.tests.test_deliver_letter.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        actions.deliver_letter(notice, actor=persona("hrbp"))
    assert events.types()[-1] == "letters.email_failed"
    assert [d.channel for d in notice.deliveries.all()] == [Channel.PORTAL]


class FailingBackend:
    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise OSError("connection refused")


def test_a_letter_is_put_in_the_portal_once(notice, persona):
    actions.deliver_letter(notice, actor=persona("hrbp"), email=False)
    with pytest.raises(ValidationError) as refused:
        actions.deliver_letter(notice, actor=persona("hrbp"), email=False)
    assert "channel" in refused.value.message_dict


def test_the_notice_to_the_union_never_goes_to_the_employees_portal(zhang_case, persona):
    letter = actions.issue_letter("union_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    with pytest.raises(ValidationError):
        actions.deliver_letter(letter, actor=persona("hrbp"))
    assert not policy.letters_for_employee(persona("employee")).exists()


def test_only_those_who_write_the_letter_deliver_it(notice, persona):
    for username in ("manager", "auditor", "employee"):
        with pytest.raises(PermissionDenied):
            actions.deliver_letter(notice, actor=persona(username))
