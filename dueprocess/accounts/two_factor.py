"""Two-factor authentication with time-based one-time codes (TOTP, RFC 6238).

Who must use it is a setting (TWO_FACTOR_ROLES, and every superuser). A session counts as verified
once its user has entered a good code in it; the session stores whose code that was, so a session
that changes hands is not verified for the new user.
"""

from __future__ import annotations

import hmac
import time

import pyotp
import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from dueprocess.accounts.models import TwoFactorDevice, User

SESSION_KEY = "accounts_two_factor_user"
ISSUER = "dueprocess"
STEP = 30  # seconds per code, as every authenticator app assumes
DRIFT = 1  # steps accepted either side of now: a phone's clock may be off by half a minute


def required_for(user: User) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.role in set(settings.TWO_FACTOR_ROLES)


def is_verified(request: HttpRequest) -> bool:
    return request.session.get(SESSION_KEY) == request.user.pk


def mark_verified(request: HttpRequest) -> None:
    # A new session key as well: the code raised the session's privileges.
    request.session.cycle_key()
    request.session[SESSION_KEY] = request.user.pk


def confirmed_device(user: User) -> TwoFactorDevice | None:
    return TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def pending_device(user: User) -> TwoFactorDevice:
    """The device the user is enrolling: the same secret on every visit until it is confirmed."""
    device, _created = TwoFactorDevice.objects.get_or_create(
        user=user, defaults={"secret": pyotp.random_base32(length=32)}
    )
    return device


def provisioning_uri(device: TwoFactorDevice) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(device.secret, interval=STEP).provisioning_uri(
        name=device.user.get_username(), issuer_name=ISSUER
    )


def qr_data_uri(device: TwoFactorDevice) -> str:
    """The URI as a QR code: an SVG drawn here, in a data: URI (no script; the CSP allows data: images)."""
    return segno.make(provisioning_uri(device), error="m").svg_data_uri(scale=5, border=2)


def grouped_secret(device: TwoFactorDevice) -> str:
    """The secret in groups of four, for typing into an app by hand."""
    return " ".join(device.secret[i : i + 4] for i in range(0, len(device.secret), 4))


def code_for_step(secret: str, step: int) -> str:
    return pyotp.TOTP(secret, interval=STEP).generate_otp(step)


def current_step() -> int:
    return int(time.time() // STEP)


def current_code(secret: str) -> str:
    return code_for_step(secret, current_step())


def check_code(device: TwoFactorDevice, code: str) -> bool:
    """Accept a code once: the step it belongs to must be later than the last one accepted."""
    code = "".join(code.split())
    if not (len(code) == 6 and code.isdigit()):
        return False
    with transaction.atomic():
        locked = TwoFactorDevice.objects.select_for_update().get(pk=device.pk)
        step = current_step()
        for candidate in range(step - DRIFT, step + DRIFT + 1):
            if locked.last_step is not None and candidate <= locked.last_step:
                continue
            if hmac.compare_digest(code_for_step(locked.secret, candidate), code):
                locked.last_step = candidate
                locked.save(update_fields=["last_step"])
                device.last_step = candidate
                return True
    return False
