"""Every page of the site, for every role, with an object about Zhang Wei and one about Wu Jing: those
the matrix allows get the page, everyone else a refusal. A form or button posted by a role the matrix
refuses is refused too, and records nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dueprocess.records.models import Event
from dueprocess.tests.authorization.judge import ALLOWED, REFUSED, action_outcome, mismatches, page_outcome
from dueprocess.tests.authorization.story import ROLES
from dueprocess.tests.authorization.visitors import undone
from dueprocess.tests.authorization.web_matrix import MATRIX, Entry

pytestmark = pytest.mark.django_db


def cases(method: str) -> list:
    chosen = [e for e in MATRIX if e.method == method or (method == "POST" and e.form)]
    return [pytest.param(e, side, id=f"{e.id}-{side}") for e in chosen for side in e.sides]


def url(entry: Entry, demo: dict, side: str) -> str:
    return reverse(entry.name, kwargs=entry.args(demo[side]) if entry.args else None)


def expected(entry: Entry, side: str, method: str = "GET") -> dict[str, str]:
    allowed = entry.roles_for(side, method)
    return {role: ALLOWED if role in allowed else REFUSED for role in ROLES}


@pytest.mark.parametrize("entry, side", cases("GET"))
def test_a_page_opens_for_the_roles_the_matrix_allows_and_no_other(entry, side, demo, visitors):
    address = url(entry, demo, side)
    seen = {}
    for role in ROLES:
        with undone():
            response = visitors[role].get(address)
        seen[role] = page_outcome(response, redirect_refuses=entry.redirect_refuses)
    assert not mismatches(expected(entry, side), seen), (address, mismatches(expected(entry, side), seen))


@pytest.mark.parametrize("entry, side", cases("POST"))
def test_a_post_gets_past_the_gate_only_for_the_roles_the_matrix_allows(entry, side, demo, visitors):
    address = url(entry, demo, side)
    data = entry.data(demo[side]) if callable(entry.data) else entry.data
    seen, written = {}, []
    for role in ROLES:
        with undone():
            before = Event.objects.count()
            response = visitors[role].post(address, data)
            seen[role] = action_outcome(
                response, redirect_refuses=entry.redirect_refuses, login_is_success=entry.login_is_success
            )
            if seen[role] == REFUSED and Event.objects.count() != before:
                written.append(role)
    problems = mismatches(expected(entry, side, "POST"), seen)
    assert not problems and not written, (address, problems, f"recorded despite the refusal: {written}")
