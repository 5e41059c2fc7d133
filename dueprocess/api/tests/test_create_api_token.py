"""Making and revoking tokens: the action, the management command, and the page."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from dueprocess.api.actions import create_api_token, hash_token, revoke_api_token
from dueprocess.api.models import ApiToken
from dueprocess.records.models import Event

TOKENS = "/api/tokens/"


def test_a_person_makes_tokens_for_themselves_only(persona):
    with pytest.raises(PermissionDenied):
        create_api_token(actor=persona("hr.admin"), owner=persona("employee"), name="sync")
    assert not ApiToken.objects.exists()


def test_a_token_needs_a_name_and_an_expiry_in_the_future(persona):
    user = persona("hrbp")
    with pytest.raises(ValidationError) as refused:
        create_api_token(actor=user, owner=user, name="  ", expires_at=timezone.now() - dt.timedelta(hours=1))
    assert set(refused.value.message_dict) == {"name", "expires_at"}
    assert not ApiToken.objects.exists()


def test_revoking_twice_is_refused_and_the_record_keeps_one_revocation(persona):
    user = persona("hrbp")
    token, _plain = create_api_token(actor=user, owner=user, name="sync")
    revoke_api_token(token, actor=user)
    with pytest.raises(ValidationError):
        revoke_api_token(token, actor=user)
    recorded = Event.objects.filter(subject=f"api.apitoken:{token.public_id}").order_by("pk")
    assert list(recorded.values_list("type", flat=True)) == ["api.token_created", "api.token_revoked"]


def test_the_command_prints_a_working_token(client, demo_org):
    out = StringIO()
    call_command("create_api_token", "auditor", "--name", "audit export", "--days", "30", stdout=out)
    plain = out.getvalue().strip()
    token = ApiToken.objects.get(token_hash=hash_token(plain))
    assert token.owner.username == "auditor" and token.expires_at > timezone.now() + dt.timedelta(days=29)
    assert client.get("/api/v1/employees", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code == 200


def test_the_command_names_an_unknown_account(demo_org):
    with pytest.raises(CommandError, match="nobody"):
        call_command("create_api_token", "nobody", "--name", "x")


def test_the_page_shows_a_new_token_once_and_never_caches_it(client_as):
    client = client_as("legal")
    response = client.post(TOKENS, {"name": "contract tool", "expires_on": "2027-01-31"})
    page = response.content.decode()
    token = ApiToken.objects.get(owner__username="legal")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    plain = page.split('<code class="token-plain">')[1].split("</code>")[0]
    assert token.token_hash == hash_token(plain)
    # Good to the end of the day chosen, in the organisation's time zone.
    assert timezone.localtime(token.expires_at).isoformat() == "2027-02-01T00:00:00+08:00"
    again = client.get(TOKENS).content.decode()
    assert token.prefix in again and plain not in again


def test_the_page_names_the_field_it_refuses(client_as):
    response = client_as("legal").post(TOKENS, {"name": "tool", "expires_on": "2020-01-01"})
    assert response.status_code == 200
    assert "The expiry must be in the future." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_person_revokes_their_own_token_and_nobody_elses(client_as, persona):
    theirs, _plain = create_api_token(actor=persona("hrbp"), owner=persona("hrbp"), name="hrbp tool")
    client = client_as("legal")
    assert client.post(f"{TOKENS}{theirs.public_id}/revoke/").status_code == 404
    mine, _plain = create_api_token(actor=persona("legal"), owner=persona("legal"), name="mine")
    assert client.post(f"{TOKENS}{mine.public_id}/revoke/").status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.is_revoked and not theirs.is_revoked


def test_the_page_needs_a_login(client, demo_org):
    assert client.get(TOKENS).status_code == 302
