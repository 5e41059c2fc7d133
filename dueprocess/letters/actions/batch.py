"""One kind of letter for everyone in a layoff, written as background work.

The batch row counts what is done so that the page and the command line can show progress; each
letter is issued on its own (its own transaction and event in its own case's chain), so a letter
that cannot be written is listed with the reason and the others still go out. Running a batch again
writes only the letters it has not written yet.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.cases.actions.layoff import members
from dueprocess.cases.models import Layoff, SeparationCase
from dueprocess.letters.actions._common import Errors, require
from dueprocess.letters.actions.issue import issue_letter
from dueprocess.letters.kinds import CASE, Language, LetterKind, target_of
from dueprocess.letters.models import BatchStatus, LetterBatch
from dueprocess.records import case_chain, record_event

Progress = Callable[[LetterBatch], None]


@transaction.atomic
def create_batch(layoff: Layoff, *, actor, kind: str, language: str) -> LetterBatch:
    """``actor`` None is the operator at the command line."""
    if actor is not None:
        require(policy.can_manage_layoffs(actor), _("write the letters of a layoff"))
    errors = Errors()
    if kind not in LetterKind.values or target_of(kind) != CASE:
        errors.add("kind", _("Choose a kind of letter written about a case."))
    if language not in Language.values:
        errors.add("language", _("Choose Chinese or English."))
    cases = members(layoff)
    if not cases:
        errors.add("layoff", _("Nobody is in this layoff."))
    errors.raise_any()
    batch = LetterBatch.objects.create(
        layoff=layoff, kind=kind, language=language, total=len(cases), created_by=actor
    )
    record_event(
        layoff,
        "letters.batch_requested",
        actor=actor,
        data={
            "layoff": str(layoff.public_id),
            "batch": str(batch.public_id),
            "kind": kind,
            "total": len(cases),
        },
        chain=case_chain(layoff.public_id),
    )
    return batch


@transaction.atomic
def start_layoff_letters(layoff: Layoff, *, actor, kind: str, language: str) -> LetterBatch:
    """Create the batch and hand it to the background worker once this commits."""
    from dueprocess.letters.tasks import write_batch_letters

    batch = create_batch(layoff, actor=actor, kind=kind, language=language)
    transaction.on_commit(lambda: write_batch_letters.enqueue(str(batch.public_id)))
    return batch


def run_batch(batch: LetterBatch, progress: Progress | None = None) -> LetterBatch:
    written = set(batch.letters.values_list("case_id", flat=True))
    # A run again retries what failed and counts what earlier runs wrote.
    LetterBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, done=len(written), failed=0, errors=[]
    )
    for case in members(batch.layoff):
        if case.pk not in written:
            _write_one(batch, case)
        batch.refresh_from_db()
        if progress is not None:
            progress(batch)
    LetterBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.FINISHED, finished_at=timezone.now())
    batch.refresh_from_db()
    record_event(
        batch.layoff,
        "letters.batch_finished",
        actor=batch.created_by,
        data={"batch": str(batch.public_id), "done": batch.done, "failed": batch.failed},
        chain=case_chain(batch.layoff.public_id),
    )
    return batch


def _write_one(batch: LetterBatch, case: SeparationCase) -> None:
    try:
        issue_letter(batch.kind, case, batch.language, actor=batch.created_by, batch=batch)
    except (ValidationError, PermissionDenied) as error:
        message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        with transaction.atomic():
            locked = LetterBatch.objects.select_for_update().get(pk=batch.pk)
            locked.failed += 1
            locked.errors = [*locked.errors, {"employee": case.employee.number, "error": message[:500]}]
            locked.save(update_fields=["failed", "errors"])
        return
    LetterBatch.objects.filter(pk=batch.pk).update(done=F("done") + 1)
