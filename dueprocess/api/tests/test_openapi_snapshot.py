"""The committed schema (docs/api/openapi.json) is the API as the code builds it, and it is served at a
stable URL."""

from __future__ import annotations

import json

from dueprocess.api.openapi import REGENERATE, SNAPSHOT, schema_text


def test_the_committed_schema_is_the_one_the_code_generates():
    committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    assert committed == schema_text(), (
        f"The API changed but {SNAPSHOT.name} did not: run `{REGENERATE}` and commit docs/api/openapi.json."
    )


def test_the_schema_is_served_at_a_stable_url_without_a_token(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert (schema["info"]["title"], schema["info"]["version"]) == ("dueprocess", "1")
    assert schema["components"]["securitySchemes"] == {"BearerToken": {"type": "http", "scheme": "bearer"}}
    assert json.loads(schema_text())["paths"].keys() == schema["paths"].keys()


def test_every_operation_but_the_schema_needs_a_token_and_has_an_operation_id():
    schema = json.loads(schema_text())
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert operations and all(op["security"] == [{"BearerToken": []}] for op in operations)
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids))


def test_the_docs_page_loads_only_our_own_files(client):
    response = client.get("/api/v1/docs")
    page = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
