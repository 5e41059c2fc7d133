"""A request is its token's owner acting; anything but a usable token of an active account is 401."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from dueprocess.api.actions import create_api_token, hash_token, revoke_api_token
from dueprocess.api.models import ApiToken
from dueprocess.records.models import Event

EMPLOYEES = "/api/v1/employees"


def get(client, token: str | None, header: str = "Bearer"):
    headers = {"HTTP_AUTHORIZATION": f"{header} {token}"} if token is not None else {}
    return client.get(EMPLOYEES, **headers)


def test_a_usable_token_acts_as_its_owner(client, token_for):
    response = client.get(EMPLOYEES, {"limit": 100}, HTTP_AUTHORIZATION=f"Bearer {token_for('manager')}")
    assert response.status_code == 200
    # The manager's reporting line, not the organisation: the token is the person, nothing more.
    numbers = {item["number"] for item in response.json()["items"]}
    assert "XQ0007" in numbers and "XQ0010" not in numbers


@pytest.mark.parametrize(
    "token, header",
    [(None, "Bearer"), ("dp_not-a-token", "Bearer"), ("", "Bearer"), ("anything", "Token")],
)
def test_a_missing_or_unknown_token_is_refused_with_401(client, demo_org, token, header):
    response = get(client, token, header)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_token_sent_another_way_is_refused(client, token_for):
    token = token_for("hr.admin")
    assert get(client, token, header="Basic").status_code == 401
    assert client.get(EMPLOYEES, {"token": token}).status_code == 401


def test_a_revoked_token_is_refused(client, persona, token_for):
    token = token_for("hr.admin")
    stored = ApiToken.objects.get(token_hash=hash_token(token))
    revoke_api_token(stored, actor=persona("hr.admin"))
    assert get(client, token).status_code == 401


def test_an_expired_token_is_refused(client, token_for):
    token = token_for("hr.admin", expires_at=timezone.now() + dt.timedelta(days=1))
    assert get(client, token).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=1, seconds=1), tick=False):
        assert get(client, token).status_code == 401


def test_the_token_of_a_deactivated_account_is_refused(client, persona, token_for):
    token = token_for("hr.admin")
    user = persona("hr.admin")
    user.is_active = False
    user.save()
    assert get(client, token).status_code == 401


def test_only_the_hash_and_a_prefix_are_kept_and_the_record_never_holds_the_token(persona):
    owner = persona("legal")
    token, plain = create_api_token(actor=owner, owner=owner, name="contract review tool")
    assert plain.startswith("dp_") and len(plain) > 40
    assert token.token_hash == hash_token(plain) and plain not in token.token_hash
    assert plain.startswith(token.prefix) and len(token.prefix) < 16
    [event] = Event.objects.filter(type="api.token_created").values_list("data", flat=True)
    assert event["owner"] == "legal" and event["prefix"] == token.prefix
    assert plain not in str(event) and token.token_hash not in str(event)


def test_use_is_noted_at_most_once_a_minute(client, token_for):
    token = token_for("auditor")
    stored = ApiToken.objects.get(token_hash=hash_token(token))
    assert stored.last_used_at is None
    get(client, token)
    stored.refresh_from_db()
    first = stored.last_used_at
    assert first == timezone.now()
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=30), tick=False):
        get(client, token)
    stored.refresh_from_db()
    assert stored.last_used_at == first
