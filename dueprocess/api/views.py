"""The API tokens page: a person makes and revokes their own tokens. Thin: the actions decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.api.actions import create_api_token, revoke_api_token
from dueprocess.api.forms import TokenForm
from dueprocess.api.models import ApiToken


def _add_errors(form: TokenForm, error: ValidationError) -> None:
    fields = {"expires_at": "expires_on"}
    for field, messages_ in error.message_dict.items():
        name = fields.get(field, field)
        form.add_error(name if name in form.fields else None, messages_)


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form, plain = TokenForm(request.POST or None), None
    if request.method == "POST" and form.is_valid():
        try:
            _token, plain = create_api_token(
                actor=request.user,
                owner=request.user,
                name=form.cleaned_data["name"],
                expires_at=form.expires_at(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            form = TokenForm()
    context = {"form": form, "plain": plain, "tokens": ApiToken.objects.filter(owner=request.user)}
    response = render(request, "api/tokens.html", context)
    # The new token is on this page once: no cache may keep a copy.
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, public_id) -> HttpResponse:
    # Another person's token is not there, as far as this page is concerned.
    token = get_object_or_404(ApiToken.objects.filter(owner=request.user), public_id=public_id)
    try:
        revoke_api_token(token, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The token was revoked; requests that use it are refused from now on."))
    return redirect("api:tokens")
