"""Thin views: fetch what the user may see (404 otherwise), parse the form, call the action."""

from dueprocess.letters.views.answers import (
    letter_acknowledge,
    letter_deliver,
    letter_record_delivery,
    letter_refuse,
)
from dueprocess.letters.views.batches import batch_progress, layoff_letters
from dueprocess.letters.views.letters import letter_detail, letter_download, letter_new, my_letters
from dueprocess.letters.views.templates import letterhead_edit, template_edit, template_list, template_version

__all__ = [
    "batch_progress",
    "layoff_letters",
    "letter_acknowledge",
    "letter_deliver",
    "letter_detail",
    "letter_download",
    "letter_new",
    "letter_record_delivery",
    "letter_refuse",
    "letterhead_edit",
    "my_letters",
    "template_edit",
    "template_list",
    "template_version",
]
