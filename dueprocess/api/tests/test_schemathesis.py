"""Schemathesis against the API's own OpenAPI schema, in process (WSGI): every operation, as the HR
administrator on the demo organisation with its whole story, must answer without a server error and
within its schema, for input that fits the schema, input that does not, and the story's real records."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from dueprocess.plans.models import ImprovementPlan, ScheduledCheckIn
from dueprocess.records.models import Chain
from dueprocess.reviews.models import Incident, Investigation, Review, Warning

# Examples per operation: enough to reach every operation's branches, few enough for a quick suite.
EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 6, schemathesis.GenerationMode.NEGATIVE: 4}
ON_REAL_RECORDS = 3
# Schema-valid input that an action's own rules refuse (a date in the future, a plan already closed)
# is answered 422 by design; every other check runs.
EXCLUDED = [positive_data_acceptance]


@contextlib.contextmanager
def inside_the_test_transaction():
    """A WSGI request closes the database connection when it ends, and with it the transaction the
    test runs in; Django's own test client stops that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    return [result.ok() for result in schema.get_all_operations()]


def run(operation, headers: dict, mode, examples: int, **path_parameters) -> None:
    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters or None))
    def check(case):
        case.call_and_validate(headers=headers, excluded_checks=EXCLUDED)

    check()


def _arranged(plan) -> ScheduledCheckIn:
    """A check-in arranged while the plan ran (the demo arranges none, and its plan is over now)."""
    day = timezone.make_aware(dt.datetime.combine(plan.current.ends_on, dt.time(10)))
    return ScheduledCheckIn.objects.create(
        plan=plan, scheduled_at=day, place="Room 3", scheduled_by=plan.created_by
    )


def real_records(zhang) -> dict[str, dict]:
    """For each resource with an identifier in its path, one of the story's records."""
    plan = ImprovementPlan.objects.get(employee=zhang)
    return {
        "/api/v1/employees/": {"public_id": zhang.public_id},
        "/api/v1/reviews/": {"public_id": Review.objects.current().filter(employee=zhang).first().public_id},
        "/api/v1/incidents/": {"public_id": Incident.objects.filter(employee=zhang).first().public_id},
        "/api/v1/investigations/": {
            "public_id": Investigation.objects.filter(incident__employee=zhang).first().public_id
        },
        "/api/v1/warnings/": {"public_id": Warning.objects.filter(employee=zhang).first().public_id},
        "/api/v1/plans/": {
            "public_id": plan.public_id,
            "support_id": plan.support_actions.first().public_id,
            "scheduled_id": _arranged(plan).public_id,
        },
        "/api/v1/records/chains/": {"public_id": Chain.objects.get(subject_key="organisation").public_id},
    }


@pytest.mark.parametrize("mode", list(EXAMPLES))
def test_no_operation_answers_with_a_server_error_or_outside_its_schema(story, token_for, mode):
    headers = {"Authorization": f"Bearer {token_for('hr.admin')}"}
    with inside_the_test_transaction():
        for operation in operations():
            run(operation, headers, mode, EXAMPLES[mode])


def test_operations_on_the_storys_own_records_answer_within_their_schema(story, token_for):
    headers = {"Authorization": f"Bearer {token_for('hr.admin')}"}
    records = real_records(story["XQ0007"])
    with inside_the_test_transaction():
        for operation in operations():
            names = {parameter.name for parameter in operation.path_parameters}
            found = next((ids for prefix, ids in records.items() if operation.path.startswith(prefix)), None)
            if names and found:
                ids = {name: str(value) for name, value in found.items() if name in names}
                run(operation, headers, schemathesis.GenerationMode.POSITIVE, ON_REAL_RECORDS, **ids)
