"""The kinds of letter: what each is written about (its target), where the law asks for it, and which
parts of the record its template may read.

A template reads only the sections its kind lists. The termination certificate gets no ground, no
reason and no figures at all (PRC LCL IR art. 24 lists what it says, and nothing in it may harm the
employee); a reference letter likewise; so no edit of those templates can put the cause of the
dismissal on paper.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    PLAN_NOTICE = "plan_notice", _("improvement plan notice")
    CHECK_IN_SUMMARY = "check_in_summary", _("check-in summary")
    WRITTEN_WARNING = "written_warning", _("written warning")
    HEARING_INVITATION = "hearing_invitation", _("invitation to a hearing")
    UNION_NOTICE = "union_notice", _("notice to the trade union")
    TERMINATION_NOTICE = "termination_notice", _("notice of termination")
    MUTUAL_AGREEMENT = "mutual_agreement", _("mutual termination agreement")
    TERMINATION_CERTIFICATE = "termination_certificate", _("termination certificate")
    REFERENCE_LETTER = "reference_letter", _("reference letter")
    UK_DISMISSAL = "uk_dismissal", _("dismissal letter (UK)")
    CA_CHANGE_NOTICE = "ca_change_notice", _("notice of change in relationship (California)")
    CA_FINAL_PAY = "ca_final_pay", _("final-pay statement (California)")


class Language(models.TextChoices):
    ZH_HANS = "zh-hans", "简体中文"
    EN = "en", "English"


# What a letter is about: a separation case, an improvement plan, one check-in, or a warning.
CASE, PLAN, CHECK_IN, WARNING = "case", "plan", "check_in", "warning"
TARGETS = {
    LetterKind.PLAN_NOTICE: PLAN,
    LetterKind.CHECK_IN_SUMMARY: CHECK_IN,
    LetterKind.WRITTEN_WARNING: WARNING,
}

# Kinds that exist only under one jurisdiction's law; the others are written anywhere.
JURISDICTIONS = {
    LetterKind.UNION_NOTICE: {"CN"},  # PRC LCL 43
    LetterKind.TERMINATION_NOTICE: {"CN"},  # PRC LCL 36-44, each ground with its article
    LetterKind.MUTUAL_AGREEMENT: {"CN"},  # 协商解除, LCL 36 and 46(2)
    LetterKind.TERMINATION_CERTIFICATE: {"CN"},  # LCL 50, IR 24
    LetterKind.UK_DISMISSAL: {"GB"},  # ERA s.92 written reasons, ACAS Code para 22 and 26
    LetterKind.CA_CHANGE_NOTICE: {"US-CA"},  # UI Code 1089, 22 CCR 1089-1, EDD DE 2320
    LetterKind.CA_FINAL_PAY: {"US-CA"},  # LC 201-203, 227.3
}

# Letters that end the employment: they need the decision's dates (notice day and last day).
ENDING = {
    LetterKind.TERMINATION_NOTICE,
    LetterKind.MUTUAL_AGREEMENT,
    LetterKind.UK_DISMISSAL,
    LetterKind.CA_CHANGE_NOTICE,
    LetterKind.CA_FINAL_PAY,
}
# Written once the employment ends or notice of its end is served.
AFTER_NOTICE = {LetterKind.TERMINATION_CERTIFICATE}
# Addressed to someone other than the employee: never put in the employee's portal.
NOT_FOR_EMPLOYEE = {LetterKind.UNION_NOTICE}

COMMON = ("letter", "organisation", "employee")
SECTIONS: dict[str, tuple[str, ...]] = {
    LetterKind.PLAN_NOTICE: ("plan",),
    LetterKind.CHECK_IN_SUMMARY: ("plan", "check_in"),
    LetterKind.WRITTEN_WARNING: ("warning",),
    LetterKind.HEARING_INVITATION: ("case", "hearing"),
    LetterKind.UNION_NOTICE: ("case", "union_notice", "employment"),
    LetterKind.TERMINATION_NOTICE: ("case", "assessment", "employment"),
    LetterKind.MUTUAL_AGREEMENT: ("case", "assessment", "employment"),
    LetterKind.TERMINATION_CERTIFICATE: ("employment", "contract"),
    LetterKind.REFERENCE_LETTER: ("employment",),
    LetterKind.UK_DISMISSAL: ("case", "assessment", "employment", "hearing", "appeal"),
    LetterKind.CA_CHANGE_NOTICE: ("case", "employment"),
    LetterKind.CA_FINAL_PAY: ("case", "assessment", "employment"),
}


def target_of(kind: str) -> str:
    return TARGETS.get(kind, CASE)  # type: ignore[call-overload]


def sections(kind: str) -> tuple[str, ...]:
    return COMMON + SECTIONS[kind]


def kinds_for(target: str, jurisdiction: str | None = None) -> list[LetterKind]:
    """The kinds that can be written about this target (and, for a case, under its law)."""
    return [
        kind
        for kind in LetterKind
        if target_of(kind) == target
        and (jurisdiction is None or jurisdiction in JURISDICTIONS.get(kind, {jurisdiction}))
    ]
