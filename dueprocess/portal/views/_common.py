"""What every portal view shares: only a user with an employee record of their own gets in, and
anything that is not theirs is not found (existence is not leaked)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from dueprocess.accounts import policy


def portal_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not policy.can_use_portal(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def own(queryset: QuerySet, public_id):
    return get_object_or_404(queryset, public_id=public_id)


def flash_refusal(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)
