"""What other apps read about letters (the employee portal lists the letters delivered to the user)."""

from __future__ import annotations

from django.db.models import QuerySet

from dueprocess.accounts import policy


def letters_for_employee(user) -> QuerySet:
    """The letters delivered to the user's own portal, newest first."""
    return policy.letters_for_employee(user).select_related("employee").order_by("-issued_at", "-pk")
