"""Which template a letter is written from: the organisation's active version of its kind and
language, or the default that ships with the app (defaults/<language>/<kind>.html, whose first line
is "subject: ..."). A default is recorded as version 1 the first time it is used or edited, so that
every letter points at the exact text it came from."""

from __future__ import annotations

import functools
from pathlib import Path

from django.db import IntegrityError, transaction

from dueprocess.letters.models import LetterTemplate
from dueprocess.letters.sandbox import Sources

DEFAULTS = Path(__file__).with_name("defaults")
SUBJECT_PREFIX = "subject:"
DEFAULT_NOTE = "The default that ships with dueprocess."


@functools.cache
def default_sources(kind: str, language: str) -> Sources:
    folder = DEFAULTS / language
    text = (folder / f"{kind}.html").read_text(encoding="utf-8")
    first, _newline, body = text.partition("\n")
    if not first.startswith(SUBJECT_PREFIX):
        raise ValueError(f"{folder / kind}.html must begin with a line 'subject: ...'.")
    letterhead = (folder / "letterhead.html").read_text(encoding="utf-8")
    return Sources(
        subject=first.removeprefix(SUBJECT_PREFIX).strip(), letterhead=letterhead.strip(), body=body.strip()
    )


def sources_of(template: LetterTemplate) -> Sources:
    return Sources(subject=template.subject, letterhead=template.letterhead, body=template.body)


def active_template(kind: str, language: str) -> LetterTemplate | None:
    return LetterTemplate.objects.filter(kind=kind, language=language, active=True).first()


def current_sources(kind: str, language: str) -> Sources:
    """What a new letter would be written from, without recording anything."""
    template = active_template(kind, language)
    return sources_of(template) if template else default_sources(kind, language)


def recorded_template(kind: str, language: str) -> LetterTemplate:
    """The active version, recording the shipped default as version 1 if none exists yet."""
    template = active_template(kind, language)
    if template is not None:
        return template
    sources = default_sources(kind, language)
    try:
        with transaction.atomic():
            return LetterTemplate.objects.create(
                kind=kind,
                language=language,
                version=1,
                subject=sources.subject,
                letterhead=sources.letterhead,
                body=sources.body,
                note=DEFAULT_NOTE,
                active=True,
            )
    except IntegrityError:  # another writer recorded it at the same moment
        return LetterTemplate.objects.get(kind=kind, language=language, active=True)
