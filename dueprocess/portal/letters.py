"""Letters delivered to the employee, as the portal lists them.

The letters app (``dueprocess.letters``) delivers letters to the portal and owns the letter page,
its PDF download and the acknowledgement and refusal (under /letters/), each asking the policy.
The portal lists what ``letters.queries.letters_for_employee`` returns and links there; where the
letters app is not installed it lists none and works without them.
"""

from __future__ import annotations

from django.apps import apps

LETTERS_APP = "dueprocess.letters"


def installed() -> bool:
    return apps.is_installed(LETTERS_APP)


def for_employee(user) -> list:
    if not installed():
        return []
    from dueprocess.letters.queries import letters_for_employee

    return list(letters_for_employee(user))


def awaiting_acknowledgement(user) -> list:
    return [letter for letter in for_employee(user) if letter.awaits_acknowledgement]
