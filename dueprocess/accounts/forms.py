from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dueprocess.accounts import throttle
from dueprocess.accounts.models import User


class ThrottledLoginMixin:
    """Refuse a locked username or address before the password is checked; count each failure."""

    request: object
    cleaned_data: dict

    def clean(self):  # type: ignore[no-untyped-def]
        username = self.cleaned_data.get("username") or ""
        keys = throttle.login_keys(self.request, username)  # type: ignore[arg-type]
        if until := throttle.locked_until(keys):
            raise ValidationError(throttle.locked_message(until), code="locked")
        try:
            cleaned = super().clean()  # type: ignore[misc]
        except ValidationError:
            account = User.objects.filter(username=username).first()
            if until := throttle.record_failure(keys, self.request, account):  # type: ignore[arg-type]
                raise ValidationError(throttle.locked_message(until), code="locked") from None
            raise
        throttle.forget(keys)
        return cleaned


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("6-digit code"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True, "size": 8}
        ),
    )
