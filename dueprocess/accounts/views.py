from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache

from dueprocess.accounts import actions, throttle, two_factor
from dueprocess.accounts.forms import CodeForm, LoginForm
from dueprocess.web.language import remember_language


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form) -> HttpResponse:  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        # The user's own language wins over the browser's once they have logged in.
        language = form.get_user().language
        translation.activate(language)
        remember_language(response, language)
        return response

    def get_success_url(self) -> str:
        url = super().get_success_url()
        if two_factor.required_for(self.request.user) and not two_factor.is_verified(self.request):
            return with_next("accounts:two_factor", url)
        return url


def with_next(view_name: str, next_url: str) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def _next(request: HttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if safe:
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: the current code from the user's authenticator app."""
    if not two_factor.required_for(request.user) or two_factor.is_verified(request):
        return redirect(_next(request))
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect(with_next("accounts:two_factor_enrol", _next(request)))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keys = throttle.code_keys(request, request.user)
        if until := throttle.locked_until(keys):
            form.add_error("code", throttle.locked_message(until))
        elif two_factor.check_code(device, form.cleaned_data["code"]):
            throttle.forget(keys)
            two_factor.mark_verified(request)
            return redirect(_next(request))
        else:
            until = throttle.record_failure(keys, request, request.user)
            form.add_error("code", throttle.locked_message(until) if until else actions.wrong_code_message())
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)})


@never_cache
@login_required
def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    """First login of a role that needs a second factor: scan the QR code, then enter a code."""
    if not two_factor.required_for(request.user):
        return redirect(_next(request))
    if two_factor.confirmed_device(request.user):
        return redirect(with_next("accounts:two_factor", _next(request)))
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keys = throttle.code_keys(request, request.user)
        if until := throttle.locked_until(keys):
            form.add_error("code", throttle.locked_message(until))
        else:
            try:
                actions.confirm_two_factor(device, form.cleaned_data["code"], actor=request.user)
            except ValidationError as error:
                throttle.record_failure(keys, request, request.user)
                for message in error.message_dict.get("code", error.messages):
                    form.add_error("code", message)
            else:
                throttle.forget(keys)
                two_factor.mark_verified(request)
                return redirect(_next(request))
    context = {
        "form": form,
        "next": _next(request),
        "qr": two_factor.qr_data_uri(device),
        "secret": two_factor.grouped_secret(device),
        "uri": two_factor.provisioning_uri(device),
    }
    return render(request, "accounts/two_factor_enrol.html", context)
