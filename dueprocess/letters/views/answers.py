"""After a letter is issued: delivering it, the employee's acknowledgement or refusal, and delivery
by other means. Each is a form on the letter page that posts here and comes back to it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.accounts.throttle import client_address
from dueprocess.letters import actions
from dueprocess.letters.forms import DeliveryForm, RefusalForm, add_action_errors
from dueprocess.letters.views.letters import visible_letter


def _client(request: HttpRequest) -> dict[str, str]:
    return {"ip": client_address(request), "user_agent": request.META.get("HTTP_USER_AGENT", "")}


def _done(request: HttpRequest, letter, action, success: str) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("letters:letter_detail", letter.public_id)


@login_required
@require_POST
def letter_deliver(request: HttpRequest, public_id) -> HttpResponse:
    letter = visible_letter(request, public_id)
    return _done(
        request,
        letter,
        lambda: actions.deliver_letter(letter, actor=request.user),
        _("The letter was put in the employee's portal and e-mailed to them."),
    )


@login_required
@require_POST
def letter_acknowledge(request: HttpRequest, public_id) -> HttpResponse:
    letter = visible_letter(request, public_id)
    sha256 = request.POST.get("sha256", "")
    return _done(
        request,
        letter,
        lambda: actions.acknowledge_letter(letter, actor=request.user, sha256=sha256, **_client(request)),
        _("You acknowledged receiving this letter."),
    )


@login_required
@require_POST
def letter_refuse(request: HttpRequest, public_id) -> HttpResponse:
    letter = visible_letter(request, public_id)
    form = RefusalForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _done(
        request,
        letter,
        lambda: actions.refuse_letter(letter, actor=request.user, note=note, **_client(request)),
        _("The refusal to acknowledge was recorded."),
    )


@login_required
def letter_record_delivery(request: HttpRequest, public_id) -> HttpResponse:
    letter = visible_letter(request, public_id)
    if not policy.can_manage_letter(request.user, letter):
        return redirect("letters:letter_detail", letter.public_id)
    form = DeliveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_other_delivery(letter, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The delivery was recorded."))
            return redirect("letters:letter_detail", letter.public_id)
    return render(request, "letters/delivery_form.html", {"letter": letter, "form": form})
