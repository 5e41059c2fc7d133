"""Adding a page, a button or an API operation without saying in the matrix who may use it fails here:
the URL resolver and the API's schema are walked and every route must have its entry."""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

from dueprocess.tests.authorization.api_matrix import OPERATIONS
from dueprocess.tests.authorization.test_api import operations_in_schema
from dueprocess.tests.authorization.web_matrix import (
    ANALYTICS_PAGES,
    CASE_MOVES,
    LAYOFF_MOVES,
    LETTER_TARGETS,
    MATRIX,
)

# Django's admin site is staff-only and Django's own; it is not the product's pages.
NOT_OURS = ("admin/",)


def routes(resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""):
    """(name, path, is an API operation) for every route of the site."""
    for pattern in (resolver or get_resolver()).url_patterns:
        path = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if path.startswith(NOT_OURS):
                continue
            inner = ":".join(filter(None, [namespace, pattern.namespace or ""]))
            yield from routes(pattern, path, inner)
        elif isinstance(pattern, URLPattern):
            name = ":".join(filter(None, [namespace, pattern.name or f"<unnamed {path}>"]))
            yield name, path, pattern.callback.__module__.startswith("ninja.operation")


def test_every_page_of_the_site_has_its_entry_in_the_matrix():
    covered = {entry.name for entry in MATRIX}
    missing = sorted({name for name, _path, api in routes() if not api} - covered)
    assert not missing, f"add these to web_matrix.MATRIX, with who may use them: {missing}"


def test_every_operation_of_the_api_has_its_entry_in_the_matrix():
    missing = sorted(set(operations_in_schema()) - {op.id for op in OPERATIONS})
    assert not missing, f"add these to api_matrix.OPERATIONS, with who may call them: {missing}"


def test_every_address_of_the_api_is_an_operation_of_its_schema():
    """An operation left out of the schema would escape the walk above."""
    in_schema = {path for _method, path, _op in operations_in_schema().values()}
    addresses = {"/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path) for _name, path, api in routes() if api}
    assert addresses <= in_schema, sorted(addresses - in_schema)


def test_the_matrix_names_no_route_that_is_gone():
    names = {name for name, _path, _api in routes()}
    assert {entry.name for entry in MATRIX} <= names, sorted({e.name for e in MATRIX} - names)
    assert {op.id for op in OPERATIONS} <= set(operations_in_schema())


def test_every_button_of_the_case_and_layoff_pages_has_its_entry():
    from dueprocess.cases import views

    assert set(CASE_MOVES) == set(views.MOVES)
    assert set(LAYOFF_MOVES) == {"steps", "remove", "assess", "serve"}  # cases.views_layoff.layoff_move


def test_every_kind_of_letter_target_and_analytics_page_has_its_entry():
    from dueprocess.learning.analytics import PAGES
    from dueprocess.letters.views.letters import TARGET_SLUGS

    assert set(LETTER_TARGETS) == set(TARGET_SLUGS)
    assert set(ANALYTICS_PAGES) == set(PAGES)
