"""Every operation of the REST API, for every role's token (and none), with an object about Zhang Wei
and one about Wu Jing: the roles the matrix allows get past the gate, the others are refused, and a
refused call records nothing."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from dueprocess.records.models import Event
from dueprocess.tests.authorization import rules as r
from dueprocess.tests.authorization.api_matrix import OPERATIONS, Op
from dueprocess.tests.authorization.judge import ALLOWED, REFUSED, mismatches
from dueprocess.tests.authorization.story import DEMO_TODAY, ROLES
from dueprocess.tests.authorization.visitors import undone

pytestmark = pytest.mark.django_db

TEXT = "Written by the authorization tests."


@functools.cache
def schema() -> dict:
    from dueprocess.api.main import api

    return api.get_openapi_schema()


def operations_in_schema() -> dict[str, tuple[str, str, dict]]:
    """operationId -> (method, path, operation)."""
    return {
        operation["operationId"]: (method.upper(), path, operation)
        for path, item in schema()["paths"].items()
        for method, operation in item.items()
    }


def _resolve(node: dict) -> dict:
    if "$ref" in node:
        return schema()["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _value(name: str, node: dict, objects: dict):
    """A value the schema accepts; a name that points at a record gets the side's record."""
    node = _resolve(node)
    if "anyOf" in node:
        return _value(name, next(n for n in node["anyOf"] if n.get("type") != "null"), objects)
    if "enum" in node:
        return node["enum"][0]
    kind, form = node.get("type"), node.get("format")
    if form == "uuid":
        # A current employee is named, in the side's scope: Zhang Wei himself has left by now.
        return str(objects[{"record": "review", "employee": "colleague"}.get(name, name)].public_id)
    if form == "date":
        return DEMO_TODAY.isoformat()
    if form == "date-time":
        return dt.datetime.combine(DEMO_TODAY, dt.time(10)).isoformat() + "+08:00"
    return {"string": TEXT, "integer": 1, "number": 1, "boolean": False, "array": []}.get(kind, TEXT)


def body_for(op: Op, operation: dict, objects: dict) -> dict:
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return {}
    node = _resolve(content["schema"])
    properties = node.get("properties", {})
    body = {name: _value(name, properties[name], objects) for name in node.get("required", [])}
    return {**body, **(op.body(objects) if callable(op.body) else op.body)}


def path_for(op: Op, path: str, objects: dict) -> str:
    filled = path
    if op.kind:
        filled = filled.replace("{public_id}", str(objects[op.kind].public_id))
    for parameter, kind in op.subs.items():
        filled = filled.replace(f"{{{parameter}}}", str(objects[kind].public_id))
    assert "{" not in filled, f"{op.id}: fill {filled} in the matrix (kind, subs)"
    return filled


# Who can see the colleague a body names: HR in scope, the line, the organisation-wide roles.
NAMED_READERS = r.scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True)


def refused(op: Op, side: str, role: str, status: int) -> bool:
    if status in (401, 403, 404):
        return True
    # Naming someone one cannot see is an input error, as if there were no such person.
    cannot_see = role not in (NAMED_READERS.own if side == "own" else NAMED_READERS.other)
    return op.names_someone and cannot_see and status == 422


def recorded() -> int:
    return Event.objects.count()


def params() -> list:
    return [pytest.param(op, side, id=f"{op.id}-{side}") for op in OPERATIONS for side in op.sides]


@pytest.mark.parametrize("op, side", params())
def test_an_operation_answers_the_roles_the_matrix_allows_and_refuses_the_others(op, side, demo, visitors):
    method, path, operation = operations_in_schema()[op.id]
    objects = demo[side]
    address = path_for(op, path, objects)
    body = body_for(op, operation, objects)
    seen, written, errors = {}, [], []
    for role in ROLES:
        with undone():
            before = recorded()
            visitor = visitors[role]
            sent = {**body, **op.as_role.get(role, {})}
            response = visitor.api_get(address) if method == "GET" else visitor.api_post(address, sent)
            if response.status_code >= 500:
                errors.append(f"{role}: {response.status_code}")
            seen[role] = REFUSED if refused(op, side, role, response.status_code) else ALLOWED
            if seen[role] == REFUSED and recorded() != before:
                written.append(role)
    expected = {role: ALLOWED if role in op.roles_for(side) else REFUSED for role in ROLES}
    problems = mismatches(expected, seen)
    assert not problems and not written and not errors, (method, address, problems, written, errors)
