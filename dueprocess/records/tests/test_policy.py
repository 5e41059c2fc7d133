"""Who may read the record, verify it, export bundles and read the read log — every role, once."""

import pytest

from dueprocess.accounts import policy

ROLES = ["hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]


@pytest.mark.parametrize(
    "rule, allowed",
    [
        (policy.can_view_record, {"hr.admin", "legal", "auditor"}),
        (policy.can_verify_record, {"hr.admin", "legal", "auditor"}),
        (policy.can_export_bundle, {"hr.admin", "legal", "auditor"}),
        (policy.can_view_read_log, {"auditor"}),
    ],
)
def test_each_role_gets_exactly_what_the_rule_allows(demo_org, persona, rule, allowed):
    assert {username for username in ROLES if rule(persona(username))} == allowed


@pytest.mark.parametrize(
    "rule",
    [policy.can_view_record, policy.can_verify_record, policy.can_export_bundle, policy.can_view_read_log],
)
def test_anonymous_and_inactive_users_get_nothing(demo_org, persona, rule):
    from django.contrib.auth.models import AnonymousUser

    auditor = persona("auditor")
    auditor.is_active = False
    assert not rule(None) and not rule(AnonymousUser()) and not rule(auditor)
