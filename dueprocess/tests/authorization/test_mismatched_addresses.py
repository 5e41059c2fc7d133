"""An address that names a record through a parent it does not belong to (Wu Jing's support action
under Zhang Wei's plan, a hearing of one case under another) is not found, for every role, whatever
they may do with either record: nobody reaches a record by way of another one they may use."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dueprocess.records.models import Event
from dueprocess.tests.authorization.api_matrix import OPERATIONS
from dueprocess.tests.authorization.judge import REFUSED, action_outcome
from dueprocess.tests.authorization.story import ROLES
from dueprocess.tests.authorization.test_api import body_for, operations_in_schema
from dueprocess.tests.authorization.visitors import undone
from dueprocess.tests.authorization.web_matrix import TODAY, cancel_check_in, move_check_in

pytestmark = pytest.mark.django_db

SWAPS = [("own", "other"), ("other", "own")]
# (URL name, parent kind and argument, child kind and argument, form, or the form for the child)
PAGES = [
    (
        "plans:support_complete",
        ("plan", "public_id"),
        ("support", "support_id"),
        {"happened": "yes", "completed_on": TODAY},
    ),
    ("portal:check_in_comment", ("plan", "public_id"), ("check_in", "check_in_id"), {}),
    # A form that would be accepted at the right address (its fields are prefixed with the check-in's id).
    ("plans:check_in_reschedule", ("plan", "public_id"), ("scheduled", "scheduled_id"), move_check_in),
    ("plans:check_in_cancel", ("plan", "public_id"), ("scheduled", "scheduled_id"), cancel_check_in),
]
# (operationId, parent kind, {path parameter: child kind})
API = [
    ("plans_plan_support_done", "plan", {"support_id": "support"}),
    ("plans_scheduled_check_in_reschedule", "plan", {"scheduled_id": "scheduled"}),
    ("plans_scheduled_check_in_cancel", "plan", {"scheduled_id": "scheduled"}),
    ("plans_scheduled_check_in_invitation", "plan", {"scheduled_id": "scheduled"}),
    ("cases_case_record_hearing", "hearing_case", {"hearing_id": "hearing"}),
    ("cases_case_cancel_hearing", "hearing_case", {"hearing_id": "hearing"}),
]


def _refused_by_all(send) -> dict[str, str]:
    """Each role's answer, and whether anything was recorded; only refusals that recorded nothing pass."""
    problems = {}
    for role in ROLES:
        with undone():
            before = Event.objects.count()
            response = send(role)
            if action_outcome(response) != REFUSED or Event.objects.count() != before:
                problems[role] = f"{response.status_code}, recorded: {Event.objects.count() - before}"
    return problems


@pytest.mark.parametrize("parent_side, child_side", SWAPS)
@pytest.mark.parametrize("name, parent, child, data", PAGES, ids=[p[0] for p in PAGES])
def test_a_page_never_reaches_a_record_through_another_parent(
    demo, visitors, name, parent, child, data, parent_side, child_side
):
    kwargs = {
        parent[1]: demo[parent_side][parent[0]].public_id,
        child[1]: demo[child_side][child[0]].public_id,
    }
    address = reverse(name, kwargs=kwargs)
    form = data(demo[child_side][child[0]]) if callable(data) else data
    assert not _refused_by_all(lambda role: visitors[role].post(address, form))


@pytest.mark.parametrize("parent_side, child_side", SWAPS)
@pytest.mark.parametrize("op_id, parent, children", API, ids=[a[0] for a in API])
def test_the_api_never_reaches_a_record_through_another_parent(
    demo, visitors, op_id, parent, children, parent_side, child_side
):
    method, path, operation = operations_in_schema()[op_id]
    op = next(op for op in OPERATIONS if op.id == op_id)
    address = path.replace("{public_id}", str(demo[parent_side][parent].public_id))
    for parameter, kind in children.items():
        address = address.replace(f"{{{parameter}}}", str(demo[child_side][kind].public_id))
    body = body_for(op, operation, demo[parent_side])
    if method == "GET":
        assert not _refused_by_all(lambda role: visitors[role].api_get(address))
    else:
        assert not _refused_by_all(lambda role: visitors[role].api_post(address, body))
