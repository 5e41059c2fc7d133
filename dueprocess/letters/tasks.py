"""Background work (the Django Tasks API): writing a layoff's letters."""

from __future__ import annotations

from django_tasks import task


@task()
def write_batch_letters(batch_id: str) -> dict[str, int]:
    from dueprocess.letters.actions.batch import run_batch
    from dueprocess.letters.models import LetterBatch

    batch = run_batch(LetterBatch.objects.select_related("layoff", "created_by").get(public_id=batch_id))
    return {"done": batch.done, "failed": batch.failed}
