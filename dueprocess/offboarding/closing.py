"""The check a case passes before it closes (cases.actions.CLOSING_CHECKS): no task the law requires
may still be open. A task set aside as not applicable counts as settled; only legal counsel may set
aside a required one, with the reason on the record."""

from __future__ import annotations

from django.utils.translation import gettext as _

from dueprocess.offboarding.models import OffboardingTask, TaskStatus


def open_required_tasks(case) -> list[str]:
    from dueprocess.offboarding.models import Checklist

    if not Checklist.objects.filter(case=case).exists():
        # Without a checklist nothing would show the certificate or the file transfer still owed.
        return [_("Draw up the offboarding checklist first: the tasks the law requires are on it.")]
    tasks = OffboardingTask.objects.filter(
        checklist__case=case, legally_required=True, status=TaskStatus.OPEN
    ).order_by("due_on", "order")
    return [
        _("“%(task)s” is required by law (%(article)s) and still open (due on %(due)s).")
        % {"task": task.title(), "article": task.article, "due": f"{task.due_on:%Y-%m-%d}"}
        for task in tasks
    ]
