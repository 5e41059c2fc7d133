"""Reading and writing letters: the letter page (preview and PDF), the employee's own list, and the
page that previews a letter about a case, plan, check-in or warning and issues it."""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.letters import actions
from dueprocess.letters.forms import DeliveryForm, LetterChoiceForm, RefusalForm
from dueprocess.letters.kinds import CASE, CHECK_IN, PLAN, WARNING, kinds_for
from dueprocess.letters.models import Letter
from dueprocess.letters.queries import letters_for_employee
from dueprocess.records import log_read
from dueprocess.records.downloads import hand_out

# How a target is named in the address of the page that writes a letter about it.
TARGET_SLUGS = {"case": CASE, "plan": PLAN, "check-in": CHECK_IN, "warning": WARNING}


def visible_letter(request: HttpRequest, public_id) -> Letter:
    # The same answer for "does not exist" and "not yours": existence is not leaked.
    letters = Letter.objects.visible_to(request.user).select_related(
        "employee", "case", "plan", "check_in", "warning", "template", "issued_by"
    )
    return get_object_or_404(letters, public_id=public_id)


@login_required
def my_letters(request: HttpRequest) -> HttpResponse:
    return render(request, "letters/my_letters.html", {"letters": letters_for_employee(request.user)})


@login_required
def letter_detail(request: HttpRequest, public_id) -> HttpResponse:
    letter = visible_letter(request, public_id)
    log_read(request.user, letter, "document", request=request)
    can_manage = policy.can_manage_letter(request.user, letter)
    context = {
        "letter": letter,
        "deliveries": letter.deliveries.select_related("recorded_by"),
        "acknowledgements": letter.acknowledgements.select_related("by"),
        "can_manage": can_manage,
        "can_acknowledge": policy.can_acknowledge_letter(request.user, letter),
        "refusal_form": RefusalForm(),
        "delivery_form": DeliveryForm() if can_manage else None,
    }
    return render(request, "letters/letter_detail.html", context)


@login_required
def letter_download(request: HttpRequest, public_id) -> FileResponse:
    """The PDF, only through the policy, always as an attachment, and written to the read log."""
    letter = visible_letter(request, public_id)
    pdf = SimpleNamespace(sha256=letter.sha256, name=letter.file_name, content_type="application/pdf")
    return hand_out(request, pdf, about=letter)


def writable_target(request: HttpRequest, slug: str, public_id) -> tuple[str, models.Model]:
    """The case, plan, check-in or warning, if the user may see it and write letters about it."""
    from dueprocess.plans.models import CheckIn
    from dueprocess.reviews.models import Warning

    user = request.user
    kind = TARGET_SLUGS.get(slug)
    sources = {
        CASE: lambda: policy.cases_visible_to(user),
        PLAN: lambda: policy.plans_visible_to(user),
        CHECK_IN: lambda: CheckIn.objects.filter(plan__in=policy.plans_visible_to(user).values("pk")),
        WARNING: lambda: policy.conduct_visible_to(user, Warning),
    }
    if kind is None:
        raise Http404
    target = get_object_or_404(sources[kind](), public_id=public_id)
    if not policy.can_issue_letter(user, target):
        raise Http404
    return kind, target


@login_required
def letter_new(request: HttpRequest, target: str, public_id) -> HttpResponse:
    """Choose the kind and language, read the preview, then issue (and deliver) the letter."""
    kind_of_target, obj = writable_target(request, target, public_id)
    kinds = kinds_for(kind_of_target, getattr(obj, "jurisdiction", None))
    data = request.POST if request.method == "POST" else (request.GET if "kind" in request.GET else None)
    form = LetterChoiceForm(data, kinds=kinds, initial={"language": request.LANGUAGE_CODE})
    preview = None
    if form.is_valid():
        kind, language = form.cleaned_data["kind"], form.cleaned_data["language"]
        try:
            if request.method == "POST":
                letter = actions.issue_letter(kind, obj, language, actor=request.user)
                return _after_issue(request, letter)
            preview = actions.preview_letter(kind, obj, language, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
    context = {"form": form, "target": obj, "target_slug": target, "preview": preview}
    return render(request, "letters/letter_new.html", context)


def _after_issue(request: HttpRequest, letter: Letter) -> HttpResponse:
    messages.success(request, _("The letter was issued and its PDF kept in the record."))
    if request.POST.get("deliver") and letter.for_employee:
        try:
            actions.deliver_letter(letter, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The letter was put in the employee's portal and e-mailed to them."))
    return redirect("letters:letter_detail", letter.public_id)
