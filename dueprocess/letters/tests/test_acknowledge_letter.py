"""The employee acknowledges receipt of exactly the document delivered: the time, its hash, the
client's address and user agent are kept and recorded."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.letters import actions


@pytest.fixture
def delivered(zhang_case, persona):
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    return actions.deliver_letter(letter, actor=persona("hrbp"), email=False)


def test_the_acknowledgement_holds_the_documents_hash_address_and_browser(delivered, persona, events):
    answer = actions.acknowledge_letter(
        delivered,
        actor=persona("employee"),
        sha256=delivered.sha256,
        ip="203.0.113.7",
        user_agent="Firefox/140",
    )
    delivered.refresh_from_db()
    assert delivered.status == "acknowledged"
    assert (answer.sha256, answer.ip, answer.user_agent, answer.refused) == (
        delivered.sha256,
        "203.0.113.7",
        "Firefox/140",
        False,
    )
    (data,) = events.of("letters.acknowledged")
    assert (
        data["sha256"] == delivered.sha256
        and data["ip"] == "203.0.113.7"
        and data["user_agent"] == "Firefox/140"
    )


def test_an_acknowledgement_of_another_document_is_refused(delivered, persona):
    with pytest.raises(ValidationError) as refused:
        actions.acknowledge_letter(delivered, actor=persona("employee"), sha256="0" * 64)
    assert "sha256" in refused.value.message_dict
    assert not delivered.acknowledgements.exists()


def test_only_the_employee_acknowledges_and_only_once(delivered, persona):
    for username in ("hrbp", "manager", "other.manager"):
        with pytest.raises(PermissionDenied):
            actions.acknowledge_letter(delivered, actor=persona(username), sha256=delivered.sha256)
    actions.acknowledge_letter(delivered, actor=persona("employee"), sha256=delivered.sha256, ip="unknown")
    assert delivered.acknowledgements.get().ip is None, "an address that is not an IP is kept as none"
    with pytest.raises(ValidationError):
        actions.acknowledge_letter(delivered, actor=persona("employee"), sha256=delivered.sha256)


def test_a_letter_not_yet_delivered_cannot_be_acknowledged(zhang_case, persona):
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    with pytest.raises(PermissionDenied):
        actions.acknowledge_letter(letter, actor=persona("employee"), sha256=letter.sha256)
