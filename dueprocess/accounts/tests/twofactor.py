"""Helpers for the two-factor tests: log in through the real forms, and the code an app would show."""

from django.conf import settings
from django.urls import reverse

from dueprocess.accounts import two_factor
from dueprocess.accounts.demo import DEMO_PASSWORD
from dueprocess.accounts.models import TwoFactorDevice


def log_in_with_password(client, username, **extra):
    response = client.post(
        reverse("accounts:login"), {"username": username, "password": DEMO_PASSWORD}, **extra
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # Logging in switches to the user's own language (Chinese for the demo users): tests read English.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return response


def code_of(username: str) -> str:
    return two_factor.current_code(TwoFactorDevice.objects.get(user__username=username).secret)


def enter_code(client, code: str, next_url: str = "", view: str = "accounts:two_factor"):
    return client.post(reverse(view), {"code": code, "next": next_url})
