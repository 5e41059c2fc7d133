"""What an answer means for the matrix: allowed, refused, or something neither should ever be."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import resolve_url

ALLOWED, REFUSED = "allowed", "refused"


def _to_login(response) -> bool:
    return response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))


def page_outcome(response, *, redirect_refuses: bool = False) -> str:
    """A page: 200 (or a redirect to another page) is allowed; 403, 404 or the login page refused."""
    status = response.status_code
    if status in (200, 204):
        return ALLOWED
    if status in (301, 302):
        if _to_login(response):
            return REFUSED
        return REFUSED if redirect_refuses else ALLOWED
    if status in (401, 403, 404):
        return REFUSED
    return f"status {status}"


def action_outcome(response, *, redirect_refuses: bool = False, login_is_success: bool = False) -> str:
    """A button or a form: refused is 401, 403, 404 or the login page; anything else got past the gate
    (a redirect, the form again with its errors, 422 for input the action refuses)."""
    status = response.status_code
    if status in (301, 302) and not login_is_success and (redirect_refuses or _to_login(response)):
        return REFUSED
    if status in (401, 403, 404):
        return REFUSED
    if status in (405, 500):
        return f"status {status}"
    return ALLOWED


def mismatches(expected: dict[str, str], seen: dict[str, str]) -> list[str]:
    return [
        f"{role}: expected {expected[role]}, got {seen[role]}"
        for role in expected
        if seen[role] != expected[role]
    ]
