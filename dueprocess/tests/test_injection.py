"""Hostile text in every kind of free-text field, through the forms and the API people use: markup
and SQL are stored exactly as typed, shown escaped (the raw ``<script>`` never reaches a page), and
given back by the API as JSON text; a 100,000-character string is stored or refused by field, a NUL
character refused by field, bytes that are not UTF-8 read as replacement characters or refused, the
tables all still there, and never a server error.

One demo for the module (dueprocess/tests/authorization/story.py), each test rolled back."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.db import connection
from django.forms import BaseForm
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from dueprocess.tests.authorization.visitors import loaded_demo, undone
from dueprocess.tests.injection_fields import BY_NAME, FIELDS, more_records, sun

pytestmark = pytest.mark.django_db

MARKUP = {
    "script": "<script>alert(1)</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
    "sql": "'; DROP TABLE people_employee; --",
}
LONG = "长" + "x" * 99_998 + "尾"
NUL = "before\x00after"


@pytest.fixture(autouse=True)
def _test_settings():
    """Replaces the root conftest's per-test settings: the module's are set once, with the demo."""
    translation.activate("en")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[dict]:
    with loaded_demo(django_db_blocker, tmp_path_factory.mktemp("documents")) as objects:
        objects["more"] = more_records(objects)
        yield objects


@pytest.fixture(autouse=True)
def _each_test_undone(demo) -> Iterator[None]:
    with undone():
        yield


def tables() -> set[str]:
    return set(connection.introspection.table_names())


def text_of(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8")


def values(node) -> Iterator[str]:
    """Every string in a JSON document."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from values(value)
    elif isinstance(node, list):
        for value in node:
            yield from values(value)


@pytest.mark.parametrize("payload", MARKUP.values(), ids=MARKUP.keys())
@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_markup_and_sql_are_stored_as_typed_and_shown_escaped(demo, field, payload):
    before = tables()
    response = field.submit(demo, payload)
    assert response.status_code in (200, 201, 302), (response.status_code, text_of(response)[:2000])
    assert field.stored(demo) == payload
    page = text_of(demo["visitors"][field.role].get(field.page(demo)))
    assert payload not in page
    assert escape(payload) in page
    if field.api is not None:
        answer = demo["visitors"][field.role].api_get(field.api(demo))
        assert answer.status_code == 200 and answer["Content-Type"].startswith("application/json")
        assert payload in values(json.loads(answer.content))
    assert tables() == before and demo["own"]["employee"].__class__.objects.exists()


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_a_hundred_thousand_characters_are_stored_or_refused_by_field(demo, field):
    earlier = field.stored(demo)
    response = field.submit(demo, LONG)
    assert response.status_code < 500
    stored = field.stored(demo)
    if stored == LONG:
        return
    assert stored == earlier, "neither stored whole nor refused: cut short?"
    assert response.status_code in (200, 400, 422), response.status_code
    assert _field_error(response), text_of(response)[:2000]


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_a_nul_character_is_refused_by_field(demo, field):
    earlier = field.stored(demo)
    response = field.submit(demo, NUL)
    assert response.status_code in (200, 400, 422), response.status_code
    assert field.stored(demo) == earlier
    assert _field_error(response), text_of(response)[:2000]


def _field_error(response) -> bool:
    """The form came back with an error beside a field, or the API named the field."""
    if response.get("Content-Type", "").startswith("application/json"):
        return any(len(error["loc"]) > 1 for error in json.loads(response.content)["detail"])
    return any(form.errors for form in _bound_forms(response.context))


def _bound_forms(context) -> Iterator[BaseForm]:
    """The bound forms on the page, also inside a dict or list of them (the case page's moves, the
    retrospective's areas)."""
    contexts = context if isinstance(context, list) else [context] if context is not None else []
    for each in contexts:
        for value in each.flatten().values():
            inner = (
                value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
            )
            for candidate in inner:
                candidate = candidate.get("form") if isinstance(candidate, dict) else candidate
                if isinstance(candidate, BaseForm) and candidate.is_bound:
                    yield candidate


# --- The letters sandbox: a template is Jinja in a sandbox, its output cleaned to document markup. ---
TEMPLATE_ESCAPES = {
    "private attribute": "{{ ''.__class__.__mro__ }}",
    "globals": "{{ self.__init__.__globals__ }}",
    "include": "{% include '/etc/passwd' %}",
}


@pytest.mark.parametrize("body", TEMPLATE_ESCAPES.values(), ids=TEMPLATE_ESCAPES.keys())
def test_a_template_that_reaches_outside_its_sandbox_is_refused_on_its_body(demo, body):
    field = BY_NAME["letter template body"]
    earlier = field.stored(demo)
    response = field.submit(demo, body)
    assert response.status_code == 200 and field.stored(demo) == earlier
    assert "body" in response.context["form"].errors


def test_a_letter_written_from_a_template_with_markup_in_it_carries_none_of_it(demo):
    hostile = "<p>Dear colleague</p>" + MARKUP["script"] + MARKUP["attribute"]
    assert BY_NAME["letter template body"].submit(demo, hostile).status_code == 302
    plan = demo["own"]["plan"].public_id
    url = reverse("letters:letter_new", args=["plan", plan]) + "?kind=plan_notice&language=en"
    preview = text_of(demo["visitors"]["hr.admin"].get(url))
    assert "Dear colleague" in preview and "alert(1)" not in preview


# --- Bytes that are not UTF-8 -------------------------------------------------------------------------
def test_bytes_that_are_not_utf8_in_a_form_are_read_as_replacement_characters(demo):
    visitor = demo["visitors"]["employee"]
    body = "name=caf%E9%FF%FE+token"  # Latin-1 "é", then two bytes no text encoding begins with
    response = visitor.post(reverse("api:tokens"), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert BY_NAME["API token name"].stored(demo) == "caf\ufffd\ufffd\ufffd token"


def test_bytes_that_are_not_utf8_in_a_json_body_are_refused_not_a_server_error(demo):
    body = b'{"employee": "x", "occurred_on": "2026-11-23", "summary": "caf\xe9", "description": "\xff"}'
    response = demo["visitors"]["hrbp"].api_post("/api/v1/incidents", body)
    assert response.status_code in (400, 422)
    assert not sun(demo).incidents.exists()


# --- The people import: a CSV cell ---------------------------------------------------------------------
def _import(tmp_path, position: str | bytes, encoding: str = "utf-8"):
    from dueprocess.people.importing import import_files
    from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row

    row = employee_row("XQ9001", department="product", position="POSITION")
    path = csv_file(tmp_path / "employees.csv", [EMPLOYEE_HEADER, row], encoding=encoding)
    raw = position if isinstance(position, bytes) else position.encode(encoding)
    path.write_bytes(path.read_bytes().replace(b"POSITION", raw))
    return import_files([path])


@pytest.mark.parametrize("payload", MARKUP.values(), ids=MARKUP.keys())
def test_markup_and_sql_in_an_imported_cell_are_kept_as_typed_and_shown_escaped(demo, tmp_path, payload):
    from dueprocess.people.models import Employee

    before = tables()
    _import(tmp_path, payload.replace('"', '""').join('""'))
    imported = Employee.objects.get(number="XQ9001")
    assert imported.position == payload
    hr = demo["visitors"]["hr.admin"]
    page = text_of(hr.get(reverse("people:employee_detail", args=[imported.public_id])))
    assert payload not in page and escape(payload) in page
    answer = json.loads(hr.api_get(f"/api/v1/employees/{imported.public_id}").content)
    assert answer["position"] == payload
    assert tables() == before and Employee.objects.filter(number="XQ0007").exists()


@pytest.mark.parametrize(
    "cell", [LONG, NUL, b"caf\xe9\xff"], ids=["100,000 characters", "NUL", "bytes that are not UTF-8"]
)
def test_a_cell_that_cannot_be_kept_as_it_is_refuses_the_import_and_says_where(demo, tmp_path, cell):
    from dueprocess.people.importing import ImportRejected
    from dueprocess.people.models import Employee

    with pytest.raises(ImportRejected) as rejected:
        _import(tmp_path, cell)
    assert "employees.csv" in rejected.value.problems.lines()[0]
    assert not Employee.objects.filter(number="XQ9001").exists()
