"""The demo's story, loaded the way `dueprocess demo` loads it, is recorded in full and verifies."""

import importlib

import pytest
import time_machine
from django.utils import translation

from dueprocess.records.labels import EVENT_LABELS
from dueprocess.records.models import Chain, Event
from dueprocess.records.verification import verify_chain
from dueprocess.web.management.commands.demo import DEMO_STEPS


@pytest.fixture
def demo_story(db):
    with time_machine.travel("2026-11-24 10:00 +0800", tick=False):
        for step in DEMO_STEPS:
            module, function = step.split(":")
            getattr(importlib.import_module(module), function)()


def test_every_event_of_the_demo_has_a_name_in_both_languages(demo_story):
    types = set(Event.objects.values_list("type", flat=True))
    assert types, "the demo recorded nothing"
    assert types <= set(EVENT_LABELS), sorted(types - set(EVENT_LABELS))
    with translation.override("zh-hans"):
        chinese = {t: str(EVENT_LABELS[t]) for t in types}
    with translation.override("en"):
        assert all(chinese[t] != str(EVENT_LABELS[t]) for t in types)


def test_every_chain_of_the_demo_verifies(demo_story):
    for chain in Chain.objects.all():
        assert verify_chain(chain).ok, chain
