"""One demo for the whole package: loaded once inside a transaction that is rolled back when the package
ends, each test (and each request a test makes) in a savepoint of its own, so no test sees another's
writes and the demo is never reloaded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from dueprocess.tests.authorization.visitors import Visitor, loaded_demo, undone


@pytest.fixture(autouse=True)
def _test_settings():
    """Replaces the root conftest's per-test settings, which would move the stored documents away
    from the demo's: this package's settings are set once, with the demo."""
    translation.activate("en")


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[dict]:
    with loaded_demo(django_db_blocker, tmp_path_factory.mktemp("documents")) as objects:
        yield objects


@pytest.fixture(autouse=True)
def _each_test_undone(request) -> Iterator[None]:
    if "demo" not in request.fixturenames:  # the tests that only read the code need no database
        yield
        return
    request.getfixturevalue("demo")
    with undone():
        yield


@pytest.fixture
def visitors(demo) -> dict[str, Visitor]:
    return demo["visitors"]
