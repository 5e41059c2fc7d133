"""A layoff's letters, written in the background, with a progress bar that htmx refreshes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.letters import actions
from dueprocess.letters.forms import BatchForm, add_action_errors
from dueprocess.letters.kinds import CASE, kinds_for
from dueprocess.letters.models import LetterBatch


def _layoff(request: HttpRequest, public_id):
    if not policy.can_manage_layoffs(request.user):
        raise Http404
    return get_object_or_404(policy.layoffs_visible_to(request.user), public_id=public_id)


@login_required
def layoff_letters(request: HttpRequest, public_id) -> HttpResponse:
    layoff = _layoff(request, public_id)
    form = BatchForm(
        request.POST or None,
        kinds=kinds_for(CASE, layoff.jurisdiction),
        initial={"language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.start_layoff_letters(layoff, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The letters are being written in the background."))
            return redirect("letters:layoff_letters", layoff.public_id)
    context = {"layoff": layoff, "form": form, "batches": layoff.letter_batches.all()}
    return render(request, "letters/layoff_letters.html", context)


@login_required
def batch_progress(request: HttpRequest, public_id) -> HttpResponse:
    """The progress fragment: it asks to be fetched again until the batch has finished."""
    batch = get_object_or_404(LetterBatch.objects.select_related("layoff"), public_id=public_id)
    _layoff(request, batch.layoff.public_id)
    return render(request, "letters/_batch_progress.html", {"batch": batch})
