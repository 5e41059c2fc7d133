"""HR and legal logins need their second factor: a session that has only the password reaches no page
and no button of the matrix but the steps of logging in, and records nothing; its API token, made once
the code was entered, is unaffected."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from dueprocess.accounts import two_factor
from dueprocess.accounts.middleware import OPEN_VIEWS
from dueprocess.accounts.two_factor import SESSION_KEY
from dueprocess.records.models import Event
from dueprocess.tests.authorization.visitors import undone
from dueprocess.tests.authorization.web_matrix import MATRIX

pytestmark = pytest.mark.django_db


def password_only(user) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session.pop(SESSION_KEY, None)
    session.save()
    return client


@pytest.mark.parametrize("role", ["hr.admin", "hrbp", "legal"])
def test_a_session_without_the_second_factor_is_sent_to_it_from_everywhere(demo, role):
    user = demo["own"]["users"][role]
    assert two_factor.required_for(user)
    client, to_code = password_only(user), reverse("accounts:two_factor")
    reached = []
    for entry in MATRIX:
        if entry.name in OPEN_VIEWS:
            continue
        address = reverse(entry.name, kwargs=entry.args(demo["own"]) if entry.args else None)
        for method in {entry.method, "POST" if entry.form else entry.method}:
            with undone():
                before = Event.objects.count()
                response = client.get(address) if method == "GET" else client.post(address, {})
                sent = response.status_code == 302 and response["Location"].startswith(to_code)
                if not sent or Event.objects.count() != before:
                    reached.append(f"{method} {address}: {response.status_code}")
    assert not reached
    token_works = demo["visitors"][role].api_get("/api/v1/employees")
    assert token_works.status_code == 200
