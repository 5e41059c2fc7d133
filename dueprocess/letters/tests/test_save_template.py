"""The organisation edits its templates: each save is a new version checked against a sample first;
the version it replaces is kept as it was, and letters keep the version they were written from."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.letters import actions, library
from dueprocess.letters.models import LetterTemplate
from dueprocess.letters.tests.conftest import pdf_text


def edit(persona, body, kind="reference_letter", language="en", username="hr.admin", **more):
    defaults = library.default_sources(kind, language)
    return actions.save_template(
        kind,
        language,
        actor=persona(username),
        subject=more.get("subject", defaults.subject),
        letterhead=more.get("letterhead", defaults.letterhead),
        body=body,
        note="Friendlier wording.",
    )


def test_an_edit_is_a_new_version_and_the_old_one_stays(demo_org, persona, events):
    saved = edit(persona, "<p>{{ employee.legal_name }} worked here as {{ employment.position }}.</p>")
    assert saved.version == 2 and saved.active
    first = LetterTemplate.objects.get(kind="reference_letter", language="en", version=1)
    assert not first.active and first.body == library.default_sources("reference_letter", "en").body
    (data,) = events.of("letters.template_saved")
    assert data["version"] == 2 and data["replaces"] == 1 and data["sha256"] == saved.sha256


def test_letters_use_the_new_version_and_old_letters_keep_theirs(zhang_case, persona):
    before = actions.issue_letter("reference_letter", zhang_case, "en", actor=persona("hrbp"))
    edit(persona, "<p>Our thanks to {{ employee.other_name }} for {{ employment.years }} years.</p>")
    after = actions.issue_letter("reference_letter", zhang_case, "en", actor=persona("hrbp"))
    assert (before.template.version, after.template.version) == (1, 2)
    assert "Our thanks to Zhang Wei for 7 years." in pdf_text(after)
    assert "Our thanks" not in pdf_text(before)


def test_a_template_that_does_not_render_is_refused_with_its_line(demo_org, persona):
    with pytest.raises(ValidationError) as refused:
        edit(persona, "<p>Dear {{ employee.legal_name }},</p>\n<p>{{ employee.salary }}</p>")
    (message,) = refused.value.message_dict["body"]
    assert "line 2" in message and "salary" in message
    with pytest.raises(ValidationError) as refused:
        edit(persona, "<p>x</p>", subject="{% if %}")
    assert "subject" in refused.value.message_dict
    assert not LetterTemplate.objects.exists()


def test_the_certificates_template_cannot_reach_the_reason_for_dismissal(demo_org, persona):
    with pytest.raises(ValidationError) as refused:
        edit(
            persona,
            "<p>Dismissed: {{ case.ground_name }}</p>",
            kind="termination_certificate",
            language="zh-hans",
        )
    assert "case" in refused.value.message_dict["body"][0]


def test_saving_the_same_text_again_is_refused(demo_org, persona):
    with pytest.raises(ValidationError) as refused:
        edit(persona, library.default_sources("reference_letter", "en").body)
    assert "Nothing has changed" in refused.value.message_dict["body"][0]


@pytest.mark.parametrize("username", ["hrbp", "legal", "manager", "employee", "auditor"])
def test_only_the_hr_administrator_edits_templates(demo_org, persona, username):
    with pytest.raises(PermissionDenied):
        edit(persona, "<p>x</p>", username=username)


def test_the_letterhead_goes_on_every_kind_in_its_language(zhang_case, persona):
    saved = actions.save_letterhead(
        "zh-hans",
        actor=persona("hr.admin"),
        letterhead='<div class="name">{{ organisation.name }}</div><div>上海市浦东新区</div>',
    )
    assert len(saved) == len(LetterTemplate.objects.filter(language="zh-hans", active=True)) == 12
    assert not LetterTemplate.objects.filter(language="en", active=True, version__gt=1).exists()
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    assert "上海市浦东新区" in pdf_text(letter) and letter.template.version == 2
    with pytest.raises(ValidationError) as refused:
        actions.save_letterhead("en", actor=persona("hr.admin"), letterhead="{{ organisation.address }}")
    assert "letterhead" in refused.value.message_dict
