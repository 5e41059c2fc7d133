"""Until a user who needs a second factor has entered a code, every page but a few sends them to it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from dueprocess.accounts import policy, two_factor

# Pages that must work half-way through logging in: the steps themselves, leaving, the language.
OPEN_VIEWS = {
    "accounts:two_factor",
    "accounts:two_factor_enrol",
    "accounts:login",
    "accounts:logout",
    "admin:logout",
    "set_language",
    "web:healthz",
}


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:  # type: ignore[no-untyped-def]
        user = getattr(request, "user", None)
        if user is None or not two_factor.required_for(user) or two_factor.is_verified(request):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_VIEWS:
            return None
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return HttpResponseRedirect(reverse("accounts:two_factor") + (f"?{query}" if query else ""))


class PolicyAnswersMiddleware:
    """Keeps the policy's answers about who may see whom for the length of one request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with policy.answers_kept():
            return self.get_response(request)
