"""Every write that matters in letters (DESIGN §3): atomic, a keyword-only ``actor``, the policy
asked, one ``letters.*`` event in the same transaction, side effects (e-mail, background work)
after the commit."""

from dueprocess.letters.actions.acknowledgement import acknowledge_letter, refuse_letter
from dueprocess.letters.actions.batch import create_batch, run_batch, start_layoff_letters
from dueprocess.letters.actions.delivery import deliver_letter, record_other_delivery, send_letter_email
from dueprocess.letters.actions.issue import issue_letter, preview_letter, writable_errors
from dueprocess.letters.actions.templates import save_letterhead, save_template, template_errors

__all__ = [
    "acknowledge_letter",
    "create_batch",
    "deliver_letter",
    "issue_letter",
    "preview_letter",
    "record_other_delivery",
    "refuse_letter",
    "run_batch",
    "save_letterhead",
    "save_template",
    "send_letter_email",
    "start_layoff_letters",
    "template_errors",
    "writable_errors",
]
