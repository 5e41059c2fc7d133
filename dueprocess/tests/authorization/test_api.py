"""Every operation of the REST API, for every role's token (and none), with an object about Zhang Wei
and one about Wu Jing: the roles the matrix allows get past the gate, the others are refused, and a
refused call records nothing."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import MULTIPART_CONTENT

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


def _body_schema(operation: dict) -> tuple[str, dict] | None:
    """The body's media type (JSON, or multipart/form-data for an operation that takes files) and schema."""
    content = operation.get("requestBody", {}).get("content", {})
    for media_type in ("application/json", "multipart/form-data"):
        if media_type in content:
            return media_type, _resolve(content[media_type]["schema"])
    return None


def body_for(op: Op, operation: dict, objects: dict) -> dict:
    found = _body_schema(operation)
    if not found:
        return {}
    properties, required = found[1].get("properties", {}), found[1].get("required", [])
    body = {name: _value(name, properties[name], objects) for name in required}
    return {**body, **(op.body(objects) if callable(op.body) else op.body)}


def files_for(operation: dict) -> dict:
    """For a multipart body, a file every upload accepts under each of its file fields (made afresh for
    each request: an upload is read once)."""
    found = _body_schema(operation)
    if not found or found[0] != "multipart/form-data":
        return {}
    return {
        name: [SimpleUploadedFile("note.txt", TEXT.encode(), content_type="text/plain")]
        for name, node in found[1].get("properties", {}).items()
        if node.get("type") == "array" and node.get("items", {}).get("format") == "binary"
    }


def send(visitor, method: str, address: str, operation: dict, body: dict):
    if method == "GET":
        return visitor.api_get(address)
    files = files_for(operation)
    if files:
        return visitor.api_post(address, {**body, **files}, content_type=MULTIPART_CONTENT)
    return visitor.api_post(address, body)


def path_for(op: Op, path: str, objects: dict) -> str:
    filled = path
    if op.kind:
        filled = filled.replace("{public_id}", str(objects[op.kind].public_id))
    for parameter, kind in op.subs.items():
        value = objects[kind]  # a record, or a stored file's SHA-256
        filled = filled.replace(f"{{{parameter}}}", str(getattr(value, "public_id", value)))
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
            response = send(visitor, method, address, operation, sent)
            if response.status_code >= 500:
                errors.append(f"{role}: {response.status_code}")
            seen[role] = REFUSED if refused(op, side, role, response.status_code) else ALLOWED
            if seen[role] == REFUSED and recorded() != before:
                written.append(role)
    expected = {role: ALLOWED if role in op.roles_for(side) else REFUSED for role in ROLES}
    problems = mismatches(expected, seen)
    assert not problems and not written and not errors, (method, address, problems, written, errors)
