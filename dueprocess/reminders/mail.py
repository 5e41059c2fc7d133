"""Composing and sending the e-mails: plain text, in the reader's language, with an optional calendar."""

from __future__ import annotations

import datetime as dt
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import formats, timezone
from django.utils.translation import gettext as _


def link(path: str) -> str:
    """A link for an e-mail: absolute when the site's address is configured (DUEPROCESS_SITE_URL)."""
    return f"{getattr(settings, 'SITE_URL', '')}{path}"


def when(value: dt.datetime) -> str:
    """A meeting's date and time, in the organisation's time zone and the active language."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def day(value: dt.date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def subject_line(text: str) -> str:
    # Mail headers are one line; a title may carry a newline from a free-text field.
    return " ".join(f"[dueprocess] {text}".split())[:200]


def send(to: str, subject: str, body: str, *, calendar: bytes | None = None, method: str = "") -> None:
    """One message to one person. A calendar goes as a text/calendar part with its iTIP method, which
    is what mail clients look for to offer "accept" or to remove a cancelled meeting."""
    message = EmailMessage(subject=subject_line(subject), body=body, to=[to])
    if calendar is not None:
        part = MIMEText(calendar.decode("utf-8"), "calendar", "utf-8")
        part.set_param("method", method)
        part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
        message.attach(part)
    message.send()


def footer() -> str:
    return _("This message was sent by dueprocess. Do not reply to it; open the link instead.")
