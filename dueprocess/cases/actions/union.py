"""PRC LCL 43: before a unilateral termination the employer tells the union why; the union may
object; the employer studies the objection and answers in writing. The same record serves the
consultation of a layoff (LCL 41: the plan explained to the union or all staff)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.actions._base import Errors, case_event, ensure_before_decision, locked, require, today
from dueprocess.cases.models import SeparationCase, UnionNotice


def _check_day(
    errors: Errors, field: str, day: dt.date | None, not_before: dt.date | None, what: str
) -> None:
    if not day:
        errors.add(field, _("Give the day %(what)s.") % {"what": what})
    elif day > today():
        errors.add(field, _("This day has not come yet."))
    elif not_before and day < not_before:
        errors.add(field, _("This day comes before %(day)s.") % {"day": not_before})


@transaction.atomic
def notify_union(
    case: SeparationCase, *, actor: User, union: str, notified_on: dt.date, content: str
) -> UnionNotice:
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    ensure_before_decision(case)
    errors = Errors()
    errors.blank("union", union, _("Name the union."))
    errors.blank("content", content, _("Say what the union was told."))
    _check_day(errors, "notified_on", notified_on, case.opened_on, _("the union was told"))
    errors.raise_any()
    notice = UnionNotice.objects.create(
        case=case, union=union.strip(), notified_on=notified_on, content=content.strip(), recorded_by=actor
    )
    case_event(
        case,
        "cases.union_notified",
        actor=actor,
        data={
            "notice": str(notice.public_id),
            "union": notice.union,
            "notified_on": notified_on,
            "content": notice.content,
        },
    )
    return notice


def _notice(notice: UnionNotice) -> UnionNotice:
    return (
        UnionNotice.objects.select_for_update(of=("self",))
        .select_related("case", "case__employee")
        .get(pk=notice.pk)
    )


@transaction.atomic
def record_union_reply(
    notice: UnionNotice, *, actor: User, replied_on: dt.date, reply: str, objects: bool
) -> UnionNotice:
    require(policy.can_manage_case(actor, notice.case), _("manage this case"))
    case = locked(notice.case)
    notice = _notice(notice)
    errors = Errors()
    if notice.replied_on:
        errors.add("reply", _("The union's reply has been recorded."))
    errors.blank("reply", reply, _("Write what the union replied."))
    _check_day(errors, "replied_on", replied_on, notice.notified_on, _("the union replied"))
    errors.raise_any()
    notice.replied_on, notice.reply, notice.union_objects = replied_on, reply.strip(), bool(objects)
    notice.save(update_fields=["replied_on", "reply", "union_objects"])
    case_event(
        case,
        "cases.union_replied",
        actor=actor,
        data={
            "notice": str(notice.public_id),
            "replied_on": replied_on,
            "reply": notice.reply,
            "objects": notice.union_objects,
        },
    )
    return notice


@transaction.atomic
def answer_union(notice: UnionNotice, *, actor: User, answered_on: dt.date, answer: str) -> UnionNotice:
    require(policy.can_manage_case(actor, notice.case), _("manage this case"))
    case = locked(notice.case)
    notice = _notice(notice)
    errors = Errors()
    if not notice.replied_on:
        errors.add("answer", _("Record the union's reply first."))
    elif notice.answered_on:
        errors.add("answer", _("The employer's answer has been recorded."))
    errors.blank("answer", answer, _("Write the employer's answer."))
    _check_day(errors, "answered_on", answered_on, notice.replied_on, _("the employer answered"))
    errors.raise_any()
    notice.answered_on, notice.answer = answered_on, answer.strip()
    notice.save(update_fields=["answered_on", "answer"])
    case_event(
        case,
        "cases.union_answered",
        actor=actor,
        data={
            "notice": str(notice.public_id),
            "answered_on": answered_on,
            "answer": notice.answer,
        },
    )
    return notice
