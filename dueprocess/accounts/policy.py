"""The one place that decides who may see or do what.

Views, the API, exports, search and reports all ask here; none of them decides on its own. Each
rule answers for a user and an object (or narrows a QuerySet), and each has one test over every role.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from dueprocess.accounts.models import Role, User
from dueprocess.people.models import Department, Employee

# Roles that see every employee record (the auditor only reads).
ORGANISATION_WIDE = {Role.HR_ADMIN, Role.LEGAL, Role.AUDITOR}
# Roles that may see sensitive personal information (wages, protected periods, health) in scope.
SENSITIVE_READERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.LEGAL, Role.AUDITOR}

# Recursive queries run in the database on SQLite and PostgreSQL alike, so a reporting line or a
# department tree of any depth costs one query, however large the organisation. A reporting line is
# a tree (people data refuses cycles), so its rows need no de-duplication (UNION ALL: half the cost
# of UNION on a line of 3,600); the depth bound still ends the walk should a cycle ever slip in.
_REPORTING_LINE = """
    WITH RECURSIVE line(id, depth) AS (
        SELECT id, 1 FROM people_employee WHERE manager_id = %s
        UNION ALL
        SELECT e.id, line.depth + 1 FROM people_employee e JOIN line ON e.manager_id = line.id
        WHERE line.depth < 64
    ) SELECT id FROM line
"""
# The same line with the manager at its head: "id IN (line) OR id = me" defeats PostgreSQL's planner
# (it re-ran the line for every row: 89 s at 100,000 people), one IN over this does not.
_LINE_AND_SELF = """
    WITH RECURSIVE line(id, depth) AS (
        SELECT id, 0 FROM people_employee WHERE id = %s
        UNION ALL
        SELECT e.id, line.depth + 1 FROM people_employee e JOIN line ON e.manager_id = line.id
        WHERE line.depth < 64
    ) SELECT id FROM line
"""
_MANAGERS_ABOVE = """
    WITH RECURSIVE above(id) AS (
        SELECT manager_id FROM people_employee WHERE id = %s
        UNION
        SELECT e.manager_id FROM people_employee e JOIN above ON e.id = above.id
    ) SELECT 1 FROM above WHERE id = %s
"""
_DEPARTMENT_TREE = """
    WITH RECURSIVE tree(id) AS (
        SELECT department_id FROM accounts_user_departments WHERE user_id = %s
        UNION
        SELECT d.id FROM people_department d JOIN tree ON d.parent_id = tree.id
    ) SELECT id FROM tree
"""


def _active(user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def employees_visible_to(user: User | None) -> QuerySet[Employee]:
    if not _active(user):
        return Employee.objects.none()
    assert user is not None
    return Employee.objects.filter(_scope(user))


def _scope(user: User, path: str = "", *, themself: bool = True) -> Q:
    """The employees the user may see, as a condition on the employee ``path`` leads to ("" for
    employee rows). On the path rather than ``path IN (every employee in scope)``, so that the
    database checks each row against the scope instead of first listing thousands of employees in
    every query (bench/bench_pages.py). ``themself``: the user's own record counts too."""
    to = f"{path}__" if path else ""
    me = Q(**{path or "pk": user.employee_id}) if user.employee_id and themself else Q(pk__in=[])
    if user.is_superuser or user.role in ORGANISATION_WIDE:
        return Q()
    if user.role == Role.HR_PARTNER:
        return Q(**{f"{to}department_id__in": RawSQL(_DEPARTMENT_TREE, [user.pk])})  # noqa: S611 - constant SQL, bound parameters
    if user.role == Role.MANAGER and user.employee_id:
        sql = _LINE_AND_SELF if themself else _REPORTING_LINE
        return Q(**{f"{to}id__in": RawSQL(sql, [user.employee_id])})  # noqa: S611 - constant SQL, bound parameters
    return me


def departments_in_scope(user: User | None) -> QuerySet[Department]:
    if not _active(user):
        return Department.objects.none()
    assert user is not None
    if user.role == Role.HR_PARTNER and not user.is_superuser:
        return Department.objects.filter(id__in=RawSQL(_DEPARTMENT_TREE, [user.pk]))  # noqa: S611 - constant SQL, bound parameters
    return Department.objects.all()


def can_view_employee(user: User | None, employee: Employee) -> bool:
    if not _active(user) or employee.pk is None:
        return False
    assert user is not None
    if user.is_superuser or user.role in ORGANISATION_WIDE:
        return True
    kept = _kept_answers.get()
    key = (user.pk, user.role, user.employee_id, employee.pk)
    if kept is not None and key in kept:
        return kept[key]
    if user.role == Role.MANAGER and user.employee_id:
        answer = employee.pk == user.employee_id or _in_line(employee.pk, user.employee_id)
    else:
        answer = employees_visible_to(user).filter(pk=employee.pk).exists()
    if kept is not None:
        kept[key] = answer
    return answer


# Answers of ``can_view_employee`` kept for one request: see ``answers_kept``.
_kept_answers: ContextVar[dict | None] = ContextVar("policy_kept_answers", default=None)


@contextlib.contextmanager
def answers_kept() -> Iterator[None]:
    """Within this block ``can_view_employee`` asks the database once per user and employee. One page
    asks it of the same person many times (may manage the case, may see the figures, may write a
    letter …), each a walk of a department tree or a reporting line. The middleware opens the block
    for each request; tasks, the shell and tests ask afresh every time, so a move between two
    questions is always seen there."""
    token = _kept_answers.set({})
    try:
        yield
    finally:
        _kept_answers.reset(token)


def _in_line(employee_id: int, manager_id: int) -> bool:
    """Whether the employee reports to the manager at any depth: walked up from the employee, a few
    steps, rather than down the manager's line, which for a division head is tens of thousands."""
    with connection.cursor() as cursor:
        cursor.execute(_MANAGERS_ABOVE, [employee_id, manager_id])
        return cursor.fetchone() is not None


def can_view_sensitive(user: User | None, employee: Employee) -> bool:
    """Wages, protected periods and health: HR in scope, legal, the auditor, and the person."""
    if not _active(user):
        return False
    assert user is not None
    if user.employee_id == employee.pk:
        return True
    if user.role not in SENSITIVE_READERS and not user.is_superuser:
        return False
    return can_view_employee(user, employee)


def can_manage_people_data(user: User | None) -> bool:
    """Import, export and edit the people data of the whole organisation."""
    return _active(user) and (user.is_superuser or user.role == Role.HR_ADMIN)  # type: ignore[union-attr]


def can_export_people(user: User | None) -> bool:
    return can_manage_people_data(user) or (_active(user) and user.role == Role.AUDITOR)  # type: ignore[union-attr]


def can_reset_two_factor(user: User | None, account: User) -> bool:
    """A lost authenticator: an HR administrator resets someone else's (never their own)."""
    return can_manage_people_data(user) and user.pk != account.pk  # type: ignore[union-attr]


# --- Reviews, conduct and improvement plans -------------------------------------------------------
# Nobody handles their own performance or conduct records: a person sees their own only as the
# employee concerned, and only what has been shared with them.
PERFORMANCE_MANAGERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.MANAGER}
# Investigations and warnings are kept apart from the line manager, who is often a witness.
CONDUCT_HANDLERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.LEGAL}
INCIDENT_REPORTERS = PERFORMANCE_MANAGERS | CONDUCT_HANDLERS


def _others_in_scope(user: User | None) -> QuerySet[Employee]:
    employees = employees_visible_to(user)
    return employees.exclude(pk=user.employee_id) if user is not None and user.employee_id else employees


def _about_others(model, path: str, user: User) -> QuerySet:
    """``model``'s rows about the employees in the user's scope but themself (``path`` leads to the
    employee)."""
    rows = model.objects.filter(_scope(user, path, themself=False))
    return rows.exclude(**{path: user.employee_id}) if user.employee_id else rows


def _others_and_own(model, path: str, user: User, own: Q | None) -> QuerySet:
    """Rows about the others in the user's scope, and the user's own rows (those meeting ``own``, or
    all). Written as (in scope or theirs) and (not theirs or ``own``), not as an OR of the two: inside
    an OR, PostgreSQL checks a reporting line row by row (2 s instead of 19 ms at 100,000 people)."""
    if not user.employee_id:
        return _about_others(model, path, user)
    mine = Q(**{path: user.employee_id})
    scope = _scope(user, path, themself=True)
    if user.role == Role.HR_PARTNER and not user.is_superuser:  # their own record may lie outside
        scope |= mine
    rows = model.objects.filter(scope)
    return rows if own is None else rows.filter(~mine | own)


def _acts_for(user: User | None, employee: Employee, roles: set[Role]) -> bool:
    if not _active(user) or user.employee_id == employee.pk:  # type: ignore[union-attr]
        return False
    if not (user.is_superuser or user.role in roles):  # type: ignore[union-attr]
        return False
    return can_view_employee(user, employee)


def reviews_visible_to(user: User | None) -> QuerySet:
    from dueprocess.reviews.models import Review

    if not _active(user):
        return Review.objects.none()
    assert user is not None
    return _others_and_own(Review, "employee", user, Q(shared_at__isnull=False))


def can_manage_reviews(user: User | None, employee: Employee) -> bool:
    """Create, assess, submit and correct reviews; ask for 360 feedback."""
    return _acts_for(user, employee, PERFORMANCE_MANAGERS)


def can_self_assess(user: User | None, review) -> bool:
    return _active(user) and user.employee_id == review.employee_id and review.is_shared  # type: ignore[union-attr]


def can_give_feedback(user: User | None, request) -> bool:
    return _active(user) and user.employee_id == request.respondent_id  # type: ignore[union-attr]


def feedback_requests_for(user: User | None) -> QuerySet:
    """The 360 feedback requests addressed to the user: only the respondent sees the request."""
    from dueprocess.reviews.models import FeedbackRequest

    if not _active(user) or not user.employee_id:  # type: ignore[union-attr]
        return FeedbackRequest.objects.none()
    return FeedbackRequest.objects.filter(respondent_id=user.employee_id)  # type: ignore[union-attr]


def can_start_reviews(user: User | None) -> bool:
    """See every review cycle and start reviews in it (each review still asks can_manage_reviews)."""
    return _active(user) and (user.is_superuser or user.role in PERFORMANCE_MANAGERS)  # type: ignore[union-attr]


def conduct_visible_to(user: User | None, model) -> QuerySet:
    """Incidents, investigations and warnings. The employee sees their warnings (every warning is
    given to them); incident reports and investigation notes stay with those handling them."""
    from dueprocess.reviews.models import Investigation, Warning

    if not _active(user):
        return model.objects.none()
    assert user is not None
    path = "incident__employee" if model is Investigation else "employee"
    if model is Warning:
        return _others_and_own(Warning, path, user, None)
    return _about_others(model, path, user)


def investigations_to_explain(user: User | None) -> QuerySet:
    """Open investigations about the user, which they answer in writing through their own login. They
    are shown what they are asked to answer (the allegation), never the file: interviews, witnesses,
    evidence."""
    from dueprocess.reviews.models import Investigation

    if not _active(user) or not user.employee_id:  # type: ignore[union-attr]
        return Investigation.objects.none()
    return Investigation.objects.filter(incident__employee_id=user.employee_id, status="open")  # type: ignore[union-attr]


def can_view_evidence(user: User | None, incident) -> bool:
    """An incident's evidence files go to those who may read the incident file, and nobody else."""
    from dueprocess.reviews.models import Incident

    return conduct_visible_to(user, Incident).filter(pk=incident.pk).exists()


def can_report_incident(user: User | None, employee: Employee) -> bool:
    return _acts_for(user, employee, INCIDENT_REPORTERS)


def can_report_incidents(user: User | None) -> bool:
    """Offer the incident form at all; each report still asks can_report_incident for the person."""
    return _active(user) and (user.is_superuser or user.role in INCIDENT_REPORTERS)  # type: ignore[union-attr]


def can_handle_conduct(user: User | None, employee: Employee) -> bool:
    """Open and conclude investigations, record interviews, issue warnings."""
    return _acts_for(user, employee, CONDUCT_HANDLERS)


def can_record_explanation(user: User | None, employee: Employee) -> bool:
    """The employee writes their own; HR or legal may enter one the employee handed in on paper."""
    if _active(user) and user.employee_id == employee.pk:  # type: ignore[union-attr]
        return True
    return can_handle_conduct(user, employee)


def plans_visible_to(user: User | None) -> QuerySet:
    from dueprocess.plans.models import ImprovementPlan, PlanStatus

    if not _active(user):
        return ImprovementPlan.objects.none()
    assert user is not None
    return _others_and_own(ImprovementPlan, "employee", user, ~Q(status=PlanStatus.DRAFT))


def can_draft_plan(user: User | None, employee: Employee) -> bool:
    return _acts_for(user, employee, PERFORMANCE_MANAGERS)


def can_manage_plan(user: User | None, plan) -> bool:
    """Publish, revise, record support and check-ins, decide the outcome."""
    return can_draft_plan(user, plan.employee)


def can_acknowledge_plan(user: User | None, plan) -> bool:
    """Only the employee concerned acknowledges or answers a plan, and only once it is shared."""
    from dueprocess.plans.models import PlanStatus

    is_theirs = _active(user) and user.employee_id == plan.employee_id  # type: ignore[union-attr]
    return bool(is_theirs and plan.status != PlanStatus.DRAFT)


def can_manage_cycles(user: User | None) -> bool:
    """Review cycles apply to many people at once: HR sets them up."""
    return _active(user) and (user.is_superuser or user.role in {Role.HR_ADMIN, Role.HR_PARTNER})  # type: ignore[union-attr]


# --- Separation cases and layoffs ------------------------------------------------------------------
# HR runs a case; legal counsel advises on every case and alone may override a finding of the law
# engine; the line manager follows the cases in their reporting line. The employee's own case is
# never shown to them as an internal file: what is shared with them reaches them through the portal.
CASE_HANDLERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.LEGAL}
CASE_READERS = CASE_HANDLERS | {Role.MANAGER, Role.AUDITOR}


def cases_visible_to(user: User | None) -> QuerySet:
    from dueprocess.cases.models import SeparationCase

    return _case_records(SeparationCase, "employee", user)


def hearings_visible_to(user: User | None) -> QuerySet:
    """The hearings of the cases the user may read: a condition on each hearing's own case, so that a
    list of hearings never first lists every case (bench/bench_pages.py, the dashboard)."""
    from dueprocess.cases.models import Hearing

    return _case_records(Hearing, "case__employee", user)


def _case_records(model, path: str, user: User | None) -> QuerySet:
    if not _active(user) or not (user.is_superuser or user.role in CASE_READERS):  # type: ignore[union-attr]
        return model.objects.none()
    return _about_others(model, path, user)  # type: ignore[arg-type]


def can_open_case(user: User | None, employee: Employee) -> bool:
    return _acts_for(user, employee, {Role.HR_ADMIN, Role.HR_PARTNER})


def can_manage_case(user: User | None, case) -> bool:
    """Link evidence, plan the termination, invite to and record hearings, notify the union, serve
    notice, withdraw."""
    return _acts_for(user, case.employee, CASE_HANDLERS)


def can_override_finding(user: User | None, case) -> bool:
    """Proceeding despite a blocker or a missing step is a legal judgement: legal counsel only."""
    return _active(user) and user.role == Role.LEGAL and can_manage_case(user, case)  # type: ignore[union-attr]


def can_approve_case(user: User | None, case, capacity: str) -> bool:
    """HR approves as HR (in scope), legal counsel as legal; nobody approves their own dismissal."""
    if not can_manage_case(user, case):
        return False
    roles = {"hr": {Role.HR_ADMIN, Role.HR_PARTNER}, "legal": {Role.LEGAL}}.get(capacity, set())
    return user.role in roles  # type: ignore[union-attr]


def can_answer_case(user: User | None, case) -> bool:
    """The employee answers their own case; HR may enter a statement handed in on paper."""
    if _active(user) and user.employee_id == case.employee_id:  # type: ignore[union-attr]
        return True
    return can_manage_case(user, case)


def layoffs_visible_to(user: User | None) -> QuerySet:
    from dueprocess.cases.models import Layoff

    if not _active(user):
        return Layoff.objects.none()
    assert user is not None
    if user.is_superuser or user.role in ORGANISATION_WIDE:
        return Layoff.objects.all()
    return Layoff.objects.none()


def can_manage_layoffs(user: User | None) -> bool:
    """A layoff decides about many people at once across departments: the HR administrator."""
    return _active(user) and (user.is_superuser or user.role == Role.HR_ADMIN)  # type: ignore[union-attr]


# --- The employee portal ---------------------------------------------------------------------------
# A person's own file as it was shared with them, whatever their role: the portal never shows a
# record about anyone else. Of a separation case the employee sees what was sent to them or what
# they took part in: hearing invitations, the minutes of hearings held, their own statements and
# appeals, the notice once served. The summary, assessments, approvals, overrides, union notices and
# the notes on linked evidence are the employer's working file and stay in it.
def can_use_portal(user: User | None) -> bool:
    return _active(user) and user.employee_id is not None  # type: ignore[union-attr]


def portal_is_home(user: User | None) -> bool:
    """An employee has nothing to do outside their own file: their dashboard is the portal."""
    return can_use_portal(user) and user.role == Role.EMPLOYEE and not user.is_superuser  # type: ignore[union-attr]


def _own(user: User | None, model, path: str = "employee_id") -> QuerySet:
    if not can_use_portal(user):
        return model.objects.none()
    return model.objects.filter(**{path: user.employee_id})  # type: ignore[union-attr]


def plans_shared_with(user: User | None) -> QuerySet:
    from dueprocess.plans.models import ImprovementPlan, PlanStatus

    return _own(user, ImprovementPlan).exclude(status=PlanStatus.DRAFT)


def reviews_shared_with(user: User | None) -> QuerySet:
    """Shared reviews, as they stand: a corrected version gives way to its correction."""
    from dueprocess.reviews.models import Review

    return _own(user, Review).filter(shared_at__isnull=False).current()


def warnings_given_to(user: User | None) -> QuerySet:
    from dueprocess.reviews.models import Warning

    return _own(user, Warning)


def cases_shared_with(user: User | None) -> QuerySet:
    """The employee's own cases from the day they were first told of them: a hearing invitation or
    the notice. Until then a case is being prepared and the employee is not shown it."""
    from django.db.models import Exists, OuterRef, Q

    from dueprocess.cases.models import Hearing, SeparationCase

    invited = Exists(Hearing.objects.filter(case=OuterRef("pk")))
    return _own(user, SeparationCase).filter(Q(invited) | Q(notice_served_on__isnull=False))


def case_shared_with(user: User | None, case) -> bool:
    return cases_shared_with(user).filter(pk=case.pk).exists()


def documents_shared_with(user: User | None) -> QuerySet:
    """The files the employee handed in with their statements, on the cases shared with them."""
    from dueprocess.cases.models import StatementEvidence

    return StatementEvidence.objects.filter(statement__case__in=cases_shared_with(user))


# --- Files attached to a record --------------------------------------------------------------------
# A file goes to those who may read the record it is attached to, through that record, and each read
# is logged (records.downloads): an incident's evidence (can_view_evidence), a statement's, a plan
# outcome's. Those who decide must be able to read what the decision rests on and what was said
# against it.
CASE_EVIDENCE_READERS = CASE_HANDLERS | {Role.AUDITOR}


def can_read_case_evidence(user: User | None, case) -> bool:
    """The files handed in with the employee's statements on the case: their defence. HR in scope and
    legal counsel, who decide the case (can_approve_case) and must read what the employee answered;
    the auditor, who checks that they did; and the employee, on a case shared with them.

    Not the line manager, although they read the case and the statement's text (cases_visible_to):
    they do not decide the case, and an employee's defence is where sensitive personal information
    goes (a doctor's note, a pregnancy, a family emergency: PIPL art. 28), which the policy keeps from
    line managers elsewhere (SENSITIVE_READERS). The manager is often the one whose account the
    defence answers, and the files may be colleagues' messages: reading them is not necessary for
    anything the manager does in the case (PIPL art. 6). A manager who holds an HR or legal role reads
    them in that role. A file's name can say as much as the file ("pregnancy certificate.pdf"), so
    those who may not read the files are told only how many there are: on the case page and in the
    API alike. The record keeps the names (the statement's event names each file and its hash) for
    its readers (RECORD_READERS), who all read the files too; the timeline does not show them."""
    if not _active(user):
        return False
    assert user is not None
    if user.employee_id == case.employee_id:
        return case_shared_with(user, case)
    if not (user.is_superuser or user.role in CASE_EVIDENCE_READERS):
        return False
    return cases_visible_to(user).filter(pk=case.pk).exists()


def can_read_plan_evidence(user: User | None, plan) -> bool:
    """The documents a plan's outcome rests on: whoever may read the plan (plans_visible_to), the line
    manager who manages it included; and the employee, to whom the portal shows the outcome once the
    plan is shared with them: a decision shown must come with what it rests on."""
    return plans_visible_to(user).filter(pk=plan.pk).exists()


# --- Letters --------------------------------------------------------------------------------------
# A letter is issued by whoever runs what it is about: HR and legal counsel for a case, the conduct
# handlers for a warning, HR and the line manager for a plan or a check-in. Those who may read its
# subject read the letter; the employee reads only the letters delivered to them. Templates carry
# the organisation's voice to everyone: the HR administrator edits them.
def can_issue_letter(user: User | None, target) -> bool:
    from dueprocess.cases.models import SeparationCase
    from dueprocess.plans.models import CheckIn, ImprovementPlan
    from dueprocess.reviews.models import Warning

    if isinstance(target, SeparationCase):
        return can_manage_case(user, target)
    if isinstance(target, Warning):
        return can_handle_conduct(user, target.employee)
    if isinstance(target, CheckIn):
        return can_manage_plan(user, target.plan)
    if isinstance(target, ImprovementPlan):
        return can_manage_plan(user, target)
    return False


def can_manage_letter(user: User | None, letter) -> bool:
    """Deliver it, record delivery by other means, record the employee's refusal."""
    return can_issue_letter(user, letter.target)


def letters_for_employee(user: User | None) -> QuerySet:
    """The letters delivered to the user's own portal, and only those."""
    from dueprocess.letters.models import Letter

    if not _active(user) or not user.employee_id:  # type: ignore[union-attr]
        return Letter.objects.none()
    return Letter.objects.filter(employee_id=user.employee_id, delivered_at__isnull=False)  # type: ignore[union-attr]


def letters_visible_to(user: User | None) -> QuerySet:
    from django.db.models import Q

    from dueprocess.letters.models import Letter
    from dueprocess.reviews.models import Warning

    if not _active(user):
        return Letter.objects.none()
    assert user is not None
    others = (
        Letter.objects.exclude(employee_id=user.employee_id) if user.employee_id else Letter.objects.all()
    )
    about_what_they_read = (
        Q(case__in=cases_visible_to(user).values("pk"))
        | Q(plan__in=plans_visible_to(user).values("pk"))
        | Q(warning__in=conduct_visible_to(user, Warning).values("pk"))
    )
    readable = others.filter(about_what_they_read)
    if not (user.is_superuser or user.role in SENSITIVE_READERS):
        # A letter that states the assessment's figures (severance, pay in lieu: worked out from the
        # wage) follows wages, as those figures do on the case page: not the line manager.
        readable = readable.exclude(kind__in=_letter_kinds_with_figures())
    return readable | letters_for_employee(user)


def _letter_kinds_with_figures() -> list[str]:
    from dueprocess.letters.kinds import SECTIONS

    return [kind for kind, sections in SECTIONS.items() if "assessment" in sections]


def can_acknowledge_letter(user: User | None, letter) -> bool:
    """Only the employee, and only a letter delivered to their portal."""
    is_theirs = _active(user) and user.employee_id == letter.employee_id  # type: ignore[union-attr]
    return bool(is_theirs and letter.delivered_at is not None)


def can_edit_letter_templates(user: User | None) -> bool:
    return _active(user) and (user.is_superuser or user.role == Role.HR_ADMIN)  # type: ignore[union-attr]


# --- Offboarding ----------------------------------------------------------------------------------
# Those who run the case run its offboarding; a task's owner (the line manager handing over work)
# settles their own task. Setting aside a task the law requires is a legal judgement. The exit
# interview is HR's alone: the line manager, often the reason for leaving, never reads the answers.
# The settlement's figures follow wages; approving them takes a second pair of eyes.
OFFBOARDING_HR = {Role.HR_ADMIN, Role.HR_PARTNER}


def can_manage_offboarding(user: User | None, case) -> bool:
    return can_manage_case(user, case)


def tasks_settleable_by(user: User | None, case) -> QuerySet:
    """The case's offboarding tasks the user may do or set aside: all of them for those who run the
    case, their own for a task owner who may read the case."""
    from dueprocess.offboarding.models import OffboardingTask

    tasks = OffboardingTask.objects.filter(checklist__case=case)
    if can_manage_offboarding(user, case):
        return tasks
    if not cases_visible_to(user).filter(pk=case.pk).exists():
        return tasks.none()
    return tasks.filter(owner_id=user.pk)  # type: ignore[union-attr]


def can_complete_offboarding_task(user: User | None, task) -> bool:
    return tasks_settleable_by(user, task.checklist.case).filter(pk=task.pk).exists()


def can_waive_required_task(user: User | None, case) -> bool:
    return can_override_finding(user, case)


def can_read_exit_interview(user: User | None, case) -> bool:
    return _acts_for(user, case.employee, OFFBOARDING_HR)


def can_record_exit_interview(user: User | None, case) -> bool:
    return can_read_exit_interview(user, case)


def can_view_settlement(user: User | None, case) -> bool:
    readable = cases_visible_to(user).filter(pk=case.pk).exists()
    return readable and can_view_sensitive(user, case.employee)


def can_manage_settlement(user: User | None, case) -> bool:
    """Draw up the settlement, add or withdraw lines, mark them paid."""
    return _acts_for(user, case.employee, OFFBOARDING_HR)


def can_approve_settlement(user: User | None, case) -> bool:
    """The HR administrator or legal counsel; the action refuses whoever entered the line."""
    return _acts_for(user, case.employee, {Role.HR_ADMIN, Role.LEGAL})


# --- Calendar invitations --------------------------------------------------------------------------
def can_download_hearing_invitation(user: User | None, hearing) -> bool:
    """Those who may read the case, and the employee invited to the hearing."""
    if _active(user) and user.employee_id == hearing.case.employee_id:  # type: ignore[union-attr]
        return True
    return cases_visible_to(user).filter(pk=hearing.case_id).exists()


def can_download_check_in_invitation(user: User | None, scheduled) -> bool:
    return plans_visible_to(user).filter(pk=scheduled.plan_id).exists()


# --- The record: event chains, verification, evidence bundles, the read log -----------------------
# The record holds every case's history, so it is read organisation-wide or not at all; the read
# log says who looked at what, so only those who audit may read it.
RECORD_READERS = {Role.HR_ADMIN, Role.LEGAL, Role.AUDITOR}


def can_view_record(user: User | None) -> bool:
    """The Record pages: each chain, its verification state, the organisation's public key."""
    return _active(user) and (user.is_superuser or user.role in RECORD_READERS)  # type: ignore[union-attr]


def can_verify_record(user: User | None) -> bool:
    """Run a verification from the web page (the command line needs no permission: it holds the database)."""
    return can_view_record(user)


def can_export_bundle(user: User | None, chain=None) -> bool:
    """Export a chain as a signed evidence bundle. ``chain`` is asked about so that case-level rules
    can narrow this once cases exist; today the answer is the same for every chain."""
    return can_view_record(user)


def can_view_read_log(user: User | None) -> bool:
    return _active(user) and (user.is_superuser or user.role == Role.AUDITOR)  # type: ignore[union-attr]


# --- The REST API ---------------------------------------------------------------------------------
# A token acts as its owner, through every rule above, never more: so people make their own.
def can_manage_api_tokens(user: User | None, owner: User) -> bool:
    return _active(user) and user.pk == owner.pk  # type: ignore[union-attr]


# --- Learning: retrospectives, improvement actions, early warning, analytics ----------------------
# Analytics compare outcomes across people, so they are read by those who answer for fairness: HR
# (a partner for their own departments), legal counsel and the auditor. The risk list is also the
# line manager's, for their own reporting line, so that support starts before a case is needed.
LEARNING_READERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.LEGAL, Role.AUDITOR}


def can_view_analytics(user: User | None) -> bool:
    return _active(user) and (user.is_superuser or user.role in LEARNING_READERS)  # type: ignore[union-attr]


def analytics_scope(user: User | None) -> QuerySet[Employee]:
    """The employees whose cases, plans and reviews the user's analytics count."""
    return _others_in_scope(user) if can_view_analytics(user) else Employee.objects.none()


def can_view_risk_list(user: User | None) -> bool:
    if can_view_analytics(user):
        return True
    return _active(user) and user.role == Role.MANAGER and user.employee_id is not None  # type: ignore[union-attr]


def risk_scope(user: User | None) -> QuerySet[Employee]:
    """The people the user's risk list covers: a manager's line, HR's scope; never the user."""
    return _others_in_scope(user) if can_view_risk_list(user) else Employee.objects.none()


def retrospectives_visible_to(user: User | None) -> QuerySet:
    from dueprocess.learning.models import Retrospective

    return Retrospective.objects.filter(case__in=cases_visible_to(user))


def can_run_retrospective(user: User | None, case) -> bool:
    """Open a retrospective, record its findings, add improvement actions, complete it."""
    return can_manage_case(user, case)


def improvement_actions_visible_to(user: User | None) -> QuerySet:
    from dueprocess.learning.models import ImprovementAction

    if not _active(user):
        return ImprovementAction.objects.none()
    of_visible = ImprovementAction.objects.filter(retrospective__in=retrospectives_visible_to(user))
    return of_visible | ImprovementAction.objects.filter(owner=user)


def can_update_improvement_action(user: User | None, action) -> bool:
    """The owner reports progress; so may those who run the retrospective."""
    if _active(user) and user.pk == action.owner_id:  # type: ignore[union-attr]
        return True
    return can_run_retrospective(user, action.retrospective.case)


def can_evaluate_improvement_action(user: User | None, action) -> bool:
    """Nobody marks their own work: the owner of an action never evaluates it."""
    if not _active(user) or user.pk == action.owner_id:  # type: ignore[union-attr]
        return False
    return can_run_retrospective(user, action.retrospective.case)
