"""Writing a letter: the data from the record, the template in the sandbox, the PDF stored by its
hash, and "letters.issued" with that hash in the record. A preview does the same without keeping
anything, so what HR reads before issuing is exactly what the employee will receive."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.letters import library
from dueprocess.letters.actions._common import Errors, letter_event, require, today
from dueprocess.letters.context import build_context, employee_of, targets_of
from dueprocess.letters.kinds import (
    AFTER_NOTICE,
    CASE,
    CHECK_IN,
    ENDING,
    JURISDICTIONS,
    PLAN,
    WARNING,
    Language,
    LetterKind,
    target_of,
)
from dueprocess.letters.models import Letter, LetterBatch, LetterTemplate
from dueprocess.letters.pdf import document_html, render_pdf
from dueprocess.letters.sandbox import LetterTemplateError, Rendered, Sources, render
from dueprocess.lib.canonical import dumps_bytes
from dueprocess.plans.models import CheckIn, ImprovementPlan
from dueprocess.records import store_document
from dueprocess.reviews.models import Warning

# A notice of termination states the employer's decision; a mutual agreement or the employee's
# own resignation is not one (the agreement has its own kind).
NOT_BY_NOTICE = {"mutual_agreement_employer_proposed", "mutual_agreement_employee_proposed", "resignation"}
DECIDED = [Stage.APPROVED, Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED, Stage.OFFBOARDING, Stage.CLOSED]
SERVED = DECIDED[1:]


@dataclass(frozen=True)
class Composed:
    context: dict[str, Any]
    rendered: Rendered
    html: str


def target_type(target: models.Model) -> str | None:
    types = {SeparationCase: CASE, CheckIn: CHECK_IN, ImprovementPlan: PLAN, Warning: WARNING}
    return types.get(type(target))


def writable_errors(kind: str, target: models.Model, language: str) -> Errors:
    """Why this kind of letter cannot be written about this target now (empty if it can)."""
    errors = Errors()
    if language not in Language.values:
        errors.add("language", _("Choose Chinese or English."))
    if kind not in LetterKind.values:
        errors.add("kind", _("Choose a kind of letter."))
        return errors
    if target_of(kind) != target_type(target):
        errors.add("kind", _("A %(kind)s is not written about this.") % {"kind": LetterKind(kind).label})
    elif isinstance(target, SeparationCase):
        _case_errors(errors, kind, target)
    return errors


def _case_errors(errors: Errors, kind: str, case: SeparationCase) -> None:
    label = LetterKind(kind).label
    places = JURISDICTIONS.get(kind)  # type: ignore[call-overload]
    if places and case.jurisdiction not in places:
        errors.add(
            "kind",
            _("A %(kind)s is written only under the law of %(places)s; this case is under %(case)s.")
            % {"kind": label, "places": ", ".join(sorted(places)), "case": case.jurisdiction},
        )
    if case.stage == Stage.WITHDRAWN:
        errors.add("case", _("This case was withdrawn."))
    if kind in ENDING and case.stage not in DECIDED:
        errors.add("case", _("A %(kind)s follows an approved decision.") % {"kind": label})
    if kind in ENDING and not case.last_day:
        errors.add("case", _("Plan the termination's dates (notice day and last day) first."))
    if kind in AFTER_NOTICE and case.stage not in SERVED:
        errors.add("case", _("A %(kind)s is written once notice has been served.") % {"kind": label})
    if kind == LetterKind.TERMINATION_NOTICE and case.ground in NOT_BY_NOTICE:
        errors.add("kind", _("On this ground the contract ends by agreement or resignation, not by notice."))


def compose(
    kind: str, target: models.Model, language: str, sources: Sources, *, public_id: uuid.UUID
) -> Composed:
    """Build the data and render it: a ValidationError names the missing fact or the template's line."""
    context = build_context(kind, target, language, public_id=public_id, issued_on=today())
    try:
        rendered = render(sources, context, language)
    except LetterTemplateError as error:
        raise ValidationError({"template": error.text}) from error
    return Composed(context, rendered, document_html(rendered, context, language))


def preview_letter(kind: str, target: models.Model, language: str, *, actor) -> Composed:
    require(policy.can_issue_letter(actor, target), _("write letters about this"))
    writable_errors(kind, target, language).raise_any()
    return compose(kind, target, language, library.current_sources(kind, language), public_id=uuid.uuid4())


def issue_letter(
    kind: str, target: models.Model, language: str, *, actor, batch: LetterBatch | None = None
) -> Letter:
    """Render, store and record one letter. ``actor`` None is the operator at the command line."""
    if actor is not None:
        require(policy.can_issue_letter(actor, target), _("write letters about this"))
    writable_errors(kind, target, language).raise_any()
    template = library.recorded_template(kind, language)
    public_id = uuid.uuid4()
    composed = compose(kind, target, language, library.sources_of(template), public_id=public_id)
    # Typeset before the transaction: the PDF takes a fraction of a second, and on SQLite an open
    # write transaction holds every other writer back meanwhile.
    pdf = render_pdf(composed.html)
    employee = employee_of(kind, target)
    name = f"{kind}-{employee.number}-{today():%Y%m%d}-{language}.pdf"
    with transaction.atomic():
        document = store_document(pdf, name=name, content_type="application/pdf")
        letter = Letter.objects.create(
            public_id=public_id,
            kind=kind,
            language=language,
            employee=employee,
            batch=batch,
            template=template,
            subject=composed.rendered.subject[:300],
            letterhead_html=composed.rendered.letterhead,
            body_html=composed.rendered.body,
            context=composed.context,
            sha256=document.sha256,
            size=document.size,
            issued_on=today(),
            issued_by=actor,
            **targets_of(kind, target),
        )
        letter_event(
            letter, "letters.issued", actor=actor, data=_issued_data(letter, template), documents=[document]
        )
    return letter


def _issued_data(letter: Letter, template: LetterTemplate) -> dict[str, Any]:
    return {
        "reference": letter.reference,
        "language": letter.language,
        "employee": letter.employee.number,
        "subject": letter.subject,
        "dated": letter.issued_on,
        "template": {"version": template.version, "sha256": template.sha256},
        "context_sha256": hashlib.sha256(dumps_bytes(letter.context)).hexdigest(),
        "sha256": letter.sha256,
    }
