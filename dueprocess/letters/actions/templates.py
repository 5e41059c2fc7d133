"""Editing the organisation's letter templates: every save is a new version, checked by rendering
it against a sample before it is kept; the version it replaces stays as it was."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.letters import library
from dueprocess.letters.actions._common import Errors, require
from dueprocess.letters.kinds import Language, LetterKind
from dueprocess.letters.models import LetterTemplate
from dueprocess.letters.samples import sample_context
from dueprocess.letters.sandbox import LetterTemplateError, Sources, render
from dueprocess.records import record_event

SUBJECT_MAX = 300


def template_errors(kind: str, language: str, sources: Sources) -> Errors:
    """Render the three parts against the kind's sample: each failure is reported on its own field."""
    errors = Errors()
    errors.blank("subject", sources.subject, _("Write the subject."))
    errors.blank("body", sources.body, _("Write the body of the letter."))
    if len(sources.subject) > SUBJECT_MAX:
        errors.add("subject", _("Keep the subject under %(n)s characters.") % {"n": SUBJECT_MAX})
    if errors:
        return errors
    context = sample_context(kind, language)
    for part in ("subject", "letterhead", "body"):
        try:
            render(_only(sources, part), context, language)
        except LetterTemplateError as error:
            errors.add(part, error.text)
    return errors


def _only(sources: Sources, part: str) -> Sources:
    """The sources with every part but one emptied, so an error is laid at the right part's door."""
    return Sources(
        **{name: getattr(sources, name) if name == part else "" for name in ("subject", "letterhead", "body")}
    )


@transaction.atomic
def save_letterhead(language: str, *, actor: User, letterhead: str, note: str = "") -> list[LetterTemplate]:
    """The organisation's letterhead on every kind of letter in one language: a new version of each
    template whose letterhead differs, the rest of each template as it is."""
    require(policy.can_edit_letter_templates(actor), _("edit letter templates"))
    if language not in Language.values:
        Errors({"language": [_("Choose Chinese or English.")]}).raise_any()
    saved = []
    for kind in LetterKind:
        current = library.sources_of(library.recorded_template(kind, language))
        if current.letterhead != letterhead.strip():
            saved.append(
                save_template(
                    kind,
                    language,
                    actor=actor,
                    subject=current.subject,
                    letterhead=letterhead,
                    body=current.body,
                    note=note or _("The organisation's letterhead."),
                )
            )
    return saved


@transaction.atomic
def save_template(
    kind: str, language: str, *, actor: User, subject: str, letterhead: str, body: str, note: str = ""
) -> LetterTemplate:
    require(policy.can_edit_letter_templates(actor), _("edit letter templates"))
    errors = Errors()
    if kind not in LetterKind.values:
        errors.add("kind", _("Choose a kind of letter."))
    if language not in Language.values:
        errors.add("language", _("Choose Chinese or English."))
    errors.raise_any()
    sources = Sources(subject=subject.strip(), letterhead=letterhead.strip(), body=body.strip())
    errors = template_errors(kind, language, sources)
    current = library.recorded_template(kind, language)
    if not errors and library.sources_of(current) == sources:
        errors.add("body", _("Nothing has changed since version %(n)s.") % {"n": current.version})
    errors.raise_any()
    versions = LetterTemplate.objects.filter(kind=kind, language=language)
    # Locked, so that two editors saving at once get consecutive numbers instead of one failing.
    number = max(versions.select_for_update().values_list("version", flat=True), default=0) + 1
    versions.filter(active=True).update(active=False)
    template = LetterTemplate.objects.create(
        kind=kind,
        language=language,
        version=number,
        subject=sources.subject,
        letterhead=sources.letterhead,
        body=sources.body,
        note=note.strip()[:300],
        active=True,
        created_by=actor,
    )
    record_event(
        template,
        "letters.template_saved",
        actor=actor,
        data={
            "kind": kind,
            "language": language,
            "version": number,
            "replaces": current.version,
            "note": template.note,
            "sha256": template.sha256,
        },
    )
    return template
