"""The data each kind of letter is rendered from has exactly the shape of the sample that templates
are checked against when they are saved: a template that passes the check works on real cases."""

from __future__ import annotations

import uuid

import pytest

from dueprocess.letters.context import build_context
from dueprocess.letters.kinds import LetterKind, sections
from dueprocess.letters.samples import sample_context
from dueprocess.letters.tests.conftest import DEMO_TODAY
from dueprocess.plans.models import ImprovementPlan
from dueprocess.reviews.models import Warning


def shape(value):
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__ if isinstance(value, bool) else "value"


def same_shape(real, sample) -> bool:
    if isinstance(real, dict):
        return (
            isinstance(sample, dict)
            and real.keys() == sample.keys()
            and all(same_shape(real[key], sample[key]) for key in real)
        )
    if isinstance(real, list):
        return isinstance(sample, list) and (not real or not sample or same_shape(real[0], sample[0]))
    return shape(real) == shape(sample)


@pytest.fixture
def targets(zhang_case, london_case, california_case, zhang):
    plan = ImprovementPlan.objects.get(employee=zhang)
    return {
        "plan_notice": plan,
        "check_in_summary": plan.check_ins.last(),
        "written_warning": Warning.objects.filter(employee=zhang).first(),
        "uk_dismissal": london_case,
        "ca_change_notice": california_case,
        "ca_final_pay": california_case,
    }


def test_every_kinds_data_has_the_samples_shape(targets, zhang_case):
    for kind in LetterKind:
        target = targets.get(kind, zhang_case)
        context = build_context(kind, target, "en", public_id=uuid.uuid4(), issued_on=DEMO_TODAY)
        assert tuple(context) == sections(kind)
        assert same_shape(context, sample_context(kind, "en")), kind
