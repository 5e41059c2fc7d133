"""Fixtures for the people tests: English messages, a snapshot of every people row."""

from __future__ import annotations

import contextlib

import pytest
from django.forms.models import model_to_dict
from django.utils import translation

from dueprocess.people.models import Contract, Department, Employee, Location, ProtectedPeriod, WageRecord

PEOPLE_MODELS = (Location, Department, Employee, Contract, WageRecord, ProtectedPeriod)


@pytest.fixture
def english():
    """For tests that read messages: the English source strings, whatever the catalogue says.
    Use with ``pytestmark = pytest.mark.usefixtures("english")``."""
    with translation.override("en"):
        yield


def snapshot() -> dict[str, list[dict]]:
    """Every people row, every field: two snapshots are equal when nothing at all was written."""
    return {
        model.__name__: [
            {**model_to_dict(row), "pk": row.pk, **_extra(row)} for row in model.objects.order_by("pk")
        ]
        for model in PEOPLE_MODELS
    }


def _extra(row) -> dict:
    # model_to_dict leaves out non-editable fields (public_id, the generated gross).
    return {name: getattr(row, name) for name in ("public_id", "gross") if hasattr(row, name)}


@pytest.fixture
def unchanged():
    """``with unchanged(): ...`` fails the test if the block wrote to any people table."""

    @contextlib.contextmanager
    def check():
        before = snapshot()
        yield
        assert snapshot() == before

    return check
