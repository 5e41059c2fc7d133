"""Who is expected to get in, written down by hand from the product's rules (accounts/policy.py's
comments, the README), never computed by asking the policy: the matrix checks the policy, it does not
repeat it.

A rule is a pair: the roles allowed with the "own" object (about Zhang Wei: in the HR partner's
departments, in his manager's line, himself) and with the "other" one (about Wu Jing: on the platform
team of ``other.manager``, outside the HR partner's and Liu Fang's scope, without an account).
Routes without an object in their address use only the first set.
"""

from __future__ import annotations

from typing import NamedTuple

EVERYONE = frozenset(
    {"anonymous", "hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"}
)
LOGGED_IN = EVERYONE - {"anonymous"}
NOBODY: frozenset[str] = frozenset()
# Roles that see every employee: the HR administrator, legal counsel, the auditor (who only reads).
ORG_WIDE = frozenset({"hr.admin", "legal", "auditor"})
# Roles with an employee record of their own, and so a portal (the auditor has none).
WITH_OWN_RECORD = LOGGED_IN - {"auditor"}


class Rule(NamedTuple):
    own: frozenset[str]
    other: frozenset[str]


def same(roles: frozenset[str] | set[str]) -> Rule:
    """Organisation-level things: the same answer whoever the object is about."""
    return Rule(frozenset(roles), frozenset(roles))


def scoped(org: set[str], *, hr: bool = False, line: bool = False, themself: bool = False) -> Rule:
    """``org``: roles allowed whoever the record is about; ``hr``: the HR partner, for people in her
    departments; ``line``: the line manager, for people in their reporting line; ``themself``: the
    person the record is about."""
    own = set(org) | ({"hrbp"} if hr else set()) | ({"manager"} if line else set())
    own |= {"employee"} if themself else set()
    other = set(org) | ({"other.manager"} if line else set())
    return Rule(frozenset(own), frozenset(other))


def only_themself() -> Rule:
    """The employee's own portal: Zhang Wei alone; nobody reaches Wu Jing's (she has no login)."""
    return Rule(frozenset({"employee"}), NOBODY)


# Anyone who may see the person at all: HR in scope, the line, themself, the organisation-wide roles.
PROFILE_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True, themself=True)
# Wages, protected periods, health: not the line manager (policy.SENSITIVE_READERS and the person).
SENSITIVE_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, themself=True)
# Reviews and plans: managed by HR in scope and the line; read also by legal and the auditor; the
# employee reads their own once shared.
PERFORMANCE_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True, themself=True)
PERFORMANCE_MANAGERS = scoped({"hr.admin"}, hr=True, line=True)
# Incident files and investigations: read by the line too, never by the person concerned.
CONDUCT_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True)
# Warnings: the person concerned reads theirs.
WARNING_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True, themself=True)
# Investigations and warnings are handled by HR and legal; the line manager is often a witness.
CONDUCT_HANDLERS = scoped({"hr.admin", "legal"}, hr=True)
INCIDENT_REPORTERS = scoped({"hr.admin", "legal"}, hr=True, line=True)
# The explanation: the person writes their own, HR or legal may enter one handed in on paper.
EXPLAINERS = scoped({"hr.admin", "legal"}, hr=True, themself=True)
# Separation cases: read by HR in scope, legal, the auditor and the line; never by the person, who
# reaches what was shared with them through the portal.
CASE_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True)
CASE_HANDLERS = scoped({"hr.admin", "legal"}, hr=True)
# The files of the employee's statements (their defence): those who decide the case (HR in scope,
# legal), the auditor, and the employee; not the line manager, who reads the case but does not decide
# it, and from whom the policy keeps sensitive personal information (see can_read_case_evidence).
CASE_EVIDENCE_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, themself=True)
CASE_OPENERS = scoped({"hr.admin"}, hr=True)
LEGAL_ONLY = same({"legal"})
# A hearing invitation goes to case readers and to the employee invited.
HEARING_INVITEES = scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True, themself=True)
# Letters: read by those who read what they are about, and by the employee once delivered to him;
# a letter that states the severance (worked out from the wage) follows wages: not the line manager.
LETTER_READERS = scoped({"hr.admin", "legal", "auditor"}, hr=True, line=True, themself=True)
FIGURE_LETTER_READERS = SENSITIVE_READERS
# Offboarding: the exit interview and the settlement's entries are HR's; approving takes HR admin or legal.
OFFBOARDING_HR = scoped({"hr.admin"}, hr=True)
SETTLEMENT_APPROVERS = scoped({"hr.admin", "legal"})
# Retrospectives follow the case; an improvement action is also its owner's (Liu Fang's, in the demo).
ACTION_UPDATERS = scoped({"hr.admin", "legal"}, hr=True, line=True)
# Nobody evaluates their own action: the owner (the manager) is left out.
ACTION_EVALUATORS = CASE_HANDLERS

# Organisation-level pages.
RECORD_READERS = frozenset({"hr.admin", "legal", "auditor"})
READ_LOG_READERS = frozenset({"auditor"})
HR_ADMIN = frozenset({"hr.admin"})
CYCLE_MANAGERS = frozenset({"hr.admin", "hrbp"})
REVIEW_STARTERS = frozenset({"hr.admin", "hrbp", "manager", "other.manager"})
CONDUCT_REPORTERS = frozenset({"hr.admin", "hrbp", "manager", "legal", "other.manager"})
ANALYTICS_READERS = frozenset({"hr.admin", "hrbp", "legal", "auditor"})
RISK_LIST_READERS = ANALYTICS_READERS | {"manager", "other.manager"}
LAYOFF_READERS = ORG_WIDE
